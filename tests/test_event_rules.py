"""Trigger, place and date rules of transforms.events added for issue #5, on original
sentences (published Friday 22 April 2011)."""
from __future__ import annotations

import datetime

import polars as pl
import pytest

from test_events import FRIDAY, NAMES, articles_for, events_of, mentions_for, only
from transforms.events import extract_events


@pytest.mark.parametrize("body, event_type", [
    ("Protest groups in Accra have grown in number.", "protest"),
    ("Northwind Corp, as previously announced, will close the plant.", "statement"),
    ("Kofi Mensah said there were early signs of recovery.", "agreement"),
    ("The tanker was fixed for a round trip from Lisbon.", "visit"),
    ("Ana Duarte said the demands could not be met.", "meet"),
    ("Kofi Mensah launched a scathing attack on the budget.", "violence"),
    ("Northwind Corp said a virus attack slowed its network.", "violence"),
    ("The new model is likely to appeal to young buyers.", "appeal"),
    ("Under the agreement, Freedonia will buy more grain.", "agreement"),
    ("Northwind Corp completed its previously announced sale of a plant.", "statement"),
    ("Northwind Corp will make an agreed bid for a rival.", "agreement"),
    ("The player was charged with using threatening words to a linesman.", "threaten"),
    ("Freedonia left the International Grain Agreement in 1990.", "agreement"),
    ("Talks on the Harbour Fishing Accord resumed in Accra.", "agreement"),
    ("The two ministers were in agreement on most points.", "agreement"),
    ("Northwind Corp failed to meet the new requirements of the regulator.", "meet"),
    ("The rise in prices meets the pattern of earlier years.", "meet"),
    ("Freedonia remains firmly committed to free trade.", "pledge"),
    ("The central bank drained funds through repurchase agreements.", "agreement"),
])
def test_look_alike_phrases_added_for_issue_5(body, event_type):
    events = events_of(body)
    assert events.filter(pl.col("event_type") == event_type).height == 0, events.select("event_type", "trigger")


def test_games_in_a_sport_story_are_not_violence_or_meetings():
    body = ("The striker scored twice as Accra Rovers stayed unbeaten in the league.\n\n"
            "Their coach said the attacks down the left won the match. They meet Lisbon next week.")
    events = events_of(body)
    assert events.filter(pl.col("event_type").is_in(["violence", "meet"])).height == 0
    # The same words outside a sport story are events.
    assert only(events_of("Gunmen attacked the depot. Ana Duarte met Kofi Mensah."), "violence")


def test_a_place_after_to_is_the_recipient_unless_the_event_is_a_movement():
    pledge = only(events_of("Freedonia pledged two million dollars to Sylvania."), "pledge")
    assert pledge["location_entity_id"] is None and pledge["target_entity_ids"] == ["sylvania"]
    summit = only(events_of("Ana Duarte spoke of her trip to Accra for the summit."), "conference")
    assert summit["location_entity_id"] == "accra"


@pytest.mark.parametrize("body, event_type, expected, basis", [
    ("Gunmen attacked the depot late last night.", "violence", datetime.date(2011, 4, 21), "relative"),
    ("Protesters marched through Accra last weekend.", "protest", datetime.date(2011, 4, 16), "relative"),
    ("Ana Duarte recently visited Accra.", "visit", None, None),
    ("Ana Duarte met Kofi Mensah earlier this month.", "meet", None, None),
    ("The figures announced this week surprised Kofi Mensah.", "statement", None, None),
    ("Ana Duarte will visit Accra.", "visit", None, None),
    ("Ana Duarte will visit Accra on Monday.", "visit", datetime.date(2011, 4, 25), "relative"),
    ("Earlier, Ana Duarte met Kofi Mensah.", "meet", FRIDAY, "dateline"),
])
def test_dates_added_for_issue_5(body, event_type, expected, basis):
    event = only(events_of(body), event_type)
    assert (event["event_date"], event["date_basis"]) == (expected, basis)


@pytest.mark.parametrize("body, event_type, modality", [
    ("Ana Duarte tried to arrange meetings with Kofi Mensah.", "meet", "hypothetical"),
    ("Freedonia plans to seek agreements with its neighbours.", "agreement", "hypothetical"),
    ("The envoys made an effort to adopt an agreement on fishing.", "agreement", "hypothetical"),
    ("Kofi Mensah called for talks with Sylvania.", "meet", "hypothetical"),
    ("A successful agreement would allow Freedonia to export more grain.", "agreement", "hypothetical"),
    ("Officials said the meeting would be held in Accra.", "meet", "planned"),
    ("A final accord is expected to be signed next month.", "agreement", "planned"),
    # A conjecture about a happening that took place is not hypothetical.
    ("The explosion may have been caused by a gas leak.", "violence", "asserted"),
    ("The new agreement would have no effect on prices.", "agreement", "asserted"),
])
def test_attempts_goals_and_modals_after_the_trigger(body, event_type, modality):
    assert only(events_of(body), event_type)["modality"] == modality


