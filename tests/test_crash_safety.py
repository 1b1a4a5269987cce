"""Crash safety: a build killed with SIGKILL at random moments never leaves a partial published
warehouse, and the next build completes with the same tables as an uninterrupted one.

The default run kills 5 builds; `./bin/test -m slow -k crash` kills 20."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, build_warehouse
from orchestration.cli import EXIT_OK
from orchestration.settings import DEFAULT_RAW_DIR

TABLES = ["articles", "quotes", "entities", "entity_mentions", "events", "quarantine"]


def _table_rows(path: Path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def _start_build(warehouse: Path, home: Path) -> subprocess.Popen:
    env = {**os.environ, "DAGSTER_HOME": str(home),
           "PYTHONWARNINGS": "ignore:Function:Warning,ignore:Parameter:Warning,ignore:Class:Warning"}
    return subprocess.Popen([sys.executable, "-m", "orchestration.cli", "build", "--quiet",
                             "--raw-dir", str(DEFAULT_RAW_DIR), "--warehouse", str(warehouse)],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_builds_at_random_points(dagster_home: Path, tmp_path: Path, kills: int) -> None:
    warehouse = tmp_path / "published.duckdb"
    assert build_warehouse(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    reference = _table_rows(warehouse)
    rng = random.Random(8)
    finished_anyway = 0
    for _ in range(kills):
        build = _start_build(warehouse, dagster_home)
        time.sleep(rng.uniform(0.5, 14.0))
        if build.poll() is None:
            build.send_signal(signal.SIGKILL)
        else:
            finished_anyway += 1
        build.wait()
        # Killed before its atomic rename, a build leaves the old file; killed after it, the
        # new one. Either way the published file must be a complete version.
        assert _table_rows(warehouse) == reference, "the published warehouse is not a complete version"
    assert finished_anyway < kills, "no build was actually interrupted"
    assert build_warehouse(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    assert _table_rows(warehouse) == reference


def test_killed_builds_never_publish_a_partial_warehouse(dagster_home, tmp_path):
    _kill_builds_at_random_points(dagster_home, tmp_path, kills=5)


@pytest.mark.slow
def test_twenty_killed_builds(dagster_home, tmp_path):
    _kill_builds_at_random_points(dagster_home, tmp_path, kills=20)
