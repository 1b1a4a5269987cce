"""How analysts (notebooks, the cookbook, scripts) open the published warehouse, and how the
build opens its staging files (with a memory ceiling)."""
from __future__ import annotations

import os

import duckdb

BUILD_MEMORY_LIMIT = os.environ.get("STORYHOUSE_DUCKDB_MEMORY_LIMIT", "2GB")
"""DuckDB's memory ceiling for build steps (it spills to disk beyond it); DuckDB's own default
is 80% of the machine's memory, too much beside the extraction workers and the gate."""


def connect_for_build(path: str | os.PathLike, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection for a build step: memory capped at BUILD_MEMORY_LIMIT."""
    return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": BUILD_MEMORY_LIMIT})


def open_warehouse(path: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """A READ-ONLY connection with full-text search loaded. Close it when done: a build never
    waits for readers (it renames a new file into place), but an open connection keeps
    showing the version it opened."""
    from warehouse.search import load_fts

    con = duckdb.connect(str(path), read_only=True)
    load_fts(con)
    return con
