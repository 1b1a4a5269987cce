"""Tests of transforms.event_clusters: the same happening reported by different articles gets
one event_cluster_id; original sentences, run through transforms.events.extract_events."""
from __future__ import annotations

import datetime

import polars as pl

from test_events import MENTION_SCHEMA, NAMES, mentions_for
from transforms.event_clusters import cluster_events, duplicate_rate, event_clusters
from transforms.events import EVENT_COLUMNS, extract_events
from transforms.ids import stable_id

FRIDAY = datetime.date(2011, 4, 22)
SATURDAY = datetime.date(2011, 4, 23)


def corpus_events(stories: list[tuple[str, str, datetime.date | None]]) -> pl.DataFrame:
    """extract_events over several one-body articles (article_id, body, published_date)."""
    articles = pl.DataFrame(
        [{"article_id": a, "body": b, "published_date": d, "dateline_place": None}
         for a, b, d in stories],
        schema={"article_id": pl.String, "body": pl.String, "published_date": pl.Date,
                "dateline_place": pl.String})
    mentions = pl.concat([mentions_for(a, b) for a, b, _ in stories]) if stories else \
        pl.DataFrame(schema=MENTION_SCHEMA)
    return extract_events(articles, mentions)


def cluster_of(clustered: pl.DataFrame, article_id: str, event_type: str) -> str:
    rows = clustered.filter((pl.col("article_id") == article_id)
                            & (pl.col("event_type") == event_type))
    assert rows.height == 1, rows
    return rows["event_cluster_id"][0]


def test_two_reports_of_one_meeting_share_a_cluster():
    clustered = cluster_events(corpus_events([
        ("a1", "Ana Duarte met Kofi Mensah in Lisbon today.", FRIDAY),
        ("a2", "Ana Duarte met Kofi Mensah in Lisbon yesterday.", SATURDAY),
        ("a3", "Kofi Mensah held talks with Ana Duarte in Lisbon on Friday.", SATURDAY),
    ]))
    ids = {cluster_of(clustered, a, "meet") for a in ("a1", "a2", "a3")}
    assert len(ids) == 1  # same day, same place; "A met B" is "B held talks with A"
    stats = duplicate_rate(clustered)
    assert stats["clusters"] == 1 and stats["share_in_multi"] == 1.0
    view = event_clusters(clustered)
    assert view.row(0, named=True)["n_events"] == 3 and view["n_articles"][0] == 3


def test_dates_more_than_a_day_apart_are_different_happenings():
    clustered = cluster_events(corpus_events([
        ("a1", "Ana Duarte met Kofi Mensah in Lisbon on Monday.", FRIDAY),
        ("a2", "Ana Duarte met Kofi Mensah in Lisbon today.", FRIDAY),
    ]))
    assert cluster_of(clustered, "a1", "meet") != cluster_of(clustered, "a2", "meet")


def test_other_place_type_or_actor_keeps_events_apart():
    clustered = cluster_events(corpus_events([
        ("a1", "Ana Duarte met Kofi Mensah in Lisbon today.", FRIDAY),
        ("a2", "Ana Duarte met Kofi Mensah in Accra today.", FRIDAY),
        ("a3", "Ana Duarte condemned Kofi Mensah in Lisbon today.", FRIDAY),
        ("a4", "Lena Varga met Kofi Mensah in Lisbon today.", FRIDAY),
    ]))
    assert len(set(clustered["event_cluster_id"])) == 4


def test_actor_and_target_are_not_swapped_for_one_sided_types():
    clustered = cluster_events(corpus_events([
        ("a1", "Freedonia condemned Sylvania in Lisbon today.", FRIDAY),
        ("a2", "Sylvania condemned Freedonia in Lisbon today.", FRIDAY),
    ]))
    assert cluster_of(clustered, "a1", "criticize") != cluster_of(clustered, "a2", "criticize")


