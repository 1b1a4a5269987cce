"""The notebooks run headlessly against a warehouse built from the bundled sample."""
from __future__ import annotations

from pathlib import Path

import papermill

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_trend_analysis_runs_and_exports_charts(sample_warehouse, tmp_path):
    charts = tmp_path / "charts"
    executed = tmp_path / "trend_analysis.out.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "trend_analysis.ipynb"), str(executed),
        parameters={"warehouse": str(sample_warehouse), "export_dir": str(charts)},
        cwd=str(NOTEBOOKS), progress_bar=False, kernel_name="python3")
    pngs = sorted(p.name for p in charts.glob("*.png"))
    assert pngs == ["articles_per_month.png", "top_entities.png", "top_speakers.png"]
    for png in charts.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000
    text = executed.read_text()
    assert text.count('"image/png"') >= 3
