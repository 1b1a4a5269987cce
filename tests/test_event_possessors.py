"""Rules of transforms.events added in the third round of issue #5: possessors and naming
bodies of nominal triggers, hosted events, shared and unnamed subjects, titles set off after a
name, opinions, frameworks and habits that are no events, and dates of a deal's terms. Each
case is an original sentence."""
from __future__ import annotations

import datetime

import polars as pl
import pytest

from test_events import FRIDAY, articles_for, events_of, mentions_for, only
from transforms.events import extract_events


def assert_no_event(body: str, event_type: str) -> None:
    events = events_of(body)
    assert events.filter(pl.col("event_type") == event_type).height == 0, events.select("event_type", "trigger")


@pytest.mark.parametrize("body, event_type, actors", [
    ("Sylvania's talks with Kofi Mensah ended late.", "meet", ["sylvania"]),
    ("The visit marked Northwind Corp's third annual meeting in Accra.", "meet", ["northwind"]),
    ("Kofi Mensah praised Ana Duarte's trip to Accra.", "visit", ["duarte"]),
    # A possessive pronoun is resolved like the matching subject pronoun.
    ("Ana Duarte spoke to reporters after her first meeting with Kofi Mensah.", "meet", ["duarte"]),
    ("Northwind Corp said its board meeting ended without a vote.", "meet", ["northwind"]),
])
def test_the_possessor_of_a_nominal_trigger_acts(body, event_type, actors):
    assert only(events_of(body), event_type)["actor_entity_ids"] == actors


def test_the_possessor_of_an_arrest_suffers_it():
    event = only(events_of("Kofi Mensah condemned Ana Duarte's arrest in Accra."), "arrest")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == ([], ["duarte"])


def test_an_organisation_naming_a_meeting_is_the_body_that_meets():
    event = only(events_of("Ana Duarte attended the World Food Programme annual meeting."), "meet")
    assert event["actor_entity_ids"] == ["wfp"]
    event = only(events_of("Ana Duarte missed the Northwind Corp and World Food Programme talks."), "meet")
    assert event["actor_entity_ids"] == ["northwind", "wfp"]
    # A determiner between them: the organisation is not the meeting's name.
    event = only(events_of("Ana Duarte said Northwind Corp and the meeting went well."), "meet")
    assert event["actor_entity_ids"] == ["northwind"]


@pytest.mark.parametrize("body, event_type, actors", [
    # Taking part in a summit or an election does not make it.
    ("Freedonia is set for gains in the general election.", "election", []),
    ("Sylvania will press for a trade deal at the summit.", "conference", []),
    ("Sylvania will host the summit in Accra.", "conference", ["sylvania"]),
    ("Freedonia called an election for June.", "election", ["freedonia"]),
])
def test_summits_and_elections_are_made_by_their_hosts(body, event_type, actors):
    assert only(events_of(body), event_type)["actor_entity_ids"] == actors


@pytest.mark.parametrize("body, event_type, actors", [
    ("Freedonia devalued its currency in May, and has announced new export rules.", "statement",
     ["freedonia"]),
    ("Kofi Mensah will see the bankers before travelling to Lisbon.", "visit", ["mensah"]),
    # A clause of its own before the name: no shared subject.
    ("Officials said the rules hurt Freedonia, and announced a review.", "statement", []),
])
def test_a_clause_without_a_subject_shares_the_sentence_subject(body, event_type, actors):
    assert only(events_of(body), event_type)["actor_entity_ids"] == actors


def test_its_board_is_the_organisation():
    event = only(events_of("Northwind Corp said its board declared a special dividend."), "statement")
    assert event["actor_entity_ids"] == ["northwind"]


def test_an_organisation_in_a_title_after_the_name_describes_the_person():
    body = "Kofi Mensah, Northwind Corp board chairman, said in a statement the plant would close."
    assert only(events_of(body), "statement")["actor_entity_ids"] == ["mensah"]


def test_a_verb_before_the_first_name_leaves_the_subject_unnamed():
    body = "Envoys have shuttled between Accra and Lisbon for talks on the border."
    assert only(events_of(body), "meet")["actor_entity_ids"] == []
    # After a comma the name is the subject again: "..., X said".
    body = "The plan was welcomed in Accra, Kofi Mensah said in a statement."
    assert only(events_of(body), "statement")["actor_entity_ids"] == ["mensah"]


def test_leaving_for_talks_keeps_the_subject():
    event = only(events_of("Kofi Mensah left for talks with Sylvania on the debt."), "meet")
    assert event["actor_entity_ids"] == ["mensah"]


