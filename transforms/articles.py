"""Decoded raw files to articles and quarantine rows.

`parse_stories` expects the columns of `transforms.decode.decode_text` (source_path,
content_sha256, text, problem, problem_detail) and returns one row per story with the
`articles` contract columns plus `problem` and `problem_detail` (null for a good article).
`articles_from` and `quarantine_from` split that frame into the two warehouse tables.
"""
from __future__ import annotations

import polars as pl

from transforms.ids import stable_id
from transforms.layouts import (
    LAYOUT_COLUMNS,
    detect_layout,
    parse_plain_text,
    parse_reuters_sgml,
    parse_un_news,
    split_sgml_stories,
)
from transforms.version import EXTRACTOR_VERSION
from transforms.vocabulary import QUARANTINE_REASONS

ARTICLE_COLUMNS = ["article_id", "source_path", "source_format", "title", "published_date",
                   "dateline_place", "photo_caption", "body", "paragraph_count", "word_count",
                   "related_titles", "content_sha256", "extractor_version"]
QUARANTINE_COLUMNS = ["source_path", "content_sha256", "reason", "detail"]

_PARSERS = {"un_news_print": parse_un_news, "plain_text": parse_plain_text,
            "reuters_sgml": parse_reuters_sgml}


def _parse_readable(readable: pl.DataFrame) -> pl.DataFrame:
    """Dispatch readable stories to their layout's parser and stack the results."""
    readable = readable.with_columns(_layout=detect_layout(pl.col("text")))
    parts = []
    for layout, parser in _PARSERS.items():
        rows = readable.filter(pl.col("_layout") == layout).select("source_path", "content_sha256", "text")
        if layout == "reuters_sgml":
            rows = split_sgml_stories(rows)
        parts.append(parser(rows).select(LAYOUT_COLUMNS))
    return pl.concat(parts, how="vertical")


def _story_problems(parsed: pl.DataFrame) -> pl.DataFrame:
    """Flag stories without a usable title or body."""
    no_title = pl.col("title").is_null() | (pl.col("title") == "")
    no_body = pl.col("body").is_null() | (pl.col("body") == "")
    brief = pl.col("source_format") == "reuters_sgml"
    return parsed.with_columns(
        problem=pl.when(no_title).then(pl.lit("no_title")).when(no_body).then(pl.lit("no_body")),
        problem_detail=pl.when(no_title).then(pl.format(
            "No headline found in this file (read as {}). " + QUARANTINE_REASONS["no_title"].split(". ", 1)[1],
            "source_format"))
        .when(no_body & brief).then(pl.lit(
            "A headline-only newswire brief: there is no story text to extract from."))
        .when(no_body).then(pl.lit(QUARANTINE_REASONS["no_body"])),
    )


def _mark_duplicates(stories: pl.DataFrame) -> pl.DataFrame:
    """The second and later copies of the same story (same normalised title and body) become
    `duplicate` problems naming the copy that was kept (the first by source_path)."""
    key = pl.concat_str([pl.col("title").str.to_lowercase(),
                         pl.col("body").str.replace_all(r"\s+", " ").str.to_lowercase()], separator="\n")
    ordered = stories.sort("source_path").with_columns(_key=key)
    good_first = (ordered.filter(pl.col("problem").is_null())
                  .with_columns(_kept=pl.col("source_path").first().over("_key"))
                  .select("source_path", "_kept"))
    ordered = ordered.join(good_first, on="source_path", how="left")
    is_dup = pl.col("_kept").is_not_null() & (pl.col("source_path") != pl.col("_kept"))
    return ordered.with_columns(
        problem=pl.when(is_dup).then(pl.lit("duplicate")).otherwise("problem"),
        problem_detail=pl.when(is_dup).then(pl.format(
            "Same story as {}, which was kept; remove one of the two copies.", "_kept"))
        .otherwise("problem_detail"),
    ).drop("_key", "_kept")


def parse_stories(decoded: pl.DataFrame) -> pl.DataFrame:
    """One row per story: the `articles` columns plus `problem` / `problem_detail`."""
    readable = decoded.filter(pl.col("problem").is_null())
    failed = decoded.filter(pl.col("problem").is_not_null()).select(
        "source_path", "content_sha256", "problem", "problem_detail")
    stories = _mark_duplicates(_story_problems(_parse_readable(readable)))
    stories = stories.with_columns(
        article_id=stable_id("article", "content_sha256"),
        paragraph_count=(pl.col("body").str.count_matches("\n\n", literal=True) + 1).cast(pl.Int32),
        word_count=pl.col("body").str.count_matches(r"\S+").cast(pl.Int32),
        extractor_version=pl.lit(EXTRACTOR_VERSION),
    )
    return pl.concat([stories, failed], how="diagonal_relaxed").sort("source_path")


def articles_from(parsed: pl.DataFrame) -> pl.DataFrame:
    """The `articles` table: the rows of `parse_stories` without a problem."""
    return parsed.filter(pl.col("problem").is_null()).select(ARTICLE_COLUMNS)


def quarantine_from(parsed: pl.DataFrame) -> pl.DataFrame:
    """The `quarantine` table: the rows of `parse_stories` with a problem."""
    return parsed.filter(pl.col("problem").is_not_null()).select(
        "source_path", "content_sha256", reason="problem", detail="problem_detail")
