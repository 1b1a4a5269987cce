"""Reading one article's events: from its triggers and entity mentions to each event's
actors, targets and place (see docs/events.md, "Actors, targets, place"). Pure Python over
one body at a time; `transforms.events` runs it over the articles and builds the table."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from transforms.event_sentences import quotation_spans, sentence_spans
from transforms.gazetteer import lookup

@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity_id: str
    entity_type: str
    name: str = ""
    country: str | None = None


@dataclass(slots=True)
class Event:
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
_CLAUSE_BREAK = re.compile(
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
# A passive trigger ("was signed", "were arrested", "has been announced"): the subject is acted
# on, the agent follows "by"; "it has been announced" names nobody.
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[A-Za-z]+ed|taken into custody|shot dead")
_DUMMY_IT = re.compile(r"\b[Ii]t\s+(?:has\s+|had\s+)?(?:been|was|is)\s+(?:[a-z]+ly\s+)?$")
# "Visiting Brazilian President Luis Inacio Lula da Silva said": the capitalised words after
# an adjectival "visiting" lead to the visitor.
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
_REDUCED_PASSIVE_TYPES = frozenset({"arrest", "violence"})
# "its board declared", "its forces launched": the organisation or country "its" stands for.
_ITS_SUBJECT = re.compile(r"\b[Ii]ts\s+(?:[a-z-]+\s+){1,2}$")
# A clause with no subject of its own after a conjunction: "Indonesia devalued ..., and has
# announced measures", "X will meet Y before travelling to Europe": the first clause's subject.
_OPENING_LOWER_WORDS = 4
_SHARED_SUBJECT_BREAKS = frozenset({"and", "but", "before", "after", "while", "when"})
_NO_SUBJECT = re.compile(r"(?:\s*(?:has|have|had|was|were|is|are|will|would|also|then|later|"
                         r"subsequently|since|itself|[a-z]+ly))*\s*")
_VISITOR_GAP = re.compile(r"\s+(?:[A-Z][\w.'-]*\s+){0,4}")
# Trigger nouns, and the prepositions that make one the topic or object of another word.
_NOMINAL_TRIGGER = re.compile(
    r"(?i:attacks?|bombings?|killing|explosions?|massacre|meetings?|talks|summit|conference|"
    r"agreements?|accords?|treaty|elections?|referendum|ballot|protests?|demonstrations?|"
    r"sanctions|embargo|arrests?|clashes|fighting|shelling|visits?|trips?|tour of|threat of|"
    r"condemnation|rejection of|deployment of)(?:\s+(?:with|to))?")
_TOPIC_OF = re.compile(r"\b(?:of|for|about|over|on|to|into|against|concerning|"
                       r"regarding)\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|these\s+|those\s+|"
                       r"such\s+)?(?:(?!(?:his|her|its|their|our|my)\b)[\w'-]+\s+){0,2}$",
                       re.IGNORECASE)
# A sentence-initial phrase holding the trigger, before the main clause's subject: "In a
# statement, X said", "Speaking at a news conference, X said", "After meeting Y, X said",
# "During her visit to Accra, X said" (the text before the trigger is matched).
_FRONTED_PARTICIPLE = re.compile(r"[\"'\u201c\u2018]?([A-Z][a-z]+ing)\b[^,;:]*")
_FRONTED_GERUND = re.compile(r"[\"'\u201c\u2018]?(?:After|Before|Upon|Since|While|When|On|In)\s+")
_FRONTED_POSSESSIVE = re.compile(r"[\"'\u201c\u2018]?(?:In|At|On|During|After|Before|Upon|Ahead of)\s+"
                                 r"(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}")
_FRONTED_AT = re.compile(r"[\"'\u201c\u2018]?(?:In|At)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}")
# A purpose or an entry, not a topic: "left for talks with", "entered into an agreement",
# "ahead of trade talks" (the clause's subject takes part).
_PURPOSE_BEFORE = re.compile(r"\b(?:for|into|ahead\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$",
                             re.IGNORECASE)
# Prepositions that make a mention after the trigger its topic, not its target ("a meeting on
# Libya", "talks about trade with Sylvania" keeps Sylvania); "on" / "over" name the target of an
# attack or a sanction ("the attack on Freedonia", "sanctions on Sylvania").
_TOPIC_BEFORE = re.compile(r"\b(?:about|concerning|regarding|over|on)\s+(?:the\s+)?$", re.IGNORECASE)
_TOPIC_OR_TARGET_BEFORE = re.compile(r"\b(?:about|concerning|regarding)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_TARGET_TYPES = frozenset({"violence", "fight", "sanction", "arrest", "threaten"})
_MEETING_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_UNTARGETED_TYPES = frozenset({"election"})
# A reporting clause closing the sentence: ", Gold Fields of South Africa Ltd said."
_TRAILING_ATTRIBUTION = re.compile(r",[^,;]{0,80}?\b(?:said|says|told|added|reported|announced)\b[^,;]{0,40}[.!?]?$")
_ADDRESSED_TO = re.compile(r"\b(?:to|with)\s+(?:the\s+)?$")
_SETTING_BEFORE = re.compile(r"\b(?:at|during)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")
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
_NOMINAL_BY = re.compile(r"(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})?"
                         r"(?:,?\s+(?:attended|hosted|chaired|organi[sz]ed|led|convened|held|signed|reached|"
                         r"brokered|mediated)(?:\s+[a-z]+ly)?)?"
                         r"\s+by\s+((?:(?!\s(?:on|in|at|against|of|to)\s)[^,;])*)")
# "an agreement between Mountain Bell and the Idaho PUC": both parties act.
_BETWEEN = re.compile(r"\s+between\s+((?:(?!\s(?:on|in|at|over|about|to|for|that|which)\s)[^,;])*)")
_BETWEEN_TYPES = frozenset({"meet", "agreement", "fight"})
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
# Between a naming place and its trigger: nothing, or one word that is no verb ("the Venice
# summit accord"; not "the Philippines has reached agreement").
_PLACE_GAP = re.compile(r"\s+(?:(?!(?:has|have|had|is|are|was|were|will|would|to|and|or|the|a|an|"
                        r"said|says)\b)[a-z][\w-]*(?<!ed)\s+)?")
# Nominal triggers whose naming place is where they happened.
_PLACE_NAMES = frozenset({"meet", "conference", "agreement", "visit", "protest"})
_MODIFIER_GAP = re.compile(r"\s+(?:(?!(?:the|a|an|this|that|its|their|his|her|to|of|for|as|and|or)\s)"
                           r"[a-z][\w-]*\s+){0,2}")
_BODY_JOIN = re.compile(r"\s*(?:,|and|,\s+and)\s*")
_ATTACK_NOUN = re.compile(r"(?i:attacks?)")
# Where another clause starts, for dates: "; ", ", but", ", while", ", and the ...".
_DATE_CLAUSE_BREAK = re.compile(r";|,\s+(?:but|while|whereas|although|though)\b|\s+but\s+|"
                                r",\s+and\s+(?=(?:the|a|an|its|their|his|her|[A-Z])\b)")
_SAID_TRIGGER = re.compile(r"(?:said|says|told)\b")
_ATTRIBUTION_CHARS = 120
_REPORTED_CONTENT = re.compile(r"\bthat\b|[\"\u201c]")
_APPEAL_TO = re.compile(r"\s+to\b")
_APPEAL_TO_DO = re.compile(r"\s+to\s+(?:[\w'.,-]+\s+){1,8}?(?:to\s+[a-z]|for\b|against\b|not\s+to\b)|"
                           r"\s+to\s+(?:the\s+)?(?:[\w'.-]+\s+){0,4}?(?:[Cc]ourt|[Tt]ribunal|[Aa]ppeals|[Bb]oard)\b")
_UP = re.compile(r"\s+up\b")
_UP_TO_DEAL = re.compile(r"\s+up\s+to\s+(?:it\b|(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?"
                         r"(?:deal|agreement|accord|pact|treaty|plan|package)s?\b)")
_GATHERING_WORD = re.compile(r"(?i)\b(?:summit|conference|meeting|talks|gathering|forum)s?\b")
_HERE = re.compile(r"\b(?:here|in this city)\b")
# A habitual or generic happening, not one event: "tourists who visit Cuba every year"
# (a frequency just after the trigger), "the board usually meets in June" (a habitual adverb
# right before a verb trigger).
_HABITUAL_AFTER = re.compile(r"\b(?:(?:every|each)\s+(?:year|month|week|day|summer|winter|spring|"
                             r"autumn|fall|time)|annually|twice a year|once a year)\b", re.IGNORECASE)
_HABITUAL_AFTER_CHARS = 40
# A standing attitude: "has long rejected the label", "had long called for".
_LONG_BEFORE = re.compile(r"\b(?:has|have|had)\s+long\s+$")
_HABITUAL_BEFORE = re.compile(r"\b(?:usually|often|typically|normally|routinely|regularly|generally|"
                              r"traditionally|customarily|frequently|rarely|seldom|sometimes)\s+"
                              r"(?:(?:has|have|had|is|are|was|were|be|been)\s+)?"
                              r"(?:(?:try|tries|tried|want|wants|need|needs|have|has)\s+to\s+)?$", re.IGNORECASE)
# Reactions to an event named right after them ("condemned the attack", "welcomed the
# agreement"): their subject did not make the event.
_REACTION_TYPES = frozenset({"criticize", "praise", "reject", "protest"})
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|a|an|this|that|these|those|its|their|his|her|our|last|"
                         r"recent|new|latest|weekend)\s+)?(?:(?!(?:to|of|in|on|at|for|with|by|from|"
                         r"and|but)\b)[\w'-]+\s+){0,3}")
# A gathering (not talks, where whoever attends takes part) and the verbs of its speakers and
# guests before it.
_GATHERING = re.compile(r"(?i:meetings?|summit|conference)")
_ATTENDS_BEFORE = re.compile(r"\b(?:told|tells|telling|addressed|addresses|addressing|attended|attends|"
                             r"attending|attend|joined|joining|spoke\s+(?:to|at)|speaking\s+(?:to|at)|"
                             r"was\s+at|were\s+at)\s+(?:(?:the|a|an|this|that|its|their)\s+)?"
                             r"(?:[\w'-]+\s+){0,5}$")
# A summit or an election is held, hosted or called by its actor; the parties that take part
# in it do not make it ("the Lib Dems are set for gains in the general election").
_HOSTED_TYPES = frozenset({"conference", "election"})
_HOST_VERB = re.compile(r"\b(?:hold|holds|held|holding|host|hosts|hosted|hosting|convene[sd]?|"
                        r"convening|organi[sz]e[sd]?|organi[sz]ing|call|calls|called|calling|"
                        r"stage[sd]?|staging|chair|chairs|chaired|chairing|open|opens|opened)\b")


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


class _ArticleContext:
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


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


# A verb before the first free mention of a clause (since the last comma: "..., Ana said"
# keeps Ana): the mention is its object, and the clause's subject is unnamed ("negotiators
# have shuttled between Tehran and Paris").
_VERB_BEFORE = re.compile(r"\b(?:has|have|had|was|were|is|are)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b|"
                          r"\b[a-z]{3,}ed\s+(?:between|with|to|from|on|by|into|the|a|an|his|her|its|their)\b")


def _subject_group(ctx: _ArticleContext, candidates: list[Mention], zone_start: int) -> list[Mention]:
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
class _Resolver:
    """Actors, targets and place of each trigger of one article, in reading order."""

    ctx: _ArticleContext
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
            return _unique([m.entity_id for m in group]), "explicit"
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
        return _unique([m.entity_id for m in group if m.entity_type in types])

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
        return _unique([m.entity_id for m in bodies]), "explicit"

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
        return _unique([m.entity_id for m in kept])

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


def _fronted_comma(ctx: _ArticleContext, sentence: tuple[int, int, int], start: int, end: int,
                   event_type: str) -> int | None:
    """The comma closing a sentence-initial phrase that holds the trigger, when the subject
    of the main clause after it is the trigger's actor: a participle clause ("Speaking at a
    news conference, ...", "Urging restraint, ..."), a gerund after a preposition ("After
    meeting Kofi, ..."), a possessive noun phrase ("During her visit, ..."), or "In / At a
    ..." before a statement, meeting, conference or visit ("In a statement, ...", "At a
    meeting with Kofi, ...")."""
    body = ctx.body
    comma = body.find(",", end, min(sentence[1], end + 150))
    if comma < 0 or _CLAUSE_BREAK.search(body, end, comma) or ":" in body[sentence[0]:start]:
        return None
    trigger = body[start:end]
    lead = body[sentence[0]:start]
    if lead.strip("\"'\u201c\u2018") == "":
        fronted = trigger.lower().startswith("in a") or (
            trigger[0].isupper() and trigger.endswith("ing") and not _NOMINAL_TRIGGER.fullmatch(trigger))
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
                   and (not _NOMINAL_TRIGGER.fullmatch(trigger) or _ATTENDING.search(lead) is not None))
    else:
        fronted = ((_FRONTED_GERUND.fullmatch(lead) is not None and trigger.lower().endswith("ing"))
                   or _FRONTED_POSSESSIVE.fullmatch(lead) is not None
                   or (_FRONTED_AT.fullmatch(lead) is not None and event_type in _FRONTED_TYPES))
    return comma if fronted else None


