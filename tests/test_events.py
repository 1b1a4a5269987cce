"""Tests of transforms.events (with transforms.event_dates and transforms.event_triggers) on
short original sentences, plus the UN News story of the shared corpus."""
from __future__ import annotations

import datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.event_sentences import sentence_spans
from transforms.events import EVENT_COLUMNS, EVENT_SCHEMA, extract_events
from transforms.vocabulary import DATE_BASES, EVENT_TYPES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
UN_STORY = SHARED / "corpus" / "un_news" / "000_ee31ba69eacdfd93.txt"
FRIDAY = datetime.date(2011, 4, 22)

# surface -> (entity_id, entity_type); several surfaces of one entity share its id.
NAMES = {
    "Ana Duarte": ("duarte", "PERSON"), "Ms. Duarte": ("duarte", "PERSON"),
    "Kofi Mensah": ("mensah", "PERSON"), "Mr. Mensah": ("mensah", "PERSON"),
    "Lena Varga": ("varga", "PERSON"),
    "Freedonia": ("freedonia", "LOCATION"), "Sylvania": ("sylvania", "LOCATION"),
    "Lisbon": ("lisbon", "LOCATION"), "LISBON": ("lisbon", "LOCATION"),
    "Accra": ("accra", "LOCATION"),
    "World Food Programme": ("wfp", "ORG"), "Northwind Corp": ("northwind", "ORG"),
}

MENTION_SCHEMA = {"mention_id": pl.String, "article_id": pl.String, "entity_id": pl.String,
                  "canonical_name": pl.String, "entity_type": pl.String, "country_code": pl.String,
                  "surface": pl.String, "field": pl.String, "char_start": pl.Int64,
                  "char_end": pl.Int64}


def mentions_for(article_id: str, body: str, names: dict[str, tuple[str, ...]] = NAMES) -> pl.DataFrame:
    """One mention row for every occurrence of every surface in `names` (longest first, no
    overlaps), the way an entity extractor would report them. A name maps to (entity_id,
    entity_type) or (entity_id, entity_type, country_code)."""
    rows, taken = [], set()
    for surface in sorted(names, key=len, reverse=True):
        entity_id, entity_type, country = (*names[surface], None)[:3]
        at = body.find(surface)
        while at >= 0:
            span = set(range(at, at + len(surface)))
            if not span & taken:
                taken |= span
                rows.append({"mention_id": f"{entity_id}-{at}", "article_id": article_id,
                             "entity_id": entity_id, "canonical_name": surface,
                             "entity_type": entity_type, "country_code": country, "surface": surface,
                             "field": "body", "char_start": at, "char_end": at + len(surface)})
            at = body.find(surface, at + 1)
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


def articles_for(body: str, published: datetime.date | None = FRIDAY,
                 dateline_place: str | None = None, article_id: str = "a1") -> pl.DataFrame:
    return pl.DataFrame({"article_id": [article_id], "body": [body], "published_date": [published],
                         "dateline_place": [dateline_place]},
                        schema={"article_id": pl.String, "body": pl.String,
                                "published_date": pl.Date, "dateline_place": pl.String})


def events_of(body: str, published: datetime.date | None = FRIDAY,
              dateline_place: str | None = None) -> pl.DataFrame:
    return extract_events(articles_for(body, published, dateline_place), mentions_for("a1", body))


def only(events: pl.DataFrame, event_type: str) -> dict:
    rows = events.filter(pl.col("event_type") == event_type).to_dicts()
    assert len(rows) == 1, events.select("event_type", "trigger", "sentence")
    return rows[0]


# ---------------------------------------------------------------- dates (published Friday 22 April 2011)

@pytest.mark.parametrize("body, expected, basis", [
    ("Ana Duarte met Kofi Mensah today.", FRIDAY, "relative"),
    ("Ana Duarte met Kofi Mensah yesterday.", datetime.date(2011, 4, 21), "relative"),
    ("Ana Duarte met Kofi Mensah on Monday.", datetime.date(2011, 4, 18), "relative"),
    ("Ana Duarte met Kofi Mensah on Friday.", FRIDAY, "relative"),
    ("Ana Duarte will meet Kofi Mensah on Monday.", datetime.date(2011, 4, 25), "relative"),
    ("Ana Duarte met Kofi Mensah on 15 March.", datetime.date(2011, 3, 15), "explicit"),
    ("Ana Duarte met Kofi Mensah on March 15.", datetime.date(2011, 3, 15), "explicit"),
    ("Ana Duarte met Kofi Mensah on 15 December.", datetime.date(2010, 12, 15), "explicit"),
    ("Ana Duarte met Kofi Mensah on 15 March 2009.", datetime.date(2009, 3, 15), "explicit"),
    ("Ana Duarte met Kofi Mensah last week.", datetime.date(2011, 4, 15), "relative"),
    ("Ana Duarte will meet Kofi Mensah next month.", datetime.date(2011, 5, 1), "relative"),
    ("Ana Duarte met Kofi Mensah in 2012.", datetime.date(2012, 1, 1), "explicit"),
    ("Ana Duarte met Kofi Mensah.", FRIDAY, "dateline"),
])
def test_date_expressions(body, expected, basis):
    event = only(events_of(body), "meet")
    assert (event["event_date"], event["date_basis"]) == (expected, basis)


