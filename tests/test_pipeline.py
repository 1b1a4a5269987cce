"""End to end: `storyhouse build` on the bundled sample publishes a contract-shaped warehouse;
a failing gate leaves the published file untouched; readers and builds never break each other."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import duckdb
import polars as pl

from conftest import build_warehouse as _build
from conftest import file_digest as _digest
from orchestration.cli import EXIT_GATE_FAILED, EXIT_OK
from orchestration.settings import DEFAULT_RAW_DIR
from warehouse.schema import TABLES

CONTRACT_COLUMNS = {
    "articles": ["article_id", "source_path", "source_format", "title", "published_date", "dateline_place",
                 "photo_caption", "body", "paragraph_count", "word_count", "related_titles",
                 "content_sha256", "extractor_version"],
    "quotes": ["quote_id", "article_id", "quote_index", "text", "char_start", "char_end", "speaker_name",
               "speaker_entity_id", "speaker_mention", "cue_verb", "attribution_method", "confidence"],
    "entities": ["entity_id", "canonical_name", "entity_type", "country_code", "aliases", "mention_count",
                 "article_count", "first_seen", "last_seen"],
    "entity_mentions": ["mention_id", "article_id", "entity_id", "surface", "char_start", "char_end"],
    "events": ["event_id", "article_id", "event_type", "cameo_root", "trigger", "sentence", "char_start",
               "char_end", "event_date", "date_basis", "actor_entity_ids", "target_entity_ids",
               "location_entity_id", "confidence"],
    "quarantine": ["source_path", "content_sha256", "reason", "detail"],
}


def test_sample_build_follows_the_contract(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        for table, columns in CONTRACT_COLUMNS.items():
            have = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            assert set(columns) <= set(have), (table, set(columns) - set(have))
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert counts["articles"] >= 60
    for table in ("quotes", "entities", "entity_mentions", "events", "quarantine"):
        assert counts[table] > 0, table


def test_every_sample_file_ends_in_articles_or_quarantine(sample_warehouse):
    files = {p.relative_to(DEFAULT_RAW_DIR).as_posix() for p in DEFAULT_RAW_DIR.rglob("*") if p.is_file()}
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        article_paths = [r[0] for r in con.execute("SELECT source_path FROM articles").fetchall()]
        quarantined = [r[0] for r in con.execute("SELECT source_path FROM quarantine").fetchall()]
        reasons = {r[0] for r in con.execute("SELECT DISTINCT reason FROM quarantine").fetchall()}
    seen = {p.split("#")[0] for p in article_paths + quarantined}
    assert seen == files
    assert {"empty", "not_text", "no_title"} <= reasons


def test_offsets_and_spans_hold_in_the_published_file(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        bad = con.execute("""
            SELECT count(*) FROM entity_mentions m JOIN articles a USING (article_id)
            WHERE m.char_start IS NOT NULL AND substr(a.body, m.char_start + 1, m.char_end - m.char_start) <> m.surface
        """).fetchone()[0]
    assert bad == 0


def test_rebuilding_the_same_input_gives_the_same_rows(sample_warehouse, dagster_home, tmp_path):
    again = tmp_path / "again.duckdb"
    assert _build(DEFAULT_RAW_DIR, again) == EXIT_OK
    for table in CONTRACT_COLUMNS:
        with duckdb.connect(str(sample_warehouse), read_only=True) as a, \
                duckdb.connect(str(again), read_only=True) as b:
            first = a.execute(f"SELECT * FROM {table} ORDER BY ALL").pl()
            second = b.execute(f"SELECT * FROM {table} ORDER BY ALL").pl()
        assert first.equals(second), table


def test_failed_gate_leaves_published_warehouse_untouched(dagster_home, tmp_path, monkeypatch, capsys):
    warehouse = tmp_path / "published.duckdb"
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    before = _digest(warehouse)

    import transforms.pipeline as assets_module

    real_extract = assets_module.extract_mentions

    def corrupt_offsets(articles: pl.DataFrame) -> pl.DataFrame:
        mentions = real_extract(articles)
        return mentions.with_columns(char_start=pl.col("char_start") + 1)

    monkeypatch.setattr(assets_module, "extract_mentions", corrupt_offsets)
    capsys.readouterr()
    from orchestration.cli import main

    assert main(["build", "--raw-dir", str(DEFAULT_RAW_DIR), "--warehouse", str(warehouse), "--full",
                 "--quiet"]) == EXIT_GATE_FAILED
    assert _digest(warehouse) == before
    printed = capsys.readouterr().out
    assert "QUALITY GATE FAILED" in printed and "gate_entity_mentions" in printed
    assert "span equals surface" in printed and re.search(r"e\.g\. [0-9a-f]{32}", printed)


def test_open_reader_does_not_break_a_build_and_keeps_reading(dagster_home, tmp_path):
    warehouse = tmp_path / "published.duckdb"
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    reader = duckdb.connect(str(warehouse), read_only=True)
    errors: list[Exception] = []
    stop = threading.Event()

    def query_in_a_loop():
        while not stop.is_set():
            try:
                with duckdb.connect(str(warehouse), read_only=True) as con:
                    con.execute("SELECT count(*) FROM articles").fetchone()
            except Exception as exc:
                errors.append(exc)
            time.sleep(0.01)

    thread = threading.Thread(target=query_in_a_loop)
    thread.start()
    try:
        assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] >= 60
    finally:
        stop.set()
        thread.join()
        reader.close()
    assert errors == []


READER_LOOP = """
import sys, time, duckdb
errors = queries = 0
deadline = time.time() + float(sys.argv[2])
while time.time() < deadline:
    try:
        with duckdb.connect(sys.argv[1], read_only=True) as con:
            con.execute("SELECT count(*) FROM articles JOIN quotes USING (article_id)").fetchone()
        queries += 1
    except Exception as exc:
        errors += 1
        print("error:", exc, file=sys.stderr)
    time.sleep(0.02)
