"""Layout recognition, parsing and quarantine of raw story files."""
from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl
import pytest

from story_files import PLAIN_STORY, REUTERS_STORY, UN_STORY
from transforms.articles import articles_from, parse_stories, quarantine_from
from transforms.decode import decode_text


def _raw(files: dict[str, bytes]) -> pl.DataFrame:
    return pl.DataFrame({
        "source_path": list(files), "size_bytes": [len(b) for b in files.values()],
        "content": list(files.values()), "content_sha256": [hashlib.sha256(b).hexdigest() for b in files.values()],
        "problem": [None] * len(files), "problem_detail": [None] * len(files),
    }, schema_overrides={"content": pl.Binary, "problem": pl.String, "problem_detail": pl.String})


def _parse(files: dict[str, bytes]) -> tuple[pl.DataFrame, pl.DataFrame]:
    parsed = parse_stories(decode_text(_raw(files)))
    return articles_from(parsed), quarantine_from(parsed)


def _one(text: str | bytes) -> dict:
    data = text.encode() if isinstance(text, str) else text
    articles, quarantine = _parse({"story.txt": data})
    assert quarantine.height == 0, quarantine.to_dicts()
    return articles.row(0, named=True)


def test_un_news_layout_fields():
    row = _one(UN_STORY)
    assert row["source_format"] == "un_news_print"
    assert row["title"] == "Envoy opens talks on river basin water sharing"
    assert row["photo_caption"] == "Special Envoy Mara Eklund (centre) with delegates in Nairobi"
    assert row["published_date"] == dt.date(2014, 3, 4 - 1)
    assert row["body"].startswith("3 March 2014 – The United Nations Special Envoy Mara Eklund today opened two days")
    assert row["body"].endswith("“We have a narrow window,” Ms. Eklund said.")
    assert row["paragraph_count"] == 2
    assert row["related_titles"] == ["Envoy visits basin countries", "Drought talks postponed"]
    assert "News Tracker" not in row["body"] and "**" not in row["body"] and "](#)" not in row["body"]


@pytest.mark.parametrize("dash", ["–", "—", "-", "?", "‒"])
def test_un_news_dateline_dash_variants(dash):
    row = _one(UN_STORY.replace("3 March 2014 –", f"3 March 2014 {dash}"))
    assert row["published_date"] == dt.date(2014, 3, 3)
    assert row["photo_caption"].startswith("Special Envoy")


def test_un_news_crlf_bom_no_masthead_no_caption_no_tracker():
    text = UN_STORY.split("## ", 1)[1]
    text = "## " + text.replace("Special Envoy Mara Eklund (centre) with delegates in Nairobi\n", "")
    text = text.split("News Tracker")[0]
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    row = _one(data)
    assert row["source_format"] == "un_news_print"
    assert row["title"] == "Envoy opens talks on river basin water sharing"
    assert row["photo_caption"] is None
    assert row["related_titles"] == []
    assert "\r" not in row["body"] and row["paragraph_count"] == 2


def test_un_news_heading_without_bold():
    row = _one(UN_STORY.replace("## **Envoy opens talks on river basin water sharing**",
                                "## Envoy opens talks on river basin water sharing"))
    assert row["title"] == "Envoy opens talks on river basin water sharing"


def test_plain_text_layout_decodes_entities():
    row = _one(PLAIN_STORY)
    assert row["source_format"] == "plain_text"
    assert row["title"] == "Harbour strike enters second week"
    assert "Jonas Prévost" in row["body"]
    assert row["paragraph_count"] == 3
    assert row["published_date"] is None


def test_reuters_sgml_layout():
    row = _one(REUTERS_STORY)
    assert row["source_format"] == "reuters_sgml"
    assert row["title"] == "ACME <ACM> RAISES DIVIDEND"
    assert row["published_date"] == dt.date(1987, 3, 12)
    assert row["dateline_place"] == "CHICAGO"
    assert row["body"] == ("CHICAGO, March 12 - Acme Corp said its board raised the quarterly dividend "
                           "to 20 cts from 18 cts.\n\nThe company said the dividend is payable April 30.")