@pytest.mark.parametrize("body, event_type", [
    ("He agrees, but others want changes.", "agreement"),
    ("We don't agree with the calculation.", "agreement"),
    ("Kofi Mensah agreed with that assessment of the market.", "agreement"),
    ("Shipments in the fourth year of the grains agreement rose.", "agreement"),
    ("Sylvania accused Freedonia of violations of the fishing accord.", "agreement"),
    ("The president signed the budget bill into law.", "agreement"),
    ("Funds now committed to farming could go to roads.", "pledge"),
    ("Thousands of tourists visit Accra every year.", "visit"),
    ("The council usually meets in June.", "meet"),
])
def test_opinions_frameworks_laws_and_habits_are_no_events(body, event_type):
    assert_no_event(body, event_type)


def test_agreeing_with_a_party_is_still_an_agreement():
    event = only(events_of("Freedonia has agreed with Sylvania that talks will resume."), "agreement")
    assert event["actor_entity_ids"] == ["freedonia"]


def test_no_comment_on_an_attack_does_not_negate_it():
    event = only(events_of("Sylvania had no comment on the attack on the depot."), "violence")
    assert event["modality"] == "asserted"


@pytest.mark.parametrize("body, event_type, expected", [
    # The payment date is a term of the dividend, not the day it was declared.
    ("Northwind Corp said its board declared a dividend payable May 15.", "statement", FRIDAY),
    ("Northwind Corp declared a dividend today, payable May 15, record May 1.", "statement", FRIDAY),
    # "last weekend" in a Sunday story is the weekend before.
    ("Protesters marched through Accra last weekend.", "protest", datetime.date(2011, 4, 16)),
    # "this weekend" of a planned event is the coming one.
    ("Ana Duarte will visit Accra this weekend.", "visit", datetime.date(2011, 4, 23)),
])
def test_dates_of_terms_and_weekends(body, event_type, expected):
    published = datetime.date(2011, 4, 24) if "last weekend" in body else FRIDAY
    assert only(events_of(body, published=published), event_type)["event_date"] == expected


@pytest.mark.parametrize("body, event_type", [
    ("Analysts are calling for higher prices by June.", "appeal"),
    ("Northwind Corp said it called for redemption its notes due 1995.", "appeal"),
    ("Kofi Mensah submitted a package calling for a wage freeze.", "appeal"),
    ("There is no call for three years on the new bonds.", "appeal"),
    ("Anyone visiting the website will see the offer.", "visit"),
    ("Ana Duarte said the talks were a reaffirmation of that accord.", "agreement"),
    ("The bank sold bills under a 30-day repurchase accord.", "agreement"),
    ("Northwind Corp warned it may fail to meet its loan covenants.", "meet"),
    ("Kofi Mensah urged Sylvania to meet the deficit reduction targets.", "meet"),
])
def test_forecasts_contents_web_visits_and_instruments_are_no_events(body, event_type):
    assert_no_event(body, event_type)


@pytest.mark.parametrize("body, event_type, modality", [
    ("Sylvania failed in February to reach an agreement with Freedonia.", "agreement", "negated"),
    ("Analysts said Sylvania may need to hold a meeting in June.", "meet", "hypothetical"),
])
def test_a_failure_or_a_modal_further_back_through_to(body, event_type, modality):
    assert only(events_of(body), event_type)["modality"] == modality


def test_a_name_in_angle_brackets_after_a_preposition_is_governed():
    event = only(events_of("Workers at <Northwind Corp> called for a strike."), "appeal")
    assert event["actor_entity_ids"] == []


def test_the_board_is_the_last_company_named():
    body = "Northwind Corp changed its rules.\n\nFinally, the board voted to limit trading."
    assert only(events_of(body), "election")["actor_entity_ids"] == ["northwind"]


def test_a_country_naming_an_attack_made_it():
    event = only(events_of("Freedonia had no comment on the Sylvania attack on the depot."), "violence")
    assert event["actor_entity_ids"] == ["sylvania"]


@pytest.mark.parametrize("body, event_type", [
    ("Sylvania threatened to cut grain exports.", "threaten"),
    ("Freedonia imposed sanctions on the importers.", "sanction"),
    ("Kofi Mensah visited the new plant.", "visit"),
    ("Freedonia held elections on Friday.", "election"),
    ("A deal could be signed today.", "agreement"),
])
def test_events_the_dateline_city_does_not_plainly_host(body, event_type):
    event = only(events_of("LISBON, April 22 - " + body, dateline_place="LISBON"), event_type)
    assert event["location_entity_id"] is None
    # A statement made today is placed at the dateline.
    event = only(events_of("LISBON, April 22 - Kofi Mensah announced a new plant.", dateline_place="LISBON"),
                 "statement")
    assert event["location_entity_id"] == "lisbon"


