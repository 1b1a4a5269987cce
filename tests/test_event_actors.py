"""Actor rules of transforms.events added for issue #5 (pronouns, "the company", titles after
an organisation, nominal triggers that are another word's topic), on original sentences."""
from __future__ import annotations

from test_events import NAMES, articles_for, events_of, mentions_for, only
from transforms.events import extract_events


def test_a_pronoun_in_a_later_sentence_takes_the_subject_of_the_last_sentence_naming_a_person():
    body = "Ana Duarte spent the day with Kofi Mensah.\n\nShe later visited Accra."
    assert only(events_of(body), "visit")["actor_entity_ids"] == ["duarte"]


def test_a_pronoun_skips_a_sentence_whose_subject_is_itself_a_title():
    body = ("Ana Duarte arrived in Lisbon.\n\nThe Minister briefed Kofi Mensah on the port. "
            "Then she condemned the raid.")
    assert only(events_of(body), "criticize")["actor_entity_ids"] == ["duarte"]


def test_an_organisation_before_a_title_describes_the_person():
    event = only(events_of("Northwind Corp chairman Kofi Mensah announced a new plant."), "statement")
    assert event["actor_entity_ids"] == ["mensah"]
    event = only(events_of("Ana Duarte met World Food Programme Executive Director Kofi Mensah."), "meet")
    assert event["target_entity_ids"] == ["mensah"]


def test_an_organisation_and_a_person_joined_by_and_both_act():
    event = only(events_of("Northwind Corp and Kofi Mensah signed a lease."), "agreement")
    assert event["actor_entity_ids"] == ["northwind", "mensah"]


def test_the_company_is_the_last_company_named():
    body = "Northwind Corp reported higher sales.\n\nThe company also signed a lease in Accra."
    event = only(events_of(body), "agreement")
    assert event["actor_entity_ids"] == ["northwind"]


def test_the_programme_noun_must_fit_the_organisation():
    body = ("The World Food Programme sent trucks. Northwind Corp rented them.\n\n"
            "The programme later delivered food aid to Accra.")
    # "programme" is not a known organisation noun: no guess.
    assert only(events_of(body), "aid")["actor_entity_ids"] == []
    body = "Northwind Corp and the World Food Programme met.\n\nThe company then condemned the raid."
    assert only(events_of(body), "criticize")["actor_entity_ids"] == ["northwind"]


def test_it_after_a_country_subject_is_that_country():
    event = only(events_of("Sylvania said it attacked the port."), "violence")
    assert event["actor_entity_ids"] == ["sylvania"]


def test_they_after_two_named_parties():
    event = only(events_of("Freedonia and Sylvania said they signed the pact."), "agreement")
    assert event["actor_entity_ids"] == ["freedonia", "sylvania"]


def test_they_without_an_antecedent_names_nobody():
    assert only(events_of("They protested outside the court."), "protest")["actor_entity_ids"] == []


def test_a_nominal_trigger_that_is_the_topic_of_another_word_has_no_actor_from_the_clause():
    event = only(events_of("Kofi Mensah searched for the organisers of the bombing."), "violence")
    assert event["actor_entity_ids"] == []
    # A possessive keeps the subject: "his visit" is the subject's visit.
    event = only(events_of("Ana Duarte spoke about her visit to Accra."), "visit")
    assert event["actor_entity_ids"] == ["duarte"]


def test_the_subject_after_a_fronted_phrase_holding_the_trigger_acts():
    event = only(events_of("In a statement, Northwind Corp said sales rose."), "statement")
    assert event["actor_entity_ids"] == ["northwind"]
    event = only(events_of("Speaking at a news conference in Lisbon, Ana Duarte said talks "
                           "would go on."), "statement")
    assert event["actor_entity_ids"] == ["duarte"]
    event = only(events_of("Urging restraint from Sylvania, Kofi Mensah said the port must stay open."),
                 "appeal")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == (["mensah"], ["sylvania"])
    event = only(events_of("After meeting Kofi Mensah in Accra, Ana Duarte flew home."), "meet")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == (["duarte"], ["mensah"])
    event = only(events_of("During her visit to Accra, Ana Duarte opened a school."), "visit")
    assert event["actor_entity_ids"] == ["duarte"]


def test_a_fronted_phrase_about_someone_else_s_event_keeps_no_actor():
    # "After the bombing" is not the main clause subject's bombing.
    event = only(events_of("After the bombing in Accra, Kofi Mensah closed the port."), "violence")
    assert event["actor_entity_ids"] == []
    event = only(events_of("Investigating the attack on the depot, Kofi Mensah found a car."), "violence")
    assert event["actor_entity_ids"] == []


def test_topics_and_fragments_are_not_targets():
    event = only(events_of("Ana Duarte held a meeting on Sylvania with Kofi Mensah."), "meet")
    assert event["target_entity_ids"] == ["mensah"]
    event = only(events_of("Kofi Mensah spoke at talks about Sylvania and Freedonia."), "meet")
    assert event["target_entity_ids"] == []
    # An attack on a party targets it.
    event = only(events_of("Freedonia launched an attack on Sylvania."), "violence")
    assert event["target_entity_ids"] == ["sylvania"]
    # A mention that ends inside a dotted token ("Freedonia.X.") is a partial match.
    event = only(events_of("Ana Duarte signed the Freedonia.X. pact with Kofi Mensah."), "agreement")
    assert event["target_entity_ids"] == ["mensah"]


def test_a_body_meeting_acts_and_elections_and_statements_have_few_targets():
    names = {**NAMES, "Harbour Council": ("council", "ORG")}
    body = "Ana Duarte attended a meeting of the Harbour Council in Accra."
    event = only(extract_events(articles_for(body), mentions_for("a1", body, names)), "meet")
    assert (event["actor_entity_ids"], event["target_entity_ids"]) == (["council"], [])
    assert only(events_of("Freedonia held elections against the wishes of Sylvania."),
                "election")["target_entity_ids"] == []
    event = only(events_of("Ana Duarte announced the plan on behalf of Kofi Mensah."), "statement")
    assert event["target_entity_ids"] == []
    event = only(events_of("Ana Duarte said in a statement to Kofi Mensah that the port was open."),
                 "statement")
    assert event["target_entity_ids"] == ["mensah"]


def test_the_agent_of_a_visit_to_a_place():
    event = only(events_of("Freedonia hopes for progress during the visit to Accra by Ana Duarte."), "visit")
    assert event["actor_entity_ids"] == ["duarte"]


def test_it_in_a_new_sentence_is_the_previous_sentence_s_subject_organisation():
    names = {**NAMES, "Harbour Ltd": ("harbour", "ORG")}
    body = "Northwind Corp said it bought Harbour Ltd from the World Food Programme. It said in a statement the deal closed."
    event = only(extract_events(articles_for(body), mentions_for("a1", body, names)), "statement")
    assert event["actor_entity_ids"] == ["northwind"]


def test_a_title_in_apposition_does_not_hide_the_previous_subject():
    body = ("Prices fell, the chairman of the exchange, Kofi Mensah, said.\n\n"
            "He was speaking at a news conference in Accra.")
    assert only(events_of(body), "statement")["actor_entity_ids"] == ["mensah"]


def test_places_describing_a_noun_or_a_person_are_not_targets():
    event = only(events_of("Strikers picketed their Accra offices."), "protest")
    assert event["target_entity_ids"] == []
    event = only(events_of("The talks were attended by Ana Duarte of Freedonia and Kofi Mensah."), "meet")
    assert "freedonia" not in event["target_entity_ids"] + event["actor_entity_ids"]
