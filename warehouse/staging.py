"""Build a staging DuckDB file from polars frames (the 'write' of write-audit-publish)."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl

from warehouse.schema import TABLES
from warehouse.connect import connect_for_build

# Order of rows in each table: by primary key, so the same input always gives the same file.
SORT_KEYS = {"articles": ["article_id"], "quotes": ["quote_id"], "entities": ["entity_id"],
             "entity_mentions": ["mention_id"], "events": ["event_id"],
             "quarantine": ["source_path", "reason"], "gate_results": ["table_name", "expectation", "column_name"],
             "build_info": []}


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Column names of `table`, in DDL order."""
    return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


def create_staging(path: str | os.PathLike) -> None:
    """Create an empty staging file with every warehouse table (replacing an old one)."""
    from warehouse.publish import clear_gate_mark

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clear_gate_mark(path)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    with connect_for_build(str(path)) as con:
        for ddl in TABLES.values():
            con.execute(ddl)


def load_table(path: str | os.PathLike, table: str, frame: pl.DataFrame) -> int:
    """Replace the rows of `table` in the staging file with `frame`; return the row count.

    The frame must hold at least the table's columns (extra columns are ignored); rows are
    written in primary-key order.
    """
    with connect_for_build(str(path)) as con:
        columns = table_columns(con, table)
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ValueError(f"cannot load {table}: the frame lacks columns {missing}")
        ordered = frame.select(columns)
        if SORT_KEYS[table]:
            ordered = ordered.sort(SORT_KEYS[table])
        arrow = ordered.to_arrow()
        con.execute(f"DELETE FROM {table}")
        con.register("incoming", arrow)
        con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
        con.unregister("incoming")
        con.execute("CHECKPOINT")
    return ordered.height


def table_counts(path: str | os.PathLike) -> dict[str, int]:
    """Row count of every warehouse table in a DuckDB file (opened read-only)."""
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
