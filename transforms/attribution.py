"""Who said each quote: attribution patterns around the quote, resolved to full names.

`attribute_quotes(text, spans, index)` takes one field's text, its quote spans (from
`transforms.quote_marks`) and the article's `NameIndex`, and returns one `Attribution` per span:
speaker (full name or None), the mention as written, the cue verb, the method (a code of
`transforms.vocabulary.ATTRIBUTION_METHODS`) and a confidence.

Order of evidence for a quote:
1. after it, in its sentence: `"...," said Mr Ban` / `"...," Mr Ban said` / `"..." - Ann Lee`
   / `"...," he added` / `"...," the agency said` / `quoted X as saying` / `according to X`;
2. before it, in its sentence: `Mr Ban said: "..."` / `He said, "..."` and quotes woven into a
   reporting clause (`Ban said he lamented the "fires still burning"`);
3. none: the speaker of the sentence just before it (`Ann Lee said she was pleased. "..."`),
   a pull quote followed by a paragraph holding only a name, else the previous quote's speaker
   when the quote continues it (same paragraph, or the first quote of the next paragraph).
Pronouns (he/she) go to the most recent person who spoke or was the subject of a reporting
verb (a name that is merely the subject of another verb counts only within the paragraph, or
when it opens a sentence written since the last quote and the story marks it as a person);
after an unnamed speaker ("said the foreign economist", "An Iraqi commander said") "he" stays
unnamed. "it" and "the firm/agency/company" go to the most recent organisation; "the
American", "the winner" to the person written about since the last quote, else the previous
quote's speaker; "his son" to the previous quote's speaker; "a spokesman", "critics", "they"
stay unnamed (None), but a spokesman, statement, report or web site of a named organisation
("a Cosla spokesman", "a statement from Acme", "the statement added" after "Acme issued a
statement") speaks for it. Nationality words are never names. A finite verb after a comma
takes the name before the apposition ("Ann Lee, director of X, wrote"); a name inside an
introductory phrase ("In a Nature editorial, ...") or after a preposition is no subject.
A quote with no attribution at all takes the speaker of the quote right after it.
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from typing import NamedTuple

from transforms.attribution_names import (ABBREVIATIONS, ORG_NOUNS, STOPWORDS, NameIndex,
                                          name_runs)
from transforms.quote_marks import QuoteSpan

# Reporting verbs by base form; `_inflect` adds -s, -ed and -ing forms, `_IRREGULAR` the
# others. Every inflection is a cue ("they write", "she wrote", "writing"), except bare base
# forms that are far more often nouns ("a report", "the claim") and -ing forms of verbs of
# opinion ("his thinking").
REPORTING_VERBS = """say add stress note tell warn urge explain ask insist emphasize emphasise
declare announce state argue claim continue comment remark reply respond write observe
acknowledge admit concede confirm agree predict suggest recall report reveal counter conclude
underline underscore highlight affirm reiterate caution complain lament describe call quote
praise criticise criticize accuse promise pledge vow joke exclaim question maintain contend
assure proclaim tweet post believe think hope cite""".split()
_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"),
              "think": ("thought",)}
_NOUN_LIKE = frozenset("""stress note state claim comment remark reply report counter call quote
praise promise vow joke question post hope caution pledge recall""".split())
_DOUBLING = frozenset({"admit"})
_OPINION = frozenset({"believe", "think", "hope", "question", "post", "call", "praise", "promise",
                      "report", "quote", "state"})


def _inflect(base: str) -> set[str]:
    if base.endswith("y") and base[-2] not in "aeiou":
        forms = {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    else:
        double = base[-1] if base in _DOUBLING else ""
        stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base + double
        plural = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
        forms = {plural, stem + "ed" if not base.endswith("e") else base + "d", stem + "ing"}
    if base in _IRREGULAR:
        forms = {f for f in forms if not f.endswith("ed")} | set(_IRREGULAR[base])
    if base in _OPINION:
        forms = {f for f in forms if not f.endswith("ing")}
    if base not in _NOUN_LIKE:
        forms.add(base)
    return forms


CUE_VERBS = frozenset().union(*(_inflect(b) for b in REPORTING_VERBS)) | {"quoted", "quoting",
                                                                            "saying"}
_CUE = r"(?:" + "|".join(sorted(CUE_VERBS, key=len, reverse=True)) + r")"
AUXILIARIES = frozenset("is was are were has had have will would could can may might should "
                        "must does did do".split())
ADVERBS = frozenset("""also today yesterday later then earlier recently previously once again
further now still had has have repeatedly simply just always never often quickly separately
publicly privately yet already""".split())
_ADVERB = rf"(?:(?:{'|'.join(sorted(ADVERBS))}|[a-z]+ly)\s+)"
PREPOSITIONS = frozenset("""of at from in with for on by to about into over under after before
during against between among without within via than like as near outside inside quoted
who which whose when where while because that said""".split())
# Lower-case words after a name that do not make it a verb's subject ("Ann Lee and ...").
FUNCTION_WORDS = PREPOSITIONS | frozenset("""and or nor but the a an this that these those
its his her their our my your not no so then than also who whom whose what said""".split())
PERSON_PRONOUNS = frozenset({"he", "she"})
UNNAMED_PRONOUNS = frozenset({"they", "we", "i", "you", "one", "someone", "somebody"})
UNNAMED_NOUNS = frozenset("""spokesman spokeswoman spokesperson spokesmen official officials source
sources analyst analysts critics critic observers experts expert economists economist dealers
traders insiders diplomats residents witnesses witness people report reports statement
statements study survey document letter website site paper poll researchers scientists
investors executives aides aide doctors police someone fans fan readers reader authors
organisers organizers""".split())
INDEFINITE = frozenset({"a", "an", "one", "some", "several", "many", "two", "three", "most",
                        "another", "other", "others", "few"})
DETERMINERS = frozenset({"the", "his", "her", "its", "their"})

_SENTENCE_END = re.compile(r"[.!?](?=[\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]*[A-Z0-9])")
_WORD = re.compile(r"[\w'\u2019\-\.]+")
_RIGHT_DASH = re.compile(r"\s*[-\u2013\u2014]+\s+(?=[A-Z])")
_RIGHT_VERB_FIRST = re.compile(rf"\s*,?\s*({_CUE})\s+(?!that\b)", re.IGNORECASE)
_RIGHT_SUBJECT_FIRST = re.compile(
    rf"\s*,?\s*([^\s;:!?\"\u201c\u201d]+(?:\s+[^\s;:!?\"\u201c\u201d]+){{0,13}}?)\s+"
    rf"{_ADVERB}*({_CUE})\b")
_QUOTED_AS = re.compile(r"quot(?:ed|ing)\s+(.{1,80}?)\s+as\s+saying", re.IGNORECASE)
_ACCORDING = re.compile(r"\s*,?\s*according\s+to\s+", re.IGNORECASE)
_CUE_IN = re.compile(rf"\b({_CUE})\b")
_VERBISH = re.compile(rf"(?:{_CUE}|{'|'.join(AUXILIARIES)}|[a-z]{{2,}}(?:ed|[^s\W]s))$")
# A name's verb, after an apposition between commas or a capitalised "of/at/from" phrase
# ("Nick Lee of Acme Bank described ...").
_SUBJECT_EVENT = re.compile(
    rf"\s*(?:,[^,.;:!?\"\u201c\u201d]{{1,160}},\s*|(?:of|at|from)\s+(?:the\s+)?"
    rf"[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){{0,4}}\s+)?,?\s*({_ADVERB})?([a-z]+)\b")
# Verbs that put their speaker after them ("said Mr Ban"); "told X", "urged X" take objects.
_INVERTED_EVENT = re.compile(r"\b(?:said|says|added|adds|explained|insisted|stressed|noted|"
                             r"continued|wrote|argued|declared|replied|commented|remarked|"
                             r"concluded|observed|admitted|agreed|claimed)\s+$")
_NOUN_PHRASE_END = re.compile(r"(?:^|\s)((?:the|a|an|its|his|her|their)\s+(?:[\w\-]+\s+){0,3}"
                              r"[\w\-]+)\s*$", re.IGNORECASE)
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:afterwards|later|yesterday|today|tonight|recently|"
                               r"again|too|also|then|now|earlier|[a-z]{3,}ly))+$")
_PERSON_APPOSITION = re.compile(r",\s+(?:who\b|\d{1,3},|(?:a|an|the)\s+(?:[a-z\-]+\s+)?[a-z\-]+"
                                r"(?:er|or|ist|ian|man|woman|ant|ent)\b)")
_PRE_WORD = re.compile(r"\b([a-z]+)\s+$")
_STRICT_PREPOSITIONS = frozenset("""of at from in with for on by to about into over under during
against between among without within via near""".split())
# After the speaker of an inverted verb ("said Mr Ban."): the sentence or clause ends, or an
# adjunct follows; not a verb ("said Mr Ban had left": Ban is a clause's subject).
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?)\"\u201d\u2019\-\u2013\u2014(]|$|"
                           r"(?:on|in|at|after|before|"
                           r"when|as|during|yesterday|today|tonight|later|afterwards|who|whose|"
                           r"adding|and|from|to|of|for|with)\b)")
_LATER_VERB = re.compile(r"(?<![\w\-'])([a-z]{2,}(?:ed|[^s\W]s)|" + "|".join(
    sorted(set(["said", "told", "wrote", "spoke", "thought", "was", "is", "has", "had"]),
           key=len, reverse=True)) + r")\b")
_INDEFINITE_START = re.compile(r"(?:An?|Another|One)\s+((?:[\w\-']+\s+){1,6})")
_COMMON_PAST = frozenset("spoke was were had went gave made took came saw left".split())
PERSON_NOUNS = frozenset("""man woman boy girl soldier official spokesman spokeswoman
spokesperson source witness resident diplomat analyst doctor nurse policeman policewoman
guard student fan aide lawyer executive engineer expert economist survivor victim mother
father son daughter wife husband colleague friend neighbour neighbor pilot passenger
tourist veteran activist employee""".split())
_ROLE_NOUNS = frozenset("""champion captain chief boss coach star veteran winner pair duo
head""".split())
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman")
# Reporting verbs whose passive keeps the speaker as subject ("was quoted as saying").
_ACTIVE_PASSIVES = frozenset({"quoted", "reported", "asked", "heard", "recorded"})
# Nouns through which an organisation speaks ("a Cosla spokesman", "the statement added").
_VOICE = re.compile(r"\b(spokes(?:man|woman|person|men|women|people)|statement|report|"
                    r"web ?site|press release|communiqu[e\u00e9]|announcement|blog|bulletin)\b",
                    re.IGNORECASE)
_VOICE_OF = re.compile(r"\s*(?:for|of|from|by|at|on behalf of|issued by|released by|"
                       r"posted on|published by)\s+(?:the\s+)?", re.IGNORECASE)
_VOICE_SUBJECT = re.compile(
    r"[\s\"'\u201d\u2019)]*(?:(?:But|And|However|Meanwhile|Yet|Now),?\s+)?((?:[Aa]n?|[Tt]he)\s+(?:[\w.&'\-]+\s+){0,4}?"
    r"spokes(?:man|woman|person)(?:\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w.&'\-]*"
    r"(?:\s+[A-Z][\w.&'\-]*){0,4})?)\s*,?\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|whereas)\s+|;\s+")


class Attribution(NamedTuple):
    speaker: str | None
    mention: str | None
    cue_verb: str | None
    method: str
    confidence: float


class _Speaker(NamedTuple):
    name: str | None
    mention: str
    method: str
    is_org: bool


class _Event(NamedTuple):
    """A name that spoke or was a subject at `pos`; `strong` when of a reporting verb."""
    pos: int
    name: str
    kind: str
    strong: bool


_NONE = Attribution(None, None, None, "none", 0.5)


class _Field:
    """One field's text with its paragraphs, sentences, name runs and subject events."""

    def __init__(self, text: str, spans: list[QuoteSpan], index: NameIndex):
        self.text = text
        self.spans = spans
        self.index = index
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)
                                      if not self._is_abbreviation(m.start())]
        starts = [s.start for s in spans]
        self.span_starts = starts
        self.runs = [r for r in index.runs(text) if r.name and not index.is_common(r.name)
                     and not self._in_quote(r.start, starts)]
        self.events: list[_Event] = []
        self.prev_end = 0  # end of the quote attributed last
        self.genders: dict[str, str] = {}
        sentence_starts = set(self.sentence_starts) | set(self.para_starts)
        for run in self.runs:
            if run.possessive:
                continue
            pre = _PRE_WORD.search(text, max(0, run.start - 20), run.start)
            if pre and (pre.group(1) in _STRICT_PREPOSITIONS or re.search(
                    r"\bsuch\s+as\s+$", text[max(0, run.start - 12):run.start])):
                continue  # "his work with Tods Murray did not", "partner of Acme said"
            m = _SUBJECT_EVENT.match(text, run.end)
            verb = m.group(2) if m and (_VERBISH.match(m.group(2)) or (
                self._opens_sentence(run) and m.group(2) not in FUNCTION_WORDS
                and not text.startswith(",", run.end)
                and not _bare_first(run, text)
                and not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]))) else None
            if m and verb is None and m.group(1) and m.group(1).split()[0] in AUXILIARIES:
                verb = m.group(1).split()[0]  # "Robben had an MRI scan"
            inverted = verb is None and _INVERTED_EVENT.search(text, max(0, run.start - 16),
                                                                run.start) and (
                text[run.end - 1] == "." or _INVERTED_END.match(text, run.end))
            if not verb and not inverted and self._opens_sentence(run) and (
                    len(run.name) > 1 or run.titles) and text.startswith(",", run.end):
                # "Dr Ann Lee, associate director of the X Centre, Youth and Media moved"
                m = _LATER_VERB.search(text, run.end, self._sentence_end(run.start))
                verb = m.group(1) if m else None
            if verb or inverted:
                name = index.resolve(run.name)
                if gender := index.gender(run.name):
                    self.genders.setdefault(" ".join(name), gender)
                strong = bool(inverted) or verb in CUE_VERBS or (
                    verb in AUXILIARIES and self._reporting_after(m.end(), verb))
                self.events.append(_Event(run.start, " ".join(name), index.kind(name), strong))
        for start in sorted(sentence_starts):
            if voice := self._voice_subject(start):
                # "But a spokesman for the Home Office defended it. He said: ...": he is the
                # office's voice
                self.events.append(voice)
                continue
            verb = _unnamed_subject_verb(text, start)
            if verb:
                # "An Iraqi field commander said": an unnamed person speaks ("he" is nobody)
                self.events.append(_Event(start, "", "person", verb in CUE_VERBS))
        self.events.sort()

    def _voice_subject(self, start: int) -> _Event | None:
        """A sentence whose subject is the spokesman of a named organisation: an event for
        the organisation (kind "voice": "he" can take it as it takes a person)."""
        m = _VOICE_SUBJECT.match(self.text, start)
        if not m or not (m.group(2) in _COMMON_PAST or _VERBISH.match(m.group(2))):
            return None
        speaker = _voice(self, m.group(1), start)
        if speaker is None or not speaker.name:
            return None
        return _Event(m.start(1), speaker.name, "voice", m.group(2) in CUE_VERBS)

    def _opens_sentence(self, run) -> bool:
        start = self.sentence_start(run.start)
        return not self.text[start:run.start].strip() and not _bare_first(run, self.text)

    def _sentence_end(self, pos: int) -> int:
        i = bisect_right(self.sentence_starts, pos)
        end = self.sentence_starts[i] if i < len(self.sentence_starts) else len(self.text)
        return min(end, self.paragraph_end(pos))

    def _reporting_after(self, pos: int, auxiliary: str) -> bool:
        """"was quoted as saying", "has said", "had told": an auxiliary before a reporting verb
        (passives of verbs whose subject is the listener, "was told", do not count)."""
        m = re.match(r"\s+(?:not\s+|also\s+|[a-z]+ly\s+)?([a-z]+)", self.text[pos:pos + 40])
        if not m or m.group(1) not in CUE_VERBS:
            return False
        return auxiliary in ("has", "had", "have") or m.group(1) in _ACTIVE_PASSIVES

    def _in_quote(self, pos: int, starts: list[int]) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < self.spans[i].end

    def _is_abbreviation(self, dot: int) -> bool:
        word = re.search(r"([\w.]+)$", self.text[max(0, dot - 12):dot])
        if not word:
            return False
        w = word.group(1)
        return w.lower() in ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", w))

    def add_speaker(self, pos: int, name: str, is_org_speaker: bool) -> None:
        insort(self.events, _Event(pos, name, "org" if is_org_speaker else "unknown", True))

    def next_span_start(self, pos: int) -> int | None:
        """Start of the first quote span opening after `pos`."""
        i = bisect_right(self.span_starts, pos)
        return self.span_starts[i] if i < len(self.span_starts) else None

    def next_sentence_start(self, pos: int) -> int:
        """Start of the first sentence after `pos` (the text's end when there is none)."""
        i = bisect_right(self.sentence_starts, pos)
        return self.sentence_starts[i] if i < len(self.sentence_starts) else len(self.text)

    def paragraph_of(self, pos: int) -> int:
        return bisect_right(self.para_starts, pos) - 1

    def paragraph_end(self, pos: int) -> int:
        i = self.paragraph_of(pos) + 1
        return self.para_starts[i] if i < len(self.para_starts) else len(self.text)

    def sentence_start(self, pos: int) -> int:
        start = self.sentence_starts[bisect_right(self.sentence_starts, pos) - 1]
        return max(start, self.para_starts[self.paragraph_of(pos)])

    def last_person(self, before: int, pronoun: str | None = None) -> str | None:
        """The most recent speaker or reporting-verb subject before `before` that is not an
        organisation (nor of the other gender than `pronoun`, when known); a subject of
        another verb wins only inside the same paragraph."""
        para = self.paragraph_of(before)
        strong = weak = None
        for event in reversed(self.events):
            if event.pos >= before or event.kind == "org":
                continue
            known = self.genders.get(event.name)
            if pronoun and known and known != pronoun:
                continue
            if event.strong:
                strong = event
                break
            weak = weak or event
        if weak:
            weak = self._main_subject(weak, pronoun)
        if weak and self.paragraph_of(weak.pos) == para and (
                strong is None or self.paragraph_of(strong.pos) != para
                or weak.pos >= self.prev_end and self.sentence_start(weak.pos) > strong.pos
                and self._person_like(weak)):
            # a subject written about since the last quote ("Lee was at a loss. "...," he said")
            return weak.name or None
        return (strong or weak).name or None if (strong or weak) else None

    def _main_subject(self, event: _Event, pronoun: str | None) -> _Event:
        """The subject opening `event`'s sentence when `event` is a later subject in it ("Ann
        Lee echoed criticism of the way Mr Ban introduced the rules. "...," he said": Lee)."""
        start = self.sentence_start(event.pos)
        for other in self.events:
            if other.pos >= event.pos:
                break
            if other.pos < start or not other.name or other.kind == "org":
                continue
            known = self.genders.get(other.name)
            if pronoun and known and known != pronoun:
                continue
            lead = re.findall(r"\b[a-z]+\b", self.text[start:other.pos])
            if not any(w in FUNCTION_WORDS or _VERBISH.match(w) for w in lead):
                return other
        return event

    def _person_like(self, event: _Event) -> bool:
        """A main-clause subject the story marks as a person: a title or honorific, an age or
        relative clause after it ("Lee, 21,", "Lee, who..."), or an earlier turn as a
        speaker."""
        lead = self.text[self.sentence_start(event.pos):event.pos]
        if any(w in PERSON_PRONOUNS or w in ("it", "they") or _VERBISH.match(w)
               for w in re.findall(r"\b[a-z]+\b", lead)):
            return False  # "He said that ... Mr Houston may be interviewed": not the subject
        if event.kind in ("person", "voice") or event.name in self.genders:
            return True
        if any(e.strong and e.name == event.name for e in self.events if e.pos < event.pos):
            return True
        return any(r.name and " ".join(self.index.resolve(r.name)) == event.name
                   and _PERSON_APPOSITION.match(self.text, r.end) for r in self.runs)

    def recent_subject(self, before: int) -> str | None:
        """The last named person subject between the previous quote and `before` ("Roddick
        lost. "...," said the American")."""
        return next((e.name for e in reversed(self.events) if self.prev_end <= e.pos < before
                     and e.name and e.kind != "org"), None)

    def last_org(self, before: int) -> str | None:
        """The most recent organisation subject before `before`, else the most recent name
        introduced as one ("the brewer Acme"), else an unknown one-word reporting subject."""
        fallback = None
        for event in reversed(self.events):
            if event.pos >= before:
                continue
            if event.kind == "org" and event.name:
                return event.name
            if (fallback is None and event.kind == "unknown" and event.strong
                    and " " not in event.name):
                fallback = event.name
        introduced = (r for r in reversed(self.runs)
                      if r.start < before and r.name in self.index.org_like)
        run = next(introduced, None)
        return " ".join(self.index.resolve(run.name)) if run else fallback


