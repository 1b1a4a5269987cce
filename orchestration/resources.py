"""Dagster resources: the run settings, and an IO manager that keeps polars frames as Parquet."""

from pathlib import Path

import dagster as dg
import polars as pl


class StoryhouseSettings(dg.ConfigurableResource):
    """Raw root to read, published warehouse to write, per-file size limit."""

    raw_dir: str
    warehouse: str
    max_file_bytes: int

    @property
    def staging_dir(self) -> Path:
        from warehouse.publish import staging_path_for

        return staging_path_for(self.warehouse).parent


class PolarsParquetIOManager(dg.ConfigurableIOManager):
    """Stores each asset's polars DataFrame as `<base_dir>/<asset>.parquet` (zstd)."""

    base_dir: str

    def _path(self, key: dg.AssetKey) -> Path:
        return Path(self.base_dir, *key.path).with_suffix(".parquet")

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame) -> None:
        path = self._path(context.asset_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        obj.write_parquet(tmp, compression="zstd")
        tmp.replace(path)

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        path = self._path(context.asset_key)
        if not path.exists():
            raise FileNotFoundError(
                f"{path} does not exist: materialize the upstream asset {context.asset_key.to_user_string()} first")
        return pl.read_parquet(path)
