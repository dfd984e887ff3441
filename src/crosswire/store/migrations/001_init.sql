-- crosswire store, schema version 1. One DuckDB file; every JSON column holds the same
-- dicts the JSON outputs carry (validated by the schemas in render/schemas).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS inputs (
    input VARCHAR PRIMARY KEY, seq BIGINT, status VARCHAR NOT NULL, article VARCHAR,
    duplicate_of VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, seq BIGINT, source VARCHAR, title VARCHAR, published VARCHAR,
    url VARCHAR, author VARCHAR, input VARCHAR, text VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS extractions (article VARCHAR PRIMARY KEY, data JSON NOT NULL);
CREATE TABLE IF NOT EXISTS signatures (article VARCHAR PRIMARY KEY, hashvalues UBIGINT[] NOT NULL);
CREATE TABLE IF NOT EXISTS link_state (id INTEGER PRIMARY KEY, data JSON NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, title VARCHAR, n_articles INTEGER, first_date VARCHAR,
    data JSON NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, story VARCHAR, title VARCHAR, date VARCHAR, place VARCHAR);
CREATE TABLE IF NOT EXISTS story_aliases (alias VARCHAR PRIMARY KEY, story VARCHAR);
