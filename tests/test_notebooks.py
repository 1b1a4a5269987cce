"""Both notebooks run headlessly against a warehouse built from the bundled sample and export
every chart as a PNG."""
from __future__ import annotations

from pathlib import Path

import papermill
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
EXPECTED_CHARTS = {
    "trend_analysis": {"articles_per_month", "countries_over_time", "entities_over_time", "top_entities",
                       "speakers_by_year", "event_types_over_time", "co_mention_network"},
    "data_quality": {"gate_expectations", "quarantine_by_reason", "quote_confidence", "event_confidence"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_CHARTS))
def test_notebook_runs_and_exports_its_charts(sample_warehouse, tmp_path, name):
    charts = tmp_path / "charts"
    executed = tmp_path / f"{name}.out.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / f"{name}.ipynb"), str(executed),
        parameters={"warehouse": str(sample_warehouse), "export_dir": str(charts)},
        cwd=str(NOTEBOOKS), progress_bar=False, kernel_name="python3")
    assert {p.stem for p in charts.glob("*.png")} == EXPECTED_CHARTS[name]
    for png in charts.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000
    assert executed.read_text().count('"image/png"') >= len(EXPECTED_CHARTS[name])
