"""Write and audit one ingest batch: copy the published warehouse to the batch's staging file,
apply the batch, re-cluster the events it touched, refresh views and search, and run the
quality gate on the rows it wrote. Publishing is the caller's next step (warehouse.publish).

This module wires the warehouse (DuckDB) to the one transform the merge needs, event
clustering; both sides stay ignorant of each other.
"""
from __future__ import annotations

import datetime as dt
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from ingest.batches import Batch, batch_dir
from transforms import vocabulary
from transforms.event_clusters import cluster_events
from transforms.version import EXTRACTOR_VERSION
from warehouse.gate import TableValidation, Vocabularies, batch_scope, validate_all
from warehouse.merge import MergeResult, apply_batch, events_in_blocks, replace_cluster_ids
from warehouse.publish import clear_gate_mark, mark_gate_passed, published_identity
from warehouse.staging import create_staging, load_table
from warehouse.views import create_views

VOCABULARIES = Vocabularies.from_module(vocabulary)


@dataclass
class StagedBatch:
    """A batch applied to its staging file, with the gate's verdict."""

    path: Path
    base: str
    merge: MergeResult
    validations: dict[str, TableValidation]
    articles_total: int
    seconds: dict[str, float]

    @property
    def passed(self) -> bool:
        return self.articles_total > 0 and all(v.success for v in self.validations.values())


def staging_file(state_dir: Path, batch_id: str) -> Path:
    return batch_dir(state_dir, batch_id) / "staging.duckdb"


def _gate_results_frame(validations: dict[str, TableValidation]) -> pl.DataFrame:
    """One row per expectation the gate ran, kept in the warehouse for the data-quality notebook."""
    rows = [{"table_name": v.table, "expectation": o.expectation, "column_name": o.column,
             "success": o.success, "row_count": v.row_count, "unexpected_count": o.unexpected_count,
             "unexpected_sample": [str(x) for x in o.unexpected_sample], "detail": o.detail}
            for v in validations.values() for o in v.outcomes]
    return pl.DataFrame(rows, schema={"table_name": pl.String, "expectation": pl.String,
                                      "column_name": pl.String, "success": pl.Boolean,
                                      "row_count": pl.Int32, "unexpected_count": pl.Int32,
                                      "unexpected_sample": pl.List(pl.String), "detail": pl.String})


def _start_staging(published: Path, staging: Path, fresh: bool) -> str:
    """Copy the published file to `staging` (an empty warehouse for a fresh rebuild or the
    first batch); returns the published file's identity at copy time."""
    base = published_identity(published)
    if fresh or base == "none":
        create_staging(staging)
        return base
    clear_gate_mark(staging)
    staging.with_name(staging.name + ".wal").unlink(missing_ok=True)
    shutil.copyfile(published, staging)
    return base


RECLUSTER_BLOCKS = 100_000
"""Touched event blocks re-clustered at a time (memory stays flat for a fresh million-story build)."""


def _recluster(staging: Path, batch_folder: Path, blocks: int) -> int:
    """Re-cluster the events of every block the batch touched, slice by slice."""
    parts = max(1, -(-blocks // RECLUSTER_BLOCKS))
    return sum(replace_cluster_ids(staging, cluster_events(events_in_blocks(staging, batch_folder, i, parts)))
               for i in range(parts) if blocks)


def stage_batch(batch: Batch, state_dir: Path, published: Path, raw_dir: str, run_id: str,
                today: dt.date | None = None) -> StagedBatch:
    """Apply `batch` (already extracted into its batch folder) to a staging copy of
    `published` and gate it; marks the staging file publishable when every check passed."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    staging = staging_file(state_dir, batch.batch_id)
    base = _start_staging(published, staging, batch.fresh)
    timings["copy"] = time.perf_counter() - started
    folder = batch_dir(state_dir, batch.batch_id)
    merge = apply_batch(staging, batch.batch_id, folder, batch.manifest)
    _recluster(staging, folder, merge.touched_blocks)
    timings["merge"] = time.perf_counter() - started - timings["copy"]
    with duckdb.connect(str(staging)) as con:
        files_active, articles_total = con.execute(
            "SELECT (SELECT count(*) FROM source_files WHERE status = 'active'), "
            "(SELECT count(*) FROM articles)").fetchone()
    load_table(staging, "build_info", pl.DataFrame({
        "built_at": [dt.datetime.now(dt.timezone.utc)], "raw_dir": [raw_dir],
        "extractor_version": [EXTRACTOR_VERSION], "files_seen": [files_active],
        "run_id": [run_id], "batch_id": [batch.batch_id]}))
    mark = time.perf_counter()
    create_views(staging, None if batch.fresh else merge.articles_added + merge.articles_removed)
    timings["views_and_search"] = time.perf_counter() - mark
    mark = time.perf_counter()
    validations = validate_all(str(staging), VOCABULARIES, today, scope=batch_scope(batch.batch_id))
    timings["gate"] = time.perf_counter() - mark
    load_table(staging, "gate_results", _gate_results_frame(validations))
    staged = StagedBatch(staging, base, merge, validations, articles_total, timings)
    if staged.passed:
        mark_gate_passed(staging, run_id)
        (staging.parent / "staging.base").write_text(base)
    return staged


def staged_base(staging: Path) -> str | None:
    """The published identity a staging file was copied from (None if it never passed)."""
    path = staging.parent / "staging.base"
    return path.read_text() if path.exists() else None
