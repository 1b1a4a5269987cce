"""Every SQL query in docs/queries.md runs against a warehouse built from the bundled sample."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from warehouse.connect import open_warehouse

COOKBOOK = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
QUERIES = re.findall(r"```sql\n(.*?)```", COOKBOOK.read_text(encoding="utf-8"), re.S)


def test_cookbook_has_at_least_twelve_questions():
    assert len(QUERIES) >= 12


@pytest.mark.parametrize("sql", QUERIES, ids=[f"query_{i + 1}" for i in range(len(QUERIES))])
def test_cookbook_query_runs_and_answers(sample_warehouse, sql):
    con = open_warehouse(sample_warehouse)
    try:
        rows = con.execute(sql).fetchall()
    finally:
        con.close()
    assert rows, "the query ran but answered nothing on the bundled sample"
