"""``triage.text.regex_lead``: a pattern led by the characters its matches can start with finds exactly what the
pattern alone finds, and the frustration cue tables are led."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.text import frustration, signals
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
        "_FORMAL_FIRMNESS",
        "_NOT_THE_CUSTOMERS_TONE",
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
        # Case-insensitive letters: the look-ahead compares them so too (a superset of the first characters).
        (r"(?i:usd|eur|gbp)", "(?i:[egu])"),
        (r"\b(?:(?i:sev)|x)", "(?i:[sx])"),
        # A negated set is an alternative of its own, keeping its case rule (made case-insensitive, "[^a]"
        # would refuse "A").
        (r"\b(?:[^a]b|c)", "[c]|(?-i:[^a])"),
        (r"(?<!x)(?:(?i:[^a])|b)", "[b]|(?i:[^a])"),
    ],
)
def test_a_pattern_the_engine_tries_everywhere_gets_its_first_characters(pattern, lead):
    led = led_by_first_characters(re.compile(pattern))

    assert led.pattern == f"(?={lead})(?:{pattern})"


def test_a_led_pattern_is_not_led_twice():
    led = led_by_first_characters(re.compile(r"\b(?:fed up|sick of)"))

    assert led_by_first_characters(led) is led


def test_a_case_insensitive_pattern_keeps_its_flag_and_its_lead_inherits_it():
    compiled = re.compile(r"\b(?:would|could)\s+be|\"[^\"]+\"", re.IGNORECASE)

    led = led_by_first_characters(compiled)

    assert led.pattern == f'(?=["cw])(?:{compiled.pattern})' and led.flags == compiled.flags


@pytest.mark.parametrize(
    "pattern",
    [
        "foo",  # a literal lead: the engine jumps between candidates already
        r"^[ \t]*at .+",  # a line anchor rejects positions faster than a lead
        "[ab]c",
        r"(?i:within)",  # one case-insensitive first letter: compared as cheaply as a look-ahead would
        r"\b(?:a|b)?",  # can match the empty string anywhere
        r"\b(?:x|.)",  # any character
        r"(?i)\b(?:x|y)",  # global inline flags must open the expression
        r"\b(?:(a)|\1)",  # a back-reference
        r"\b(?:(?a:\W)|y)",  # a local ASCII flag: the lead, compiled under Unicode rules, would refuse "é"
    ],
)
def test_a_pattern_whose_lead_cannot_be_told_or_would_not_help_is_unchanged(pattern):
    compiled = re.compile(pattern)

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


# Case-insensitive patterns as the analysers scan them, and texts with the letters Unicode folds onto ASCII ones
# ("ſ" matches "s", the Kelvin sign "k", "İ" and "ı" sit beside "i").
FOLDED = {
    "money in other cases": re.compile(r"(?i:usd|eur|gbp|cad|aud|chf|jpy|inr)(?<=\b\w\w\w)\s?\d+"),
    "status words": re.compile(r"(?i:http|status|error|code|got an?|returns?)[\s:]*[45]\d\d\b"),
    "the customer's tone": original(frustration._NOT_THE_CUSTOMERS_TONE),
}
FOLDED_VOCABULARY = ["USD", "uſd", "Usd", "EUR", "eur", "Jpy", "CHF", "\u212aelvin", "İnr", "ınr", "STATUS", "ſtatus"]
FOLDED_VOCABULARY += ["HTTP", "Got A", "Error", "would", "COULD", "be", "ſo", '"', "'", "\u201c", "\u201d", "404"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from([*FOLDED_VOCABULARY, " ", "1", "x"]), max_size=30), noise=st.text(max_size=10))
def test_case_insensitive_patterns_led_find_exactly_what_they_find(words, noise):
    for text in ("".join(words) + noise, " ".join(words) + noise):
        for pattern in FOLDED.values():
            led = led_by_first_characters(pattern)
            assert led is not pattern
            assert [(m.span(), m.groups()) for m in led.finditer(text)] == [
                (m.span(), m.groups()) for m in pattern.finditer(text)
            ]


# Patterns led by negated sets, on texts of every kind of white space and both cases.
NEGATED = {
    "line breaks": signals._LINE_BREAKS,
    "a case-sensitive negated set among case-insensitive letters": re.compile(r"\b(?:(?i:x)|[^a]c)"),
}


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2028\x85aAbBcCxX.", max_size=40))
def test_patterns_led_by_negated_sets_find_exactly_what_they_find(text):
    for pattern in NEGATED.values():
        led = led_by_first_characters(pattern)
        assert led is not pattern
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert led.sub("|", text) == pattern.sub("|", text)


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
