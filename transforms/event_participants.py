"""Who and where in one article: its mentions outside quotations, the subject of a clause
(names, pronouns, titles, "the company", "it", "they"), the targets after a trigger and the
place of an event (see docs/events.md, "Actors, targets, place"). `transforms.event_reading`
applies them trigger by trigger."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from transforms.event_sentences import quotation_spans, sentence_spans
from transforms.gazetteer import lookup

@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention of the body: its span, entity, type, canonical name and country."""
    start: int
    end: int
    entity_id: str
    entity_type: str
    name: str = ""
    country: str | None = None


@dataclass(slots=True)
class Event:
    """One event being read: trigger and sentence spans, participants, place and date window."""
    event_type: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    paragraph: int
    actors: list[str]
    actor_basis: str | None
    targets: list[str]
    location: str | None
    location_basis: str | None
    next_trigger: int = 0
    date_window_start: int = 0


# Where a clause's subject can start: reporting verbs, conjunctions, relative pronouns.
CLAUSE_BREAK = re.compile(
    r";|:|[\u201c\u201d\"]|,\s+and\b|\b(?:that|said|says|added|adds|noted|notes|explained|"
    r"argued|insisted|warned|when|while|where|whereas|but|after|before|because|although|who|which)\b")
_RELATIVE = re.compile(r"who|which")
_PERSON_TITLES = (r"(?:Secretary-General|Secretary|President|Vice-President|Prime Minister|Premier|"
                  r"Minister|Chancellor|King|Queen|Prince|Ambassador|Envoy|Governor|Senator|"
                  r"Chairman|Chairwoman|Mayor|Commissioner|Pope|Spokesman|Spokeswoman|"
                  r"minister|president|chairman|envoy|ambassador|spokesman|spokeswoman|leader|"
                  r"secretary|governor|treasurer|chief executive|director)")
# A title in apposition right before the name ("the president of the exchange, Ana Duarte,"):
# it names the person, it is no separate subject.
_TITLE_APPOSITION = re.compile(_PERSON_TITLES + r"(?:\s+(?:of|for|at)\s+(?:the\s+)?(?:[\w.&'-]+\s+){0,5}?"
                               r"[\w.&'-]+)?,?\s*$")
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_PRONOUN_BEFORE_TRIGGER = re.compile(r"(?:^|,\s*|\s)(?:[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?$")
# "it" acting (an organisation: "the company said it signed", "it is holding talks"), not the
# dummy "it was agreed".
_IT_SUBJECT = re.compile(r"\b[Ii]t\s+(?:(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be)\s+[a-z]+ing\b|"
                         r"(?!(?:was|is|has been|had been|will be|would be)\b)[a-z])")
_TITLE_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?:[A-Za-z][\w'\u2019-]*\s+){0,4}?" + _PERSON_TITLES + r"\s+[a-z]")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|in|at|to|from|for|of|on|by|against|between|among|near|into|over)\s+(?:the\s+)?<?$",
    re.IGNORECASE)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|across|to)\s+(?:the\s+)?(?:(?:north|south|east|west|central)"
    r"(?:ern|-?east|-?west)?(?:ern)?\s+|(?:capital|city|town|village|region|province|state|port|"
    r"district|suburbs?|outskirts)(?:\s+of)?,?\s+)?$", re.IGNORECASE)
# The same without "to" / "into": for events other than visits a place after "to" is the
# recipient ("pledged aid to Sylvania": a target), not where the event happened.
_STATIC_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|hosted\s+by|(?:visits?|trips?|travell?(?:ed|ing)?|travels|went|"
    r"go|goes|going|came|flew|journey|mission|arrived|returned|headed|moved)\s+to)\s+(?:the\s+)?(?:(?:north|south|east|west|central)"
    r"(?:ern|-?east|-?west)?(?:ern)?\s+|(?:capital|city|town|village|region|province|state|port|"
    r"district|suburbs?|outskirts)(?:\s+of)?,?\s+)?$", re.IGNORECASE)
_SUBJECT_JOIN = re.compile(r"(?:\s*(?:,|and|&|the|['\u2019]s(?:\s+[A-Z][\w.-]*)*)\s*)*")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
# People of a place who are not its state: "Rio de Janeiro's 3,500 dockworkers", "Spain's metal
# workers" (while "Iran's parliament" or "U.S. officials" stand for the country).
_LOWER_NOUN_AFTER = re.compile(
    r"['\u2019]s\s+(?:[\d,.]+\s+)?(?:[a-z-]+\s+){0,2}?(?:workers|dockworkers|miners|farmers|employees|"
    r"people|residents|citizens|voters|consumers|creditors|banks|companies|firms|producers|exporters|"
    r"importers|unions|traders|dealers|investors|students|teachers|doctors|nurses|shareholders|"
    r"businessmen|industrialists|manufacturers|retailers|airlines|refiners|shipowners|seamen|pilots|"
    r"drivers|journalists|fans)\b")
