"""Table definitions of the published warehouse (see ../shared/WAREHOUSE_CONTRACT.md).

`TABLES` maps each table to its DuckDB DDL. The contract's columns are the floor; columns
marked "extra" in the comments are storyhouse additions.

The keys of `quotes`, `entity_mentions` and `events` carry no PRIMARY KEY constraint: DuckDB
keeps such an index wholly in memory, and at a million stories (25 million mentions) it
alone would outgrow the build's memory budget. They are unique by construction (derived from
the article id, which is a primary key, and only a new article's rows are ever inserted), and
the quality gate checks their uniqueness on every row a batch writes.
"""
from __future__ import annotations

TABLES: dict[str, str] = {
    "articles": """
        CREATE TABLE articles (
            article_id        VARCHAR PRIMARY KEY,
            source_path       VARCHAR NOT NULL,
            source_format     VARCHAR NOT NULL,
            title             VARCHAR NOT NULL,
            published_date    DATE,
            dateline_place    VARCHAR,
            photo_caption     VARCHAR,
            body              VARCHAR NOT NULL,
            paragraph_count   INTEGER,
            word_count        INTEGER,
            related_titles    VARCHAR[],
            content_sha256    VARCHAR NOT NULL,
            extractor_version VARCHAR NOT NULL,
            source_paths      VARCHAR[]  -- extra: every path the story arrived under, sorted
        )""",
    "article_sources": """
        CREATE TABLE article_sources (  -- extra: one row per path a parsed story arrived under
            source_path    VARCHAR PRIMARY KEY,
            article_id     VARCHAR NOT NULL,
            content_sha256 VARCHAR NOT NULL,
            source_format  VARCHAR NOT NULL,
            batch_id       VARCHAR NOT NULL  -- the ingest batch that last wrote this path
        )""",
    "source_files": """
        CREATE TABLE source_files (  -- extra: one row per raw file ever ingested
            source_path    VARCHAR PRIMARY KEY,  -- relative to the raw root, without '#n'
            content_sha256 VARCHAR NOT NULL,
            size_bytes     BIGINT,
            status         VARCHAR NOT NULL,  -- 'active', or 'deleted' (retracted: see docs/incremental.md)
            batch_id       VARCHAR NOT NULL   -- the ingest batch that last changed it
        )""",
    "ingest_batches": """
        CREATE TABLE ingest_batches (  -- extra: one row per ingest batch applied, in order
            batch_id          VARCHAR PRIMARY KEY,
            files_new         INTEGER,
            files_changed     INTEGER,
            files_deleted     INTEGER,
            stories_read      INTEGER,
            articles_added    INTEGER,
            articles_removed  INTEGER,
            extractor_version VARCHAR
        )""",
    "quotes": """
        CREATE TABLE quotes (
            quote_id           VARCHAR NOT NULL,  -- key (unique: see the note above)
            article_id         VARCHAR NOT NULL,
            quote_index        INTEGER,
            text               VARCHAR NOT NULL,
            char_start         INTEGER,
            char_end           INTEGER,
            speaker_name       VARCHAR,
            speaker_entity_id  VARCHAR,
            speaker_mention    VARCHAR,
            cue_verb           VARCHAR,
            attribution_method VARCHAR,
            confidence         DOUBLE,
            field              VARCHAR   -- extra: body | title | caption (offsets null outside body)
        )""",
    "entities": """
        CREATE TABLE entities (
            entity_id      VARCHAR PRIMARY KEY,
            canonical_name VARCHAR NOT NULL,
            entity_type    VARCHAR NOT NULL,
            country_code   VARCHAR,
            aliases        VARCHAR[],
            mention_count  INTEGER,
            article_count  INTEGER,
            first_seen     DATE,
            last_seen      DATE
        )""",
    "entity_mentions": """
        CREATE TABLE entity_mentions (
            mention_id VARCHAR NOT NULL,  -- key (unique: see the note above)
            article_id VARCHAR NOT NULL,
            entity_id  VARCHAR NOT NULL,
            surface    VARCHAR NOT NULL,
            char_start INTEGER,
            char_end   INTEGER,
            field      VARCHAR,  -- extra: body | title | caption (offsets null outside body)
            entity_type   VARCHAR,  -- extra: PERSON | ORG | LOCATION
            resolved_name VARCHAR,  -- extra: the name this story resolved the mention to
            country_code  VARCHAR   -- extra: ISO alpha-3 where the mention is a place
        )""",
    "events": """
        CREATE TABLE events (
            event_id           VARCHAR NOT NULL,  -- key (unique: see the note above)
            article_id         VARCHAR NOT NULL,
            event_type         VARCHAR NOT NULL,
            cameo_root         VARCHAR,
            trigger            VARCHAR,
            sentence           VARCHAR,
            char_start         INTEGER,
            char_end           INTEGER,
            event_date         DATE,
            date_basis         VARCHAR,
            actor_entity_ids   VARCHAR[],
            target_entity_ids  VARCHAR[],
            location_entity_id VARCHAR,
            confidence         DOUBLE,
            event_cluster_id   VARCHAR,  -- extra: shared by reports of the same happening
            in_lede            BOOLEAN,  -- extra: found in the first paragraph
            modality           VARCHAR,  -- extra: asserted | planned | negated | hypothetical
            cluster_block      VARCHAR   -- extra: dedup block key (null: links to nothing)
        )""",
    "quarantine": """
        CREATE TABLE quarantine (
            source_path    VARCHAR NOT NULL,
            content_sha256 VARCHAR NOT NULL,
            reason         VARCHAR NOT NULL,
            detail         VARCHAR
        )""",
    "gate_results": """
        CREATE TABLE gate_results (  -- extra: every expectation the quality gate ran on this build
            table_name        VARCHAR,
            expectation       VARCHAR,
            column_name       VARCHAR,
            success           BOOLEAN,
            row_count         INTEGER,
            unexpected_count  INTEGER,
            unexpected_sample VARCHAR[],
            detail            VARCHAR
        )""",
    "search_index_info": """
        CREATE TABLE search_index_info (  -- extra: state of the BM25 search indexes
            articles_indexed INTEGER,  -- articles when the indexes were last rebuilt
            changes_since    INTEGER   -- articles added or removed since then (not yet searchable)
        )""",
    "build_info": """
        CREATE TABLE build_info (  -- extra: one row describing the build that made this file
            built_at          TIMESTAMP WITH TIME ZONE,
            raw_dir           VARCHAR,
            extractor_version VARCHAR,
            files_seen        INTEGER,  -- active raw files in the warehouse
            run_id            VARCHAR,
            batch_id          VARCHAR   -- the last ingest batch applied
        )""",
}
