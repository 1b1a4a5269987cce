"""Regression guard: a warehouse built from ../shared/corpus, scored against the dev gold by
../shared/tools/score_extraction.py, must not fall more than 0.02 below the figures recorded in
BENCHMARKS.md (section 'Regression baseline'). Skipped when ../shared is absent."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT, build_warehouse, make_dagster_home

TOLERANCE = 0.02
BASELINE_HEADING = "### Regression baseline"


def recorded_baseline() -> dict[str, float]:
    """The `| figure | value |` rows under the regression-baseline heading of BENCHMARKS.md."""
    text = (PROJECT_ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")
    section = text.split(BASELINE_HEADING, 1)[1].split("\n#", 1)[0]
    return {name: float(value) for name, value in re.findall(r"^\| `(\w+)` \| ([\d.]+) \|", section, re.M)}


@pytest.fixture(scope="module")
def corpus_scores(shared_dir, tmp_path_factory) -> dict[str, float]:
    home = make_dagster_home(tmp_path_factory.mktemp("dagster_home"))
    warehouse = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(home))
        assert build_warehouse(shared_dir / "corpus", warehouse) == 0
    out = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_extraction.py"), "--gold", str(shared_dir / "gold" / "dev"),
         "--warehouse", str(warehouse), "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_baseline_is_recorded():
    baseline = recorded_baseline()
    assert {"quote_f1", "speaker_accuracy", "entity_f1", "entity_typed_f1"} <= set(baseline)


@pytest.mark.corpus
@pytest.mark.parametrize("figure", ["quote_f1", "speaker_accuracy", "attributed_quote_f1",
                                    "entity_f1", "entity_typed_f1"])
def test_dev_gold_score_has_not_dropped(corpus_scores, figure):
    recorded = recorded_baseline()[figure]
    assert corpus_scores[figure] >= recorded - TOLERANCE, (
        f"{figure} is {corpus_scores[figure]:.3f}, more than {TOLERANCE} below the {recorded:.3f} "
        "recorded in BENCHMARKS.md")
