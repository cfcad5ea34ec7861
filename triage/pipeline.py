"""Tickets in, predictions (and hand-off drafts) out: the one entry point that the CLI, the HTTP API, the
MLflow model and batch jobs call.

A :class:`Triage` is a fitted model (``triage.model``: scores and explanations) and a policy
(``triage.policy``: criteria, tiers, teams). The policy can be replaced without retraining; the thresholds
the model learned on held-out tickets stay with the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from triage.handoff.drafts import Acknowledgement, Handoff, draft_acknowledgement, draft_handoff
from triage.model.persistence import load_model
from triage.model.scorer import TriageModel
from triage.policy import Decision, Policy, check_against_model, decide, dump_config, load_policy
from triage.schema import Escalation, Frustration, Prediction, Ticket
from triage.scores import HeadScores

Drafted = tuple[Prediction, Handoff | None, Acknowledgement | None]


@dataclass(frozen=True)
class Triage:
    model: TriageModel
    policy: Policy

    def __post_init__(self) -> None:
        check_against_model(self.policy.config, self.model.team_names, self.policy.ref.name)

    @classmethod
    def of(cls, model: TriageModel) -> Triage:
        """A model under the configuration it was trained with (as saved beside it)."""
        return cls(model, Policy.from_text(dump_config(model.config), "escalation.yaml"))

    def with_policy(self, policy: Policy) -> Triage:
        """The same model under other rules (refused in one line if the rules need heads it lacks)."""
        return Triage(self.model, policy)

    def predict(self, tickets: Sequence[Ticket], explain: bool = True) -> list[Prediction]:
        tickets = list(tickets)
        scores = self.model.score(tickets, explain=explain)
        return [self.decide(ticket, row)[0] for ticket, row in zip(tickets, scores, strict=True)]

    def decide(self, ticket: Ticket, scores: HeadScores) -> tuple[Prediction, Decision]:
        decision = decide(ticket, scores, self.policy.config, self.model.calibration)
        prediction = Prediction(
            id=ticket.id,
            model=self.model.model_ref,
            policy=self.policy.ref,
            triggers={name: round(p, 4) for name, p in scores.triggers.items()},
            trigger_labels=decision.trigger_labels,
            escalation=Escalation(probability=round(scores.escalation, 4), escalate=decision.escalate),
            frustration=Frustration(
                score=round(scores.frustration_score, 4),
                level=scores.frustration_level,
                cues=scores.frustration_cues,
            ),
            recommendation=decision.recommendation,
            reasons=decision.reasons,
            signals=sorted(scores.signals),
            rules_fired=decision.rules_fired,
            mode=decision.mode,
            auto_apply=decision.auto_apply if decision.mode == "auto" else None,
            visible=decision.visible,
        )
        return prediction, decision

    def handoffs(self, tickets: Sequence[Ticket], template_dir: str | Path | None = None) -> list[Drafted]:
        """Each ticket's prediction and, when it is escalated, the hand-off and the customer acknowledgement."""
        tickets = list(tickets)
        out: list[Drafted] = []
        for ticket, scores in zip(tickets, self.model.score(tickets), strict=True):
            prediction, decision = self.decide(ticket, scores)
            if not decision.escalate:
                out.append((prediction, None, None))
                continue
            handoff = draft_handoff(ticket, prediction, scores, decision, template_dir=template_dir)
            acknowledgement = draft_acknowledgement(
                ticket, prediction, scores, decision, self.model.calibration, template_dir=template_dir
            )
            out.append((prediction, handoff, acknowledgement))
        return out


def load_triage(model_dir: str | Path, policy_file: str | Path | None = None) -> Triage:
    """A model directory (every check of ``triage.model.persistence``) under its own policy or another."""
    model = load_model(model_dir)
    # The model's own rules as loaded with it (verified against its hash), not a second read of the file.
    return Triage.of(model) if policy_file is None else Triage(model, load_policy(policy_file))
