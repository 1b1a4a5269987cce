"""Shared fixtures: the project on sys.path, the `../shared` folder (skip when absent), an
isolated Dagster instance, and a warehouse built once from the bundled sample."""
import hashlib
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
sys.path.insert(0, str(PROJECT_ROOT))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the checkout; tests using it skip when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"needs the shared corpus at {SHARED} (absent on this machine)")
    return SHARED


def make_dagster_home(folder: Path) -> Path:
    """A Dagster instance folder with telemetry off and storage inside it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return folder


def build_warehouse(raw_dir: Path, warehouse: Path) -> int:
    """Run `storyhouse build` in-process; returns its exit code."""
    from orchestration.cli import main

    return main(["build", "--raw-dir", str(raw_dir), "--warehouse", str(warehouse), "--quiet"])


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def dagster_home(tmp_path, monkeypatch) -> Path:
    """An isolated Dagster instance for the in-process builds of one test."""
    home = make_dagster_home(tmp_path / "dagster_home")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    """A warehouse built once from the bundled sample, for read-only tests."""
    from orchestration.cli import EXIT_OK
    from orchestration.settings import DEFAULT_RAW_DIR

    home = make_dagster_home(tmp_path_factory.mktemp("dagster_home"))
    warehouse = tmp_path_factory.mktemp("warehouse") / "sample.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(home))
        assert build_warehouse(DEFAULT_RAW_DIR, warehouse) == EXIT_OK
    return warehouse