def _bare_first(run, text: str) -> bool:
    """True when the run's first word is a stopword ("In London", "But Smith")."""
    first = re.match(r"[\w']+", text[run.start:])
    return bool(first) and first.group().lower() in STOPWORDS


def _unnamed_subject_verb(text: str, start: int) -> str | None:
    """The verb of a sentence whose subject is an unnamed person ("A police officer said"),
    else None: an indefinite article, up to four modifiers, a person noun, a verb."""
    m = _INDEFINITE_START.match(text, start)
    if not m:
        return None
    words = m.group(1).split()
    head = words[0].lower()
    for word in words[1:]:
        if word.lower() in FUNCTION_WORDS or not word.isalpha():
            return None
        if word.islower() and word.endswith("ly"):
            continue
        if word.islower() and (word in _COMMON_PAST or _VERBISH.match(word)):
            if head in PERSON_NOUNS or head.endswith(_PERSON_ENDINGS):
                return word
            return None
        head = word.lower()
    return None


def _phrase_chunks(phrase: str) -> list[str]:
    return [c.strip() for c in re.split(r",|\(|\)|\s[-\u2013\u2014]\s", phrase) if c.strip()]


def _cut_at_preposition(chunk: str) -> str:
    words = chunk.split()
    for i, w in enumerate(words):
        if i > 0 and w.lower() in PREPOSITIONS:
            return " ".join(words[:i])
    return chunk


