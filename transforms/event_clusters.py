"""Event deduplication: events from different articles that report the same happening share an
`event_cluster_id` (GDELT counts reports; an analyst wants happenings). See docs/events.md.

    clustered = cluster_events(events)          # events + cluster_block, event_cluster_id
    happenings = event_clusters(clustered)      # one row per cluster: counts events, not reports

Two events are *linked* when they come from different articles and
- have the same `event_type`;
- have the same non-empty set of actor entity ids; for the symmetric types (meet, agreement,
  fight: "A met B" is "B met A") the set of all participants (actors and targets) instead;
- have event dates at most one day apart (a null date links to nothing);
- have the same `location_entity_id`; two null places match only when both events also have
  the same non-empty set of targets (actors alone and no place are too thin to merge on);
- are neither negated nor hypothetical (a meeting that did not happen is no happening).

Clusters are the connected components of the links (single linkage), found in pure polars by
label propagation over the edges of a self-join within blocks of equal (type, participants,
place). The block key is kept as `cluster_block` (null for an event that can link to nothing):
clusters never cross blocks, so an incremental build re-clusters only the blocks a batch
touched (`cluster_events` on the events of those blocks). The id is `stable_id("event_cluster", event_id of the cluster's earliest member)`,
earliest by (event_date, event_id): the same events give the same ids whatever their row order;
a singleton's id is derived from its own event_id the same way.
"""
from __future__ import annotations

import polars as pl

from transforms.ids import stable_id

SYMMETRIC_TYPES = ("meet", "agreement", "fight")
MAX_DAY_GAP = 1
_NOT_HAPPENINGS = ("negated", "hypothetical")


def _sorted_key(expr: pl.Expr) -> pl.Expr:
    return expr.list.unique().list.sort().list.join("\x1f")


def with_cluster_blocks(events: pl.DataFrame) -> pl.DataFrame:
    """`events` plus `cluster_block` (String): the key of the block the event can link within,
    null when it can link to nothing (no date, no actor, negated or hypothetical, or neither
    a place nor targets)."""
    actors = pl.col("actor_entity_ids").fill_null([])
    targets = pl.col("target_entity_ids").fill_null([])
    participants = (pl.when(pl.col("event_type").is_in(SYMMETRIC_TYPES))
                    .then(_sorted_key(pl.concat_list(actors, targets)))
                    .otherwise(_sorted_key(actors)))
    target_key = (pl.when(pl.col("event_type").is_in(SYMMETRIC_TYPES)).then(pl.lit(""))
                  .otherwise(_sorted_key(targets)))
    modality = (pl.col("modality") if "modality" in events.columns else pl.lit("asserted"))
    frame = events.select(
        "event_id", "article_id", "event_date", "event_type",
        _participants=participants, _targets=target_key,
        _place=pl.col("location_entity_id"), _modality=modality,
        _n_actors=actors.list.len(), _n_targets=targets.list.len())
    linkable = (pl.col("event_date").is_not_null() & (pl.col("_n_actors") > 0)
                & ~pl.col("_modality").fill_null("asserted").is_in(_NOT_HAPPENINGS)
                & (pl.col("_place").is_not_null() | (pl.col("_n_targets") > 0)))
    # With a place, the key is (type, participants, place); without one, the targets join it.
    block = pl.concat_str(
        pl.col("event_type"), pl.col("_participants"),
        pl.col("_place").fill_null(""),
        pl.when(pl.col("_place").is_null()).then(pl.col("_targets")).otherwise(pl.lit("")),
        separator="|")
    keys = frame.select("event_id", cluster_block=pl.when(linkable).then(block))
    return events.join(keys, on="event_id", how="left", maintain_order="left")


def _edges(blocked: pl.DataFrame) -> pl.DataFrame:
    """(a, b) event_id pairs, both directions, of linked events (expects event_id, article_id,
    event_date, cluster_block)."""
    multi = blocked.filter(pl.col("cluster_block").is_not_null()
                           & (pl.col("cluster_block").count().over("cluster_block") > 1))
    pairs = multi.join(multi, on="cluster_block", suffix="_b")
    return (pairs.filter((pl.col("article_id") != pl.col("article_id_b"))
                         & ((pl.col("event_date") - pl.col("event_date_b")).dt.total_days().abs()
                            <= MAX_DAY_GAP))
            .select(a="event_id", b="event_id_b"))


def _components(nodes: pl.DataFrame, edges: pl.DataFrame) -> pl.DataFrame:
    """event_id -> _root: the smallest rank in its connected component (label propagation)."""
    labels = nodes.select("event_id", _root="_rank")
    if edges.height == 0:
        return labels
    while True:
        proposed = (edges.join(labels, left_on="b", right_on="event_id")
                    .group_by("a").agg(pl.col("_root").min().alias("_new")))
        updated = (labels.join(proposed, left_on="event_id", right_on="a", how="left")
                   .with_columns(_new=pl.min_horizontal("_root", "_new")))
        if (updated["_new"] == updated["_root"]).all():
            return labels
        labels = updated.select("event_id", _root="_new")


def cluster_events(events: pl.DataFrame) -> pl.DataFrame:
    """`events` (the output of `transforms.events.extract_events`, any row order) with
    `cluster_block` (see `with_cluster_blocks`; kept when already present) and
    `event_cluster_id` (String, never null): equal for events that report the same happening
    in different articles (rules in the module docstring), unique otherwise."""
    if "cluster_block" not in events.columns:
        events = with_cluster_blocks(events)
    events = events.drop("event_cluster_id", strict=False)
    ranked = (events.select("event_id", "event_date")
              .sort("event_date", "event_id", nulls_last=True)
              .with_row_index("_rank"))
    roots = _components(ranked, _edges(events.select("event_id", "article_id", "event_date",
                                                      "cluster_block")))
    first_member = ranked.select(_root="_rank", _first="event_id")
    cluster = (roots.join(first_member, on="_root")
               .select("event_id", event_cluster_id=stable_id("event_cluster", "_first")))
    return events.join(cluster, on="event_id", how="left", maintain_order="left")


def event_clusters(clustered: pl.DataFrame) -> pl.DataFrame:
    """One row per happening: event_cluster_id, event_type, the earliest member's date, actors
    and place, and how many events and articles report it (the view that counts events, not
    reports)."""
    return (clustered.sort("event_date", "event_id", nulls_last=True)
            .group_by("event_cluster_id", maintain_order=True)
            .agg(pl.col("event_type").first(), pl.col("event_date").first(),
                 pl.col("actor_entity_ids").first(), pl.col("location_entity_id").first(),
                 n_events=pl.len(), n_articles=pl.col("article_id").n_unique())
            .sort("event_cluster_id"))


def duplicate_rate(clustered: pl.DataFrame) -> dict[str, float]:
    """events, clusters, events per cluster and the share of events in multi-member clusters."""
    sizes = clustered.group_by("event_cluster_id").agg(n=pl.len())
    n_events, n_clusters = clustered.height, sizes.height
    in_multi = int(sizes.filter(pl.col("n") > 1)["n"].sum() or 0)
    return {"events": n_events, "clusters": n_clusters,
            "multi_member_clusters": sizes.filter(pl.col("n") > 1).height,
            "events_per_cluster": n_events / n_clusters if n_clusters else 0.0,
            "share_in_multi": in_multi / n_events if n_events else 0.0,
            "largest_cluster": int(sizes["n"].max() or 0)}
