"""Hostile input: every hostile file ends in `articles` or `quarantine` (with the expected
reason), the run completes, the gate passes and the counts reconcile.

The bounded corpus runs by default; `./bin/test -m slow -k hostile` runs the full one
(a 50 MB file, a 10 MB single line, 10,000 paragraphs)."""
from __future__ import annotations

import duckdb
import pytest

from conftest import build_warehouse
from hostile_corpus import write_hostile_corpus
from orchestration.cli import EXIT_OK


def _outcomes(warehouse) -> dict[str, str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        articles = con.execute("SELECT unnest(source_paths) FROM articles").fetchall()
        quarantined = con.execute("SELECT source_path, reason, detail FROM quarantine").fetchall()
    outcomes = {path: "article" for (path,) in articles}
    for path, reason, detail in quarantined:
        assert len(detail) > 30, (path, detail)
        outcomes[path] = f"quarantine:{reason}"
    return outcomes


def _check_hostile_build(tmp_path, full: bool) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    expected = write_hostile_corpus(raw, full=full)
    assert len(expected) >= 200
    warehouse = tmp_path / "hostile.duckdb"
    assert build_warehouse(raw, warehouse) == EXIT_OK
    outcomes = _outcomes(warehouse)
    assert set(outcomes) == set(expected), "a file was lost or invented"
    wrong = {path: (outcomes[path], want) for path, want in expected.items() if outcomes[path] != want}
    assert wrong == {}


def test_bounded_hostile_corpus(dagster_home, tmp_path):
    _check_hostile_build(tmp_path, full=False)


@pytest.mark.slow
def test_full_hostile_corpus(dagster_home, tmp_path):
    _check_hostile_build(tmp_path, full=True)
