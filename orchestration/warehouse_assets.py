"""Write, audit, publish, per ingest batch: apply the batch to a staging copy of the published
warehouse, validate the rows it wrote with the Great Expectations gate (blocking checks), and
only then publish the file atomically."""

import shutil
import time

import dagster as dg

from ingest.batches import batch_dir, load_manifest
from orchestration.apply_batch import StagedBatch, stage_batch, staged_base, staging_file
from orchestration.assets import EXTRACTED, INGEST_BATCHES
from orchestration.metadata import log_stage
from orchestration.resources import StoryhouseSettings
from orchestration.sensors import pending_batches
from warehouse.build_lock import BuildInProgress, build_lock
from warehouse.gate import GATED_TABLES, TableValidation
from warehouse.merge import BATCH_TABLES, touched_blocks_file
from warehouse.publish import publish, published_identity
from warehouse.staging import table_counts

NONEMPTY_CHECK = "gate_has_articles"

CHECK_SPECS = [
    dg.AssetCheckSpec(name=f"gate_{table}", asset="staging_warehouse", blocking=True,
                      description=f"Great Expectations suite for the `{table}` rows this batch wrote: "
                                  "keys, references, offsets and spans, vocabularies and plausible "
                                  "values. Blocks publishing.")
    for table in GATED_TABLES
] + [
    dg.AssetCheckSpec(name=NONEMPTY_CHECK, asset="staging_warehouse", blocking=True,
                      description="The warehouse holds at least one article after this batch: a batch "
                                  "that read no story must not publish an empty warehouse."),
]


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


def _wait_for_earlier_batches(context: dg.AssetExecutionContext, settings: StoryhouseSettings) -> None:
    """Batches apply in the order they were planned: wait (up to lock_wait_seconds) until every
    earlier batch is published; extraction of several batches can still run at once."""
    deadline = time.monotonic() + settings.lock_wait_seconds
    while earlier := [b for b in pending_batches(settings) if b < context.partition_key]:
        if time.monotonic() >= deadline:
            raise dg.Failure(
                f"Batch {earlier[0]} was planned before this one and is not published yet; batches "
                f"apply in planning order. Materialize its partition first (after a failed gate: fix "
                f"the files it names, then re-execute that partition, which re-reads them).")
        context.log.info(f"[wait] {len(earlier)} earlier batch(es) not published yet, e.g. {earlier[0]}")
        time.sleep(2.0)


def _stage(context: dg.AssetExecutionContext, settings: StoryhouseSettings) -> StagedBatch:
    batch = load_manifest(settings.state_dir, context.partition_key)
    staged = stage_batch(batch, settings.state_dir, settings.warehouse_path, settings.raw_dir, context.run_id)
    for stage, seconds in staged.seconds.items():
        log_stage(context, stage, 1, "batch", seconds)
    for validation in staged.validations.values():
        (context.log.info if validation.success else context.log.error)(f"[gate] {validation.summary()}")
    return staged


@dg.asset(group_name="warehouse", partitions_def=INGEST_BATCHES, check_specs=CHECK_SPECS,
          deps=list(EXTRACTED), kinds={"duckdb"},
          description="The batch applied to a staging copy of the published warehouse (changed files "
                      "replace their rows, deleted files retract theirs, entities and event clusters "
                      "refreshed), validated by blocking Great Expectations checks.")
def staging_warehouse(context: dg.AssetExecutionContext, settings: StoryhouseSettings):
    start = time.perf_counter()
    _wait_for_earlier_batches(context, settings)
    try:
        with build_lock(settings.state_dir, wait_seconds=settings.lock_wait_seconds):
            staged = _stage(context, settings)
    except BuildInProgress as exc:
        raise dg.Failure(str(exc)) from exc
    merge = staged.merge
    yield dg.MaterializeResult(metadata={
        "staging_path": dg.MetadataValue.path(str(staged.path)),
        "seconds": dg.MetadataValue.float(round(time.perf_counter() - start, 3)),
        "articles_added": dg.MetadataValue.int(merge.articles_added),
        "articles_removed": dg.MetadataValue.int(merge.articles_removed),
        "stories_read": dg.MetadataValue.int(merge.stories_read),
        "entities_refreshed": dg.MetadataValue.int(merge.entities_refreshed),
        "event_blocks_reclustered": dg.MetadataValue.int(merge.touched_blocks),
        **{f"rows_{t}": dg.MetadataValue.int(n) for t, n in table_counts(staged.path).items()},
    })
    for validation in staged.validations.values():
        yield _check_result(validation)
    yield dg.AssetCheckResult(
        check_name=NONEMPTY_CHECK, passed=staged.articles_total > 0, severity=dg.AssetCheckSeverity.ERROR,
        description=f"{staged.articles_total:,} articles in the warehouse after this batch" + (
            "" if staged.articles_total else f": no story could be read below {settings.raw_dir}; "
                                             "check the folder and the quarantine reasons."),
        metadata={"articles": dg.MetadataValue.int(staged.articles_total)})


@dg.asset(group_name="warehouse", partitions_def=INGEST_BATCHES, deps=[staging_warehouse], kinds={"duckdb"},
          description="The published warehouse (STORYHOUSE_WAREHOUSE): the batch's staging file, renamed "
                      "over the previous version atomically, only after every gate check passed. When "
                      "another batch was published meanwhile, this batch is re-applied on top of it first.")
def published_warehouse(context: dg.AssetExecutionContext, settings: StoryhouseSettings) -> dg.MaterializeResult:
    staging = staging_file(settings.state_dir, context.partition_key)
    if not staging.exists():
        raise dg.Failure(f"No staging file at {staging}: materialize staging_warehouse (and its checks) "
                         "for this batch first.")
    started = time.perf_counter()
    try:
        with build_lock(settings.state_dir, wait_seconds=settings.lock_wait_seconds):
            if staged_base(staging) != published_identity(settings.warehouse_path):
                context.log.info("[publish] another batch was published since this one was staged: re-applying")
                restaged = _stage(context, settings)
                if not restaged.passed:
                    raise dg.Failure("Re-applying this batch on the newer warehouse failed the quality gate:\n"
                                     + "\n".join(v.summary() for v in restaged.validations.values()))
            published = publish(staging, settings.warehouse_path)
    except (PermissionError, BuildInProgress) as exc:
        raise dg.Failure(str(exc)) from exc
    _drop_extracted_rows(settings, context.partition_key)
    counts = table_counts(published)
    context.log.info(f"[publish] {published} replaced in {time.perf_counter() - started:.2f}s: "
                     + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(published)),
        **{f"rows_{t}": dg.MetadataValue.int(n) for t, n in counts.items()},
    })


def _drop_extracted_rows(settings: StoryhouseSettings, batch_id: str) -> None:
    """After publishing, a batch keeps only its manifest (the audit trail)."""
    folder = batch_dir(settings.state_dir, batch_id)
    for table in BATCH_TABLES:
        shutil.rmtree(folder / table, ignore_errors=True)
    (folder / "staging.base").unlink(missing_ok=True)
    touched_blocks_file(folder).unlink(missing_ok=True)
