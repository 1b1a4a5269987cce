"""Time `storyhouse build`: a full build of a raw folder, then (optionally) the incremental cost
of adding more files to it. Reports stories/s, peak memory of the whole process tree (the
build and its extraction workers, sampled every 0.2 s) and per-stage times.

Usage (from the project root):
    .venv/bin/python bench/bench_build.py --raw ../shared/corpus
    .venv/bin/python bench/bench_build.py --raw /tmp/synth100k --add /tmp/synth100k_new --json out.json

The raw folder is hard-linked into a scratch folder (so --add can add files without touching
the original; both must be on the same filesystem as --workdir), built with `--full` into a
fresh warehouse, and with --add the extra files are linked in and `storyhouse build` runs again.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
STAGE_LINE = re.compile(r"\[(\w+)\] ([\d,]+) (\w+) in ([\d.]+)s")
CPU_LINE = re.compile(r"CPU seconds by stage: (.*)")
STORIES_LINE = re.compile(r"\[extract\] ([\d,]+) files, ([\d,]+) stories in ([\d.]+)s")


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_build(raw: Path, warehouse: Path, full: bool, workers: int | None) -> dict:
    """One `storyhouse build` in a child process: wall time, peak tree RSS, stage times."""
    env = {**os.environ, "DAGSTER_HOME": str(ROOT),
           "PYTHONWARNINGS": "ignore:Function:Warning,ignore:Parameter:Warning,ignore:Class:Warning"}
    cmd = [str(ROOT / ".venv/bin/storyhouse"), "build", "--raw-dir", str(raw), "--warehouse", str(warehouse)]
    cmd += ["--full"] if full else []
    cmd += ["--workers", str(workers)] if workers else []
    log = tempfile.TemporaryFile(mode="w+")
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    proc, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    log.seek(0)
    output = log.read()
    if child.returncode != 0:
        raise SystemExit(f"build of {raw} failed (exit {child.returncode}):\n{output[-3000:]}")
    figures = {"seconds": round(seconds, 2), "peak_rss_mb": round(peak / 2**20),
               "stage_seconds": {m[1]: float(m[4]) for m in STAGE_LINE.finditer(output)}}
    if m := STORIES_LINE.search(output):
        figures.update(files=int(m[1].replace(",", "")), stories=int(m[2].replace(",", "")),
                       extract_wall_seconds=float(m[3]))
        figures["stories_per_second"] = round(figures["stories"] / seconds, 1)
    if m := CPU_LINE.search(output):
        figures["extract_cpu_seconds"] = {k: float(v) for k, v in
                                          (part.rsplit(" ", 1) for part in m[1].split(", "))}
    figures["articles"] = int(re.search(r"articles\s+([\d,]+)", output)[1].replace(",", ""))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", required=True, help="raw folder to build from scratch")
    parser.add_argument("--add", help="folder of extra files to add after the full build (incremental cost)")
    parser.add_argument("--workers", type=int, help="extraction workers (default: one per core)")
    parser.add_argument("--workdir", help="scratch folder (default: a temporary folder beside --raw)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args()
    raw = Path(args.raw).resolve()
    if not raw.is_dir():
        print(f"raw folder {raw} not found", file=sys.stderr)
        return 2
    work = Path(args.workdir or tempfile.mkdtemp(prefix="storyhouse-bench-", dir=raw.parent))
    finished = False
    try:
        linked = work / "raw"
        shutil.copytree(raw, linked, copy_function=os.link)
        warehouse = work / "bench.duckdb"
        print(f"[bench] full build of {raw} ...", flush=True)
        results = {"raw": str(raw), "full": run_build(linked, warehouse, True, args.workers)}
        full = results["full"]
        print(f"[bench] full: {full.get('stories', 0):,} stories, {full['articles']:,} articles in "
              f"{full['seconds']:.1f}s = {full.get('stories_per_second', 0):,.0f} stories/s, peak "
              f"{full['peak_rss_mb']:,} MB; stages {full['stage_seconds']}; extraction CPU s "
              f"{full.get('extract_cpu_seconds')}", flush=True)
        results["warehouse_mb"] = round(warehouse.stat().st_size / 2**20)
        if args.add:
            shutil.copytree(Path(args.add).resolve(), linked / "_added", copy_function=os.link)
            print(f"[bench] adding {args.add} ...", flush=True)
            inc = results["incremental"] = run_build(linked, warehouse, False, args.workers)
            share = inc["seconds"] / full["seconds"]
            results["incremental_share_of_full"] = round(share, 4)
            print(f"[bench] incremental: {inc.get('stories', 0):,} stories in {inc['seconds']:.1f}s "
                  f"= {share:.1%} of the full build; stages {inc['stage_seconds']}", flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
        finished = True
    finally:
        if finished:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"[bench] kept {work} (batch state and extracted rows) to look into", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