def test_no_place_needs_matching_targets():
    both = corpus_events([
        ("a1", "Ana Duarte praised Kofi Mensah today.", FRIDAY),
        ("a2", "Ana Duarte praised Kofi Mensah today.", FRIDAY),
        ("a3", "Ana Duarte praised Lena Varga today.", FRIDAY),
        ("a4", "Ana Duarte announced a plan today.", FRIDAY),
        ("a5", "Ana Duarte announced a plan today.", FRIDAY),
    ])
    clustered = cluster_events(both)
    assert cluster_of(clustered, "a1", "praise") == cluster_of(clustered, "a2", "praise")
    assert cluster_of(clustered, "a1", "praise") != cluster_of(clustered, "a3", "praise")
    # Actor alone, no target and no place: too thin to merge.
    assert cluster_of(clustered, "a4", "statement") != cluster_of(clustered, "a5", "statement")


def test_undated_negated_and_same_article_events_stay_single():
    clustered = cluster_events(corpus_events([
        ("a1", "Ana Duarte met Kofi Mensah in Lisbon.", None),
        ("a2", "Ana Duarte met Kofi Mensah in Lisbon.", None),
        ("a3", "Ana Duarte did not meet Kofi Mensah in Lisbon today.", FRIDAY),
        ("a4", "Ana Duarte met Kofi Mensah in Lisbon today.", FRIDAY),
        ("a5", "Ana Duarte met Kofi Mensah in Lisbon today. Later Ana Duarte met Kofi Mensah "
               "in Lisbon again.", datetime.date(2011, 5, 2)),
    ]))
    assert clustered.height == 6
    assert clustered["event_cluster_id"].n_unique() == 6


def test_ids_are_stable_and_order_independent():
    events = corpus_events([
        ("a1", "Ana Duarte met Kofi Mensah in Lisbon yesterday.", SATURDAY),
        ("a2", "Ana Duarte met Kofi Mensah in Lisbon today.", FRIDAY),
        ("a3", "The World Food Programme delivered food aid in Accra today.", FRIDAY),
    ])
    first = cluster_events(events)
    again = cluster_events(events.reverse())
    assert dict(zip(first["event_id"], first["event_cluster_id"])) == \
        dict(zip(again["event_id"], again["event_cluster_id"]))
    assert first.columns == EVENT_COLUMNS + ["cluster_block", "event_cluster_id"]
    assert first["event_cluster_id"].null_count() == 0
    # The cluster id derives from the earliest member's event_id (by date, then event_id).
    meets = first.filter(pl.col("event_type") == "meet").sort("event_date", "event_id")
    expected = meets.head(1).select(stable_id("event_cluster", "event_id"))[0, 0]
    assert set(meets["event_cluster_id"]) == {expected}
    aid = first.filter(pl.col("event_type") == "aid")
    assert aid["event_cluster_id"][0] == aid.select(stable_id("event_cluster", "event_id"))[0, 0]


def test_empty_frame():
    empty = corpus_events([])
    clustered = cluster_events(empty)
    assert clustered.height == 0 and "event_cluster_id" in clustered.columns
    assert NAMES  # the shared surface table is imported from test_events


def test_reclustering_one_block_gives_the_ids_of_a_full_clustering():
    events = corpus_events([
        ("a1", "Ana Duarte met Kofi Mensah in Lisbon yesterday.", SATURDAY),
        ("a2", "Ana Duarte met Kofi Mensah in Lisbon today.", FRIDAY),
        ("a3", "The World Food Programme delivered food aid in Accra today.", FRIDAY),
    ])
    full = cluster_events(events)
    block = full.filter(pl.col("article_id").is_in(["a1", "a2"]))["cluster_block"][0]
    assert block is not None
    part = cluster_events(full.filter(pl.col("cluster_block") == block))
    assert dict(zip(part["event_id"], part["event_cluster_id"])) == \
        dict(zip(*full.filter(pl.col("cluster_block") == block)
                 .select("event_id", "event_cluster_id").get_columns()))
