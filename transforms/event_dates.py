"""Resolve the date of an event from its sentence and the story's published date.

`resolve_event_dates(events)` expects the columns sentence (String), trigger (String, as
written in the sentence), trigger_offset (its code-point offset in the sentence),
published_date (Date) and modality (String, see `transforms.event_triggers.MODALITIES`), and
optionally date_window_start and date_window_end (code-point offsets in the sentence: date
expressions outside them are not this event's), and returns the frame with event_date (Date) and date_basis
(String: `explicit`, `relative`, `dateline`, or null when there is no date).

The date expression nearest to the trigger wins: for each rule its first match after the
trigger and its last match before it are located, and the smallest gap in bytes wins (ties go
to the earlier rule in `_rules`); an expression more than MAX_DISTANCE bytes from the trigger
is ignored (it dates something else in the sentence). The rules, all batch polars expressions:

- explicit: "15 March 2011", "March 15, 2011"; "15 March" / "March 15" (year of the published
  date, moved a year back when that lands more than 62 days after the published date, or a year
  forward for a planned event when it lands more than 62 days before it); "March 2011" -> the
  1st of the month; "in June" / "in early June" -> the 1st of the month (year as for "15
  March"); "in 2012" -> 1 January of that year.
- explicit: a year modifying the trigger noun ("the 1984 general election") -> 1 January of
  that year, whatever the other expressions.
- relative: "last December" -> the 1st of the latest December before the published month;
  today / tonight / this morning -> the published date; yesterday -> -1 day;
  tomorrow -> +1 day; "(on) Monday" -> the most recent Monday on or before the published date,
  or the first Monday after it for a planned event or "next Monday"; last week -> -7 days;
  next week -> +7 days; last month / next month -> the 1st of that month; last year / next
  year -> 1 January of that year.
- dateline: no expression -> the published date; none for a planned event or one in the
  perfect or the past perfect ("has rejected", "said it had agreed") or a gerund after
  "after" ("decided after holding talks"): an unstated earlier time; a payment, record or maturity date of a deal ("payable April 15") dates nothing.
Relative expressions and the dateline need a published date: without one they give null.
A date before EARLIEST_EVENT_DATE is left null (with a null basis).
"""
from __future__ import annotations

import datetime
from collections.abc import Callable