def _interpret(field: _Field, phrase: str, at: int, previous: str | None) -> _Speaker | None:
    """The speaker a phrase such as "Mr Ban", "he", "the agency", "Ann Lee, a fan" names."""
    chunks = _phrase_chunks(phrase)
    if not chunks:
        return None
    runs = name_runs(chunks[0].rstrip("."))
    if len(runs) > 1 and runs[-2].possessive and runs[-1].name and runs[-1].end == len(
            chunks[0].rstrip(".")) and not chunks[0][runs[-2].end:runs[-1].start].strip():
        # "the Bank of Tokyo's Honda": the person, not the organisation
        return _interpret_chunk(field, chunks[0][runs[-1].start:], at, previous)
    voice = _voice(field, chunks[0], at)
    if voice is not None:
        return voice
    cut = _cut_at_preposition(chunks[0])
    if cut != chunks[0] and (named := _titled_name(field, chunks[0])):
        return named  # "Acme vice-president of finance Ann Lee"
    speaker = _interpret_chunk(field, cut, at, previous)
    if len(chunks) > 1 and (speaker is None or speaker.name is None
                            or speaker.method in ("description", "title")):
        # "the play's organiser in Uganda, Ann Lee, told": the name, not a guess
        return _bare_name(field, chunks[1]) or speaker
    return speaker


