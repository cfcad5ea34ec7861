"""`triage drift` and triage.reports.drift: PSI and a test per feature, the verdict in words, the page, the JSON.

The tickets are hand-built here: a pool of everyday requests drawn at random for both periods (the same
distribution must read stable), and a current period whose channel, plans, length and words moved (retrain).
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys

import pytest

from triage.errors import TriageError
from triage.io import write_records
from triage.pipeline import escalation_probability
from triage.reports.drift import ALPHA, PSI_RETRAIN, categorical_drift, compare, drift_page, psi
from triage.schema import Customer, Prediction, Ticket

EVERYDAY = [
    ("Password reset link expired", "The reset link you emailed says it expired before I could use it."),
    ("Change billing email", "Please send our receipts to the accounts address instead of mine."),
    ("Export to spreadsheet", "Is there a way to download the monthly usage table as a spreadsheet?"),
    ("Add a seat", "We hired two people this week and need two more seats on the workspace."),
    ("Dark mode", "Any plans for a dark theme? The white screen is hard on the eyes at night."),
    ("Calendar sync slow", "Meetings I add on my phone take an hour to show up in the web calendar."),
    ("Invoice copy", "Could you resend the invoice for last quarter, we misplaced the attachment."),
    ("Cannot upload avatar", "The profile picture upload spins forever and never finishes."),
    ("Two factor codes", "My authenticator app was wiped, how do I get back into my account safely?"),
    ("Rename workspace", "We rebranded, can the workspace name and the address bar name change too?"),
]
# What a new product launch brings: other words, longer messages, another plan and channel.
LAUNCH = [
    (
        "Warehouse scanner pairing fails",
        "The handheld scanner from the new logistics bundle will not pair with the depot tablet. We followed the "
        "pairing guide twice, restarted the scanner and the tablet, and reinstalled the depot app, but the "
        "barcode scanner still shows offline and pallets cannot be booked in at the loading dock.",
    ),
    (
        "Route optimiser skips depots",
        "Since the logistics bundle went live the route optimiser leaves two depots off every delivery route. "
        "Drivers are calling the dispatch desk all morning and the pallets for those depots stay on the dock.",
    ),
]


def ticket(number: int, subject: str, body: str, channel: str, plan: str) -> Ticket:
    return Ticket(id=f"T-{number}", subject=subject, body=body, channel=channel, customer=Customer(plan=plan))


def everyday_period(count: int, seed: int) -> list[Ticket]:
    draw = random.Random(seed)
    return [
        ticket(
            n,
            *draw.choice(EVERYDAY),
            draw.choice(["email", "email", "chat", "web_form"]),
            draw.choice(["pro", "basic"]),
        )
        for n in range(count)
    ]


def launch_period(count: int, seed: int) -> list[Ticket]:
    draw = random.Random(seed)
    return [
        ticket(n, *draw.choice(LAUNCH), "phone", "logistics") if n % 3 else everyday_period(1, seed + n)[0]
        for n in range(count)
    ]


def test_psi_matches_the_hand_computed_value():
    # (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5)
    assert psi([50, 50], [25, 75]) == pytest.approx(0.25 * 0.693147 + 0.25 * 0.405465, abs=1e-5)
    assert psi([10, 30], [1, 3]) == pytest.approx(0.0)


def test_the_same_distribution_reads_stable():
    report = compare(everyday_period(400, seed=1), everyday_period(400, seed=2))

    assert report.verdict == "stable", [(f.name, f.psi, f.p_value) for f in report.features]
    assert report.summary.startswith("Stable:")
    assert all(f.psi < 0.1 for f in report.features)


def test_a_shifted_period_says_retrain_and_names_what_moved():
    report = compare(everyday_period(400, seed=1), launch_period(400, seed=3))
    by_name = {f.name: f for f in report.features}

    assert report.verdict == "retrain"
    for name in ("channel", "plan", "words", "top terms"):
        assert by_name[name].status == "retrain", name
        assert by_name[name].psi > PSI_RETRAIN and by_name[name].p_value < ALPHA
    assert by_name["plan"].note == "new: logistics"  # a category the reference never had, by name
    assert "pallets" in by_name["out-of-vocabulary words"].note
    assert report.summary.startswith("Retrain:") and "channel" in report.summary


def test_a_large_psi_on_a_handful_of_tickets_is_only_watch():
    """Six tickets a side: PSI is large by chance alone, and the chi-square test does not back it."""
    drift = categorical_drift("channel", ["email"] * 4 + ["chat"] * 2, ["email"] * 2 + ["chat"] * 4)

    assert drift.psi > PSI_RETRAIN and drift.p_value >= ALPHA
    assert drift.status == "watch"


def test_the_page_is_self_contained_with_a_chart_per_feature():
    report = compare(everyday_period(120, seed=1), launch_period(120, seed=3))

    page = drift_page(report, "last quarter", "this week")

    assert page.startswith("<!doctype html>")
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page), "nothing may be fetched from the network"
    assert "<link" not in page and "<script src" not in page and "<img" not in page
    assert page.count("<svg") == len(report.features) + 1  # one per feature and the PSI summary
    assert 'id="verdict" class="retrain"' in page and html.escape(report.summary) in page


def test_no_tickets_in_a_period_is_an_error():
    with pytest.raises(TriageError, match="both periods"):
        compare(everyday_period(5, seed=1), [])


def scored(tickets: list[Ticket], escalate: bool, model_probability: bool = True) -> list[Prediction]:
    """Predictions whose model probabilities spread evenly over [0, 1]; the policy's verdict is ``escalate``."""
    out = []
    for number, t in enumerate(tickets):
        head = (number % 50) / 50
        escalation = {"probability": escalation_probability(head, escalate), "escalate": escalate}
        if model_probability:
            escalation["model_probability"] = head
        out.append(
            Prediction.model_validate(
                {
                    "id": t.id,
                    "model": {"version": "1"},
                    "triggers": {},
                    "trigger_labels": [],
                    "escalation": escalation,
                    "frustration": {"score": 0.0, "level": 0},
                    "recommendation": {
                        "tier": 1, "tier_name": "x", "team": "frontline", "confidence": 0.9, "abstain": False
                    },
                }
            )
        )  # fmt: skip
    return out


