"""An executive told first and then following ("our CFO has been briefed and is following this") and any chief
officer on a Cc line ("Chief Nursing Officer") watch the case; one told but not following, a head of a department, or
one only supposed do not."""

import pytest

from triage.text.signals import executive_watching


@pytest.mark.parametrize(
    "text",
    [
        "Our CFO has been briefed and is following this hour by hour.",
        "Cc: Maria Lindqvist (Chief Nursing Officer), helpdesk@hospital.example",
        "Cc: Tom Reyes, Chief Revenue Officer",
    ],
)
def test_watching(text: str) -> None:
    assert executive_watching(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our CFO has been briefed and will pick a plan next quarter.",
        "Cc: Maria Lindqvist (Head of Nursing)",
        "If this is not fixed today, our CFO will have to be briefed and will be following it.",
    ],
)
def test_not_watching(text: str) -> None:
    assert not executive_watching(text)
