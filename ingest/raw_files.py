"""Inventory and read the raw root safely.

Everything below the raw root is read recursively. Nothing outside it is ever opened:
symlinks and paths that resolve outside the root become `outside_root` problems, files over
the size limit `too_large`, unreadable ones `unreadable`. A problem is reported as a row, never
raised, so one bad file cannot lose the rest of the batch.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import polars as pl

DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024  # a news story is rarely over 100 KB

RAW_SCHEMA = {
    "source_path": pl.String,
    "size_bytes": pl.Int64,
    "content": pl.Binary,
    "content_sha256": pl.String,
    "problem": pl.String,
    "problem_detail": pl.String,
}


def _walk(root: Path) -> list[Path]:
    """Every non-directory entry below `root`, sorted, without following directory symlinks."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        found.extend(Path(folder, name) for name in files)
        found.extend(Path(folder, d) for d in dirs if Path(folder, d).is_symlink())
    return sorted(found)


def _read_one(root: Path, path: Path, max_bytes: int) -> dict:
    """Read one file under `root` into a RAW_SCHEMA row (content null when there is a problem)."""
    rel = path.relative_to(root).as_posix()
    row = dict.fromkeys(RAW_SCHEMA)
    row["source_path"] = rel
    try:
        resolved = path.resolve(strict=True)
        if path.is_symlink() or not resolved.is_relative_to(root):
            row.update(problem="outside_root",
                       problem_detail=f"{rel} is a symlink or resolves to {resolved}, outside the raw root {root}; "
                                      "copy the file into the raw root instead of linking it.")
            row["content_sha256"] = hashlib.sha256(str(resolved).encode()).hexdigest()
            return row
        size = resolved.stat().st_size
        row["size_bytes"] = size
        if size > max_bytes:
            row.update(problem="too_large",
                       problem_detail=f"{rel} is {size:,} bytes, over the {max_bytes:,}-byte limit "
                                      "(STORYHOUSE_MAX_FILE_BYTES); split it into one file per story.")
            with open(resolved, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
            row["content_sha256"] = digest
            return row
        with open(resolved, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        row.update(problem="unreadable",
                   problem_detail=f"{rel} could not be read ({exc.strerror or exc}); fix its permissions "
                                  "or restore it, then run again.")
        row["content_sha256"] = hashlib.sha256(rel.encode()).hexdigest()
        return row
    row["content"] = data
    row["size_bytes"] = len(data)
    row["content_sha256"] = hashlib.sha256(data).hexdigest()
    return row


def list_raw_root(root: str | os.PathLike) -> list[str]:
    """Every entry below `root` that `read_raw_root` would read, as sorted '/'-separated paths
    relative to the root (nothing is opened)."""
    root_path = _checked_root(root)
    return [path.relative_to(root_path).as_posix() for path in _walk(root_path)]


def read_files(root: str | os.PathLike, rel_paths: list[str],
               max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> pl.DataFrame:
    """Read the given files below `root` (paths relative to it) into RAW_SCHEMA rows, with the
    same safety rules as `read_raw_root`; a path that no longer exists becomes `unreadable`."""
    root_path = _checked_root(root)
    return pl.DataFrame([_read_one(root_path, root_path / rel, max_bytes) for rel in rel_paths],
                        schema=RAW_SCHEMA)


def file_digests(root: str | os.PathLike, rel_paths: list[str], max_bytes: int = DEFAULT_MAX_FILE_BYTES,
                 progress=None) -> list[str]:
    """The content_sha256 `read_files` would give each file, without keeping the bytes.
    `progress(done, total)` is called every 1,000 files and at the end."""
    root_path = _checked_root(root)
    digests = []
    for done, rel in enumerate(rel_paths, 1):
        digests.append(_read_one(root_path, root_path / rel, max_bytes)["content_sha256"])
        if progress and (done % 1000 == 0 or done == len(rel_paths)):
            progress(done, len(rel_paths))
    return digests


def _checked_root(root: str | os.PathLike) -> Path:
    root_path = Path(root).resolve(strict=True)
    if not root_path.is_dir():
        raise NotADirectoryError(f"raw root {root_path} is not a folder")
    return root_path


def read_raw_root(root: str | os.PathLike, max_bytes: int = DEFAULT_MAX_FILE_BYTES,
                  progress=None) -> pl.DataFrame:
    """Read every file below `root`.

    Returns RAW_SCHEMA: source_path (relative to root, '/'-separated), size_bytes, content
    (null when unreadable), content_sha256 (of the bytes; of the path when unreadable),
    problem and problem_detail (null for a file that was read).
    `progress(done, total)` is called every 1,000 files when given.
    """
    root_path = _checked_root(root)
    paths = _walk(root_path)
    rows = []
    for i, path in enumerate(paths, 1):
        rows.append(_read_one(root_path, path, max_bytes))
        if progress and i % 1000 == 0:
            progress(i, len(paths))
    return pl.DataFrame(rows, schema=RAW_SCHEMA)
