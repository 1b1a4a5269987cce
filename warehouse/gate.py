"""Quality gate run on the staging DuckDB file before it is published.

Each gated table is read with one read-only SQL query that returns the table's key columns plus
boolean columns derived in DuckDB (the parent row exists, the offsets lie inside the body, the
body span equals the stored text, ...). The frame is then checked by a Great Expectations suite
in an ephemeral, in-memory context: nothing is written to disk and nothing goes over the network.

Offsets follow the contract: 0-based, end-exclusive character indexes into `articles.body`.
DuckDB's `length()` and `substr()` count code points, as Python's `len()` and slicing do, so
`substr(body, char_start + 1, char_end - char_start)` is `body[char_start:char_end]`.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import duckdb
from warehouse.connect import connect_for_build

GATED_TABLES: tuple[str, ...] = (
    "articles", "quotes", "entities", "entity_mentions", "events", "quarantine",
)

SAMPLE_SIZE = 10
"""How many offending ids an outcome keeps for the operator."""

SLICE_ROWS = 400_000
"""A table is validated in slices of about this many rows (by a hash of the article or entity
id, so rows sharing a key share a slice): memory stays flat however large a batch is."""

_SLICE_KEYS = {"articles": "article_id", "children": "t.article_id", "entities": "entity_id"}
_COUNT_QUERIES = {
    "articles": "SELECT count(*) FROM articles WHERE {articles}",
    "quotes": "SELECT count(*) FROM quotes t WHERE {children}",
    "entities": "SELECT count(*) FROM entities WHERE {entities}",
    "entity_mentions": "SELECT count(*) FROM entity_mentions t WHERE {children}",
    "events": "SELECT count(*) FROM events t WHERE {children}",
    "quarantine": "SELECT count(*) FROM quarantine WHERE {quarantine}",
}

EARLIEST_DATE = datetime.date(1900, 1, 1)
"""No story in a news archive is published before this."""
EARLIEST_EVENT_DATE = datetime.date(1000, 1, 1)
"""Stories recall history ('the union was founded in 1870'); an event date before this is an error."""
PUBLISHED_DATE_SLACK = datetime.timedelta(days=1)
"""A story may carry tomorrow's date when its time zone is ahead of the gate's."""
EVENT_DATE_HORIZON = datetime.timedelta(days=3660)
"""Planned events (elections, summits) may lie up to about ten years ahead."""


@dataclass(frozen=True)
class Vocabularies:
    """The closed code lists the gate checks coded columns against (see transforms.vocabulary)."""

    source_formats: frozenset[str]
    entity_types: frozenset[str]
    attribution_methods: frozenset[str]
    date_bases: frozenset[str]
    quarantine_reasons: frozenset[str]
    event_types: frozenset[str]

    @classmethod
    def from_module(cls, module) -> "Vocabularies":
        """Read the code lists from a module shaped like transforms.vocabulary (passed in, so
        that the warehouse package does not import the transforms)."""
        return cls(
            source_formats=frozenset(module.SOURCE_FORMATS),
            entity_types=frozenset(module.ENTITY_TYPES),
            attribution_methods=frozenset(module.ATTRIBUTION_METHODS),
            date_bases=frozenset(module.DATE_BASES),
            quarantine_reasons=frozenset(module.QUARANTINE_REASONS),
            event_types=frozenset(module.EVENT_TYPES),
        )


@dataclass
class ExpectationOutcome:
    """The result of one expectation on one table."""

    expectation: str
    column: str
    success: bool
    unexpected_count: int
    unexpected_sample: list
    detail: str


@dataclass
class TableValidation:
    """Every expectation's outcome on one table; `success` only when all of them passed."""

    table: str
    row_count: int
    success: bool
    outcomes: list[ExpectationOutcome]

    def summary(self) -> str:
        """Human-readable report: each failed expectation, the offending rows and what to check."""
        failed = [o for o in self.outcomes if not o.success]
        if not failed:
            return (f"{self.table}: passed all {len(self.outcomes)} expectations "
                    f"on {self.row_count} rows.")
        lines = [f"{self.table}: FAILED {len(failed)} of {len(self.outcomes)} expectations "
                 f"on {self.row_count} rows."]
        for o in failed:
            where = f" (column {o.column})" if o.column else ""
            rows = ""
            if o.unexpected_count:
                sample = ", ".join(str(v) for v in o.unexpected_sample)
                rows = f": {o.unexpected_count} row(s) fail, e.g. {sample}"
            lines.append(f"  - {o.expectation}{where}{rows}")
            lines.append(f"    {o.detail}")
        return "\n".join(lines)