def test_the_date_nearest_the_trigger_wins():
    event = only(events_of("Ana Duarte said today that Kofi Mensah and she had met on Tuesday."), "meet")
    assert event["event_date"] == datetime.date(2011, 4, 19)


def test_the_last_date_before_the_trigger_is_the_nearest():
    event = only(events_of("After talks in 2004 and in 2009, Freedonia signed the pact."), "agreement")
    assert event["event_date"] == datetime.date(2009, 1, 1)


def test_a_date_far_from_the_trigger_dates_something_else():
    body = ("Freedonia signed the pact, which replaces a customs arrangement between the two "
            "coastal states that had been in force since 3 May 1990.")
    assert only(events_of(body), "agreement")["date_basis"] == "dateline"


def test_historical_dates_are_kept():
    event = only(events_of("The two clubs met on 2 June 1871."), "meet")
    assert (event["event_date"], event["date_basis"]) == (datetime.date(1871, 6, 2), "explicit")


def test_no_published_date_leaves_relative_and_undated_events_without_a_date():
    undated = only(events_of("Ana Duarte met Kofi Mensah yesterday.", published=None), "meet")
    assert (undated["event_date"], undated["date_basis"]) == (None, None)
    absolute = only(events_of("Ana Duarte met Kofi Mensah on 3 May 2004.", published=None), "meet")
    assert (absolute["event_date"], absolute["date_basis"]) == (datetime.date(2004, 5, 3), "explicit")


# ---------------------------------------------------------------- trigger families

@pytest.mark.parametrize("event_type, body", [
    ("statement", "Northwind Corp issued a statement on the dispute."),
    ("statement", "Northwind Corp announced a new plant in Accra."),
    ("appeal", "Ana Duarte called for calm in the capital."),
    ("appeal", "Ana Duarte urged Sylvania to reopen the border."),
    ("pledge", "Freedonia pledged two million dollars to the fund."),
    ("meet", "Ana Duarte held talks with Kofi Mensah."),
    ("meet", "Ana Duarte met Kofi Mensah."),
    ("visit", "Ana Duarte visited Accra."),
    ("visit", "Ana Duarte arrived in Accra."),
    ("conference", "Ana Duarte convened a meeting of donors."),
    ("conference", "Leaders gathered for a regional summit."),
    ("praise", "Ana Duarte praised Sylvania for its restraint."),
    ("praise", "Kofi Mensah welcomed the new rules."),
    ("agreement", "Freedonia and Sylvania signed a trade pact."),
    ("agreement", "The council adopted a resolution on the water supply."),
    ("aid", "The World Food Programme delivered food aid to Accra."),
    ("aid", "Freedonia deployed engineers to the flooded valley."),
    ("criticize", "Ana Duarte condemned the raid."),
    ("criticize", "Kofi Mensah criticized Sylvania over the tariffs."),
    ("reject", "Sylvania rejected the offer."),
    ("threaten", "Sylvania threatened to close the port."),
    ("protest", "Thousands of protesters marched through Accra."),
    ("protest", "Students demonstrated against the new fees."),
    ("sanction", "Freedonia imposed sanctions on Sylvania."),
    ("arrest", "Police arrested three men in Lisbon."),
    ("arrest", "Two reporters were detained at the airport."),
    ("violence", "Gunmen killed four guards at the depot."),
    ("violence", "A bombing hit the market in Accra."),
    ("fight", "Clashes broke out near the border."),
    ("fight", "Heavy shelling continued overnight."),
    ("election", "Sylvania held elections in the spring."),
    ("election", "Voters went to the polls in Accra."),
])
def test_trigger_families(event_type, body):
    events = events_of(body)
    assert event_type in events["event_type"].to_list(), events.select("event_type", "trigger")


