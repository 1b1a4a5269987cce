"""Run every extraction over one ingest batch, chunk by chunk, on all cores.

The batch's files are cut into chunks of about `chunk_bytes` of raw input; each chunk is read
(`ingest.raw_files.read_files`), extracted (`transforms.pipeline.extract_tables`) and written as
one Parquet part per table (`<batch dir>/<table>/part-NNNNN.parquet`). Only a few chunks are in
memory at a time, so a batch of a million stories needs no more memory than one of a thousand.
Chunks run in `workers` spawned processes (spawn, not fork: polars' thread pool does not
survive a fork); a batch of one chunk runs in-process, which keeps small incremental batches
free of process start-up.
"""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import polars as pl

from ingest.raw_files import read_files
from transforms.pipeline import STAGES, extract_tables
from warehouse.merge import BATCH_TABLES

DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024


@dataclass
class ExtractionSummary:
    """Rows written per table, seconds per stage (summed over chunks) and wall time."""

    files: int = 0
    chunks: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BATCH_TABLES, 0))
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(("read", *STAGES), 0.0))
    wall_seconds: float = 0.0

    def add(self, files: int, rows: dict[str, int], seconds: dict[str, float]) -> None:
        self.files += files
        self.chunks += 1
        for table, n in rows.items():
            self.rows[table] += n
        for stage, s in seconds.items():
            self.stage_seconds[stage] += s


def chunk_files(manifest: pl.DataFrame, chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> list[list[str]]:
    """The manifest's new and changed files, in path order, cut into chunks of about
    `chunk_bytes` (a file larger than that is a chunk of its own)."""
    chunks: list[list[str]] = [[]]
    size = 0
    wanted = manifest.filter(pl.col("change") != "deleted").sort("source_path")
    for path, nbytes in wanted.select("source_path", "size_bytes").iter_rows():
        if chunks[-1] and size + (nbytes or 0) > chunk_bytes:
            chunks.append([])
            size = 0
        chunks[-1].append(path)
        size += nbytes or 0
    return [c for c in chunks if c]


def extract_chunk(raw_root: str, paths: list[str], max_bytes: int, out_dir: str,
                  number: int) -> tuple[int, dict[str, int], dict[str, float]]:
    """Read, extract and write one chunk; returns (files, rows per table, seconds per stage)."""
    start = time.perf_counter()
    raw = read_files(raw_root, paths, max_bytes)
    read_seconds = time.perf_counter() - start
    tables, seconds = extract_tables(raw)
    for table, frame in tables.items():
        folder = Path(out_dir, table)
        folder.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(folder / f"part-{number:05d}.parquet", compression="zstd")
    return len(paths), {t: f.height for t, f in tables.items()}, {"read": read_seconds, **seconds}


def _worker_init() -> None:
    """Keep each worker to one polars thread: the pool already uses every core."""
    os.environ["POLARS_MAX_THREADS"] = "1"


def extract_batch(raw_root: str | os.PathLike, manifest: pl.DataFrame, out_dir: str | os.PathLike,
                  max_bytes: int, workers: int = 0, chunk_bytes: int = DEFAULT_CHUNK_BYTES,
                  progress: Callable[[ExtractionSummary, int], None] | None = None) -> ExtractionSummary:
    """Extract every new or changed file of the batch into `out_dir` (replaced if present).
    `workers` 0 means one per core. `progress(summary, total_files)` runs after each chunk."""
    out_dir = Path(out_dir)
    for table in BATCH_TABLES:
        shutil.rmtree(out_dir / table, ignore_errors=True)
    chunks = chunk_files(manifest, chunk_bytes)
    total = sum(len(c) for c in chunks)
    summary = ExtractionSummary()
    start = time.perf_counter()
    workers = workers or os.cpu_count() or 1
    if len(chunks) <= 1 or workers == 1:
        for number, paths in enumerate(chunks):
            summary.add(*extract_chunk(str(raw_root), paths, max_bytes, str(out_dir), number))
            if progress:
                progress(summary, total)
    else:
        os.environ.setdefault("POLARS_MAX_THREADS", "1")
        with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=get_context("spawn"),
                                 initializer=_worker_init) as pool:
            futures = [pool.submit(extract_chunk, str(raw_root), paths, max_bytes, str(out_dir), number)
                       for number, paths in enumerate(chunks)]
            for future in as_completed(futures):
                summary.add(*future.result())
                if progress:
                    progress(summary, total)
    summary.wall_seconds = time.perf_counter() - start
    return summary
