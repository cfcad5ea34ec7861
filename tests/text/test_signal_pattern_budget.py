"""The signals' phrase patterns expand into exact phrases for spaCy's PhraseMatcher (triage.text.signals), one
entry per combination of a pattern's slots: a pattern with many wide slots multiplies into hundreds of thousands
of phrases and hundreds of megabytes in every server process (two such patterns once added 910,000 phrases and
370 MB). A budget on the expansion, so that a new pattern is written narrow (a veto need only overlap its match)."""

from triage.text import signals

MAX_PHRASES_PER_PATTERN = 150_000
# Every table the matcher holds (until round two's eleventh session the tails, the trouble vetoes and the resolved and
# still-open tables went uncounted): 451,319 phrases then.
MAX_PHRASES = 455_000


def _expanded(pattern: str) -> int:
    """The phrases a pattern spells out at most (before alternatives with the same norms are merged)."""
    count = 1
    for slot in pattern.split():
        count *= len(slot.rstrip("?").split("|")) + slot.endswith("?")
    return count


def _patterns() -> list[tuple[str, str]]:
    tables = (
        ("", signals._PATTERNS),
        ("tail:", signals._TAILS),
        ("veto:", signals._VETOES),
        ("sentence:", signals._SENTENCE_VETOES),
        ("plain_ask:", signals._PLAIN_ASKS),
        ("trouble:", signals._TROUBLE),
        ("trouble_veto:", signals._TROUBLE_VETOES),
        ("resolved:", signals._RESOLVED),
        ("open:", signals._STILL_OPEN),
        ("context:", signals._IN_CONTEXT),
    )
    return [
        (prefix + name, pattern)
        for prefix, table in tables
        for name, patterns in table.items()
        for pattern in patterns
        if isinstance(pattern, str)
    ]


def test_no_pattern_expands_beyond_its_budget():
    wide = [(name, pattern[:60], _expanded(pattern)) for name, pattern in _patterns()]
    assert [row for row in wide if row[2] > MAX_PHRASES_PER_PATTERN] == []


def test_all_patterns_together_stay_within_the_budget():
    assert sum(_expanded(pattern) for _, pattern in _patterns()) <= MAX_PHRASES


def test_the_count_is_the_product_of_the_slots():
    assert _expanded("can|could you please? restore") == 2 * 1 * 2 * 1
