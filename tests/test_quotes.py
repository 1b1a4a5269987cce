"""Quote extraction and speaker attribution (transforms/quotes.py and the modules it uses).

Unit tests use short original sentences; the corpus test scores the dev gold and compares
with the figures in bench/baselines/quotes.json."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import polars as pl
import pytest

from transforms.quote_marks import find_quote_spans
from transforms.quotes import QUOTE_SCHEMA, extract_quotes
from transforms.vocabulary import ATTRIBUTION_METHODS

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).parents[1].parent / "shared"
BASELINE = ROOT / "bench" / "baselines" / "quotes.json"
PARAGRAPH_BREAK = re.compile("\\s*\\n\\s*\\n\\s*[\u201c\"\u2018']?")


def quotes_of(body: str, title: str = "A headline", caption: str | None = None,
              mentions: pl.DataFrame | None = None) -> pl.DataFrame:
    articles = pl.DataFrame({"article_id": ["a1"], "title": [title], "photo_caption": [caption],
                             "body": [body]})
    return extract_quotes(articles, mentions)


def speakers(body: str, **kw) -> list[tuple[str, str | None]]:
    return [(t, s) for t, s in quotes_of(body, **kw).select("text", "speaker_name").iter_rows()]


def assert_spans(body: str, quotes: pl.DataFrame) -> None:
    for text, start, end in quotes.filter(pl.col("field") == "body").select(
            "text", "char_start", "char_end").iter_rows():
        assert PARAGRAPH_BREAK.sub(" ", body[start:end]) == text


# ---------------------------------------------------------------- quotation marks

def test_curly_quote_span_and_offsets():
    body = "Ann Lee opened the bridge. \u201cThis is a fine day for the town,\u201d Ms Lee said."
    q = quotes_of(body)
    assert q["text"].to_list() == ["This is a fine day for the town,"]
    start, end = q["char_start"][0], q["char_end"][0]
    assert body[start:end] == q["text"][0]


def test_straight_quotes_and_apostrophes():
    body = ("The mayor's plan won. \"We don't expect the '90s to come back soon,\" "
            "said Carl Brandt.")
    q = quotes_of(body)
    assert q["text"].to_list() == ["We don't expect the '90s to come back soon,"]
    assert_spans(body, q)


def test_single_quotes_when_primary():
    body = "Tom Reyes spoke. 'Our players' union will meet the board on Monday,' he said."
    assert speakers(body) == [("Our players' union will meet the board on Monday,", "Tom Reyes")]


def test_single_quotes_inside_double_are_text():
    body = "\"She told me 'never give up on this town' and left,\" said Rosa Vega."
    assert speakers(body) == [("She told me 'never give up on this town' and left,", "Rosa Vega")]


def test_multi_paragraph_quote_is_one():
    body = ("Dan Moss said: \"The harbour will reopen in spring.\n\n"
            "\"Boats will be back by May.\"")
    q = quotes_of(body)
    assert q["text"].to_list() == ["The harbour will reopen in spring. Boats will be back by May."]
    assert_spans(body, q)
    assert q["speaker_name"].to_list() == ["Dan Moss"]


def test_lost_paragraph_break_splits_at_new_mark():
    spans = find_quote_spans('"Alpha one two three. "Beta four five six.\n\n'
                             '"Gamma seven eight nine. "Delta ten eleven twelve."')
    assert [s.text for s in spans] == ["Alpha one two three.",
                                       "Beta four five six. Gamma seven eight nine.",
                                       "Delta ten eleven twelve."]


def test_missing_closing_mark_loses_nothing_after_it():
    body = ("Ivo Penn said: \"We lost the match today and I am sorry\n\n"
            "The club met later. \"Next season we will do much better,\" said Ivo Penn.")
    texts = quotes_of(body)["text"].to_list()
    assert texts == ["We lost the match today and I am sorry",
                     "Next season we will do much better,"]


def test_stray_closing_mark_is_ignored():
    body = ("Rain fell all night.\" Then Lena Ortiz said, \"the roads will stay closed "
            "until Friday.\"")
    assert speakers(body) == [("the roads will stay closed until Friday.", "Lena Ortiz")]


def test_short_spans_and_titles_of_works_are_not_quotes():
    body = ("Critics called the film \"bold\" and the \"Return Of The Grey Mountain King\" "
            "opened on Friday.")
    assert quotes_of(body).height == 0


def test_dash_attribution_after_unclosed_quote():
    body = ("\"The draw was kind to us this year - Jo Hart, club secretary.\n\n"
            "\"We fear nobody in this group\" - Sam Kerr, coach.")
    assert speakers(body) == [("The draw was kind to us this year", "Jo Hart"),
                              ("We fear nobody in this group", "Sam Kerr")]


# ---------------------------------------------------------------- speakers

def test_said_name_after_quote_resolves_full_name():
    body = ("Secretary-General Ana Molina visited the port. \u201cTrade keeps this city alive,"
            "\u201d said Ms. Molina.")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Ana Molina"]
    assert q["speaker_mention"].to_list() == ["Ms. Molina"]
    assert q["cue_verb"].to_list() == ["said"]
    assert q["attribution_method"].to_list() == ["explicit"]


def test_name_said_after_quote_and_title_mention():
    body = ("Secretary-General Ana Molina visited the port. \u201cTrade keeps this city alive,"
            "\u201d Ms. Molina said.\n\n\u201cWe need new cranes and new roads,\u201d said the "
            "Secretary-General.")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Ana Molina", "Ana Molina"]
    assert q["attribution_method"].to_list() == ["explicit", "title"]


def test_colon_attribution_before_quote():
    body = "Mr Grant Hale told the council: \"The budget is balanced for the first time.\""
    assert speakers(body) == [("The budget is balanced for the first time.", "Grant Hale")]


def test_interrupted_quote_is_two_quotes_same_speaker():
    body = ("\"We will rebuild the school,\" said Nora Beck. \"It will open in September "
            "with new classrooms.\"")
    assert speakers(body) == [("We will rebuild the school,", "Nora Beck"),
                              ("It will open in September with new classrooms.", "Nora Beck")]


def test_pronoun_resolves_to_previous_speaker():
    body = ("Olga Strand sold her herd. \"Prices fell too far this winter,\" she said."
            "\n\n\"I could not keep feeding them all,\" she added.")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Olga Strand", "Olga Strand"]
    assert q["attribution_method"].to_list() == ["pronoun", "pronoun"]


def test_pronoun_skips_speaker_of_other_gender():
    body = ("\"The vote was fair,\" said Mrs Ida Rowe. Paul Stein, the opposition leader, "
            "disagreed. \"Nobody counted the late ballots,\" he said.")
    assert [s for _, s in speakers(body)] == ["Ida Rowe", "Paul Stein"]


def test_unattributed_continuation_carries_speaker():
    body = ("\"The river rose overnight and covered the fields,\" said Kurt Lang.\n\n"
            "\"We moved the animals to higher ground before dawn.\"")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Kurt Lang", "Kurt Lang"]
    assert q["attribution_method"].to_list() == ["explicit", "carried_over"]


def test_woven_partial_quote():
    body = "Mr Hugo Bell said the new rules were \"a serious blow to small farms\" in the region."
    assert speakers(body) == [("a serious blow to small farms", "Hugo Bell")]


def test_organisation_speaks():
    body = ("Shares of the brewer Kestrel rose after it reported higher profits. \"Our sales grew in every market this year,\" "
            "the company said.")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Kestrel"]
    assert q["attribution_method"].to_list() == ["organisation"]


def test_named_organisation_in_a_statement():
    body = "\"The merger will create jobs across the region,\" Orbitel said in a statement."
    assert speakers(body) == [("The merger will create jobs across the region,", "Orbitel")]


def test_unnamed_speakers_are_null():
    body = ("\"The talks are going nowhere at the moment,\" a spokesman said. \"Costs will rise "
            "for every family in the country,\" critics say.")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == [None, None]
    assert q["attribution_method"].to_list() == ["none", "none"]
    assert q["speaker_entity_id"].to_list() == [None, None]


def test_according_to():
    body = "\"Exports will double within five years,\" according to Vera Lind."
    assert speakers(body) == [("Exports will double within five years,", "Vera Lind")]


def test_title_quote_takes_body_speaker():
    body = "\"Our hospital needs more nurses now,\" said Dr Amir Saleh."
    q = quotes_of(body, title="Doctor: 'Our hospital needs more nurses now'")
    titled = q.filter(pl.col("field") == "title")
    assert titled["speaker_name"].to_list() == ["Amir Saleh"]
    assert titled["char_start"].to_list() == [None]


# ---------------------------------------------------------------- generalised attribution rules

def test_role_apposition_with_post_nominal_letters():
    body = ("Regional Transport Minister, Alan Dunmore MSP, said: \"We will build the new line "
            "by 2010.\"\n\nThe Liberal health spokesman, Peter Grayling MSP, said the plan was "
            "\"a shambles from start to finish\".\n\nGary Holt QC, for the defence, said: "
            "\"My client denies every single charge.\"")
    assert [s for _, s in speakers(body)] == ["Alan Dunmore", "Peter Grayling", "Gary Holt"]


def test_demonym_is_never_a_name():
    body = ("Kevin Marsh won the final in four sets. \"I felt good all week and served well,\" "
            "the American said.")
    assert [s for _, s in speakers(body)] == ["Kevin Marsh"]
    body = ("Mark Ellis met the troops.\n\nAn Iraqi field commander spoke to reporters. "
            "\"We will hold the bridge until dawn,\" he said.")
    assert [s for _, s in speakers(body)] == [None]


def test_description_is_the_person_written_about_since_the_last_quote():
    body = ("\"We can practise more on clay,\" said coach Pat Brennan. Lou Barker lost both "
            "his singles on the slow court. \"I had my chances and did not take them,\" said "
            "the American.")
    assert [s for _, s in speakers(body)] == ["Pat Brennan", "Lou Barker"]


def test_spokesman_and_statement_of_a_named_organisation():
    body = ("Plans for the new levy were criticised. \"This will hit councils very hard "
            "indeed,\" a Cosla spokesman said.\n\nOfficials met on Friday. \"We regret any delay "
            "to the project,\" said a spokesman for the Harbour Board.")
    assert [s for _, s in speakers(body)] == ["Cosla", "Harbour Board"]
    body = ("The Ferrovia Group issued a statement on Monday. \"We regret the delays to our "
            "customers,\" the statement added.")
    assert [s for _, s in speakers(body)] == ["Ferrovia Group"]


def test_unnamed_voices_stay_unnamed():
    body = ("Tom Lee and Ana Ruiz issued a joint statement on Friday. \"We have agreed to settle "
            "our differences,\" the statement said.\n\nBut Acme Holdings replied at once. "
            "\"Sales will recover later in the year,\" a company spokesman said. \"Costs are "
            "under control at every plant,\" the spokesman said.")
    assert [s for _, s in speakers(body)] == [None, None, None]


def test_he_after_an_unnamed_speaker_is_unnamed():
    body = ("\"Rates should fall by the summer,\" said Toru Sato.\n\n\"The mood has turned "
            "against risk in every market,\" said the foreign economist. \"It will take "
            "strong leadership to calm things,\" he said.")
    assert [s for _, s in speakers(body)] == ["Toru Sato", None, None]


def test_capitalised_stopword_inside_an_organisation_name():
    body = ("All England Club chairman Tim Phillips was pleased. \"The new roof will be ready "
            "in 2009,\" the All England Club said.")
    assert [s for _, s in speakers(body)] == ["All England Club"]


def test_name_after_introductory_phrase_and_apposition():
    body = ("In a Nature Weekly editorial published on Friday, Marta Oduya, director of the "
            "Coastal Institute, wrote, \"Sea walls alone cannot save these towns.\"")
    assert [s for _, s in speakers(body)] == ["Marta Oduya"]


def test_related_article_list_is_not_text():
    body = ("\"The harbour is finally open for business again,\" said Lena Ortiz.\n\n"
            "Related Harbour News articles:\n\nPort chief Sam Byrne says \"we will expand "
            "the docks again\"")
    assert [s for _, s in speakers(body)] == ["Lena Ortiz"]


def test_plural_present_cue_verb():
    body = ("Anne Reyes said the reefs were dying.\n\n\"Sea walls alone cannot save these "
            "towns,\" they write in the journal.")
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == [None]
    assert q["cue_verb"].to_list() == ["write"]


def test_pronoun_goes_to_the_subject_quoted_as_saying():
    body = ("Mark Ellis told Reuters the deal was close.\n\nBut Joe Turner, the union leader, "
            "was quoted in the Daily Post as saying the talks had failed.\n\n\"Nobody wants "
            "another strike this winter,\" he said.")
    assert [s for _, s in speakers(body)] == ["Joe Turner"]


def test_pronoun_goes_to_a_new_subject_since_the_last_quote():
    body = ("\"I was sharp from the first point,\" Rolf Weber said. Ivo Kralj, who beat the "
            "second seed on Friday, was at a loss to explain his start. \"My racket felt "
            "loose and the balls were flying,\" he said.")
    assert [s for _, s in speakers(body)] == ["Rolf Weber", "Ivo Kralj"]


def test_subject_with_unclosed_apposition_and_said_name_clause():
    body = ("Nina Holt said the firm would move.\n\nPeter Varga, executive partner of Tods "
            "Lamont said Mrs Holt had been considering it for a year. He added: \"We fully "
            "understand her reasons for doing so.\"")
    assert [s for _, s in speakers(body)] == ["Peter Varga"]


def test_name_after_a_possessive_organisation():
    body = ("\"Japan is taking strong measures to stimulate demand,\" said the Bank of Tokyo's "
            "Kenji Honda.")
    assert [s for _, s in speakers(body)] == ["Kenji Honda"]


def test_trailing_adverb_after_name_and_backfill_from_next_quote():
    body = ("\"What a great way to finish the year,\" said Nadal afterwards. Coach Pat Brennan "
            "wants more clay practice. \"I think it will help these guys a lot.\" \"But we "
            "can put the work in at the right time,\" said Brennan.")
    assert [s for _, s in speakers(body)] == ["Nadal", "Pat Brennan", "Pat Brennan"]


# ---------------------------------------------------------------- table contract

def test_columns_ids_and_entity_ids():
    body = ("\"We will open three new stores,\" said Lia Brun. \"Staff will be hired locally "
            "in the spring,\" she added.")
    mentions = pl.DataFrame({
        "article_id": ["a1"], "entity_id": ["e-lia"], "canonical_name": ["Lia Brun"],
        "entity_type": ["PERSON"], "surface": ["Lia Brun"], "field": ["body"],
        "char_start": [36], "char_end": [44]})
    q = quotes_of(body, mentions=mentions)
    assert q.schema == pl.Schema(QUOTE_SCHEMA)
    assert q["quote_index"].to_list() == [0, 1]
    assert q["speaker_entity_id"].to_list() == ["e-lia", "e-lia"]
    assert set(q["attribution_method"]) <= set(ATTRIBUTION_METHODS)
    assert q["quote_id"].n_unique() == 2
    again = quotes_of(body, mentions=mentions)
    assert again["quote_id"].to_list() == q["quote_id"].to_list()
    assert_spans(body, q)


def test_no_quotes_gives_empty_table_with_schema():
    q = quotes_of("Nothing was said today. The market's mood was calm.")
    assert q.height == 0
    assert q.schema == pl.Schema(QUOTE_SCHEMA)


def test_confidence_in_range():
    body = "\"Rates will stay low for a long time,\" he said. \"Growth is slow,\" one trader said."
    assert all(0 <= c <= 1 for c in quotes_of(body)["confidence"])


# ---------------------------------------------------------------- dev gold regression

@pytest.mark.corpus
def test_dev_gold_scores_hold(tmp_path):
    if not (SHARED / "corpus").is_dir() or not (SHARED / "gold" / "dev").is_dir():
        pytest.skip(f"shared corpus and gold not found at {SHARED}")
    sys.path.insert(0, str(ROOT / "bench"))
    import score_quotes

    from ingest.raw_files import read_raw_root
    from transforms.articles import parse_stories
    from transforms.decode import decode_text

    gold = score_quotes.gold_stories()
    parsed = parse_stories(decode_text(read_raw_root(SHARED / "corpus")))
    articles = score_quotes.gold_articles(parsed, set(gold))
    score_quotes.write_predictions(articles, extract_quotes(articles), tmp_path)
    figures = score_quotes.score(tmp_path, verbose=False)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert figures["quote_f1"] >= baseline["quote_f1"] - 0.02
    assert figures["speaker_accuracy"] >= baseline["speaker_accuracy"] - 0.02


def test_pronoun_after_subject_with_of_phrase():
    body = ('The carrier made a loss. Aviation analyst Nick Van den Brul of BNP Paribas '
            'described the results as "pretty modest". "It is quite good on the revenue side, '
            'however," he said.')
    assert speakers(body)[-1] == ("It is quite good on the revenue side, however,",
                                  "Nick Van den Brul")


def test_pronoun_prefers_subject_opening_the_sentence():
    body = ('Shadow home secretary David Davis echoed criticisms of the way Mr Blunkett '
            'introduced the rules. "There is genuine concern about potential reductions," '
            'he said.')
    assert speakers(body)[0][1] == "David Davis"


def test_name_after_description_and_title_words():
    body = ('But the author, playwright Eve Ensler, says it is about empowerment. "There is '
            'obviously some fear of the word," Ms Ensler told the BBC. "I am extremely '
            'outraged at the hypocrisy," the play\'s organiser in Uganda, Sarah Mukasa, told '
            'the radio.\n\n"We were talking to this individual and offered to help," Toronto '
            'Sun Publishing vice-president of finance Bruce Jackson said.')
    assert [s for _, s in speakers(body)] == ["Eve Ensler", "Sarah Mukasa", "Bruce Jackson"]


def test_description_subject_of_previous_sentence():
    body = ('Collins ran in Birmingham in 2003. "I am looking forward to competing against '
            'such a strong field," he said. The world champion says he is in good shape. '
            '"Jason Gardener and Mark Lewis-Francis are Olympic gold medallists now."')
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Collins", "Collins"]
    assert q["confidence"][1] < 0.8


def test_participle_intro_is_not_the_subject():
    body = ('Lindsay Davenport has criticised the club over prize money. Reacting to a '
            'disputed comment by chairman Tim Phillips, the American said: "I think it is '
            'highly insulting if prize money is taken away."')
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["Lindsay Davenport"]
    assert q["confidence"][0] < 0.9


def test_description_of_a_thing_is_no_speaker():
    body = ('Ann Lee sent Bob Moore an e-mail. The subject line said, "Please do not forward '
            'this note to anyone."')
    assert speakers(body)[0][1] != "Ann Lee" and speakers(body)[0][1] != "Bob Moore"


def test_pronoun_after_spokesman_of_named_organisation():
    body = ('Mr Denham believes the council should think again. He said: "We want to see '
            'judges advised in the case of murder." But a spokesman for the Home Office '
            'defended the proposals. He said: "By making express provision, Parliament sent '
            'a clear signal."')
    assert [s for _, s in speakers(body)] == ["Denham", "Home Office"]


def test_quote_opening_paragraph_after_named_reporting_sentence():
    body = ('The MPs call for tougher sentences. Committee chairman John Denham said drink '
            'was sometimes used as an excuse.\n\n"The committee believes that these arguments '
            'should be rejected by judges." At present judges can reduce the tariff.')
    q = quotes_of(body)
    assert q["speaker_name"].to_list() == ["John Denham"]
    assert q["confidence"][0] < 0.8


def test_unnamed_authors_and_modified_unnamed_speaker():
    body = ('A study found most firms recover. "Although it is commonly assumed that disasters '
            'ruin firms, our research indicates otherwise," the authors concluded.\n\n"It is '
            'not that the broking community is indifferent to disasters," one Bombay trader '
            'said. "But the reaction would have been seen if business had been affected."')
    assert [s for _, s in speakers(body)] == [None, None, None]


def test_cited_is_a_cue_verb():
    body = ('Asked to list the unfinished business, Ann Lee cited "the global war against '
            'terror," and the insurgency.')
    assert speakers(body) == [("the global war against terror,", "Ann Lee")]


def test_role_words_before_a_given_name_are_not_part_of_the_speaker():
    body = ("\u201cThe camps are full,\u201d said Emergency Relief Coordinator Leila Varga. "
            "\u201cWe need more tents before the winter comes,\u201d she added.")
    assert [s for _, s in speakers(body)] == ["Leila Varga", "Leila Varga"]
