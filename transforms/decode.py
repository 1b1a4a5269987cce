"""Bytes to text: detect the encoding of each raw file, and flag what is not text.

Expects RAW columns: source_path, content (Binary, null when unreadable), content_sha256,
problem, problem_detail. Returns them plus `text` (String, null when there is a problem) with
`problem` set to `empty`, `not_text` or `undecodable` where decoding fails.
"""
from __future__ import annotations

import codecs
import re

import polars as pl

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


def _utf16_codec(data: bytes) -> str | None:
    """The UTF-16 codec a BOM-less buffer looks like (NULs on one byte parity), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _binary_detail(count: int, total: int, what: str) -> str:
    return (f"The file looks binary ({count:,} {what} in {total:,}); check that it is a story "
            "and not an image, archive or document file.")


def _decode_allowing_truncation(data: bytes, codec: str) -> str | None:
    """`data` decoded with `codec`, or None. A file cut off inside its last character (a
    truncated download) decodes without that partial character."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and len(data) - exc.start < 4:
            try:
                return data[:exc.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None


def _decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, problem, detail) for one file's bytes; the first decoding that fits wins."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif utf16 := _utf16_codec(data):
        candidates = [utf16]
    elif b"\x00" in data:
        return None, "not_text", _binary_detail(data.count(0), len(data), "NUL bytes")
    else:
        candidates = ["utf-8", "cp1252", "latin-1"]
    for codec in candidates:
        text = _decode_allowing_truncation(data, codec)
        if text is not None:
            break
    else:
        return None, "undecodable", (
            "The bytes are not valid UTF-16 text although they look like it; re-save the file as UTF-8.")
    if not text.strip():
        return None, "empty", "The file holds no text (only whitespace or nothing); remove it or add the story."
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * len(text):
        return None, "not_text", _binary_detail(controls, len(text), "control characters")
    return text.lstrip("\ufeff"), None, None


def decode_text(raw: pl.DataFrame) -> pl.DataFrame:
    """Add `text` to RAW rows; set `problem`/`problem_detail` for empty, binary or undecodable files.

    A per-file Python step: choosing a codec is a per-file decision that polars has no
    expression for (its Binary-to-String cast raises on the first invalid byte instead of
    yielding null), and `bytes.decode` runs at C speed.
    """
    decoded = [_decode_bytes(b) if b is not None else (None, None, None)
               for b in raw["content"].to_list()]
    return raw.with_columns(
        text=pl.Series([d[0] for d in decoded], dtype=pl.String),
        problem=pl.coalesce("problem", pl.Series([d[1] for d in decoded], dtype=pl.String)),
        problem_detail=pl.coalesce("problem_detail", pl.Series([d[2] for d in decoded], dtype=pl.String)),
    )
