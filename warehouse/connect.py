"""How analysts (notebooks, the cookbook, scripts) open the published warehouse."""
from __future__ import annotations

import os

import duckdb

from warehouse.search import load_fts


def open_warehouse(path: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """A READ-ONLY connection with full-text search loaded. Close it when done: a build never
    waits for readers (it renames a new file into place), but an open connection keeps
    showing the version it opened."""
    con = duckdb.connect(str(path), read_only=True)
    load_fts(con)
    return con