def _titled_name(field: _Field, chunk: str) -> _Speaker | None:
    """A chunk ending with a person's name after lower-case title words ("vice-president of
    finance Ann Lee"), not after a preposition or article ("a spokesman for Acme Bank")."""
    chunk = chunk.rstrip(".")
    runs = name_runs(chunk)
    if not runs or not runs[-1].name or runs[-1].end != len(chunk) or runs[-1].possessive:
        return None
    pre = re.search(r"(\w+)\s*$", chunk[:runs[-1].start])
    if not pre or pre.group(1).lower() in PREPOSITIONS | {"the", "a", "an"} or (
            not pre.group(1).islower()):
        return None
    name = field.index.resolve(runs[-1].name)
    if field.index.kind(name) == "org" or field.index.is_common(runs[-1].name):
        return None
    return _Speaker(" ".join(name), chunk[runs[-1].start:], "explicit", False)


def _voice_name(field: _Field, chunk: str, noun: re.Match) -> tuple[str, ...] | None:
    """The organisation named with a voice noun: "a Cosla spokesman", "the firm's website",
    "a statement from Acme" (not a person's spokesman, nor a nationality)."""
    before = [r for r in name_runs(chunk, 0, noun.start()) if r.name
              and not chunk[r.end:noun.start()].strip()]
    after = None
    if m := _VOICE_OF.match(chunk, noun.end()):
        after = next((r for r in name_runs(chunk, m.end()) if r.start == m.end() and r.name),
                     None)
    for run in ([before[-1]] if before else []) + ([after] if after else []):
        if field.index.is_common(run.name):
            continue
        name = field.index.resolve(run.name)
        if field.index.kind(name) != "person" or noun.group(1).lower() in ("statement",
                                                                            "announcement"):
            return name
    return None


