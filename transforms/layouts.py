"""Layout recognition and the three layout parsers.

Each parser takes STORY rows (source_path, content_sha256, text) of one layout and returns
LAYOUT_COLUMNS: source_path, content_sha256, source_format, title, published_date,
dateline_place, photo_caption, body, related_titles. Title or body may come out null or
empty; `transforms.articles` turns those into quarantine rows.
"""
from __future__ import annotations

import polars as pl

from transforms.text_cleanup import (
    collapse_spaces,
    normalise_newlines,
    paragraphs_from_blank_lines,
    paragraphs_from_lines,
    strip_markdown,
    unescape_html,
)

LAYOUT_COLUMNS = ["source_path", "content_sha256", "source_format", "title", "published_date",
                  "dateline_place", "photo_caption", "body", "related_titles"]

_UN_MASTHEAD = r"UN NEWS CENTRE"
_UN_DATELINE = r"[ \t]*\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}[ \t]*[\u2013\u2014\u2012\u2015\u2212\-?][ \t]*"
_UN_TRACKER = r"News Tracker: past stories on this issue"


def detect_layout(text: pl.Expr) -> pl.Expr:
    """`reuters_sgml`, `un_news_print` or `plain_text` for each text."""
    return (pl.when(text.str.contains(r"(?m)^[ \t]*<REUTERS\b")).then(pl.lit("reuters_sgml"))
            .when(text.str.contains(r"(?m)^[ \t]*##[ \t]+\S") | text.str.contains(_UN_MASTHEAD, literal=True)
                  | text.str.contains(_UN_TRACKER, literal=True))
            .then(pl.lit("un_news_print"))
            .otherwise(pl.lit("plain_text")))


def parse_un_news(stories: pl.DataFrame) -> pl.DataFrame:
    """UN News Centre print pages rendered as markdown (masthead, `## **title**`, caption,
    `22 April 2011 – ` dateline, body, 'News Tracker' list)."""
    text = normalise_newlines(pl.col("text"))
    after_title = text.str.extract(r"(?ms)^[ \t]*##[ \t]+[^\n]*\n(.*)\z", 1)
    main = after_title.str.extract(r"(?s)^(.*?)(?:\n[ \t]*" + _UN_TRACKER + r"[^\n]*(?:\n.*)?)?\z", 1)
    tracker = after_title.str.extract(r"(?s)\n[ \t]*" + _UN_TRACKER + r"[^\n]*\n(.*)\z", 1)
    dated = main.str.extract_groups(r"(?s)^(.*?)(?m:^)(" + _UN_DATELINE + r".*)\z")
    return stories.select(
        "source_path", "content_sha256",
        source_format=pl.lit("un_news_print"),
        title=collapse_spaces(strip_markdown(
            text.str.extract(r"(?m)^[ \t]*##[ \t]+([^\n]*)$", 1).str.replace_all(r"\*", ""))),
        _main=main,
        _caption=dated.struct.field("1"),
        _dated_body=dated.struct.field("2"),
        related_titles=tracker.str.split("\n").list.eval(
            collapse_spaces(strip_markdown(pl.element()))).list.filter(pl.element() != ""),
    ).select(
        LAYOUT_COLUMNS[:4],
        published_date=pl.col("_dated_body").str.extract(r"^[ \t]*(\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4})", 1)
        .str.replace_all(r"[ \t]+", " ").str.strptime(pl.Date, "%d %B %Y", strict=False),
        dateline_place=pl.lit(None, dtype=pl.String),
        photo_caption=pl.when(pl.col("_dated_body").is_not_null())
        .then(collapse_spaces(strip_markdown(pl.col("_caption")))).replace("", None),
        body=paragraphs_from_blank_lines(strip_markdown(pl.coalesce("_dated_body", "_main"))),
        related_titles=pl.col("related_titles").fill_null([]),
    )


# Leading lines of scraped pages that cannot be a headline: rules and numbers without a
# letter ("- - - -"), and script fragments ("'); //-->").
_PAGE_FURNITURE = r"^(?:[^\n]*(?://-->|<!--|\)\s*;)[^\n]*\n\s*|[^\pL\n]*\n\s*)*"