PARTICIPLE = re.compile(r"[A-Za-z]+ed|taken into custody|shot dead")
_DUMMY_IT = re.compile(r"\b[Ii]t\s+(?:has\s+|had\s+)?(?:been|was|is)\s+(?:[a-z]+ly\s+)?$")
# Between an organisation or place and the person it describes: an optional possessive, then
# up to five words, one of them a title ("chairman", "Secretary General", "Trade Minister").
_TITLE_GAP = re.compile(r"(?:['\u2019]s)?((?:\s+[A-Za-z][\w.&'\u2019-]*){1,5})\s+")
_TITLE_WORDS = frozenset("""secretary-general secretary general president vice-president
    minister premier chancellor king queen prince ambassador envoy governor senator sen rep
    chairman chairwoman chair chief executive officer director spokesman spokeswoman
    spokesperson leader head commissioner mayor manager coach captain official representative
    adviser advisor treasurer founder owner editor correspondent professor prof dr gen commander
    colonel col lieutenant lt deputy vice economist analyst president-elect boss striker
    midfielder defender goalkeeper player skipper counsel attorney lawyer judge justice
    undersecretary under-secretary emissary negotiator delegate chairperson controller member
    vice-chairman vice-chancellor superintendent marshal admiral adm general-secretary""".split())
# "Ana Duarte, Northwind board chairman,": a comma between the name and the organisation,
# then up to four words (one of them a title) and a comma.
_APPOSITION_GAP = re.compile(r",\s+(?:the\s+)?")
_APPOSITION_TITLE = re.compile(r"['\u2019]?s?((?:\s+[A-Za-z][\w.&'\u2019-]*){1,4}),")
# Lower-case words allowed inside such a title ("foreign minister", "chief executive").
_TITLE_MODIFIERS = frozenset("""foreign finance trade defence defense interior economy health
    prime deputy senior former acting new top interim assistant economic oil agriculture energy
    justice education labour labor environment transport industry commerce state home news press
    information culture managing first second vice joint general of for the central bank reserve
    federal national state""".split())
# A definite noun phrase standing for an organisation named earlier: "the company said",
# "the ministry announced"; the head noun says which kind of organisation fits.
_ORG_NOUN_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?:[a-z-]+\s+)?(company|firm|concern|corporation|group|bank|ministry|department|"
    r"association|council|committee|union|agency|party|commission|organi[sz]ation|federation|"
    r"board|court|airline|carrier|utility|insurer|retailer|producer|maker|cartel)"
    r"(?:\s+(?:also|then|later|has|had|have|will|would|is|was|on\s+\w+day)\b)?\s+[a-z]")
# "the two companies", "the two countries", "the two leaders" and the entities they stand for.
_PAIR_SUBJECT = re.compile(r"\b[Tt]he\s+two\s+(companies|firms|banks|groups|countries|governments|nations|"
                           r"sides|leaders|men|women|ministers|presidents)\b")
_PAIR_TYPES = {**dict.fromkeys(("companies", "firms", "banks", "groups"), ("ORG",)),
               **dict.fromkeys(("countries", "governments", "nations", "sides"), ("LOCATION", "ORG")),
               **dict.fromkeys(("leaders", "men", "women", "ministers", "presidents"), ("PERSON",))}
_COMPANY_NOUNS = frozenset(
    "company firm concern corporation group airline carrier utility insurer retailer producer maker "
    "board".split())
# Organisations a company noun does not stand for.
_PUBLIC_BODY = re.compile(
    r"\b(?:Ministry|Council|Committee|Party|Union|Nations|Government|Department|Agency|"
    r"Commission|Court|Parliament|Congress|Senate|Assembly|Army|Police|Association|Federation|"
    r"Organi[sz]ation|Office|Bureau|Board|Fund|Reserve|Community|Treasury|House|Programme|"
    r"Program|Institute|Foundation|Authority|Movement|Front|League|Forces?)\b")
_THEY_SUBJECT = re.compile(r"\b[Tt]hey\b")
# An organisation or country then a title, no name after it: "the USDA secretary said".
_ORG_TITLE_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z-]+\s+)?(?:secretary|chairman|chairwoman|president|"
                              r"minister|spokesman|spokeswoman|leader|governor|chief|director|head)"
                              r"\s+(?![A-Z])")
_GOVERNMENT_SUBJECT = re.compile(r"\b[Tt]he\s+government(?:\s+(?:also|then|later|has|had|have|will|would|"
                                 r"is|was|on\s+\w+day))?\s+[a-z]")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A parent company or group a participant belongs to: "a unit of E.F. Hutton Group".
_PARENT_BEFORE = re.compile(r"\b(?:unit|subsidiary|division|affiliate|arm|parent|member|part)\s+of\s+"
                            r"(?:the\s+)?<?$|\bowned\s+by\s+(?:the\s+)?<?$")
# "Wang Xuebing, jailed for 12 years": a participle right after a name and a comma is passive.
_REDUCED_PASSIVE = re.compile(r",\s*(?:who\s+(?:was|were)\s+)?")
# "its board declared", "its forces launched": the organisation or country "its" stands for.
_ITS_SUBJECT = re.compile(r"\b[Ii]ts\s+(?:[a-z-]+\s+){1,2}$")
# A clause with no subject of its own after a conjunction: "Indonesia devalued ..., and has
# announced measures", "X will meet Y before travelling to Europe": the first clause's subject.
_OPENING_LOWER_WORDS = 4
_SHARED_SUBJECT_BREAKS = frozenset({"and", "but", "before", "after", "while", "when"})
_NO_SUBJECT = re.compile(r"(?:\s*(?:has|have|had|was|were|is|are|will|would|also|then|later|"
                         r"subsequently|since|itself|[a-z]+ly))*\s*")
