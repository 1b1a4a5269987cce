"""The Dagster code location: `dagster dev -m orchestration.definitions` loads `defs`."""
from __future__ import annotations

import dagster as dg

from orchestration import assets as pipeline_assets
from orchestration import warehouse_assets
from orchestration.console import compact_console
from orchestration.resources import StoryhouseSettings
from orchestration.sensors import build_sensor
from orchestration.settings import Settings

BUILD_JOB = "build_warehouse"


def build_definitions(settings: Settings) -> dg.Definitions:
    """Assets, checks, the batch job, the raw-root sensor and resources for the given settings."""
    job = dg.define_asset_job(
        BUILD_JOB, selection=dg.AssetSelection.all(), partitions_def=pipeline_assets.INGEST_BATCHES,
        description="Apply one ingest batch: extract its new and changed files, merge them into a "
                    "staging copy of the warehouse, gate, publish.")
    return dg.Definitions(
        assets=dg.load_assets_from_modules([pipeline_assets, warehouse_assets]),
        jobs=[job],
        sensors=[build_sensor(BUILD_JOB)],
        loggers={"compact_console": compact_console},
        resources={
            "settings": StoryhouseSettings(raw_dir=str(settings.raw_dir), warehouse=str(settings.warehouse),
                                           max_file_bytes=settings.max_file_bytes, workers=settings.workers),
        },
    )


defs = build_definitions(Settings.from_env())