@pytest.mark.parametrize("body", [
    "Kofi Mensah said he was recovering from a heart attack.",
    "Northwind Corp said sales met expectations.",
    "Northwind Corp said the plan calls for a new board.",
    "Kofi Mensah praised the virus-fighting software.",
])
def test_look_alike_phrases_are_not_events(body):
    events = events_of(body)
    assert events.filter(pl.col("event_type").is_in(
        ["violence", "meet", "appeal", "fight"])).height == 0, events.select("event_type", "trigger")


def test_statement_is_conservative():
    assert events_of("Kofi Mensah said the roads were open.").height == 0


def test_every_type_maps_to_its_cameo_root():
    events = events_of("Ana Duarte met Kofi Mensah. Ana Duarte condemned the raid.")
    assert dict(zip(events["event_type"], events["cameo_root"])) == {
        "meet": EVENT_TYPES["meet"], "criticize": EVENT_TYPES["criticize"]}


def test_triggers_inside_quotations_are_not_events():
    body = "\u201cWe will never accept sanctions,\u201d Ana Duarte said. \"They attacked us,\" she added."
    assert events_of(body).height == 0


# ---------------------------------------------------------------- actors, targets, place

def test_actor_target_and_place_of_a_meeting():
    event = only(events_of("Ana Duarte met Kofi Mensah in Lisbon on Monday."), "meet")
    assert event["actor_entity_ids"] == ["duarte"]
    assert event["target_entity_ids"] == ["mensah"]
    assert (event["location_entity_id"], event["location_basis"]) == ("lisbon", "sentence")


def test_a_possessive_country_describes_the_person_after_it():
    event = only(events_of("Ana Duarte met Freedonia's Foreign Minister Kofi Mensah."), "meet")
    assert event["target_entity_ids"] == ["mensah"]


def test_two_actors_joined_by_and():
    event = only(events_of("Freedonia and Sylvania signed a trade pact in Accra."), "agreement")
    assert event["actor_entity_ids"] == ["freedonia", "sylvania"]
    assert event["location_entity_id"] == "accra"


def test_a_pronoun_subject_takes_the_last_person_who_acted_with_lower_confidence():
    body = "Ana Duarte arrived in Lisbon on Monday.\n\nShe met Kofi Mensah at the port."
    events = events_of(body)
    visit, meet = only(events, "visit"), only(events, "meet")
    assert meet["actor_entity_ids"] == ["duarte"]
    assert meet["target_entity_ids"] == ["mensah"]
    assert meet["confidence"] < visit["confidence"]


def test_a_title_subject_takes_the_last_person_who_acted():
    body = "Ana Duarte praised the new port.\n\nLater, the Minister met Kofi Mensah."
    assert only(events_of(body), "meet")["actor_entity_ids"] == ["duarte"]


def test_an_organisation_acting_through_it():
    event = only(events_of("Northwind Corp said it signed a supply deal with Freedonia."), "agreement")
    assert event["actor_entity_ids"] == ["northwind"]
    assert event["target_entity_ids"] == ["freedonia"]


def test_coordinated_triggers_share_the_subject():
    events = events_of("Ana Duarte praised Freedonia at a meeting with Kofi Mensah and called for calm.")
    assert only(events, "praise")["target_entity_ids"] == ["freedonia"]
    meet = only(events, "meet")
    assert (meet["actor_entity_ids"], meet["target_entity_ids"]) == (["duarte"], ["mensah"])
    assert only(events, "appeal")["actor_entity_ids"] == ["duarte"]


def test_place_falls_back_to_the_dateline_entity():
    body = "LISBON, April 22 - Ana Duarte met Kofi Mensah."
    event = only(events_of(body, dateline_place="LISBON"), "meet")
    assert (event["location_entity_id"], event["location_basis"]) == ("lisbon", "dateline")
    assert event["sentence"] == "Ana Duarte met Kofi Mensah."


def test_place_falls_back_to_the_story_place_then_to_none():
    body = "Ana Duarte met Kofi Mensah in Accra.\n\nMs. Duarte later praised Sylvania."
    praise = only(events_of(body), "praise")
    assert (praise["location_entity_id"], praise["location_basis"]) == ("accra", "story")
    bare = only(events_of("Ana Duarte praised Sylvania."), "praise")
    assert (bare["location_entity_id"], bare["location_basis"]) == (None, None)


# ---------------------------------------------------------------- sentences, flags, schema

