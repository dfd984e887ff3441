-- crosswire store, schema version 4: each article's extraction (records.Extraction as JSON,
-- the dict the JSON outputs carry) is kept zlib-compressed per row, in a column DuckDB stores
-- uncompressed. DuckDB compressed the JSON column in blocks (ZSTD), and reading the ~400
-- scattered articles of the stories a batch touches then decoded whole blocks: 0.3-1.0 s in
-- a store of 100k articles, against 0.02 s per-row. The data step (store/duckdb.py) copies
-- the old rows over.
CREATE TABLE IF NOT EXISTS extractions_packed (
    article VARCHAR PRIMARY KEY, data BLOB NOT NULL USING COMPRESSION uncompressed);