TEXT_FIELDS = ("body", "title", "caption")
"""Where a quote or mention was found (`field`); offsets are null outside the body."""

# Parents are deduplicated so that a duplicated parent id cannot multiply the child rows;
# the duplicate itself is reported on the parent table. Only the articles in scope are read:
# the children checked are those of the same articles.
_PARENTS = """
WITH article_texts AS (
    SELECT article_id, arg_min(body, rowid) AS body, arg_min(title, rowid) AS title,
           arg_min(photo_caption, rowid) AS photo_caption
    FROM articles WHERE {articles} GROUP BY article_id
), known_entities AS (
    SELECT entity_id, arg_min(entity_type, rowid) AS entity_type FROM entities GROUP BY entity_id
)
"""

# Dates are checked as day numbers: GX compares datetime columns row by row in Python (about
# 1 s per 100k rows), numbers in one vectorised pass.
_EPOCH = datetime.date(1970, 1, 1)
_DAY_NUMBER = "{} - DATE '1970-01-01'"

# A quote continued over paragraphs stores each paragraph break plus the continuation's
# opening quotation mark as one space.
_PARAGRAPH_BREAK = r"""'\s*\n\s*\n\s*[“"‘'']?'"""

# True when a text is non-empty after trimming whitespace (Unicode spaces too); false for NULL.
_NONBLANK = r"coalesce(regexp_matches({}, '[^\s\pZ]'), false)"


def _span_checks(text_column: str, paragraph_breaks: bool = False,
                 has_field: bool = False) -> str:
    """SQL select items `article_exists`, `offsets_ok` and `span_ok` for child row `t` joined
    to `article_texts b`.

    With `has_field`, a row whose `field` is title or caption must have null offsets and its
    text must occur in that field. A check that cannot be evaluated (no article, bad offsets)
    is NULL, so each row fails only the most basic check that it breaks."""
    offsets = "0 <= t.char_start AND t.char_start < t.char_end AND t.char_end <= length(b.body)"
    span = "substr(b.body, t.char_start + 1, t.char_end - t.char_start)"
    if paragraph_breaks:
        span = f"regexp_replace({span}, {_PARAGRAPH_BREAK}, ' ', 'g')"
    text = f"t.{text_column}"
    outside_body = ""
    if has_field:
        outside_body = f"""
             WHEN t.field = 'title' THEN coalesce(contains(b.title, {text}), false)
             WHEN t.field = 'caption' THEN coalesce(contains(b.photo_caption, {text}), false)"""
    in_body = "coalesce(t.field, 'body') = 'body'" if has_field else "true"
    return f"""
        b.article_id IS NOT NULL AS article_exists,
        CASE WHEN b.article_id IS NULL THEN NULL
             WHEN {in_body} THEN coalesce({offsets}, false)
             ELSE t.char_start IS NULL AND t.char_end IS NULL END AS offsets_ok,
        CASE WHEN b.article_id IS NULL THEN NULL{outside_body}
             WHEN {offsets} THEN coalesce({span} = {text}, false) END AS span_ok"""


