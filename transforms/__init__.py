"""Pure polars transforms: DataFrames in, DataFrames out. No Dagster, no DuckDB, no file I/O."""
