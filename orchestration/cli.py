"""`storyhouse`: build the warehouse from the command line (for scripts and cron).

Runs the same Dagster job as the UI, in-process, recording the run in the instance at
DAGSTER_HOME (default: this project folder, configured by its dagster.yaml).
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from orchestration.settings import PROJECT_ROOT, Settings

EXIT_OK, EXIT_GATE_FAILED, EXIT_NOTHING_READ, EXIT_ERROR, EXIT_BUSY = 0, 1, 2, 3, 4


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyhouse", description="News-analytics warehouse: raw story files to a quality-gated DuckDB file.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser(
        "build", help="read a raw folder, extract, check and publish the warehouse",
        description="Read every file below --raw-dir, parse and extract articles, quotes, entities and "
                    "events, load them into a staging DuckDB file, run the Great Expectations gate and, "
                    "only if every check passes, publish the file atomically to --warehouse. "
                    f"Exit codes: {EXIT_OK} published, {EXIT_GATE_FAILED} a gate check failed (published "
                    f"warehouse untouched), {EXIT_NOTHING_READ} no story could be read, {EXIT_ERROR} other error, "
                    f"{EXIT_BUSY} another build of the same warehouse is running (nothing was done).")
    build.add_argument("--raw-dir", help="folder of raw story files, read recursively "
                                         "(default: $STORYHOUSE_RAW_DIR, else the bundled samples/raw)")
    build.add_argument("--warehouse", help="published DuckDB file to write "
                                           "(default: $STORYHOUSE_WAREHOUSE, else data/warehouse/storyhouse.duckdb)")
    build.add_argument("--quiet", action="store_true", help="print only the summary")
    return parser


def _run_build(settings: Settings, quiet: bool):
    import dagster as dg

    from orchestration.definitions import BUILD_JOB, build_definitions

    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT))
    if os.path.realpath(os.environ["DAGSTER_HOME"]) == str(PROJECT_ROOT):
        os.chdir(PROJECT_ROOT)  # dagster.yaml's storage paths are relative to the project root
    from warehouse.build_lock import build_lock
    from warehouse.publish import staging_path_for

    job = build_definitions(settings).resolve_job_def(BUILD_JOB)
    level = "ERROR" if quiet else "INFO"
    with build_lock(staging_path_for(settings.warehouse).parent), dg.DagsterInstance.get() as instance:
        return job.execute_in_process(
            instance=instance, raise_on_error=False,
            run_config={"loggers": {"compact_console": {"config": {"log_level": level}}}})


def _summary(result, settings: Settings, seconds: float) -> int:
    from orchestration.warehouse_assets import NONEMPTY_CHECK
    from warehouse.staging import table_counts

    failed_checks = [e for e in result.get_asset_check_evaluations() if not e.passed]
    published = any(m.asset_key.to_user_string() == "published_warehouse"
                    for m in result.asset_materializations_for_node("published_warehouse"))
    print(f"\nstoryhouse build finished in {seconds:.1f}s (run {result.run_id})")
    if [e.check_name for e in failed_checks] == [NONEMPTY_CHECK]:
        print(f"No story could be read below {settings.raw_dir}; the published warehouse was left untouched.")
        _print_quarantine_of_staging(settings)
        return EXIT_NOTHING_READ
    if failed_checks:
        print("QUALITY GATE FAILED, the published warehouse was left untouched:")
        for evaluation in failed_checks:
            print(f"  - {evaluation.check_name}: {evaluation.description}")
        return EXIT_GATE_FAILED
    if not published:
        failures = [e for e in result.all_events if e.is_step_failure]
        for event in failures:
            print(f"  step {event.step_key} failed: {event.event_specific_data.error.message.strip()}")
        return EXIT_ERROR
    counts = table_counts(settings.warehouse)
    print(f"Published {settings.warehouse}")
    print(f"  raw folder   {settings.raw_dir}")
    for table, n in counts.items():
        print(f"  {table:<16} {n:>9,}")
    _print_quarantine(settings.warehouse)
    return EXIT_OK


def _print_quarantine_of_staging(settings: Settings) -> None:
    from warehouse.publish import staging_path_for

    _print_quarantine(staging_path_for(settings.warehouse))


def _print_quarantine(path) -> None:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT reason, count(*), min(source_path) FROM quarantine "
                           "GROUP BY reason ORDER BY count(*) DESC, reason").fetchall()
    for reason, n, example in rows:
        print(f"  quarantined {n:,} × {reason} (e.g. {example})")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env(args.raw_dir, args.warehouse)
    if not settings.raw_dir.is_dir():
        print(f"storyhouse: raw folder {settings.raw_dir} does not exist or is not a folder; "
              "pass --raw-dir or set STORYHOUSE_RAW_DIR.", file=sys.stderr)
        return EXIT_NOTHING_READ
    from warehouse.build_lock import BuildInProgress

    start = time.perf_counter()
    try:
        result = _run_build(settings, args.quiet)
    except BuildInProgress as exc:
        print(f"storyhouse: {settings.warehouse}: {exc}", file=sys.stderr)
        return EXIT_BUSY
    return _summary(result, settings, time.perf_counter() - start)


if __name__ == "__main__":
    sys.exit(main())