import polars as pl

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], start=1)}
_UNITS = "one two three four five six seven eight nine".split()
_DAY_WORDS = {w: i + 1 for i, w in enumerate(
    _UNITS + "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_DAY_WORDS.update({f"twenty {u}": 21 + i for i, u in enumerate(_UNITS)})
_DAY_WORDS.update({"thirty": 30, "thirty one": 31})
_DAY_WORD = ("(?i:" + "|".join(sorted((w.replace(" ", "[- ]") for w in _DAY_WORDS), key=len, reverse=True))
             + ")")
_UNIT_CODES = {"day": "d", "week": "w", "month": "mo", "year": "y"}
_ROLL_DAYS = 62
EARLIEST_EVENT_DATE = datetime.date(1000, 1, 1)
"""Stories recall history ("met on 14 May, 1870"); an earlier 'date' is a misread number."""
UNDATED = datetime.date(1, 1, 1)
"""The 'date' of an expression saying only that the event happened at some earlier time."""
MAX_DISTANCE = 80
"""Bytes between a date expression and the trigger beyond which it is not the event's date."""
_YEAR = r"((?:1[89]|20)\d\d)"
# "the 1984 general election": a year modifying the trigger noun (right before it) dates it to
# the year's first day, whatever other dates the sentence holds.
_YEAR_MODIFIER = rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+{_YEAR}\s+(?:[a-z-]+\s+)?$"
_PERFECT_BEFORE = (r"(?i)\b(?:has|have|had|'ve|'d)\s+(?:(?:already|also|now|just|since|recently|previously|"
                   r"repeatedly|twice|once|been)\s+){0,2}$")
# "decided ... after holding talks with": a gerund after "after" / "since" happened at an
# unstated time before the clause's own event.
_EARLIER_GERUND = r"(?i)\b(?:after|since)\s+$"
_PARTICIPLE_TRIGGER = r"(?i)^(?:[a-z-]+ed|met|fought|held|shot|taken|broke|sent)\b"


def _count(expr: pl.Expr) -> pl.Expr:
    """A count in digits or words ("4", "four", "a") as a string of digits."""
    word = expr.str.to_lowercase().str.replace("-", " ")
    return (pl.when(expr.str.contains(r"^\d+$")).then(expr)
            .when(word.is_in(["a", "an"])).then(pl.lit("1"))
            .otherwise(word.replace_strict(_DAY_WORDS, default=None, return_dtype=pl.Int32).cast(pl.String)))


def _day_number(expr: pl.Expr) -> pl.Expr:
    return expr.str.to_lowercase().str.replace("-", " ").replace_strict(
        _DAY_WORDS, default=None, return_dtype=pl.Int32)


def _month_number(expr: pl.Expr) -> pl.Expr:
    return expr.str.slice(0, 3).str.to_lowercase().replace_strict(_MONTHS, default=None,
                                                                   return_dtype=pl.Int32)


def _make_date(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """A Date from integer parts; null for impossible dates such as 31 February."""
    return pl.format("{}-{}-{}", year, month, day).str.to_date("%Y-%m-%d", strict=False)


def _day_month(month: pl.Expr, day: pl.Expr, published: pl.Expr, planned: pl.Expr) -> pl.Expr:
    """'15 March' in the published date's year, rolled to the neighbouring year when it would
    land implausibly far after (or, for planned events, before) the published date."""
    year = published.dt.year().cast(pl.Int32)
    same_year = _make_date(year, month, day)
    too_late = ~planned & (same_year > published.dt.offset_by(f"{_ROLL_DAYS}d"))
    too_early = planned & (same_year < published.dt.offset_by(f"-{_ROLL_DAYS}d"))
    return (pl.when(too_late).then(_make_date(year - 1, month, day))
            .when(too_early).then(_make_date(year + 1, month, day))
            .otherwise(same_year))


def _last_month_named(month: pl.Expr, published: pl.Expr) -> pl.Expr:
    """'last December': the 1st of the latest such month before the published month."""
    year = published.dt.year().cast(pl.Int32) - (month >= published.dt.month().cast(pl.Int32)).cast(pl.Int32)
    return _make_date(year, month, pl.lit(1))


def _weekday(name: pl.Expr, published: pl.Expr, forward: pl.Expr) -> pl.Expr:
    """The named weekday: the latest one on or before the published date, or the first one
    after it when `forward`."""
    target = name.str.to_lowercase().replace_strict(_WEEKDAYS, default=None, return_dtype=pl.Int32)
    current = published.dt.weekday().cast(pl.Int32)
    back = (current - target + 7) % 7
    ahead = (target - current + 6) % 7 + 1
    days = pl.when(forward).then(ahead).otherwise(-back)
    return published + pl.duration(days=days)


_DATELINE_DAY = (r"^[A-Z][^\n]{0,60}?,\s+(?:" + _MONTH + r"\s+(\d{1,2})|(\d{1,2})\s+" + _MONTH
                 + r")\s*[-\u2012\u2013\u2014\u2015]")
_DATELINE_SLACK_DAYS = 3


def reference_date(body: pl.Expr, published: pl.Expr) -> pl.Expr:
    """The day a story reports from: the day of its dateline ("WASHINGTON, June 18 - ") when
    that is within three days of the published date (wire copy is often published the next
    day), else the published date. "Today" and undated events are dated by it."""
    parts = body.str.slice(0, 100).str.extract_groups(_DATELINE_DAY)
    month = pl.coalesce(parts.struct.field("1"), parts.struct.field("4"))
    day = pl.coalesce(parts.struct.field("2"), parts.struct.field("3"))
    dateline = _make_date(published.dt.year().cast(pl.Int32), _month_number(month),
                          day.cast(pl.Int32, strict=False))
    close = (dateline - published).dt.total_days().abs() <= _DATELINE_SLACK_DAYS
    return pl.when(close).then(dateline).otherwise(published)


Groups = Callable[[int], pl.Expr]
"""The text of a rule's capture group number i (from 1) in the matched expression."""


def _rules(published: pl.Expr, planned: pl.Expr) -> list[tuple[str, str, Callable[[Groups], pl.Expr]]]:
    """(regex, basis, resolver from the regex's groups to a date), most specific first."""
    def number(group: pl.Expr) -> pl.Expr:
        return group.cast(pl.Int32, strict=False)

    def weekday(g: Groups) -> pl.Expr:
        return _weekday(g(2), published, planned | (g(1).str.to_lowercase() == "next"))

    month_start = published.dt.month_start()
    year_start = _make_date(published.dt.year().cast(pl.Int32), pl.lit(1), pl.lit(1))
    return [
        # A date that belongs to a term of the deal, not to the event: "declared a dividend,
        # payable April 15, record April 1", "effective June 1". Nearest, it hides the dates
        # behind it; it resolves to no date, so the event takes the story's date.
        (rf"\b(?:[Pp]ayable|[Pp]ay|[Rr]ecord|[Ee]ffective|[Mm]aturing|[Mm]atures|[Ee]xpir(?:es|ing)|"
         rf"[Dd]ue)\s+(?:on\s+|date\s+|as\s+of\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})",
         "explicit", lambda g: pl.lit(None, dtype=pl.Date)),
        (rf"\b(\d{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b", "explicit",
         lambda g: _make_date(number(g(3)), _month_number(g(2)), number(g(1)))),
        (rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s*{_YEAR}\b", "explicit",
         lambda g: _make_date(number(g(3)), _month_number(g(1)), number(g(2)))),
        (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s|[,;:]|$)", "explicit",
         lambda g: _day_month(_month_number(g(2)), number(g(1)), published, planned)),
        (rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", "explicit",
         lambda g: _day_month(_month_number(g(1)), number(g(2)), published, planned)),
        # A wire's day in words: "on March one", "record April Six".
        (rf"\b{_MONTH}\s+({_DAY_WORD})\b", "explicit",
         lambda g: _day_month(_month_number(g(1)), _day_number(g(2)), published, planned)),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", "explicit",
         lambda g: _make_date(number(g(2)), _month_number(g(1)), pl.lit(1))),
        (rf"\b[Ii]n\s+{_YEAR}\b", "explicit", lambda g: _make_date(number(g(1)), pl.lit(1), pl.lit(1))),
        # "in June", "in early March": the 1st of that month (year as for "15 March").
        (rf"\b[Ii]n\s+(?:early\s+|late\s+|mid-)?{_MONTH}(?:\s+[^\d\s]|[,.;:]|$)", "explicit",
         lambda g: _day_month(_month_number(g(1)), pl.lit(1), published, planned)),
        # "last December": the 1st of the latest such month before the published month.
        (rf"\b[Ll]ast\s+(?:{_MONTH}|((?:january|february|april|june|july|august|september|october|"
         rf"november|december)))(?:['\u2019]s\b|\s|[,.;:]|$)", "relative",
         lambda g: _last_month_named(_month_number(pl.coalesce(g(1), g(2))), published)),
        (r"\b(?:[Tt]oday|[Tt]onight|this (?:morning|afternoon|evening))\b", "relative", lambda g: published),
        # A clock time without a day: "scheduled to meet around 1500 GMT" is today.
        (r"\b(?:at|around|about|after|before|by|from)\s+\d{3,4}\s+(?:GMT|gmt|local|hrs|hours|EST|EDT)\b",
         "relative", lambda g: published),
        (r"\b[Yy]esterday\b", "relative", lambda g: published.dt.offset_by("-1d")),
        (r"\b[Tt]omorrow\b", "relative", lambda g: published.dt.offset_by("1d")),
        (r"\b(?:(on|last|this|next|On|Last|This|Next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|"
         r"Saturday|Sunday)\b", "relative", weekday),
        (r"\b(?:(?:late |early )?[Ll]ast night|[Oo]vernight)\b", "relative",
         lambda g: published.dt.offset_by("-1d")),
        # "last weekend": the Saturday of the weekend before the published date's (said on a
        # Sunday or a Saturday, the one before).
        (r"\b[Ll]ast weekend\b", "relative",
         lambda g: _weekday(pl.lit("saturday"), published.dt.offset_by("-2d"), pl.lit(False))),
        # "at the weekend", "this weekend": the Saturday just gone, or the coming one for a
        # planned event.
        (r"\b(?:[Tt]his|[Aa]t the|[Oo]ver the) weekend\b", "relative",
         lambda g: _weekday(pl.lit("saturday"), pl.when(planned).then(published)
                            .otherwise(published.dt.offset_by("-1d")), planned)),
        # An unstated earlier time: no date (UNDATED is below EARLIEST_EVENT_DATE, so the
        # event keeps a null date and basis instead of the published date).
        (r"\b(?:(?:[Ee]arlier )?[Tt]his (?:week|month|year)|[Rr]ecently|[Pp]reviously|"
         r"[Ii]n recent (?:days|weeks|months|years))\b", "relative", lambda g: pl.lit(UNDATED)),
        # "four months ago", "two weeks ago", "a year ago": that far back.
        (rf"\b(\d{{1,2}}|{_DAY_WORD}|an?)\s+(day|week|month|year)s?\s+ago\b", "relative",
         lambda g: published.dt.offset_by(pl.format("-{}{}", _count(g(1)), g(2).str.to_lowercase()
                                                    .replace_strict(_UNIT_CODES, default=None)))),
        (r"\b[Ll]ast week\b", "relative", lambda g: published.dt.offset_by("-7d")),
        (r"\b[Nn]ext week\b", "relative", lambda g: published.dt.offset_by("7d")),
        (r"\b[Ll]ast month\b", "relative", lambda g: month_start.dt.offset_by("-1mo")),
        (r"\b[Nn]ext month\b", "relative", lambda g: month_start.dt.offset_by("1mo")),
        (r"\b[Ll]ast year\b", "relative", lambda g: year_start.dt.offset_by("-1y")),
        (r"\b[Nn]ext year\b", "relative", lambda g: year_start.dt.offset_by("1y")),
    ]


def _match_columns(rules: list[tuple[str, str, Callable[[Groups], pl.Expr]]], before: pl.Expr,
                   after: pl.Expr) -> list[pl.Expr]:
    """For each rule, its first match after the trigger and its last match before it (found
    behind a greedy prefix), each as one struct of capture groups (`_after{i}` and
    `_before{i}`: one regex run per rule and side), plus `_after_at{i}`, the byte offset of
    the first match after the trigger."""
    columns = []
    for i, (regex, _, _) in enumerate(rules):
        columns += [after.str.find(regex).cast(pl.Int64).alias(f"_after_at{i}"),
                    after.str.extract_groups(f"({regex})").alias(f"_after{i}"),
                    before.str.extract_groups(rf"(?s)^(.*)({regex})").alias(f"_before{i}")]
    return columns


def _candidates(i: int, resolve: Callable[[Groups], pl.Expr]) -> list[tuple[pl.Expr, pl.Expr]]:
    """(gap in bytes to the trigger, date) of rule i's nearest match after the trigger and
    before it, from the columns of `_match_columns`."""
    after, behind = pl.col(f"_after{i}"), pl.col(f"_before{i}")
    after_date = resolve(lambda g: after.struct.field(str(g + 1)))
    before_gap = (pl.col("_before_text").str.len_bytes() - behind.struct.field("1").str.len_bytes()
                  - behind.struct.field("2").str.len_bytes()).cast(pl.Int64)
    before_date = resolve(lambda g: behind.struct.field(str(g + 2)))
    return [(pl.col(f"_after_at{i}"), after_date), (before_gap, before_date)]


def _found_dates(frame: pl.DataFrame) -> pl.DataFrame:
    """`_found_date` and `_found_basis` of the nearest date expression, for a frame with
    `_before_text` and `_after_text` (the sentence before and after the trigger)."""
    published = pl.col("published_date")
    planned = pl.col("modality") == "planned"
    rules = _rules(published, planned)
    before, after = pl.col("_before_text"), pl.col("_after_text")
    matched = frame.with_columns(_match_columns(rules, before, after))
    candidates = [(gap, date, basis)
                  for i, (_, basis, resolve) in enumerate(rules)
                  for gap, date in _candidates(i, resolve)]
    gaps = [f"_gap{i}" for i in range(len(candidates))]
    dates = [f"_date{i}" for i in range(len(candidates))]
    matched = matched.with_columns(
        [pl.when(gap <= MAX_DISTANCE).then(gap).alias(name) for (gap, _, _), name in zip(candidates, gaps)]
        + [date.alias(name) for (_, date, _), name in zip(candidates, dates)])
    nearest = pl.min_horizontal(gaps)
    chosen = [(pl.col(gap) == nearest) & pl.col(date).is_not_null() for gap, date in zip(gaps, dates)]
    modifier = _make_date(before.str.extract(_YEAR_MODIFIER, 1).cast(pl.Int32, strict=False),
                          pl.lit(1), pl.lit(1))
    return matched.select(
        "_row",
        _found_date=pl.coalesce([modifier] + [pl.when(c).then(pl.col(d)) for c, d in zip(chosen, dates)]),
        _found_basis=pl.when(modifier.is_not_null()).then(pl.lit("explicit")).otherwise(
            pl.coalesce([pl.when(c).then(pl.lit(basis)) for c, (_, _, basis) in zip(chosen, candidates)])))


def resolve_event_dates(events: pl.DataFrame) -> pl.DataFrame:
    """Add event_date and date_basis (see the module docstring for the rules).

    Only the events whose sentence holds a match of some rule (one fast scan with all the
    rules combined, no captures: about a third of the events of a news corpus) run the rules
    one by one; the others have no date expression."""
    sentence, published = pl.col("sentence"), pl.col("published_date")
    planned = pl.col("modality") == "planned"
    trigger_end = pl.col("trigger_offset") + pl.col("trigger").str.len_chars()
    after = sentence.str.slice(trigger_end)
    if "date_window_end" in events.columns:
        # A date after the next trigger of the sentence dates that one ("urged her to call
        # elections due in June 1988": June 1988 is the election's, not the appeal's).
        after = (sentence.str.slice(trigger_end, (pl.col("date_window_end") - trigger_end).clip(0))
                 .str.strip_chars_end())
    before = sentence.str.slice(0, pl.col("trigger_offset"))
    if "date_window_start" in events.columns:
        # A date before the last clause break, or in a statement's content before the
        # speaker, is not this event's.
        before = sentence.str.slice(pl.col("date_window_start"),
                                    (pl.col("trigger_offset") - pl.col("date_window_start")).clip(0))
    texts = events.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"), "published_date", "modality",
        before.alias("_before_text"), after.alias("_after_text"))
    any_rule = "|".join(f"(?:{regex})" for regex in [_YEAR_MODIFIER] + [r for r, _, _ in _rules(published, planned)])
    has_date = texts.filter(pl.col("_before_text").str.contains(any_rule)
                            | pl.col("_after_text").str.contains(any_rule))
    found = texts.select("_row").join(_found_dates(has_date), on="_row", how="left",
                                      maintain_order="left")
    found_date, found_basis = pl.col("_found_date"), pl.col("_found_basis")
    # No date expression: the story's date for a reported happening; none for a planned
    # one ("will visit Accra" says nothing of when) or one in the perfect ("has rejected",
    # "have already announced": at an unstated earlier time).
    before = sentence.str.slice(0, pl.col("trigger_offset"))
    perfect = ((before.str.contains(_PERFECT_BEFORE) & pl.col("trigger").str.contains(_PARTICIPLE_TRIGGER))
               | before.str.contains(_EARLIER_GERUND))
    undated = found_date.is_null() & (planned | perfect)
    basis = (pl.when(found_date.is_not_null()).then(found_basis)
             .when(published.is_not_null() & ~undated).then(pl.lit("dateline")))
    event_date = pl.coalesce(found_date, pl.when(~undated).then(published))
    in_range = event_date >= pl.lit(EARLIEST_EVENT_DATE)
    return (events.with_columns(found["_found_date"], found["_found_basis"])
            .with_columns(event_date=pl.when(in_range).then(event_date),
                          date_basis=pl.when(in_range).then(basis))
            .drop("_found_date", "_found_basis"))
