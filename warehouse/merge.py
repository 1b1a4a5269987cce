"""Apply one ingest batch to a staging copy of the warehouse, in one transaction.

The batch's extracted rows are Parquet parts (`<batch dir>/<table>/*.parquet`, written by the
extraction step) and its manifest lists the raw files that are new, changed or deleted. For
every file in the manifest, the rows of its old version leave and the rows of its new version
arrive:

1. `article_sources`, `quarantine` and `source_files` rows of the manifest's files are
   replaced (a deleted file stays in `source_files` with status `deleted`).
2. An article is one story whatever its paths: it stays while any active path still carries
   it, and leaves, with its quotes, mentions and events, when its last path goes. A story that
   arrives again under another name adds a path, not an article.
3. New articles get their rows from the batch (one copy per id: every copy of a story yields
   identical rows, see transforms/articles.py).
4. Each affected article's `source_path` becomes its smallest active path, `source_paths`
   all of them: the same files give the same rows whatever order the batches came in.
5. `entities` rows are recomputed for every entity whose mentions changed
   (warehouse/entities_table.py); the event clusters of the touched blocks are returned so
   the caller can re-cluster them (clustering is a transform, see `replace_cluster_ids`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from warehouse.connect import connect_for_build
from warehouse.entities_table import refresh_entities
from warehouse.staging import table_columns

BATCH_TABLES = ("article_sources", "articles", "quarantine", "entity_mentions", "quotes", "events")
_CHILD_TABLES = ("quotes", "entity_mentions", "events")


@dataclass(frozen=True)
class MergeResult:
    """What a batch did to the warehouse."""

    articles_added: int
    articles_removed: int
    stories_read: int
    entities_refreshed: int
    touched_blocks: int


def _parts(batch_dir: Path, table: str) -> str:
    return (batch_dir / table / "*.parquet").as_posix()


def _stage_batch_rows(con: duckdb.DuckDBPyConnection, batch_dir: Path, manifest: pl.DataFrame) -> None:
    """Temporary table `manifest` and views `batch_<table>` over this batch's Parquet parts
    (read where used, never held in memory whole), with `_part`, the chunk a row came from."""
    con.register("manifest_frame", manifest.to_arrow())
    con.execute("CREATE TEMP TABLE manifest AS SELECT * FROM manifest_frame")
    con.unregister("manifest_frame")
    for table in BATCH_TABLES:
        columns = ", ".join(table_columns(con, table)) if table != "article_sources" else \
            "source_path, article_id, content_sha256, source_format"
        if any((batch_dir / table).glob("*.parquet")):
            source = f"read_parquet('{_parts(batch_dir, table)}', union_by_name = true, filename = true)"
            part = "parse_filename(filename)"
        else:
            source = f"(SELECT {columns} FROM {table} LIMIT 0)"
            part = "NULL::VARCHAR"
        con.execute(f"CREATE TEMP VIEW batch_{table} AS SELECT {columns}, {part} AS _part FROM {source}")


def apply_batch(staging: str | os.PathLike, batch_id: str, batch_dir: str | os.PathLike,
                manifest: pl.DataFrame) -> MergeResult:
    """Apply the batch to the staging DuckDB file (see the module docstring); all or nothing."""
    batch_dir = Path(batch_dir)
    with connect_for_build(str(staging)) as con:
        con.execute("BEGIN TRANSACTION")
        _stage_batch_rows(con, batch_dir, manifest)
        result = _merge(con, batch_id)
        con.execute(f"COPY touched_blocks TO '{touched_blocks_file(batch_dir).as_posix()}' (FORMAT parquet)")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    return result


def _merge(con: duckdb.DuckDBPyConnection, batch_id: str) -> MergeResult:
    files = "SELECT source_path FROM manifest"
    in_files = f"split_part({{}}, '#', 1) IN ({files})"
    con.execute(f"""CREATE TEMP TABLE old_sources AS
                    SELECT * FROM article_sources WHERE {in_files.format('source_path')}""")
    con.execute(f"DELETE FROM article_sources WHERE {in_files.format('source_path')}")
    con.execute("""INSERT INTO article_sources
                   SELECT source_path, article_id, content_sha256, source_format, ?
                   FROM batch_article_sources""", [batch_id])
    con.execute(f"DELETE FROM quarantine WHERE {in_files.format('source_path')}")
    con.execute("INSERT INTO quarantine SELECT * EXCLUDE (_part) FROM batch_quarantine")
    con.execute(f"DELETE FROM source_files WHERE source_path IN ({files})")
    con.execute("""INSERT INTO source_files
                   SELECT source_path, content_sha256, size_bytes,
                          CASE change WHEN 'deleted' THEN 'deleted' ELSE 'active' END, ?
                   FROM manifest""", [batch_id])

    con.execute("""CREATE TEMP TABLE affected AS
                   SELECT article_id FROM old_sources UNION SELECT article_id FROM batch_article_sources""")
    con.execute("""CREATE TEMP TABLE gone AS SELECT article_id FROM affected
                   WHERE article_id NOT IN (SELECT article_id FROM article_sources)""")
    con.execute("""CREATE TEMP TABLE fresh AS SELECT article_id FROM affected
                   WHERE article_id IN (SELECT article_id FROM article_sources)
                     AND article_id NOT IN (SELECT article_id FROM articles)""")
    con.execute("""CREATE TEMP TABLE touched_entities AS
                   SELECT entity_id FROM entity_mentions WHERE article_id IN (SELECT article_id FROM gone)
                   UNION SELECT entity_id FROM batch_entity_mentions
                         WHERE article_id IN (SELECT article_id FROM fresh)""")
    con.execute("""CREATE TEMP TABLE touched_blocks AS
                   SELECT cluster_block FROM events
                   WHERE article_id IN (SELECT article_id FROM gone) AND cluster_block IS NOT NULL
                   UNION SELECT cluster_block FROM batch_events
                         WHERE article_id IN (SELECT article_id FROM fresh) AND cluster_block IS NOT NULL""")

    for table in (*_CHILD_TABLES, "articles"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM gone)")
    con.execute("""CREATE TEMP TABLE canonical AS
                   SELECT article_id, min(source_path) AS source_path,
                          list(source_path ORDER BY source_path) AS source_paths,
                          arg_min(content_sha256, source_path) AS content_sha256,
                          arg_min(source_format, source_path) AS source_format
                   FROM article_sources WHERE article_id IN (SELECT article_id FROM affected)
                   GROUP BY article_id""")
    # Copies of a story in different chunks give identical rows; each new article takes its
    # rows from one chunk (that of its smallest path), so no row is inserted twice.
    con.execute("""CREATE TEMP TABLE chosen AS
                   SELECT article_id, arg_min(_part, source_path) AS _part FROM batch_articles
                   WHERE article_id IN (SELECT article_id FROM fresh) GROUP BY article_id""")
    con.execute("""INSERT INTO articles
                   SELECT a.* EXCLUDE (_part)
                              REPLACE (c.source_path AS source_path, c.source_format AS source_format,
                                       c.content_sha256 AS content_sha256, c.source_paths AS source_paths)
                   FROM batch_articles a JOIN chosen USING (article_id, _part)
                   JOIN canonical c USING (article_id)""")
    for table in _CHILD_TABLES:
        con.execute(f"""INSERT INTO {table} SELECT t.* EXCLUDE (_part)
                        FROM batch_{table} t JOIN chosen USING (article_id, _part)""")
    # Only an article that gained or lost a path is updated: an UPDATE rewrites the storage of
    # the columns it touches, bodies included, at the next checkpoint.
    con.execute("""UPDATE articles SET source_path = c.source_path, source_paths = c.source_paths,
                          content_sha256 = c.content_sha256, source_format = c.source_format
                   FROM canonical c
                   WHERE articles.article_id = c.article_id
                     AND c.article_id NOT IN (SELECT article_id FROM fresh)
                     AND articles.source_paths IS DISTINCT FROM c.source_paths""")
    refreshed = refresh_entities(con, "touched_entities")

    def count(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    result = MergeResult(
        articles_added=count("SELECT count(*) FROM fresh"),
        articles_removed=count("SELECT count(*) FROM gone"),
        stories_read=count("SELECT count(*) FROM batch_article_sources"),
        entities_refreshed=refreshed,
        touched_blocks=count("SELECT count(*) FROM touched_blocks"),
    )
    con.execute("""INSERT OR REPLACE INTO ingest_batches SELECT ?, 
                       count(*) FILTER (WHERE change = 'new'), count(*) FILTER (WHERE change = 'changed'),
                       count(*) FILTER (WHERE change = 'deleted'), ?, ?, ?,
                       (SELECT any_value(extractor_version) FROM batch_articles)
                   FROM manifest""",
                [batch_id, result.stories_read, result.articles_added, result.articles_removed])
    return result


def touched_blocks_file(batch_dir: str | os.PathLike) -> Path:
    """Where `apply_batch` lists the event blocks the batch touched (column cluster_block)."""
    return Path(batch_dir, "touched_blocks.parquet")


def events_in_blocks(staging: str | os.PathLike, batch_dir: str | os.PathLike, part: int,
                     parts: int) -> pl.DataFrame:
    """The clustering columns of every event in the touched blocks whose hash falls in slice
    `part` of `parts` (a block never spans two slices)."""
    blocks = touched_blocks_file(batch_dir).as_posix()
    with connect_for_build(str(staging), read_only=True) as con:
        return pl.from_arrow(con.execute(
            f"""SELECT event_id, article_id, event_type, event_date, actor_entity_ids,
                       target_entity_ids, location_entity_id, modality, cluster_block
                FROM events
                WHERE cluster_block IN (SELECT cluster_block FROM read_parquet('{blocks}')
                                        WHERE hash(cluster_block) % {parts} = {part})""").to_arrow_table())


def replace_cluster_ids(staging: str | os.PathLike, clustered: pl.DataFrame) -> int:
    """Set `event_cluster_id` from `clustered` (event_id, event_cluster_id); returns rows changed."""
    with connect_for_build(str(staging)) as con:
        con.register("clustered", clustered.select("event_id", "event_cluster_id").to_arrow())
        changed = con.execute("""UPDATE events SET event_cluster_id = c.event_cluster_id
                                 FROM clustered c WHERE events.event_id = c.event_id
                                   AND events.event_cluster_id IS DISTINCT FROM c.event_cluster_id""").fetchone()[0]
        con.execute("CHECKPOINT")
    return changed
