"""Materialization metadata an operator wants to see in the Dagster UI."""
from __future__ import annotations

import dagster as dg
import polars as pl


def log_stage(context: dg.AssetExecutionContext, stage: str, items: int, unit: str, seconds: float) -> None:
    """One progress line per stage: `[stage] N unit in Xs (rate unit/s)` (bench/ parses it)."""
    rate = items / seconds if seconds > 0 else float("inf")
    context.log.info(f"[{stage}] {items:,} {unit} in {seconds:.2f}s ({rate:,.0f} {unit}/s)")


def _cell(value, width: int) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def preview(frame: pl.DataFrame, columns: list[str], rows: int = 8, width: int = 60) -> dg.MetadataValue:
    """The first rows of `frame` as a markdown table."""
    head = frame.select(columns).head(rows)
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v, width) for v in row) + " |" for row in head.iter_rows()]
    return dg.MetadataValue.md("\n".join(lines))


def counts_by(frame: pl.DataFrame, column: str) -> dg.MetadataValue:
    """Row counts per value of `column`, as a markdown table."""
    counts = frame.group_by(column).len().sort(["len", column], descending=[True, False])
    lines = [f"| {column} | rows |", "|---|---|"]
    lines += [f"| {value} | {n:,} |" for value, n in counts.iter_rows()]
    return dg.MetadataValue.md("\n".join(lines))
