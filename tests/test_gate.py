"""Tests of the staging quality gate (warehouse.gate) on small DuckDB files built in tmp_path."""
from __future__ import annotations

import datetime
import hashlib

import duckdb
import pytest

from transforms import vocabulary
from warehouse.gate import GATED_TABLES, Vocabularies, validate_all, validate_table
from warehouse.schema import TABLES

TODAY = datetime.date(2024, 6, 1)

# "Zoë" is written with a combining diaeresis: one grapheme, two code points.
BODY = (
    "ABIDJAN, 31 May - The President of Côte d’Ivoire, Zoe\u0308 Kouassi, met the United "
    "Nations envoy.\n\n"
    "“We will rebuild the country,” she said. “Every village will have water.\n\n"
    "“And every child will go to school.”"
)
SENTENCE = "The President of Côte d’Ivoire, Zoe\u0308 Kouassi, met the United Nations envoy."
SECOND_BODY = "GENEVA, 30 May - The agency said talks resumed."
TITLE = "Côte d’Ivoire will “rebuild”, president says"
CAPTION = "Zoë Kouassi in Abidjan."


@pytest.fixture(scope="module")
def vocab() -> Vocabularies:
    return Vocabularies.from_module(vocabulary)


def span(text: str, body: str = BODY) -> tuple[int, int]:
    """Python character offsets of `text`'s first occurrence in `body`."""
    start = body.index(text)
    return start, start + len(text)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def article(article_id: str, body: str, published: datetime.date) -> dict:
    return {
        "article_id": article_id, "source_path": f"raw/{article_id}.txt",
        "source_format": "plain_text", "title": f"Story {article_id}",
        "published_date": published, "body": body, "paragraph_count": body.count("\n\n") + 1,
        "word_count": len(body.split()), "related_titles": [], "content_sha256": sha(body),
        "extractor_version": "1.0",
    }


def quote(quote_id: str, index: int, text: str, start: int | None, end: int | None,
          field: str = "body") -> dict:
    return {
        "quote_id": quote_id, "article_id": "a1", "quote_index": index, "text": text,
        "char_start": start, "char_end": end, "speaker_name": "Zoë Kouassi",
        "speaker_entity_id": "e_zoe", "speaker_mention": "she", "cue_verb": "said",
        "attribution_method": "pronoun", "confidence": 0.9, "field": field,
    }


def entity(entity_id: str, name: str, entity_type: str, country: str | None) -> dict:
    return {
        "entity_id": entity_id, "canonical_name": name, "entity_type": entity_type,
        "country_code": country, "aliases": [], "mention_count": 1, "article_count": 1,
        "first_seen": datetime.date(2024, 5, 31), "last_seen": datetime.date(2024, 5, 31),
    }


def mention(mention_id: str, entity_id: str, surface: str, field: str = "body") -> dict:
    start, end = span(surface) if field == "body" else (None, None)
    return {"mention_id": mention_id, "article_id": "a1", "entity_id": entity_id,
            "surface": surface, "char_start": start, "char_end": end, "field": field}


