"""Dagster resources: the run settings."""

from pathlib import Path

import dagster as dg


class StoryhouseSettings(dg.ConfigurableResource):
    """Raw root to read, published warehouse to write, per-file size limit, extraction
    workers (0: one per core) and how long a batch waits for another batch's publish."""

    raw_dir: str
    warehouse: str
    max_file_bytes: int
    workers: int = 0
    lock_wait_seconds: float = 1800.0

    @property
    def warehouse_path(self) -> Path:
        return Path(self.warehouse)

    @property
    def state_dir(self) -> Path:
        from warehouse.publish import state_dir_for

        return state_dir_for(self.warehouse)
