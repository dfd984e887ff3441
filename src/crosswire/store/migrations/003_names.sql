-- crosswire store, schema version 3: each article's names as its story gives them
-- (records.Names as JSON), written with the story's brief, so corpus.json and the web UI
-- show the names the brief was made with. An article without a row keeps its own names.
CREATE TABLE IF NOT EXISTS article_names (
    article VARCHAR PRIMARY KEY, story VARCHAR NOT NULL, data JSON NOT NULL);
