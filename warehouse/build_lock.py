"""One build per warehouse at a time: an exclusive, non-blocking lock beside the staging file.

The lock is an `fcntl.flock` on `<staging folder>/build.lock`; the kernel releases it when the
holding process exits, even on SIGKILL, so a crashed build never leaves a stale lock. It is
re-entrant within a process: `storyhouse build` holds it for the whole run, and the steps it
runs in-process take it again without blocking themselves; steps of a run launched from the
UI (separate processes) take it for themselves.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path


_HELD: dict[Path, int] = {}


class BuildInProgress(RuntimeError):
    """Another build holds the lock of this warehouse."""


@contextmanager
def build_lock(staging_dir: str | os.PathLike, wait_seconds: float = 0.0):
    """Hold the build lock of the warehouse whose staging folder is `staging_dir`, or raise
    BuildInProgress when another process still holds it after `wait_seconds` (0: at once)."""
    folder = Path(staging_dir).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "build.lock"
    if _HELD.get(path):
        _HELD[path] += 1
        try:
            yield path
        finally:
            _HELD[path] -= 1
        return
    with open(path, "a+") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise BuildInProgress(
                        f"another build of this warehouse is running ({holder}); wait for it to "
                        "finish or stop it, then run again") from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        _HELD[path] = 1
        try:
            yield path
        finally:
            del _HELD[path]
            fcntl.flock(handle, fcntl.LOCK_UN)
