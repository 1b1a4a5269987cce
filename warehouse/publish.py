"""Publishing: the staging file replaces the published warehouse in one atomic rename.

Readers that hold the old file open (read-only) keep reading the old version; new connections
see the new one. A build never opens the published file, so an analyst's connection can
never make a build fail, and a build can never show an analyst a half-written file.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb


def staging_path_for(published: str | os.PathLike) -> Path:
    """Where the staging file of a warehouse lives: beside it (same filesystem, so the final
    rename is atomic), in a hidden `.staging` folder."""
    published = Path(published)
    return published.parent / ".staging" / published.name


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
    with duckdb.connect(str(staging)) as con:
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