print(queries, errors)
"""


def test_several_reader_processes_see_no_error_while_a_build_publishes(dagster_home, tmp_path):
    import subprocess
    import sys

    warehouse = tmp_path / "published.duckdb"
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    readers = [subprocess.Popen([sys.executable, "-c", READER_LOOP, str(warehouse), "20"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    for reader in readers:
        out, err = reader.communicate(timeout=120)
        queries, errors = map(int, out.split())
        assert errors == 0, err
        assert queries > 10


def test_reader_in_another_process_and_a_build_do_not_break_each_other(dagster_home, tmp_path):
    import subprocess
    import sys

    warehouse = tmp_path / "published.duckdb"
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
         "print(con.execute('SELECT count(*) FROM articles').fetchone()[0], flush=True); "
         "sys.stdin.readline(); "
         "print(con.execute('SELECT count(*) FROM quotes').fetchone()[0], flush=True)", str(warehouse)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert int(reader.stdout.readline()) >= 60
        assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
        out, _ = reader.communicate("go\n", timeout=60)
    finally:
        reader.kill()
    assert reader.returncode == 0 and int(out) > 0


def test_a_folder_with_no_readable_story_exits_2_and_publishes_nothing(dagster_home, tmp_path):
    from orchestration.cli import EXIT_NOTHING_READ

    warehouse = tmp_path / "published.duckdb"
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    before = _digest(warehouse)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    assert _build(raw, warehouse) == EXIT_NOTHING_READ
    assert _digest(warehouse) == before


def test_second_build_of_the_same_warehouse_is_refused_while_one_runs(dagster_home, tmp_path):
    import subprocess
    import sys

    from orchestration.cli import EXIT_BUSY
    from warehouse.publish import state_dir_for

    warehouse = tmp_path / "published.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from warehouse.build_lock import build_lock\n"
         "with build_lock(sys.argv[1]):\n    print('held', flush=True); sys.stdin.readline()",
         str(state_dir_for(warehouse))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
    try:
        assert holder.stdout.readline().strip() == "held"
        assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_BUSY
        assert not warehouse.exists()
    finally:
        holder.communicate("done\n", timeout=30)
    assert _build(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