def parse_plain_text(stories: pl.DataFrame) -> pl.DataFrame:
    """Plain text: the headline is the first non-empty line that can be one (page furniture
    before it is skipped), every later non-empty line a paragraph; HTML character references
    decoded. A file whose only line is a story sentence
    (a one-paragraph web page: 12+ words ending in . ! ? or a closing quote) keeps that line
    as its body, and its first sentence becomes the title."""
    text = (unescape_html(normalise_newlines(pl.col("text")).str.strip_chars())
            .str.replace(_PAGE_FURNITURE, "").str.strip_chars())
    first_line = collapse_spaces(text.str.extract(r"^([^\n]*)", 1))
    rest = paragraphs_from_lines(text.str.extract(r"(?s)^[^\n]*\n(.*)\z", 1).fill_null(""))
    lone_sentence = ((rest == "") & (first_line.str.count_matches(r"\S+") >= 12)
                     & first_line.str.contains(r"[.!?\"\u201d]$"))
    return stories.select(
        "source_path", "content_sha256",
        source_format=pl.lit("plain_text"),
        title=pl.when(lone_sentence)
        .then(first_line.str.extract(r"^(.+?[.!?])(?:\s|$)", 1).fill_null(first_line))
        .otherwise(first_line),
        published_date=pl.lit(None, dtype=pl.Date),
        dateline_place=pl.lit(None, dtype=pl.String),
        photo_caption=pl.lit(None, dtype=pl.String),
        body=pl.when(lone_sentence).then(first_line).otherwise(rest),
        related_titles=pl.lit([], dtype=pl.List(pl.String)),
    )


def split_sgml_stories(stories: pl.DataFrame) -> pl.DataFrame:
    """One row per `<REUTERS>` element. A file with several elements gets `#n` (from 1)
    appended to its source_path and the sha256 of the element's own bytes."""
    from transforms.ids import sha256_text

    exploded = (stories.with_columns(
        _elements=pl.col("text").str.extract_all(r"(?s)<REUTERS\b.*?(?:</REUTERS>|\z)"))
        .with_columns(_n=pl.col("_elements").list.len())
        .explode("_elements", keep_nulls=False)
        .with_columns(_i=pl.int_range(1, pl.len() + 1).over("source_path")))
    several = pl.col("_n") > 1
    return exploded.select(
        source_path=pl.when(several).then(pl.format("{}#{}", "source_path", "_i")).otherwise("source_path"),
        content_sha256=pl.when(several).then(sha256_text(pl.col("_elements"))).otherwise("content_sha256"),
        text=pl.col("_elements"),
    )


def _sgml_field(tag: str) -> pl.Expr:
    return pl.col("text").str.extract(rf"(?s)<{tag}\b[^>]*>(.*?)</{tag}>", 1)


def parse_reuters_sgml(stories: pl.DataFrame) -> pl.DataFrame:
    """Reuters-21578 SGML, one `<REUTERS>` element per row (see `split_sgml_stories`).

    Title from <TITLE> (or, for unprocessed items, the first line of <TEXT>), published_date
    from <DATE>, dateline_place from <DATELINE> up to its first comma, body from <BODY> with
    the trailing 'Reuter' sign-off removed; the dateline is kept at the start of the body.
    Paragraphs are the indented lines of the wire copy.
    """
    text_part = pl.col("text").str.extract(r"(?s)<TEXT\b[^>]*>(.*?)(?:</TEXT>|\z)", 1)
    unproc = pl.col("text").str.contains(r'<TEXT\b[^>]*TYPE="UNPROC"')
    unproc_text = text_part.str.replace(r"^(?:\s|&#\d+;)+", "")
    raw_body = (pl.when(unproc).then(unproc_text.str.extract(r"(?s)^[^\n]*\n(.*)\z", 1))
                .otherwise(pl.col("text").str.extract(r"(?s)<BODY>(.*?)(?:</BODY>|\z)", 1)))
    dateline = collapse_spaces(unescape_html(_sgml_field("DATELINE")))
    body = (unescape_html(raw_body.str.replace(r"(?s)\s*Reuter\s*(?:&#3;|\x03)?\s*\z", ""))
            .str.replace_all(r"[\x00-\x08\x0b-\x1f]", "")
            .str.replace_all(r"\n[ \t]*\n|\n[ \t]{2,}", "\u2029")
            .str.replace_all(r"\s*\n\s*", " ")
            .str.replace_all(r"[ \t]+", " ")
            .str.replace_all(r" ?\u2029[ \u2029]*", "\n\n")
            .str.strip_chars())
    return stories.select(
        "source_path", "content_sha256",
        source_format=pl.lit("reuters_sgml"),
        title=collapse_spaces(unescape_html(pl.when(unproc).then(unproc_text.str.extract(r"^([^\n]*)", 1))
                                            .otherwise(_sgml_field("TITLE")))),
        published_date=_sgml_field("DATE").str.strip_chars()
        .str.extract(r"^(\d{1,2}-[A-Za-z]{3}-\d{4})", 1).str.to_titlecase()
        .str.strptime(pl.Date, "%d-%b-%Y", strict=False),
        dateline_place=dateline.str.extract(r"^([^,]+),", 1).str.strip_chars(),
        photo_caption=pl.lit(None, dtype=pl.String),
        body=pl.when(dateline.is_not_null() & (body != ""))
        .then(pl.concat_str([dateline, body], separator=" ")).otherwise(body),
        related_titles=pl.lit([], dtype=pl.List(pl.String)),
    )