def test_the_escalation_probability_that_drifts_is_the_models_not_the_one_with_the_verdict():
    tickets = everyday_period(200, seed=1)
    # Same model scores; only the rules changed (every ticket escalates now): the decision column moves, the
    # model's probability does not.
    report = compare(tickets, tickets, scored(tickets, escalate=False), scored(tickets, escalate=True))
    by_name = {feature.name: feature for feature in report.features}

    assert by_name["escalated by the policy"].status == "retrain"
    assert by_name["escalation probability"].psi == pytest.approx(0.0)


def test_predictions_without_the_models_probability_are_refused_in_one_line():
    tickets = everyday_period(20, seed=1)
    with pytest.raises(TriageError, match="20 predictions lack escalation.model_probability"):
        compare(tickets, tickets, scored(tickets, False), scored(tickets, False, model_probability=False))


def drift_command(*arguments) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "triage", "drift", *map(str, arguments)], capture_output=True, text=True, timeout=300
    )


def test_the_command_writes_the_page_and_the_json_and_prints_the_verdict(tmp_path, model_dir):
    reference = write_records(everyday_period(150, seed=1), tmp_path / "reference.jsonl")
    current = write_records(launch_period(150, seed=3), tmp_path / "current.jsonl")

    done = drift_command(
        "--reference", reference, "--current", current, "--out", tmp_path / "drift.html", "--json",
        tmp_path / "drift.json", "--model", model_dir,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    figures = json.loads((tmp_path / "drift.json").read_text())
    names = [feature["name"] for feature in figures["features"]]
    assert figures["verdict"] == "retrain" and figures["reference_tickets"] == 150
    assert {"predicted triggers", "escalation probability", "recommendation confidence"} <= set(names)
    assert done.stdout.strip().splitlines()[-1] == figures["summary"]
    assert (tmp_path / "drift.html").read_text().startswith("<!doctype html>")


@pytest.mark.parametrize("problem", ["empty", "missing", "suffix", "bad row"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, problem):
    reference = write_records(everyday_period(20, seed=1), tmp_path / "reference.jsonl")
    current = tmp_path / "current.jsonl"
    current.write_text("" if problem == "empty" else '{"id": "T-1", "subject": "hi", "body": "hello"}\n')
    out = tmp_path / ("drift.pdf" if problem == "suffix" else "drift.html")
    if problem == "missing":
        current = tmp_path / "nowhere.jsonl"
    if problem == "bad row":
        current.write_text('{"id": "T-1", "subject": "hi", "body": "hello", "channel": 5}\n')

    done = drift_command("--reference", reference, "--current", current, "--out", out)

    expected = {
        "empty": f"error: {current}: no tickets in the current period",
        "missing": f"error: {current}: no such file",
        "suffix": f"error: {out}: the report is written as .html",
        "bad row": f"error: {current}: line 1: field 'channel'",
    }[problem]
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.strip().startswith(expected), done.stderr
    assert not out.exists()
