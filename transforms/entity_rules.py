"""Rule-based named-entity finding and within-story coreference for one article.

`article_mentions(title, caption, body, dateline)` returns the mentions of one story, each
already tied to a story-level entity (canonical name, type, country code, cross-corpus key).

Why a per-article Python pass and not polars expressions: finding a name needs a left-to-right
scan with state (the words before a capitalised run, titles that split it, "of" joins that
depend on the head word) and linking "Mr Ban" to "Ban Ki-moon", "UN" to "United Nations" or
"Texaco" to "Texaco Inc" needs every mention of the story at once. The pass stays fast: one
compiled regex finds the capitalised runs, and everything else is dict and set look-ups.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from transforms.entity_lexicon import (
    COMMON_CAPITALISED,
    COMPASS_WORDS,
    FUNCTION_WORDS,
    HEAD_TITLES,
    HONORIFICS,
    LOCATION_PREFIXES,
    LOCATION_SUFFIXES,
    NAME_PARTICLES,
    NOT_ENTITY_SUFFIXES,
    NOT_NAME_ACRONYMS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    ORG_CUE_WORDS,
    PERSON_CUE_WORDS,
    PLACE_CUE_WORDS,
    TITLE_MODIFIERS,
    CLUB_CUE_WORDS,
    PRODUCT_NOUNS,
    WORK_CUE_WORDS,
)
from transforms.gazetteer import (
    personal_name_start,
    BIG_CITY_POPULATION,
    Known,
    first_names,
    fold,
    is_demonym,
    english_words,
    is_english_word,
    lookup,
    surnames,
)

_ABBREV = (r"(?:Mr|Mrs|Ms|Dr|St|Sgt|Capt|Gen|Col|Lt|Maj|Rev|Sen|Rep|Gov|Prof|Corp|Inc|Co|Ltd|"
           r"Jr|Sr|Bros|Mt|Ft|Calif|Mich|Mass|Fla|Wash|Tex|Penn|Conn|Ariz|Colo|Ill|Minn|Tenn|"
           r"Okla|Neb|Nev|Wis|Ala|Ark|Ky|Md|Va|Ga)\.")
_WORD = r"[A-Z][\w]*(?:[-'’][A-Za-z0-9]+)*"
_TOKEN = (rf"(?:{_ABBREV}|(?:[A-Z]\.){{2,}}|[A-Z]\.(?= [A-Z])|[A-Za-z][\w-]*\.(?:com|org|net)\b|"
          rf"(?:d['’]|al-|el-){_WORD}|{_WORD})")
_PARTICLES = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
_JOIN = rf"(?: (?:of the|of|for|and|{_PARTICLES}|&) | )"
RUN_RE = re.compile(rf"(?<![\w.'’-]){_TOKEN}(?:{_JOIN}{_TOKEN})*")
PIECE_RE = re.compile(rf"{_TOKEN}|\S+")
DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Z]\.){2,}")
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.-]*[A-Z0-9]\.?$|[A-Z]\.$")
AGE_RE = re.compile(r"^, \d{1,3},")
SAY_RE = re.compile(r"^(?:,[^,]{0,60},)? (?:said|says|told|added|explained|argued|insisted|"
                    r"warned|claimed|stated|noted)\b")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"“‘(]|[.!?][\"”’]|\n[ \t]*[*•·-])\s*$")
# Navigation and breadcrumb furniture: "Home > News > UK", "(01 Aug 04 | Business )".
NAV_BEFORE_RE = re.compile(r"(?:^|\s)[|>]\s*$")
NAV_AFTER_RE = re.compile(r"^\s*(?:[|>]|\)\s*$|\)\s*\()")
NEXT_WORD_RE = re.compile(r"^[ ]([a-z][a-z-]*)")
FIXTURE_AFTER_RE = re.compile(r"^ (?:v|vs\.?|versus) [A-Z]")
POSSESSIVE_AFTER_RE = re.compile(r"^['’]s?\b")
APPOSITION_RE = re.compile(r"^, (?:the |a |an |its |his |her |their )?(?:[\w-]+ ){0,3}(?:"
                           + "|".join(sorted(PERSON_CUE_WORDS)) + r")\b")
PLACE_AFTER_RE = re.compile(r"^, ([A-Z][\w.]*(?: [A-Z][\w.]*)?)")
# A personal pronoun a few lower-case words after a single name ("Parry claims he will",
# "X is hoping to win his first title"): the name is a person's.
PRONOUN_AFTER_RE = re.compile(r"^(?: [a-z]+){1,4} (?:he|she|his|her|him|himself|herself)\b")
POSSESSIVE_RE = re.compile(r"['’]s?$")
LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
PLURAL_RE = re.compile(r"[a-z]{2}[^isu]s$")
CONTRACTION_RE = re.compile(r"['’](?:re|ve|d|ll|m|t)$")
LOWER_COMPOUND_RE = re.compile(r"-(?:[a-z]|\d)")
HOUSE_NUMBER_RE = re.compile(r"(?<![\w,.])\d{1,4} $")
# A line with capitals and no lower-case letter: a heading, page furniture ("ADVERTISEMENT",
# "SUBSCRIBE NOW") or a table row; its words are not read as names.
LOWER_RE = re.compile(r"[a-z]")
# An all-capital code mixing letters and digits ("MP3", "PS2", "4G"): a model or format,
# except the "G" groups of countries or clubs ("G8", "G-20", "G14").
CODE_RE = re.compile(r"(?!G-?\d+$)(?=.*\d)(?=.*[A-Z])[A-Z0-9-]+$")
QUOTE_MARKS = frozenset("\"“”‘’'")
JOINER_WORDS = frozenset({"of", "for", "and", "the", "&"})
OF_HEADS = frozenset({"Lord", "Republic", "Kingdom", "Isle", "Gulf", "Bay", "Group", "Duke",
                      "Earl", "Prince", "Princess", "Queen", "King", "Sea", "Straits"})
LEGAL_FORMS = frozenset({"Corp", "Inc", "Co", "Ltd", "Plc", "PLC", "LLC", "AG", "SA"})
INITIAL_SUFFIXES = frozenset({"Bank", "Party", "Union", "Association", "Council", "Agency",
                              "Organization", "Organisation", "Service", "Fund", "Board"})
ORG_SUFFIX_ABBREVIATIONS = frozenset({"Corp.", "Inc.", "Co.", "Ltd.", "Bros."})
# Letters written after a person's name: seats, honours, degrees, legal rank.
POST_NOMINALS = frozenset({"MP", "MPs", "MSP", "MEP", "AM", "MLA", "TD", "QC", "KC", "SC",
                           "OBE", "MBE", "CBE", "KBE", "DBE", "CH", "OM", "VC", "GC", "PhD",
                           "JP", "FRS", "Jr", "Jr.", "Sr", "Sr."})
POST_NOMINAL_AFTER_RE = re.compile(r"^,? (?:MP|MSP|MEP|AM|MLA|TD|QC|KC|SC|OBE|MBE|CBE|KBE|"
                                   r"DBE|PhD|JP|FRS)\b")


@dataclass
class Token:
    text: str
    start: int
    end: int


@dataclass
class Mention:
    """One name found in a field of a story, before and after linking."""
    field: str
    start: int
    end: int
    surface: str
    name: str                         # without honorific or title
    tokens: list[str]
    evidence: str | None = None      # PERSON | ORG | LOCATION from structure
    known: Known | None = None
    place_cue: bool = False
    person_cue: bool = False
    org_cue: bool = False
    honorific: bool = False
    said: bool = False
    the_cue: bool = False
    work_cue: bool = False           # title of a work or a product ("the film X", "X version")
    club_cue: bool = False           # a team in a fixture ("X v Y", "they beat X")
    in_title_quote: bool = False     # inside a short quoted title ('"Plays for Sure"')
    pronoun_cue: bool = False        # "he"/"she" a few words after a single name
    possessive: bool = False         # "X's": the name owns something
    naming_cue: bool = False         # "a guitarist called X": the word is introduced as a name
    sentence_start: bool = False
    acronym_of: "Mention | None" = None
    entity: "StoryEntity | None" = None


@dataclass
class StoryEntity:
    """A story-level entity: all mentions of one real-world thing in one story."""
    name: str
    entity_type: str
    country_code: str | None = None
    tokens: list[str] = field(default_factory=list)
    known: bool = False
    strong: bool = False
    mentions: list[Mention] = field(default_factory=list)


def _tokens(run: str, offset: int) -> list[Token]:
    return [Token(m.group(), offset + m.start(), offset + m.end()) for m in PIECE_RE.finditer(run)]


def _is_connector(tok: Token) -> bool:
    return tok.text in NAME_PARTICLES or tok.text in JOINER_WORDS


def _joins(left: list[Token], joiner: str, right_first: str) -> bool:
    """Whether "of"/"for"/"and" between two capitalised parts keeps them one name."""
    words = [t.text for t in left if not _is_connector(t)]
    if not words:
        return False
    if joiner in ("and", "&"):
        return joiner == "&" or lookup(f"{' '.join(words)} and {right_first}") is not None
    head = words[-1]
    return (head in ORG_SUFFIXES or head in ORG_PREFIXES or head in LOCATION_PREFIXES
            or head in OF_HEADS)


def _split_run(tokens: list[Token], lower_words: Callable[[], set[str]] = frozenset) -> list[list[Token]]:
    """Split a capitalised run at possessives, at function words after an abbreviation's
    period ("U.S. The"), at words after an acronym's period that the text also writes in lower
    case ("U.S. Attack" where "attack" occurs: a wire's capitalisation after "U.S."; not
    before an organisation's head, "U.S. Agriculture Department"), and at
    "of"/"for"/"and" joins whose left side is not an organisation or place head ("President
    of Russia" splits, "Bank of Japan" stays). `lower_words` gives the text's lower-case
    words (asked for only when needed)."""
    pieces: list[list[Token]] = [[]]
    for i, tok in enumerate(tokens):
        cur = pieces[-1]
        if tok.text in JOINER_WORDS:
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if tok.text == "the" or (cur and _joins(cur, tok.text, nxt)):
                cur.append(tok)
            else:
                pieces.append([])
            continue
        if cur and cur[-1].text.endswith(".") and (
                fold(tok.text) in FUNCTION_WORDS
                or (DOTTED_ACRONYM_RE.fullmatch(cur[-1].text) and tok.text[1:].islower()
                    and not any(t.text in ORG_SUFFIXES for t in tokens[i:])
                    and tok.text.lower() in lower_words())):
            pieces.append([])
            cur = pieces[-1]
        possessive = POSSESSIVE_RE.search(tok.text)
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if possessive and tok.text[-2:] in ("s'", "s’") and nxt in ORG_SUFFIXES:
            # a plural possessive inside an organisation's name ("Players' Association")
            cur.append(tok)
            continue
        if possessive and len(tok.text) > 2 and tok.text[1:2] not in "'’":
            tok = Token(tok.text[:possessive.start()], tok.start, tok.end - len(possessive.group()))
            cur.append(tok)
            pieces.append([])
            continue
        cur.append(tok)
    out = []
    for piece in pieces:
        while piece and (_is_connector(piece[-1]) or not piece[-1].text):
            piece.pop()
        while piece and (_is_connector(piece[0]) or fold(piece[0].text) in FUNCTION_WORDS
                         and not (piece[0].text.isupper() and len(piece[0].text) > 1)):
            piece.pop(0)
        if piece:
            out.append(piece)
    return out


def _is_title_word(word: str) -> bool:
    return word in HONORIFICS or word in HEAD_TITLES


def _is_title_part(word: str) -> bool:
    return (word in HONORIFICS or word in HEAD_TITLES or word in TITLE_MODIFIERS
            or word in ("of", "for", "and") or fold(word) in COMMON_CAPITALISED)


def _split_title(piece: list[Token]) -> tuple[list[Token], list[Token], list[Token], bool]:
    """Split a title off a piece: (words before the title, title, name, honorific?).

    The title is the last honorific or head title that a name follows, with the modifiers
    and demonyms before it ("Russian Foreign Minister", "House Budget Committee Chairman"
    leaves "House Budget Committee" before it). A name that ends like an organisation or
    that the gazetteer knows is not split ("Justice Department", "Premier League").
    """
    words = [t.text.rstrip(".") for t in piece]
    n = len(words)
    head = next((i for i in range(n - 2, -1, -1) if _is_title_word(words[i])), None)
    role_end = personal_name_start(words)
    if head is None or role_end > head + 1:
        # a role without a known head title, or one running on past it ("Emergency Relief
        # Coordinator Leila Haddad", "High Commissioner for Refugees Anders Holmqvist")
        return ([], piece[:role_end], piece[role_end:], False) if role_end else ([], [], piece, False)
    name = words[head + 1:]
    if name[0] in JOINER_WORDS or name[-1] in ORG_SUFFIXES or (len(name) > 1 and lookup(" ".join(name)) is not None) \
            or all(_is_title_part(w) for w in name):
        return [], [], piece, False
    start = head
    while start > 0 and (_is_title_part(words[start - 1]) or is_demonym(words[start - 1])):
        start -= 1
    honorific = any(w in HONORIFICS for w in words[start:head + 1])
    return piece[:start], piece[start:head + 1], piece[head + 1:], honorific


def _drop_trailing_titles(name: list[Token]) -> list[Token]:
    """"Health Secretary" -> "Health"; "Florida Democrat" -> "Florida"; "Labour MPs" ->
    "Labour"; "Marty Burns Friday" -> "Marty Burns". A title word that also ends the names
    of governments stays after a demonym or a place ("Scottish Executive"); what is left of
    a title is dropped whole when it is only demonyms and title modifiers ("Scottish Finance"
    of "Scottish Finance Minister")."""
    dropped = False
    while len(name) > 1 and (name[-1].text.rstrip(".") in HEAD_TITLES
                             or _plain_acronym(name[-1].text) in NOT_NAME_ACRONYMS
                             or fold(name[-1].text) in FUNCTION_WORDS):
        if name[-1].text in HEAD_TITLES and name[-1].text in ORG_SUFFIXES and (
                is_demonym(name[-2].text) or _is_place(
                " ".join(t.text for t in name[:-1]))):
            break
        name = name[:-1]
        dropped = True
    if dropped and all(is_demonym(t.text) or (t.text in TITLE_MODIFIERS and lookup(t.text) is None)
                       for t in name):
        return []
    return name


def _split_post_nominals(piece: list[Token]) -> list[list[Token]]:
    """A post-nominal ends a person's name: "Ann Yule MSP Finance Minister" -> "Ann Yule",
    "Finance Minister". It splits the run only after two or more name words that are not
    titles, so "Labour MSP Ann Yule" keeps its title."""
    for i in range(2, len(piece)):
        if piece[i].text in POST_NOMINALS and not any(
                _is_title_part(t.text.rstrip(".")) or is_demonym(t.text) for t in piece[:i]):
            j = i
            while j < len(piece) and piece[j].text in POST_NOMINALS:
                j += 1
            return [piece[:i]] + ([piece[j:]] if j < len(piece) else [])
    return [piece]


def _plain_acronym(word: str) -> str:
    word = word.replace(".", "")
    return word[:-1] if word.endswith("s") and word[:-1].isupper() else word


def _split_known_head(piece: list[Token]) -> list[list[Token]]:
    """"Reuters Senate Budget Committee" -> "Reuters", "Senate Budget Committee": a known
    name run into an organisation's name."""
    if not piece:
        return []
    if len(piece) > 2 and piece[-1].text in ORG_SUFFIXES:
        known = lookup(piece[0].text)
        if known is not None and known.kind in ("org", "country"):
            return [piece[:1], piece[1:]]
    return [piece]


def _not_a_name(words: list[str]) -> bool:
    """Capitalised words that name nothing: sentence openers, titles alone, demonyms,
    contractions, compounds like "Edinburgh-based", events and awards."""
    joined = " ".join(words)
    if lookup(joined) is not None:
        return False
    if all(_is_title_part(w.rstrip(".")) for w in words):
        return True
    last = words[-1]
    if (last in NOT_ENTITY_SUFFIXES or last.endswith("s") and last[:-1] in NOT_ENTITY_SUFFIXES) \
            and not (words[0] in ORG_PREFIXES and "of" in words):
        return True
    if len(words) > 1:
        return False
    word = words[0]
    folded = fold(word)
    if word.isupper() and len(word) > 1:
        return (_plain_acronym(word) in NOT_NAME_ACRONYMS or folded in FUNCTION_WORDS
                or folded in COMMON_CAPITALISED or CODE_RE.match(word) is not None)
    if len(word) <= 4 and word.upper() in NOT_NAME_ACRONYMS:
        return True
    return (folded in FUNCTION_WORDS or word in ORG_SUFFIX_ABBREVIATIONS
            or (folded.endswith("s") and len(folded) > 4 and folded[:-1] in FUNCTION_WORDS)
            or word.rstrip(".") in LEGAL_FORMS or folded in COMMON_CAPITALISED or is_demonym(word)
            or CONTRACTION_RE.search(word) is not None or LOWER_COMPOUND_RE.search(word) is not None
            or any(is_demonym(part) for part in word.split("-") if part))


def _title_case_work(words: list[str]) -> bool:
    """A capitalised function word inside a name ("A Design For Life", "Prisoner Of
    Azkaban", "Everything Must Go") marks the title of a work: names of people, bodies and
    places keep such words in lower case."""
    return len(words) > 1 and any(
        w[:1].isupper() and w[1:].islower() and fold(w) in FUNCTION_WORDS for w in words[1:])


def _in_capitals_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` has no lower-case letter: a heading, page furniture
    ("ADVERTISEMENT", "SUBSCRIBE NOW") or a table row, whose words are not read as names."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return LOWER_RE.search(text, start, end if end >= 0 else len(text)) is None


QUOTE_OPEN = "\"“‘'"
QUOTE_CLOSE = {"\"": "\"", "“": "”", "‘": "’", "'": "'"}
MAX_TITLE_QUOTE_WORDS = 5


LAST_QUOTE_RE = re.compile(r"[\"“‘'”’\n][^\"“‘'”’\n]*$")


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Whether the span lies inside a quoted run of at most MAX_TITLE_QUOTE_WORDS words on
    one line that ends without sentence punctuation: the title of a work, a nickname or a
    slogan ('"Plays for Sure"', 'Frank "Greg" Ford'), not reported speech."""
    last = LAST_QUOTE_RE.search(text, max(0, start - 60), start)
    if last is None:
        return False
    i = last.start()
    c = text[i]
    if c not in QUOTE_OPEN or (i > 0 and text[i - 1].isalnum()):
        return False
    j = text.find(QUOTE_CLOSE[c], end, end + 60)
    if j < 0 or "\n" in text[end:j]:
        return False
    inner = text[i + 1:j].strip()
    return (0 < len(inner.split()) <= MAX_TITLE_QUOTE_WORDS
            and inner[-1:] not in ".,!?;:" and inner[:1].isupper())


def _scan(text: str, field_name: str) -> list[Mention]:
    mentions: list[Mention] = []

    @functools.cache
    def lower_words() -> set[str]:
        return set(LOWER_WORD_RE.findall(text))

    for run in RUN_RE.finditer(text):
        if run.group()[1:2].isupper() and _in_capitals_line(text, run.start()):
            continue
        before = text[max(0, run.start() - 40):run.start()]
        if NAV_BEFORE_RE.search(before) or NAV_AFTER_RE.match(text, run.end()):
            continue
        sentence_start = SENTENCE_START_RE.search(before) is not None
        prev_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        work_cue = _work_cue_before(before)
        pieces = [p for whole in _split_run(_tokens(run.group(), run.start()), lower_words)
                  for p in _split_post_nominals(whole)]
        for piece in pieces:
            if field_name != "title" and _title_case_work([t.text for t in piece]):
                continue
            first_piece = piece[0].start == run.start()
            left, title, name, honorific = _split_title(piece)
            parts = [(p, [], False) for p in _split_known_head(left)]
            parts.append((_drop_trailing_titles(name), title, honorific))
            for part, part_title, part_honorific in parts:
                m = _mention(text, field_name, part, part_title, part_honorific)
                if m is None:
                    continue
                at_run_start = first_piece and (part is left or not left) and not part_title
                m.sentence_start = sentence_start and at_run_start
                m.place_cue = at_run_start and prev_word in PLACE_CUE_WORDS
                m.the_cue = at_run_start and prev_word == "the"
                after = text[m.end:m.end + 80]
                m.person_cue = (bool(part_title) or (at_run_start and prev_word in PERSON_CUE_WORDS)
                                or AGE_RE.match(after) is not None
                                or APPOSITION_RE.match(after) is not None
                                or POST_NOMINAL_AFTER_RE.match(after) is not None)
                m.pronoun_cue = len(part) == 1 and PRONOUN_AFTER_RE.match(after) is not None
                m.org_cue = at_run_start and prev_word in ORG_CUE_WORDS
                next_word = NEXT_WORD_RE.match(after)
                m.work_cue = (at_run_start and work_cue) or (
                    next_word is not None and next_word.group(1) in PRODUCT_NOUNS)
                m.club_cue = (at_run_start and prev_word in CLUB_CUE_WORDS) or \
                    FIXTURE_AFTER_RE.match(after) is not None
                m.possessive = POSSESSIVE_AFTER_RE.match(after) is not None
                m.naming_cue = at_run_start and prev_word in NAMING_WORDS
                m.in_title_quote = _in_short_quote(text, m.start, m.end)
                m.said = SAY_RE.match(after) is not None
                place_after = PLACE_AFTER_RE.match(after)
                if place_after:
                    known = lookup(place_after.group(1))
                    m.place_cue = m.place_cue or (known is not None and known.entity_type == "LOCATION"
                                                  and known.kind != "city")
                mentions.append(m)
    _spread_work_cues(text, mentions)
    return mentions


NAMING_WORDS = frozenset({"called", "named", "nicknamed", "dubbed"})
BRIDGE_WORDS = frozenset({"including", "like", "as", "called", "named"})
LIST_GAP_RE = re.compile(r"^(?:,|, and|,? and|,? or|,? &)\s*$")


def _work_cue_before(before: str) -> bool:
    """A work noun right before a name ("the film X", "album, X"), or two words before it
    across a bridge word ("films including X", "games such as X")."""
    words = [w.strip(",:;").lower() for w in before.split()[-3:]]
    if not words:
        return False
    if words[-1] in WORK_CUE_WORDS:
        return True
    return (len(words) >= 2 and words[-1] in BRIDGE_WORDS
            and (words[-2] in WORK_CUE_WORDS or len(words) == 3 and words[-2] == "such"
                 and words[-3] in WORK_CUE_WORDS))


def _spread_work_cues(text: str, mentions: list[Mention]) -> None:
    """Items of one list share their kind: "films including Raging Bull, Goodfellas and
    Gangs of New York" makes all three titles."""
    for a, b in zip(mentions, mentions[1:]):
        if a.work_cue and not b.work_cue and LIST_GAP_RE.match(text[a.end:b.start]):
            b.work_cue = True


def _mention(text: str, field_name: str, name: list[Token], title: list[Token],
             honorific: bool) -> Mention | None:
    if not name:
        return None
    words = [t.text for t in name]
    if len(words) > 1 and is_demonym(words[0]) and lookup(" ".join(words)) is None \
            and words[-1] not in ORG_SUFFIXES and words[-1] not in LOCATION_SUFFIXES:
        name, words = name[1:], words[1:]
    # a demonym that ends a run is an adjective of the lower-case noun after it ("Striking
    # Brazilian workers"), unless a given name starts the run ("Dawn French")
    if len(words) > 1 and is_demonym(words[-1]) and lookup(" ".join(words)) is None \
            and fold(words[0]) not in first_names():
        name, words = name[:-1], words[:-1]
    if _not_a_name(words) or _title_case_work(words):
        return None
    start = (title[-1] if honorific else name[0]).start
    if honorific:
        start = next(t.start for t in title if t.text.rstrip(".") in HONORIFICS)
    end = name[-1].end
    number = HOUSE_NUMBER_RE.search(text, max(0, start - 6), start)
    if number and words[-1] in LOCATION_SUFFIXES:
        start = number.start()
    if start > 0 and end < len(text) and text[start - 1] in QUOTE_MARKS \
            and text[end] in QUOTE_MARKS:
        return None
    m = Mention(field_name, start, end, text[start:end], text[name[0].start:end],
                [w for w in words if w not in JOINER_WORDS])
    m.honorific = honorific
    return m


def _classify(m: Mention) -> None:
    """Type evidence from the name's own shape and from the gazetteers."""
    words = m.tokens
    name = m.name
    known = lookup(name) or (lookup(name.rstrip(".")) if name.endswith(".") else None)
    if known is not None and known.kind == "city" and name.isupper():
        known = None
    if known is not None and not m.honorific:
        if known.kind != "city" or known.population >= BIG_CITY_POPULATION or m.place_cue \
                or len(words) > 1:
            m.known = known
            m.evidence = known.entity_type
            return
    last, first = words[-1].rstrip("."), words[0]
    if m.person_cue:
        m.evidence = "PERSON"
    elif (last in ORG_SUFFIXES and len(words) > 1) or words[-1] in ORG_SUFFIX_ABBREVIATIONS or \
            (first in ORG_PREFIXES and " of " in name) or m.org_cue:
        # a lone organisation word ("Council" of "Council tax") is a common noun
        m.evidence = "ORG"
    elif len(words) > 1 and (last in LOCATION_SUFFIXES or first in LOCATION_PREFIXES):
        m.evidence = "LOCATION"
    elif len(words) > 1 and first in COMPASS_WORDS and _is_place(" ".join(words[1:])):
        m.evidence = "LOCATION"
    elif len(words) > 1 and fold(first) in first_names():
        m.evidence = "PERSON"
    elif ACRONYM_RE.match(name) and len(words) == 1:
        m.evidence = "ORG"
    elif len(words) > 1 and (m.the_cue or any(ACRONYM_RE.match(w) for w in words)
                             or _has_place_part(words)
                             or (PLURAL_RE.search(last) and fold(last) not in surnames())):
        m.evidence = "ORG"
    elif known is not None and not m.honorific and not (
            known.kind == "city" and len(words) == 1 and fold(name) in surnames()):
        # a small town that is also a common surname ("Graham") is no place on its own
        m.known = known
        m.evidence = known.entity_type


def _is_place(name: str) -> bool:
    known = lookup(name)
    return known is not None and known.entity_type == "LOCATION"


def _has_place_part(words: list[str]) -> bool:
    """"Houston Rockets", "Bayern Munich": a country, region or big city that starts or
    ends a longer name makes it a club or company, not a person."""
    for k in range(1, len(words)):
        for part in (" ".join(words[:k]), " ".join(words[k:])):
            known = lookup(part)
            if known is not None and known.entity_type == "LOCATION" and (
                    known.kind != "city" or known.population >= BIG_CITY_POPULATION):
                return True
    return False


def _initials(words: list[str]) -> str:
    out = []
    for w in words:
        if w.rstrip(".") in ORG_SUFFIXES and w not in INITIAL_SUFFIXES:
            continue
        if w.isupper() and len(w) > 1:
            out.append(w.replace(".", ""))
        else:
            out.extend(p[0] for p in re.split(r"[-\s]", w) if p)
    return "".join(out).upper()


def _link_acronyms(mentions: list[Mention], texts: dict[str, str]) -> None:
    """An acronym in brackets right after a name ("World Food Programme (WFP)") stands for
    that name wherever it appears in the story."""
    defined: dict[str, Mention] = {}
    for a, b in zip(mentions, mentions[1:]):
        if a.field == b.field and ACRONYM_RE.match(b.name) and len(b.tokens) == 1 \
                and texts[a.field][a.end:b.start] in (" (", " <") and len(a.tokens) > 1:
            defined[b.name.replace(".", "")] = a
    for m in mentions:
        key = m.name.replace(".", "")
        if key in defined and m is not defined[key]:
            m.acronym_of = defined[key]


def story_key(name: str) -> str:
    """Within-story identity of a name: folded, no dots, British and American spellings
    of "-isation" merged."""
    return fold(name).replace(".", "").replace("isation", "ization")


class _Story:
    """The entities of one story while its mentions are being linked."""

    def __init__(self) -> None:
        self.by_key: dict[str, StoryEntity] = {}
        self.entities: list[StoryEntity] = []
        self.persons: list[StoryEntity] = []
        self.multi: list[StoryEntity] = []

    def attach(self, m: Mention, entity_type: str, strong: bool) -> StoryEntity:
        if m.known is not None:
            ent = self._get(m.known.canonical, lambda: StoryEntity(
                m.known.canonical, m.known.entity_type, m.known.country_code,
                m.known.canonical.split(), known=True, strong=True))
        else:
            ent = self._get(m.name, lambda: StoryEntity(m.name, entity_type, None,
                                                        list(m.tokens), strong=strong))
            if strong and not ent.strong and not ent.known:
                ent.entity_type, ent.strong = entity_type, True
        self.link(m, ent)
        return ent

    def _get(self, name: str, make) -> StoryEntity:
        key = story_key(name)
        ent = self.by_key.get(key)
        if ent is None:
            ent = make()
            self.by_key[key] = ent
            self.entities.append(ent)
        return ent

    def link(self, m: Mention, ent: StoryEntity) -> None:
        m.entity = ent
        ent.mentions.append(m)
        if ent.entity_type == "PERSON" and len(ent.tokens) > 1 and ent not in self.persons:
            self.persons.append(ent)
        if ent.entity_type != "PERSON" and len(ent.tokens) > 1 and ent not in self.multi:
            self.multi.append(ent)


def resolve(mentions: list[Mention], vocabulary: frozenset[str] = frozenset()) -> list[Mention]:
    """Tie a story's mentions to story-level entities (coreference by name shape) and
    return the mentions kept. A name with no evidence at all is dropped when it is a single
    word seen only at the start of sentences, or when all its words also occur in lower
    case in the story (`vocabulary`): "Investors", "Member States"."""
    for m in mentions:
        _classify(m)
    mentions = _drop_works(mentions)
    _clubs_from_fixtures(mentions)
    story = _Story()
    # 1. full person names (longest first), then gazetteer names, define entities first
    full_names = [m for m in mentions if m.evidence == "PERSON" and len(m.tokens) > 1]
    for m in sorted(full_names, key=lambda mm: -len(mm.tokens)):
        person = _person_for(m.tokens, story, m)
        if person is not None:
            story.link(m, person)
        else:
            story.attach(m, "PERSON", True)
    for m in mentions:
        if m.known is not None and m.acronym_of is None:
            person = _person_for(m.tokens, story, m) if m.known.kind == "city" else None
            if person is not None:
                story.link(m, person)
            else:
                story.attach(m, m.known.entity_type, True)
    # 2. multi-word names by their structure (longest first, so "Supreme Court" finds
    #    "U.S. Supreme Court"), then the defaults
    multi_word = [m for m in mentions if m.entity is None and m.acronym_of is None
                  and len(m.tokens) > 1]
    for m in sorted(multi_word, key=lambda mm: -len(mm.tokens)):
        if m.evidence is None:
            continue
        longer = _short_form_for(m, story)
        if longer is not None:
            story.link(m, longer)
        else:
            story.attach(m, m.evidence, True)
    phrases: set[int] = set()
    for m in multi_word:
        if m.entity is None and _person_for(m.tokens, story, m) is None:
            if _dictionary_phrase(m):
                # only a longer name of the story may still claim it (step 3)
                phrases.add(id(m))
            elif not all(fold(t) in vocabulary for t in m.tokens) \
                    and not _common_phrase(m, vocabulary):
                story.attach(m, _default_type([m]), False)
    # 3. acronyms, surnames, short forms and single words
    singles: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.entity is not None:
            continue
        if m.acronym_of is not None and m.acronym_of.entity is not None:
            story.link(m, m.acronym_of.entity)
            continue
        person = _person_for(m.tokens, story, m)
        if person is not None:
            story.link(m, person)
            continue
        org = _short_form_for(m, story)
        if org is not None:
            story.link(m, org)
            continue
        if id(m) not in phrases:
            singles.setdefault(story_key(m.name), []).append(m)
    for group in singles.values():
        if all(m.evidence is None for m in group) and (
                all(m.sentence_start for m in group) or fold(group[0].name) in vocabulary
                or _dictionary_word(group)):
            continue
        evidence = [m.evidence for m in group if m.evidence is not None]
        entity_type = (max(set(evidence), key=lambda e: (evidence.count(e), e == "PERSON"))
                       if evidence else _default_type(group))
        for m in group:
            story.attach(m, entity_type, bool(evidence))
    for ent in story.entities:
        if ent.entity_type == "PERSON" and not ent.known:
            longest = max(ent.mentions, key=lambda mm: len(mm.tokens))
            ent.name, ent.tokens = longest.name, longest.tokens
    return [m for m in mentions if m.entity is not None]


def _drop_works(mentions: list[Mention]) -> list[Mention]:
    """Drop the names that the story mostly writes as titles of works or products: after a
    work noun ("the film X", "the drug X"), before a product noun ("the X version"), or in a
    short quoted title. A gazetteer name or a titled person is never dropped."""
    flagged: dict[str, list[int]] = {}
    for m in mentions:
        counts = flagged.setdefault(story_key(m.name), [0, 0])
        counts[0] += m.work_cue or m.in_title_quote
        counts[1] += 1
    works = {k for k, (hits, total) in flagged.items() if hits and 2 * hits >= total}
    if not works:
        return mentions
    return [m for m in mentions if story_key(m.name) not in works or m.known is not None
            or m.person_cue or m.honorific or m.said]


def _clubs_from_fixtures(mentions: list[Mention]) -> None:
    """A city that plays ("they beat X", "X v Y") names its club, an ORG, everywhere in the
    story; so does an unknown name in a fixture."""
    clubs = {story_key(m.name) for m in mentions if m.club_cue and (
        m.known is None or m.known.kind == "city")}
    if not clubs:
        return
    for m in mentions:
        if story_key(m.name) in clubs and (m.known is None or m.known.kind == "city") \
                and m.evidence != "PERSON":
            m.known, m.evidence = None, "ORG"


def _person_for(words: list[str], story: "_Story", m: Mention) -> StoryEntity | None:
    """The person of the story whose full name contains this shorter name ("Mr Ban",
    "Lavrov", "da Silva"); a titled name also claims an untyped multi-word name."""
    if m.known is not None and m.known.kind in ("country", "region", "org"):
        return None
    if m.evidence in ("ORG", "LOCATION") and len(words) > 1:
        return None
    folded = [fold(w) for w in words]
    for ent in story.persons:
        if len(words) < len(ent.tokens) and _contains([fold(t) for t in ent.tokens], folded):
            return ent
    if m.person_cue:
        for ent in story.multi:
            if not ent.known and len(words) < len(ent.tokens) \
                    and _contains([fold(t) for t in ent.tokens], folded):
                ent.entity_type = "PERSON"
                story.multi.remove(ent)
                story.persons.append(ent)
                return ent
    return None


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def _short_form_for(m: Mention, story: _Story) -> StoryEntity | None:
    """"Texaco" for "Texaco Inc", "UKIP" for "UK Independence Party", "Supreme Court" for
    "U.S. Supreme Court"."""
    if m.honorific:
        return None
    if len(m.tokens) > 1:
        longer = [e for e in story.multi if len(e.tokens) > len(m.tokens) and not e.known
                  and (e.tokens[:len(m.tokens)] == m.tokens or e.tokens[-len(m.tokens):] == m.tokens)]
        return longer[0] if len(longer) == 1 else None
    word = m.tokens[0]
    starts = [e for e in story.multi if e.tokens and e.tokens[0] == word and not e.known]
    if len(starts) == 1:
        return starts[0]
    if ACRONYM_RE.match(m.name):
        key = m.name.replace(".", "").upper()
        hits = [e for e in story.multi if _initials(e.tokens) == key]
        if len(hits) == 1:
            return hits[0]
    return None


def _common_phrase(m: Mention, vocabulary: frozenset[str]) -> bool:
    """A multi-word name with no evidence at all, one of whose words the story also writes
    in lower case and that is no census given name or surname, is a capitalised common
    phrase or a title ("Service Pack", "Raging Bull", "Sustainable Development"), not a
    person: people's names are made of name words."""
    if m.said or m.place_cue:
        return False
    names, last = first_names(), surnames()
    return any(fold(t) in vocabulary and fold(t) not in names and fold(t) not in last
               for t in m.tokens)


def _is_name_word(word: str) -> bool:
    folded = fold(word)
    return folded in first_names() or folded in surnames()


def _dictionary_phrase(m: Mention) -> bool:
    """A multi-word name with no evidence made only of ordinary English words, none of them
    a census given name or surname, is a capitalised phrase or the title of a work ("Human
    Rights", "Member States", "Raging Bull", "Service Pack"), not a person or a body:
    their names carry a name word, a place, an acronym or an organisation word."""
    if m.said or m.evidence is not None:
        return False
    return all(_plain_word(t) for t in m.tokens)


def _plain_word(word: str) -> bool:
    """An English word that is no given name, nor a surname that is a word only through its
    singular or spelling ("Stevens", "Williams")."""
    folded = fold(word)
    if folded in first_names() or not is_english_word(word):
        return False
    return folded in english_words() or folded not in surnames()


def _dictionary_word(group: list[Mention]) -> bool:
    """A single capitalised word with no evidence that is an ordinary English word and no
    census given name or surname ("Future", "Directors", "Submission") names a work, a
    product or nothing at all; a company or a person would carry some cue in the story."""
    name = group[0].name
    if not (name[:1].isupper() and name[1:].islower()) or _is_name_word(name) \
            or name in ORG_SUFFIXES:
        return False
    if any(m.said or m.pronoun_cue or m.possessive or m.naming_cue for m in group):
        return False
    return is_english_word(name)


def _default_type(group: list[Mention]) -> str:
    """Type of a name with no structural evidence: a place where the text says "in X",
    a person for an unexplained multi-word name, an organisation for a single word."""
    places = sum(m.place_cue for m in group)
    if places and 2 * places >= len(group):
        return "LOCATION"
    if any(m.said for m in group) and len(group[0].tokens) > 1:
        return "PERSON"
    if len(group[0].tokens) == 1 and not group[0].name.isupper() \
            and any(m.pronoun_cue for m in group):
        # "Parry claims he will ...": a single unexplained name followed by a personal
        # pronoun is a surname, not a company
        return "PERSON"
    return "ORG" if len(group[0].tokens) == 1 else "PERSON"


def _shouted_word(m: Mention, vocabulary: frozenset[str]) -> bool:
    """An all-capital word that the story also writes in lower case ("FREE" beside "free"),
    not defined as an acronym in the text and unknown to the gazetteers, is an ordinary word
    set in capitals, not an acronym."""
    return (len(m.tokens) == 1 and m.acronym_of is None and len(m.name) > 2 and m.name.isupper()
            and m.name.isalpha() and m.name.lower() in vocabulary and lookup(m.name) is None)


def article_mentions(title: str | None, caption: str | None, body: str | None,
                     dateline: str | None) -> list[Mention]:
    """All linked mentions of one story (title, caption and body)."""
    mentions: list[Mention] = []
    if title and not title.isupper():
        mentions += _scan(title, "title")
    if caption and not caption.isupper():
        mentions += _scan(caption, "caption")
    body = body or ""
    if dateline and body.startswith(dateline):
        place = Mention("body", 0, len(dateline), dateline, dateline.title(),
                        dateline.title().split())
        place.place_cue = True
        mentions.append(place)
        mentions += [m for m in _scan(body, "body") if m.start >= len(dateline)]
    else:
        mentions += _scan(body, "body")
    _link_acronyms(mentions, {"title": title or "", "caption": caption or "", "body": body})
    vocabulary = frozenset(LOWER_WORD_RE.findall(body))
    mentions = [m for m in mentions if not _shouted_word(m, vocabulary)]
    return resolve(mentions, vocabulary)
