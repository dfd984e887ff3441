"""crosswire.ingest"""
