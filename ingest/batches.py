"""Ingest batches: what changed below the raw root since the last batch was planned.

A batch is the unit of incremental work: a manifest of the raw files that are new, changed
(different content) or deleted, planned by comparing the raw root with the *inventory* of
files already handed to earlier batches. Unchanged files are never read again:

- a file whose size and modification time match the inventory is not opened;
- a file whose size or mtime differs is hashed (sha256 of its bytes, as `ingest.raw_files`
  reads it), and only a different hash puts it in the batch (a `touch` costs one read, no
  batch);
- a file in the inventory that is gone from the raw root is `deleted`.

State lives in the warehouse's state folder (beside the staging file):
`inventory.parquet` (source_path, size_bytes, mtime_ns, content_sha256) and
`batches/<batch_id>/manifest.parquet` (source_path, content_sha256, size_bytes, change).
Planning holds an exclusive lock so that a sensor tick and a command-line build never plan
the same change twice.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import shutil
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ingest.raw_files import DEFAULT_MAX_FILE_BYTES, file_digests, list_raw_root

INVENTORY_SCHEMA = {"source_path": pl.String, "size_bytes": pl.Int64, "mtime_ns": pl.Int64,
                    "content_sha256": pl.String}
MANIFEST_SCHEMA = {"source_path": pl.String, "content_sha256": pl.String, "size_bytes": pl.Int64,
                   "change": pl.String}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Batch:
    """A planned batch: its id (sortable by planning time), its manifest, and whether it
    starts a fresh warehouse (a rebuild from scratch) instead of updating the published one."""

    batch_id: str
    manifest: pl.DataFrame
    fresh: bool = False

    def count(self, change: str) -> int:
        return self.manifest.filter(pl.col("change") == change).height

    def describe(self) -> str:
        return (f"batch {self.batch_id}: {self.count('new'):,} new, {self.count('changed'):,} changed, "
                f"{self.count('deleted'):,} deleted files")


def batch_dir(state_dir: str | os.PathLike, batch_id: str) -> Path:
    """Where a batch's manifest and extracted tables live."""
    return Path(state_dir, "batches", batch_id)


def load_manifest(state_dir: str | os.PathLike, batch_id: str) -> Batch:
    """The batch planned earlier under `batch_id`; a clear error when it is unknown."""
    path = batch_dir(state_dir, batch_id) / "manifest.parquet"
    if not path.exists():
        raise FileNotFoundError(f"no manifest for ingest batch {batch_id} at {path}: the batch was "
                                "never planned here (or its state folder was removed); let the sensor or "
                                "`storyhouse build` plan a new batch")
    return Batch(batch_id, pl.read_parquet(path), fresh=(path.parent / "FRESH").exists())


def _stat_root(root: Path) -> pl.DataFrame:
    """source_path, size_bytes, mtime_ns of every entry below the root (lstat: a symlink is
    described, not followed)."""
    rows = []
    for rel in list_raw_root(root):
        st = os.lstat(root / rel)
        rows.append((rel, st.st_size, st.st_mtime_ns))
    return pl.DataFrame(rows, schema={k: INVENTORY_SCHEMA[k] for k in ("source_path", "size_bytes", "mtime_ns")},
                        orient="row")


def _load_inventory(state_dir: Path) -> pl.DataFrame:
    path = state_dir / "inventory.parquet"
    return pl.read_parquet(path) if path.exists() else pl.DataFrame(schema=INVENTORY_SCHEMA)


def _write_atomically(frame: pl.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    frame.write_parquet(tmp)
    tmp.replace(path)


@contextmanager
def _planning_lock(state_dir: Path):
    state_dir.mkdir(parents=True, exist_ok=True)
    with open(state_dir / "plan.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _batch_id(manifest: pl.DataFrame, now: dt.datetime) -> str:
    digest = hashlib.sha256()
    for row in manifest.sort("source_path").iter_rows():
        digest.update("\x1f".join(str(v) for v in row).encode() + b"\n")
    return f"{now:%Y%m%d-%H%M%S-%f}-{digest.hexdigest()[:8]}"


def diff_inventory(root: str | os.PathLike, known: pl.DataFrame, max_bytes: int = DEFAULT_MAX_FILE_BYTES,
                   progress: Progress | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Compare the raw root with `known` (INVENTORY_SCHEMA). Returns (manifest, inventory):
    the MANIFEST_SCHEMA rows of new, changed and deleted files, and the inventory after them.
    Only files whose size or mtime differ from `known` are read (to hash them);
    `progress(hashed, to_hash)` is called every 1,000 files."""
    root = Path(root).resolve(strict=True)
    current = _stat_root(root)
    joined = current.join(known.rename({c: f"{c}_known" for c in INVENTORY_SCHEMA if c != "source_path"}),
                          on="source_path", how="left")
    same_stat = ((pl.col("size_bytes") == pl.col("size_bytes_known"))
                 & (pl.col("mtime_ns") == pl.col("mtime_ns_known"))).fill_null(False)
    kept = joined.filter(same_stat).select("source_path", "size_bytes", "mtime_ns",
                                           content_sha256="content_sha256_known")
    to_hash = joined.filter(~same_stat)
    hashed = to_hash.with_columns(content_sha256=pl.Series(
        file_digests(root, to_hash["source_path"].to_list(), max_bytes, progress), dtype=pl.String))
    changed = hashed.filter(pl.col("content_sha256") != pl.col("content_sha256_known").fill_null(""))
    deleted = known.join(current, on="source_path", how="anti")
    manifest = pl.concat([
        changed.select("source_path", "content_sha256", "size_bytes", change=pl.when(
            pl.col("content_sha256_known").is_null()).then(pl.lit("new")).otherwise(pl.lit("changed"))),
        deleted.select("source_path", "content_sha256", "size_bytes", change=pl.lit("deleted")),
    ]).cast(MANIFEST_SCHEMA).sort("source_path")
    inventory = pl.concat([kept, hashed.select(list(INVENTORY_SCHEMA))]).sort("source_path")
    return manifest, inventory


def plan_batch(root: str | os.PathLike, state_dir: str | os.PathLike,
               max_bytes: int = DEFAULT_MAX_FILE_BYTES, fresh: bool = False,
               now: dt.datetime | None = None, progress: Progress | None = None) -> Batch | None:
    """Plan the next batch: write its manifest and the new inventory, and return it; None
    when nothing changed. With `fresh`, the inventory is ignored (every file is new) and
    earlier batches are forgotten: the start of a rebuild from scratch."""
    state_dir = Path(state_dir)
    with _planning_lock(state_dir):
        known = pl.DataFrame(schema=INVENTORY_SCHEMA) if fresh else _load_inventory(state_dir)
        manifest, inventory = diff_inventory(root, known, max_bytes, progress)
        if manifest.height == 0:
            _write_atomically(inventory, state_dir / "inventory.parquet")
            return None
        batch = Batch(_batch_id(manifest, now or dt.datetime.now(dt.timezone.utc)), manifest, fresh)
        folder = batch_dir(state_dir, batch.batch_id)
        if fresh:
            for old in planned_batch_ids(state_dir):
                shutil.rmtree(batch_dir(state_dir, old), ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "FRESH").write_text("rebuild from scratch\n")
        _write_atomically(manifest, folder / "manifest.parquet")
        _write_atomically(inventory, state_dir / "inventory.parquet")
        return batch


def planned_batch_ids(state_dir: str | os.PathLike) -> list[str]:
    """Every batch planned in this state folder, oldest first."""
    folder = Path(state_dir, "batches")
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "manifest.parquet").exists())
