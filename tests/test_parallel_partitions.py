"""Two ingest batches materialised concurrently, each by the multiprocess executor in its own
run, give the same warehouse as a sequential build: extraction runs in parallel, and the
write-and-publish steps apply the batches in planning order (the later batch waits)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg

from ingest.batches import plan_batch
from orchestration.assets import INGEST_BATCHES
from test_incremental import SAMPLE_FILES, copy_files, fresh_hashes, table_hashes
from warehouse.publish import state_dir_for

TESTS = Path(__file__).resolve().parent


def test_two_partitions_run_concurrently_give_the_sequential_warehouse(dagster_home, tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "w.duckdb"
    state = state_dir_for(warehouse)
    half = len(SAMPLE_FILES) // 2
    copy_files(SAMPLE_FILES[:half], raw)
    first = plan_batch(raw, state, fresh=True)
    copy_files(SAMPLE_FILES[half:], raw)
    second = plan_batch(raw, state)
    with dg.DagsterInstance.get() as instance:
        instance.add_dynamic_partitions(INGEST_BATCHES.name, [first.batch_id, second.batch_id])
    env = {**os.environ, "STORYHOUSE_RAW_DIR": str(raw), "STORYHOUSE_WAREHOUSE": str(warehouse),
           "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent)])}
    runs = []
    for batch in (second.batch_id, first.batch_id):  # the later batch starts first and must wait
        runs.append(subprocess.Popen([sys.executable, str(TESTS / "parallel_job.py"), batch], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        time.sleep(2)
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], "\n".join(o[-2000:] for o in outputs)
    assert table_hashes(warehouse) == fresh_hashes(raw, tmp_path)
