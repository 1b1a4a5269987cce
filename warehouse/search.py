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


def create_search(con: duckdb.DuckDBPyConnection) -> None:
    """Build the BM25 indexes (articles: title + body; quotes: text) and the search macros."""
    load_fts(con)
    con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
    con.execute("PRAGMA create_fts_index('quotes', 'quote_id', 'text', overwrite=1)")
    for name, (comment, sql) in SEARCH_MACROS.items():
        con.execute(f"CREATE OR REPLACE MACRO {name}(query) AS TABLE {sql}")
        con.execute(f"COMMENT ON MACRO TABLE {name} IS '{comment}'")