def _reduced_passive_patient(ctx: _ArticleContext, body: str, sentence: tuple[int, int, int],
                             start: int, end: int) -> str | None:
    """The person or body a participle right after "Name," describes ("Wang Xuebing, jailed
    for 12 years"): the one acted on."""
    if not _PARTICIPLE.fullmatch(body, start, end):
        return None
    before = ctx.mentions_between(max(sentence[0], start - 60), start)
    if before and _REDUCED_PASSIVE.fullmatch(body, before[-1].end, start):
        return before[-1].entity_id
    return None


def _passive(ctx: _ArticleContext, body: str, sentence: tuple[int, int, int], start: int, end: int,
             zone_end: int, subject: list[str],
             place: str | None) -> tuple[list[str], str | None, list[str]]:
    """Actors, actor basis and targets of a passive trigger: the agents after "by" (up to a
    comma) act; the subject is acted on, unless it is the dummy "it" ("it has been
    announced")."""
    agents: list[str] = []
    by = _AGENT_BY.search(body, end, zone_end)
    if by:
        agents = _unique([m.entity_id for m in ctx.mentions_between(by.start(1), by.end(1))
                          if m.entity_id != place])
    dummy = _DUMMY_IT.search(body, max(sentence[0], start - 40), start) is not None
    patients = [] if dummy else [e for e in subject if e not in agents and e != place]
    return agents, ("explicit" if agents else None), patients