# Trigger nouns (with "with" / "to": "talks with", "trip to").
NOMINAL_TRIGGER = re.compile(
    r"(?i:attacks?|bombings?|killing|explosions?|massacre|meetings?|talks|summit|conference|"
    r"agreements?|accords?|treaty|elections?|referendum|ballot|protests?|demonstrations?|"
    r"sanctions|embargo|arrests?|clashes|fighting|shelling|visits?|trips?|tour of|threat of|"
    r"condemnation|rejection of|deployment of)(?:\s+(?:with|to))?")
# A sentence-initial phrase holding the trigger, before the main clause's subject: "In a
# statement, X said", "Speaking at a news conference, X said", "After meeting Y, X said",
# "During her visit to Accra, X said" (the text before the trigger is matched).
_FRONTED_PARTICIPLE = re.compile(r"[\"'\u201c\u2018]?([A-Z][a-z]+ing)\b[^,;:]*")
_FRONTED_GERUND = re.compile(r"[\"'\u201c\u2018]?(?:After|Before|Upon|Since|While|When|On|In)\s+")
_FRONTED_POSSESSIVE = re.compile(r"[\"'\u201c\u2018]?(?:In|At|On|During|After|Before|Upon|Ahead of)\s+"
                                 r"(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}")
_FRONTED_AT = re.compile(r"[\"'\u201c\u2018]?(?:In|At)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}")
# Prepositions that make a mention after the trigger its topic, not its target ("a meeting on
# Libya", "talks about trade with Sylvania" keeps Sylvania); "on" / "over" name the target of an
# attack or a sanction ("the attack on Freedonia", "sanctions on Sylvania").
_TOPIC_BEFORE = re.compile(r"\b(?:about|concerning|regarding|over|on)\s+(?:the\s+)?$", re.IGNORECASE)
_TOPIC_OR_TARGET_BEFORE = re.compile(r"\b(?:about|concerning|regarding)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_TARGET_TYPES = frozenset({"violence", "fight", "sanction", "arrest", "threaten"})
# A reporting clause closing the sentence: ", Gold Fields of South Africa Ltd said."
_TRAILING_ATTRIBUTION = re.compile(r",[^,;]{0,80}?\b(?:said|says|told|added|reported|announced)\b[^,;]{0,40}[.!?]?$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_OF_BETWEEN = re.compile(r",?\s+of\s+(?:the\s+)?")
_LEAD_CLAUSE = re.compile(r"\b(?:that|which|who|said|says)\b")
_ATTENDING = re.compile(r"\b(?:at|in|during|after|from)\s+(?:(?:a|an|the|its|his|her|their)\s+)?"
                        r"(?:[\w-]+\s+){0,3}$")
_FRONTED_TYPES = frozenset({"statement", "meet", "conference", "visit"})
_NOT_PARTICIPLES = frozenset("during following including according regarding concerning "
                             "notwithstanding morning evening something nothing anything everything "
                             "spring building king".split())
_AGENT_BY = re.compile(r"\bby\b([^,;]*)")
# A possessor before a nominal trigger ("Nakasone's talks", "the Bundesbank's central bank
# council meeting", "his first meeting", "the company's annual meeting"): the possessor acts,
# whoever the clause's subject is. Group 1: a possessive pronoun; group 2: an organisation noun.
_POSSESSOR_BEFORE = re.compile(
    r"(?:\b([Hh]is|[Hh]er|[Ii]ts|[Tt]heir)|\b[Tt]he\s+(company|firm|group|bank|ministry|government|"
    r"party|union|council|committee|board|agency)['\u2019]s|['\u2019]s)"
    r"\s+(?:(?:(?!(?:and|or|but|with|to|of|in|on|at|for)\b)[\w.-]+\s+){0,3}|"
    r"(?:[A-Z][\w.-]*\s+(?:(?:and|of|for|&)\s+)?){1,6})$")
# Types whose possessor is the actor ("Exxon's annual meeting"); an arrest's or a killing's
# possessor is its victim, an election's its electorate.
_POSSESSOR_ACTS = frozenset({"meet", "visit", "conference", "agreement", "statement", "pledge",
                             "appeal", "threaten", "criticize", "reject", "praise", "protest",
                             "sanction", "fight", "aid"})
# An organisation right before a meeting noun, with at most two lower-case words between.
_BODY_MEETS = frozenset({"meet", "conference"})
_COUNTRY_ACTS = frozenset({"violence", "sanction"})
_MODIFIER_GAP = re.compile(r"\s+(?:(?!(?:the|a|an|this|that|its|their|his|her|to|of|for|as|and|or)\s)"
                           r"[a-z][\w-]*\s+){0,2}")
_BODY_JOIN = re.compile(r"\s*(?:,|and|,\s+and)\s*")
_ATTACK_NOUN = re.compile(r"(?i:attacks?)")


# A place word that opens a demonym phrase: "Latin" of "Latin American producers".
_DEMONYM_AFTER = re.compile(r"\s+(?:American|African|European|Asian|Arab|Atlantic|Pacific)s?\b")


def _fragment(body: str, mention: Mention) -> bool:
    """A mention that starts or ends inside a word or a dotted acronym ("Sino-U" of
    "Sino-U.S."), or a single character: an entity extractor's partial match, no participant."""
    before = body[mention.start - 1:mention.start] if mention.start else ""
    after = body[mention.end:mention.end + 3]
    return (mention.end - mention.start < 2 or before.isalnum() or after[:1].isalnum()
            or (after[:1] == "." and after[1:2].isalpha() and after[2:3] == ".")
            or _DEMONYM_AFTER.match(body, mention.end) is not None)


class ArticleContext:
    """One article's body, its mentions outside quotations and its quotation spans."""

    def __init__(self, body: str, mentions: list[Mention]):
        self.body = body
        quotes = quotation_spans(body)
        self._quote_starts = [s for s, _ in quotes]
        self._quote_ends = [e for _, e in quotes]
        self.mentions = [m for m in mentions if not self.in_quote(m.start) and not _fragment(body, m)]
        self._mention_starts = [m.start for m in self.mentions]
        self.persons = {m.entity_id for m in mentions if m.entity_type == "PERSON"}
        self.by_id = {m.entity_id: m for m in mentions}
        self._sentence_starts: list[int] | None = None

    def sentence_start_of(self, pos: int) -> int:
        """Start of the sentence holding `pos` (the whole body split lazily, once)."""
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _, _ in sentence_spans(self.body)]
        i = bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[i] if i >= 0 else 0

    def nearest_before(self, pos: int, types: tuple[str, ...], lower_bound: int = 0) -> int:
        """Index in `mentions` of the last mention of one of `types` starting before `pos`
        (and at or after `lower_bound`), else -1."""
        i = bisect_left(self._mention_starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= lower_bound:
            if self.mentions[i].entity_type in types:
                return i
            i -= 1
        return -1

    def previous_subject(self, pos: int, types: tuple[str, ...], max_sentences: int = 4) -> Mention | None:
        """The subject of the most recent sentence before `pos` whose subject is named: its
        first mention of one of `types`, when no pronoun or title stands before it ("Ana met
        Kofi. She said ..." is Ana; "The Minister briefed Kofi" has a subject named earlier,
        so the search goes on back). None after `max_sentences` sentences or at the start."""
        for _ in range(max_sentences):
            last = self.nearest_before(pos, types)
            if last < 0:
                return None
            start = self.sentence_start_of(self.mentions[last].start)
            first = next(m for m in self.mentions[bisect_left(self._mention_starts, start):last + 1]
                         if m.entity_type in types)
            lead = self.body[start:first.start]
            titled = _TITLE_SUBJECT.search(lead + " x") is not None and not _TITLE_APPOSITION.search(lead)
            if not (_PRONOUN_SUBJECT.search(lead) or titled):
                return first
            pos = start
        return None

    def title_gap(self, mention: Mention, person: Mention) -> bool:
        """An organisation or place before a person's title: "Northwind chairman Kofi
        Mensah", "Freedonia's Foreign Minister Ana Duarte" (the person acts, not the
        organisation)."""
        if mention.entity_type == "PERSON" or person.entity_type != "PERSON":
            return False
        gap = _TITLE_GAP.fullmatch(self.body, mention.end, person.start)
        if gap is None:
            return False
        words = [w.rstrip(".,") for w in gap.group(1).split()]
        return (any(w.lower() in _TITLE_WORDS for w in words)
                and all(w[0].isupper() or w in _TITLE_WORDS or w in _TITLE_MODIFIERS for w in words))

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self._quote_ends[i]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Mentions (outside quotations) lying wholly inside [start, end)."""
        i = bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def after_preposition(self, mention: Mention, lower_bound: int, pattern: re.Pattern) -> bool:
        return pattern.search(self.body, max(lower_bound, mention.start - 40), mention.start) is not None

    def is_modifier(self, mention: Mention, group: list[Mention]) -> bool:
        """A place in the possessive before a person or organisation ("Russia's Foreign
        Minister ...") describes it rather than acting itself."""
        if (mention.entity_type == "LOCATION"
                and _POSSESSIVE_AFTER.match(self.body, mention.end) is not None
                and (any(m.start > mention.start and m.entity_type != "LOCATION" for m in group)
                     or _LOWER_NOUN_AFTER.match(self.body, mention.end) is not None)):
            # "Russia's Foreign Minister X", "Rio de Janeiro's 3,500 dockworkers".
            return True
        after = next((m for m in group if m.start >= mention.end), None)
        if after is not None and self.title_gap(mention, after):
            return True
        before = next((m for m in reversed(group) if m.end <= mention.start), None)
        return before is not None and self.appositive_title(before, mention)

    def appositive_title(self, person: Mention, mention: Mention) -> bool:
        """An organisation or place in a title set off after a person's name: "Ana Duarte,
        Northwind board chairman, said" (the person acts, not Northwind)."""
        if person.entity_type != "PERSON" or mention.entity_type == "PERSON":
            return False
        if _APPOSITION_GAP.fullmatch(self.body, person.end, mention.start) is None:
            return False
        title = _APPOSITION_TITLE.match(self.body, mention.end)
        return title is not None and any(w.lower().rstrip(".") in _TITLE_WORDS for w in title.group(1).split())


def unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


# A verb before the first free mention of a clause (since the last comma: "..., Ana said"
# keeps Ana): the mention is its object, and the clause's subject is unnamed ("negotiators
# have shuttled between Tehran and Paris").
_VERB_BEFORE = re.compile(r"\b(?:has|have|had|was|were|is|are)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b|"
                          r"\b[a-z]{3,}ed\s+(?:between|with|to|from|on|by|into|the|a|an|his|her|its|their)\b")


def _subject_group(ctx: ArticleContext, candidates: list[Mention], zone_start: int) -> list[Mention]:
    """The first run of mentions in the zone that is not governed by a preposition, joined by
    'and', commas or a possessive title ("Russia's Foreign Minister Sergey Lavrov")."""
    first = next((i for i, m in enumerate(candidates)
                  if not ctx.after_preposition(m, zone_start, _PREPOSITION_BEFORE)), None)
    if first is None:
        return []
    lead_start = max(zone_start, ctx.body.rfind(",", zone_start, candidates[first].start) + 1)
    if _VERB_BEFORE.search(ctx.body, lead_start, candidates[first].start):
        return []
    group = [candidates[first]]
    for m in candidates[first + 1:]:
        if (_SUBJECT_JOIN.fullmatch(ctx.body, group[-1].end, m.start) is None
                and not ctx.title_gap(group[-1], m)):
            break
        group.append(m)
    return [m for m in group if not ctx.is_modifier(m, group)]


@dataclass(slots=True)
class Resolver:
    """Actors, targets and place of each trigger of one article, in reading order."""

    ctx: ArticleContext
    last_person: str | None = None

    def actors(self, sentence: tuple[int, int, int], breaks: list[tuple[int, int, str]],
               trigger_start: int, earlier: list[Event]) -> tuple[list[str], str | None]:
        zone_start, break_word = sentence[0], ""
        for _, b_end, word in breaks:
            if b_end <= trigger_start:
                zone_start, break_word = b_end, word
        return self.zone_actors(sentence, zone_start, trigger_start, break_word, earlier)

    def zone_actors(self, sentence: tuple[int, int, int], zone_start: int, zone_end: int,
                    break_word: str, earlier: list[Event],
                    context_start: int | None = None) -> tuple[list[str], str | None]:
        """The subject of the clause zone [zone_start, zone_end): a pronoun, title, "it",
        "the company" or "they" resolved, else the first ungoverned run of mentions, else
        (after "who" / "which") the mention before the zone. Pronouns look for antecedents
        before `context_start` (default: the zone's start)."""
        body = self.ctx.body
        context = zone_start if context_start is None else context_start
        candidates = self.ctx.mentions_between(zone_start, zone_end)
        before_first = body[zone_start:candidates[0].start if candidates else zone_end + 1]
        if (not candidates and break_word.split()[-1:] and break_word.split()[-1] in _SHARED_SUBJECT_BREAKS
                and _NO_SUBJECT.fullmatch(body, zone_start, zone_end)):
            shared = self._sentence_subject(sentence, zone_start, ("PERSON", "ORG", "LOCATION"))
            if shared and self._opens_sentence(sentence, shared[0]):
                return shared, "coreference"
        if not candidates and _ITS_SUBJECT.search(body, zone_start, zone_end):
            return self._it_subject(sentence, context)
        title = _TITLE_SUBJECT.search(before_first) is not None
        if title or _PRONOUN_SUBJECT.search(before_first) or _PRONOUN_BEFORE_TRIGGER.search(
                body, max(zone_start, zone_end - 30), zone_end):
            # "..., America West shares ..., he said in a statement": the pronoun next to the
            # trigger is its subject, whatever is named before it.
            return self._coreference(sentence, context, earlier, use_sentence=not title)
        it = _IT_SUBJECT.search(body, zone_start, min(sentence[1], zone_end + 40))
        if it is not None and it.start() < (candidates[0].start if candidates else zone_end):
            return self._it_subject(sentence, context)
        if (candidates and candidates[0].entity_type != "PERSON"
                and _ORG_TITLE_AFTER.match(body, candidates[0].end)
                and _THE_BEFORE.search(body, max(zone_start, candidates[0].start - 8), candidates[0].start)):
            # "The USDA secretary said": a title whose holder was named before.
            return self._coreference(sentence, context, earlier, use_sentence=False)
        if _GOVERNMENT_SUBJECT.search(before_first):
            return self._government(zone_start)
        pair = _PAIR_SUBJECT.search(before_first)
        if pair:
            return self._pair(pair.group(1).lower(), zone_start)
        noun = _ORG_NOUN_SUBJECT.search(before_first)
        if noun:
            return self._organisation_noun(noun.group(1).lower(), zone_start)
        if _THEY_SUBJECT.search(before_first):
            return self._they_subject(sentence, context, earlier)
        group = _subject_group(self.ctx, candidates, zone_start)
        if group:
            return unique([m.entity_id for m in group]), "explicit"
        if _RELATIVE.fullmatch(break_word):
            antecedent = self.ctx.mentions_between(max(sentence[0], zone_start - 60), zone_start)
            if antecedent:
                return [antecedent[-1].entity_id], "explicit"
        return [], None

    def _sentence_subject(self, sentence: tuple[int, int, int], zone_start: int,
                          types: tuple[str, ...]) -> list[str]:
        """The subject group of the sentence's first clause when it ends before `zone_start`
        ("Freedonia said it ...", "Ana and Kofi said they ..."), kept to `types`."""
        candidates = self.ctx.mentions_between(sentence[0], zone_start)
        group = _subject_group(self.ctx, candidates, sentence[0])
        return unique([m.entity_id for m in group if m.entity_type in types])

    def _opens_sentence(self, sentence: tuple[int, int, int], entity_id: str) -> bool:
        """Whether the sentence opens with the entity's mention, after at most four lower-case
        words and no verb ("But on May 1, President Kaunda ...", "Civil rights group Liberty"),
        not after a clause of its own ("He said the ministers discussed last year's ...")."""
        first = next(m for m in self.ctx.mentions_between(sentence[0], sentence[1]) if m.entity_id == entity_id)
        lead = self.ctx.body[sentence[0]:first.start]
        words = re.findall(r"[A-Za-z][\w'-]*", lead)
        return (len([w for w in words if w[0].islower()]) <= _OPENING_LOWER_WORDS
                and not _VERB_BEFORE.search(lead) and not _LEAD_CLAUSE.search(lead))

    def _it_subject(self, sentence: tuple[int, int, int], zone_start: int) -> tuple[list[str], str | None]:
        """"it" acting: the organisation or country that is the sentence's earlier subject,
        else the nearest organisation earlier in the sentence, else the previous sentence's
        subject organisation, else that sentence's nearest organisation."""
        subject = self._sentence_subject(sentence, zone_start, ("ORG", "LOCATION"))
        if len(subject) == 1:
            return subject, "coreference"
        i = self.ctx.nearest_before(zone_start, ("ORG",), sentence[0])
        if i < 0:
            previous = self.ctx.sentence_start_of(max(0, sentence[0] - 2))
            # The previous sentence's subject when it is an organisation ("Northwind said it
            # bought Lisbon Ltd, a unit of Accra Corp. It said ..." is Northwind), else its
            # nearest organisation.
            group = _subject_group(self.ctx, self.ctx.mentions_between(previous, sentence[0]), previous)
            if group and group[0].entity_type == "ORG":
                return [group[0].entity_id], "coreference"
            i = self.ctx.nearest_before(sentence[0], ("ORG",), previous)
        if i >= 0:
            return [self.ctx.mentions[i].entity_id], "coreference"
        return [], None

    def _government(self, zone_start: int) -> tuple[list[str], str | None]:
        """"the government": the country named last before it in the story."""
        i = bisect_left(self.ctx._mention_starts, zone_start) - 1
        while i >= 0:
            m = self.ctx.mentions[i]
            known = lookup(m.name) if m.entity_type == "LOCATION" else None
            if known is not None and known.kind == "country":
                return [m.entity_id], "coreference"
            i -= 1
        return [], None

    def _pair(self, noun: str, zone_start: int) -> tuple[list[str], str | None]:
        """"the two companies", "the two countries", "the two leaders": the last two distinct
        entities of the fitting type named in this or the previous sentence."""
        types = _PAIR_TYPES[noun]
        lower = self.ctx.sentence_start_of(max(0, self.ctx.sentence_start_of(zone_start) - 2))
        found: list[str] = []
        polities: set[str] = set()
        i = bisect_left(self.ctx._mention_starts, zone_start) - 1
        while i >= 0 and self.ctx.mentions[i].start >= lower and len(found) < 2:
            m = self.ctx.mentions[i]
            # "Moscow" after "the Soviet Union" is the same country again.
            if m.entity_type in types and m.entity_id not in found and m.country not in polities:
                found.append(m.entity_id)
                if m.entity_type == "LOCATION" and m.country:
                    polities.add(m.country)
            i -= 1
        return (found[::-1], "coreference") if len(found) == 2 else ([], None)

    def _organisation_noun(self, noun: str, zone_start: int) -> tuple[list[str], str | None]:
        """"the company", "the ministry", ...: the most recent organisation of the story whose
        name has that noun ("the ministry" -> "Finance Ministry"), or, for a company noun, the
        most recent organisation that is not a public body."""
        word = re.compile(r"\b" + noun.replace("organis", "organi[sz]").replace("organiz", "organi[sz]")
                          + r"\b", re.IGNORECASE)
        company = noun in _COMPANY_NOUNS
        i = bisect_left(self.ctx._mention_starts, zone_start) - 1
        while i >= 0:
            m = self.ctx.mentions[i]
            if m.entity_type == "ORG" and (word.search(m.name)
                                           or (company and not _PUBLIC_BODY.search(m.name))):
                return [m.entity_id], "coreference"
            i -= 1
        return [], None

    def _they_subject(self, sentence: tuple[int, int, int], zone_start: int,
                      earlier: list[Event]) -> tuple[list[str], str | None]:
        """"they": the sentence's earlier subject when it names several parties or an
        organisation ("Freedonia and Sylvania said they ..."), else the actors of the previous
        event when there were several and it was in this or the previous sentence."""
        subject = self._sentence_subject(sentence, zone_start, ("PERSON", "ORG", "LOCATION"))
        if len(subject) > 1 or (subject and subject[0] not in self.ctx.persons):
            return subject, "coreference"
        if earlier and len(earlier[-1].actors) > 1 and earlier[-1].sentence_start >= \
                self.ctx.sentence_start_of(max(0, sentence[0] - 2)):
            return list(earlier[-1].actors), "coreference"
        return [], None

    def _coreference(self, sentence: tuple[int, int, int], zone_start: int, earlier: list[Event],
                     use_sentence: bool) -> tuple[list[str], str | None]:
        """A pronoun or title subject: the person acting in the previous event of the sentence,
        else (for a pronoun) the nearest person named earlier in the sentence, else the
        subject person of the most recent earlier sentence naming one (a title: the last
        person who acted in an earlier event first)."""
        for event in reversed(earlier):
            if event.sentence_start != sentence[0]:
                break
            acting = [a for a in event.actors if a in self.ctx.persons]
            if acting:
                return acting[:1], "coreference"
        if use_sentence:
            named = [m for m in self.ctx.mentions_between(sentence[0], zone_start)
                     if m.entity_type == "PERSON"]
            if named:
                return [named[-1].entity_id], "coreference"
        if not use_sentence and self.last_person:
            return [self.last_person], "coreference"
        previous = self.ctx.previous_subject(sentence[0], ("PERSON",))
        if previous is not None:
            return [previous.entity_id], "coreference"
        if self.last_person:
            return [self.last_person], "coreference"
        return [], None

    def possessor(self, sentence: tuple[int, int, int], trigger_start: int, trigger_end: int,
                  event_type: str, earlier: list[Event]) -> tuple[list[str], str | None] | None:
        """The actor a possessive names before a nominal trigger, or None when there is none:
        a mention right before "'s" ("Nakasone's talks"), an organisation noun ("the company's
        annual meeting") or a possessive pronoun ("his first meeting", "its board meeting")
        resolved like the matching subject pronoun."""
        if event_type not in _POSSESSOR_ACTS and not (
                event_type == "violence" and _ATTACK_NOUN.fullmatch(self.ctx.body, trigger_start, trigger_end)):
            return None
        lead = _POSSESSOR_BEFORE.search(self.ctx.body, max(sentence[0], trigger_start - 60), trigger_start)
        if lead is None:
            return self._naming_modifier(sentence, trigger_start, event_type)
        pronoun, noun = lead.group(1), lead.group(2)
        if noun:
            return self._organisation_noun(noun.lower(), lead.start())
        if pronoun is None:
            owner = self._named_before(sentence, lead.start())
            return ([owner], "explicit") if owner is not None else None
        pronoun = pronoun.lower()
        if pronoun == "its":
            return self._it_subject(sentence, lead.start())
        if pronoun == "their":
            return self._they_subject(sentence, lead.start(), earlier)
        return self._coreference(sentence, lead.start(), earlier, use_sentence=True)

    def victim(self, sentence: tuple[int, int, int], trigger_start: int, trigger_end: int,
               event_type: str) -> str | None:
        """The named possessor of an arrest or a killing ("Ana Duarte's arrest"): who
        suffers it, not who does it."""
        if event_type not in ("arrest", "violence") or _ATTACK_NOUN.fullmatch(
                self.ctx.body, trigger_start, trigger_end):
            return None
        lead = _POSSESSOR_BEFORE.search(self.ctx.body, max(sentence[0], trigger_start - 60), trigger_start)
        if lead is None or lead.group(1) or lead.group(2):
            return None
        return self._named_before(sentence, lead.start())

    def _named_before(self, sentence: tuple[int, int, int], pos: int) -> str | None:
        """The entity of the mention ending right at `pos` (before a possessive "'s")."""
        owner = next((m for m in self.ctx.mentions_between(max(sentence[0], pos - 80), pos) if m.end == pos), None)
        return owner.entity_id if owner is not None else None

    def _naming_modifier(self, sentence: tuple[int, int, int], trigger_start: int,
                         event_type: str) -> tuple[list[str], str | None] | None:
        """An organisation naming a meeting or a conference right before it ("the OPEC
        ministerial meeting", "a Forex Club meeting"): the body that meets; a country naming
        an attack or sanctions ("the U.S. attack", "Sylvanian sanctions"): the country."""
        kind = "ORG" if event_type in _BODY_MEETS else "LOCATION" if event_type in _COUNTRY_ACTS else None
        before = self.ctx.mentions_between(max(sentence[0], trigger_start - 80), trigger_start)
        if not (kind and before and before[-1].entity_type == kind
                and _MODIFIER_GAP.fullmatch(self.ctx.body, before[-1].end, trigger_start)):
            return None
        # "the IMF and World Bank meetings": both bodies.
        bodies = [before.pop()]
        while (before and before[-1].entity_type == "ORG"
               and _BODY_JOIN.fullmatch(self.ctx.body, before[-1].end, bodies[0].start)):
            bodies.insert(0, before.pop())
        return unique([m.entity_id for m in bodies]), "explicit"

    def place(self, sentence: tuple[int, int, int], event_type: str, trigger_end: int,
              zone_end: int, after_only: bool = False) -> str | None:
        """The place named in the sentence: a LOCATION after 'in', 'at', 'near', 'to', ...
        (for a visit also any LOCATION between the trigger and the end of its clause: "visit
        places such as Liverpool"), the first one after the trigger, else the last one before
        it."""
        before = _PLACE_BEFORE if event_type == "visit" else _STATIC_PLACE_BEFORE
        places = [m for m in self.ctx.mentions_between(sentence[0], sentence[1])
                  if m.entity_type == "LOCATION"
                  and (self.ctx.after_preposition(m, sentence[0], before)
                       or (event_type == "visit" and trigger_end <= m.start < zone_end))]
        after = [m for m in places if m.start >= trigger_end]
        if after:
            return after[0].entity_id
        return places[-1].entity_id if places and not after_only else None

    def targets(self, trigger_end: int, zone_end: int, actors: list[str], place: str | None,
                event_type: str = "") -> list[str]:
        """Mentions after the trigger up to the next trigger or clause break, except the actors,
        the place, other places after a preposition, possessive place modifiers, and (for a
        visit) any place: the places a visit names are where it goes, not whom it targets."""
        attribution = _TRAILING_ATTRIBUTION.search(self.ctx.body, trigger_end, zone_end)
        if attribution is not None:
            # "..., Gold Fields of South Africa Ltd said": the source, not a participant.
            zone_end = attribution.start()
        candidates = self.ctx.mentions_between(trigger_end, zone_end)
        topic_before = _TOPIC_OR_TARGET_BEFORE if event_type in _ON_TARGET_TYPES else _TOPIC_BEFORE
        kept, previous_place, previous_topic = [], None, None
        for m in candidates:
            # A place, or a place listed with one ("in Japan, South Korea and China").
            is_place = m.entity_type == "LOCATION" and (
                event_type == "visit"
                or self.ctx.after_preposition(m, trigger_end, _STATIC_PLACE_BEFORE)
                or self._listed_with(previous_place, m))
            previous_place = m if is_place else None
            # A topic ("a meeting on Libya", "talks about Sylvania and Freedonia").
            is_topic = (self.ctx.after_preposition(m, trigger_end, topic_before)
                        or self._listed_with(previous_topic, m))
            previous_topic = m if is_topic else None
            parent = _PARENT_BEFORE.search(self.ctx.body, max(trigger_end, m.start - 30), m.start) is not None
            if (not is_place and not is_topic and not parent and m.entity_id not in actors
                    and m.entity_id != place
                    and not self.ctx.is_modifier(m, candidates) and not self._describes(m, candidates)):
                kept.append(m)
        return unique([m.entity_id for m in kept])

    def _describes(self, mention: Mention, candidates: list[Mention]) -> bool:
        """A place describing a noun or a person rather than taking part: "their Madrid
        headquarters", "Ana Duarte of Freedonia"."""
        if mention.entity_type != "LOCATION":
            return False
        body = self.ctx.body
        if (_DETERMINER_BEFORE.search(body, max(0, mention.start - 8), mention.start)
                and _NOUN_AFTER.match(body, mention.end)):
            return True
        person = next((m for m in reversed(candidates) if m.end <= mention.start), None)
        return (person is not None and person.entity_type == "PERSON"
                and _OF_BETWEEN.fullmatch(body, person.end, mention.start) is not None)

    def _listed_with(self, previous: Mention | None, mention: Mention) -> bool:
        return previous is not None and _SUBJECT_JOIN.fullmatch(
            self.ctx.body, previous.end, mention.start) is not None


def fronted_comma(ctx: ArticleContext, sentence: tuple[int, int, int], start: int, end: int,
                   event_type: str) -> int | None:
    """The comma closing a sentence-initial phrase that holds the trigger, when the subject
    of the main clause after it is the trigger's actor: a participle clause ("Speaking at a
    news conference, ...", "Urging restraint, ..."), a gerund after a preposition ("After
    meeting Kofi, ..."), a possessive noun phrase ("During her visit, ..."), or "In / At a
    ..." before a statement, meeting, conference or visit ("In a statement, ...", "At a
    meeting with Kofi, ...")."""
    body = ctx.body
    comma = body.find(",", end, min(sentence[1], end + 150))
    if comma < 0 or CLAUSE_BREAK.search(body, end, comma) or ":" in body[sentence[0]:start]:
        return None
    trigger = body[start:end]
    lead = body[sentence[0]:start]
    if lead.strip("\"'\u201c\u2018") == "":
        fronted = trigger.lower().startswith("in a") or (
            trigger[0].isupper() and trigger.endswith("ing") and not NOMINAL_TRIGGER.fullmatch(trigger))
    elif "," in lead or ";" in lead:
        return None
    elif _LEAD_CLAUSE.search(lead):
        return None
    elif ((participle := _FRONTED_PARTICIPLE.fullmatch(lead)) is not None
          and participle.group(1).lower() not in _NOT_PARTICIPLES):
        # A noun in a participle clause is the subject's only when attended ("Speaking at a
        # news conference"), not when it is what the clause is about ("Investigating the
        # blasts").
        fronted = (not ctx.mentions_between(sentence[0], sentence[0] + participle.end(1))
                   and (not NOMINAL_TRIGGER.fullmatch(trigger) or _ATTENDING.search(lead) is not None))
    else:
        fronted = ((_FRONTED_GERUND.fullmatch(lead) is not None and trigger.lower().endswith("ing"))
                   or _FRONTED_POSSESSIVE.fullmatch(lead) is not None
                   or (_FRONTED_AT.fullmatch(lead) is not None and event_type in _FRONTED_TYPES))
    return comma if fronted else None


def reduced_passive_patient(ctx: ArticleContext, body: str, sentence: tuple[int, int, int],
                             start: int, end: int) -> str | None:
    """The person or body a participle right after "Name," describes ("Wang Xuebing, jailed
    for 12 years"): the one acted on."""
    if not PARTICIPLE.fullmatch(body, start, end):
        return None
    before = ctx.mentions_between(max(sentence[0], start - 60), start)
    if before and _REDUCED_PASSIVE.fullmatch(body, before[-1].end, start):
        return before[-1].entity_id
    return None


def passive(ctx: ArticleContext, body: str, sentence: tuple[int, int, int], start: int, end: int,
             zone_end: int, subject: list[str],
             place: str | None) -> tuple[list[str], str | None, list[str]]:
    """Actors, actor basis and targets of a passive trigger: the agents after "by" (up to a
    comma) act; the subject is acted on, unless it is the dummy "it" ("it has been
    announced")."""
    agents: list[str] = []
    by = _AGENT_BY.search(body, end, zone_end)
    if by:
        agents = unique([m.entity_id for m in ctx.mentions_between(by.start(1), by.end(1))
                          if m.entity_id != place])
    dummy = _DUMMY_IT.search(body, max(sentence[0], start - 40), start) is not None
    patients = [] if dummy else [e for e in subject if e not in agents and e != place]
    return agents, ("explicit" if agents else None), patients
