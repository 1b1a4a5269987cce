"""The event trigger lexicon and the modality of a trigger in its sentence.

`TRIGGER_PATTERNS` maps each event type of `transforms.vocabulary.EVENT_TYPES` to the regular
expressions of the words and phrases that signal it; `BLOCKER_PATTERNS` are look-alike phrases
("heart attack", "met expectations") that are consumed so they never become a trigger. The
patterns use no look-around: they run in polars' Rust regex engine, which scans a whole corpus
many times faster than Python's `re`.

`trigger_modality` is a polars expression over (sentence, trigger_offset[, trigger_length]): whether the event is
reported as happened, planned, negated or hypothetical.
"""
from __future__ import annotations

import re

import polars as pl

from transforms.vocabulary import EVENT_TYPES

MODALITIES = ("asserted", "planned", "negated", "hypothetical")

_AID_GOODS = r"(?:aid|assistance|relief|food|medicine|medical supplies|supplies|tents|shelter)"

# Most specific phrases first inside each type; across types the leftmost match wins.
TRIGGER_PATTERNS: dict[str, list[str]] = {
    "statement": [r"issued a (?:joint |written )?statement",
                  r"(?:said|says) in a (?:joint |written )?statement",
                  r"in a (?:joint |written )?statement", r"(?:news|press) conference",
                  r"announced", r"announces", r"announcing", r"declared"],
    "appeal": [r"called (?:for|on)", r"calls (?:for|on)", r"calling (?:for|on)", r"call (?:for|on)",
               r"urged", r"urges", r"urging", r"urge", r"appealed", r"appeals? (?:for|to)"],
    "pledge": [r"pledged", r"pledges", r"pledging", r"promised", r"vowed", r"vows",
               r"committed (?:itself |themselves |himself |herself )?to"],
    "meet": [r"held talks", r"holds? talks", r"holding talks", r"met with", r"meets? with", r"met",
             r"meets?", r"meetings? with", r"meetings?", r"talks with", r"talks"],
    "visit": [r"arrived in", r"arrives in", r"arrived at", r"visited", r"visiting", r"visits?",
              r"trip to", r"trips?", r"toured", r"tour of",
              r"(?:travell?ed|travell?ing|travels?) to"],
    "conference": [r"convened", r"convenes?", r"summit", r"conference",
                   r"hosted (?:a |an |the |this |that |its |their )?(?:\w+ ){0,2}?(?:summit|conference|meeting|"
                   r"talks|gathering|forum)s?", r"hosted"],
    "praise": [r"praised", r"praises", r"praising", r"welcomed", r"welcomes", r"commended",
               r"commends", r"lauded", r"lauds", r"hailed", r"applauded"],
    "agreement": [r"adopted (?:a |the )?(?:\w+ ){0,3}resolutions?", r"signed", r"signs?", r"signing",
                  r"agreed", r"agrees?", r"agreements?", r"accords?", r"ratified", r"treaty"],
    "aid": [r"(?:delivered|provided|sent|distributed|donated) (?:\w+ ){0,3}?" + _AID_GOODS,
            r"food assistance", r"humanitarian (?:aid|assistance)", r"emergency (?:aid|relief)",
            r"deployed", r"deployment of"],
    "criticize": [r"condemned", r"condemns", r"condemning", r"condemnation", r"criticized",
                  r"criticised", r"criticizes", r"criticises", r"criticizing", r"criticising",
                  r"denounced", r"denounces", r"deplored"],
    "reject": [r"rejected", r"rejects", r"rejecting", r"rejection of", r"turned down"],
    "threaten": [r"threatened", r"threatens", r"threatening", r"threat of", r"ultimatum"],
    "protest": [r"protesters", r"protestors", r"protested", r"protests?", r"demonstrators",
                r"demonstrations?", r"demonstrated (?:against|in|outside)", r"went on strike",
                r"general strike", r"strikers"],
    "sanction": [r"imposed (?:\w+ ){0,2}sanctions", r"sanctions", r"embargo",
                 r"(?:severed|broke off) (?:diplomatic )?(?:ties|relations)", r"expelled"],
    "arrest": [r"arrested", r"arrests?", r"detained", r"detains", r"taken into custody", r"jailed"],
    "violence": [r"bombings?", r"bombed", r"bombs?", r"attacks?", r"attacked", r"attacking", r"killed",
                 r"killing", r"explosions?", r"exploded", r"shot dead", r"assassinated",
                 r"kidnapped", r"hijacked", r"massacre"],
    "fight": [r"clashes", r"clashed", r"fighting", r"fought", r"shelling", r"shelled",
              r"air ?strikes?", r"artillery fire"],
    "election": [r"re-elected", r"elections?", r"elected", r"voted", r"votes?", r"polls",
                 r"referendum", r"ballot"],
}