def valid_rows() -> dict[str, list[dict]]:
    """A small consistent table set: a non-ASCII body, a two-paragraph quote, a quote in the
    title and a mention in the photo caption (no offsets), every table used."""
    one_paragraph = "We will rebuild the country,"
    first, second = "Every village will have water.", "And every child will go to school."
    two_paragraphs = (BODY.index(first), BODY.index(second) + len(second))
    event_start, event_end = span(SENTENCE)
    first_article = article("a1", BODY, datetime.date(2024, 5, 31))
    first_article.update(title=TITLE, photo_caption=CAPTION)
    return {
        "articles": [first_article, article("a2", SECOND_BODY, datetime.date(2024, 5, 30))],
        "quotes": [
            quote("q1", 0, one_paragraph, *span(one_paragraph)),
            quote("q2", 1, f"{first} {second}", *two_paragraphs),
            quote("q3", 2, "rebuild", None, None, field="title"),
        ],
        "entities": [
            entity("e_civ", "Côte d’Ivoire", "LOCATION", "CIV"),
            entity("e_zoe", "Zoë Kouassi", "PERSON", "CIV"),
            entity("e_un", "United Nations", "ORG", None),
        ],
        "entity_mentions": [
            mention("m1", "e_civ", "Côte d’Ivoire"),
            mention("m2", "e_zoe", "Zoe\u0308 Kouassi"),
            mention("m3", "e_un", "United Nations"),
            mention("m4", "e_zoe", "Zoë Kouassi", field="caption"),
        ],
        "events": [{
            "event_id": "ev1", "article_id": "a1", "event_type": "meet", "cameo_root": "04",
            "trigger": "met", "sentence": SENTENCE, "char_start": event_start,
            "char_end": event_end, "event_date": datetime.date(2024, 5, 31),
            "date_basis": "dateline", "actor_entity_ids": ["e_zoe"],
            "target_entity_ids": ["e_un"], "location_entity_id": "e_civ", "confidence": 0.8,
        }],
        "quarantine": [{
            "source_path": "raw/empty.txt", "content_sha256": sha(""), "reason": "empty",
            "detail": vocabulary.QUARANTINE_REASONS["empty"],
        }],
    }


def build(path, rows: dict[str, list[dict]]) -> str:
    """Write `rows` to a DuckDB file made from schema.TABLES and return its path.

    PRIMARY KEY is dropped from the DDL, as a staging load may not enforce it: the gate itself
    must catch duplicate ids."""
    db_path = str(path / "staging.duckdb")
    con = duckdb.connect(db_path)
    try:
        for table, ddl in TABLES.items():
            con.execute(ddl.replace(" PRIMARY KEY", ""))
            for row in rows.get(table, []):
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    finally:
        con.close()
    return db_path


def failed(results, table: str) -> set[str]:
    return {o.expectation for o in results[table].outcomes if not o.success}


def test_valid_tables_pass(tmp_path, vocab):
    results = validate_all(build(tmp_path, valid_rows()), vocab, today=TODAY)
    assert set(results) == set(GATED_TABLES)
    for table, validation in results.items():
        assert validation.success, validation.summary()
        assert validation.row_count == len(valid_rows()[table])
        assert "passed" in validation.summary()


def test_empty_tables_pass(tmp_path, vocab):
    results = validate_all(build(tmp_path, {}), vocab, today=TODAY)
    assert all(v.success and v.row_count == 0 for v in results.values())


def test_offsets_count_code_points_not_bytes(tmp_path, vocab):
    rows = valid_rows()
    surface = "Zoe\u0308 Kouassi"
    byte_start = BODY.encode().index(surface.encode())
    rows["entity_mentions"][1].update(char_start=byte_start, char_end=byte_start + len(surface))
    results = validate_all(build(tmp_path, rows), vocab, today=TODAY)
    assert failed(results, "entity_mentions") == {"span equals surface"}
    span_outcome = next(o for o in results["entity_mentions"].outcomes if not o.success)
    assert span_outcome.unexpected_sample == ["m2"]


def duplicate_article(rows):
    rows["articles"].append(dict(rows["articles"][0]))


def orphan_quote(rows):
    rows["quotes"][0]["article_id"] = "a_missing"


def wrong_quote_text(rows):
    rows["quotes"][1]["text"] = "Every village will have water."


def title_quote_not_in_title(rows):
    rows["quotes"][2]["text"] = "rebuilt"


def offset_past_body(rows):
    rows["entity_mentions"][2]["char_end"] = len(BODY) + 1


def bad_entity_type(rows):
    rows["entities"][2]["entity_type"] = "PLACE"


def bad_quarantine_reason(rows):
    rows["quarantine"][0]["reason"] = "corrupt"


def blank_quarantine_detail(rows):
    rows["quarantine"][0]["detail"] = "\u00a0 \n"


def future_published_date(rows):
    rows["articles"][1]["published_date"] = TODAY + datetime.timedelta(days=2)


def unknown_actor(rows):
    rows["events"][0]["actor_entity_ids"] = ["e_zoe", "e_ghost"]


