"""Closed vocabularies of the warehouse's coded columns, shared by the transforms that write
them and the quality gate that checks them."""
from __future__ import annotations

SOURCE_FORMATS = ("un_news_print", "plain_text", "reuters_sgml")

ENTITY_TYPES = ("PERSON", "ORG", "LOCATION")

ATTRIBUTION_METHODS = ("explicit", "pronoun", "title", "carried_over", "organisation", "none")

DATE_BASES = ("explicit", "relative", "dateline")

# reason code -> what a person should do about it
QUARANTINE_REASONS = {
    "empty": "The file has no text. Remove it, or replace it with the full story.",
    "not_text": "The file looks binary (NUL or control bytes). Check it is a story file, not an image or archive.",
    "undecodable": "The bytes are not valid UTF-8, UTF-16 or Windows-1252 text. Re-export the file as UTF-8.",
    "no_title": "No headline was found. Add the headline as the first line (or a '## ' heading for UN News pages).",
    "no_body": "A headline was found but no story text under it. Add the story's paragraphs.",
    "too_large": "The file is larger than the per-file limit. Split it into one file per story.",
    "unreadable": "The file could not be read (permissions, or it vanished mid-run). Fix access and re-run.",
    "outside_root": "The path resolves outside the raw root (a symlink or '..'). Copy the file into the raw root.",
}

# event type -> CAMEO root code (None where CAMEO has no root for it). See docs/events.md.
EVENT_TYPES: dict[str, str | None] = {
    "statement": "01",   # make public statement
    "appeal": "02",      # appeal, call for, urge
    "pledge": "03",      # express intent to cooperate, promise
    "meet": "04",        # consult: meet, hold talks
    "visit": "04",       # consult: make or host a visit
    "conference": "04",  # consult: convene or attend a conference or summit
    "praise": "05",      # engage in diplomatic cooperation: praise, endorse
    "agreement": "05",   # sign a formal agreement, adopt a resolution
    "aid": "07",         # provide aid, deploy peacekeepers
    "criticize": "11",   # disapprove: criticise, condemn, denounce
    "reject": "12",      # reject
    "threaten": "13",    # threaten
    "protest": "14",     # protest, demonstrate
    "sanction": "16",    # reduce relations, impose sanctions
    "arrest": "17",      # coerce: arrest, detain
    "violence": "18",    # assault: attack, kill, bomb
    "fight": "19",       # fight: clashes, shelling
    "election": None,    # elections and votes: no CAMEO root
}
