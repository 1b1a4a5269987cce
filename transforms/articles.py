"""Decoded raw files to articles and quarantine rows.

`parse_stories` expects the columns of `transforms.decode.decode_text` (source_path,
content_sha256, text, problem, problem_detail) and returns one row per story *path* with the
`articles` contract columns plus `problem` and `problem_detail` (null for a good article).

A story is identified by its parsed content, not by its file: `article_id` is derived from
the title, body, caption, dateline place and published date as parsed (the parsers have
already removed markup, encoding and line-ending differences), so the same story arriving
under two file names gives two rows with one article_id. The warehouse keeps one article per
id and records every path (`article_sources`); every field extraction reads is in the key, so
each copy yields the same quotes, mentions and events.

`articles_from` keeps one row per article_id (the copy with the smallest path), and
`quarantine_from` the rows with a problem.
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
STORY_KEY_FIELDS = ["title", "body", "photo_caption", "dateline_place", "published_date"]

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


def parse_stories(decoded: pl.DataFrame) -> pl.DataFrame:
    """One row per story: the `articles` columns plus `problem` / `problem_detail`."""
    readable = decoded.filter(pl.col("problem").is_null())
    failed = decoded.filter(pl.col("problem").is_not_null()).select(
        "source_path", "content_sha256", "problem", "problem_detail")
    stories = _story_problems(_parse_readable(readable)).with_columns(
        article_id=stable_id("article", *STORY_KEY_FIELDS),
        paragraph_count=(pl.col("body").str.count_matches("\n\n", literal=True) + 1).cast(pl.Int32),
        word_count=pl.col("body").str.count_matches(r"\S+").cast(pl.Int32),
        extractor_version=pl.lit(EXTRACTOR_VERSION),
    )
    return pl.concat([stories, failed], how="diagonal_relaxed").sort("source_path")


def article_sources_from(parsed: pl.DataFrame) -> pl.DataFrame:
    """Every path a good story arrived under: source_path, article_id, content_sha256,
    source_format (one row per row of `parse_stories` without a problem)."""
    return parsed.filter(pl.col("problem").is_null()).select(
        "source_path", "article_id", "content_sha256", "source_format")


def articles_from(parsed: pl.DataFrame) -> pl.DataFrame:
    """The `articles` table: one row per article_id among the rows of `parse_stories` without a
    problem, taken from the copy with the smallest source_path, plus `source_paths` (every
    path of the story in this frame, sorted)."""
    good = parsed.filter(pl.col("problem").is_null()).sort("source_path")
    paths = good.group_by("article_id").agg(source_paths=pl.col("source_path").sort())
    return (good.unique("article_id", keep="first", maintain_order=True).select(ARTICLE_COLUMNS)
            .join(paths, on="article_id", how="left", maintain_order="left"))


def quarantine_from(parsed: pl.DataFrame) -> pl.DataFrame:
    """The `quarantine` table: the rows of `parse_stories` with a problem."""
    return parsed.filter(pl.col("problem").is_not_null()).select(
        "source_path", "content_sha256", reason="problem", detail="problem_detail")
