"""One evaluation for every caller: the model card's test split, `triage evaluate`, the dev-set benchmark
and the champion/challenger comparison all read the same report.

Each head is judged on the rows labelled for it (a row labelled only for `financial` says nothing about
`technical`), beside the criteria-only baseline the product answers with when it has no labelled history.
With a policy, the decisions are judged too: trigger labels, the escalate decision, tier and team.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import spearmanr
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

from triage.evaluation.metrics import binary_report, multiclass_report
from triage.model.scorer import TriageModel, fallback_trigger
from triage.pipeline import Triage
from triage.policy import Policy
from triage.schema import TRIGGERS, LabelledTicket, Prediction
from triage.scores import HeadScores


@dataclass
class HeldOut:
    """Truth and probabilities per learned head, on the rows labelled for it (``rows``: their positions in
    the evaluated tickets): for plots and comparisons."""

    truth: dict[str, np.ndarray] = field(default_factory=dict)
    proba: dict[str, np.ndarray] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, np.ndarray] = field(default_factory=dict)

    def keep(self, head: str, rows: list[int], truth: np.ndarray, proba: np.ndarray) -> None:
        self.rows[head], self.truth[head], self.proba[head] = np.asarray(rows, dtype=np.int64), truth, proba


@dataclass
class Evaluation:
    report: dict[str, Any]
    held_out: HeldOut


def evaluate(model: TriageModel, tickets: Sequence[LabelledTicket], policy: Policy | None = None) -> Evaluation:
    """Metrics of every head on labelled tickets (per class, macro-averaged, calibration, coverage), the
    criteria-only baselines on the same rows, and, given a policy, the decisions it makes."""
    tickets = list(tickets)
    scores, probabilities = model.score_with_heads(tickets, explain=False)
    held_out = HeldOut()
    heads: dict[str, Any] = {}
    for name in TRIGGERS:
        rows = [i for i, ticket in enumerate(tickets) if ticket.has_trigger_label(name)]
        if rows:
            truth = np.array([name in (tickets[i].triggers or []) for i in rows], dtype=int)
            heads[name] = binary_report(truth, np.array([scores[i].triggers[name] for i in rows]))
            baseline = np.array([fallback_trigger(name, scores[i].signals) for i in rows])
            heads[name]["criteria_only_baseline"] = binary_report(truth, baseline)
            if name in probabilities:
                held_out.keep(name, rows, truth, probabilities[name][rows])
    heads.update(_escalation_reports(tickets, scores, probabilities, held_out))
    heads.update(_frustration_report(tickets, scores, probabilities, model, held_out))
    rows = [i for i, ticket in enumerate(tickets) if ticket.team in model.team_names]
    if rows and "team" in probabilities:
        truth = np.array([tickets[i].team for i in rows]).astype(str)
        heads["team"] = multiclass_report(truth, probabilities["team"][rows], model.team_names)
        held_out.keep("team", rows, truth, probabilities["team"][rows])
        held_out.classes["team"] = model.team_names
    for name, head_report in heads.items():
        # A head without labels in training is answered by the criteria-only scorer: say so beside its figures.
        head_report["learned"] = name in model.heads
    report: dict[str, Any] = {
        "model": model.model_ref.model_dump(),
        "rows": len(tickets),
        "heads": heads,
        "fallback_heads": list(model.fallback_heads),
    }
    if policy is not None:
        triage = Triage(model, policy)
        predictions = [triage.decide(ticket, row)[0] for ticket, row in zip(tickets, scores, strict=True)]
        report["policy"] = {"ref": policy.ref.model_dump(), **decision_report(tickets, predictions)}
    return Evaluation(report, held_out)


def _escalation_reports(
    tickets: list[LabelledTicket],
    scores: list[HeadScores],
    probabilities: dict[str, np.ndarray],
    held_out: HeldOut,
) -> dict[str, Any]:
    rows = [i for i, ticket in enumerate(tickets) if ticket.escalated is not None]
    if not rows:
        return {}
    truth = np.array([tickets[i].escalated for i in rows], dtype=int)
    out = {"escalation": binary_report(truth, np.array([scores[i].escalation for i in rows]))}
    oracle = [tickets[i].true_escalation_probability for i in rows]
    if all(p is not None for p in oracle):  # the demo generator's own probability: the ceiling
        out["escalation"]["oracle"] = binary_report(truth, np.array(oracle, dtype=float))
    for name in ("escalation_text", "escalation"):
        if name in probabilities:
            held_out.keep(name, rows, truth, probabilities[name][rows])
    if "escalation_text" in probabilities:
        out["escalation_text"] = binary_report(truth, probabilities["escalation_text"][rows])
    return out


def _frustration_report(
    tickets: list[LabelledTicket],
    scores: list[HeadScores],
    probabilities: dict[str, np.ndarray],
    model: TriageModel,
    held_out: HeldOut,
) -> dict[str, Any]:
    """The learned head's own report (when there is one), and the frustration score the product answers
    with: Spearman with the 0-3 labels, level accuracy, frustrated (2+) against the rest, the lexicon alone."""
    rows = [i for i, ticket in enumerate(tickets) if ticket.frustration is not None]
    if not rows:
        return {}
    truth = np.array([tickets[i].frustration for i in rows], dtype=int)
    report: dict[str, Any] = {}
    if "frustration" in probabilities:
        classes = [str(level) for level in model.heads["frustration"].classes_]
        report = multiclass_report(truth.astype(str), probabilities["frustration"][rows], classes)
        held_out.keep("frustration", rows, truth.astype(str), probabilities["frustration"][rows])
        held_out.classes["frustration"] = classes
    score = np.array([scores[i].frustration_score for i in rows])
    lexicon = np.array([scores[i].lexicon_frustration for i in rows])
    varied = len(set(truth.tolist())) > 1
    report.update(
        {
            "n": len(rows),
            "spearman": float(spearmanr(truth, score).statistic) if varied else None,
            "level_accuracy": float(np.mean(truth == np.array([scores[i].frustration_level for i in rows]))),
            "frustrated_vs_rest": binary_report((truth >= 2).astype(int), score),
            "criteria_only_baseline_spearman": float(spearmanr(truth, lexicon).statistic) if varied else None,
        }
    )
    return {"frustration": report}


def decision_report(tickets: Sequence[LabelledTicket], predictions: Sequence[Prediction]) -> dict[str, Any]:
    """How the policy's decisions match the labels: trigger labels (per trigger and macro-F1), the escalate
    decision (false alarms among tickets that should stay, misses among those that should go up), tier
    and team."""
    pairs = list(zip(tickets, predictions, strict=True))
    out: dict[str, Any] = {}
    trigger_f1 = {}
    for name in TRIGGERS:
        labelled = [
            (name in (t.triggers or []), name in p.trigger_labels) for t, p in pairs if t.has_trigger_label(name)
        ]
        if labelled:
            truth, predicted = map(np.array, zip(*labelled, strict=True))
            precision, recall, f1, support = precision_recall_fscore_support(
                truth, predicted, labels=[True], zero_division=0
            )
            trigger_f1[name] = {
                "precision": float(precision[0]),
                "recall": float(recall[0]),
                "f1": float(f1[0]),
                "support": int(support[0]),
            }
    if trigger_f1:
        out["trigger_labels"] = trigger_f1
        # A trigger no labelled ticket carries has no F1 to average (it would count as 0 for a perfect policy).
        present = [row["f1"] for row in trigger_f1.values() if row["support"]]
        out["trigger_labels_macro_f1"] = float(np.mean(present)) if present else None
    escalated = [
        (bool(t.escalated), p.escalation.escalate, p.escalation.probability)
        for t, p in pairs
        if t.escalated is not None
    ]
    if escalated:
        truth, decided, probability = map(np.array, zip(*escalated, strict=True))
        out["escalate"] = {
            "n": len(escalated),
            # The probability a prediction carries (model and verdict, triage.pipeline), not the head's alone.
            "roc_auc": float(roc_auc_score(truth, probability)) if len(set(truth)) == 2 else None,
            "accuracy": float(np.mean(truth == decided)),
            "false_alarms": int(np.sum(decided & ~truth)),
            "should_stay": int(np.sum(~truth)),
            "misses": int(np.sum(~decided & truth)),
            "should_go_up": int(np.sum(truth)),
        }
    tiers = [(t.tier, p.recommendation.tier) for t, p in pairs if t.tier is not None]
    if tiers:
        out["tier_exact"] = float(np.mean([a == b for a, b in tiers]))
        out["tier_n"] = len(tiers)
    teams = [(t.team, p.recommendation.team) for t, p in pairs if t.team]
    if teams:
        out["team_accuracy"] = float(np.mean([a == b for a, b in teams]))
        out["team_n"] = len(teams)
    return out
