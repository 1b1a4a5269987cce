"""Score `transforms.quotes.extract_quotes` on the dev gold and time it on the whole corpus.

    .venv/bin/python bench/score_quotes.py [--verbose] [--no-speed] [--calibration]
        [--write-baseline] [--predictions DIR] [--gold DIR]

Parses ../shared/corpus once, writes one prediction JSON per dev gold story (quotes only,
entities empty), runs ../shared/tools/score_extraction.py on them, and times extract_quotes
on every article of the corpus (stories/s). `--calibration` prints,
per confidence band, how many predicted quotes of four or more words have the gold speaker;
`--write-baseline` stores the figures in bench/baselines/quotes.json for the regression test.
`--gold DIR` scores (and writes predictions for) another gold folder of the same shape.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.raw_files import read_raw_root  # noqa: E402
from transforms.articles import ARTICLE_COLUMNS, parse_stories  # noqa: E402
from transforms.decode import decode_text  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "dev"
SCORER = SHARED / "tools" / "score_extraction.py"
BASELINE = ROOT / "bench" / "baselines" / "quotes.json"


def gold_stories(folder: Path = GOLD) -> dict[str, dict]:
    docs = (json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json")))
    return {Path(d["story"]).name: d for d in docs}


def gold_articles(parsed: pl.DataFrame, names: set[str]) -> pl.DataFrame:
    return (parsed.filter(pl.col("problem").is_null())
            .with_columns(story=pl.col("source_path").str.split("/").list.last())
            .filter(pl.col("story").is_in(sorted(names))))


def write_predictions(articles: pl.DataFrame, quotes: pl.DataFrame, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    by_article = {k[0]: g for k, g in quotes.group_by("article_id")}
    for article_id, story in articles.select("article_id", "story").iter_rows():
        rows = by_article.get(article_id)
        items = [] if rows is None else [
            {"text": t, "speaker": s} for t, s in
            rows.sort("quote_index").select("text", "speaker_name").iter_rows()]
        (folder / f"{story}.json").write_text(json.dumps(
            {"story": story, "quotes": items, "entities": []}, ensure_ascii=False, indent=1),
            encoding="utf-8")


def score(folder: Path, verbose: bool, gold: Path = GOLD) -> dict:
    if verbose:
        subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--predictions",
                        str(folder), "--verbose"], check=True)
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--predictions",
                          str(folder), "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def calibration(articles: pl.DataFrame, quotes: pl.DataFrame, gold: dict[str, dict]) -> None:
    """Share of predicted quotes (matched to gold) whose speaker is right, per confidence band."""
    sys.path.insert(0, str(SCORER.parent))
    import score_extraction as se  # the scorer's own matching rules

    story_of = dict(articles.select("article_id", "story").iter_rows())
    bands: dict[str, list[int]] = {}
    for article_id, text, speaker, conf in quotes.select(
            "article_id", "text", "speaker_name", "confidence").iter_rows():
        golds = [(se.norm_quote(q["text"]), q.get("speaker"))
                 for q in gold[story_of[article_id]]["quotes"]]
        pt = se.norm_quote(text)
        if se.words(text) < se.MIN_QUOTE_WORDS:
            continue
        best = max(golds, key=lambda g: se.quote_similarity(g[0], pt), default=None)
        matched = best is not None and se.quote_similarity(best[0], pt) >= se.QUOTE_MATCH_RATIO
        ok = matched and se.speaker_matches(speaker, best[1])
        band = ">=0.9" if conf >= 0.9 else "0.8-0.9" if conf >= 0.8 else "<0.8"
        bands.setdefault(band, [0, 0])
        bands[band][0] += ok
        bands[band][1] += 1
    for band, (ok, n) in sorted(bands.items()):
        print(f"confidence {band:8s} {ok}/{n} right ({ok / n:.2f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list misses and extras per story")
    ap.add_argument("--no-speed", action="store_true", help="skip the whole-corpus timing")
    ap.add_argument("--calibration", action="store_true", help="speaker accuracy by confidence")
    ap.add_argument("--write-baseline", action="store_true", help="store figures for the test")
    ap.add_argument("--predictions", type=Path, help="folder for the prediction files")
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold folder (default: dev gold)")
    args = ap.parse_args(argv)
    if args.write_baseline and args.gold.resolve() != GOLD.resolve():
        ap.error("--write-baseline stores dev gold figures only")

    t0 = time.perf_counter()
    parsed = parse_stories(decode_text(read_raw_root(SHARED / "corpus")))
    print(f"parsed corpus in {time.perf_counter() - t0:.1f}s")
    gold = gold_stories(args.gold)
    articles = gold_articles(parsed, set(gold))
    quotes = extract_quotes(articles)
    folder = args.predictions or Path(tempfile.mkdtemp(prefix="quote_preds_"))
    write_predictions(articles, quotes, folder)
    figures = score(folder, args.verbose, args.gold)
    for key in ("quote_precision", "quote_recall", "quote_f1", "speaker_accuracy",
                "attributed_quote_f1", "gold_quotes", "pred_quotes", "matched_quotes"):
        print(f"{key:22s} {figures[key]:.3f}" if isinstance(figures[key], float)
              else f"{key:22s} {figures[key]}")
    if args.calibration:
        calibration(articles, quotes, gold)
    if not args.no_speed:
        corpus = parsed.filter(pl.col("problem").is_null()).select(ARTICLE_COLUMNS)
        t0 = time.perf_counter()
        all_quotes = extract_quotes(corpus)
        seconds = time.perf_counter() - t0
        print(f"extract_quotes: {corpus.height} stories, {all_quotes.height} quotes in "
              f"{seconds:.2f}s = {corpus.height / seconds:,.0f} stories/s")
    if args.write_baseline:
        BASELINE.parent.mkdir(parents=True, exist_ok=True)
        keep = ("quote_f1", "speaker_accuracy", "attributed_quote_f1", "quote_precision",
                "quote_recall")
        BASELINE.write_text(json.dumps({k: round(figures[k], 4) for k in keep}, indent=1) + "\n",
                            encoding="utf-8")
        print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