# Phrases that contain a trigger word but signal no event of that type.
BLOCKER_PATTERNS = [
    r"heart attacks?",
    r"met (?:the |its |their |analysts' )?(?:expectations|targets?|demands?|requirements?|"
    r"criteria|estimates|forecasts?|deadline|goals?|needs)",
    r"meeting (?:the|its|their|his|her|our|this|these|those|all|any|demand|requirements?|"
    r"expectations|targets?|obligations?|needs|debt|payments?)",
    r"fighting (?:inflation|the deficit|the budget deficit|against inflation)",
    r"opinion polls", r"(?:agreed|agrees|agree) that",
    r"(?:plans?|proposals?|agreements?|bill|budget|program|programme|contracts?|deal|terms|offer|"
    r"accord|treaty|which|that) (?:also |would |will )?(?:calls?|called|calling) for",
    r"protest (?:groups?|movements?|songs?|votes?|campaigners?)",
    r"as (?:previously |earlier |already )?(?:announced|agreed|promised|pledged)",
    r"previously (?:announced|agreed|signed)",
    r"(?:an|the|its|a) agreed (?:bid|takeover|offer|merger|price|deal)",
    r"threatening (?:words|behaviou?r|language|manner|gestures?)",
    r"signs? of", r"(?:early|first|clear|any|no|positive|encouraging|warning|further|some|mixed) signs?",
    r"signs (?:that|the|a|an|this|these|there|it|its|are|were|is|was|pointing|suggest)\b",
    # Meeting a fate, a response or a market: "met with success", "could have met the same fate".
    r"(?:met|meet|meets|meeting) (?:with )?(?:(?:a|an|the|strong|stiff|general|wide|widespread|little|"
    r"some|much|mixed|heavy|fierce|considerable|staggering|great|similar|same|firm|chart|"
    r"technical|stubborn|good|poor|early|initial|lukewarm|warm|cool|cold) )*(?:fate|resistance|demand|success|approval|"
    r"opposition|criticism|response|reception|scepticism|skepticism|disapproval|objections?|hostility|"
    r"indifference|enthusiasm|acclaim|setbacks?|difficulties|obstacles?)\b",
    r"vote[- ](?:winners?|losers?|getters?|catchers?)",
    # Markets and prices "threaten to rise"; bids and rivals are "fought off".
    r"threaten(?:s|ed|ing)? to (?:rise|fall|climb|drop|increase|decrease|slow|stall|exceed|outstrip|"
    r"spill|spread|soar|plunge|tumble|widen|narrow)",
    r"(?:fight|fights|fought|fighting) off",
    r"(?:phone|telephone|conference|courtesy|wake-up|roll|close|judgment|judgement|margin) calls? (?:for|on)",
    r"deploy(?:s|ed|ing)? (?:\w+ ){0,3}?(?:service|services|network|networks|technology|system|systems|"
    r"software|capital|cash|funds|resources|products?)\b",
    # Participles as adjectives: "the detained men", "two jailed dissidents".
    r"(?:the|a|an|those|these|other|all|two|three|four|five|several|\d+) (?:detained|jailed|arrested) "
    r"(?:men|women|people|man|woman|dissidents?|activists?|protesters?|suspects?|leaders?|journalists?|"
    r"students?|workers?|prisoners?|opposition|soldiers?|sailors?|executives?)\b",
    r"round trips?", r"(?:be|been|being) met",
    r"(?:verbal|personal|scathing|stinging|blistering|bitter|fierce|savage|withering) attacks?",
    r"(?:computer|cyber|virus|software|hacker|hacking|denial-of-service|phishing|spam|web) attacks?",
    r"(?:likely|designed|meant|intended|aimed|bid|attempt|try|tried|trying|set) to appeal",
    r"under (?:the|this|that|an|a|its|their) (?:[\w-]+ ){0,3}?(?:agreements?|accords?|treaty|deal)",
    r"in (?:broad |general |full |principle )?agreement", r"(?:points?|areas?|basis) of agreement",
    r"(?:meets?|met|meeting) (?:(?:a |an |the |its |their |his |her |our |all |any |these |those |this |such |"
    r"most |some |minimum |strict |tough |stringent |certain |both )(?:[a-z-]+ ){0,2}?|(?:[a-z]+ )?)(?:expectations|"
    r"targets?|demands?|requirements?|criteria|estimates|forecasts?|deadlines?|goals?|needs|"
    r"obligations?|standards?|conditions?|commitments|costs|payments?|debts?|challenges?|pattern|"
    r"definition|thresholds?|quotas?|specifications|guidelines|tests?)",
    # A standing state, not a pledge made: "are committed to", "remains firmly committed to".
    r"(?:is|are|am|was|were|be|been|being|remains?|remained|stays?|stayed|seems?|appears?) "
    r"(?:still |also |not |now |[a-z]+ly )?(?:still |also |fully |firmly |deeply |strongly )?"
    r"committed to",
    # Financial instruments, not deals between parties.
    r"(?:repurchase|sale-purchase|swap|standby) agreements?",
    r"(?:called|scheduled) for (?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next|later|the end)\w*",
    r"(?:agree|agrees|agreed|agreeing) with (?:the |his |her |its |their |this |that |these |those |"
    r"our |my |your |such )?(?:\w+ )?(?:views?|assessments?|analysis|analyses|calculations?|comments?|"
    r"remarks?|ideas?|suggestions?|opinions?|positions?|arguments?|conclusions?|criticisms?|"
    r"estimates?|forecasts?|predictions?|findings?|approach|sentiments?|him|me|you)\b",
    # Laws signed by one party, not agreements between parties.
    r"sign(?:s|ed|ing)? (?:\w+ ){0,3}?into law",
    r"sign(?:s|ed|ing)? (?:the |a |an |his |her )?(?:\w+ ){0,2}?(?:bills?|legislation|"
    r"executive orders?|budget)\b",
    # Calls that are no appeals: forecasts ("analysts are calling for higher prices"), a
    # plan's content ("a package calling for a freeze"), bonds called for redemption.
    # An agreement's content ("a merger agreement that calls for"): the noun goes with it.
    r"(?:agreements?|accords?|treaty) (?:\w+ )?(?:calling|calls|called) for",
    r"(?:called|call|calls|calling) for (?:redemption|payment|prepayment|conversion|tender)",
    r"no (?:\w+ )?call for",
    # Visits of web pages, and visitors in general.
    r"visit(?:s|ed|ing)? (?:to )?(?:the |a |our |their |its |this |that )?(?:\w+ )?(?:web ?sites?|sites?|"
    r"pages?|web ?pages?|home ?pages?|blogs?|stores?|shops?|branches|cinemas?|doctors?|museums?)\b",
    # A framework agreement referred to: "a reaffirmation of that agreement".
    r"(?:repurchase|sale-purchase|swap|standby) accords?",
    r"fail(?:s|ed|ing)? to meet",
    # A standing agreement a party has, not one made: "the support agreement it has with".
    r"agreements? (?:\w+ )?(?:it|they|we|he|she) (?:has|have|had) with",
    # Groups of voters, not elections: "Britain's ethnic vote".
    # Signatures that make no agreement between parties: "signed a motion", "a petition".
    r"sign(?:s|ed|ing)? (?:a |an |the |this |their |his |her )?(?:\w+ ){0,2}?(?:motions?|petitions?|"
    r"open letters?|register|guest book|autographs?|condolence book)\b",
    # Money or forces held for a purpose, not a pledge made: "resources now committed to".
]

