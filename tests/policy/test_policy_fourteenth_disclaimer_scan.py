"""The legal-disclaimer check (triage.policy.decision._disclaimed_legal) scans the ticket's text only where setting
the legal head to zero could change the decision: the legal probability reaches the lowest bar a rule or the legal
label reads, or legal is the most probable trigger (which routes the ticket)."""

from __future__ import annotations

import pytest
from factories import head_scores, ticket

import triage.policy.decision as decision_module
from triage.policy.config import load_config
from triage.policy.decision import decide

CONFIG = load_config()
DISCLAIMER = "To be clear, we are not looking at any legal route here; the invoice total is simply wrong."


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    real = decision_module.disclaims_legal

    def counting(text: str) -> bool:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(decision_module, "disclaims_legal", counting)
    return texts


def test_the_lowest_legal_bar_is_the_lowest_at_least_of_the_default_criteria() -> None:
    thresholds = {"legal": 0.4}
    assert decision_module._legal_bar(CONFIG, thresholds) == 0.2


@pytest.mark.parametrize(
    ("triggers", "read"),
    [
        # Above the lowest bar (0.2): a rule may read it.
        ({"technical": 0.05, "financial": 0.6, "legal": 0.55}, True),
        # Below it but the most probable trigger: it routes the ticket.
        ({"technical": 0.05, "financial": 0.05, "legal": 0.15}, True),
        # Below it and below another trigger: nothing reads it, the text is not scanned.
        ({"technical": 0.05, "financial": 0.6, "legal": 0.15}, False),
    ],
)
def test_the_text_is_scanned_only_where_the_legal_head_could_change_the_decision(
    scanned: list[str], triggers: dict[str, float], read: bool
) -> None:
    decision = decide(ticket(DISCLAIMER), head_scores(triggers=triggers, escalation=0.8), CONFIG)

    assert bool(scanned) is read
    assert any("rules out a legal route" in reason for reason in decision.reasons) is read
