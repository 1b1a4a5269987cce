"""Proper-name runs of an article and their resolution to the fullest name the article gives.

`NameIndex(texts, known_names)` scans capitalised word sequences ("Secretary-General Ban
Ki-moon", "Mr Blair", "G. William Hunter") in the article's fields, strips titles and
honorifics, and remembers which title introduced which name. `resolve(tokens)` maps a mention
("Mr. Ban", "Ban", "Elton") to the longest name in the article that contains its words, or
returns the mention itself (an unresolved surname stays the surname). Post-nominal letters
("Tom Lee MSP", "QC") are dropped from names; a capitalised stopword starting a run
mid-sentence stays part of the name ("the All England Club"); nationality words ("Iraqi",
"the American") count as common words, never names.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from transforms.gazetteer import personal_name_start

_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Mc|Mac|O'|O\u2019|D'|d')?[A-Z][\w'\u2019\-]*\.?)"
_PARTICLE = r"(?:de|den|der|van|von|da|di|du|la|le|bin|al|del|dos|ter)"
NAME_RUN = re.compile(rf"(?<![\w'\u2019]){_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_TOKEN})*")

# Abbreviations whose full stop does not end a sentence (nor a name run).
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sgt", "capt", "lt", "col", "gov", "sen",
    "rep", "prof", "rev", "inc", "co", "corp", "ltd", "mt", "no", "vs", "messrs", "maj", "cmdr",
    "adm", "supt", "insp", "det", "pres",
})
# Titles, honorifics and job words that precede a name but are not part of it.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "baron", "madam",
    "professor", "prof", "president", "vice-president", "prime", "minister", "secretary",
    "secretary-general", "under-secretary-general", "general", "gen", "chancellor", "senator",
    "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
    "king", "queen", "prince", "princess", "judge", "justice", "rev", "reverend", "ambassador",
    "chairman", "chairwoman", "chair", "chief", "executive", "deputy", "vice", "commissioner",
    "speaker", "prosecutor", "director", "coach", "manager", "captain", "capt", "sgt", "sergeant",
    "lt", "lieutenant", "col", "colonel", "major", "maj", "officer", "detective", "inspector",
    "superintendent", "constable", "pope", "cardinal", "bishop", "archbishop", "sheikh", "emir",
    "ceo", "cfo", "coo", "spokesman", "spokeswoman", "spokesperson", "shadow", "leader", "editor",
    "analyst", "attorney", "solicitor", "treasurer", "envoy", "premier", "commander", "admiral",
    "sultan", "ayatollah", "imam", "rabbi", "father", "brother", "sister", "dean", "chef",
    "counsel", "economist", "founder", "head", "boss", "striker", "midfielder", "defender",
    "goalkeeper", "player", "skipper", "fan", "official", "councillor", "mp", "mep", "msp",
    "exchequer",
})
STOPWORDS = frozenset({
    "the", "a", "an", "but", "and", "or", "however", "in", "on", "at", "for", "of", "to", "by",
    "with", "from", "as", "after", "before", "when", "while", "if", "this", "that", "these",
    "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "my", "your", "there", "here", "then", "now", "so", "yet", "also", "meanwhile", "earlier",
    "later", "last", "next", "since", "although", "though", "despite", "during", "under",
    "over", "about", "some", "many", "most", "all", "both", "each", "every", "no", "not",
    "what", "which", "who", "whom", "whose", "where", "why", "how", "one", "two", "three",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday", "tomorrow", "according", "speaking",
    "asked", "instead", "still", "even", "only", "just", "other", "such", "like", "unlike",
    "among", "between", "within", "without", "into", "through", "until", "upon", "mrs.",
})
# Stopwords that a name may begin with when written mid-sentence ("the All England Club",
# "at The Hague"); at a sentence start they are stripped like any other stopword.
NAME_LEADERS = frozenset({"all", "the", "one", "no", "our", "in", "of", "for", "at", "on"})
# Letters written after a name (honours, offices, degrees): not part of it, and not a title.
POST_NOMINALS = frozenset({
    "mp", "msp", "mep", "am", "mla", "td", "qc", "kc", "obe", "mbe", "cbe", "kbe", "dbe",
    "frs", "phd", "esq", "jp", "rn", "mvo", "cvo", "gcb", "kcb", "bart", "bt",
})
# Nationality adjectives and demonyms ("the American", "an Iraqi commander"): never a name.
DEMONYMS = frozenset("""
american americans british briton britons english scottish scot scots welsh irish french
german germans italian italians spanish spaniard portuguese dutch belgian swiss austrian
swedish swede swedes norwegian norwegians danish dane danes finnish finn icelandic polish
russian russians ukrainian ukrainians belarusian czech slovak hungarian romanian bulgarian
greek greeks turkish turk turks cypriot serbian serb serbs croatian croat bosnian albanian
kosovan kosovar macedonian slovenian lithuanian latvian estonian georgian armenian azeri
israeli israelis palestinian palestinians lebanese syrian syrians iraqi iraqis iranian
iranians jordanian egyptian egyptians libyan saudi saudis kuwaiti yemeni emirati qatari
omani bahraini afghan afghans pakistani pakistanis indian indians bangladeshi nepalese
chinese japanese korean koreans taiwanese vietnamese thai cambodian burmese filipino
indonesian malaysian singaporean mongolian kazakh uzbek tajik kyrgyz turkmen chechen
chechens australian australians aussie aussies kiwi kiwis canadian canadians mexican
mexicans brazilian brazilians argentine argentinian chilean peruvian colombian venezuelan
cuban cubans jamaican haitian bolivian ecuadorian uruguayan paraguayan african africans
nigerian nigerians kenyan kenyans ethiopian eritrean somali somalis sudanese ghanaian
zimbabwean zambian ugandan rwandan burundian congolese angolan namibian tanzanian
mozambican malawian algerian moroccan tunisian senegalese ivorian cameroonian liberian
european europeans asian asians arab arabs kurdish kurd kurds latino latinos hispanic
scandinavian caribbean basque catalan flemish texan californian londoner londoners
""".split())
_DEMONYM_PREFIXES = frozenset({"south", "north", "east", "west", "new", "latin"})
GENDERED_TITLES = {"mr": "he", "sir": "he", "lord": "he", "king": "he", "prince": "he",
                   "father": "he", "brother": "he", "mrs": "she", "ms": "she", "miss": "she",
                   "lady": "she", "dame": "she", "baroness": "she", "queen": "she",
                   "princess": "she", "sister": "she", "madam": "she"}
# Words that make a name an organisation rather than a person.
ORG_WORDS = frozenset({
    "bank", "ltd", "inc", "corp", "co", "company", "plc", "association", "union", "ministry",
    "council", "university", "agency", "group", "party", "committee", "federation",
    "foundation", "department", "office", "board", "commission", "organisation",
    "organization", "institute", "services", "systems", "exchange", "court", "police", "army",
    "network", "news", "times", "post", "club", "league", "trust", "authority", "fund",
    "bureau", "society", "centre", "center", "parliament", "congress", "senate", "government",
    "securities", "holdings", "partners", "airlines", "motors", "industries", "international",
    "research", "press", "reuters", "nations", "assembly", "administration", "corporation",
    "technologies", "communications", "media", "studios", "records", "fc", "united", "city",
    "school", "college", "hospital", "house", "forces", "navy", "tribunal", "cabinet",
})

# Common nouns that, right before a name, say it is an organisation ("the firm Acme").
ORG_NOUNS = frozenset("""firm company agency group organisation organization ministry government
bank union party association council committee department commission board club league
corporation airline carrier maker manufacturer retailer network broadcaster newspaper paper
magazine studio label team side authority authorities body institute foundation charity
court regulator watchdog exchange brewer winemaker developer publisher insurer lender""".split())


def _bare(token: str) -> str:
    return token.rstrip(".").replace("\u2019", "'").lower()


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def is_initial(token: str) -> bool:
    return _INITIALS.fullmatch(token) is not None


class Run(NamedTuple):
    """A capitalised word sequence: where it is, its name words and what precedes them."""
    start: int
    end: int
    name: tuple[str, ...]      # name words, titles and leading stopwords removed
    titles: tuple[str, ...]    # title words that preceded the name, lower-cased
    possessive: bool


def _ends_run(word: str) -> bool:
    """A word that ends its run: a possessive, or one ending a sentence with its full stop."""
    last = word[-1]
    if last == ".":
        return not is_initial(word) and _bare(word) not in ABBREVIATIONS
    return last in "s'\u2019" and (word.endswith(("'s", "\u2019s", "s'", "s\u2019")))


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[Run]:
    """The name runs of text[start:end], split at possessives and sentence-ending stops."""
    end = len(text) if end is None else end
    runs: list[Run] = []
    for m in NAME_RUN.finditer(text, start, end):
        group, pos, offset = m.group(), m.start(), 0
        tokens: list[tuple[int, str]] = []
        for word in group.split():
            at = group.find(word, offset)
            offset = at + len(word)
            tokens.append((pos + at, word))
            if _ends_run(word):
                runs.append(_make_run(tokens, _mid_sentence(text, tokens[0][0])))
                tokens = []
        if tokens:
            runs.append(_make_run(tokens, _mid_sentence(text, tokens[0][0])))
    return runs


def _mid_sentence(text: str, pos: int) -> bool:
    """True when the word at `pos` follows a lower-case word, a digit or a comma."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and pos - i > 1 and (text[i].islower() or text[i].isdigit() or text[i] == ",")


