"""Champion and challenger on live traffic: the service's shadow log (``service.shadow``: both models' answers
per ticket, no text) joined with the outcomes people confirmed (the feedback export).

On every logged ticket: how often the two agree. On the tickets with outcomes: each head through the same
``compare()`` as the retraining gate (paired bootstrap), read from the logged answers: the trigger
probabilities and the escalation model's own probability (ROC-AUC), the recommended team and the frustration
level as one-hot answers (macro-F1 of the decision; the log keeps no class probabilities for them, so no
calibration there). The escalation probability agents saw is half the policy's verdict, so the escalation
head is judged on ``escalation_model_probability``; lines logged before it was kept lack it and are left out
of that head alone (counted in the report), never of the other heads or the agreement.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from triage.errors import TriageError
from triage.evaluation.compare import BOOTSTRAP_ROUNDS, compare
from triage.evaluation.evaluate import Evaluation, HeldOut
from triage.evaluation.metrics import binary_report, multiclass_report
from triage.schema import TRIGGERS

SIDES = ("champion", "challenger")
MODEL_PROBABILITY = "escalation_model_probability"


def read_shadow_log(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The log's records, the latest per ticket (a ticket scored again after an update counts once, as last
    scored), and how many lines could not be read (a line cut short by a crash is skipped, not fatal)."""
    if not path.is_file():
        raise TriageError(f"{path}: no such shadow log (TRIAGE_SHADOW_LOG of the service)")
    latest: dict[str, dict[str, Any]] = {}
    unreadable = 0
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                record = json.loads(line)
                latest[str(record["ticket_id"])] = {"ticket_id": str(record["ticket_id"])} | {
                    side: dict(record[side]) for side in SIDES
                }
            except (ValueError, KeyError, TypeError):
                unreadable += 1
    return list(latest.values()), unreadable


