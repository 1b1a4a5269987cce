"""Find direct quotations in one text field by scanning its quotation marks.

`find_quote_spans(text)` returns the quoted spans of a title, caption or body, each as
`QuoteSpan(start, end, text)`: `start`/`end` are code-point offsets of the first and last-plus-one
character between the marks (whitespace trimmed), and `text` is `text[start:end]` with each
paragraph break plus the continuation's opening mark replaced by one space (the `quotes`
contract). Paragraphs are separated by a blank line ("\\n\\n").

Rules (see shared/gold/GUIDELINES.md):
- double marks (curly or straight) are the quotation marks; single marks count only in a text
  with no double marks, and then apostrophes (don't, the players' union, '90s) are left alone;
- a paragraph that ends inside a quote continues it when the next paragraph opens with a mark,
  otherwise the quote ends with its paragraph (a missing closing mark loses nothing after it);
- an opening mark inside an open quote (`"A. "B."`, a lost paragraph break) closes the first
  quote and opens the next;
- a stray closing mark outside a quote is ignored;
- an unclosed quote whose paragraph ends in a dash and a name (`"Great win - Ann Lee, fan.`)
  ends before the dash.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

OPEN, CLOSE, EITHER = 1, 2, 3

DOUBLE_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
SINGLE_MARKS = re.compile("['\u2018\u2019]")
# A mark that may open a continued paragraph and that the warehouse gate folds into one space.
CONTINUATION_MARKS = frozenset('"\u201c\u2018\'')
# Characters that may stand right before an opening mark or right after a closing one.
_BEFORE_OPEN = frozenset("([{\u2014\u2013-:/")
_AFTER_CLOSE = frozenset(",.;:!?)]}\u2014\u2013-'\"\u2019\u201d")
# Apostrophes written where a straight or right single mark opens a word: '90s, 'em, 'n'.
_ELISION = re.compile(r"'(?:\d0s|em|n|til|cause|tis|twas)\b|\u2019(?:\d0s|em|n|til|cause|tis|twas)\b",
                      re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile("\\s*\\n\\s*\\n\\s*[\u201c\"\u2018']?")
_DASH_TAIL = re.compile(r"\s+[-\u2013\u2014]+\s+(?=[A-Z])[^-\u2013\u2014\"\u201c\u201d]{2,120}$")


class QuoteSpan(NamedTuple):
    start: int
    end: int
    text: str


def _role_double(text: str, i: int) -> int:
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    space_before = before.isspace() or before in _BEFORE_OPEN
    space_after = after.isspace() or after in _AFTER_CLOSE
    if ch in "\u201c\u201e\u00ab":
        return CLOSE if (not space_before and space_after and before not in "\"'") else OPEN
    if ch in "\u201d\u00bb":
        return OPEN if (space_before and not space_after) else CLOSE
    if space_before and not space_after:
        return OPEN
    if space_after and not space_before:
        return CLOSE
    return EITHER


def _role_single(text: str, i: int) -> int | None:
    """Role of a single mark, or None for an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return None  # don't, Secretary-General's
    space_before = before.isspace() or before in _BEFORE_OPEN or before in "\"\u201c"
    space_after = after.isspace() or after in _AFTER_CLOSE
    if space_before and not space_after:
        if ch == "\u2019" or _ELISION.match(text, i):
            return None
        return OPEN
    if space_after and not space_before:
        if before == "s" and after == " " and text[i + 2:i + 3].islower():
            return None  # plural possessive: the players' union
        return CLOSE
    return None


def uses_single_marks(text: str) -> bool:
    """True when single marks are the text's primary quotation marks (no double marks)."""
    return DOUBLE_MARKS.search(text) is None and SINGLE_MARKS.search(text) is not None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """The quoted spans of one field, in order (see the module docstring)."""
    if not text:
        return []
    single = uses_single_marks(text)
    pattern, role_of = (SINGLE_MARKS, _role_single) if single else (DOUBLE_MARKS, _role_double)
    # A stateful scan over the marks in order: whether a mark opens or closes depends on
    # whether a quote is open, which no vectorised expression can carry from mark to mark.
    marks = [(m.start(), role) for m in pattern.finditer(text)
             if (role := role_of(text, m.start())) is not None]
    if not marks:
        return []
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    spans: list[QuoteSpan] = []
    first: int | None = None   # start of the quote being built (its first segment)
    opened: int | None = None  # start of the current segment, when a quote is open
    last_para = 0

    def finish(end: int) -> None:
        nonlocal first
        _add_span(text, spans, first, end)
        first = None

    for pos, role in marks:
        para = bisect_right(para_starts, pos) - 1
        if para != last_para:
            if opened is not None:
                # the quote ran to the end of its paragraph without a closing mark
                para_end = para_starts[last_para + 1]
                tail = _DASH_TAIL.search(text, opened, para_end)
                gap = text[para_starts[para]:pos]
                continues = (tail is None and para == last_para + 1 and not gap.strip()
                             and role != CLOSE and text[pos] in CONTINUATION_MARKS)
                if continues:
                    opened = pos + 1
                    last_para = para
                    continue
                finish(tail.start() if tail else para_end)
                opened = None
            last_para = para
        if opened is None:
            if role != CLOSE:
                first = opened = pos + 1
        elif role == OPEN and text[opened:pos].strip():
            finish(pos)
            first = opened = pos + 1
        elif role == OPEN and opened == first:
            first = opened = pos + 1
        else:
            finish(pos)
            opened = None
    if opened is not None:
        end = para_starts[last_para + 1] if last_para + 1 < len(para_starts) else len(text)
        tail = _DASH_TAIL.search(text, opened, end)
        finish(tail.start() if tail else end)
    return spans


def _add_span(text: str, spans: list[QuoteSpan], start: int | None, end: int) -> None:
    if start is None:
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuoteSpan(start, end, _PARAGRAPH_BREAK.sub(" ", text[start:end])))
