"""What a rule change would do, before it applies: the same model's scores decided under two policies.

A support lead edits the escalation configuration and runs ``triage config diff OLD NEW --data FILE``: the
tickets are scored once, each decided under both policies, and the differences counted (tier, team,
escalate, abstain), with the tickets that move.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from triage.model.scorer import TriageModel
from triage.pipeline import Triage
from triage.policy import Policy
from triage.schema import Prediction, Ticket


def policy_diff(model: TriageModel, old: Policy, new: Policy, tickets: Sequence[Ticket]) -> dict[str, Any]:
    """Counts of tickets whose tier, team, escalate decision or abstention changes from ``old`` to ``new``,
    the tier transitions, every changed ticket with both recommendations, and notes on edits that cannot act
    over this model."""
    before, after = Triage(model, old), Triage(model, new)
    tickets = list(tickets)
    changed: list[dict[str, Any]] = []
    counts = Counter[str]()
    transitions = Counter[tuple[int, int]]()
    for ticket, scores in zip(tickets, model.score(tickets), strict=True):
        was, now = before.decide(ticket, scores)[0], after.decide(ticket, scores)[0]
        differences = _differences(was, now)
        counts.update(differences)
        transitions[(was.recommendation.tier, now.recommendation.tier)] += 1
        if differences:
            changed.append(
                {
                    "id": ticket.id,
                    "changes": differences,
                    "old": _summary(was),
                    "new": _summary(now),
                }
            )
    return {
        "old": old.ref.model_dump(),
        "new": new.ref.model_dump(),
        "tickets": len(tickets),
        "changed": len(changed),
        "counts": {key: counts.get(key, 0) for key in ("tier", "team", "escalate", "abstain")},
        "tier_transitions": [
            {"old": old_tier, "new": new_tier, "tickets": n}
            for (old_tier, new_tier), n in sorted(transitions.items())
            if old_tier != new_tier
        ],
        "changed_tickets": changed,
        "notes": threshold_notes(model, new),
    }


def threshold_notes(model: TriageModel, policy: Policy) -> list[str]:
    """What a policy's ``thresholds`` change cannot do over a trained model: the thresholds fixed on
    held-out tickets stay with the model, so edited values apply only where nothing was learned."""
    trained, edited = model.config.thresholds, policy.config.thresholds
    if trained == edited:
        return []
    learned = sorted(
        [*(model.calibration.trigger_thresholds if model.calibration else {}), "escalation"]
        + [f"team {name}" for name in (model.calibration.team_thresholds if model.calibration else {})]
    )
    return [
        "thresholds differ from the model's own configuration: the model keeps the thresholds fixed when it was "
        f"trained ({', '.join(learned)}); the edited values apply to other heads now and to those at the next "
        "training (target_precision, floor and min_positives only act when training)"
    ]


def _differences(was: Prediction, now: Prediction) -> list[str]:
    pairs = {
        "tier": (was.recommendation.tier, now.recommendation.tier),
        "team": (was.recommendation.team, now.recommendation.team),
        "escalate": (was.escalation.escalate, now.escalation.escalate),
        "abstain": (was.recommendation.abstain, now.recommendation.abstain),
    }
    return [name for name, (a, b) in pairs.items() if a != b]


def _summary(prediction: Prediction) -> dict[str, Any]:
    return {
        "tier": prediction.recommendation.tier,
        "team": prediction.recommendation.team,
        "escalate": prediction.escalation.escalate,
        "abstain": prediction.recommendation.abstain,
        "rules_fired": prediction.rules_fired,
    }
