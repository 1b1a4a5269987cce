"""Stable identifiers: sha256 of content, never row order or polars' process-seeded `hash`."""
from __future__ import annotations

import hashlib

import polars as pl

ID_HEX_CHARS = 32


def _sha256_hex(values: pl.Series) -> pl.Series:
    return pl.Series([hashlib.sha256(v.encode()).hexdigest()[:ID_HEX_CHARS] for v in values],
                     dtype=pl.String)


def stable_id(kind: str, *parts: pl.Expr | str) -> pl.Expr:
    """An id expression: the first 32 hex digits of sha256("kind|part1|part2|...").

    Parts are cast to strings; nulls become empty strings so the id is always defined.
    """
    cols = [pl.lit(kind)] + [(pl.col(p) if isinstance(p, str) else p).cast(pl.String).fill_null("")
                             for p in parts]
    return pl.concat_str(cols, separator="|").map_batches(_sha256_hex, return_dtype=pl.String)


def sha256_text(expr: pl.Expr) -> pl.Expr:
    """Full sha256 hex digest of a String expression's UTF-8 bytes."""
    return expr.map_batches(
        lambda s: pl.Series([hashlib.sha256(v.encode()).hexdigest() if v is not None else None
                             for v in s], dtype=pl.String),
        return_dtype=pl.String)
