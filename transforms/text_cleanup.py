"""Small polars expressions shared by the layout parsers."""
from __future__ import annotations

import html

import polars as pl

PARAGRAPH_SEP = "\n\n"
_PARA_MARK = "\u2029"


def normalise_newlines(text: pl.Expr) -> pl.Expr:
    """CRLF and CR to LF, byte-order marks and NULs removed."""
    return text.str.replace_all("\r\n?", "\n").str.replace_all("[\ufeff\x00]", "")


def strip_markdown(text: pl.Expr) -> pl.Expr:
    """`[text](target)` to `text`, `**bold**` and `__bold__` markers removed."""
    return (text.str.replace_all(r"\[([^\]\n]*)\]\([^)\n]*\)", "$1")
            .str.replace_all(r"\*\*|__", ""))


def paragraphs_from_blank_lines(text: pl.Expr) -> pl.Expr:
    """Paragraphs separated by blank lines; lines inside a paragraph joined by one space;
    paragraphs joined by PARAGRAPH_SEP and trimmed."""
    return (text.str.replace_all(_PARA_MARK, " ")
            .str.replace_all(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*", _PARA_MARK)
            .str.replace_all(r"[ \t]*\n[ \t]*", " ")
            .str.replace_all(r"[ \t]+", " ")
            .str.replace_all(r" ?" + _PARA_MARK + r" ?", _PARA_MARK)
            .str.strip_chars(" \t\n" + _PARA_MARK)
            .str.replace_all(_PARA_MARK, PARAGRAPH_SEP))


def paragraphs_from_lines(text: pl.Expr) -> pl.Expr:
    """Every non-empty line is a paragraph; paragraphs joined by PARAGRAPH_SEP."""
    return (text.str.replace_all(r"[ \t]+", " ")
            .str.replace_all(r" ?\n[ \n]*", PARAGRAPH_SEP)
            .str.strip_chars(" \n"))


_COMMON_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'"}


def _unescape_batch(values: pl.Series) -> pl.Series:
    return pl.Series([html.unescape(v) if v is not None and "&" in v else v for v in values],
                     dtype=pl.String)


def unescape_html(text: pl.Expr) -> pl.Expr:
    """Decode HTML character references (`&#233;`, `&amp;`, `&lt;`).

    The common named references are replaced by a vectorised `replace_many`; polars has no
    general HTML-entity decoder, so what still holds an '&' goes through the standard
    library's `html.unescape` (rows without one are passed through untouched).
    """
    return (text.str.replace_many(list(_COMMON_ENTITIES), list(_COMMON_ENTITIES.values()))
            .map_batches(_unescape_batch, return_dtype=pl.String))


def collapse_spaces(text: pl.Expr) -> pl.Expr:
    """All runs of whitespace to one space, trimmed."""
    return text.str.replace_all(r"\s+", " ").str.strip_chars()
