"""The pipeline's assets: raw files -> stories -> articles/quarantine -> entities, quotes,
events -> staging warehouse (gated by blocking checks) -> published warehouse."""

import time

import dagster as dg
import polars as pl

from ingest.raw_files import read_raw_root
from orchestration.metadata import counts_by, log_stage, preview, stage_metadata, timed_stage
from orchestration.resources import StoryhouseSettings
from transforms.articles import articles_from, parse_stories, quarantine_from
from transforms.decode import decode_text
from transforms.entities import build_entities, entity_mentions_from, extract_mentions
from transforms.event_clusters import cluster_events
from transforms.events import extract_events
from transforms.quotes import extract_quotes

PARQUET = "parquet_io"
PROGRESS_EVERY_SECONDS = 2.0


@dg.asset(group_name="ingest", io_manager_key=PARQUET, kinds={"polars"},
          description="Every file below the raw root (STORYHOUSE_RAW_DIR), read safely: its path relative "
                      "to the root, bytes, sha256, and a problem code when it could not be read.")
def raw_files(context: dg.AssetExecutionContext, settings: StoryhouseSettings) -> dg.Output[pl.DataFrame]:
    start = time.perf_counter()
    last_report = [start]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last_report[0] >= PROGRESS_EVERY_SECONDS:
            last_report[0] = now
            context.log.info(f"[read] {done:,}/{total:,} files ({done / (now - start):,.0f} files/s)")

    frame = read_raw_root(settings.raw_dir, settings.max_file_bytes, progress=progress)
    seconds = time.perf_counter() - start
    log_stage(context, "read", frame.height, "files", seconds)
    return dg.Output(frame, metadata={
        **stage_metadata(frame, seconds),
        "raw_dir": dg.MetadataValue.path(settings.raw_dir),
        "bytes": dg.MetadataValue.int(int(frame["size_bytes"].fill_null(0).sum())),
        "unreadable": dg.MetadataValue.int(frame.filter(pl.col("problem").is_not_null()).height),
    })


@dg.asset(group_name="parse", io_manager_key=PARQUET, kinds={"polars"},
          description="Each raw file decoded, its layout recognised (UN News print, plain text, newswire "
                      "SGML) and parsed: one row per story with the article columns, or a problem code.")
def stories(context: dg.AssetExecutionContext, raw_files: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame, metadata = timed_stage(context, "parse", None, "stories",
                                  lambda: parse_stories(decode_text(raw_files)))
    return dg.Output(frame, metadata={
        **metadata,
        "by_format": counts_by(frame.filter(pl.col("problem").is_null()), "source_format"),
    })


@dg.asset(group_name="parse", io_manager_key=PARQUET, kinds={"polars"},
          description="The `articles` table: one row per parsed story (see WAREHOUSE_CONTRACT.md).")
def articles(stories: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame = articles_from(stories)
    dated = frame.filter(pl.col("published_date").is_not_null())
    return dg.Output(frame, metadata={
        "rows": dg.MetadataValue.int(frame.height),
        "by_format": counts_by(frame, "source_format"),
        "dated": dg.MetadataValue.int(dated.height),
        "date_range": dg.MetadataValue.text(
            f"{dated['published_date'].min()} to {dated['published_date'].max()}" if dated.height else "none"),
        "preview": preview(frame, ["source_path", "source_format", "published_date", "title", "word_count"]),
    })


@dg.asset(group_name="parse", io_manager_key=PARQUET, kinds={"polars"},
          description="The `quarantine` table: every file or story that could not become an article, "
                      "with a reason code and a sentence saying what to do.")
def quarantine(context: dg.AssetExecutionContext, stories: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame = quarantine_from(stories)
    if frame.height:
        context.log.warning(f"[quarantine] {frame.height:,} files or stories quarantined")
    return dg.Output(frame, metadata={
        "rows": dg.MetadataValue.int(frame.height),
        "by_reason": counts_by(frame, "reason"),
        "preview": preview(frame, ["source_path", "reason", "detail"], width=90),
    })


@dg.asset(group_name="extract", io_manager_key=PARQUET, kinds={"polars"},
          description="Every PERSON, ORG and LOCATION mention found in titles, captions and bodies, "
                      "resolved to a corpus-wide entity id.")
def mentions(context: dg.AssetExecutionContext, articles: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame, metadata = timed_stage(context, "entities", articles.height, "articles",
                                  lambda: extract_mentions(articles))
    return dg.Output(frame, metadata={
        **metadata,
        "by_type": counts_by(frame, "entity_type"),
        "preview": preview(frame, ["surface", "canonical_name", "entity_type", "field"]),
    })


@dg.asset(group_name="extract", io_manager_key=PARQUET, kinds={"polars"},
          description="The `entities` table: one row per distinct entity across the corpus, with aliases, "
                      "counts, first and last seen.")
def entities(mentions: pl.DataFrame, articles: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame = build_entities(mentions, articles)
    return dg.Output(frame, metadata={
        "rows": dg.MetadataValue.int(frame.height),
        "by_type": counts_by(frame, "entity_type"),
        "most_mentioned": preview(frame.sort(["mention_count", "entity_id"], descending=[True, False]),
                                  ["canonical_name", "entity_type", "country_code", "mention_count", "article_count"]),
    })


@dg.asset(group_name="extract", io_manager_key=PARQUET, kinds={"polars"},
          description="The `entity_mentions` table: one row per mention, with its span in the body.")
def entity_mentions(mentions: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame = entity_mentions_from(mentions)
    return dg.Output(frame, metadata={"rows": dg.MetadataValue.int(frame.height),
                                      "by_field": counts_by(frame, "field")})


@dg.asset(group_name="extract", io_manager_key=PARQUET, kinds={"polars"},
          description="The `quotes` table: direct quotations with their speakers, cue verbs, "
                      "attribution method and confidence.")
def quotes(context: dg.AssetExecutionContext, articles: pl.DataFrame,
           mentions: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame, metadata = timed_stage(context, "quotes", articles.height, "articles",
                                  lambda: extract_quotes(articles, mentions))
    attributed = frame.filter(pl.col("speaker_name").is_not_null()).height
    return dg.Output(frame, metadata={
        **metadata,
        "attributed_share": dg.MetadataValue.float(round(attributed / frame.height, 3) if frame.height else 0.0),
        "by_method": counts_by(frame, "attribution_method"),
        "preview": preview(frame, ["speaker_name", "cue_verb", "text", "confidence"]),
    })


@dg.asset(group_name="extract", io_manager_key=PARQUET, kinds={"polars"},
          description="The `events` table: who did what to whom, when and where, typed by a small "
                      "CAMEO-mapped taxonomy (docs/events.md); reports of the same happening in "
                      "different articles share an event_cluster_id.")
def events(context: dg.AssetExecutionContext, articles: pl.DataFrame,
           mentions: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame, metadata = timed_stage(context, "events", articles.height, "articles",
                                  lambda: cluster_events(extract_events(articles, mentions)))
    return dg.Output(frame, metadata={
        **metadata,
        "happenings": dg.MetadataValue.int(frame["event_cluster_id"].n_unique()),
        "by_type": counts_by(frame, "event_type"),
        "preview": preview(frame, ["event_type", "trigger", "event_date", "date_basis", "sentence"]),
    })