def _voice(field: _Field, chunk: str, at: int) -> _Speaker | None:
    """A spokesman, statement, report or web site, speaking for the organisation it names or,
    written "the statement", for the one the story named with it before; None when the chunk
    is no such phrase."""
    noun = _VOICE.search(chunk)
    if noun is None or len(chunk.split()) > 9:
        return None
    head = chunk[:noun.start()].split()
    if head and head[0].lower() not in INDEFINITE | DETERMINERS and not head[0][:1].isupper():
        return None
    if re.search(r"\bjoint\b", chunk, re.IGNORECASE):
        return _Speaker(None, chunk, "none", False)
    name = _voice_name(field, chunk, noun)
    if name is None and head and head[0].lower() == "the" and len(head) == 1:
        name = _voice_antecedent(field, noun.group(1), at)
    if name is None:
        return _Speaker(None, chunk, "none", False)
    return _Speaker(" ".join(name), chunk, "explicit", field.index.kind(name) != "person")


def _voice_antecedent(field: _Field, noun: str, at: int) -> tuple[str, ...] | None:
    """Whose earlier statement (spokesman, report) "the statement" is: the organisation named
    with the last such noun before `at`, else that sentence's subject."""
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
    last = None
    for m in pattern.finditer(field.text, 0, at):
        last = m
    if last is None:
        return None
    start = field.sentence_start(last.start())
    end = field.next_sentence_start(last.start())
    window = field.text[start:end]
    if re.search(r"\bjoint\b", window, re.IGNORECASE):
        return None
    local = _VOICE.search(window, last.start() - start)
    if local and (name := _voice_name(field, window, local)):
        return name
    if noun.lower().startswith("spokes"):
        return None  # "a company spokesman ... the spokesman said": still unnamed
    event = next((e for e in field.events if start <= e.pos < end and e.name), None)
    return tuple(event.name.split()) if event else None


def _bare_name(field: _Field, chunk: str) -> _Speaker | None:
    """A chunk that is nothing but a name ("Ann Lee" in "a spokesman, Ann Lee, said")."""
    chunk = chunk.rstrip(".")
    runs = name_runs(chunk)
    if len(runs) == 1 and runs[0].name and runs[0].start == 0 and runs[0].end == len(chunk):
        name = field.index.resolve(runs[0].name)
        return _Speaker(" ".join(name), chunk, "explicit", field.index.kind(name) == "org")
    return None


