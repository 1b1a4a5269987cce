"""The sensor-driven path as an operator uses it: `dagster dev` (what ./bin/ui runs) with the
raw-root sensor on by default publishes the first batch, then a second one when files are
added, with no click. Slow (two sensor ticks and two runs): `./bin/test -m slow`."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, make_dagster_home
from test_incremental import SAMPLE_FILES, copy_files


def _batches(warehouse: Path) -> int:
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute("SELECT count(*) FROM ingest_batches").fetchone()[0]
    except (duckdb.Error, FileNotFoundError):
        return 0


def _wait_for(warehouse: Path, batches: int, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while _batches(warehouse) < batches:
        assert time.monotonic() < deadline, f"no batch {batches} published within {seconds:.0f}s"
        time.sleep(3)


@pytest.mark.slow
def test_dagster_dev_sensor_publishes_new_files_without_a_click(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "w.duckdb"
    copy_files(SAMPLE_FILES[:30], raw)
    env = {**os.environ, "DAGSTER_HOME": str(make_dagster_home(tmp_path / "home")),
           "STORYHOUSE_RAW_DIR": str(raw), "STORYHOUSE_WAREHOUSE": str(warehouse)}
    shutil.copyfile(PROJECT_ROOT / "dagster.yaml", tmp_path / "home" / "dagster.yaml")
    server = subprocess.Popen([str(PROJECT_ROOT / ".venv/bin/dagster"), "dev", "-m", "orchestration.definitions",
                               "-h", "127.0.0.1", "-p", "3127"], cwd=tmp_path / "home", env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for(warehouse, 1)
        copy_files(SAMPLE_FILES[30:40], raw)
        _wait_for(warehouse, 2)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT sum(files_new) FROM ingest_batches").fetchone()[0] == 40
