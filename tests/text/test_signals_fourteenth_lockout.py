"""A whole organisation locked out is an outage however the head count is told ("nobody here", "not one of our 300
staff", "none of our 40 agents can work", "have been logged out and cannot sign back in", "getting a 403"), and it
is live for the policy; a lock-out the customer wants or asks about as a setting (make sure, ensure, former staff,
as expected, "without MFA", a role or permission question) is none."""

import pytest

from triage.text.signals import find_signals, incident_is_live


def _outage(text: str) -> bool:
    return "outage" in find_signals([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Could you double-check that none of our contractors can sign in without a hardware key after the rollout?",
        "We need to make sure all of our interns can't log in from home.",
        "Please ensure nobody in the finance team can access the old exports.",
        "None of our managers can access the audit page - is that a role we have to grant?",
        "All of our former contractors are locked out now, as expected.",
        "None of our trainees can work out how to print the rota.",
    ],
)
def test_a_wanted_or_asked_lock_out_is_no_outage(text: str) -> None:
    assert not _outage(text)
    assert not incident_is_live(text)


@pytest.mark.parametrize(
    "text",
    [
        "Everyone at our warehouse is getting a 503 when they open the app.",
        "All of our store staff have been signed out and now cannot log back in.",
        "Nobody here can sign in this morning.",
        "None of our 25 support agents can work.",
        "Not one of our 90 teachers can log in.",
    ],
)
def test_a_head_count_lock_out_is_a_live_outage(text: str) -> None:
    assert _outage(text)
    assert incident_is_live(text)


def test_a_supposed_lock_out_is_not_live() -> None:
    assert not incident_is_live("If none of our dispatchers can log in during the migration, who do we call?")


def test_an_error_returned_since_a_time_is_live() -> None:
    assert incident_is_live("The webhook endpoint has been returning 502 since 7am.")
    assert not incident_is_live("If the webhook endpoint keeps returning errors since the upgrade, what then?")
