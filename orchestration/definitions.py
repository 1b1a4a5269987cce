"""The Dagster code location: `dagster dev -m orchestration.definitions` loads `defs`."""
from __future__ import annotations

import dagster as dg

from orchestration import assets as pipeline_assets
from orchestration import warehouse_assets
from orchestration.console import compact_console
from orchestration.resources import PolarsParquetIOManager, StoryhouseSettings
from orchestration.settings import Settings

BUILD_JOB = "build_warehouse"


def build_definitions(settings: Settings) -> dg.Definitions:
    """Assets, checks, resources and the build job for the given settings."""
    from warehouse.publish import staging_path_for

    assets = dg.load_assets_from_modules([pipeline_assets, warehouse_assets])
    return dg.Definitions(
        assets=assets,
        jobs=[dg.define_asset_job(BUILD_JOB, selection=dg.AssetSelection.all(),
                                  description="Read the raw root, extract, load staging, gate, publish.")],
        loggers={"compact_console": compact_console},
        resources={
            "settings": StoryhouseSettings(raw_dir=str(settings.raw_dir), warehouse=str(settings.warehouse),
                                           max_file_bytes=settings.max_file_bytes),
            pipeline_assets.PARQUET: PolarsParquetIOManager(
                base_dir=str(staging_path_for(settings.warehouse).parent / "intermediate")),
        },
    )


defs = build_definitions(Settings.from_env())
