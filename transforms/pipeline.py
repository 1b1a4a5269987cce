"""Every extraction of one chunk of raw files, in one pure function.

`extract_tables(raw)` expects the columns of `ingest.raw_files.RAW_SCHEMA` (source_path,
size_bytes, content, content_sha256, problem, problem_detail) and returns the chunk's rows of
every warehouse table plus the seconds each stage took:

- `article_sources`: source_path, article_id, content_sha256, source_format (every path a
  good story arrived under);
- `articles`: the contract columns, one row per article_id;
- `quarantine`: source_path, content_sha256, reason, detail;
- `entity_mentions`: the contract columns plus field, entity_type, resolved_name (the
  canonical name this story resolved the mention to) and country_code;
- `quotes`: the contract columns plus field;
- `events`: the contract columns plus in_lede, modality, cluster_block and event_cluster_id
  (clustered within the chunk; the warehouse re-clusters across batches).

Extraction runs once per article_id: a second copy of a story in the chunk costs nothing.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import polars as pl

from transforms.articles import (
    article_sources_from,
    articles_from,
    parse_stories,
    quarantine_from,
)
from transforms.decode import decode_text
from transforms.entities import entity_mentions_from, extract_mentions
from transforms.event_clusters import cluster_events
from transforms.events import extract_events
from transforms.quotes import extract_quotes

STAGES = ("parse", "entities", "quotes", "events")


def _timed(seconds: dict[str, float], stage: str, compute: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    start = time.perf_counter()
    frame = compute()
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start
    return frame


def extract_tables(raw: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], dict[str, float]]:
    """The chunk's table rows (see the module docstring) and seconds per stage."""
    seconds: dict[str, float] = {}
    stories = _timed(seconds, "parse", lambda: parse_stories(decode_text(raw)))
    articles = articles_from(stories)
    mentions = _timed(seconds, "entities", lambda: extract_mentions(articles))
    quotes = _timed(seconds, "quotes", lambda: extract_quotes(articles, mentions))
    events = _timed(seconds, "events", lambda: cluster_events(extract_events(articles, mentions)))
    tables = {
        "article_sources": article_sources_from(stories),
        "articles": articles,
        "quarantine": quarantine_from(stories),
        "entity_mentions": entity_mentions_from(mentions),
        "quotes": quotes,
        "events": events,
    }
    return tables, seconds