def _interpret_chunk(field: _Field, chunk: str, at: int, previous: str | None) -> _Speaker | None:
    chunk = _TRAILING_ADVERBS.sub("", chunk.strip().rstrip("."))
    words = chunk.split()
    if not words or not re.search(r"[A-Za-z]", chunk):
        return None
    first = words[0].lower()
    if len(words) == 1 and first in PERSON_PRONOUNS:
        name = field.last_person(at, first)
        if name:
            field.genders.setdefault(name, first)
        return _Speaker(name, chunk, "pronoun", False)
    if len(words) == 1 and first == "it":
        return _Speaker(field.last_org(at), chunk, "organisation", True)
    if len(words) == 1 and first in UNNAMED_PRONOUNS:
        return _Speaker(None, chunk, "none", False)
    runs = [r for r in name_runs(chunk) if r.name and not r.possessive
            and not field.index.is_common(r.name)]
    if runs and runs[-1].end == len(chunk):
        run = runs[-1]
        name = field.index.resolve(run.name)
        mention = re.sub(r"^(?:(?:But|And|However|Yet|So|Then|Now|Meanwhile),?\s+)+", "",
                         chunk[run.start:])
        return _Speaker(" ".join(name), mention, "explicit",
                        field.index.kind(name) == "org")
    title_runs = [r for r in name_runs(chunk) if not r.name and r.titles]
    head = words[-1].lower()
    if head in ORG_NOUNS and first in {"the", "its"} and len(words) <= 3:
        return _Speaker(field.last_org(at), chunk, "organisation", True)
    if not runs and not title_runs and len(words) > 5:
        return None
    if first in INDEFINITE or head in UNNAMED_NOUNS or (first not in DETERMINERS and not runs
                                                        and not title_runs):
        return _Speaker(None, chunk, "none", False)
    if title_runs and first == "the":
        name = field.index.for_title(list(title_runs[-1].titles))
        if name:
            return _Speaker(" ".join(name), chunk, "title", False)
    if first in DETERMINERS - {"its"}:
        # "the American" is the person just written about; "his son" someone related to them
        recent = field.recent_subject(at) if first == "the" else None
        return _Speaker(recent or previous or field.last_person(at), chunk, "description", False)
    return None


def _right_attribution(field: _Field, span: QuoteSpan, close: int, previous: str | None):
    """Attribution written after the closing mark: (speaker, cue verb) or None."""
    text = field.text
    stop = field.paragraph_end(close)
    nxt = field.next_span_start(close)
    if nxt is not None:
        stop = min(stop, nxt - 1)
    sentence_end = field.next_sentence_start(close)
    tail = text[close:min(stop, sentence_end)]
    if (m := _RIGHT_DASH.match(tail)) and not re.match(r"\s*[a-z]", tail[m.end():]):
        speaker = _interpret(field, tail[m.end():], span.start, previous)
        if speaker and speaker.name:
            return speaker, None
    ends_sentence = span.text.rstrip()[-1:] == "."
    if ends_sentence and not re.match(r"\s*,?\s*(?:he|she|it|they)\b", tail):
        return None
    if m := _QUOTED_AS.search(tail[:120]):
        speaker = _interpret(field, m.group(1), span.start, previous)
        if speaker:
            return speaker, "saying"
    if m := _RIGHT_VERB_FIRST.match(tail):
        rest = tail[m.end():]
        if not re.match(r"\s*:", rest):
            speaker = _interpret(field, rest, span.start, previous)
            if speaker:
                return speaker, m.group(1).lower()
    if m := _RIGHT_SUBJECT_FIRST.match(tail):
        if not re.match(r"\s*:", tail[m.end():]):
            speaker = _interpret(field, m.group(1).strip().rstrip(","), span.start, previous)
            if speaker:
                return speaker, m.group(2).lower()
    if m := _ACCORDING.match(tail):
        speaker = _interpret(field, tail[m.end():], span.start, previous)
        if speaker:
            return speaker, "according to"
    return None


def _subject_before(field: _Field, fragment_start: int, verb_start: int, participle: bool,
                    previous: str | None) -> _Speaker | None:
    """The subject of a reporting verb: the name or noun phrase right before it, else its
    clause's subject (always the clause's for a participle: "issued a statement saying")."""
    text = field.text
    before = text[fragment_start:verb_start]
    if not participle and before.rstrip().endswith(","):
        # "Ann Lee, director of the institute, wrote": the name before the apposition
        speaker = _appositive_subject(field, fragment_start, verb_start, previous)
        if speaker is not None:
            return speaker
    participle = participle or before.rstrip().endswith((",", "-", "\u2013", "\u2014"))
    described = None
    words = list(_WORD.finditer(before))
    while words and (words[-1].group().lower() in ADVERBS or words[-1].group().endswith("ly")
                     and words[-1].group()[0].islower()):
        words.pop()
    if words and not participle:
        last_end = fragment_start + words[-1].end()
        run = next((r for r in reversed(field.runs) if r.end == last_end), None)
        pre_word = re.search(r"(\w+)\s*$", text[fragment_start:run.start]) if run else None
        if run and not run.possessive and not (pre_word and pre_word.group(1) in PREPOSITIONS):
            chunk_start = run.start
            if pre := re.search(r"\b(?:the|a|an)\s+(?:[a-z\-]+\s+){0,3}$",
                                text[fragment_start:run.start]):
                chunk_start = fragment_start + pre.start()
            return _interpret(field, text[chunk_start:run.end], chunk_start, previous)
        word = words[-1].group().lower()
        if word in PERSON_PRONOUNS or word in ("it", "they"):
            return _interpret(field, word, fragment_start + words[-1].start(), previous)
        np = _NOUN_PHRASE_END.search(before[:words[-1].end()])
        if np and not re.search(r"\b(?:" + "|".join(PREPOSITIONS) + r")\s+$",
                                before[:np.start(1)]):
            speaker = _interpret(field, np.group(1), fragment_start + np.start(1), previous)
            if speaker is not None and speaker.method != "description":
                return speaker
            if speaker is not None and speaker.name and np.start(1) == _intro_end(before) and (
                    _describes_person(np.group(1))):
                # "The world champion says": the description is the clause's subject
                described = speaker
    clause = _CLAUSE_BREAK.split(before)[-1]
    clause_start = verb_start - len(clause)
    subject = _clause_subject(field, clause_start, verb_start, previous)
    if described is not None and (subject is None or subject.name is None):
        return described
    return subject


