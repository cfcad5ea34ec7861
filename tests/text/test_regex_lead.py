"""``triage.text.regex_lead``: a pattern led by the characters its matches can start with finds exactly what the
pattern alone finds, and the frustration cue tables are led."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.text import frustration
from triage.text.regex_lead import led_by_first_characters

# The frustration module's tables, as it scans them (led), with the original pattern recovered from the lead.
TABLES = {
    name: getattr(frustration, name)
    for name in (
        "_STRONG_PHRASES",
        "_SARCASM",
        "_REPEAT_CONTACT",
        "_PERSISTENCE",
        "_DEMANDS",
        "_GRIEVANCES",
        "_PRESSURE",
        "_ANNOYANCE_PHRASES",
    )
} | {column: pattern for column, _, pattern in frustration._THREATS}
_LEAD = re.compile(r"\(\?=\[(?:\\.|[^\\\]])*\]\)\(\?:(?P<original>.*)\)", re.DOTALL)


def original(pattern: re.Pattern[str]) -> re.Pattern[str]:
    found = _LEAD.fullmatch(pattern.pattern)
    assert found, f"not led: {pattern.pattern[:60]}"
    return re.compile(found["original"], pattern.flags)


# Words the tables spell, so that generated texts hit their matches and near-misses, with what surrounds them.
VOCABULARY = sorted(
    {word for pattern in TABLES.values() for word in re.findall(r"[a-z']+|\d", original(pattern).pattern)}
    | {" ", "  ", "\n", ".", "...", "!", "?", ",", "2", "12", "x", "I", "we", "the", "-"}
)


@pytest.mark.parametrize(
    ("pattern", "lead"),
    [
        (r"\b(?:fed up|sick of)", "[fs]"),
        (r"\b(?:\d+ times|again)", r"[\da]"),
        (r"(?<!x)[a-c]+", "[a-c]"),
        (r"\b(?:(?:quite )?frankly|re\.)", "[fqr]"),
        (r"\b(?:x|y)|\.\.\.", r"[\.xy]"),
    ],
)
def test_a_pattern_led_by_an_assertion_gets_its_first_characters(pattern, lead):
    led = led_by_first_characters(re.compile(pattern))

    assert led.pattern == f"(?={lead})(?:{pattern})"


@pytest.mark.parametrize(
    "pattern",
    [
        "foo",  # a literal lead: the engine jumps between candidates already
        r"^[ \t]*at .+",  # a line anchor rejects positions faster than a lead
        "[ab]c",
        r"(?i:\b(?:x|y))",  # case-insensitive: other cases (and "ſ" for "s") start matches too
        r"\b(?:a|b)?",  # can match the empty string anywhere
        r"\b(?:x|.)",  # any character
        r"\b[^a]b",  # a negated set
        r"\b(?:(a)|\1)",  # a back-reference
    ],
)
def test_a_pattern_whose_lead_cannot_be_told_or_would_not_help_is_unchanged(pattern):
    compiled = re.compile(pattern)

    assert led_by_first_characters(compiled) is compiled


def test_case_insensitive_patterns_are_unchanged():
    compiled = re.compile(r"\b(?:fed up|sick of)", re.IGNORECASE)

    assert led_by_first_characters(compiled) is compiled


def test_every_frustration_table_is_led():
    # A table that lost its lead (a case-insensitive flag, a leading "." or "\w") is scanned ~30% slower:
    # rewrite its first characters or accept the cost here.
    for name, pattern in TABLES.items():
        assert pattern.pattern.startswith("(?=["), name


def _same_matches(pattern: re.Pattern[str], text: str) -> None:
    plain = original(pattern)
    assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]
    assert pattern.findall(text) == plain.findall(text)
    assert bool(pattern.search(text)) == bool(plain.search(text))


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(VOCABULARY), max_size=40), noise=st.text(max_size=20))
def test_led_tables_find_exactly_what_the_tables_find(words, noise):
    text = "".join(words) + noise
    spaced = " ".join(words) + noise
    for pattern in TABLES.values():
        _same_matches(pattern, text)
        _same_matches(pattern, spaced)


@pytest.mark.parametrize(
    "text",
    [
        "This is the third time I'm writing. Fix it now! I will sue. Thanks for nothing...",
        "we waited 3 days on hold and nobody called back; still not fixed, again and again",
        "i demand a refund asap or we'll cancel. great, another outage. seriously? not good enough",
        "",
        "...not",
    ],
)
def test_led_tables_find_exactly_what_the_tables_find_in_written_complaints(text):
    for pattern in TABLES.values():
        _same_matches(pattern, text)
        _same_matches(pattern, text.lower())
