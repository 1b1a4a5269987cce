"""Score `transforms.events.extract_events` on the 15-story event gold, report the hand-judged
50-event sample, the duplicate rate of `transforms.event_clusters.cluster_events` and the speed.

    .venv/bin/python bench/score_events.py [--verbose] [--no-speed] [--draw-sample]
        [--seed N] [--sample FILE ...]

Parses ../shared/corpus once, extracts entity mentions (the pipeline's order: articles ->
mentions -> events) and events for every story, then

- matches the predicted events of the 15 gold stories (bench/event_gold/<story>.json; labelled
  by docs/event_guidelines.md) to the gold events: same article, same sentence (char_start ==
  gold sentence_start), same type. Predicted events flagged `negated` or `hypothetical` are
  not claims that something happened and are left out (the gold labels happenings and planned
  events only). Prints event precision / recall / F1, type accuracy (predicted events in a
  sentence holding gold events whose type is one of that sentence's gold types) and, on
  matched events, actor, target, date and location accuracy;
- prints per-field accuracy of the 50 predicted events judged by hand in each sample file
  (default bench/event_gold/sample50*.json; `--sample FILE` to choose;
  `--draw-sample [--seed N] [--out FILE]` prints the draw to judge instead, default seed
  20260501, and writes a sample file whose judgements are left to fill in);
- prints the duplicate rate of the whole corpus (events per cluster, share of events in
  multi-member clusters) and extract_events' stories/s on the whole corpus.

Name matching: a gold name may list alternatives ("ASEAN|Association of South-East Asian
Nations"); a predicted canonical name matches when equal ignoring case or when one contains the
other as whole words ("Reagan" / "Ronald Reagan"). Actor and target lists must match as sets.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.raw_files import read_raw_root  # noqa: E402
from transforms.articles import articles_from, parse_stories  # noqa: E402
from transforms.decode import decode_text  # noqa: E402
from transforms.entities import extract_mentions  # noqa: E402
from transforms.event_clusters import cluster_events, duplicate_rate  # noqa: E402
from transforms.events import extract_events  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = ROOT / "bench" / "event_gold"
SAMPLE = GOLD / "sample50.json"
SAMPLES = tuple(sorted(GOLD.glob("sample50*.json")))
SAMPLE_SEED = 20260501
SAMPLE_SIZE = 50
FIELDS = ("type", "actor", "target", "date", "location")
NOT_HAPPENINGS = ("negated", "hypothetical")


def gold_stories(folder: Path = GOLD) -> dict[str, list[dict]]:
    return {d["story"]: d["events"] for d in (json.loads(p.read_text(encoding="utf-8"))
                                              for p in sorted(folder.glob("*.txt.json")))}


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def name_matches(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted canonical name is one of the gold alternatives ("A|B")."""
    if pred is None or gold is None:
        return pred is None and gold is None
    p = _norm(pred)
    for alt in gold.split("|"):
        g = _norm(alt)
        if p == g or (p and g and (f" {p} " in f" {g} " or f" {g} " in f" {p} ")):
            return True
    return False