# Look-alikes of a trigger known by the words before it: (words before, trigger). Checked per
# found trigger rather than in the scan, whose fast automaton such open-ended prefixes
# ("analysts ... calling for", "an earthquake ... killed") slow tenfold.
PRECEDED_BLOCKERS = [
    # Opinions of observers: "analysts agree".
    (r"(?:analysts?|economists?|experts?|observers?|traders?|dealers?|critics?|most|many|all|everyone) "
     r"(?:\w+ )?", r"agrees?"),
    # Deaths in disasters and accidents, not violence.
    (r"(?:tsunami|earthquake|quake|floods?|flooding|storms?|hurricane|typhoon|cyclone|avalanche|"
     r"landslides?|mudslides?|fire|blaze|crash|accident|collision|disease|virus|epidemic|outbreak|"
     r"heat ?wave|drought|famine|eruption|tornado) (?:\w+ ){0,4}?", r"killed|kills|kill|killing"),
    (r"(?:face|faces|facing|faced|growing|mounting|increasing|widespread|repeated|further) ",
     r"calls(?: for| on)?"),
    # Opinions, not agreements: "he agrees", "we don't agree".
    (r"(?:i|we|you|he|she|they) (?:also |fully |strongly |totally |completely |largely |broadly |"
     r"generally |entirely )?", r"agrees?"),
    (r"(?:do|does|don't|doesn't|do not|does not) (?:\w+ )?", r"agree"),
    # An agreement in force, referred to as a framework: "the third year of the grains
    # agreement", "provisions of the accord", "signatories to the treaty".
    (r"(?:years?|provisions?|clauses?|expiry|expiration|implementation|"
     r"framework|rules?|violations?|breach(?:es)?|limits?|quotas?|signatories|members?|"
     r"anniversary|duration|life) (?:of|to|under) (?:the |an |a |this |that |its |their )?"
     r"(?:[\w.-]+ ){0,3}?", r"agreements?|accords?|treaty"),
    (r"(?:analysts?|economists?|forecasters?|traders?|dealers?|strategists?|brokers?|market|consensus|"
     r"estimates?|forecasts?) (?:\w+ ){0,2}?", r"(?:calls?|called|calling|call) for"),
    (r"(?:package|packages|measures?|resolutions?|laws?|legislation|proposals?|plans?|programs?|"
     r"programmes?|budgets?|bills?|agreements?|accords?|treaty|contracts?|deal|terms|schedule) "
     r"(?:\w+ )?", r"(?:calling|calls|called) for"),
    (r"despite (?:the |repeated |growing |strong |widespread |some |many |\w+ )?",
     r"calls(?: for| on)?|urging|appeals(?: for| to)?"),
    (r"(?:anyone|anybody|everyone|someone|people|users|customers|consumers|shoppers|tourists|"
     r"visitors|fans|readers) (?:who |that )?", r"visit|visits|visiting|visited"),
    (r"(?:reaffirmation|reaffirm|reaffirms|reaffirmed|reaffirming|reaffirmations) (?:of )?"
     r"(?:the |that |this |an |a |their |its )?(?:[\w.-]+ ){0,3}?", r"agreements?|accords?|treaty"),
    (r"(?:ethnic|black|asian|muslim|jewish|hispanic|latino|catholic|women's|youth|young|grey|gray|"
     r"rural|urban|working-class|middle-class|tactical|postal|popular|student|pensioner|farm) ", r"votes?"),
    (r"(?:resources|funds|money|capital|sums?|amounts?|dollars|spending|investments?|troops) "
     r"(?:\w+ )?", r"committed (?:itself |themselves |himself |herself )?to"),
]

