"""Events: who did what to whom, when and where (the `events` table; see docs/events.md).

`extract_events(articles, mentions)` finds the triggers of `transforms.event_triggers` in each
article's body, splits the body into sentences, and gives every trigger outside a direct
quotation an event with its actors, targets and place taken from the entity mentions of the
same sentence; modality and date are then resolved in batch over all events.
"""
from __future__ import annotations

import polars as pl

from transforms.event_dates import reference_date, resolve_event_dates
from transforms.event_reading import Mention, article_events
from transforms.event_triggers import (SPORT_SUPPRESSED, sport_story, trigger_modality, trigger_scan,
                                       triggers_in)
from transforms.ids import stable_id
from transforms.vocabulary import EVENT_TYPES

EVENT_COLUMNS = ["event_id", "article_id", "event_type", "cameo_root", "trigger", "sentence",
                 "char_start", "char_end", "event_date", "date_basis", "actor_entity_ids",
                 "target_entity_ids", "location_entity_id", "confidence", "in_lede", "modality",
                 "location_basis"]

EVENT_SCHEMA = {
    "event_id": pl.String, "article_id": pl.String, "event_type": pl.String,
    "cameo_root": pl.String, "trigger": pl.String, "sentence": pl.String,
    "char_start": pl.Int32, "char_end": pl.Int32, "event_date": pl.Date, "date_basis": pl.String,
    "actor_entity_ids": pl.List(pl.String), "target_entity_ids": pl.List(pl.String),
    "location_entity_id": pl.String, "confidence": pl.Float64, "in_lede": pl.Boolean,
    "modality": pl.String, "location_basis": pl.String,
}