def names_match(pred: list[str], gold: list[str]) -> bool:
    """Set match: every gold name matched by a distinct predicted name, none left over."""
    pred = list(dict.fromkeys(pred))
    if len(pred) != len(gold):
        return False
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if name_matches(p, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def build(corpus: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, float]:
    """articles (with `story`, the file name), mentions, events of the whole corpus and the
    seconds extract_events took."""
    t0 = time.perf_counter()
    articles = articles_from(parse_stories(decode_text(read_raw_root(corpus))))
    articles = articles.with_columns(story=pl.col("source_path").str.split("/").list.last())
    mentions = extract_mentions(articles)
    print(f"parsed {articles.height} stories and their entity mentions in "
          f"{time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    events = extract_events(articles, mentions)
    return articles, mentions, events, time.perf_counter() - t0


def named_events(events: pl.DataFrame, mentions: pl.DataFrame) -> list[dict]:
    """Event rows with actor / target / location names instead of ids."""
    names = dict(mentions.select("entity_id", "canonical_name").unique("entity_id").iter_rows())
    rows = events.to_dicts()
    for r in rows:
        r["actors"] = [names.get(i, i) for i in r["actor_entity_ids"]]
        r["targets"] = [names.get(i, i) for i in r["target_entity_ids"]]
        r["location"] = names.get(r["location_entity_id"]) if r["location_entity_id"] else None
        r["date"] = r["event_date"].isoformat() if r["event_date"] else None
    return rows


def score_gold(articles: pl.DataFrame, mentions: pl.DataFrame, events: pl.DataFrame,
               gold: dict[str, list[dict]], verbose: bool) -> dict:
    # A story arriving under several file names is one article: look every name up.
    names = articles.select("article_id", story=pl.col("source_paths")).explode("story").with_columns(
        pl.col("story").str.split("/").list.last())
    by_story = dict(names.filter(pl.col("story").is_in(sorted(gold)))
                    .select("story", "article_id").iter_rows())
    missing = sorted(set(gold) - set(by_story))
    if missing:
        print(f"gold stories not parsed: {missing}")
    preds = named_events(events.filter(pl.col("article_id").is_in(list(by_story.values()))
                                       & ~pl.col("modality").is_in(NOT_HAPPENINGS)), mentions)
    n_gold = n_pred = matched = typed = typed_ok = 0
    right = dict.fromkeys(FIELDS[1:], 0)
    for story, gold_events in sorted(gold.items()):
        article_id = by_story.get(story)
        story_preds = [p for p in preds if p["article_id"] == article_id]
        n_gold += len(gold_events)
        n_pred += len(story_preds)
        gold_key = {(g["sentence_start"], g["type"]): g for g in gold_events}
        gold_sentences: dict[int, set[str]] = {}
        for g in gold_events:
            gold_sentences.setdefault(g["sentence_start"], set()).add(g["type"])
        seen = set()
        for p in sorted(story_preds, key=lambda p: (p["char_start"], p["event_type"])):
            if p["char_start"] in gold_sentences:
                typed += 1
                typed_ok += p["event_type"] in gold_sentences[p["char_start"]]
            g = gold_key.get((p["char_start"], p["event_type"]))
            if g is None:
                if verbose:
                    print(f"  extra  {story} @{p['char_start']} {p['event_type']} "
                          f"'{p['trigger']}' A={p['actors']} T={p['targets']}")
                continue
            seen.add((g["sentence_start"], g["type"]))
            matched += 1
            ok = {"actor": names_match(p["actors"], g["actors"]),
                  "target": names_match(p["targets"], g["targets"]),
                  "date": p["date"] == g["date"],
                  "location": name_matches(p["location"], g["location"])}
            for field, good in ok.items():
                right[field] += good
            if verbose and not all(ok.values()):
                wrong = [f for f, good in ok.items() if not good]
                print(f"  wrong  {story} @{p['char_start']} {p['event_type']} {wrong}: "
                      f"A={p['actors']}/{g['actors']} T={p['targets']}/{g['targets']} "
                      f"D={p['date']}/{g['date']} L={p['location']}/{g['location']}")
        if verbose:
            for key, g in gold_key.items():
                if key not in seen:
                    print(f"  missed {story} @{key[0]} {key[1]} '{g['trigger']}'")
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    out = {"stories": len(gold), "gold_events": n_gold, "pred_events": n_pred,
           "matched": matched, "precision": precision, "recall": recall,
           "f1": 2 * precision * recall / (precision + recall) if matched else 0.0,
           "type_accuracy": typed_ok / typed if typed else 0.0}
    out.update({f"{f}_accuracy": right[f] / matched if matched else 0.0 for f in right})
    return out


def draw_sample(events: pl.DataFrame, seed: int = SAMPLE_SEED) -> pl.DataFrame:
    """The fixed-seed 50-event sample (order-independent: sorted by event_id first)."""
    return events.sort("event_id").sample(n=min(SAMPLE_SIZE, events.height), seed=seed)


def score_sample(events: pl.DataFrame, mentions: pl.DataFrame, sample: Path = SAMPLE) -> dict | None:
    """Per-field accuracy of the hand judgements. The judgements hold the output they judged
    (`judged_output`): events no longer extracted or whose fields changed since are counted,
    as the judgements then describe an older extractor (judge a fresh draw after changes)."""
    if not sample.exists():
        return None
    judged = json.loads(sample.read_text(encoding="utf-8"))["judgements"]
    present = {r["event_id"]: r for r in named_events(
        events.filter(pl.col("event_id").is_in([j["event_id"] for j in judged])), mentions)}
    stale = [j["event_id"] for j in judged if j["event_id"] not in present]
    changed = [j["event_id"] for j in judged if j["event_id"] in present and j.get("judged_output")
               and j["judged_output"] != {"type": present[j["event_id"]]["event_type"],
                                          **{k: present[j["event_id"]][k]
                                             for k in ("actors", "targets", "date", "location")}}]
    out = {"judged": len(judged), "no_longer_extracted": len(stale),
           "changed_since_judged": len(changed)}
    for field in FIELDS:
        values = [j[field] for j in judged if j.get(field) is not None]
        out[f"{field}_accuracy"] = sum(values) / len(values) if values else 0.0
    out["all_fields_right"] = sum(all(j[f] for f in FIELDS) for j in judged) / len(judged)
    return out


DRAWN_FIELDS = ("event_id", "source_path", "published_date", "dateline_place", "event_type", "trigger",
                "modality", "actors", "targets", "location", "location_basis", "date", "date_basis",
                "sentence")


def write_skeleton(path: Path, drawn: list[dict], seed: int) -> None:
    """A sample file to judge: one judgement per drawn event, its fields null until judged,
    with the output it judges (`judged_output`) and the commit it was drawn on."""
    import subprocess
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    path.write_text(json.dumps({
        "protocol": (f"50 events drawn by `bench/score_events.py --draw-sample --seed {seed}` from "
                     f"extract_events on the whole ../shared/corpus at commit {commit}; each field "
                     "judged right/wrong by hand following docs/event_guidelines.md."),
        "seed": seed, "commit": commit,
        "judgements": [{"event_id": r["event_id"], **dict.fromkeys(FIELDS), "note": "",
                        "judged_output": {"type": r["event_type"], "actors": r["actors"],
                                          "targets": r["targets"], "date": r["date"],
                                          "location": r["location"]}} for r in drawn]},
        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def print_figures(title: str, figures: dict) -> None:
    print(title)
    for key, value in figures.items():
        print(f"  {key:22s} {value:.3f}" if isinstance(value, float) else f"  {key:22s} {value}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list extras, misses and field errors")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed line")
    ap.add_argument("--draw-sample", action="store_true",
                    help="print the fixed-seed 50-event sample to judge (names, no scoring)")
    ap.add_argument("--seed", type=int, default=SAMPLE_SEED, help="seed of --draw-sample")
    ap.add_argument("--out", type=Path, help="with --draw-sample: also write a sample file to judge")
    ap.add_argument("--sample", type=Path, action="append",
                    help="a judged sample file to report (repeatable; default: "
                         + ", ".join(p.name for p in SAMPLES) + ")")
    args = ap.parse_args(argv)

    articles, mentions, events, seconds = build(SHARED / "corpus")
    if args.draw_sample:
        drawn = named_events(draw_sample(events, args.seed), mentions)
        stories = {r["article_id"]: r for r in articles.select(
            "article_id", "source_path", "published_date", "dateline_place").to_dicts()}
        for r in drawn:
            r.update({k: stories[r["article_id"]][k] for k in ("source_path", "published_date", "dateline_place")})
            print(json.dumps({k: r[k] for k in DRAWN_FIELDS}, ensure_ascii=False, default=str))
        if args.out:
            write_skeleton(args.out, drawn, args.seed)
            print(f"wrote {args.out}: fill in each judgement (true / false / null) and its note")
        return 0
    print_figures("event gold (15 stories)",
                  score_gold(articles, mentions, events, gold_stories(), args.verbose))
    for path in args.sample or SAMPLES:
        sample = score_sample(events, mentions, path)
        if sample:
            print_figures(f"random sample {path.name}, judged by hand", sample)
    print_figures("duplicates (whole corpus)", duplicate_rate(cluster_events(events)))
    if not args.no_speed:
        print(f"extract_events: {articles.height} stories, {events.height} events in "
              f"{seconds:.2f}s = {articles.height / seconds:,.0f} stories/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
