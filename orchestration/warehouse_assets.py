"""Write, audit, publish: load every table into a staging DuckDB file, validate it with the
Great Expectations gate (blocking checks), and only then publish it atomically."""

import datetime as dt
import time

import dagster as dg
import polars as pl

from orchestration.metadata import counts_by, log_stage
from orchestration.resources import StoryhouseSettings
from transforms import vocabulary
from transforms.version import EXTRACTOR_VERSION
from warehouse.build_lock import BuildInProgress, build_lock
from warehouse.gate import GATED_TABLES, TableValidation, Vocabularies, validate_all
from warehouse.publish import mark_gate_passed, publish, staging_path_for
from warehouse.staging import create_staging, load_table, table_counts
from warehouse.views import create_views

VOCABULARIES = Vocabularies.from_module(vocabulary)

NONEMPTY_CHECK = "gate_has_articles"

CHECK_SPECS = [
    dg.AssetCheckSpec(name=f"gate_{table}", asset="staging_warehouse", blocking=True,
                      description=f"Great Expectations suite for `{table}`: keys, references, offsets "
                                  "and spans, vocabularies and plausible values. Blocks publishing.")
    for table in GATED_TABLES
] + [
    dg.AssetCheckSpec(name=NONEMPTY_CHECK, asset="staging_warehouse", blocking=True,
                      description="At least one article was parsed: a build that read no story must "
                                  "not replace a good published warehouse with an empty one."),
]


def _gate_results_frame(validations: dict[str, TableValidation]) -> pl.DataFrame:
    """One row per expectation the gate ran, kept in the warehouse for the data-quality notebook."""
    rows = [{"table_name": v.table, "expectation": o.expectation, "column_name": o.column,
             "success": o.success, "row_count": v.row_count, "unexpected_count": o.unexpected_count,
             "unexpected_sample": [str(x) for x in o.unexpected_sample], "detail": o.detail}
            for v in validations.values() for o in v.outcomes]
    return pl.DataFrame(rows, schema={"table_name": pl.String, "expectation": pl.String,
                                      "column_name": pl.String, "success": pl.Boolean,
                                      "row_count": pl.Int32, "unexpected_count": pl.Int32,
                                      "unexpected_sample": pl.List(pl.String), "detail": pl.String})


def _check_result(validation: TableValidation) -> dg.AssetCheckResult:
    failed = [o for o in validation.outcomes if not o.success]
    return dg.AssetCheckResult(
        check_name=f"gate_{validation.table}",
        passed=validation.success,
        severity=dg.AssetCheckSeverity.ERROR,
        description=validation.summary(),
        metadata={
            "rows": dg.MetadataValue.int(validation.row_count),
            "expectations": dg.MetadataValue.int(len(validation.outcomes)),
            "failed": dg.MetadataValue.int(len(failed)),
            "results": dg.MetadataValue.md("\n".join(
                ["| expectation | column | ok | unexpected | sample |", "|---|---|---|---|---|"]
                + [f"| {o.expectation} | {o.column} | {'yes' if o.success else '**NO**'} | "
                   f"{o.unexpected_count:,} | {', '.join(map(str, o.unexpected_sample[:5]))} |"
                   for o in validation.outcomes])),
        },
    )


@dg.asset(group_name="warehouse", check_specs=CHECK_SPECS, kinds={"duckdb"},
          description="A staging DuckDB file holding every table of this run, validated by blocking "
                      "Great Expectations checks before anything is published.")
def staging_warehouse(context: dg.AssetExecutionContext, settings: StoryhouseSettings,
                      articles: pl.DataFrame, quotes: pl.DataFrame, entities: pl.DataFrame,
                      entity_mentions: pl.DataFrame, events: pl.DataFrame, quarantine: pl.DataFrame,
                      raw_files: pl.DataFrame):
    try:
        with build_lock(staging_path_for(settings.warehouse).parent):
            yield from _write_and_audit(context, settings, articles, quotes, entities, entity_mentions,
                                        events, quarantine, raw_files)
    except BuildInProgress as exc:
        raise dg.Failure(str(exc)) from exc


def _write_and_audit(context, settings, articles, quotes, entities, entity_mentions, events,
                     quarantine, raw_files):
    """Load every table into the staging file, run the gate, and yield the asset's results."""
    start = time.perf_counter()
    path = staging_path_for(settings.warehouse)
    create_staging(path)
    frames = {"articles": articles, "quotes": quotes, "entities": entities,
              "entity_mentions": entity_mentions, "events": events, "quarantine": quarantine}
    for table, frame in frames.items():
        load_table(path, table, frame)
    load_table(path, "build_info", pl.DataFrame({
        "built_at": [dt.datetime.now(dt.timezone.utc)], "raw_dir": [settings.raw_dir],
        "extractor_version": [EXTRACTOR_VERSION], "files_seen": [raw_files.height],
        "run_id": [context.run_id]}))
    create_views(path)
    loaded = time.perf_counter()
    log_stage(context, "load", sum(f.height for f in frames.values()), "rows", loaded - start)
    validations = validate_all(str(path), VOCABULARIES)
    log_stage(context, "gate", len(validations), "tables", time.perf_counter() - loaded)
    load_table(path, "gate_results", _gate_results_frame(validations))
    for validation in validations.values():
        (context.log.info if validation.success else context.log.error)(f"[gate] {validation.summary()}")
    if articles.height and all(v.success for v in validations.values()):
        mark_gate_passed(path, context.run_id)
    yield dg.MaterializeResult(metadata={
        "staging_path": dg.MetadataValue.path(str(path)),
        "seconds": dg.MetadataValue.float(round(time.perf_counter() - start, 3)),
        **{f"rows_{t}": dg.MetadataValue.int(n) for t, n in table_counts(path).items()},
    })
    for validation in validations.values():
        yield _check_result(validation)
    yield dg.AssetCheckResult(
        check_name=NONEMPTY_CHECK, passed=articles.height > 0, severity=dg.AssetCheckSeverity.ERROR,
        description=f"{articles.height:,} articles parsed from {raw_files.height:,} files" + (
            "" if articles.height else f" below {settings.raw_dir}: nothing to publish; check the "
                                       "folder and the quarantine reasons."),
        metadata={"articles": dg.MetadataValue.int(articles.height)})


@dg.asset(group_name="warehouse", deps=[staging_warehouse], kinds={"duckdb"},
          description="The published warehouse (STORYHOUSE_WAREHOUSE): the staging file, renamed over the "
                      "previous version atomically, only after every gate check passed.")
def published_warehouse(context: dg.AssetExecutionContext, settings: StoryhouseSettings,
                        quarantine: pl.DataFrame) -> dg.MaterializeResult:
    staging = staging_path_for(settings.warehouse)
    if not staging.exists():
        raise dg.Failure(f"No staging file at {staging}: materialize staging_warehouse (and its checks) first.")
    started = time.perf_counter()
    try:
        with build_lock(staging.parent):
            published = publish(staging, settings.warehouse)
    except (PermissionError, BuildInProgress) as exc:
        raise dg.Failure(str(exc)) from exc
    counts = table_counts(published)
    context.log.info(f"[publish] {published} replaced in {time.perf_counter() - started:.2f}s: "
                     + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(published)),
        **{f"rows_{t}": dg.MetadataValue.int(n) for t, n in counts.items()},
        "quarantine_by_reason": counts_by(quarantine, "reason"),
    })