def test_sentence_offsets_and_abbreviations():
    body = ("ACCRA, 22 April - Mr. Mensah met Dr. Lena Varga at the U.N. office on Jan. 5. "
            "He said J. K. Owusu had arrived in Accra. The U.S. embassy welcomed the talks!\n\n"
            "Ms. Duarte visited Lisbon. Then she left.")
    spans = sentence_spans(body)
    assert [body[s:e] for s, e, _ in spans] == [
        "Mr. Mensah met Dr. Lena Varga at the U.N. office on Jan. 5.",
        "He said J. K. Owusu had arrived in Accra.",
        "The U.S. embassy welcomed the talks!",
        "Ms. Duarte visited Lisbon.", "Then she left."]
    assert [p for _, _, p in spans] == [0, 0, 0, 1, 1]
    events = events_of(body)
    assert events.height >= 4
    for row in events.iter_rows(named=True):
        assert body[row["char_start"]:row["char_end"]] == row["sentence"]


def test_in_lede_marks_the_first_paragraph():
    events = events_of("Ana Duarte met Kofi Mensah.\n\nAna Duarte visited Accra.")
    assert only(events, "meet")["in_lede"] is True
    assert only(events, "visit")["in_lede"] is False


@pytest.mark.parametrize("body, modality", [
    ("Ana Duarte met Kofi Mensah.", "asserted"),
    ("Ana Duarte will meet Kofi Mensah.", "planned"),
    ("Ana Duarte is to meet Kofi Mensah.", "planned"),
    ("Ana Duarte plans to meet Kofi Mensah.", "planned"),
    ("Ana Duarte did not meet Kofi Mensah.", "negated"),
    ("Ana Duarte didn't meet Kofi Mensah.", "negated"),
    ("There was no meeting between Ana Duarte and Kofi Mensah.", "negated"),
    ("Ana Duarte could meet Kofi Mensah.", "hypothetical"),
    ("Ana Duarte might meet Kofi Mensah.", "hypothetical"),
    ("Ana Duarte would meet Kofi Mensah if asked.", "hypothetical"),
])
def test_modality(body, modality):
    assert only(events_of(body), "meet")["modality"] == modality


def test_ids_are_stable_and_unique():
    body = "Ana Duarte met Kofi Mensah. Ana Duarte met Lena Varga."
    first, second = events_of(body), events_of(body)
    assert first["event_id"].to_list() == second["event_id"].to_list()
    assert first["event_id"].n_unique() == first.height == 2


def test_output_follows_the_schema_and_vocabularies():
    events = events_of("Ana Duarte met Kofi Mensah today. Sylvania could reject the offer.")
    assert events.columns == EVENT_COLUMNS
    assert dict(events.schema) == EVENT_SCHEMA
    assert set(events["date_basis"].drop_nulls()) <= set(DATE_BASES)
    assert events["confidence"].is_between(0, 1).all()


def test_empty_input_gives_an_empty_frame_with_the_schema():
    events = extract_events(articles_for("x").clear(), pl.DataFrame(schema=MENTION_SCHEMA))
    assert events.height == 0
    assert dict(events.schema) == EVENT_SCHEMA


def test_articles_without_mentions_still_give_events():
    events = extract_events(articles_for("Ana Duarte met Kofi Mensah."), pl.DataFrame(schema=MENTION_SCHEMA))
    event = only(events, "meet")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == ([], [])


# ---------------------------------------------------------------- the UN News story

UN_NAMES = {
    "Ban Ki-moon": ("ban", "PERSON"), "Mr. Ban": ("ban", "PERSON"),
    "Dmitry Medvedev": ("medvedev", "PERSON"), "Mr. Medvedev": ("medvedev", "PERSON"),
    "Sergey Lavrov": ("lavrov", "PERSON"), "Mr. Lavrov": ("lavrov", "PERSON"),
    "Moscow": ("moscow", "LOCATION"), "Cairo": ("cairo", "LOCATION"),
    "Russia": ("russia", "LOCATION"), "United Nations": ("un", "ORG"),
}


@pytest.mark.corpus
@pytest.mark.skipif(not SHARED.is_dir(), reason=f"the shared corpus is absent ({SHARED})")
def test_un_news_story_meetings():
    from ingest.raw_files import read_raw_root
    from transforms.articles import articles_from, parse_stories
    from transforms.decode import decode_text

    articles = articles_from(parse_stories(decode_text(read_raw_root(UN_STORY.parent))))
    story = articles.filter(pl.col("source_path").str.ends_with(UN_STORY.name))
    assert story.height == 1
    body = story["body"][0]
    events = extract_events(story, mentions_for(story["article_id"][0], body, UN_NAMES))
    meetings = events.filter(pl.col("event_type") == "meet")
    for row in events.iter_rows(named=True):
        assert body[row["char_start"]:row["char_end"]] == row["sentence"]

    def met(target: str) -> list[dict]:
        return [m for m in meetings.to_dicts()
                if m["actor_entity_ids"] == ["ban"] and m["target_entity_ids"] == [target]]

    for target in ("medvedev", "lavrov"):
        found = met(target)
        assert found, meetings.select("trigger", "actor_entity_ids", "target_entity_ids")
        for meeting in found:
            assert meeting["location_entity_id"] == "moscow"
            assert meeting["event_date"] == FRIDAY
            assert meeting["modality"] == "asserted"
    assert any(m["in_lede"] for m in met("medvedev"))
    in_cairo = meetings.filter(pl.col("location_entity_id") == "cairo")
    assert in_cairo["actor_entity_ids"].list.len().eq(0).all()


