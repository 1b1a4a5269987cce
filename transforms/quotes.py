"""The `quotes` table: every direct quotation of an article with its speaker.

`extract_quotes(articles, mentions=None)` expects `articles` with article_id, title,
photo_caption and body, and optionally the entity extractor's `mentions` (article_id,
entity_id, canonical_name, entity_type, surface, field, char_start, char_end; may be None or
empty). It returns one row per quote of four or more words with the contract columns plus
`field`:

    quote_id, article_id, quote_index (Int32, title then caption then body order, from 0),
    text, char_start, char_end (Int32; null outside the body), speaker_name,
    speaker_entity_id, speaker_mention, cue_verb, attribution_method, confidence, field

Quote marks are scanned by `transforms.quote_marks`, speakers found by
`transforms.attribution` with names resolved by `transforms.attribution_names`; see those
modules for the rules.
"""
from __future__ import annotations

import re

import polars as pl

from transforms.attribution import Attribution, attribute_quotes
from transforms.attribution_names import NameIndex
from transforms.ids import stable_id
from transforms.quote_marks import QuoteSpan, find_quote_spans

MIN_QUOTE_WORDS = 4
FIELDS = (("title", "title"), ("caption", "photo_caption"), ("body", "body"))
QUOTE_SCHEMA = {
    "quote_id": pl.String, "article_id": pl.String, "quote_index": pl.Int32, "text": pl.String,
    "char_start": pl.Int32, "char_end": pl.Int32, "speaker_name": pl.String,
    "speaker_entity_id": pl.String, "speaker_mention": pl.String, "cue_verb": pl.String,
    "attribution_method": pl.String, "confidence": pl.Float64, "field": pl.String,
}
_ANY_MARK = "[\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019]"
_SMALL_WORDS = frozenset("a an and the of in on at to for with from by or vs v".split())
_FOLD = re.compile(r"[^\w]+")
# A paragraph that opens a related-story or link list at the end of a body ("Related
# SciDev.Net articles:", "See also:", "Related stories >"): what follows is navigation text,
# neither quotes nor a source of speaker names.
_LINK_LIST = re.compile(
    r"(?:^|\n\s*\n|(?<=[.!?\)])\s+)(?:Related(?:\s+[\w.\-]+){0,3}?\s+(?:articles|stories|links|"
    r"news|coverage|items|pages)|See also|External links|More on this story|Links)\s*(?::|>|\n|$)")


def _without_link_list(body: str) -> str:
    """The body up to a trailing related-story or link list (see `_LINK_LIST`)."""
    m = _LINK_LIST.search(body)
    return body[:m.start()] if m else body


def _is_quote(text: str) -> bool:
    """Four or more words, and not a title of a work ("The Lord of the Rings Return Of X")."""
    words = text.split()
    if len(words) < MIN_QUOTE_WORDS:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    titled = all(w[:1].isupper() or not w[:1].isalpha() for w in content)
    return not (titled and len(words) <= 12 and not re.search(r"[.,;:!?]", text))


def _fold(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def _article_quotes(row: dict, known_names: list[str]) -> list[dict]:
    texts = {name: row.get(column) or "" for name, column in FIELDS}
    texts["body"] = _without_link_list(texts["body"])
    spans = {name: [s for s in find_quote_spans(text) if _is_quote(s.text)]
             for name, text in texts.items()}
    if not any(spans.values()):
        return []
    index = NameIndex([texts["title"], texts["caption"], texts["body"]], known_names)
    found: dict[str, list[tuple[QuoteSpan, Attribution]]] = {}
    for name in ("body", "title", "caption"):
        attributions = attribute_quotes(texts[name], spans[name], index) if spans[name] else []
        found[name] = list(zip(spans[name], attributions))
    body_speakers = [(_fold(s.text), a) for s, a in found["body"] if a.speaker]
    rows = []
    for name, _ in FIELDS:
        for span, attribution in found[name]:
            if name != "body" and attribution.speaker is None:
                folded = _fold(span.text)
                attribution = next((a._replace(method="carried_over", cue_verb=None)
                                    for text, a in body_speakers if folded in text), attribution)
            rows.append({
                "article_id": row["article_id"], "text": span.text, "field": name,
                "char_start": span.start if name == "body" else None,
                "char_end": span.end if name == "body" else None,
                "speaker_name": attribution.speaker, "speaker_mention": attribution.mention,
                "cue_verb": attribution.cue_verb, "attribution_method": attribution.method,
                "confidence": attribution.confidence,
            })
    return rows


def extract_quotes(articles: pl.DataFrame, mentions: pl.DataFrame | None = None) -> pl.DataFrame:
    """The quotes of `articles` (see the module docstring)."""
    has_mark = pl.any_horizontal(pl.col(c).fill_null("").str.contains(_ANY_MARK)
                                 for c in ("title", "photo_caption", "body"))
    candidates = articles.filter(has_mark).select("article_id", "title", "photo_caption", "body")
    known: dict[str, list[str]] = {}
    if mentions is not None and mentions.height:
        for article_id, names in (mentions.filter(pl.col("entity_type").is_in(["PERSON", "ORG"]))
                                  .group_by("article_id").agg(pl.col("canonical_name").unique())
                                  .iter_rows()):
            known[article_id] = [n for n in names if n]
    # Quote marks are scanned and attributed article by article: the scan is a state machine
    # (open/closed, continued paragraph) and attribution looks back at the speakers already
    # found in the same article, neither of which a column expression can carry.
    rows = [q for row in candidates.iter_rows(named=True)
            for q in _article_quotes(row, known.get(row["article_id"], []))]
    quotes = pl.DataFrame(rows, schema={k: v for k, v in QUOTE_SCHEMA.items()
                                        if k not in ("quote_id", "quote_index",
                                                     "speaker_entity_id")})
    # a headline that repeats the same quoted words holds one quote (and one quote_id)
    quotes = quotes.unique(subset=["article_id", "field", "char_start", "text"], keep="first",
                           maintain_order=True)
    quotes = quotes.with_columns(
        quote_index=pl.int_range(pl.len()).over("article_id").cast(pl.Int32),
        quote_id=stable_id("quote", "article_id", "field", "char_start", "text"),
    )
    quotes = _with_speaker_entities(quotes, mentions)
    return quotes.select(list(QUOTE_SCHEMA))


def _with_speaker_entities(quotes: pl.DataFrame, mentions: pl.DataFrame | None) -> pl.DataFrame:
    """speaker_entity_id: the mention entity named like the speaker, else the one whose surface
    is the speaker mention; null without a speaker."""
    if mentions is None or mentions.height == 0:
        return quotes.with_columns(speaker_entity_id=pl.lit(None, dtype=pl.String))
    by_name = (mentions.select("article_id", speaker_name="canonical_name", _by_name="entity_id")
               .unique(subset=["article_id", "speaker_name"], keep="first", maintain_order=True))
    by_surface = (mentions.select("article_id", speaker_mention="surface", _by_surface="entity_id")
                  .unique(subset=["article_id", "speaker_mention"], keep="first",
                          maintain_order=True))
    return (quotes.join(by_name, on=["article_id", "speaker_name"], how="left")
            .join(by_surface, on=["article_id", "speaker_mention"], how="left")
            .with_columns(speaker_entity_id=pl.when(pl.col("speaker_name").is_not_null())
                          .then(pl.coalesce("_by_name", "_by_surface")))
            .drop("_by_name", "_by_surface"))
