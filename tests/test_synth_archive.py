"""bench/synth_archive.py: deterministic output that the pipeline parses in the intended mix.

Seed 209 is used because its first 300 stories include deliberately broken files (0.1 % of
story numbers) and duplicate files (0.5 %), so the quarantine and duplicate checks have
something to check.
"""
import importlib.util
import sys
from pathlib import Path

import polars as pl
import pytest

from ingest.raw_files import read_raw_root
from transforms.articles import parse_stories
from transforms.decode import decode_text

ROOT = Path(__file__).resolve().parents[1]
STORIES, SEED = 300, 209
EXPECTED_PROBLEMS = {"empty": {"empty"}, "whitespace": {"empty"}, "binary": {"not_text"},
                     "title-only": {"no_body"}, "masthead-only": {"no_title"}}


def _load_generator():
    spec = importlib.util.spec_from_file_location("synth_archive", ROOT / "bench" / "synth_archive.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


synth = _load_generator()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "raw"
    assert synth.main(["--stories", str(STORIES), "--out", str(out), "--seed", str(SEED)]) == 0
    return out


@pytest.fixture(scope="module")
def parsed(archive) -> pl.DataFrame:
    return parse_stories(decode_text(read_raw_root(archive)))


def test_same_arguments_give_byte_identical_files(archive, tmp_path):
    again = tmp_path / "again"
    synth.main(["--stories", str(STORIES), "--out", str(again), "--seed", str(SEED)])
    assert _files(again) == _files(archive)


def test_start_gives_new_stories_and_refuses_a_non_empty_folder(archive, tmp_path):
    more = tmp_path / "more"
    synth.main(["--stories", "50", "--start", str(STORIES), "--out", str(more), "--seed", str(SEED)])
    first, new = _files(archive), _files(more)
    assert new and not set(new) & set(first)
    stories = lambda files: {data for path, data in files.items() if "_broken-" not in path}  # noqa: E731
    assert not stories(new) & stories(first)
    with pytest.raises(SystemExit):
        synth.main(["--stories", "5", "--out", str(more)])


def test_layout_mix_and_only_broken_files_quarantined(archive, parsed):
    good = parsed.filter(pl.col("problem").is_null())
    duplicates = [p for p in _files(archive) if p.endswith("_resent.txt")]
    assert duplicates, "expected some duplicate files at this seed"
    assert good.height == STORIES + len(duplicates)  # every story parses, each copy too
    shares = good.group_by("source_format").len().with_columns(share=pl.col("len") / good.height)
    share = dict(shares.select("source_format", "share").iter_rows())
    assert 0.35 < share["plain_text"] < 0.55
    assert 0.01 < share["un_news_print"] < 0.10
    assert 0.40 < share["reuters_sgml"] < 0.60

    broken = {p for p in _files(archive) if "_broken-" in p}
    assert broken, "expected some broken files at this seed"
    quarantined = parsed.filter(pl.col("problem").is_not_null())
    assert set(quarantined["source_path"]) == broken
    for path, problem in quarantined.select("source_path", "problem").iter_rows():
        assert problem in EXPECTED_PROBLEMS[path.split("_broken-")[1].removesuffix(".txt")], path

    dated = good.filter(pl.col("source_format") != "plain_text")
    assert dated["published_date"].null_count() == 0
    assert dated["published_date"].dt.year().n_unique() >= 4
    wire = good.filter(pl.col("source_format") == "reuters_sgml")
    assert wire["dateline_place"].null_count() == 0
    for path in duplicates:  # a duplicate is the same bytes as its original
        original = path.replace("_resent.txt", ".txt")
        hashes = parsed.filter(pl.col("source_path").is_in([path, original]))["content_sha256"]
        assert hashes.len() == 2 and hashes.n_unique() == 1


def test_quotes_entities_and_events_are_found(parsed):
    from transforms.entities import extract_mentions
    from transforms.events import extract_events
    from transforms.quotes import extract_quotes

    articles = parsed.filter(pl.col("problem").is_null())
    mentions = extract_mentions(articles)
    assert set(mentions["entity_type"]) == {"PERSON", "ORG", "LOCATION"}
    quotes = extract_quotes(articles, mentions)
    quoted_share = quotes["article_id"].n_unique() / articles.height
    assert 0.45 < quoted_share < 0.75
    assert quotes["speaker_name"].is_not_null().mean() > 0.8
    events = extract_events(articles, mentions)
    assert events["event_type"].n_unique() >= 12
    assert events["article_id"].n_unique() > 0.9 * articles.height