def _make_run(tokens: list[tuple[int, str]], mid_sentence: bool = False) -> Run:
    start = tokens[0][0]
    end = tokens[-1][0] + len(tokens[-1][1])
    words = [w if not w.endswith(".") or is_initial(w) else w.rstrip(".") for _, w in tokens]
    last = words[-1].replace("\u2019", "'")
    possessive = last.endswith(("'s", "s'"))
    if possessive:
        words[-1] = last[:-2] if last.endswith("'s") else last[:-1]
    lowered = [_bare(w) for w in words]
    while len(words) > 1 and lowered[-1] in POST_NOMINALS and (
            words[-1].rstrip(".").isupper() or lowered[-1] == "phd"):
        words.pop()
        lowered.pop()
    skip = 0
    while skip < len(words) and lowered[skip] in STOPWORDS and not (
            mid_sentence and skip == 0 and lowered[0] in NAME_LEADERS and len(words) > 2
            and words[0][:1].isupper()):
        skip += 1
    title_at = skip - 1
    for i in range(skip, len(words)):
        if lowered[i] in TITLES:
            title_at = i
    titles = tuple(lowered[skip:title_at + 1])
    name = tuple(w for w in words[title_at + 1:] if w)
    if role_end := personal_name_start(list(name)):
        titles += tuple(_bare(w) for w in name[:role_end])  # "Relief Coordinator Leila Haddad"
        name = name[role_end:]
    return Run(start, end, name, titles, possessive)


