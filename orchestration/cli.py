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
        "build", help="ingest what changed below a raw folder, extract, check and publish the warehouse",
        description="Plan an ingest batch of the files below --raw-dir that are new, changed (other sha256) "
                    "or deleted since the last batch, extract articles, quotes, entities and events from "
                    "them on every core, apply them to a staging copy of the warehouse, run the Great "
                    "Expectations gate on what changed and, only if every check passes, publish the file "
                    "atomically to --warehouse. The first build (or --full) ingests everything; later "
                    "builds cost what changed. Batches planned earlier but not yet published run first. "
                    f"Exit codes: {EXIT_OK} published or nothing to do, {EXIT_GATE_FAILED} a gate check failed "
                    f"(published warehouse untouched), {EXIT_NOTHING_READ} no story could be read, "
                    f"{EXIT_ERROR} other error, {EXIT_BUSY} another build of the same warehouse is running.")
    build.add_argument("--raw-dir", help="folder of raw story files, read recursively "
                                         "(default: $STORYHOUSE_RAW_DIR, else the bundled samples/raw)")
    build.add_argument("--warehouse", help="published DuckDB file to write "
                                           "(default: $STORYHOUSE_WAREHOUSE, else data/warehouse/storyhouse.duckdb)")
    build.add_argument("--full", action="store_true",
                       help="rebuild from scratch: ingest every file again into a new warehouse")
    build.add_argument("--workers", type=int, help="extraction processes (default: $STORYHOUSE_WORKERS, "
                                                   "else one per core)")
    build.add_argument("--quiet", action="store_true", help="print only the summary")
    return parser


def _hashing_progress():
    """Print `[plan] hashed N/M files (rate)` at most every 2 s while a batch is planned."""
    start = last = time.perf_counter()

    def report(done: int, total: int) -> None:
        nonlocal last
        now = time.perf_counter()
        if now - last >= 2.0 or done == total:
            last = now
            print(f"[plan] hashed {done:,}/{total:,} new or changed files "
                  f"({done / max(now - start, 1e-9):,.0f} files/s)", flush=True)
    return report


def _execute(job, instance, batch_id: str, quiet: bool):
    level = "ERROR" if quiet else "INFO"
    return job.execute_in_process(
        instance=instance, raise_on_error=False, partition_key=batch_id,
        run_config={"loggers": {"compact_console": {"config": {"log_level": level}}}})


def _run_build(settings: Settings, quiet: bool, full: bool) -> int:
    """Plan a batch, run every pending batch in order, and print a summary per batch."""
    import dagster as dg

    from ingest.batches import plan_batch
    from orchestration.assets import INGEST_BATCHES
    from orchestration.definitions import BUILD_JOB, build_definitions
    from orchestration.sensors import pending_batches
    from warehouse.build_lock import build_lock
    from warehouse.publish import state_dir_for

    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT))
    if os.path.realpath(os.environ["DAGSTER_HOME"]) == str(PROJECT_ROOT):
        os.chdir(PROJECT_ROOT)  # dagster.yaml's storage paths are relative to the project root
    definitions = build_definitions(settings)
    resource = definitions.resources["settings"]
    state_dir = state_dir_for(settings.warehouse)
    with build_lock(state_dir), dg.DagsterInstance.get() as instance:
        fresh = full or not settings.warehouse.exists()
        started = time.perf_counter()
        batch = plan_batch(settings.raw_dir, state_dir, settings.max_file_bytes, fresh=fresh,
                           progress=None if quiet else _hashing_progress())
        print(f"[plan] {batch.describe() if batch else 'no new, changed or deleted files'} "
              f"({time.perf_counter() - started:.1f}s)")
        pending = pending_batches(resource)
        if not pending:
            print(f"Nothing to do: every file below {settings.raw_dir} is already in {settings.warehouse}.")
            return EXIT_OK
        job = definitions.resolve_job_def(BUILD_JOB)
        instance.add_dynamic_partitions(INGEST_BATCHES.name, pending)
        for batch_id in pending:
            started = time.perf_counter()
            result = _execute(job, instance, batch_id, quiet)
            code = _summary(result, settings, batch_id, time.perf_counter() - started)
            if code != EXIT_OK:
                return code
    return EXIT_OK


def _summary(result, settings: Settings, batch_id: str, seconds: float) -> int:
    from orchestration.warehouse_assets import NONEMPTY_CHECK
    from warehouse.staging import table_counts

    failed_checks = [e for e in result.get_asset_check_evaluations() if not e.passed]
    published = any(m.asset_key.to_user_string() == "published_warehouse"
                    for m in result.asset_materializations_for_node("published_warehouse"))
    print(f"\nstoryhouse build: batch {batch_id} finished in {seconds:.1f}s (run {result.run_id})")
    if [e.check_name for e in failed_checks] == [NONEMPTY_CHECK]:
        print(f"No story could be read below {settings.raw_dir}; the published warehouse was left untouched.")
        _print_quarantine_of_staging(settings, batch_id)
        return EXIT_NOTHING_READ
    if failed_checks:
        print("QUALITY GATE FAILED, the published warehouse was left untouched:")
        for evaluation in failed_checks:
            print(f"  - {evaluation.check_name}: {evaluation.description}")
        return EXIT_GATE_FAILED
    if not published:
        failures = [e for e in result.all_events if e.is_step_failure]
        for event in failures:
            error = event.event_specific_data.error
            while error.cause is not None:
                error = error.cause
            print(f"  step {event.step_key} failed: {error.message.strip()}")
        return EXIT_ERROR
    counts = table_counts(settings.warehouse)
    print(f"Published {settings.warehouse}")
    print(f"  raw folder   {settings.raw_dir}")
    for table, n in counts.items():
        print(f"  {table:<18} {n:>9,}")
    _print_quarantine(settings.warehouse)
    return EXIT_OK


def _print_quarantine_of_staging(settings: Settings, batch_id: str) -> None:
    from orchestration.apply_batch import staging_file
    from warehouse.publish import state_dir_for

    _print_quarantine(staging_file(state_dir_for(settings.warehouse), batch_id))


def _print_quarantine(path) -> None:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT reason, count(*), min(source_path) FROM quarantine "
                           "GROUP BY reason ORDER BY count(*) DESC, reason").fetchall()
    for reason, n, example in rows:
        print(f"  quarantined {n:,} × {reason} (e.g. {example})")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env(args.raw_dir, args.warehouse, args.workers)
    if not settings.raw_dir.is_dir():
        print(f"storyhouse: raw folder {settings.raw_dir} does not exist or is not a folder; "
              "pass --raw-dir or set STORYHOUSE_RAW_DIR.", file=sys.stderr)
        return EXIT_NOTHING_READ
    from warehouse.build_lock import BuildInProgress

    try:
        return _run_build(settings, args.quiet, args.full)
    except BuildInProgress as exc:
        print(f"storyhouse: {settings.warehouse}: {exc}", file=sys.stderr)
        return EXIT_BUSY


if __name__ == "__main__":
    sys.exit(main())