def _mention_lists(articles: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """article_id, body, its triggers (see `trigger_scan`), its body mentions as parallel
    lists sorted by offset, and
    the entity of its dateline place (a LOCATION mention whose canonical name or surface
    equals the place, ignoring case)."""
    in_body = (mentions.filter((pl.col("field") == "body") & pl.col("char_start").is_not_null())
               .sort("article_id", "char_start", "char_end")
               .group_by("article_id", maintain_order=True)
               .agg("char_start", "char_end", "entity_id", "entity_type", "canonical_name",
                    "country_code"))
    place = pl.col("dateline_place").str.to_lowercase()
    dateline = (articles.filter(pl.col("dateline_place").is_not_null())
                .select("article_id", place.alias("_place"))
                .join(mentions.filter(pl.col("entity_type") == "LOCATION"), on="article_id")
                .filter((pl.col("canonical_name").str.to_lowercase() == pl.col("_place"))
                        | (pl.col("surface").str.to_lowercase() == pl.col("_place")))
                .group_by("article_id")
                .agg(dateline_entity=pl.col("entity_id").sort().first()))
    return (articles.select("article_id", "body", _texts=trigger_scan(pl.col("body")),
                            _sport=sport_story(pl.col("body")))
            .join(in_body, on="article_id", how="left", maintain_order="left")
            .join(dateline, on="article_id", how="left", maintain_order="left"))


_LIST_SEP = "\x1f"


def _find_events(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per trigger: the Python pass over each article's text.

    A per-article loop because sentence splitting needs abbreviation rules and look-around
    (not in polars' regex engine) and because a pronoun subject is resolved from the events
    read before it; each article is scanned once with precompiled patterns and mentions are
    found by bisection.
    """
    columns: dict[str, list] = {name: [] for name in (
        "article_id", "event_type", "trigger", "sentence", "char_start", "char_end",
        "trigger_offset", "date_window_start", "date_window_end", "in_lede", "actor_entity_ids", "actor_basis",
        "target_entity_ids", "location_entity_id", "location_basis")}
    frame = frame.filter(pl.col("_texts").list.len() > 0)
    for article_id, body, texts, starts, ends, ids, types, names, countries, dateline_entity, sport in zip(
            *(frame[c].to_list() for c in ("article_id", "body", "_texts", "char_start",
                                           "char_end", "entity_id", "entity_type",
                                           "canonical_name", "country_code", "dateline_entity",
                                           "_sport"))):
        mentions = [Mention(*m) for m in zip(starts or [], ends or [], ids or [], types or [],
                                              names or [], countries or [])]
        triggers = triggers_in(body, texts)
        if sport:
            triggers = [t for t in triggers if t[2] not in SPORT_SUPPRESSED]
        for event in article_events(body, triggers, mentions, dateline_entity):
            columns["article_id"].append(article_id)
            columns["event_type"].append(event.event_type)
            columns["trigger"].append(body[event.trigger_start:event.trigger_end])
            columns["sentence"].append(body[event.sentence_start:event.sentence_end])
            columns["char_start"].append(event.sentence_start)
            columns["char_end"].append(event.sentence_end)
            columns["trigger_offset"].append(event.trigger_start - event.sentence_start)
            columns["date_window_end"].append(event.next_trigger - event.sentence_start)
            columns["date_window_start"].append(event.date_window_start - event.sentence_start)
            columns["in_lede"].append(event.paragraph == 0)
            columns["actor_entity_ids"].append(_LIST_SEP.join(event.actors))
            columns["actor_basis"].append(event.actor_basis)
            columns["target_entity_ids"].append(_LIST_SEP.join(event.targets))
            columns["location_entity_id"].append(event.location)
            columns["location_basis"].append(event.location_basis)
    schema = {name: EVENT_SCHEMA.get(name, pl.String) for name in columns}
    schema.update(trigger_offset=pl.Int32, date_window_start=pl.Int32, date_window_end=pl.Int32, actor_entity_ids=pl.String,
                  target_entity_ids=pl.String)
    # Lists travel as joined strings: building a polars list column from Python lists is slow.
    return pl.DataFrame(columns, schema=schema).with_columns(
        pl.col("actor_entity_ids", "target_entity_ids").str.split(_LIST_SEP)
        .list.filter(pl.element() != ""))


def _confidence() -> pl.Expr:
    """0 to 1: higher when the actor is named in the sentence, a target is found, and place
    and date come from the sentence rather than from the story."""
    actor = (pl.when(pl.col("actor_basis") == "explicit").then(0.3)
             .when(pl.col("actor_basis") == "coreference").then(0.15).otherwise(0.0))
    target = pl.when(pl.col("target_entity_ids").list.len() > 0).then(0.1).otherwise(0.0)
    place = pl.col("location_basis").replace_strict(
        {"sentence": 0.1, "dateline": 0.07, "story": 0.05}, default=0.0, return_dtype=pl.Float64)
    date = pl.col("date_basis").replace_strict(
        {"explicit": 0.05, "relative": 0.05, "dateline": 0.03}, default=0.0, return_dtype=pl.Float64)
    return (0.4 + actor + target + place + date).round(3)


_STORY_PLACE_DAYS = 7
# Events that the dateline city rarely hosts: threats and sanctions aimed abroad, visits (the
# dateline is often where the visitor comes from), aid sent, fighting (reported from afar);
# and nationwide votes.
_NOT_AT_DATELINE = ["threaten", "sanction", "visit", "aid", "fight"]
_POPULAR_VOTE = r"(?i)^(?:elections?|referendum|ballot|polls)$"


def _story_place_fits() -> pl.Expr:
    """False when the place comes from the dateline or the story but the event did not plainly
    happen there and then: a planned or hypothetical event, one of `_NOT_AT_DATELINE`'s types
    or a popular vote, one at an unstated earlier time (no date though the story has one), or
    one dated more than a week from the story's date ("agreed in 1985")."""
    from_story = pl.col("location_basis").is_in(["dateline", "story"])
    days = (pl.col("event_date") - pl.col("published_date")).dt.total_days().abs()
    elsewhere = ((pl.col("modality").is_in(["planned", "hypothetical"]))
                 | pl.col("event_type").is_in(_NOT_AT_DATELINE)
                 | ((pl.col("event_type") == "election") & pl.col("trigger").str.contains(_POPULAR_VOTE))
                 | (pl.col("event_date").is_null() & pl.col("published_date").is_not_null())
                 | (days > _STORY_PLACE_DAYS))
    return ~(from_story & elsewhere.fill_null(False))


def extract_events(articles: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """The `events` table.

    Expects articles with article_id, body, published_date, dateline_place, and entity
    mentions with article_id, entity_id, canonical_name, entity_type, country_code, surface,
    field and char_start / char_end (offsets into body where field is "body").

    Returns EVENT_COLUMNS: the contract's event_id, article_id, event_type, cameo_root,
    trigger, sentence, char_start, char_end (the sentence's span in body), event_date,
    date_basis, actor_entity_ids, target_entity_ids, location_entity_id, confidence, plus
    in_lede (first paragraph), modality (asserted | planned | negated | hypothetical) and
    location_basis (sentence | dateline | story).
    """
    found = _find_events(_mention_lists(articles, mentions))
    published = articles.select(
        "article_id", published_date=reference_date(pl.col("body"), pl.col("published_date")))
    return (resolve_event_dates(
        found.join(published, on="article_id", how="left", maintain_order="left")
        .with_columns(modality=trigger_modality(pl.col("sentence"), pl.col("trigger_offset"),
                                                pl.col("trigger").str.len_chars())))
        .with_columns(location_entity_id=pl.when(_story_place_fits()).then("location_entity_id"),
                      location_basis=pl.when(_story_place_fits()).then("location_basis"))
        .with_columns(
            event_id=stable_id("event", "article_id", "char_start", "event_type", "trigger"),
            cameo_root=pl.col("event_type").replace_strict(EVENT_TYPES, return_dtype=pl.String),
            confidence=_confidence())
        .select(EVENT_COLUMNS)
        .cast(EVENT_SCHEMA))
