"""Time `storyhouse build` on corpus folders: stories/s, peak memory, per-stage times.

Usage (from the project root):
    .venv/bin/python bench/bench_build.py [--corpus ../shared/corpus] [--only bbc reuters21578 all]
                                          [--json out.json]

Each target is built into a fresh temporary warehouse by a separate `storyhouse build`
process; peak memory is that process's maximum resident set size. Per-stage times come from
the `[stage] N unit in Xs` lines the assets log.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The build runs in a child that reports its own peak resident set size when it ends.
CHILD = ("import resource, sys; from orchestration.cli import main; rc = main(sys.argv[1:]); "
         "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
         "sys.exit(rc)")
STAGE_LINE = re.compile(r"\[(\w+)\] ([\d,]+) (\w+) in ([\d.]+)s")


def build_once(raw_dir: Path, workdir: Path) -> dict:
    """Run one build in a child process and return its figures."""
    warehouse = workdir / "bench.duckdb"
    env = {**os.environ, "DAGSTER_HOME": str(ROOT),
           "PYTHONWARNINGS": "ignore:Function:Warning,ignore:Parameter:Warning,ignore:Class:Warning"}
    start = time.perf_counter()
    proc = subprocess.run([str(ROOT / ".venv/bin/python"), "-c", CHILD, "build", "--raw-dir", str(raw_dir),
                           "--warehouse", str(warehouse)], env=env, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    output = proc.stdout + proc.stderr
    peak_kb = int(re.search(r"PEAK_RSS_KB (\d+)", output)[1]) if "PEAK_RSS_KB" in output else 0
    if proc.returncode != 0:
        raise SystemExit(f"build of {raw_dir} failed (exit {proc.returncode}):\n{output[-3000:]}")
    stages = {m[1]: float(m[4]) for m in STAGE_LINE.finditer(output)}
    articles = int(re.search(r"articles\s+([\d,]+)", proc.stdout)[1].replace(",", ""))
    files = int(re.search(r"\[read\] ([\d,]+) files in", output)[1].replace(",", ""))
    return {"raw_dir": str(raw_dir), "files": files, "articles": articles, "seconds": round(seconds, 2),
            "stories_per_second": round(files / seconds, 1), "peak_rss_mb": round(peak_kb / 1024),
            "stage_seconds": stages}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--only", nargs="*", default=["bbc", "reuters21578", "all"],
                        help="corpus sub-folders to time; 'all' means the whole corpus folder")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    if not corpus.is_dir():
        print(f"corpus folder {corpus} not found; pass --corpus", file=sys.stderr)
        return 2
    results = []
    for target in args.only:
        raw = corpus if target == "all" else corpus / target
        with tempfile.TemporaryDirectory() as tmp:
            print(f"[bench] building {raw} ...", flush=True)
            figures = build_once(raw, Path(tmp))
        results.append(figures)
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in figures["stage_seconds"].items())
        print(f"[bench] {target}: {figures['files']:,} files, {figures['articles']:,} articles in "
              f"{figures['seconds']:.1f}s = {figures['stories_per_second']:,.0f} files/s, "
              f"peak RSS {figures['peak_rss_mb']:,} MB; stages: {stages}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
