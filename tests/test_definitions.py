"""The Dagster code location loads: asset groups, descriptions, blocking gate checks, the job."""
from __future__ import annotations

import dagster as dg

from orchestration.definitions import BUILD_JOB, build_definitions
from orchestration.settings import Settings

EXPECTED_GROUPS = {
    "ingest": {"ingest_batch"},
    "extract": {"batch_articles", "batch_quarantine", "batch_entity_mentions", "batch_quotes", "batch_events"},
    "warehouse": {"staging_warehouse", "published_warehouse"},
}


def test_code_location_loads_with_groups_descriptions_and_blocking_checks(tmp_path):
    defs = build_definitions(Settings(raw_dir=tmp_path, warehouse=tmp_path / "w.duckdb", max_file_bytes=1000))
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    groups: dict[str, set[str]] = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        groups.setdefault(node.group_name, set()).add(key.to_user_string())
        assert node.description and len(node.description) > 40, key
    assert groups == EXPECTED_GROUPS
    checks = {k.name: graph.get_check_spec(k) for k in graph.asset_check_keys}
    assert {"gate_articles", "gate_quotes", "gate_entities", "gate_entity_mentions", "gate_events",
            "gate_quarantine", "gate_has_articles"} == set(checks)
    assert all(spec.blocking for spec in checks.values())
    assert defs.resolve_job_def(BUILD_JOB).partitions_def.name == "ingest_batches"
    assert [s.name for s in defs.sensors] == ["raw_root_sensor"]