def article_events(body: str, triggers: list[tuple[int, int, str]], mentions: list[Mention],
                    dateline_entity: str | None) -> list[Event]:
    """The events of one article from its triggers, in reading order (at most one per type
    and sentence)."""
    if not triggers:
        return []
    ctx = _ArticleContext(body, mentions)
    resolver = _Resolver(ctx)
    events: list[Event] = []
    for sentence in sentence_spans(body, [start for start, _, _ in triggers]):
        lo = bisect_left(triggers, (sentence[0],))
        hi = bisect_left(triggers, (sentence[1],))
        if lo == hi:
            continue
        inside = [t for t in triggers[lo:hi] if t[1] <= sentence[1] and not ctx.in_quote(t[0])]
        breaks = [(m.start() + sentence[0], m.end() + sentence[0], m.group())
                  for m in _CLAUSE_BREAK.finditer(body[sentence[0]:sentence[1]])]
        seen: set[str] = set()
        for j, (start, end, event_type) in enumerate(inside):
            if event_type in seen:
                continue
            # The next trigger of another type ends this event's date window, unless it names
            # this event's setting ("agreed at a meeting in Paris in February").
            next_start = next((t[0] for t in inside[j + 1:] if t[2] != event_type
                               and not _SETTING_BEFORE.search(body, max(end, t[0] - 40), t[0])),
                              sentence[1])
            window_start, next_start = _date_window(body, sentence, start, end, event_type, next_start)
            next_trigger = inside[j + 1][0] if j + 1 < len(inside) else sentence[1]
            zone_end = min([b for b, _, _ in breaks if b >= end] + [next_trigger])
            if (_habitual(body, sentence, start, end, zone_end) or _attracts(body, start, end, event_type)
                    or _hosts_no_gathering(body, sentence, start, end, event_type)
                    or _signs_up(body, start, end, event_type)):
                continue
            seen.add(event_type)
            actors, actor_basis = resolver.actors(sentence, breaks, start, events)
            nominal = _NOMINAL_TRIGGER.fullmatch(body, start, end) is not None
            if (nominal and _TOPIC_OF.search(body, max(sentence[0], start - 30), start)
                    and not _PURPOSE_BEFORE.search(body, max(sentence[0], start - 30), start)):
                # "the organisers of the attack", "concern about the talks": the clause's
                # subject did not do it (an agent after "by" still may, below).
                actors, actor_basis = [], None
            comma = _fronted_comma(ctx, sentence, start, end, event_type)
            if comma is not None:
                # "In a statement, the ministry said": the main clause's subject acts; the
                # phrase's own mentions are its targets.
                clause_end = min([b for b, _, _ in breaks if b > comma] + [sentence[1]])
                actors, actor_basis = resolver.zone_actors(sentence, comma + 1, clause_end, "",
                                                           events, context_start=sentence[0])
                zone_end = min(zone_end, comma)
            reacting = next((t for t in reversed(inside[:j]) if t[2] in _REACTION_TYPES), None)
            if nominal and _subject_does_not_make_it(body, sentence, start, end, event_type, reacting):
                actors, actor_basis = [], None
            victim = resolver.victim(sentence, start, end, event_type) if nominal else None
            if victim is not None:
                actors, actor_basis = [], None
            elif nominal:
                possessed = resolver.possessor(sentence, start, end, event_type, events)
                if possessed is not None and (possessed[0] or comma is None):
                    # A fronted possessive resolves to the main clause's subject ("During
                    # her visit, Ana ...") when no earlier name does.
                    actors, actor_basis = possessed
            named_place = (_naming_place(ctx, sentence, start) if nominal and event_type in _PLACE_NAMES
                           else None)
            if named_place is not None:
                # "the Venice summit", "the Paris accord", "the Downing Street talks": where it
                # happened, not who acted.
                actors = [a for a in actors if a != named_place]
                actor_basis = actor_basis if actors else None
            # An election's place is the polity voting ("elections in Freedonia"), never a
            # place named before it ("campaigning in Accra ahead of the election").
            place = resolver.place(sentence, event_type, end, zone_end,
                                   after_only=nominal and event_type == "election")
            if place is None and named_place is not None:
                place = named_place
            if place is None and dateline_entity and _HERE.search(body, end, zone_end):
                # "at the bank's annual meeting here": the dateline's place, said in the sentence.
                place = dateline_entity
            if event_type == "visit" and not actors:
                named = ctx.mentions_between(end, min(end + 80, sentence[1]))
                if (named and named[0].entity_type == "PERSON"
                        and _VISITOR_GAP.fullmatch(body, end, named[0].start)):
                    actors, actor_basis = [named[0].entity_id], "explicit"
            reduced = (_reduced_passive_patient(ctx, body, sentence, start, end)
                       if event_type in _REDUCED_PASSIVE_TYPES else None)
            if reduced is not None:
                actors, actor_basis, targets = _passive(ctx, body, sentence, start, end, zone_end,
                                                        [reduced], place)
            elif _PARTICIPLE.fullmatch(body, start, end) and _PASSIVE_AUX.search(
                    body, max(sentence[0], start - 40), start):
                actors, actor_basis, targets = _passive(ctx, body, sentence, start, end, zone_end,
                                                        actors, place)
            else:
                targets = resolver.targets(end, zone_end, actors, place, event_type)
                by = _NOMINAL_BY.match(body, end)
                if by:
                    # "the attack by four U.S. Navy destroyers on the platform": the noun's
                    # agent, whoever the clause's subject is.
                    agents = [m.entity_id for m in ctx.mentions_between(by.start(1), by.end(1))]
                    if agents:
                        actors, actor_basis = _unique(agents), "explicit"
                        targets = [t for t in targets if t not in agents]
                between = _BETWEEN.match(body, end) if event_type in _BETWEEN_TYPES else None
                if between:
                    named = ctx.mentions_between(between.start(1), min(between.end(1), sentence[1]))
                    parties = _unique([m.entity_id for m in named if not ctx.is_modifier(m, named)])
                    if len(parties) >= 2:
                        actors, actor_basis = parties, "explicit"
                        targets = [t for t in targets if t not in parties]
                body_of = _MEETING_OF.match(body, end) if event_type in ("meet", "conference") else None
                if body_of:
                    # "a meeting of the Gulf Council": the body meets; whoever attends or
                    # reports it does not make it.
                    named = ctx.mentions_between(body_of.end(), body_of.end() + 80)
                    if named and named[0].start == body_of.end() and named[0].entity_type == "ORG":
                        actors, actor_basis = [named[0].entity_id], "explicit"
                        targets = [t for t in targets if t != named[0].entity_id]
            if victim is not None:
                targets = _unique([victim, *targets])
            if event_type in _UNTARGETED_TYPES:
                targets = []
            elif event_type == "statement":
                # A statement has a target only when addressed to someone ("in a statement to").
                targets = [m.entity_id for m in ctx.mentions_between(end, zone_end)
                           if m.entity_id in targets and _ADDRESSED_TO.search(body, max(end, m.start - 12), m.start)]
            actors = _one_per_country(ctx, actors)
            events.append(Event(
                event_type, start, end, sentence[0], sentence[1], sentence[2], actors, actor_basis,
                targets, place, "sentence" if place else None, next_start, window_start))
            persons = [a for a in actors if a in ctx.persons]
            if persons:
                resolver.last_person = persons[0]
    story_place = next((e.location for e in events if e.location and e.paragraph < 2), None)
    countries = {m.entity_id: m.country for m in mentions if m.entity_type == "LOCATION" and m.country}
    for event in events:
        if event.location is not None:
            continue
        if dateline_entity and not _acted_elsewhere(event, dateline_entity, countries):
            event.location, event.location_basis = dateline_entity, "dateline"
        elif not dateline_entity and story_place and not _acted_elsewhere(event, story_place, countries):
            event.location, event.location_basis = story_place, "story"
    return events