def test_an_election_place_is_never_one_named_before_it():
    event = only(events_of("Kofi Mensah is campaigning in Accra ahead of the general election."), "election")
    assert event["location_entity_id"] is None
    event = only(events_of("Kofi Mensah praised the elections in Sylvania."), "election")
    assert event["location_entity_id"] == "sylvania"


def test_the_host_city_of_a_summit_is_its_place():
    event = only(events_of("Ana Duarte spoke at the summit, which was hosted by Accra."), "conference")
    assert event["location_entity_id"] == "accra"


@pytest.mark.parametrize("body, event_type", [
    ("Northwind Corp said it had agreed to buy a plant in Lisbon.", "agreement"),
    ("Northwind Corp dropped the bid after holding talks with Sylvania.", "meet"),
])
def test_the_past_perfect_and_a_gerund_after_after_are_undated(body, event_type):
    event = only(events_of(body), event_type)
    assert (event["event_date"], event["date_basis"]) == (None, None)


@pytest.mark.parametrize("body", [
    "Kofi Mensah told the annual shareholders meeting that sales rose.",
    "Sylvania is attending the meeting as an observer.",
    "Ana Duarte, who also spoke at the conference, urged more trade.",
])
def test_speakers_and_guests_do_not_hold_a_gathering(body):
    events = events_of(body)
    gathering = events.filter(pl.col("event_type").is_in(["meet", "conference"])).to_dicts()
    assert len(gathering) == 1 and gathering[0]["actor_entity_ids"] == []


def test_talks_are_held_by_whoever_attends_them():
    event = only(events_of("Sylvania is attending the talks with Freedonia."), "meet")
    assert event["actor_entity_ids"] == ["sylvania"]


@pytest.mark.parametrize("body, expected", [
    ("Northwind Corp and the World Food Programme met in May.\n\nThe two companies announced a deal.",
     ["northwind", "wfp"]),
    # Only one country named before: no pair.
    ("Freedonia trades a lot.\n\nThe two countries signed a treaty.", []),
])
def test_the_two_companies_are_the_last_two_named(body, expected):
    event = only(events_of(body), "statement" if "announced" in body else "agreement")
    assert event["actor_entity_ids"] == expected


def test_it_is_holding_talks_is_the_organisation():
    event = only(events_of("Northwind Corp said it is holding talks with Sylvania."), "meet")
    assert event["actor_entity_ids"] == ["northwind"]


def test_a_reporting_clause_at_the_end_names_no_target():
    event = only(events_of("Gunmen attacked the depot at dawn, Kofi Mensah told Lena Varga."), "violence")
    assert event["target_entity_ids"] == []


@pytest.mark.parametrize("body, event_type", [
    ("Despite calls for lower rates, the bank held firm.", "appeal"),
    ("Officials have generally praised the reforms.", "praise"),
    ("The rating reflects the support agreement it has with its parent.", "agreement"),
    ("Kofi Mensah courted the ethnic vote in Accra.", "election"),
    ("Ninety MPs have signed a motion backing the ban.", "agreement"),
])
def test_generic_calls_habits_standing_deals_voter_groups_and_motions_are_no_events(body, event_type):
    assert_no_event(body, event_type)


@pytest.mark.parametrize("body, event_type, expected", [
    # A date in another clause is not the event's.
    ("Sylvania rejected the plan, but the offer made on Monday keeps part of it.", "reject", FRIDAY),
    # A date in what a statement reports is not the statement's date.
    ("The sale will close in July, Kofi Mensah said in a statement.", "statement", FRIDAY),
    ("Northwind Corp announced that the plant will close tomorrow.", "statement", FRIDAY),
    ("Northwind Corp announced in January that the plant would close.", "statement",
     datetime.date(2011, 1, 1)),
    ("Prices rose after last December's summit in Accra.", "conference", datetime.date(2010, 12, 1)),
])
def test_a_date_belongs_to_its_own_clause(body, event_type, expected):
    assert only(events_of(body), event_type)["event_date"] == expected


