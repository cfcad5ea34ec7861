"""A supposition reaches only its own clause and the clause it conditions: a polite "if you could ...", "if anyone
can help", "I'd appreciate it if", "if possible" asks something of us and supposes nothing, an incident told as it
stands after a comma or a colon is reported, and a how-to question about recovering from an incident that happened
reports it. Runbooks, status feeds and real suppositions ("if the API ever goes down", "in case of an outage", "say a
laptop gets stolen") still name none."""

import pytest

from triage.text.signals import find_signals


def _fires(text: str, signal: str) -> bool:
    return signal in find_signals([text])[0]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("If you could treat this outage as a priority, our checkout has been offline for two hours.", "outage"),
        ("If your engineers could look at the outage today, nobody here can work.", "outage"),
        ("If someone would escalate this breach, we'd be grateful.", "security_incident"),
        ("We'd be grateful if the data loss on our EU workspace were investigated today.", "data_loss"),
        ("It would be great if the outage got a senior engineer, the portal is down for every branch.", "outage"),
        ("If at all possible, please restore the missing orders this morning.", "data_loss"),
        ("If it helps, the dashboard has been down since the release.", "outage"),
        ("In case it matters: the dashboard was offline for all users yesterday.", "outage"),
        ("If anybody could advise - our admin account was hacked overnight.", "security_incident"),
        ("How can we restore the deleted records?", "data_loss"),
        ("How do we recover the files that were wiped by the sync?", "data_loss"),
        ("What do we do about the data we lost in the corrupted files?", "data_loss"),
        ("How can we get back the missing orders from Monday?", "data_loss"),
        ("How do we tell our clients about the breach we had last week?", "security_incident"),
        ("If you have a moment, could you check the outage from this morning?", "outage"),
        ("If you get a chance, please look at the data loss in our EU workspace.", "data_loss"),
        ("Please explain how to restore the records we lost in the outage.", "outage"),
    ],
)
def test_a_real_incident_asked_politely_or_how_to_recover_fires(text: str, signal: str) -> None:
    assert _fires(text, signal)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("If the API ever goes down, who do we call?", "outage"),
        ("If your servers were hacked, how would you tell us?", "security_incident"),
        ("If you have an outage during our sale, do we get credits?", "outage"),
        ("If you can't keep the portal up during an outage, what is the fallback?", "outage"),
        ("In the event of a breach, how quickly do you notify customers?", "security_incident"),
        ("Say a laptop gets stolen, can we wipe it remotely?", "security_incident"),
        ("If the sync fails overnight, would we lose the day's orders?", "data_loss"),
        ("Should the platform go offline, we would switch to paper.", "outage"),
        ("How do we restore deleted records?", "data_loss"),
        ("How would we recover data after a ransomware attack?", "security_incident"),
        ("Our outage playbook says to call you first; is that still right?", "outage"),
        ("Can we subscribe to your outage notifications by email?", "outage"),
        ("If possible, send us your steps in case of a data breach.", "security_incident"),
        ("If anyone could explain how to recover data after a breach, thanks.", "security_incident"),
        ("Your help centre explains how to fail over during an outage.", "outage"),
    ],
)
def test_a_supposed_or_planned_incident_still_does_not_fire(text: str, signal: str) -> None:
    assert not _fires(text, signal)
