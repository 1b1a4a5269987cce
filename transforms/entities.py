"""Named entities (PERSON, ORG, LOCATION) with stable identities across the corpus.

`extract_mentions` expects articles with the columns article_id, title, photo_caption, body,
dateline_place (published_date may be present; it is not needed) and returns one row per
mention: mention_id, article_id, entity_id, canonical_name, entity_type, country_code,
surface, field ("body" | "title" | "caption"), char_start, char_end (Int64 code-point offsets
into `body`, null outside the body).

`entity_mentions_from(mentions)` returns the contract `entity_mentions` table plus what the
warehouse aggregates into the corpus-wide `entities` table (warehouse/entities_table.py).

An entity's id is stable_id("entity", entity_type, key), where key is the folded canonical
name; a single-word PERSON name that no full name in its story explains ("Mr Smith") is
scoped to its article, so two different Smiths stay apart.
"""
from __future__ import annotations

import polars as pl

from transforms.entity_rules import article_mentions
from transforms.ids import stable_id

MENTION_COLUMNS = ["mention_id", "article_id", "entity_id", "canonical_name", "entity_type",
                   "country_code", "surface", "field", "char_start", "char_end"]
_RAW_SCHEMA = {"article_id": pl.String, "canonical_name": pl.String, "entity_type": pl.String,
               "country_code": pl.String, "surface": pl.String, "field": pl.String,
               "char_start": pl.Int64, "char_end": pl.Int64, "story_scoped": pl.Boolean}


def _raw_mentions(articles: pl.DataFrame) -> pl.DataFrame:
    """Run the per-story rules (see transforms.entity_rules for why this is a Python pass)."""
    cols: dict[str, list] = {k: [] for k in _RAW_SCHEMA}
    rows = articles.select("article_id", "title", "photo_caption", "body", "dateline_place")
    for article_id, title, caption, body, dateline in rows.iter_rows():
        for m in article_mentions(title, caption, body, dateline):
            ent = m.entity
            in_body = m.field == "body"
            cols["article_id"].append(article_id)
            cols["canonical_name"].append(ent.name)
            cols["entity_type"].append(ent.entity_type)
            cols["country_code"].append(ent.country_code)
            cols["surface"].append(m.surface)
            cols["field"].append(m.field)
            cols["char_start"].append(m.start if in_body else None)
            cols["char_end"].append(m.end if in_body else None)
            cols["story_scoped"].append(ent.entity_type == "PERSON" and len(ent.tokens) < 2)
    return pl.DataFrame(cols, schema=_RAW_SCHEMA)


def name_key(expr: pl.Expr) -> pl.Expr:
    """Folded form of a name for identity: no accents, case, dots, possessive or leading
    "the"; hyphens and runs of spaces become one space."""
    return (expr.str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()
            .str.replace_all(r"[.’']", "").str.replace_all(r"[-\s]+", " ")
            .str.strip_chars().str.replace(r"^the ", ""))


def extract_mentions(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per PERSON / ORG / LOCATION mention (columns in the module docstring)."""
    raw = _raw_mentions(articles)
    key = pl.when(pl.col("story_scoped")).then(
        pl.concat_str([pl.col("article_id"), name_key(pl.col("canonical_name"))], separator="#")
    ).otherwise(name_key(pl.col("canonical_name")))
    ordinal = pl.int_range(pl.len()).over("article_id", "field", "char_start", "surface")
    return raw.with_columns(
        entity_id=stable_id("entity", "entity_type", key),
        mention_id=stable_id("mention", "article_id", "field", "char_start", "surface", ordinal),
    ).select(MENTION_COLUMNS)


def entity_mentions_from(mentions: pl.DataFrame) -> pl.DataFrame:
    """The `entity_mentions` table plus field, entity_type, resolved_name (the story's
    canonical name for the entity) and country_code: what the warehouse needs to build and
    update the corpus-wide `entities` table batch by batch."""
    return mentions.select("mention_id", "article_id", "entity_id", "surface", "char_start",
                           "char_end", "field", "entity_type",
                           pl.col("canonical_name").alias("resolved_name"), "country_code")