@pytest.mark.parametrize("body, event_type", [
    ("Sylvania condemned the attack on the depot.", "violence"),
    ("Kofi Mensah welcomed last week's agreement on fishing.", "agreement"),
    ("Freedonia rejected the accord.", "agreement"),
])
def test_a_reaction_s_subject_did_not_make_the_event_it_reacts_to(body, event_type):
    assert only(events_of(body), event_type)["actor_entity_ids"] == []


def test_an_announcement_keeps_its_subject_as_a_party():
    event = only(events_of("Northwind Corp announced an agreement with Sylvania."), "agreement")
    assert event["actor_entity_ids"] == ["northwind"]


def test_a_pronoun_next_to_the_trigger_is_its_subject():
    body = "Ana Duarte runs the port.\n\nShares of Northwind Corp will be sold in July, she said in a statement."
    assert only(events_of(body), "statement")["actor_entity_ids"] == ["duarte"]


def test_a_reporting_verb_starts_a_new_clause():
    event = only(events_of("Kofi Mensah noted Sylvania had promised to cut tariffs."), "pledge")
    assert event["actor_entity_ids"] == ["sylvania"]


@pytest.mark.parametrize("body, event_type", [
    ("There are signs the economy is slowing.", "agreement"),
    ("The plan met with strong opposition in Accra.", "meet"),
    ("The reform proved a vote winner for Kofi Mensah.", "election"),
    ("An earthquake in Accra killed ten people.", "violence"),
    ("Sylvania bought wheat under an existing food aid agreement.", "agreement"),
    ("The bank faces growing calls for lower rates.", "appeal"),
    ("The two sides usually try to meet before the season.", "meet"),
])
def test_wrong_senses_disasters_and_habits_are_no_events(body, event_type):
    assert_no_event(body, event_type)


def test_officials_meeting_on_a_response_still_meet():
    assert only(events_of("Freedonia officials had been meeting on a response since Friday."), "meet")


def test_an_upper_case_dateline_is_no_subject():
    body = "LISBON, APRIL 22 - Kofi Mensah called on Sylvania to cut tariffs."
    event = only(events_of(body, dateline_place="LISBON"), "appeal")
    assert event["actor_entity_ids"] == ["mensah"] and event["location_entity_id"] == "lisbon"


def test_an_organisation_s_title_without_a_name_is_its_holder():
    body = "Kofi Mensah runs the World Food Programme.\n\nThe World Food Programme chief announced new food stores."
    assert only(events_of(body), "statement")["actor_entity_ids"] == ["mensah"]


def test_a_participle_after_a_name_and_a_comma_is_passive():
    event = only(events_of("The best known case is Kofi Mensah, jailed for fraud in Accra."), "arrest")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == ([], ["mensah"])


def test_a_parent_company_is_no_target():
    event = only(events_of("Ana Duarte met Lena Varga, head of a unit of Northwind Corp."), "meet")
    assert event["target_entity_ids"] == ["varga"]


def test_a_day_in_words():
    event = only(events_of("On April one Ana Duarte met Kofi Mensah."), "meet")
    assert event["event_date"] == datetime.date(2011, 4, 1)


@pytest.mark.parametrize("body, event_type", [
    ("The film appealed to young viewers in Accra.", "appeal"),
    ("Prices threaten to rise again in Lisbon.", "threaten"),
    ("Northwind Corp is fighting off a takeover bid.", "fight"),
    ("Analysts agree the rate will fall.", "agreement"),
    ("Kofi Mensah hosted the awards ceremony in Accra.", "conference"),
    ("The firm did not meet an income condition on its loans.", "meet"),
])
def test_senses_that_make_no_event(body, event_type):
    assert_no_event(body, event_type)


@pytest.mark.parametrize("body", [
    "Kofi Mensah appealed to Sylvania to release the men.",
    "Northwind Corp appealed to the Supreme Court.",
])
def test_appeals_to_someone_to_act_or_to_a_court_stay(body):
    assert only(events_of(body), "appeal")


def test_a_meeting_hosted_by_someone_is_a_conference():
    events = events_of("The meeting on trade is being hosted by Ana Duarte in Accra.")
    assert events.filter(pl.col("event_type") == "conference").height == 1


def test_the_government_is_the_country_named_last():
    body = "Ghana faces a budget gap in Accra.\n\nThe government announced new taxes."
    names = {"Ghana": ("ghana", "LOCATION"), "Accra": ("accra", "LOCATION")}
    events = extract_events(articles_for(body), mentions_for("a1", body, names))
    assert only(events, "statement")["actor_entity_ids"] == ["ghana"]


