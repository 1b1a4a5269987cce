"""Score the entity extractor on the dev gold and time it on the BBC folder.

    .venv/bin/python bench/score_entities.py [--shared ../shared] [--gold DIR] [--verbose]
                                             [--keep DIR] [--write-baseline]

Parses the corpus once, writes one prediction JSON per gold story (entities only), runs
shared/tools/score_extraction.py on them, then times `extract_mentions` on the articles of
corpus/bbc on one core and prints words per second.

`--gold DIR` scores another gold folder of the same format (default: shared/gold/dev);
`--write-baseline` stores the figures in bench/baselines/entities.json (dev gold only), the
floor that tests/test_entities.py guards.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("POLARS_MAX_THREADS", "1")
import polars as pl  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.raw_files import read_raw_root  # noqa: E402
from transforms.articles import parse_stories  # noqa: E402
from transforms.decode import decode_text  # noqa: E402
from transforms.entities import extract_mentions  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
BASELINE = ROOT / "bench" / "baselines" / "entities.json"
BASELINE_KEYS = ("entity_f1", "entity_typed_f1", "person_f1", "org_f1", "location_f1")


def load_stories(corpus: Path) -> pl.DataFrame:
    """Every story file of the corpus, parsed as a build parses it; each path is its own
    article here (the scorer names stories by file, and copies of a story are separate files)."""
    parsed = parse_stories(decode_text(read_raw_root(str(corpus))))
    return parsed.filter(pl.col("problem").is_null()).with_columns(article_id=pl.col("source_path"))


def gold_stories(gold_dir: Path) -> set[str]:
    return {os.path.basename(json.loads(p.read_text())["story"]) for p in gold_dir.glob("*.json")}


def write_predictions(articles: pl.DataFrame, gold_dir: Path, out_dir: Path) -> None:
    """One JSON per gold story: its entities with their surfaces."""
    wanted = gold_stories(gold_dir)
    chosen = articles.with_columns(story=pl.col("source_path").str.split("/").list.last()) \
        .filter(pl.col("story").is_in(list(wanted)))
    mentions = extract_mentions(chosen)
    entities = (mentions.group_by("entity_id", "canonical_name", "entity_type").len()
                .sort(["entity_id", "len", "canonical_name"], descending=[False, True, False])
                .unique("entity_id", keep="first"))
    per_story = (mentions.join(chosen.select("article_id", "story"), on="article_id")
                 .group_by("story", "entity_id")
                 .agg(surfaces=pl.col("surface").unique().sort())
                 .join(entities.select("entity_id", "canonical_name", "entity_type"), on="entity_id"))
    out_dir.mkdir(parents=True, exist_ok=True)
    for story in wanted:
        rows = per_story.filter(pl.col("story") == story).sort("canonical_name")
        doc = {"story": story, "quotes": [],
               "entities": [{"name": r["canonical_name"], "type": r["entity_type"],
                             "surfaces": r["surfaces"]} for r in rows.iter_rows(named=True)]}
        (out_dir / f"{story}.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False))


def score(shared: Path, pred_dir: Path, verbose: bool = False, gold_dir: Path | None = None) -> dict:
    gold_dir = gold_dir or shared / "gold" / "dev"
    cmd = [sys.executable, str(shared / "tools" / "score_extraction.py"),
           "--gold", str(gold_dir), "--predictions", str(pred_dir), "--json"]
    figures = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    if verbose:
        detail = subprocess.run(cmd[:-1] + ["--verbose"], check=True, capture_output=True, text=True)
        print("\n".join(line for line in detail.stdout.splitlines() if "quote" not in line))
    return figures


def words_per_second(articles: pl.DataFrame) -> tuple[int, float]:
    bbc = articles.filter(pl.col("source_path").str.starts_with("bbc/"))
    words = int(bbc["word_count"].sum())
    extract_mentions(bbc.head(20))  # warm the gazetteers
    start = time.process_time()
    extract_mentions(bbc)
    return words, words / (time.process_time() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--verbose", action="store_true", help="list misses and extras per story")
    ap.add_argument("--keep", type=Path, help="write the predictions here instead of a temp dir")
    ap.add_argument("--gold", type=Path, help="gold folder to score (default: shared/gold/dev)")
    ap.add_argument("--no-speed", action="store_true", help="skip the timing run")
    ap.add_argument("--write-baseline", action="store_true",
                    help=f"store the dev figures and speed in {BASELINE.relative_to(ROOT)}")
    args = ap.parse_args()
    gold_dir = args.gold or args.shared / "gold" / "dev"
    if args.write_baseline and args.gold and args.gold.resolve() != (args.shared / "gold" / "dev").resolve():
        ap.error("--write-baseline records the dev gold only")
    stories = load_stories(args.shared / "corpus")
    with tempfile.TemporaryDirectory() as tmp:
        pred_dir = args.keep or Path(tmp)
        write_predictions(stories, gold_dir, pred_dir)
        figures = score(args.shared, pred_dir, args.verbose, gold_dir)
    for k in ("entity_precision", "entity_recall", "entity_f1", "entity_typed_f1",
              "person_f1", "org_f1", "location_f1"):
        print(f"{k:20s} {figures[k]:.3f}")
    wps = None
    if not args.no_speed or args.write_baseline:
        words, wps = words_per_second(stories)
        print(f"speed: {words} words of corpus/bbc at {wps:,.0f} words/s (one core, CPU time)")
    if args.write_baseline:
        doc = {k: round(figures[k], 3) for k in BASELINE_KEYS}
        doc["words_per_second_bbc"] = int(round(wps, -3))
        BASELINE.write_text(json.dumps(doc, indent=1) + "\n")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
