"""Version of the parsing and extraction code; stamped on every article (`extractor_version`).
Bump it whenever a change to `transforms/` can change a row."""
EXTRACTOR_VERSION = "0.1.0"