def _describes_person(phrase: str) -> bool:
    """A description whose head noun names a person ("the world champion", "the
    34-year-old", "the American"), not a thing ("the subject line")."""
    head = phrase.split()[-1]
    if head[:1].isupper():
        return True  # a nationality word: "the American", "the Spaniard"
    head = head.lower()
    return (head in PERSON_NOUNS or head in _ROLE_NOUNS or head.endswith(_PERSON_ENDINGS)
            or bool(re.fullmatch(r"\d+-year-old", head)))


def _intro_end(fragment: str) -> int:
    """Where the main clause of `fragment` starts: after an introductory phrase that opens
    with a preposition or an -ing form and ends with a comma ("Reacting to the fine, ..."),
    after leading space otherwise."""
    m = re.match(r"\s*([A-Za-z]+)\b[^,\"\u201c\u201d]{0,120},\s*", fragment)
    if m and (m.group(1).lower() in PREPOSITIONS or m.group(1).lower().endswith("ing")
              and m.group(1).lower() not in CUE_VERBS):
        return m.end()
    return len(fragment) - len(fragment.lstrip())


def _appositive_subject(field: _Field, start: int, verb: int,
                        previous: str | None) -> _Speaker | None:
    """The subject of a finite verb that follows a comma: walking back over comma-separated
    chunks ("Ann Lee, 45, director of the institute,"), the first that is a name, with at
    most a few words before it that are neither function words nor verbs."""
    text = field.text
    bounds = [start] + [m.end() for m in re.finditer(",", text[start:verb])]
    bounds = [start] + [start + b for b in bounds[1:]]
    chunks = [(bounds[i], bounds[i + 1] - 1 if i + 1 < len(bounds) else verb)
              for i in range(len(bounds))]
    for a, b in reversed(chunks[-5:]):
        chunk = text[a:b].strip()
        if not chunk:
            continue
        offset = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        if chunk.lower() in PERSON_PRONOUNS:
            return _interpret(field, chunk, offset, previous)
        runs = [r for r in name_runs(chunk) if r.name and not field.index.is_common(r.name)]
        if not runs or runs[-1].end != len(chunk.rstrip(".")) or runs[-1].possessive:
            continue
        prefix = chunk[:runs[-1].start].split()
        if len(prefix) > 3 or any(w.lower() in FUNCTION_WORDS - {"the", "a", "an"}
                                  or w.islower() and _VERBISH.match(w) for w in prefix):
            continue
        return _interpret(field, chunk, offset, previous)
    return None


def _clause_subject(field: _Field, start: int, end: int, previous: str | None) -> _Speaker | None:
    text = field.text
    start += _intro_end(text[start:end])  # "In a Nature editorial published on Friday, ..."
    pron = re.search(r"\b(he|she|He|She)\b", text[start:end])
    for run in field.runs:
        if run.start < start or run.end > end or run.possessive:
            continue
        if pron and start + pron.start() < run.start:
            break
        pre = re.search(r"(\w+)\s*$", text[start:run.start])
        if pre and pre.group(1).lower() in PREPOSITIONS:
            continue
        nxt = re.match(r"\s+([a-z]+)\b", text[run.end:end])
        if pre and pre.group(1).lower() in INDEFINITE | {"the"} and nxt and not (
                nxt.group(1) in FUNCTION_WORDS or _VERBISH.match(nxt.group(1))):
            continue  # a modifier: "a SciDev.Net editorial", "the Tory finance spokesman"
        return _interpret(field, text[run.start:run.end], run.start, previous)
    for run in name_runs(text, start, end):
        if not run.name and run.titles and re.search(r"\bthe\s+$", text[start:run.start]):
            return _interpret(field, "the " + text[run.start:run.end], run.start, previous)
    if pron:
        return _interpret(field, pron.group(1), start + pron.start(), previous)
    np = _NOUN_PHRASE_END.search(text[start:end].split(",")[0].strip())
    if np and np.start(1) == 0:
        return _Speaker(None, np.group(1), "none", False)
    return None


def _left_attribution(field: _Field, open_mark: int, fragment_start: int,
                      previous: str | None):
    fragment = field.text[fragment_start:open_mark]
    cues = list(_CUE_IN.finditer(fragment))
    if not cues:
        return None
    cue = cues[-1]
    verb = cue.group(1)
    speaker = _subject_before(field, fragment_start, fragment_start + cue.start(),
                              verb.endswith("ing"), previous)
    if speaker:
        return speaker, verb
    return None


def _previous_sentence_subject(field: _Field, start: int, gap_start: int,
                               previous: str | None = None) -> _Speaker | None:
    """The speaker of the sentence right before `start`, when it has a reporting verb."""
    sentence = max(field.sentence_start(max(start - 2, 0)), gap_start)
    if sentence >= start:
        return None
    cue = next(iter(_CUE_IN.finditer(field.text, sentence, start)), None)
    if not cue:
        return None
    return _subject_before(field, sentence, cue.start(), cue.group(1).endswith("ing"), previous)


def _previous_sentence_person(field: _Field, start: int, gap_start: int) -> str | None:
    """The named subject (not an organisation) of the sentence right before `start`."""
    sentence = max(field.sentence_start(max(start - 2, 0)), gap_start)
    if sentence >= start:
        return None
    return next((e.name for e in field.events if sentence <= e.pos < start and e.name
                 and e.kind != "org"), None)


