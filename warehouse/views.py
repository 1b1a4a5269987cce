"""Analyst views created in every warehouse file, each with a comment saying what one row is.

Counts over time count stories (`articles` holds one row per story, however many file names
it arrived under) and are normalised by the month's article volume, since raw counts mislead when the
corpus grows.
"""
from __future__ import annotations

import os

from warehouse.connect import connect_for_build

_MONTHLY_VOLUME = """
    monthly_volume AS (
        SELECT date_trunc('month', published_date)::DATE AS month, count(*) AS month_articles
        FROM articles WHERE published_date IS NOT NULL GROUP BY 1)"""
# Mentions in dated, distinct stories with their entity and their month's volume; the two
# monthly views group this by entity or by country.
_MENTIONS_BY_MONTH = f"""
    WITH {_MONTHLY_VOLUME}
    SELECT e.entity_id, e.canonical_name, e.entity_type, e.country_code, v.month,
           m.article_id, v.month_articles
    FROM entity_mentions m
    JOIN articles a USING (article_id)
    JOIN entities e USING (entity_id)
    JOIN monthly_volume v ON v.month = date_trunc('month', a.published_date)"""
_MONTHLY_COUNTS = """count(*) AS mentions, count(DISTINCT article_id) AS articles,
                  count(DISTINCT article_id) / max(month_articles) AS article_share"""

VIEWS: dict[str, tuple[str, str]] = {
    "articles_monthly": (
        "One row per month of publication and source format: article and word counts.",
        """SELECT date_trunc('month', published_date)::DATE AS month, source_format,
                  count(*) AS articles, sum(word_count) AS words
           FROM articles WHERE published_date IS NOT NULL
           GROUP BY ALL ORDER BY month, source_format"""),
    "quotes_attributed": (
        "One row per quote, with its speaker, article title and publication date.",
        """SELECT q.quote_id, q.speaker_name, q.text, q.cue_verb, q.attribution_method, q.confidence,
                  a.published_date, a.title, a.article_id, a.source_path
           FROM quotes q JOIN articles a USING (article_id)"""),
    "entity_mentions_monthly": (
        "One row per entity and month: mentions, articles mentioning it, and their share of the "
        "month''s articles (volume-normalised).",
        f"""SELECT entity_id, canonical_name, entity_type, month, {_MONTHLY_COUNTS}
           FROM ({_MENTIONS_BY_MONTH})
           GROUP BY entity_id, canonical_name, entity_type, month"""),
    "country_coverage_monthly": (
        "One row per country (ISO alpha-3) and month: mentions of the country and its places, "
        "articles, and their share of the month''s articles.",
        f"""SELECT country_code, month, {_MONTHLY_COUNTS}
           FROM ({_MENTIONS_BY_MONTH})
           WHERE entity_type = 'LOCATION' AND country_code IS NOT NULL
           GROUP BY country_code, month"""),
    "speaker_stats": (
        "One row per named speaker: quotes, articles, first and last quoted, and the five "
        "entities most often mentioned in the articles that quote them.",
        """WITH speaker_articles AS (
               SELECT DISTINCT speaker_name, article_id FROM quotes WHERE speaker_name IS NOT NULL),
           co AS (
               SELECT s.speaker_name, e.canonical_name, count(DISTINCT s.article_id) AS n
               FROM speaker_articles s JOIN entity_mentions m USING (article_id)
               JOIN entities e USING (entity_id)
               WHERE e.canonical_name <> s.speaker_name
               GROUP BY ALL),
           top_co AS (
               SELECT speaker_name, list(canonical_name ORDER BY n DESC, canonical_name)[1:5] AS top_co_mentioned
               FROM co GROUP BY speaker_name)
           SELECT q.speaker_name, max(q.speaker_entity_id) AS speaker_entity_id, count(*) AS quotes,
                  count(DISTINCT q.article_id) AS articles,
                  min(a.published_date) AS first_quoted, max(a.published_date) AS last_quoted,
                  max(t.top_co_mentioned) AS top_co_mentioned
           FROM quotes q JOIN articles a USING (article_id) LEFT JOIN top_co t USING (speaker_name)
           WHERE q.speaker_name IS NOT NULL
           GROUP BY q.speaker_name"""),
    "top_speakers": (
        "One row per named speaker, most quoted first (a short form of speaker_stats).",
        """SELECT speaker_name, speaker_entity_id, quotes, articles, first_quoted, last_quoted
           FROM speaker_stats ORDER BY quotes DESC, speaker_name"""),
    "co_mentions": (
        "One row per pair of entities mentioned in the same articles (at least 2): articles together, "
        "each one''s article count, lift = P(both) / (P(a) P(b)) and PMI = ln(lift).",
        """WITH per_article AS (
               SELECT DISTINCT m.article_id, m.entity_id
               FROM entity_mentions m JOIN articles USING (article_id)),
           totals AS (SELECT count(DISTINCT article_id) AS n FROM per_article),
           singles AS (SELECT entity_id, count(*) AS articles FROM per_article GROUP BY 1),
           pairs AS (
               SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS articles_together
               FROM per_article a JOIN per_article b
                 ON a.article_id = b.article_id AND a.entity_id < b.entity_id
               GROUP BY ALL HAVING count(*) >= 2)
           SELECT p.entity_a, ea.canonical_name AS name_a, p.entity_b, eb.canonical_name AS name_b,
                  p.articles_together, sa.articles AS articles_a, sb.articles AS articles_b,
                  p.articles_together * t.n / (sa.articles * sb.articles) AS lift,
                  ln(p.articles_together * t.n / (sa.articles * sb.articles)) AS pmi
           FROM pairs p, totals t
           JOIN singles sa ON sa.entity_id = p.entity_a JOIN singles sb ON sb.entity_id = p.entity_b
           JOIN entities ea ON ea.entity_id = p.entity_a JOIN entities eb ON eb.entity_id = p.entity_b"""),
    "event_timeline": (
        "One row per day, event type and place: distinct happenings (event clusters) and the "
        "reports of them.",
        """SELECT e.event_date, e.event_type, e.cameo_root, e.location_entity_id,
                  l.canonical_name AS location,
                  count(DISTINCT e.event_cluster_id) AS events, count(*) AS reports
           FROM events e JOIN articles USING (article_id)
           LEFT JOIN entities l ON l.entity_id = e.location_entity_id
           WHERE e.event_date IS NOT NULL
           GROUP BY ALL"""),
}


def create_views(path: str | os.PathLike, changed_articles: int | None = None) -> None:
    """(Re)create every view in VIEWS with its comment, the full-text indexes and the search
    macros in the DuckDB file at `path`. `changed_articles` (added or removed by the batch
    being applied) lets a small batch keep the search indexes (warehouse.search)."""
    from warehouse.search import create_search

    with connect_for_build(str(path)) as con:
        for name, (comment, sql) in VIEWS.items():
            con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
            con.execute(f"COMMENT ON VIEW {name} IS '{comment}'")
        create_search(con, changed_articles)
