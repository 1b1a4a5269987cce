"""The corpus-wide `entities` table, aggregated in DuckDB from `entity_mentions`.

An entity's row depends only on the set of its mentions (and their articles' dates), so the
rows of the entities a batch touched can be recomputed alone and come out the same as in a
full rebuild, whatever order the batches arrived in:

- canonical_name: the name stories resolved it to most often (ties: the alphabetically first);
- country_code: its most frequent non-null code (same tie rule);
- aliases: every other surface form, sorted;
- mention_count, article_count, first_seen and last_seen (published dates of its articles).
An entity left without mentions loses its row.
"""
from __future__ import annotations

import duckdb

_AGGREGATE = """
    WITH m AS (
        SELECT em.entity_id, em.entity_type, em.resolved_name, em.country_code, em.surface,
               em.article_id, a.published_date
        FROM entity_mentions em JOIN articles a USING (article_id)
        WHERE em.entity_id IN (SELECT entity_id FROM {scope})
    ), names AS (
        SELECT entity_id, first(resolved_name ORDER BY n DESC, resolved_name) AS canonical_name
        FROM (SELECT entity_id, resolved_name, count(*) AS n FROM m GROUP BY ALL) GROUP BY entity_id
    ), codes AS (
        SELECT entity_id, first(country_code ORDER BY n DESC, country_code) AS country_code
        FROM (SELECT entity_id, country_code, count(*) AS n FROM m
              WHERE country_code IS NOT NULL GROUP BY ALL) GROUP BY entity_id
    ), stats AS (
        SELECT entity_id, min(entity_type) AS entity_type, list(DISTINCT surface) AS surfaces,
               count(*)::INTEGER AS mention_count, count(DISTINCT article_id)::INTEGER AS article_count,
               min(published_date) AS first_seen, max(published_date) AS last_seen
        FROM m GROUP BY entity_id
    )
    SELECT s.entity_id, n.canonical_name, s.entity_type, c.country_code,
           list_sort(list_filter(s.surfaces, x -> x <> n.canonical_name)) AS aliases,
           s.mention_count, s.article_count, s.first_seen, s.last_seen
    FROM stats s JOIN names n USING (entity_id) LEFT JOIN codes c USING (entity_id)
    ORDER BY s.entity_id"""


def refresh_entities(con: duckdb.DuckDBPyConnection, scope: str) -> int:
    """Recompute the `entities` rows of the entity ids in table `scope` (column entity_id)
    from the current mentions; returns how many ids were refreshed."""
    con.execute(f"DELETE FROM entities WHERE entity_id IN (SELECT entity_id FROM {scope})")
    con.execute(f"INSERT INTO entities {_AGGREGATE.format(scope=scope)}")
    return con.execute(f"SELECT count(*) FROM {scope}").fetchone()[0]
