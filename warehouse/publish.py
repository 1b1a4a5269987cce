"""Publishing: the staging file replaces the published warehouse in one atomic rename.

Readers that hold the old file open (read-only) keep reading the old version; new connections
see the new one. A build never opens the published file, so an analyst's connection can
never make a build fail, and a build can never show an analyst a half-written file.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from warehouse.connect import connect_for_build


def state_dir_for(published: str | os.PathLike) -> Path:
    """The warehouse's state folder: build lock, raw-root inventory, ingest batches (their
    manifests, extracted rows and staging files). Beside the published file, on the same
    filesystem, one per warehouse."""
    published = Path(published)
    return published.parent / ".staging" / published.stem


def published_identity(published: str | os.PathLike) -> str:
    """A token that changes whenever the published file is replaced ('none' before the first
    publish): a staging copy taken from an older version is stale."""
    try:
        st = os.stat(published)
    except FileNotFoundError:
        return "none"
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def applied_batch_ids(published: str | os.PathLike) -> set[str]:
    """The ingest batches the published warehouse holds (empty before the first publish)."""
    if not Path(published).exists():
        return set()
    with duckdb.connect(str(published), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT batch_id FROM ingest_batches").fetchall()}


def _marker(staging: Path) -> Path:
    return staging.with_name(staging.name + ".gate-passed")


def mark_gate_passed(staging: str | os.PathLike, run_id: str) -> None:
    """Record that every gate check passed on this staging file (publish requires it)."""
    _marker(Path(staging)).write_text(run_id + "\n")


def clear_gate_mark(staging: str | os.PathLike) -> None:
    """Forget a previous gate pass (called whenever the staging file is rebuilt)."""
    _marker(Path(staging)).unlink(missing_ok=True)


def publish(staging: str | os.PathLike, published: str | os.PathLike) -> Path:
    """Atomically move the checked staging file over the published warehouse.

    Refuses when the staging file has not passed the gate since it was last written.
    """
    staging, published = Path(staging), Path(published)
    if not _marker(staging).exists():
        raise PermissionError(f"{staging} has not passed the quality gate; run the gate checks "
                              "(materialize staging_warehouse) and fix what they report before publishing.")
    with connect_for_build(str(staging)) as con:
        con.execute("CHECKPOINT")
    wal = staging.with_name(staging.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{wal} still exists after a checkpoint; refusing to publish a partial file")
    published.parent.mkdir(parents=True, exist_ok=True)
    with open(staging, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(staging, published)
    clear_gate_mark(staging)
    dir_fd = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return published