def _subject_does_not_make_it(body: str, sentence: tuple[int, int, int], start: int, end: int,
                              event_type: str, reacting: tuple[int, int, str] | None) -> bool:
    """Whether the clause's subject only stands beside a nominal trigger: a summit or an
    election it does not hold ("the Lib Dems are set for gains in the election"), a gathering
    it addresses or attends ("Kaske told the annual meeting"), or an event it reacts to
    ("Sylvania condemned the attack")."""
    lead = body[max(sentence[0], start - 60):start]
    if event_type in _HOSTED_TYPES and not _HOST_VERB.search(lead):
        return True
    if _GATHERING.fullmatch(body, start, end) and _ATTENDS_BEFORE.search(lead):
        return True
    return reacting is not None and _OBJECT_GAP.fullmatch(body, reacting[1], start) is not None


def _naming_place(ctx: _ArticleContext, sentence: tuple[int, int, int], start: int) -> str | None:
    """A place naming the nominal trigger right before it ("the Venice summit", "last month's
    Paris accord"), at most two lower-case words between."""
    before = ctx.mentions_between(max(sentence[0], start - 60), start)
    if (before and before[-1].entity_type == "LOCATION"
            and _PLACE_GAP.fullmatch(ctx.body, before[-1].end, start) is not None):
        return before[-1].entity_id
    return None


