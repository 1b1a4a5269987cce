"""The raw-root sensor: new, changed or deleted raw files become an ingest batch and a run."""
from __future__ import annotations

import dagster as dg

from ingest.batches import plan_batch, planned_batch_ids
from orchestration.assets import INGEST_BATCHES
from orchestration.resources import StoryhouseSettings
from warehouse.publish import applied_batch_ids

SENSOR_INTERVAL_SECONDS = 30


def pending_batches(settings: StoryhouseSettings) -> list[str]:
    """Batches planned but not yet in the published warehouse, oldest first."""
    applied = applied_batch_ids(settings.warehouse_path)
    return [b for b in planned_batch_ids(settings.state_dir) if b not in applied]


def build_sensor(job_name: str) -> dg.SensorDefinition:
    @dg.sensor(name="raw_root_sensor", job_name=job_name, minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
               default_status=dg.DefaultSensorStatus.RUNNING,
               description="Every 30 s: lists the raw root, hashes files whose size or mtime changed, "
                           "and plans an ingest batch of the files that are new, changed (other sha256) "
                           "or deleted. Each batch becomes a dynamic partition and one run; a failed "
                           "batch is not retried by itself (re-execute its partition after fixing).")
    def raw_root_sensor(context: dg.SensorEvaluationContext, settings: StoryhouseSettings):
        fresh = not settings.warehouse_path.exists() and not planned_batch_ids(settings.state_dir)
        batch = plan_batch(settings.raw_dir, settings.state_dir, settings.max_file_bytes, fresh=fresh)
        if batch:
            context.log.info(batch.describe())
        pending = pending_batches(settings)
        if not pending:
            return dg.SkipReason(f"no new, changed or deleted files below {settings.raw_dir}")
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=b, partition_key=b) for b in pending],
            dynamic_partitions_requests=[INGEST_BATCHES.build_add_request(pending)])

    return raw_root_sensor