def _names_a_person(mention: str) -> bool:
    """An unnamed person: "an economist", "a spokesman for the firm" (not "critics")."""
    words = _cut_at_preposition(mention.strip()).split()
    head = words[-1].lower() if words else ""
    return len(words) > 1 and (head in PERSON_NOUNS or head.endswith(_PERSON_ENDINGS))


def _pull_quote_name(field: _Field, span: QuoteSpan) -> _Speaker | None:
    """A quote filling its paragraph, followed by a paragraph that is only a name."""
    para = field.paragraph_of(span.start)
    if para + 1 >= len(field.para_starts):
        return None
    own = field.text[field.para_starts[para]:field.paragraph_end(span.start)].strip()
    if len(own) > len(span.text) + 4:
        return None
    nxt = field.text[field.para_starts[para + 1]:field.paragraph_end(field.para_starts[para + 1])]
    return _bare_name(field, nxt.strip()) if len(nxt.split()) <= 4 else None


def attribute_quotes(text: str, spans: list[QuoteSpan], index: NameIndex) -> list[Attribution]:
    """One Attribution per span of `text` (see the module docstring)."""
    field = _Field(text, spans, index)
    out: list[Attribution] = []
    prev_end = 0
    previous: Attribution | None = None
    prev_para = -1
    for span in spans:
        open_mark = span.start - 1
        while open_mark > 0 and text[open_mark].isspace():
            open_mark -= 1
        close = span.end
        while close < len(text) and text[close].isspace() and text[close] != "\n":
            close += 1
        close = close + 1 if close < len(text) and text[close] in "\"'\u201d\u2019" else span.end
        para = field.paragraph_of(span.start)
        same_para = previous is not None and para == field.paragraph_of(prev_end)
        prev_name = previous.speaker if previous else None
        fragment_start = max(field.sentence_start(open_mark), prev_end if same_para else 0)
        found = (_right_attribution(field, span, close, prev_name)
                 or _left_attribution(field, open_mark, fragment_start, prev_name))
        if found is not None:
            attribution = _score(*found)
        else:
            attribution = _unattributed(field, span, open_mark, previous,
                                        prev_end if same_para else field.para_starts[para],
                                        same_para or (para == prev_para + 1 and not text[
                                            field.para_starts[para]:open_mark].strip()))
        if attribution.speaker:
            field.add_speaker(span.start, attribution.speaker,
                              attribution.method == "organisation")
        elif attribution.mention and attribution.method == "none" and _names_a_person(
                attribution.mention):
            # "said the foreign economist. "...," he said": "he" is that unnamed person
            insort(field.events, _Event(span.start, "", "person", True))
        out.append(attribution)
        previous = attribution
        prev_end = field.prev_end = close
        prev_para = field.paragraph_of(span.end)
    # "A." "B," said X (a lost paragraph break): a quote with no attribution at all takes the
    # speaker of the quote that follows it with nothing in between
    for i in range(len(out) - 2, -1, -1):
        nxt = out[i + 1]
        if out[i] == _NONE and nxt.speaker and not re.sub(
                r"[\s\"'\u201c\u201d\u2018\u2019]", "", text[spans[i].end:spans[i + 1].start]):
            out[i] = nxt._replace(method="carried_over", cue_verb=None,
                                  confidence=min(nxt.confidence, 0.75))
    return out


def _unattributed(field: _Field, span: QuoteSpan, open_mark: int, previous: Attribution | None,
                  gap_start: int, continues: bool) -> Attribution:
    context = _previous_sentence_subject(field, open_mark, gap_start,
                                         previous.speaker if previous else None)
    if context is not None:
        if context.name is None:
            return Attribution(None, context.mention or None, None, "none", 0.6)
        return Attribution(context.name, context.mention, None, "carried_over",
                           0.7 if context.method == "description" else 0.8)
    para = field.paragraph_of(open_mark)
    para_start = field.para_starts[para]
    if para > 0 and not field.text[para_start:open_mark].strip():
        # a quote opening its paragraph after a paragraph that ends with a named speaker's
        # reported words ("Committee chairman Ann Lee said ... excuse.\n\n"The committee
        # believes ...")
        end = para_start
        while end > 0 and field.text[end - 1].isspace():
            end -= 1
        before = _previous_sentence_subject(field, end, field.prev_end) if end > 1 and (
            field.text[end - 1] in ".!?") else None
        if before is not None and before.name and before.method == "explicit":
            return Attribution(before.name, before.mention, None, "carried_over", 0.75)
    subject = _previous_sentence_person(field, open_mark, gap_start)
    if subject is not None and (previous is None or subject != previous.speaker):
        # "US coach Ann Lee wants more clay practice. "I think..."": the sentence's subject
        return Attribution(subject, None, None, "carried_over", 0.7)
    pulled = _pull_quote_name(field, span)
    if pulled is not None:
        return Attribution(pulled.name, pulled.mention, None, "explicit", 0.8)
    if continues and previous is not None:
        return previous._replace(method="carried_over", cue_verb=None,
                                 confidence=min(previous.confidence, 0.85))
    return _NONE


def _score(speaker: _Speaker, cue: str | None) -> Attribution:
    if speaker.name is None:
        return Attribution(None, speaker.mention or None, cue, "none",
                           0.7 if speaker.method == "none" else 0.4)
    method = {"explicit": "organisation" if speaker.is_org else "explicit",
              "description": "title"}.get(speaker.method, speaker.method)
    confidence = {"explicit": 0.95, "organisation": 0.8, "pronoun": 0.85, "title": 0.8}[method]
    if speaker.method == "description":
        confidence = 0.75  # "the American", "his son": a guess at who is meant
    if cue is None:
        confidence -= 0.05
    return Attribution(speaker.name, speaker.mention, cue, method, confidence)