def _date_window(body: str, sentence: tuple[int, int, int], start: int, end: int, event_type: str,
                 next_start: int) -> tuple[int, int]:
    """The span of the sentence whose date expressions may date the event: from the last
    clause break before the trigger ("rejected the concept, but the counter-proposal made on
    Friday": Friday is not the rejection's), or, for a statement after its content ("... to be
    finalised in July, he said in a statement"), from the comma before the speaker; to the
    next trigger, clause break, or (for a statement) the start of what it says ("announcing
    that they would end the lockout tomorrow")."""
    window_start = sentence[0]
    for match in _DATE_CLAUSE_BREAK.finditer(body, sentence[0], start):
        window_start = match.end()
    if event_type == "statement" and _SAID_TRIGGER.match(body, start):
        comma = body.rfind(",", max(window_start, start - _ATTRIBUTION_CHARS), start)
        window_start = max(window_start, comma + 1)
    window_end = next_start
    after = _DATE_CLAUSE_BREAK.search(body, end, next_start)
    if after is not None:
        window_end = after.start()
    if event_type == "statement":
        content = _REPORTED_CONTENT.search(body, end, window_end)
        if content is not None:
            window_end = content.start()
    return window_start, window_end


def _attracts(body: str, start: int, end: int, event_type: str) -> bool:
    """"The game appealed to fans": "appeal to" in the sense of attracting, not of asking
    someone to do something ("appealed to Sylvania to release ...")."""
    return (event_type == "appeal" and body[start:end].lower().startswith("appeal")
            and _APPEAL_TO.match(body, end) is not None and _APPEAL_TO_DO.match(body, end) is None)


