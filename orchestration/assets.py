"""The per-batch pipeline: an ingest batch (the raw files that are new, changed or deleted)
-> extracted rows of every table -> staging warehouse (gated by blocking checks) -> published
warehouse. Every asset is partitioned by ingest batch (dynamic partitions, one per batch)."""

import time

import dagster as dg
import polars as pl

from ingest.batches import batch_dir, load_manifest
from orchestration.batch_runner import ExtractionSummary, extract_batch
from orchestration.metadata import counts_by, preview
from orchestration.resources import StoryhouseSettings

INGEST_BATCHES = dg.DynamicPartitionsDefinition(name="ingest_batches")
PROGRESS_EVERY_SECONDS = 2.0

EXTRACTED = {
    "batch_articles": ("articles", "Articles of the batch's new and changed files, one row per story "
                                   "(a story that arrived under several names is one article)."),
    "batch_quarantine": ("quarantine", "Files or stories of the batch that could not become an "
                                       "article, with a reason code and what to do."),
    "batch_entity_mentions": ("entity_mentions", "PERSON, ORG and LOCATION mentions in the batch's "
                                                 "articles, with corpus-wide entity ids."),
    "batch_quotes": ("quotes", "Direct quotations in the batch's articles, with speakers."),
    "batch_events": ("events", "Events (who did what to whom, when, where) in the batch's articles."),
}


@dg.asset(group_name="ingest", partitions_def=INGEST_BATCHES, kinds={"parquet"},
          description="The ingest batch: raw files below STORYHOUSE_RAW_DIR that are new, changed "
                      "(different sha256) or deleted since the previous batch, as planned by the "
                      "raw_root_sensor or `storyhouse build`. Unchanged files are never read again.")
def ingest_batch(context: dg.AssetExecutionContext, settings: StoryhouseSettings) -> dg.MaterializeResult:
    batch = load_manifest(settings.state_dir, context.partition_key)
    context.log.info(f"[batch] {batch.describe()}")
    return dg.MaterializeResult(metadata={
        "files_new": dg.MetadataValue.int(batch.count("new")),
        "files_changed": dg.MetadataValue.int(batch.count("changed")),
        "files_deleted": dg.MetadataValue.int(batch.count("deleted")),
        "fresh_rebuild": dg.MetadataValue.bool(batch.fresh),
        "bytes": dg.MetadataValue.int(int(batch.manifest["size_bytes"].fill_null(0).sum())),
        "changes": preview(batch.manifest, ["change", "source_path", "content_sha256"], width=70),
    })


def _progress_logger(context: dg.AssetExecutionContext):
    start = time.perf_counter()
    last = [start]

    def report(summary: ExtractionSummary, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= PROGRESS_EVERY_SECONDS or summary.files == total:
            last[0] = now
            stories = summary.rows["article_sources"] + summary.rows["quarantine"]
            context.log.info(f"[extract] {summary.files:,}/{total:,} files, {stories:,} stories "
                             f"({stories / max(now - start, 1e-9):,.0f} stories/s)")
    return report


def _table_metadata(folder, table: str) -> dict:
    frame = pl.scan_parquet(folder / table / "*.parquet") if any((folder / table).glob("*.parquet")) else None
    if frame is None:
        return {"rows": dg.MetadataValue.int(0)}
    head = frame.head(8).collect()
    columns = {"articles": ["source_path", "source_format", "published_date", "title"],
               "quarantine": ["source_path", "reason", "detail"],
               "entity_mentions": ["surface", "resolved_name", "entity_type"],
               "quotes": ["speaker_name", "cue_verb", "text"],
               "events": ["event_type", "trigger", "event_date", "sentence"]}[table]
    metadata = {"rows": dg.MetadataValue.int(frame.select(pl.len()).collect().item()),
                "preview": preview(head, columns)}
    by = {"articles": "source_format", "quarantine": "reason", "entity_mentions": "entity_type",
          "quotes": "attribution_method", "events": "event_type"}[table]
    metadata[f"by_{by}"] = counts_by(frame.select(by).collect(), by)
    return metadata


@dg.multi_asset(
    group_name="extract", partitions_def=INGEST_BATCHES,
    specs=[dg.AssetSpec(key, description=text, kinds={"polars", "parquet"}, deps=[ingest_batch])
           for key, (_, text) in EXTRACTED.items()],
)
def extracted_batch(context: dg.AssetExecutionContext, settings: StoryhouseSettings):
    """Read, parse and extract every new or changed file of the batch, chunk by chunk on
    every core, into Parquet parts beside the batch's manifest."""
    batch = load_manifest(settings.state_dir, context.partition_key)
    folder = batch_dir(settings.state_dir, batch.batch_id)
    summary = extract_batch(settings.raw_dir, batch.manifest, folder, settings.max_file_bytes,
                            workers=settings.workers, progress=_progress_logger(context))
    stories = summary.rows["article_sources"] + summary.rows["quarantine"]
    context.log.info(
        f"[extract] {summary.files:,} files, {stories:,} stories in {summary.wall_seconds:.2f}s "
        f"({stories / max(summary.wall_seconds, 1e-9):,.0f} stories/s); CPU seconds by stage: "
        + ", ".join(f"{k} {v:.1f}" for k, v in summary.stage_seconds.items()))
    shared = {"wall_seconds": dg.MetadataValue.float(round(summary.wall_seconds, 3)),
              **{f"cpu_seconds_{k}": dg.MetadataValue.float(round(v, 3))
                 for k, v in summary.stage_seconds.items()}}
    for key, (table, _) in EXTRACTED.items():
        yield dg.MaterializeResult(asset_key=key, metadata={**_table_metadata(folder, table), **shared})
