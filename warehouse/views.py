"""Analyst views created in every warehouse file (each with a comment saying what a row is)."""
from __future__ import annotations

import os

import duckdb

VIEWS: dict[str, tuple[str, str]] = {
    "articles_unique": (
        "One row per distinct story: articles without the later copies of a story that arrived twice.",
        "SELECT * FROM articles WHERE duplicate_of IS NULL"),
    "articles_monthly": (
        "One row per month of publication and source format: article and word counts.",
        """SELECT date_trunc('month', published_date)::DATE AS month, source_format,
                  count(*) AS articles, sum(word_count) AS words
           FROM articles_unique WHERE published_date IS NOT NULL
           GROUP BY ALL ORDER BY month, source_format"""),
    "quotes_attributed": (
        "One row per quote, with its speaker, article title and publication date.",
        """SELECT q.quote_id, q.speaker_name, q.text, q.cue_verb, q.attribution_method, q.confidence,
                  a.published_date, a.title, a.article_id, a.source_path
           FROM quotes q JOIN articles a USING (article_id)"""),
    "top_speakers": (
        "One row per named speaker: quotes, articles, first and last quoted.",
        """SELECT q.speaker_name, q.speaker_entity_id, count(*) AS quotes,
                  count(DISTINCT q.article_id) AS articles,
                  min(a.published_date) AS first_quoted, max(a.published_date) AS last_quoted
           FROM quotes q JOIN articles a USING (article_id)
           WHERE q.speaker_name IS NOT NULL
           GROUP BY ALL ORDER BY quotes DESC, speaker_name"""),
}


def create_views(path: str | os.PathLike) -> None:
    """(Re)create every view in VIEWS, with its comment, in the DuckDB file at `path`."""
    with duckdb.connect(str(path)) as con:
        for name, (comment, sql) in VIEWS.items():
            con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
            con.execute(f"COMMENT ON VIEW {name} IS '{comment}'")