_QUERIES: dict[str, str] = {
    "articles": f"""
        SELECT article_id, source_path, source_format, content_sha256, extractor_version,
               {_DAY_NUMBER.format("published_date")} AS published_date_day,
               paragraph_count, word_count,
               {_NONBLANK.format("title")} AS title_nonblank,
               {_NONBLANK.format("body")} AS body_nonblank
        FROM articles WHERE {{articles}} ORDER BY rowid""",
    "quotes": f"""{_PARENTS}
        SELECT t.quote_id, t.attribution_method, t.confidence, t.field,
               {_span_checks("text", paragraph_breaks=True, has_field=True)},
               CASE WHEN t.speaker_entity_id IS NOT NULL THEN e.entity_id IS NOT NULL END
                   AS speaker_exists,
               t.speaker_name IS NOT NULL OR t.speaker_entity_id IS NULL AS speaker_consistent
        FROM quotes t
        LEFT JOIN article_texts b ON b.article_id = t.article_id
        LEFT JOIN known_entities e ON e.entity_id = t.speaker_entity_id
        WHERE {{children}} ORDER BY t.rowid""",
    "entities": f"""
        SELECT entity_id, entity_type, country_code, mention_count,
               {_NONBLANK.format("canonical_name")} AS canonical_name_nonblank,
               first_seen <= last_seen AS seen_order_ok
        FROM entities WHERE {{entities}} ORDER BY rowid""",
    "entity_mentions": f"""{_PARENTS}
        SELECT t.mention_id, t.field, e.entity_id IS NOT NULL AS entity_exists,
               {_span_checks("surface", has_field=True)}
        FROM entity_mentions t
        LEFT JOIN article_texts b ON b.article_id = t.article_id
        LEFT JOIN known_entities e ON e.entity_id = t.entity_id
        WHERE {{children}} ORDER BY t.rowid""",
    "events": f"""{_PARENTS}, participants AS (
            SELECT rowid AS event_row, 'actor' AS role, unnest(actor_entity_ids) AS entity_id
            FROM events
            UNION ALL
            SELECT rowid, 'target', unnest(target_entity_ids) FROM events
        ), unknown_roles AS (
            SELECT event_row, bool_or(role = 'actor') AS bad_actor, bool_or(role = 'target') AS bad_target
            FROM participants p ANTI JOIN known_entities e ON e.entity_id = p.entity_id
            GROUP BY event_row
        )
        SELECT t.event_id, t.event_type, t.date_basis, t.confidence,
               {_DAY_NUMBER.format("t.event_date")} AS event_date_day,
               {_span_checks("sentence")},
               NOT coalesce(u.bad_actor, false) AS actors_exist,
               NOT coalesce(u.bad_target, false) AS targets_exist,
               CASE WHEN t.location_entity_id IS NOT NULL THEN e.entity_id IS NOT NULL END
                   AS location_exists,
               CASE WHEN e.entity_id IS NOT NULL THEN e.entity_type = 'LOCATION' END
                   AS location_is_location
        FROM events t
        LEFT JOIN article_texts b ON b.article_id = t.article_id
        LEFT JOIN known_entities e ON e.entity_id = t.location_entity_id
        LEFT JOIN unknown_roles u ON u.event_row = t.rowid
        WHERE {{children}} ORDER BY t.rowid""",
    "quarantine": f"""
        SELECT source_path, content_sha256, reason,
               {_NONBLANK.format("detail")} AS detail_nonblank
        FROM quarantine WHERE {{quarantine}} ORDER BY rowid""",
}

_EVERYTHING = {"articles": "true", "children": "true", "entities": "true", "quarantine": "true"}


def batch_scope(batch_id: str) -> dict[str, str]:
    """SQL conditions limiting each gated query to the rows one ingest batch wrote: its
    articles and their quotes, mentions and events, the entities they mention, and the
    quarantine rows of its files. The whole table is still the reference for parents."""
    if not re.fullmatch(r"[0-9A-Za-z_-]+", batch_id):
        raise ValueError(f"not a batch id: {batch_id!r}")
    articles = f"SELECT article_id FROM article_sources WHERE batch_id = '{batch_id}'"
    return {
        "articles": f"article_id IN ({articles})",
        "children": f"t.article_id IN ({articles})",
        "entities": f"entity_id IN (SELECT entity_id FROM entity_mentions WHERE article_id IN ({articles}))",
        "quarantine": f"split_part(source_path, '#', 1) IN "
                      f"(SELECT source_path FROM source_files WHERE batch_id = '{batch_id}')",
    }


_KEYS = {
    "articles": "article_id", "quotes": "quote_id", "entities": "entity_id",
    "entity_mentions": "mention_id", "events": "event_id", "quarantine": "source_path",
}
"""The column whose values identify offending rows in `unexpected_sample`."""


class _Check(NamedTuple):
    """One expectation with its report: `column` names the table column(s) behind it."""

    name: str
    column: str
    expectation: Any
    detail: str


