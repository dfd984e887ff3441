-- crosswire store, schema version 2: the link state as rows (crosswire.link.saved), so a
-- run reads the state and writes back only the stories, features and terms it changed.
-- The store's old single JSON row (link_state) is converted into these rows by
-- DuckDBStore._migrate (Python: the JSON is split by link.saved.split_state), then dropped.
CREATE TABLE IF NOT EXISTS link_stories (
    id VARCHAR PRIMARY KEY, founder_pos BIGINT NOT NULL, live BIGINT, data JSON NOT NULL);
CREATE TABLE IF NOT EXISTS link_features (article VARCHAR PRIMARY KEY, data JSON NOT NULL);
CREATE TABLE IF NOT EXISTS link_terms (term VARCHAR PRIMARY KEY, df BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS link_aliases (alias VARCHAR PRIMARY KEY, story VARCHAR NOT NULL);