def _signs_up(body: str, start: int, end: int, event_type: str) -> bool:
    """"signed up for broadband", "signing up stars": enrolment, not an agreement between
    parties (but "signed up to the deal" is one)."""
    return (event_type == "agreement" and body[start:end].lower().startswith("sign")
            and _UP.match(body, end) is not None and _UP_TO_DEAL.match(body, end) is None)


def _hosts_no_gathering(body: str, sentence: tuple[int, int, int], start: int, end: int,
                        event_type: str) -> bool:
    """"hosted" in a sentence about no summit, meeting or talks ("hosted the ceremony",
    "hosted a dinner"): no conference."""
    return (event_type == "conference" and body[start:end].lower() == "hosted"
            and _GATHERING_WORD.search(body, sentence[0], sentence[1]) is None)


def _habitual(body: str, sentence: tuple[int, int, int], start: int, end: int, zone_end: int) -> bool:
    """Whether the trigger reports a habit rather than one happening (see `_HABITUAL_AFTER`)."""
    if _HABITUAL_AFTER.search(body, end, min(zone_end, end + _HABITUAL_AFTER_CHARS)):
        return True
    return (not _NOMINAL_TRIGGER.fullmatch(body, start, end)
            and (_HABITUAL_BEFORE.search(body, max(sentence[0], start - 30), start) is not None
                 or _LONG_BEFORE.search(body, max(sentence[0], start - 30), start) is not None))


def _one_per_country(ctx: _ArticleContext, actors: list[str]) -> list[str]:
    """Actors without a city of a country that also acts ("the Soviet Union" and "Moscow"
    are one actor: the country)."""
    places = [ctx.by_id[a] for a in actors if a in ctx.by_id and ctx.by_id[a].entity_type == "LOCATION"]
    if len(places) < 2:
        return actors
    countries = {m.country for m in places if m.country and (known := lookup(m.name)) is not None
                 and known.kind == "country"}
    return [a for a in actors
            if not (a in ctx.by_id and ctx.by_id[a].entity_type == "LOCATION" and ctx.by_id[a].country in countries
                    and (known := lookup(ctx.by_id[a].name)) is not None and known.kind != "country")]


def _acted_elsewhere(event: Event, place: str, countries: dict[str, str]) -> bool:
    """Whether a country acting in the event lies outside the country of `place` ("Peru
    rejected the offer" in a story from Washington did not happen in Washington)."""
    home = countries.get(place)
    return home is not None and any(countries.get(a, home) != home for a in event.actors)