@pytest.mark.parametrize("body, event_type, expected, basis", [
    ("Freedonia and Sylvania agreed in Accra last December to cut tariffs.", "agreement",
     datetime.date(2010, 12, 1), "relative"),
    ("Ana Duarte met Kofi Mensah last March.", "meet", datetime.date(2011, 3, 1), "relative"),
    # The perfect without a date: an unstated earlier time.
    ("Sylvania has rejected the offer.", "reject", None, None),
    ("Northwind Corp said it has already announced the sale.", "statement", None, None),
    ("Sylvania has rejected the offer yesterday.", "reject", datetime.date(2011, 4, 21), "relative"),
    # "has talks" is no perfect.
    ("Ana Duarte has talks with Kofi Mensah.", "meet", FRIDAY, "dateline"),
])
def test_last_month_name_and_the_perfect(body, event_type, expected, basis):
    event = only(events_of(body), event_type)
    assert (event["event_date"], event["date_basis"]) == (expected, basis)


def test_a_dateline_day_before_the_published_date_dates_today_and_undated_events():
    body = "ACCRA, April 21 - Ana Duarte met Kofi Mensah today. Freedonia signed the pact."
    events = events_of(body)
    assert only(events, "meet")["event_date"] == datetime.date(2011, 4, 21)
    assert only(events, "agreement")["event_date"] == datetime.date(2011, 4, 21)
    # A dateline far from the published date is not trusted.
    body = "ACCRA, March 2 - Ana Duarte met Kofi Mensah today."
    assert only(events_of(body), "meet")["event_date"] == FRIDAY


def test_the_dateline_place_only_for_events_that_happened_there_and_then():
    def place(body: str, event_type: str) -> str | None:
        return only(events_of(body, dateline_place="LISBON"), event_type)["location_entity_id"]
    assert place("LISBON, April 22 - Ana Duarte met Kofi Mensah.", "meet") == "lisbon"
    assert place("LISBON, April 22 - Ana Duarte will meet Kofi Mensah.", "meet") is None
    assert place("LISBON, April 22 - Sylvania has rejected the offer.", "reject") is None
    assert place("LISBON, April 22 - Freedonia signed the pact on 3 May 2004.", "agreement") is None


def test_a_foreign_country_acting_did_not_act_at_the_dateline():
    names = {**NAMES, "Lisbon": ("lisbon", "LOCATION", "PRT"), "LISBON": ("lisbon", "LOCATION", "PRT"),
             "Portugal": ("portugal", "LOCATION", "PRT"), "Sylvania": ("sylvania", "LOCATION", "SYL")}
    for body, expected in [("LISBON, April 22 - Sylvania rejected the offer.", None),
                           ("LISBON, April 22 - Portugal rejected the offer.", "lisbon")]:
        mentions = mentions_for("a1", body, names)
        event = only(extract_events(articles_for(body, dateline_place="LISBON"), mentions), "reject")
        assert event["location_entity_id"] == expected


def test_a_date_after_the_meeting_that_is_the_setting_of_the_event_is_its_date():
    body = "Freedonia and Sylvania agreed at a meeting in Accra on 12 April to cut tariffs."
    assert only(events_of(body), "agreement")["event_date"] == datetime.date(2011, 4, 12)


def test_an_agreement_noun_starting_a_sentence_or_after_the_is_no_name():
    assert only(events_of("The Agreement was signed by Freedonia."), "agreement")
    assert only(events_of("Freedonia and Sylvania reached an Agreement on fishing."), "agreement")


@pytest.mark.parametrize("body, event_type, expected", [
    ("Kofi Mensah lost the 2008 general election to Ana Duarte in a landslide.", "election",
     datetime.date(2008, 1, 1)),
    ("Freedonia kept the terms of an accord reached last february.", "agreement",
     datetime.date(2011, 2, 1)),
])
def test_a_year_as_modifier_and_a_lower_case_month(body, event_type, expected):
    assert only(events_of(body), event_type)["event_date"] == expected


def test_negotiating_an_agreement_is_no_agreement_yet():
    event = only(events_of("The formula could help in negotiating a new agreement."), "agreement")
    assert event["modality"] == "hypothetical"
