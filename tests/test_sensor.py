"""The raw-root sensor: new and changed files become a batch (a dynamic partition and a run
request), nothing changed means a skip, and the requested run publishes the batch."""
from __future__ import annotations

import dagster as dg

from orchestration.assets import INGEST_BATCHES
from orchestration.definitions import BUILD_JOB, build_definitions
from orchestration.settings import Settings
from test_incremental import SAMPLE_FILES, copy_files, query


def _tick(defs: dg.Definitions, instance: dg.DagsterInstance):
    sensor = defs.get_sensor_def("raw_root_sensor")
    context = dg.build_sensor_context(instance=instance, resources={"settings": defs.resources["settings"]})
    return sensor(context)


def _run(defs: dg.Definitions, instance: dg.DagsterInstance, result: dg.SensorResult) -> None:
    for request in result.dynamic_partitions_requests:
        instance.add_dynamic_partitions(INGEST_BATCHES.name, list(request.partition_keys))
    for run in result.run_requests:
        outcome = defs.resolve_job_def(BUILD_JOB).execute_in_process(
            instance=instance, partition_key=run.partition_key, raise_on_error=False)
        assert outcome.success, run.partition_key


def test_sensor_requests_one_run_per_batch_and_skips_when_nothing_changed(dagster_home, tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "w.duckdb"
    copy_files(SAMPLE_FILES[:20], raw)
    defs = build_definitions(Settings(raw_dir=raw, warehouse=warehouse, max_file_bytes=2**21))
    with dg.DagsterInstance.get() as instance:
        first = _tick(defs, instance)
        assert isinstance(first, dg.SensorResult) and len(first.run_requests) == 1
        batch = first.run_requests[0].partition_key
        assert first.run_requests[0].run_key == batch
        assert list(first.dynamic_partitions_requests[0].partition_keys) == [batch]
        _run(defs, instance, first)
        assert query(warehouse, "SELECT batch_id, files_new FROM ingest_batches") == [(batch, 20)]

        assert isinstance(_tick(defs, instance), dg.SkipReason)

        copy_files(SAMPLE_FILES[20:25], raw)
        (raw / SAMPLE_FILES[0]).write_bytes((raw / SAMPLE_FILES[0]).read_bytes() + b"\nA late paragraph.\n")
        second = _tick(defs, instance)
        assert [r.partition_key for r in second.run_requests] != [batch]
        _run(defs, instance, second)
        assert query(warehouse, "SELECT files_new, files_changed FROM ingest_batches ORDER BY batch_id") == \
            [(20, 0), (5, 1)]
        assert isinstance(_tick(defs, instance), dg.SkipReason)
