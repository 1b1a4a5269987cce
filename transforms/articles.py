"""Decoded raw files to articles and quarantine rows.

`parse_stories` expects the columns of `transforms.decode.decode_text` (source_path,
content_sha256, text, problem, problem_detail) and returns one row per story with the
`articles` contract columns plus `duplicate_of` (the article_id of an earlier copy of the same
story, else null), `problem` and `problem_detail` (null for a good article).
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
                   "related_titles", "content_sha256", "extractor_version", "duplicate_of"]

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
    """Set `duplicate_of` on the second and later copies of the same story (same normalised
    title and body) to the article_id of the first copy by source_path; null on the first.

    Every copy stays an article (its file was seen and its path is what users look it up
    by); analysts count stories, not files, through `duplicate_of IS NULL` (view
    `articles_unique`).
    """
    key = pl.concat_str([pl.col("title").str.to_lowercase(),
                         pl.col("body").str.replace_all(r"\s+", " ").str.to_lowercase()], separator="\n")
    good = (stories.filter(pl.col("problem").is_null()).sort("source_path")
            .with_columns(_first=pl.col("article_id").first().over(key))
            .select("article_id", duplicate_of=pl.when(pl.col("_first") != pl.col("article_id"))
                    .then(pl.col("_first"))))
    return stories.join(good, on="article_id", how="left")


def parse_stories(decoded: pl.DataFrame) -> pl.DataFrame:
    """One row per story: the `articles` columns plus `problem` / `problem_detail`."""
    readable = decoded.filter(pl.col("problem").is_null())
    failed = decoded.filter(pl.col("problem").is_not_null()).select(
        "source_path", "content_sha256", "problem", "problem_detail")
    stories = _story_problems(_parse_readable(readable)).with_columns(
        article_id=stable_id("article", "content_sha256", "source_path"))
    stories = _mark_duplicates(stories).with_columns(
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