def _checks(table: str, vocab: Vocabularies, today: datetime.date) -> list[_Check]:
    """Every expectation on `table`, one of GATED_TABLES."""
    import great_expectations as gx

    E = gx.expectations

    def not_null(column: str, detail: str):
        return _Check(f"{column} not null", column,
                      E.ExpectColumnValuesToNotBeNull(column=column), detail)

    def unique_key(column: str):
        return _Check(f"{column} unique", column, E.ExpectColumnValuesToBeUnique(column=column),
                      f"Several rows share one {column}: ids must be unique, so check that the "
                      f"id is derived from everything that distinguishes two rows.")

    def in_set(column: str, values: frozenset[str], where: str):
        return _Check(f"{column} in vocabulary", column,
                      E.ExpectColumnValuesToBeInSet(column=column, value_set=sorted(values)),
                      f"{column} must be one of {', '.join(sorted(values))}: fix the code that "
                      f"writes it, or add the new code to transforms/vocabulary.py {where}.")

    def matches(name: str, column: str, regex: str, detail: str):
        return _Check(name, column, E.ExpectColumnValuesToMatchRegex(column=column, regex=regex),
                      detail)

    def between(column: str, low, high, detail: str):
        name = f"{column} between {low} and {high}" if high is not None else f"{column} >= {low}"
        return _Check(name, column, E.ExpectColumnValuesToBeBetween(
            column=column, min_value=low, max_value=high), detail)

    def dates_between(column: str, low: datetime.date, high: datetime.date, detail: str):
        return _Check(f"{column} between {low} and {high}", column,
                      E.ExpectColumnValuesToBeBetween(column=f"{column}_day",
                                                      min_value=(low - _EPOCH).days,
                                                      max_value=(high - _EPOCH).days), detail)

    def holds(derived: str, name: str, columns: str, detail: str):
        return _Check(name, columns,
                      E.ExpectColumnValuesToBeInSet(column=derived, value_set=[True]), detail)

    def non_empty(column: str, detail: str):
        return holds(f"{column}_nonblank", f"{column} non-empty", column, detail)

    def exists(derived: str, parent: str, column: str):
        return holds(derived, f"{column} exists in {parent}", column,
                     f"The row's {column} has no row in {parent}: both tables must come from "
                     f"the same run, so check that the {parent} rows were written.")

    def confidence():
        return between("confidence", 0, 1, "confidence is a probability: check the scoring "
                                            "code for a value outside 0 to 1.")

    def span_checks(text: str, paragraph_breaks: bool = False, has_field: bool = False):
        checks = [
            exists("article_exists", "articles", "article_id"),
            holds("offsets_ok", "offsets inside body", "char_start, char_end",
                  "char_start/char_end must satisfy 0 <= char_start < char_end <= len(body)"
                  + (" (and be null when field is title or caption)" if has_field else "")
                  + ": check that offsets count characters, not bytes, and refer to the "
                    "stored body."),
            holds("span_ok", f"span equals {text}", f"char_start, char_end, {text}",
                  "body[char_start:char_end]"
                  + (", with each paragraph break and the continuation's opening mark replaced "
                     "by one space," if paragraph_breaks else "")
                  + f" differs from {text}"
                  + ("; for field title or caption, that field does not contain it"
                     if has_field else "")
                  + ": check that the offsets were computed on the final text (after markup "
                    "removal and whitespace normalisation)."),
        ]
        if has_field:
            checks.insert(0, _Check(
                f"field in {', '.join(TEXT_FIELDS)}", "field",
                E.ExpectColumnValuesToBeInSet(column="field", value_set=list(TEXT_FIELDS)),
                f"field says where the text was found and must be one of "
                f"{', '.join(TEXT_FIELDS)} (null means body): check the extractor."))
        return checks

    if table == "articles":
        return [
            not_null("article_id", "Every article needs an id: check the id derivation."),
            unique_key("article_id"),
            non_empty("title",
                      "The title is blank: the parser should quarantine a story without a "
                      "headline as no_title."),
            non_empty("body",
                      "The body is blank: the parser should quarantine a story without text "
                      "as no_body."),
            not_null("source_path", "Every article must name the raw file it came from."),
            not_null("content_sha256", "Every article must carry the sha256 of its raw bytes."),
            matches("content_sha256 is 64 hex chars", "content_sha256", r"^[0-9a-f]{64}$",
                    "content_sha256 must be a lowercase sha256 hexdigest: check that "
                    "hexdigest(), not digest() or another hash, is stored."),
            not_null("extractor_version", "Every article must record the extractor version "
                                          "that built it."),
            not_null("source_format", "Every article must name the layout it was parsed as."),
            in_set("source_format", vocab.source_formats, "SOURCE_FORMATS"),
            dates_between("published_date", EARLIEST_DATE, today + PUBLISHED_DATE_SLACK,
                    "published_date is before 1900 or in the future: check the dateline "
                    "parser (two-digit years, day/month order)."),
            between("paragraph_count", 1, None,
                    "An article has at least one paragraph: check the paragraph splitter."),
            between("word_count", 1, None,
                    "An article has at least one word: check the word counter."),
        ]
    if table == "quotes":
        return [
            not_null("quote_id", "Every quote needs an id: check the id derivation."),
            unique_key("quote_id"),
            *span_checks("text", paragraph_breaks=True, has_field=True),
            confidence(),
            in_set("attribution_method", vocab.attribution_methods, "ATTRIBUTION_METHODS"),
            exists("speaker_exists", "entities", "speaker_entity_id"),
            holds("speaker_consistent", "speaker_entity_id null when speaker_name null",
                  "speaker_name, speaker_entity_id",
                  "A quote without a speaker_name must not name a speaker entity: check the "
                  "attribution step clears both together."),
        ]
    if table == "entities":
        return [
            not_null("entity_id", "Every entity needs an id: check the id derivation."),
            unique_key("entity_id"),
            non_empty("canonical_name",
                      "An entity has a blank canonical_name: check entity resolution."),
            not_null("entity_type", "Every entity needs an entity_type."),
            in_set("entity_type", vocab.entity_types, "ENTITY_TYPES"),
            matches("country_code is alpha-3", "country_code", r"^[A-Z]{3}$",
                    "country_code must be null or an ISO 3166-1 alpha-3 code such as FRA: "
                    "check the country lookup (alpha-2 or a name may have been stored)."),
            between("mention_count", 1, None,
                    "An entity must be mentioned at least once: check that entities are built "
                    "from the mentions that are published."),
            holds("seen_order_ok", "first_seen <= last_seen", "first_seen, last_seen",
                  "first_seen is after last_seen: check that min and max were not swapped."),
        ]
    if table == "entity_mentions":
        return [
            not_null("mention_id", "Every mention needs an id: check the id derivation."),
            unique_key("mention_id"),
            exists("entity_exists", "entities", "entity_id"),
            *span_checks("surface", has_field=True),
        ]
    if table == "events":
        return [
            not_null("event_id", "Every event needs an id: check the id derivation."),
            unique_key("event_id"),
            not_null("event_type", "Every event needs an event_type."),
            in_set("event_type", vocab.event_types, "EVENT_TYPES"),
            *span_checks("sentence"),
            dates_between("event_date", EARLIEST_EVENT_DATE, today + EVENT_DATE_HORIZON,
                    "event_date is before the year 1000 or more than ten years ahead: check the "
                    "resolution of relative dates against the dateline."),
            in_set("date_basis", vocab.date_bases, "DATE_BASES"),
            holds("actors_exist", "actor ids exist in entities", "actor_entity_ids",
                  "An actor_entity_ids element is missing from entities: check that every "
                  "participant is resolved to a published entity."),
            holds("targets_exist", "target ids exist in entities", "target_entity_ids",
                  "A target_entity_ids element is missing from entities: check that every "
                  "participant is resolved to a published entity."),
            exists("location_exists", "entities", "location_entity_id"),
            holds("location_is_location", "location is a LOCATION", "location_entity_id",
                  "location_entity_id points at an entity whose type is not LOCATION: only "
                  "places may be an event's location, so check the location resolution."),
            confidence(),
        ]
    return [  # quarantine
        not_null("source_path", "Every quarantined file must name its raw path."),
        not_null("content_sha256", "Every quarantined file must carry its sha256."),
        not_null("reason", "Every quarantined file needs a reason code."),
        in_set("reason", vocab.quarantine_reasons, "QUARANTINE_REASONS"),
        non_empty("detail",
                  "A quarantined file needs a detail sentence telling a person what to do."),
    ]


