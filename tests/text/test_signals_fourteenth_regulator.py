"""A regulator called by its role ("our supervisor", "the central bank") counts where the sentence is about supervision
(an inquiry, a notification, an audit) or a report or complaint made to it; a national supervisory authority named in
English counts as the ICO or the CNIL does. A manager called "supervisor" does not."""

import pytest

from triage.text.signals import find_signals


def _fires(text: str) -> bool:
    return "regulator_complaint" in find_signals([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Our supervisor, the central bank, has opened an inquiry into the outage.",
        "We are obliged to notify our financial supervisor of any incident above four hours.",
        "We must report this incident to our supervisor by Monday.",
        "The Danish Central Bank wants a written report on the downtime.",
        "BaFin has requested information about the failed transfers.",
        "Finanstilsynet is auditing our payment providers this quarter.",
        "We filed the breach notification with the Autoriteit Persoonsgegevens.",
        "Our regulator asked whether your platform stores data outside the EU.",
        "We notified the Data Protection Commission within 72 hours.",
    ],
)
def test_a_supervisor_by_role_or_by_name_is_a_regulator(text: str) -> None:
    assert _fires(text)


@pytest.mark.parametrize(
    "text",
    [
        "My supervisor asked me to chase this ticket.",
        "Our supervisor wants a report on why the tickets are late.",
        "I will complain to my supervisor about the delay.",
        "Payments go through the central bank clearing system.",
        "Our AP team paid the invoice on Friday.",
        "Please ask your supervisor to call me back.",
    ],
)
def test_a_manager_or_a_bank_in_passing_is_not(text: str) -> None:
    assert not _fires(text)