# Stories about sport: three or more distinct words of this list. Their "attacks", "meetings",
# "tours" and "fighting" are games, not events (see `SPORT_SUPPRESSED`).
SPORT_WORDS = (r"(?i-u)\b(?:striker|midfielder|goalkeeper|quarter-finals?|semi-finals?|premiership|"
               r"rugby|tennis|cricket|football|squad|tournament|coach|referee|fixtures?|"
               r"championships?|olympics?|athletes?|innings|wickets?|grand slam|six nations|"
               r"world cup|champions league|matche?s?|unbeaten|hat-trick|seeded|stadium|scored|"
               r"goals?|boxing|golf|athletics|sprinter|marathon)\b")
SPORT_MIN_WORDS = 3
SPORT_SUPPRESSED = frozenset({"violence", "fight", "meet", "visit"})

_TYPE_PATTERNS = [("blocked", BLOCKER_PATTERNS), *TRIGGER_PATTERNS.items()]
_ANY_TRIGGER = r"\b(?:" + "|".join("|".join(patterns) for _, patterns in _TYPE_PATTERNS) + r")\b"
# ASCII word boundaries and classes in both engines: Unicode ones would keep the Rust engine
# off its fast DFA (ten times slower), and the two engines must agree on every match.
_ANY_TRIGGER_RE = re.compile(_ANY_TRIGGER, re.IGNORECASE | re.ASCII)
_TYPE_RES = [(name, re.compile("|".join(patterns), re.IGNORECASE | re.ASCII))
             for name, patterns in _TYPE_PATTERNS]