def test_reuters_file_with_two_stories_gets_numbered_paths():
    second = REUTERS_STORY.replace("ACME", "ZETA").replace('NEWID="7"', 'NEWID="8"')
    articles, quarantine = _parse({"wire.sgm": (REUTERS_STORY + second).encode()})
    assert quarantine.height == 0
    assert sorted(articles["source_path"]) == ["wire.sgm#1", "wire.sgm#2"]
    assert articles["content_sha256"].n_unique() == 2
    assert articles["article_id"].n_unique() == 2


def test_reuters_headline_only_brief_is_quarantined_with_reason():
    brief = REUTERS_STORY.split("<DATELINE>")[0] + "</TEXT>\n</REUTERS>\n"
    _, quarantine = _parse({"brief.sgm": brief.encode()})
    assert quarantine.row(0, named=True)["reason"] == "no_body"
    assert "headline-only" in quarantine.row(0, named=True)["detail"]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\n \t ", "empty"),
    (bytes(range(256)) * 4, "not_text"),
    ("**UN NEWS CENTRE**\n\nWith breaking stories and\nnewswire products from\n".encode(), "no_title"),
    (b"Only a headline\n", "no_body"),
])
def test_bad_files_are_quarantined_with_reason(data, reason):
    articles, quarantine = _parse({"bad.txt": data})
    assert articles.height == 0
    row = quarantine.row(0, named=True)
    assert row["reason"] == reason and row["source_path"] == "bad.txt"
    assert len(row["detail"]) > 20


def test_page_furniture_before_a_scraped_headline_is_skipped():
    row = _one("- - - - - -\n'); //-->\n" + PLAIN_STORY)
    assert row["title"] == "Harbour strike enters second week"


def test_one_word_headline_is_kept():
    assert _one("Strike\n\nDock workers stayed out on Monday.\n")["title"] == "Strike"


def test_one_line_web_story_keeps_its_line_as_body():
    line = ("PORT ALDOUS (Wire) - Dock workers ended a nine-day strike on Friday after the port "
            "authority raised its pay offer, the union said.")
    row = _one(line + "\n")
    assert row["body"] == line
    assert row["title"] == line


def test_truncated_utf8_drops_only_the_cut_character():
    data = PLAIN_STORY.replace("Pr&#233;vost", "Prévost").encode() + "é".encode()[:1]
    row = _one(data)
    assert "Jonas Prévost" in row["body"] and not row["body"].endswith("Ã")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_other_text_encodings_are_decoded(encoding):
    text = PLAIN_STORY.replace("Pr&#233;vost", "Prévost").replace("leader", "leader\u00a0Þór")
    row = _one(text.encode(encoding))
    assert "Jonas Prévost" in row["body"] and "Þór" in row["body"]


def test_copies_of_a_story_are_one_article_with_every_path():
    articles, quarantine = _parse({"b.txt": PLAIN_STORY.encode() + b"\n\n", "a.txt": PLAIN_STORY.encode(),
                                   "c.txt": UN_STORY.encode()})
    assert quarantine.height == 0
    rows = {r["source_path"]: r for r in articles.iter_rows(named=True)}
    assert set(rows) == {"a.txt", "c.txt"}
    assert rows["a.txt"]["source_paths"] == ["a.txt", "b.txt"] and rows["c.txt"]["source_paths"] == ["c.txt"]


def test_ids_are_stable_and_content_derived():
    first, _ = _parse({"x.txt": PLAIN_STORY.encode(), "y.txt": UN_STORY.encode()})
    second, _ = _parse({"y.txt": UN_STORY.encode(), "x.txt": PLAIN_STORY.encode()})
    assert first.sort("source_path")["article_id"].to_list() == second.sort("source_path")["article_id"].to_list()
    assert first["article_id"].n_unique() == 2


def test_every_file_ends_in_articles_or_quarantine():
    files = {"a.txt": PLAIN_STORY.encode(), "b.txt": b"", "c.txt": UN_STORY.encode(),
             "d.sgm": REUTERS_STORY.encode(), "e.bin": b"\x00\x01" * 50}
    articles, quarantine = _parse(files)
    seen = set(articles["source_path"]) | set(quarantine["source_path"])
    assert seen == set(files) and articles.height + quarantine.height == len(files)