def test_here_is_the_dateline_place():
    event = only(events_of("LISBON, April 22 - Ana Duarte met bankers here on Wednesday.",
                           dateline_place="LISBON"), "meet")
    assert (event["location_entity_id"], event["location_basis"]) == ("lisbon", "sentence")


def test_so_long_ago():
    event = only(events_of("Sylvania rejected the plan four months ago."), "reject")
    assert event["event_date"] == datetime.date(2010, 12, 22)


@pytest.mark.parametrize("body, event_type", [
    ("Kofi Mensah has long rejected the label.", "reject"),
    ("Sylvania must free or charge the detained men.", "arrest"),
])
def test_standing_attitudes_and_adjectival_participles_are_no_events(body, event_type):
    assert_no_event(body, event_type)


def test_a_surname_long_is_no_habit():
    names = {"Dennis Long": ("long", "PERSON"), "Long": ("long", "PERSON")}
    body = "Dennis Long resigned.\n\nLong said in a statement he was proud of the firm."
    events = extract_events(articles_for(body), mentions_for("a1", body, names))
    assert only(events, "statement")["actor_entity_ids"] == ["long"]


@pytest.mark.parametrize("body, modality", [
    ("Sylvania has not yet reached a final agreement with Freedonia.", "negated"),
    ("The spokesman gave no agenda for the meetings in Accra.", "asserted"),
])
def test_not_yet_negates_and_no_agenda_does_not(body, modality):
    event_type = "agreement" if "agreement" in body else "meet"
    assert only(events_of(body), event_type)["modality"] == modality


def test_a_place_naming_a_summit_or_an_accord_is_its_place_not_its_actor():
    event = only(events_of("Prices rose after the Accra summit accord on cocoa."), "conference")
    assert (event["actor_entity_ids"], event["location_entity_id"]) == ([], "accra")
    # A verb between them: the place is the clause's subject.
    event = only(events_of("Sylvania has reached agreement with its creditors."), "agreement")
    assert event["actor_entity_ids"] == ["sylvania"]


def test_workers_of_a_place_are_not_the_place_but_its_parliament_is():
    assert only(events_of("Lisbon's 3,500 dockworkers went on strike today."), "protest")["actor_entity_ids"] == []
    assert only(events_of("Sylvania's parliament voted to cut the tax."), "election")["actor_entity_ids"] == ["sylvania"]


def test_a_clock_time_is_today():
    event = only(events_of("The council will meet around 1500 GMT.", published=FRIDAY), "meet")
    assert event["event_date"] == FRIDAY


def test_fighting_gets_no_dateline_place():
    event = only(events_of("LISBON, April 22 - Rebels and troops clashed near the border.",
                           dateline_place="LISBON"), "fight")
    assert event["location_entity_id"] is None


@pytest.mark.parametrize("body, event_type", [
    ("Kofi Mensah took part in a conference call on Tuesday.", "appeal"),
    ("Thousands of farmers signed up for the scheme.", "agreement"),
    ("Northwind Corp deployed its new phone service in Accra.", "aid"),
])
def test_calls_enrolments_and_services_are_no_events(body, event_type):
    assert_no_event(body, event_type)


def test_signing_up_to_a_deal_is_an_agreement():
    assert only(events_of("Sylvania finally signed up to the deal in Accra."), "agreement")


def test_the_parties_between_which_an_agreement_or_talks_are_act():
    event = only(events_of("Kofi Mensah praised the agreement between Sylvania and Freedonia."), "agreement")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == (["sylvania", "freedonia"], [])


def test_a_meeting_attended_by_someone_is_theirs():
    event = only(events_of("The meeting, attended by Ana Duarte and Kofi Mensah, ended late."), "meet")
    assert event["actor_entity_ids"] == ["duarte", "mensah"]


def test_a_place_opening_a_demonym_is_no_participant():
    names = {"Latin": ("latin", "LOCATION"), "Ana Duarte": ("duarte", "PERSON")}
    body = "Ana Duarte met Latin American producers in May."
    events = extract_events(articles_for(body), mentions_for("a1", body, names))
    assert only(events, "meet")["target_entity_ids"] == []


def test_a_country_and_its_capital_act_once():
    names = {"Soviet Union": ("ussr", "LOCATION", "SU"), "Moscow": ("moscow", "LOCATION", "SU")}
    body = "The Soviet Union and Moscow officials signed the pact."
    events = extract_events(articles_for(body), mentions_for("a1", body, names))
    assert only(events, "agreement")["actor_entity_ids"] == ["ussr"]