# ---------------------------------------------------------------- passives, visitors, places, date windows

def test_passive_subject_is_acted_on_and_by_agent_acts():
    signed = only(events_of("The pledge was signed in Lisbon by Ana Duarte."), "agreement")
    assert signed["actor_entity_ids"] == ["duarte"] and signed["target_entity_ids"] == []
    assert signed["location_entity_id"] == "lisbon"
    arrested = only(events_of("Kofi Mensah was arrested in Accra yesterday."), "arrest")
    assert arrested["actor_entity_ids"] == [] and arrested["target_entity_ids"] == ["mensah"]
    announced = only(events_of("Ana Duarte has accepted the offer, it has been announced."), "statement")
    assert announced["actor_entity_ids"] == [] and announced["target_entity_ids"] == []


def test_nominal_trigger_with_by_agent():
    attack = only(events_of("Sylvania condemned the attack by Freedonia on the port."), "violence")
    assert attack["actor_entity_ids"] == ["freedonia"]


def test_visiting_title_person_is_the_visitor():
    visit = only(events_of("Visiting Ruritanian President Ana Duarte said trade would grow."), "visit")
    assert visit["actor_entity_ids"] == ["duarte"] and visit["target_entity_ids"] == []


@pytest.mark.parametrize("body, place", [
    ("Ana Duarte is visiting villages in Freedonia and Sylvania on Monday.", "freedonia"),
    ("Later Ana Duarte will visit towns such as Accra.", "accra"),
    ("Ana Duarte travelled to Accra on Monday.", "accra"),
])
def test_places_a_visit_names_are_its_place_not_its_targets(body, place):
    visit = only(events_of(body), "visit")
    assert visit["location_entity_id"] == place and visit["target_entity_ids"] == []


def test_places_listed_after_a_preposition_are_not_targets():
    body = "Ana Duarte held meetings with officials in Lisbon, Accra and Freedonia."
    meet = only(events_of(body), "meet")
    assert meet["target_entity_ids"] == [] and meet["location_entity_id"] == "lisbon"


@pytest.mark.parametrize("body, event_type, expected", [
    ("Ana Duarte agreed in January to cut tariffs.", "agreement", datetime.date(2011, 1, 1)),
    ("Kofi Mensah will visit Lisbon in June.", "visit", datetime.date(2011, 6, 1)),
    ("Ana Duarte met Kofi Mensah in early March in Accra.", "meet", datetime.date(2011, 3, 1)),
    ("Ana Duarte met Kofi Mensah in March 2009.", "meet", datetime.date(2009, 3, 1)),
])
def test_month_without_day(body, event_type, expected):
    event = only(events_of(body), event_type)
    assert (event["event_date"], event["date_basis"]) == (expected, "explicit")


def test_a_date_after_the_next_trigger_dates_that_trigger():
    events = events_of("Freedonia urged Sylvania to hold elections due in June 2012.")
    appeal = only(events, "appeal")
    assert (appeal["event_date"], appeal["date_basis"]) == (FRIDAY, "dateline")
    assert only(events, "election")["event_date"] == datetime.date(2012, 6, 1)
    # A repeat of the same type does not close the window.
    vote = only(events_of("Northwind Corp called a vote on the election of directors for May 3."), "election")
    assert vote["event_date"] == datetime.date(2011, 5, 3)


@pytest.mark.parametrize("body, event_type", [
    ("Ana Duarte is announcing a new cabinet.", "statement"),
    ("Freedonia sent an envoy to urge Sylvania to talk.", "appeal"),
    ("Sylvania passed a law threatening Freedonia with tariffs.", "threaten"),
    ("Rebels began attacking army posts near Accra.", "violence"),
    ("Ana Duarte held meetings in Accra.", "meet"),
    ("Kofi Mensah will travel to Lisbon.", "visit"),
])
def test_added_trigger_forms(body, event_type):
    assert only(events_of(body), event_type)["trigger"]