def _batch_definition():
    """A whole-dataframe batch definition in a fresh ephemeral GX context that keeps its stores
    in memory, creates no docs site, sends no analytics and shows no progress bars."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    asset = context.data_sources.add_pandas("staging").add_dataframe_asset("table")
    return asset.add_batch_definition_whole_dataframe("table")


def _sample(result: dict, ids) -> list:
    """Distinct ids (from the pandas Series `ids`) of the first offending rows, at most
    SAMPLE_SIZE. GX reports offending rows by index label; asking it for key columns instead
    (`unexpected_index_column_names`) costs seconds per 100k failing rows."""
    labels = result.get("partial_unexpected_index_list", [])
    return list(dict.fromkeys(ids.loc[labels].tolist()))[:SAMPLE_SIZE]


def _error_message(exception_info: dict) -> str:
    """The first error GX caught while evaluating an expectation, as a sentence, or ''.

    `exception_info` is either flat or keyed by the metric that raised."""
    if "raised_exception" in exception_info:
        if not exception_info["raised_exception"]:
            return ""
        return f"GX could not evaluate this expectation: {exception_info['exception_message']}"
    return next((m for info in exception_info.values() if (m := _error_message(info))), "")


def _validate(con, batch_definition, table: str, vocab: Vocabularies,
              today: datetime.date, scope: dict[str, str]) -> TableValidation:
    """Run `table`'s query, limited to `scope`, on `con` and its suite through `batch_definition`."""
    import great_expectations as gx

    try:
        frame = con.sql(_QUERIES[table].format(**scope)).df()
    except duckdb.Error as exc:
        error = " ".join(str(exc).split())
        outcome = ExpectationOutcome(
            "table readable", "", False, 0, [],
            f"The gate's query on {table} failed ({error}): check that the staging file has "
            f"every gated table with the columns of warehouse/schema.py.")
        return TableValidation(table, 0, False, [outcome])

    checks = _checks(table, vocab, today)
    for number, check in enumerate(checks):
        check.expectation.meta = {"gate_check": number}
    suite = gx.ExpectationSuite(name=table, expectations=[c.expectation for c in checks])
    result = batch_definition.get_batch(batch_parameters={"dataframe": frame}).validate(
        suite,
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5 * SAMPLE_SIZE},
    )
    # GX lists the expectations that raised first, so results are matched back through meta.
    results = sorted(result.results, key=lambda res: res.expectation_config.meta["gate_check"])
    outcomes = [
        ExpectationOutcome(
            expectation=check.name,
            column=check.column,
            success=bool(res.success),
            unexpected_count=int(res.result.get("unexpected_count") or 0),
            unexpected_sample=_sample(res.result, frame[_KEYS[table]]),
            detail=_error_message(res.exception_info or {}) or check.detail,
        )
        for check, res in zip(checks, results, strict=True)
    ]
    return TableValidation(table, len(frame), all(o.success for o in outcomes), outcomes)


