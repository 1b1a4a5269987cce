"""Property tests: any bytes become either an article whose extracted rows all point at real
spans of its body, or a quarantine row, never an exception."""
from __future__ import annotations

import hashlib
import re

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.articles import articles_from, parse_stories, quarantine_from
from transforms.decode import decode_text
from transforms.entities import extract_mentions
from transforms.events import extract_events
from transforms.quotes import extract_quotes

NEWSY = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "\n", "\n\n", "## ", "**", "[", "](#)", " – ", "Mr. ", "said ",
    "Ban Ki-moon", "United Nations", "Moscow", "today", "met with ", "22 April 2011 – ", "<REUTERS>",
    "<BODY>", "&amp;", "&#233;", " ", ".", ",", "he added", "(WFP)", "President ", "\r\n", "\ufeff",
])
STORY_TEXT = st.lists(st.one_of(NEWSY, st.text(min_size=1, max_size=12)), max_size=60).map("".join)
RAW_BYTES = st.one_of(STORY_TEXT.map(str.encode), st.binary(max_size=300),
                      STORY_TEXT.map(lambda t: t.encode("utf-16")))
PARAGRAPH_JOIN = re.compile(r"\s*\n\s*\n\s*[“\"‘']?")


def _raw(files: list[bytes]) -> pl.DataFrame:
    return pl.DataFrame({
        "source_path": [f"f{i}.txt" for i in range(len(files))], "size_bytes": [len(b) for b in files],
        "content": files, "content_sha256": [hashlib.sha256(b).hexdigest() for b in files],
        "problem": [None] * len(files), "problem_detail": [None] * len(files),
    }, schema_overrides={"content": pl.Binary, "problem": pl.String, "problem_detail": pl.String})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RAW_BYTES, min_size=1, max_size=4))
def test_any_input_gives_valid_rows_or_quarantine(files):
    parsed = parse_stories(decode_text(_raw(files)))
    articles, quarantine = articles_from(parsed), quarantine_from(parsed)
    paths = articles["source_paths"].explode().to_list() + quarantine["source_path"].to_list()
    seen = [p.split("#")[0] for p in paths]
    assert set(seen) == {f"f{i}.txt" for i in range(len(files))}
    assert all(r for r in quarantine["reason"]) and all(d for d in quarantine["detail"])
    assert all(t.strip() for t in articles["title"]) and all(b.strip() for b in articles["body"])
    bodies = dict(zip(articles["article_id"], articles["body"]))

    mentions = extract_mentions(articles)
    for row in mentions.filter(pl.col("field") == "body").iter_rows(named=True):
        body = bodies[row["article_id"]]
        assert 0 <= row["char_start"] < row["char_end"] <= len(body)
        assert body[row["char_start"]:row["char_end"]] == row["surface"]

    quotes = extract_quotes(articles, mentions)
    assert quotes["quote_id"].n_unique() == quotes.height
    for row in quotes.filter(pl.col("field") == "body").iter_rows(named=True):
        body = bodies[row["article_id"]]
        assert 0 <= row["char_start"] < row["char_end"] <= len(body)
        assert PARAGRAPH_JOIN.sub(" ", body[row["char_start"]:row["char_end"]]) == row["text"]

    events = extract_events(articles, mentions)
    assert events["event_id"].n_unique() == events.height
    for row in events.iter_rows(named=True):
        body = bodies[row["article_id"]]
        assert body[row["char_start"]:row["char_end"]] == row["sentence"]
