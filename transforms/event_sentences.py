"""Sentences and direct quotations of a story body, as character spans: the units
`transforms.event_reading` reads events from (see docs/events.md, "How an event is found")."""
from __future__ import annotations

import re
from bisect import bisect_left

# "WASHINGTON, Feb 26 - ", "ABIDJAN, 31 May - ", "22 April 2011 – ": not part of any sentence.
_DATELINE = re.compile(
    r"(?:[A-Z][^\n]{0,60}?,\s+)?(?:[A-Za-z][A-Za-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][A-Za-z]{2,9}(?:\s+\d{4})?)"
    r"\s*[-\u2012\u2013\u2014\u2015\u2212?]+\s*")
_CANDIDATE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"[^\s(\"\u201c\u2018]+$")
_WORD_AFTER = re.compile(r"\s+[\"'\u201c\u2018(\[]?([A-Za-z]+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Abbreviations a sentence never ends on (titles, months, "No. 5").
_NEVER_FINAL = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev hon st mt ft messrs "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig e.g i.e vs approx dept".split())
# Abbreviations that may end a sentence: only when the next word usually starts one.
_MAYBE_FINAL = frozenset("inc corp co ltd jr sr bros".split())
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i in on at but this that these those there his her its their "
    "our after before when while however meanwhile earlier later also some many most".split())


def _is_sentence_end(body: str, match: re.Match) -> bool:
    """Whether the terminator in `match` ends a sentence (abbreviations and initials do not)."""
    if body[match.start()] != ".":
        return True
    before = _WORD_BEFORE.search(body, max(0, match.start() - 30), match.start())
    if before is None:
        return True
    word = before.group().rstrip(".")
    lower = word.lower()
    if lower in _NEVER_FINAL or (len(word) == 1 and word.isupper()):
        return False
    if lower in _MAYBE_FINAL or _DOTTED.fullmatch(word):
        after = _WORD_AFTER.match(body, match.end())
        return after is not None and after.group(1).lower() in _SENTENCE_STARTERS
    return True


def _strip_span(body: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_spans(body: str, positions: list[int] | None = None) -> list[tuple[int, int, int]]:
    """(char_start, char_end, paragraph_index) of each sentence of `body`, in order; the
    dateline at the start of the body belongs to no sentence. Given sorted `positions`, only
    the paragraphs holding one of them are split."""
    spans = []
    para_start = 0
    for index, paragraph in enumerate(body.split("\n\n")):
        para_end = para_start + len(paragraph)
        if positions is not None:
            first = bisect_left(positions, para_start)
            if first == len(positions) or positions[first] >= para_end:
                para_start = para_end + 2
                continue
        pos = para_start
        if index == 0:
            dateline = _DATELINE.match(body, 0, para_end)
            pos = dateline.end() if dateline else 0
        for match in _CANDIDATE_END.finditer(body, pos, para_end):
            if _is_sentence_end(body, match):
                span = _strip_span(body, pos, match.end())
                if span:
                    spans.append((*span, index))
                pos = match.end()
        span = _strip_span(body, pos, para_end)
        if span:
            spans.append((*span, index))
        para_start = para_end + 2
    return spans


_QUOTE_MARK = re.compile(r"[\u201c\u201d\"]|\n\n")


def quotation_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each direct quotation. A straight quote opens when it
    follows a space (else it closes); an opening mark inside an open quotation continues it;
    an unclosed quotation runs to the end of its paragraph."""
    spans, opened = [], None
    for match in _QUOTE_MARK.finditer(body):
        mark, at = match.group(), match.start()
        opening = mark == "\u201c" or (mark == '"' and (at == 0 or body[at - 1] in " \t\n(["))
        if opening:
            if opened is None:
                opened = match.end()
        elif opened is not None:
            spans.append((opened, at))
            opened = None
    if opened is not None:
        spans.append((opened, len(body)))
    return spans
