"""An incident's words (outage, data loss, security incident) fire only for an incident that happened: not when it is
supposed ("if", "in case of", "say ...", "should ...", "what happens when"), asked as a how-to question, planned for
(a scenario, a tabletop exercise, a runbook), announced in general (outage notices, an incident feed) or denied with a
verb of noticing ("we are not seeing any outage", "nothing has been leaked"). A real incident beside a how-to question
or a supposition still fires. A whole organisation locked out is an outage; one user locked out is not."""

import pytest

from triage.text.signals import find_signals, incident_is_live


def _fires(text: str, signal: str) -> bool:
    return signal in find_signals([text])[0]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("How would we end every session if an admin's phone got hacked?", "security_incident"),
        ("For our tabletop exercise we are rehearsing a ransomware scenario.", "security_incident"),
        ("Our runbook covers what to do after a breach; can you review it?", "security_incident"),
        ("Suppose someone logged into our admin account from abroad - what would your team do?", "security_incident"),
        ("We are not seeing any outage on our side at the moment.", "outage"),
        ("Nothing has been leaked as far as our audit shows.", "security_incident"),
        ("There is no sign of data loss after the upgrade.", "data_loss"),
        ("In case of an outage, which credits does the contract give us?", "outage"),
        ("If the portal is down during payroll week, who is on call?", "outage"),
        ("Say the app is offline for a whole afternoon - is that covered?", "outage"),
        ("Should the platform be unavailable, can we switch to a backup region?", "outage"),
        ("What happens when the API is unavailable for more than an hour?", "outage"),
        ("Can we get outage and maintenance notifications in Teams?", "outage"),
        ("Is there an incident feed our monitoring can read?", "outage"),
        ("How do we report a phishing attempt to you?", "security_incident"),
        ("If nobody in the company can sign in, who should we phone?", "outage"),
    ],
)
def test_a_supposed_planned_or_denied_incident_does_not_fire(text: str, signal: str) -> None:
    assert not _fires(text, signal)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        # Twins of the above: the incident happened, whatever question follows.
        ("Our admin's phone got hacked yesterday. How do we end every session?", "security_incident"),
        ("Someone logged into our admin account from abroad last night.", "security_incident"),
        ("We are seeing an outage across all regions right now.", "outage"),
        ("Customer records have been leaked to another tenant.", "security_incident"),
        ("The portal is down for everyone. If it stays down, which credits do we get?", "outage"),
        ("The app is offline for the whole team. How do we export today's orders?", "outage"),
        # Asked whether, not supposed: the loss is told.
        ("Please let me know if the data can be recovered.", "data_loss"),
        ("If you open our workspace you will see our data is missing.", "data_loss"),
        ("If this is how you handle losing our files, we will not renew.", "data_loss"),
    ],
)
def test_a_real_incident_still_fires(text: str, signal: str) -> None:
    assert _fires(text, signal)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody at our clinic can log in this morning.",
        "None of our 240 nurses can sign in since the update.",
        "All 85 drivers are locked out of the app.",
        "All of our agents are unable to log in.",
        "Everyone across the company can't access the dashboard.",
        "Our entire workforce is locked out since 8am.",
    ],
)
def test_a_whole_organisation_locked_out_is_an_outage(text: str) -> None:
    assert _fires(text, "outage")


@pytest.mark.parametrize(
    "text",
    [
        "One user can't log in since Monday.",
        "My manager is locked out of her account.",
        "Nobody from your team has called us back.",
        "None of our staff has received the new invoice.",
        "Can all our staff log in with SSO?",
    ],
)
def test_one_user_or_no_login_is_no_outage(text: str) -> None:
    assert not _fires(text, "outage")


@pytest.mark.parametrize(
    ("text", "live"),
    [
        ("Around 14% of our delivery records have disappeared from the portal.", True),
        ("All of last week's invoices have been deleted from our workspace.", True),
        # Twins: a loss told in the past, supposed, or denied.
        ("Last spring some delivery records disappeared for a day.", False),
        ("If records have disappeared, how would we notice?", False),
        ("Nothing has disappeared as far as we can see.", False),
    ],
)
def test_a_loss_in_the_present_perfect_is_live(text: str, live: bool) -> None:
    assert incident_is_live(text) is live
