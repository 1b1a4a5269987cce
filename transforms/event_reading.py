"""Reading one article's events: each trigger of a sentence becomes an event unless it reports
no happening (a habit, an attraction, an enrolment, ...), with its actors, targets, place and
date window (see docs/events.md). Pure Python over one body at a time; `transforms.events`
runs it over the articles and builds the table."""
from __future__ import annotations

import re
from bisect import bisect_left

from transforms.event_participants import (CLAUSE_BREAK, NOMINAL_TRIGGER, PARTICIPLE, ArticleContext,
                                           Event, Mention, Resolver, fronted_comma, passive,
                                           reduced_passive_patient, unique)
from transforms.event_sentences import sentence_spans
from transforms.gazetteer import lookup

# A passive trigger ("was signed", "were arrested", "has been announced"): the subject is acted
# on, the agent follows "by"; "it has been announced" names nobody.
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_REDUCED_PASSIVE_TYPES = frozenset({"arrest", "violence"})
# "Visiting Brazilian President Luis Inacio Lula da Silva said": the capitalised words after
# an adjectival "visiting" lead to the visitor.
_VISITOR_GAP = re.compile(r"\s+(?:[A-Z][\w.'-]*\s+){0,4}")
# The prepositions that make a trigger noun the topic or object of another word ("the
# organisers of the attack", "concern about the talks").
_TOPIC_OF = re.compile(r"\b(?:of|for|about|over|on|to|into|against|concerning|"
                       r"regarding)\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|these\s+|those\s+|"
                       r"such\s+)?(?:(?!(?:his|her|its|their|our|my)\b)[\w'-]+\s+){0,2}$",
                       re.IGNORECASE)
# A purpose or an entry, not a topic: "left for talks with", "entered into an agreement",
# "ahead of trade talks" (the clause's subject takes part).
_PURPOSE_BEFORE = re.compile(r"\b(?:for|into|ahead\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$",
                             re.IGNORECASE)
_MEETING_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_UNTARGETED_TYPES = frozenset({"election"})
_ADDRESSED_TO = re.compile(r"\b(?:to|with)\s+(?:the\s+)?$")
_SETTING_BEFORE = re.compile(r"\b(?:at|during)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")
_NOMINAL_BY = re.compile(r"(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})?"
                         r"(?:,?\s+(?:attended|hosted|chaired|organi[sz]ed|led|convened|held|signed|reached|"
                         r"brokered|mediated)(?:\s+[a-z]+ly)?)?"
                         r"\s+by\s+((?:(?!\s(?:on|in|at|against|of|to)\s)[^,;])*)")
# "an agreement between Mountain Bell and the Idaho PUC": both parties act.
_BETWEEN = re.compile(r"\s+between\s+((?:(?!\s(?:on|in|at|over|about|to|for|that|which)\s)[^,;])*)")
_BETWEEN_TYPES = frozenset({"meet", "agreement", "fight"})
# Between a naming place and its trigger: nothing, or one word that is no verb ("the Venice
# summit accord"; not "the Philippines has reached agreement").
_PLACE_GAP = re.compile(r"\s+(?:(?!(?:has|have|had|is|are|was|were|will|would|to|and|or|the|a|an|"
                        r"said|says)\b)[a-z][\w-]*(?<!ed)\s+)?")
# Nominal triggers whose naming place is where they happened.
_PLACE_NAMES = frozenset({"meet", "conference", "agreement", "visit", "protest"})
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


def article_events(body: str, triggers: list[tuple[int, int, str]], mentions: list[Mention],
                    dateline_entity: str | None) -> list[Event]:
    """The events of one article from its triggers, in reading order (at most one per type
    and sentence)."""
    if not triggers:
        return []
    ctx = ArticleContext(body, mentions)
    resolver = Resolver(ctx)
    events: list[Event] = []
    for sentence in sentence_spans(body, [start for start, _, _ in triggers]):
        lo = bisect_left(triggers, (sentence[0],))
        hi = bisect_left(triggers, (sentence[1],))
        if lo == hi:
            continue
        inside = [t for t in triggers[lo:hi] if t[1] <= sentence[1] and not ctx.in_quote(t[0])]
        breaks = [(m.start() + sentence[0], m.end() + sentence[0], m.group())
                  for m in CLAUSE_BREAK.finditer(body[sentence[0]:sentence[1]])]
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
            nominal = NOMINAL_TRIGGER.fullmatch(body, start, end) is not None
            if (nominal and _TOPIC_OF.search(body, max(sentence[0], start - 30), start)
                    and not _PURPOSE_BEFORE.search(body, max(sentence[0], start - 30), start)):
                # "the organisers of the attack", "concern about the talks": the clause's
                # subject did not do it (an agent after "by" still may, below).
                actors, actor_basis = [], None
            comma = fronted_comma(ctx, sentence, start, end, event_type)
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
            reduced = (reduced_passive_patient(ctx, body, sentence, start, end)
                       if event_type in _REDUCED_PASSIVE_TYPES else None)
            if reduced is not None:
                actors, actor_basis, targets = passive(ctx, body, sentence, start, end, zone_end,
                                                        [reduced], place)
            elif PARTICIPLE.fullmatch(body, start, end) and _PASSIVE_AUX.search(
                    body, max(sentence[0], start - 40), start):
                actors, actor_basis, targets = passive(ctx, body, sentence, start, end, zone_end,
                                                        actors, place)
            else:
                targets = resolver.targets(end, zone_end, actors, place, event_type)
                by = _NOMINAL_BY.match(body, end)
                if by:
                    # "the attack by four U.S. Navy destroyers on the platform": the noun's
                    # agent, whoever the clause's subject is.
                    agents = [m.entity_id for m in ctx.mentions_between(by.start(1), by.end(1))]
                    if agents:
                        actors, actor_basis = unique(agents), "explicit"
                        targets = [t for t in targets if t not in agents]
                between = _BETWEEN.match(body, end) if event_type in _BETWEEN_TYPES else None
                if between:
                    named = ctx.mentions_between(between.start(1), min(between.end(1), sentence[1]))
                    parties = unique([m.entity_id for m in named if not ctx.is_modifier(m, named)])
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
                targets = unique([victim, *targets])
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


def _naming_place(ctx: ArticleContext, sentence: tuple[int, int, int], start: int) -> str | None:
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
    return (not NOMINAL_TRIGGER.fullmatch(body, start, end)
            and (_HABITUAL_BEFORE.search(body, max(sentence[0], start - 30), start) is not None
                 or _LONG_BEFORE.search(body, max(sentence[0], start - 30), start) is not None))


def _one_per_country(ctx: ArticleContext, actors: list[str]) -> list[str]:
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