assert set(TRIGGER_PATTERNS) == set(EVENT_TYPES), "every event type needs triggers, and only those"


def trigger_scan(body: pl.Expr) -> pl.Expr:
    """Every trigger or blocker in `body` as written, in order: a list expression run in
    polars' (fast, Rust) regex engine; `triggers_in` turns it into offsets and types."""
    return body.str.extract_all("(?i-u)" + _ANY_TRIGGER)


def sport_story(body: pl.Expr) -> pl.Expr:
    """Whether a story is about sport (see `SPORT_WORDS`): a boolean polars expression."""
    return (body.str.extract_all(SPORT_WORDS).list.eval(pl.element().str.to_lowercase())
            .list.unique().list.len() >= SPORT_MIN_WORDS)


# A capitalised agreement noun after a capitalised word is part of a name ("the International
# Tin Agreement", "General Agreement on Tariffs and Trade"): the instrument, no agreement made.
_NAMED_INSTRUMENT = re.compile(r"Agreements?|Accords?|Treaty")
_NAME_WORD_BEFORE = re.compile(r"(?<![.!?]\s)\b(?!(?:The|A|An|This|That|Its|Their)\s)[A-Z][\w.'&-]*\s+$")


_PRECEDED_RES = [(re.compile(r"\b(?:" + before + r")$", re.IGNORECASE | re.ASCII),
                  re.compile(trigger, re.IGNORECASE | re.ASCII)) for before, trigger in PRECEDED_BLOCKERS]
_PRECEDING_CHARS = 160


def _preceded_blocked(body: str, start: int, text: str) -> bool:
    """Whether a found trigger is one of `PRECEDED_BLOCKERS`' look-alikes."""
    window = body[max(0, start - _PRECEDING_CHARS):start]
    return any(trigger.fullmatch(text) and before.search(window) for before, trigger in _PRECEDED_RES)


def _matches_at(body: str, start: int, text: str) -> bool:
    match = _ANY_TRIGGER_RE.match(body, start)
    return match is not None and match.group() == text


