"""triage.evaluation.shadow on hand-built shadow logs: the escalation head is judged on the model's own
probability, not on the one with the policy's verdict, and lines logged before that figure was kept are read,
counted and left out of that head alone."""

from __future__ import annotations

import json

import pytest

from triage.evaluation.shadow import read_shadow_log, render_shadow_markdown, shadow_report

ROUNDS = 200


def answer(version: str, model_probability: float | None, escalate: bool) -> dict:
    shown = 0.5 * (model_probability or 0.0) + 0.5 * escalate
    out = {
        "model": version,
        "triggers": {"technical": 0.5, "financial": 0.5, "legal": 0.5},
        "trigger_labels": [],
        "escalation_probability": shown,
        "escalate": escalate,
        "team": "frontline",
        "tier": 1,
        "frustration_level": 0,
    }
    if model_probability is not None:
        out["escalation_model_probability"] = model_probability
    return out


def logged(count: int, with_model_probability: bool = True) -> tuple[list[dict], list[dict]]:
    """Records and outcomes: the champion's model ranks every outcome right, but a rule escalates its
    non-escalating tickets (its shown figure ranks them first); the challenger's model ranks them wrong and
    its rules are quiet (its shown figure ranks as its model does, wrong)."""
    records, outcomes = [], []
    for number in range(count):
        escalated = number % 2 == 0
        rank = (number + 1) / (count + 1)
        champion = 0.6 + 0.3 * rank if escalated else 0.1 + 0.3 * rank
        challenger = 0.1 + 0.3 * rank if escalated else 0.6 + 0.3 * rank
        records.append(
            {
                "ticket_id": f"T-{number}",
                "champion": answer("1", champion if with_model_probability else None, not escalated),
                "challenger": answer("2", challenger if with_model_probability else None, False),
            }
        )
        outcomes.append({"id": f"T-{number}", "escalated": escalated, "team": "billing" if number % 3 else "frontline"})
    return records, outcomes


def test_the_escalation_head_is_judged_on_the_models_own_probability():
    records, outcomes = logged(40)

    report = shadow_report(records, outcomes, rounds=ROUNDS)

    escalation = report["heads"]["escalation"]
    assert escalation["rows"] == 40
    # The figures with the verdict would say the opposite: the champion's rule sends the wrong tickets up.
    assert (escalation["champion"], escalation["challenger"]) == (pytest.approx(1.0), pytest.approx(0.0))
    assert report["escalation_without_model_probability"] == 0
    assert report["agreement"]["escalation_model_probability_mean_abs_difference"] == pytest.approx(
        sum(abs(r["champion"]["escalation_model_probability"] - r["challenger"]["escalation_model_probability"])
            for r in records) / 40
    )  # fmt: skip


def test_lines_logged_before_the_models_probability_are_read_counted_and_left_out_of_that_head_only(tmp_path):
    new, new_outcomes = logged(20)
    old, old_outcomes = logged(12, with_model_probability=False)
    for record in old:
        record["ticket_id"] = "OLD-" + record["ticket_id"]
    for outcome in old_outcomes:
        outcome["id"] = "OLD-" + outcome["id"]
    log = tmp_path / "shadow.jsonl"
    log.write_text("".join(json.dumps(record) + "\n" for record in [*old, *new]))

    records, unreadable = read_shadow_log(log)
    report = shadow_report(records, [*old_outcomes, *new_outcomes], rounds=ROUNDS)

    assert (len(records), unreadable, report["with_outcomes"]) == (32, 0, 32)
    assert report["heads"]["escalation"]["rows"] == 20
    assert report["heads"]["team"]["rows"] == 32  # the other heads keep the older lines
    assert report["escalation_without_model_probability"] == 12
    assert report["agreement"]["tickets"] == 32 and report["agreement"]["without_model_probability"] == 12
    markdown = render_shadow_markdown(report)
    assert "12 tickets with an escalation outcome were logged before the escalation model's own probability" in (
        markdown
    )
    assert "12 tickets were logged before the escalation model's own probability was kept" in markdown


def test_a_log_from_before_the_models_probability_still_reports_agreement_and_says_what_is_missing():
    records, outcomes = logged(10, with_model_probability=False)

    report = shadow_report(records, outcomes, rounds=ROUNDS)

    assert "escalation" not in report["heads"] and report["heads"]["team"]["rows"] == 10
    assert report["agreement"]["escalation_model_probability_mean_abs_difference"] is None
    markdown = render_shadow_markdown(report)
    assert "| escalation model's probability, mean absolute difference | n/a |" in markdown
    assert "10 tickets with an escalation outcome were logged before" in markdown
