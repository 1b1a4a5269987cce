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


def unescape_html(text: pl.Expr) -> pl.Expr:
    """Decode HTML character references (`&#233;`, `&amp;`, `&lt;`).

    polars has no HTML-entity decoder, so rows that contain '&' go through the standard
    library's `html.unescape`; rows without one pass through untouched.
    """
    return (pl.when(text.str.contains("&", literal=True))
            .then(text.map_elements(html.unescape, return_dtype=pl.String, skip_nulls=True))
            .otherwise(text))


def collapse_spaces(text: pl.Expr) -> pl.Expr:
    """All runs of whitespace to one space, trimmed."""
    return text.str.replace_all(r"\s+", " ").str.strip_chars()
