"""Where things are: the raw root, the published warehouse, and the project folder."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW_DIR = PROJECT_ROOT / "samples" / "raw"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse" / "storyhouse.duckdb"


@dataclass(frozen=True)
class Settings:
    """Run settings, resolved to absolute paths."""

    raw_dir: Path
    warehouse: Path
    max_file_bytes: int
    workers: int = 0

    @classmethod
    def from_env(cls, raw_dir: str | None = None, warehouse: str | None = None,
                 workers: int | None = None) -> "Settings":
        """Arguments first, then STORYHOUSE_RAW_DIR / STORYHOUSE_WAREHOUSE /
        STORYHOUSE_MAX_FILE_BYTES / STORYHOUSE_WORKERS, then the defaults (the bundled sample,
        data/warehouse/, 2 MiB, one extraction worker per core)."""
        from ingest.raw_files import DEFAULT_MAX_FILE_BYTES

        return cls(
            raw_dir=Path(raw_dir or os.environ.get("STORYHOUSE_RAW_DIR") or DEFAULT_RAW_DIR).resolve(),
            warehouse=Path(warehouse or os.environ.get("STORYHOUSE_WAREHOUSE") or DEFAULT_WAREHOUSE).resolve(),
            max_file_bytes=int(os.environ.get("STORYHOUSE_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES),
            workers=workers if workers is not None else int(os.environ.get("STORYHOUSE_WORKERS") or 0),
        )