def triggers_in(body: str, texts: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, event_type) of each trigger found by `trigger_scan` in `body`, blockers
    and parts of hyphenated words ("virus-fighting") left out.

    Each text is located at the first position after the previous one where the same
    pattern, run by Python's `re`, matches exactly that text: the position the scan found.
    """
    found, end = [], 0
    for text in texts:
        start = body.find(text, end)
        while start >= 0 and not _matches_at(body, start, text):
            start = body.find(text, start + 1)
        if start < 0:
            continue
        end = start + len(text)
        if body[start - 1:start] == "-" or body[end:end + 1] == "-":
            continue
        if _NAMED_INSTRUMENT.fullmatch(text) and _NAME_WORD_BEFORE.search(body, max(0, start - 40), start):
            continue
        event_type = next(name for name, pattern in _TYPE_RES if pattern.fullmatch(text))
        if event_type != "blocked" and not _preceded_blocked(body, start, text):
            found.append((start, end, event_type))
    return found


# Words that, within a few words before the trigger, change how the event is reported.
_NEGATION = (r"(?:(?:^|\W)(?i:not|never|no|without|neither|nor|failed to|fail to|fails to|refused to|"
             r"refuses to|declined to|ruled out|cancell?ed|called off|postponed)|n['’]t)")
_HYPOTHETICAL = (r"(?:^|\W)(?:could|may|might|would|should|if|unless|whether|possible|possibly|"
                 r"potential|proposed|proposes|propose|proposals? for|"
                 # attempts, goals and demands: the event itself has not happened
                 r"tr(?:y|ies|ied|ying) to|attempt(?:s|ed|ing)? to|efforts? to|bid to|"
                 r"seek(?:s|ing)?|sought|aim(?:s|ed|ing)? to|aimed at|hop(?:e|es|ed|ing) to|"
                 r"want(?:s|ed|ing)? to|(?:ready|willing|prepared|eager) to|offer(?:s|ed)? to|"
                 r"call(?:s|ed|ing)? for|demanded|demanding|push(?:es|ed|ing)? for|"
                 r"press(?:es|ed|ing)? for|leverage for|negotiat(?:e|es|ing)|negotiations? (?:on|for|toward))")
_PLANNED = (r"(?:(?:^|\W)(?:will|shall|is to|are to|was to|were to|plans? to|planned|planning to|"
            r"intends? to|intended to|expected to|scheduled|(?:is|are|was|were) due to|"
            r"(?:is|are) set to|upcoming|forthcoming|next|later this|to be held|(?:is|are) going to)"
            r"|['’]ll)")
_WINDOW = r"(?:\s+\S+){0,3}\s*$"
# A failure or a possibility a few words further back, through "to": "failed in February to
# reach an agreement", "may need to hold a meeting".
_FAILED_TO = r"(?i)\b(?:failed|fails|fail|refused|refuses|declined|declines)\s+(?:\S+\s+){0,3}?to\s+(?:\S+\s+){0,2}$"
_MODAL_TO = (r"(?i)\b(?:may|might|could|would|should)\s+(?:not\s+)?(?:need|have|want|wish|decide|seek|"
             r"try|choose|be\s+able|be\s+forced|be\s+asked)\s+to\s+(?:\S+\s+){0,2}$")
_NO_NOUN_OF = r"(?i)\bno\s+[a-z]+\s+(?:for|on|of|about|at|from|in)\s+"
# "has not yet reached a definitive agreement", "no figure has yet been agreed".
_NOT_YET = (r"(?i)(?:\b(?:not|n't)\s+yet\s+(?:\S+\s+){0,3}|\bno\s+\S+\s+(?:has|have|had)\s+(?:yet\s+)?"
            r"been\s+)$")
_NO_COMMENT = r"(?i)\b(?:no|not|n['’]t)\s+(?:immediate\s+|further\s+|official\s+|any\s+)?comments?"


# Right after a (nominal) trigger: "an agreement would allow", "the talks could resume" (not
# "the explosion may have been caused by"); "the meeting is expected to", "talks will take place".
_HYPOTHETICAL_AFTER = r"(?i)^,?\s+(?:would|could|might|may)\b"
_CONJECTURE_AFTER = r"(?i)^,?\s+(?:may|might|could|would)\s+have\b"
_PLANNED_AFTER = (r"(?i)^,?\s+(?:(?:will|would)\s+(?:be\s+held|take\s+place|begin|start|resume|open|convene|"
                  r"be\s+signed)|(?:is|are)\s+(?:expected|due|scheduled|set|planned|likely|to\s+be)"
                  r"(?:\s+to|\s+for|\s+held|\s+signed)?\b)")


def trigger_modality(sentence: pl.Expr, trigger_offset: pl.Expr,
                     trigger_length: pl.Expr | None = None) -> pl.Expr:
    """`negated`, `hypothetical`, `planned` or `asserted` (checked in that order) from the
    words in the three words before the trigger ("did not meet", "could attend", "will visit",
    "tried to arrange a meeting"), else, given `trigger_length`, from the words right after it
    ("an agreement would allow", "the talks are expected to resume").

    `trigger_offset` is the trigger's code-point offset inside `sentence`.
    """
    # "had no comment on the attack" declines to comment; it does not negate the attack.
    # "gave no agenda for the meetings" negates the agenda, not the meetings.
    before = (sentence.str.slice(0, trigger_offset).str.replace_all(_NO_COMMENT, " commented")
              .str.replace_all(_NO_NOUN_OF, " some thing of "))
    modality = (pl.when(before.str.contains(_NEGATION + _WINDOW) | before.str.contains(_FAILED_TO)
                        | before.str.contains(_NOT_YET))
                .then(pl.lit("negated"))
                .when(before.str.contains(_HYPOTHETICAL + _WINDOW) | before.str.contains(_MODAL_TO))
                .then(pl.lit("hypothetical"))
                .when(before.str.contains(_PLANNED + _WINDOW)).then(pl.lit("planned")))
    if trigger_length is not None:
        after = sentence.str.slice(trigger_offset + trigger_length)
        modality = (modality.when(after.str.contains(_PLANNED_AFTER)).then(pl.lit("planned"))
                    .when(after.str.contains(_HYPOTHETICAL_AFTER)
                          & ~after.str.contains(_CONJECTURE_AFTER)).then(pl.lit("hypothetical")))
    return modality.otherwise(pl.lit("asserted"))