def validate_table(db_path: str, table: str, vocab: Vocabularies,
                   today: datetime.date | None = None) -> TableValidation:
    """Validate one gated table of the DuckDB file at `db_path`, opened read-only."""
    return validate_all(db_path, vocab, today, tables=(table,))[table]


def _slices(con, table: str, scope: dict[str, str]) -> list[dict[str, str]]:
    """`scope` cut into slices of about SLICE_ROWS rows of `table` (one slice when small)."""
    try:
        rows = con.execute(_COUNT_QUERIES[table].format(**scope)).fetchone()[0]
    except duckdb.Error:
        return [scope]  # the table's own query reports what is wrong
    n = max(1, -(-rows // SLICE_ROWS))
    if n == 1:
        return [scope]
    return [{k: (f"({v}) AND hash({_SLICE_KEYS[k]}) % {n} = {i}" if k in _SLICE_KEYS else v)
             for k, v in scope.items()} for i in range(n)]


def _combine(parts: list[TableValidation]) -> TableValidation:
    """One table's validation from the validations of its slices."""
    if len(parts) == 1:
        return parts[0]
    outcomes = []
    for same in zip(*(p.outcomes for p in parts), strict=True):
        failed = [o for o in same if not o.success]
        outcomes.append(ExpectationOutcome(
            same[0].expectation, same[0].column, not failed,
            sum(o.unexpected_count for o in same),
            list(dict.fromkeys(x for o in same for x in o.unexpected_sample))[:SAMPLE_SIZE],
            failed[0].detail if failed else same[0].detail))
    return TableValidation(parts[0].table, sum(p.row_count for p in parts),
                           all(o.success for o in outcomes), outcomes)


def validate_all(db_path: str, vocab: Vocabularies, today: datetime.date | None = None,
                 tables: tuple[str, ...] = GATED_TABLES,
                 scope: dict[str, str] | None = None) -> dict[str, TableValidation]:
    """Validate `tables` (all gated tables by default) of the DuckDB file at `db_path`, opened
    read-only, with one GX context. `today` bounds the dates (default: the local date);
    `scope` (see `batch_scope`) limits the rows checked to one batch's (default: every row)."""
    scope = scope or _EVERYTHING
    today = today or datetime.date.today()
    for table in tables:
        if table not in _QUERIES:
            raise ValueError(f"not a gated table: {table!r} (gated: {', '.join(GATED_TABLES)})")
    batch_definition = _batch_definition()
    con = connect_for_build(db_path, read_only=True)
    try:
        return {t: _combine([_validate(con, batch_definition, t, vocab, today, part)
                             for part in _slices(con, t, scope)]) for t in tables}
    finally:
        con.close()
