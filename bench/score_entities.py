"""Score the entity extractor on the dev gold and time it on the BBC folder.

    .venv/bin/python bench/score_entities.py [--shared ../shared] [--verbose] [--keep DIR]

Parses the corpus once, writes one prediction JSON per gold story (entities only), runs
shared/tools/score_extraction.py on them, then times `extract_mentions` on the articles of
corpus/bbc on one core and prints words per second.
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
from transforms.articles import articles_from, parse_stories  # noqa: E402
from transforms.decode import decode_text  # noqa: E402
from transforms.entities import build_entities, extract_mentions  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"


def load_stories(corpus: Path) -> pl.DataFrame:
    """The articles of the corpus, parsed as a build parses them."""
    return articles_from(parse_stories(decode_text(read_raw_root(str(corpus)))))


def gold_stories(gold_dir: Path) -> set[str]:
    return {os.path.basename(json.loads(p.read_text())["story"]) for p in gold_dir.glob("*.json")}


def write_predictions(articles: pl.DataFrame, gold_dir: Path, out_dir: Path) -> None:
    """One JSON per gold story: its entities with their surfaces."""
    wanted = gold_stories(gold_dir)
    chosen = articles.with_columns(story=pl.col("source_path").str.split("/").list.last()) \
        .filter(pl.col("story").is_in(list(wanted)))
    mentions = extract_mentions(chosen)
    entities = build_entities(mentions, chosen)
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


def score(shared: Path, pred_dir: Path, verbose: bool = False) -> dict:
    cmd = [sys.executable, str(shared / "tools" / "score_extraction.py"),
           "--gold", str(shared / "gold" / "dev"), "--predictions", str(pred_dir), "--json"]
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
    args = ap.parse_args()
    stories = load_stories(args.shared / "corpus")
    with tempfile.TemporaryDirectory() as tmp:
        pred_dir = args.keep or Path(tmp)
        write_predictions(stories, args.shared / "gold" / "dev", pred_dir)
        figures = score(args.shared, pred_dir, args.verbose)
    for k in ("entity_precision", "entity_recall", "entity_f1", "entity_typed_f1",
              "person_f1", "org_f1", "location_f1"):
        print(f"{k:20s} {figures[k]:.3f}")
    words, wps = words_per_second(stories)
    print(f"speed: {words} words of corpus/bbc at {wps:,.0f} words/s (one core, CPU time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
