"""Full-text search (BM25) over article bodies and quote texts, with DuckDB's fts extension
loaded offline from the PyPI package `duckdb-extension-fts` (never downloaded at run time)."""
from __future__ import annotations

import importlib.resources

import duckdb

SEARCH_MACROS = {
    "search_quotes": (
        "Quotes matching a query, best first: quote, speaker, date, article (BM25 over quote text).",
        """SELECT q.quote_id, q.text, q.speaker_name, a.published_date, a.title, q.article_id, s.score
           FROM (SELECT quote_id, fts_main_quotes.match_bm25(quote_id, query) AS score FROM quotes) s
           JOIN quotes q USING (quote_id) JOIN articles a USING (article_id)
           WHERE s.score IS NOT NULL ORDER BY s.score DESC, q.quote_id"""),
    "search_articles": (
        "Articles matching a query, best first (BM25 over title and body).",
        """SELECT a.article_id, a.title, a.published_date, a.source_path, s.score
           FROM (SELECT article_id, fts_main_articles.match_bm25(article_id, query) AS score
                 FROM articles) s
           JOIN articles a USING (article_id)
           WHERE s.score IS NOT NULL ORDER BY s.score DESC, a.article_id"""),
}


def fts_extension_path() -> str:
    """The fts extension file shipped by `duckdb-extension-fts` for this DuckDB version."""
    path = (importlib.resources.files("duckdb_extension_fts") / "extensions"
            / f"v{duckdb.__version__}" / "fts.duckdb_extension")
    if not path.is_file():
        raise FileNotFoundError(
            f"no fts extension for DuckDB {duckdb.__version__} at {path}: install the matching "
            "duckdb-extension-fts (bin/setup does)")
    return str(path)


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the fts extension from site-packages and forbid any download attempt."""
    con.execute("SET autoinstall_known_extensions = false")
    con.execute(f"LOAD '{fts_extension_path()}'")


REINDEX_SHARE = 0.05
"""The BM25 indexes are rebuilt when the articles added or removed since the last rebuild reach
this share of the indexed articles: rebuilding costs time in proportion to the archive, so a
small batch does not pay it. Until then, the new articles are not found by the search macros
(removed ones never show: the macros join the live tables)."""

def _needs_rebuild(con: duckdb.DuckDBPyConnection, changed: int | None) -> bool:
    """Record `changed` articles in `search_index_info` and say whether the indexes must be
    rebuilt now."""
    has_index = con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_articles'"
                            ).fetchone()[0] > 0
    row = con.execute("SELECT articles_indexed, changes_since FROM search_index_info").fetchone()
    if changed is None or not has_index or row is None:
        return True
    indexed, since = row
    if since + changed >= max(1, REINDEX_SHARE * indexed):
        return True
    if changed:
        con.execute("UPDATE search_index_info SET changes_since = changes_since + ?", [changed])
    return False


def create_search(con: duckdb.DuckDBPyConnection, changed: int | None = None) -> None:
    """Build the BM25 indexes (articles: title + body; quotes: text) and the search macros.
    `changed` (articles added or removed by this batch; None: always rebuild) lets a small
    batch keep the existing indexes (see REINDEX_SHARE)."""
    load_fts(con)
    if _needs_rebuild(con, changed):
        con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
        con.execute("PRAGMA create_fts_index('quotes', 'quote_id', 'text', overwrite=1)")
        con.execute("DELETE FROM search_index_info")
        con.execute("INSERT INTO search_index_info SELECT count(*), 0 FROM articles")
    for name, (comment, sql) in SEARCH_MACROS.items():
        con.execute(f"CREATE OR REPLACE MACRO {name}(query) AS TABLE {sql}")
        con.execute(f"COMMENT ON MACRO TABLE {name} IS '{comment}'")