def _agreement(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    def share(key: str) -> float:
        return float(np.mean([r["champion"][key] == r["challenger"][key] for r in records]))

    champion = np.array([r["champion"]["escalation_probability"] for r in records])
    challenger = np.array([r["challenger"]["escalation_probability"] for r in records])
    modelled = [r for r in records if _has_model_probability(r)]
    model_difference = [abs(r["champion"][MODEL_PROBABILITY] - r["challenger"][MODEL_PROBABILITY]) for r in modelled]
    return {
        "tickets": len(records),
        "escalate": share("escalate"),
        "trigger_labels": float(
            np.mean(
                [sorted(r["champion"]["trigger_labels"]) == sorted(r["challenger"]["trigger_labels"]) for r in records]
            )
        ),
        "team": share("team"),
        "tier": share("tier"),
        "frustration_level": share("frustration_level"),
        "escalation_probability_mean_abs_difference": float(np.mean(np.abs(champion - challenger))),
        "escalation_model_probability_mean_abs_difference": float(np.mean(model_difference))
        if model_difference
        else None,
        "without_model_probability": len(records) - len(modelled),
    }


def _has_model_probability(record: Mapping[str, Any]) -> bool:
    return all(record[side].get(MODEL_PROBABILITY) is not None for side in SIDES)


BinaryTruth = tuple[list[int], list[int], str | None]


def _binary_truths(
    records: Sequence[Mapping[str, Any]], outcomes: Mapping[str, Mapping[str, Any]]
) -> dict[str, BinaryTruth]:
    """Per binary head: the positions of the records with its outcome, the outcomes, and the trigger's name
    (None: the escalation head)."""
    heads: dict[str, BinaryTruth] = {}
    for name in TRIGGERS:
        rows, truth = [], []
        for i, record in enumerate(records):
            label = outcomes[record["ticket_id"]]
            judged = label.get("labelled_triggers") or TRIGGERS
            if label.get("triggers") is not None and name in judged:
                rows.append(i)
                truth.append(int(name in label["triggers"]))
        heads[name] = (rows, truth, name)
    rows = [
        i
        for i, r in enumerate(records)
        if outcomes[r["ticket_id"]].get("escalated") is not None and _has_model_probability(r)
    ]
    heads["escalation"] = (rows, [int(outcomes[records[i]["ticket_id"]]["escalated"]) for i in rows], None)
    return heads


def _evaluations(records: Sequence[Mapping[str, Any]], outcomes: Mapping[str, Mapping[str, Any]]) -> list[Evaluation]:
    """One Evaluation per side, built from the logged answers on the tickets with outcomes."""
    evaluations = [Evaluation({"rows": len(records), "heads": {}}, HeldOut()) for _ in SIDES]
    for head, (rows, labels, trigger) in _binary_truths(records, outcomes).items():
        if len(set(labels)) < 2:
            continue  # a ranking metric needs both answers among the outcomes
        truth = np.array(labels)
        for side, evaluation in zip(SIDES, evaluations, strict=True):
            answer = [records[i][side] for i in rows]
            proba = np.array([a["triggers"][trigger] if trigger else a[MODEL_PROBABILITY] for a in answer])
            evaluation.report["heads"][head] = binary_report(truth, proba)
            evaluation.held_out.keep(head, rows, truth, proba)
    for head, label_key, answer_key in (("team", "team", "team"), ("frustration", "frustration", "frustration_level")):
        _decision_head(records, outcomes, evaluations, head, label_key, answer_key)
    return evaluations


def _decision_head(
    records: Sequence[Mapping[str, Any]],
    outcomes: Mapping[str, Mapping[str, Any]],
    evaluations: list[Evaluation],
    head: str,
    label_key: str,
    answer_key: str,
) -> None:
    """A head the log keeps only the decision of (team, frustration level), as one-hot answers."""
    rows = [i for i, r in enumerate(records) if outcomes[r["ticket_id"]].get(label_key) is not None]
    if not rows:
        return
    truth = np.array([str(outcomes[records[i]["ticket_id"]][label_key]) for i in rows])
    answers = {side: [str(records[i][side][answer_key]) for i in rows] for side in SIDES}
    classes = sorted({str(label) for label in truth} | set(answers["champion"]) | set(answers["challenger"]))
    for side, evaluation in zip(SIDES, evaluations, strict=True):
        onehot = (np.array(answers[side])[:, None] == np.array(classes)[None, :]).astype(float)
        report = multiclass_report(truth, onehot, classes)
        evaluation.report["heads"][head] = {k: report[k] for k in ("n", "per_class", "accuracy", "macro_f1")}
        evaluation.held_out.keep(head, rows, truth, onehot)
        evaluation.held_out.classes[head] = classes


def shadow_report(
    records: Sequence[Mapping[str, Any]], outcomes: Sequence[Mapping[str, Any]], rounds: int = BOOTSTRAP_ROUNDS
) -> dict[str, Any]:
    """Agreement on every logged ticket of the latest champion/challenger pair, and the comparison on those
    with outcomes (``outcomes``: the feedback export's rows)."""
    if not records:
        raise TriageError("the shadow log holds no readable records")
    pair = (records[-1]["champion"]["model"], records[-1]["challenger"]["model"])
    current = [r for r in records if (r["champion"]["model"], r["challenger"]["model"]) == pair]
    by_id = {str(row["id"]): row for row in outcomes}
    judged = [r for r in current if r["ticket_id"] in by_id]
    out: dict[str, Any] = {
        "champion": pair[0],
        "challenger": pair[1],
        "other_versions_left_out": len(records) - len(current),
        "agreement": _agreement(current),
        "with_outcomes": len(judged),
        # Judged tickets logged before the model's escalation probability was kept: not in the escalation head.
        "escalation_without_model_probability": sum(
            by_id[r["ticket_id"]].get("escalated") is not None and not _has_model_probability(r) for r in judged
        ),
        "heads": {},
        "per_class": {},
    }
    if judged:
        champion, challenger = _evaluations(judged, by_id)
        out["heads"] = compare(champion, challenger, rounds)
        for head in out["heads"]:
            mine, theirs = champion.report["heads"][head]["per_class"], challenger.report["heads"][head]["per_class"]
            out["per_class"][head] = {
                name: {"support": row["support"], "champion": row["f1"], "challenger": theirs[name]["f1"]}
                for name, row in mine.items()
            }
    return out


def render_shadow_markdown(report: Mapping[str, Any]) -> str:
    from triage.comparison_report import head_table

    agreement = report["agreement"]
    mean_difference = agreement["escalation_probability_mean_abs_difference"]
    model_difference = agreement["escalation_model_probability_mean_abs_difference"]
    lines = [
        f"# Shadow: challenger version {report['challenger']} beside champion version {report['champion']}",
        "",
        f"{agreement['tickets']} tickets scored by both in the service"
        + (
            f" ({report['other_versions_left_out']} of other version pairs left out)"
            if report["other_versions_left_out"]
            else ""
        )
        + f"; {report['with_outcomes']} of them have outcomes in the feedback.",
        "",
        "## Agreement (all logged tickets)",
        "",
        "| answer | same in both |",
        "|---|---:|",
        *(
            f"| {key} | {agreement[key]:.1%} |"
            for key in ("escalate", "trigger_labels", "team", "tier", "frustration_level")
        ),
        f"| escalation probability agents saw (with the policy's verdict), mean absolute difference "
        f"| {mean_difference:.3f} |",
        f"| escalation model's probability, mean absolute difference | {_number(model_difference)} |",
        "",
    ]
    if agreement["without_model_probability"]:
        lines += [
            f"{agreement['without_model_probability']} tickets were logged before the escalation model's own "
            "probability was kept: the model's row leaves them out.",
            "",
        ]
    lines += ["## On the tickets with outcomes", ""]
    if report["escalation_without_model_probability"]:
        lines += [
            f"{report['escalation_without_model_probability']} tickets with an escalation outcome were logged "
            "before the escalation model's own probability was kept: the escalation head leaves them out.",
            "",
        ]
    if not report["heads"]:
        return "\n".join([*lines, "No head has outcomes of both kinds yet: wait for feedback.", ""])
    lines += [
        "Challenger minus champion, paired bootstrap 95% intervals; team and frustration are the decisions made "
        "(macro-F1), the other heads the probabilities (ROC-AUC; escalation: the model's own, without the "
        "policy's verdict).",
        "",
        *head_table(report["heads"]),
        "",
        "| head | class | tickets | champion F1 | challenger F1 |",
        "|---|---|---:|---:|---:|",
    ]
    for head, classes in report["per_class"].items():
        for name, row in classes.items():
            lines.append(f"| {head} | {name} | {row['support']} | {row['champion']:.3f} | {row['challenger']:.3f} |")
    return "\n".join([*lines, ""])


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
