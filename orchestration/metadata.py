"""Materialization metadata an operator wants to see in the Dagster UI."""
from __future__ import annotations

import time

import dagster as dg
import polars as pl


def log_stage(context: dg.AssetExecutionContext, stage: str, items: int, unit: str, seconds: float) -> None:
    """One progress line per stage: `[stage] N unit in Xs (rate unit/s)` (bench/ parses it)."""
    rate = items / seconds if seconds > 0 else float("inf")
    context.log.info(f"[{stage}] {items:,} {unit} in {seconds:.2f}s ({rate:,.0f} {unit}/s)")


def timed_stage(context: dg.AssetExecutionContext, stage: str, items: int | None, unit: str,
                compute) -> tuple[pl.DataFrame, dict]:
    """Run `compute()`, log its progress line, and return its frame with the stage metadata.
    `items` is what the rate counts (None: the rows of the returned frame)."""
    start = time.perf_counter()
    frame = compute()
    seconds = time.perf_counter() - start
    log_stage(context, stage, frame.height if items is None else items, unit, seconds)
    return frame, stage_metadata(frame, seconds, items=items)


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


def stage_metadata(frame: pl.DataFrame, seconds: float, items: int | None = None) -> dict:
    """Row count, time and rate of a stage."""
    items = frame.height if items is None else items
    return {
        "rows": dg.MetadataValue.int(frame.height),
        "seconds": dg.MetadataValue.float(round(seconds, 3)),
        "items_per_second": dg.MetadataValue.float(round(items / seconds, 1) if seconds > 0 else 0.0),
    }