def location_not_a_location(rows):
    rows["events"][0]["location_entity_id"] = "e_un"


@pytest.mark.parametrize("corrupt, table, expectation, offender", [
    (duplicate_article, "articles", "article_id unique", "a1"),
    (orphan_quote, "quotes", "article_id exists in articles", "q1"),
    (wrong_quote_text, "quotes", "span equals text", "q2"),
    (title_quote_not_in_title, "quotes", "span equals text", "q3"),
    (offset_past_body, "entity_mentions", "offsets inside body", "m3"),
    (bad_entity_type, "entities", "entity_type in vocabulary", "e_un"),
    (bad_quarantine_reason, "quarantine", "reason in vocabulary", "raw/empty.txt"),
    (blank_quarantine_detail, "quarantine", "detail non-empty", "raw/empty.txt"),
    (future_published_date, "articles", "published_date between 1900-01-01 and 2024-06-02",
     "a2"),
    (unknown_actor, "events", "actor ids exist in entities", "ev1"),
    (location_not_a_location, "events", "location is a LOCATION", "ev1"),
])
def test_failure_is_reported_on_the_right_table(tmp_path, vocab, corrupt, table, expectation,
                                                offender):
    rows = valid_rows()
    corrupt(rows)
    results = validate_all(build(tmp_path, rows), vocab, today=TODAY)

    assert [t for t, v in results.items() if not v.success] == [table]
    assert failed(results, table) == {expectation}
    outcome = next(o for o in results[table].outcomes if o.expectation == expectation)
    assert outcome.unexpected_count >= 1
    assert offender in outcome.unexpected_sample
    summary = results[table].summary()
    assert expectation in summary and offender in summary and outcome.detail in summary


def test_published_date_may_be_tomorrow(tmp_path, vocab):
    rows = valid_rows()
    rows["articles"][1]["published_date"] = TODAY + datetime.timedelta(days=1)
    assert validate_table(build(tmp_path, rows), "articles", vocab, today=TODAY).success


def test_missing_table_fails_without_crashing(tmp_path, vocab):
    db_path = build(tmp_path, valid_rows())
    con = duckdb.connect(db_path)
    con.execute("DROP TABLE entities")
    con.close()
    validation = validate_table(db_path, "events", vocab, today=TODAY)
    assert not validation.success
    assert "entities" in validation.summary()


def test_wrongly_typed_column_fails_without_crashing(tmp_path, vocab):
    db_path = build(tmp_path, valid_rows())
    con = duckdb.connect(db_path)
    con.execute("ALTER TABLE quotes ALTER COLUMN confidence SET DATA TYPE VARCHAR")
    con.close()
    validation = validate_table(db_path, "quotes", vocab, today=TODAY)
    assert failed({"quotes": validation}, "quotes") == {"confidence between 0 and 1"}
    assert "GX could not evaluate" in validation.summary()


def test_unknown_table_is_rejected(tmp_path, vocab):
    with pytest.raises(ValueError, match="not a gated table"):
        validate_table(build(tmp_path, {}), "staging_notes", vocab)


def test_sliced_validation_reports_what_one_pass_reports(tmp_path, vocab, monkeypatch):
    import warehouse.gate as gate

    rows = valid_rows()
    for breaker in (orphan_quote, wrong_quote_text, offset_past_body, bad_entity_type):
        breaker(rows)
    path = build(tmp_path, rows)
    whole = validate_all(path, vocab, today=TODAY)
    monkeypatch.setattr(gate, "SLICE_ROWS", 1)
    sliced = validate_all(path, vocab, today=TODAY)
    for table in GATED_TABLES:
        assert sliced[table].row_count == whole[table].row_count, table
        assert [(o.expectation, o.success, o.unexpected_count, sorted(map(str, o.unexpected_sample)))
                for o in sliced[table].outcomes] == \
            [(o.expectation, o.success, o.unexpected_count, sorted(map(str, o.unexpected_sample)))
             for o in whole[table].outcomes], table
    assert not sliced["quotes"].success and not sliced["entities"].success
