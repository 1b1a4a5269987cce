"""The per-warehouse build lock: exclusive across processes, re-entrant within one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warehouse.build_lock import BuildInProgress, build_lock

ROOT = Path(__file__).resolve().parents[1]
TRY_LOCK = ("import sys; from warehouse.build_lock import build_lock, BuildInProgress\n"
            "try:\n    with build_lock(sys.argv[1]): print('got')\n"
            "except BuildInProgress as exc: print('busy:', exc)")


def _try_in_child(folder: Path) -> str:
    return subprocess.run([sys.executable, "-c", TRY_LOCK, str(folder)], capture_output=True,
                          text=True, cwd=ROOT, check=True).stdout.strip()


def test_lock_excludes_other_processes_and_is_released(tmp_path):
    with build_lock(tmp_path):
        answer = _try_in_child(tmp_path)
        assert answer.startswith("busy:") and "another build" in answer
    assert _try_in_child(tmp_path) == "got"


def test_lock_is_reentrant_in_one_process(tmp_path):
    with build_lock(tmp_path), build_lock(tmp_path):
        assert _try_in_child(tmp_path).startswith("busy:")
    assert _try_in_child(tmp_path) == "got"


def test_killed_holder_leaves_no_stale_lock(tmp_path):
    child = subprocess.Popen([sys.executable, "-c",
                              "import sys, time; from warehouse.build_lock import build_lock\n"
                              "with build_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)",
                              str(tmp_path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout.readline().strip() == "held"
    with pytest.raises(BuildInProgress):
        with build_lock(tmp_path):
            pass
    child.kill()
    child.wait()
    assert _try_in_child(tmp_path) == "got"