def is_demonym_name(name: tuple[str, ...]) -> bool:
    """A name made only of nationality words ("Iraqi", "South African", "Britons")."""
    if not name or name[-1].lower() not in DEMONYMS:  # the head is always a demonym
        return False
    return all(w.lower() in DEMONYMS or w.lower() in _DEMONYM_PREFIXES for w in name[:-1])


def is_org(name: tuple[str, ...]) -> bool:
    """An organisation-looking name: an org word, or a single all-capitals acronym."""
    if any(_bare(w) in ORG_WORDS for w in name):
        return True
    return len(name) == 1 and name[0].isupper() and len(name[0]) > 1 and not is_initial(name[0])


class NameIndex:
    """The names of one article: full names by their words and the titles that introduced them."""

    def __init__(self, texts: list[str], known_names: list[str] | None = None):
        self.full: list[tuple[str, ...]] = []
        self.by_title: dict[str, tuple[str, ...]] = {}
        self.titled: set[tuple[str, ...]] = set()   # seen after a title: people
        self.org_like: set[tuple[str, ...]] = set()  # seen after "firm", "company": organisations
        self.genders: dict[tuple[str, ...], str] = {}  # from honorifics: "he" or "she"
        lower_words: set[str] = set()
        for text in texts:
            lower_words.update(re.findall(r"\b[a-z][a-z'\-]+\b", text))
        self.common = lower_words
        self._runs = {text: name_runs(text) for text in texts}
        for text in texts:
            for run in self._runs[text]:
                if not run.name or self.is_common(run.name):
                    continue
                self.full.append(run.name)
                before = re.search(r"([a-z]+)\s+$", text[max(0, run.start - 30):run.start])
                if before and before.group(1) in ORG_NOUNS:
                    self.org_like.add(run.name)
                elif run.titles:
                    self.titled.add(run.name)
                    gender = GENDERED_TITLES.get(run.titles[-1])
                    if gender:
                        self.genders.setdefault(run.name, gender)
                if run.titles and len(run.name) >= 2 and not is_org(run.name):
                    for title in ("-".join(run.titles[-2:]), " ".join(run.titles[-2:]),
                                  run.titles[-1]):
                        self.by_title.setdefault(title, run.name)
        for known in known_names or []:
            words = tuple(known.split())
            if words:
                self.full.append(words)
        self._containing: dict[str, list[tuple[str, ...]]] = {}
        for full in dict.fromkeys(self.full):
            for word in set(full):
                self._containing.setdefault(word, []).append(full)

    def runs(self, text: str) -> list[Run]:
        """The name runs of one of the article's texts."""
        return self._runs[text] if text in self._runs else name_runs(text)

    def is_common(self, name: tuple[str, ...]) -> bool:
        """A single capitalised word the article also writes in lower case ("Analysts"), a
        lone letter, or a nationality word ("American", "South African")."""
        return (len(name) == 1 and (name[0].lower() in self.common
                                    or len(name[0].rstrip(".")) < 2)) or is_demonym_name(name)

    def resolve(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """The longest article name containing `name` as a contiguous word sequence (the
        first such name in reading order on a tie). Only the distinct names holding the
        first word are scanned, so a long story costs linear, not quadratic, time."""
        if not name:
            return name
        n = len(name)
        best = name
        for full in self._containing.get(name[0], ()):
            if len(full) <= len(best):
                continue
            for i in range(len(full) - n + 1):
                if full[i:i + n] == name:
                    best = full
                    break
        return best

    def kind(self, name: tuple[str, ...]) -> str:
        """"org", "person" or "unknown" for a resolved name."""
        if is_org(name) or name in self.org_like:
            return "org"
        if name in self.titled or any(name[-len(t):] == t for t in self.titled):
            return "person"
        return "unknown"

    def gender(self, name: tuple[str, ...]) -> str | None:
        """"he" or "she" when an honorific (Mr, Mrs, Sir, Lady...) introduced the name."""
        for titled, gender in self.genders.items():
            if name[-len(titled):] == titled:
                return gender
        return None

    def for_title(self, words: list[str]) -> tuple[str, ...] | None:
        """The name introduced with a title ("the Secretary-General" -> Ban Ki-moon)."""
        key = [_bare(w) for w in words if _bare(w) in TITLES]
        for title in ("-".join(key[-2:]), " ".join(key[-2:]), key[-1] if key else ""):
            if title and title in self.by_title:
                return self.by_title[title]
        return None
