"""The predicted-risk page: ranked, self-contained, with its charts, on the session model."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from conftest import handwritten_tickets, unlabelled

from triage.datasets.demo import generate
from triage.pipeline import Triage
from triage.reports.risk import risk_report

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def page(model, probe_tickets) -> str:
    history = generate(300, seed=5)
    return risk_report(Triage.of(model), [*probe_tickets, *handwritten_tickets()], history, top=20, now=NOW)


def test_open_tickets_are_ranked_by_escalation_risk(page, model, probe_tickets):
    tickets = [*probe_tickets, *handwritten_tickets()]
    predictions = Triage.of(model).predict(tickets, explain=False)
    expected = [p.id for p in sorted(predictions, key=lambda p: -p.escalation.probability)][:20]

    ranked = re.search(r'<table class="sortable" id="ranked">(.*?)</table>', page, re.S).group(1)
    shown = re.findall(r"<td><b>([^<]+)</b>", ranked)

    assert shown == expected
    risks = [float(value) for value in re.findall(r'data-sort="([0-9.]+)">\d+%', ranked)]
    assert risks == sorted(risks, reverse=True) and len(risks) == 20
    assert f'<b id="open-tickets">{len(tickets)}</b>' in page
    assert "the 20 highest of 46" in page


def test_expected_escalations_sum_the_probabilities_with_the_verdict_and_the_diagram_plots_the_models(
    page, model, probe_tickets
):
    predictions = Triage.of(model).predict([*probe_tickets, *handwritten_tickets()], explain=False)
    per_tier: dict[str, list[tuple[float, float]]] = {}
    for p in predictions:
        per_tier.setdefault(str(p.recommendation.tier), []).append(
            (p.escalation.probability, p.escalation.model_probability)
        )
    tier_table = re.search(r"<caption>Totals per recommended tier</caption>(.*?)</table>", page, re.S).group(1)
    row = r'<tr><td>(\d)</td>(?:<td class="num">[^<]*</td>){2}<td class="num">([0-9.]+)</td>'
    shown = {tier: float(expected) for tier, expected in re.findall(row, tier_table)}

    assert shown == {tier: pytest.approx(sum(v for v, _ in rows), abs=0.051) for tier, rows in per_tier.items()}
    # The model's own figure would read otherwise here, so the test can tell the two apart.
    assert any(abs(sum(v for v, _ in rows) - sum(m for _, m in rows)) > 0.2 for rows in per_tier.values())
    assert "the diagram plots the model's, without the policy's verdict" in page


def test_the_page_is_self_contained_with_real_charts(page):
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page), "nothing may be fetched from the network"
    assert "<link" not in page and "<script src" not in page and "<img" not in page
    # Risk histogram, team intervals, three weekly trends and the reliability diagram, all inline SVG.
    assert page.count("<svg") == 6
    for title in (
        "Escalation risk of open tickets",
        "Expected escalations among open tickets, per team (95% interval)",
        "Escalation frequency per week",
        "Escalation resolution time per week",
        "Customer satisfaction per week",
        "Calibration on recent closed tickets",
    ):
        assert f"<!-- {title} -->" in page, title  # matplotlib marks each title drawn as paths
    sizes = re.findall(r'<svg[^>]*width="([0-9.]+)pt" height="([0-9.]+)pt"', page)
    assert len(sizes) == 6 and all(float(w) > 100 and float(h) > 100 for w, h in sizes)
    assert "hand-off draft" in page and "How far to trust these scores" in page


def test_no_open_tickets_is_an_empty_report_not_an_error(model):
    page = risk_report(Triage.of(model), [], None, now=NOW)

    assert '<b id="open-tickets">0</b>' in page
    assert "Pass a closed history" in page


def test_the_command_writes_the_page_and_refuses_another_suffix(model_dir, probe_tickets, tmp_path):
    from triage.io import write_records

    tickets = write_records(unlabelled(generate(30, seed=8)), tmp_path / "open.jsonl")
    out = tmp_path / "report.html"

    done = subprocess.run(
        [sys.executable, "-m", "triage", "report", "risk", "--model", model_dir, "--input", tickets, "--out", out],
        capture_output=True,
        text=True,
        timeout=300,
    )
    wrong = subprocess.run(
        [
            sys.executable,
            "-m",
            "triage",
            "report",
            "risk",
            "--model",
            model_dir,
            "--input",
            tickets,
            "--out",
            tmp_path / "report.pdf",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    assert out.read_text().startswith("<!doctype html>")
    assert (
        wrong.returncode == 2
        and wrong.stderr.strip() == f"error: {tmp_path / 'report.pdf'}: the report is written as .html"
    )


def test_shared_work_writes_the_same_page(model, probe_tickets, page, tmp_path, monkeypatch):
    """Forked helpers (triage.reports.sharing) change how long the page takes, never what it says. As the
    command does it: one helper forked first reads the history file and draws the charts; small tasks so that
    every step of the scoring is shared too."""
    from triage.io import write_records
    from triage.reports import risk
    from triage.reports.sections import closed_history
    from triage.reports.sharing import Sharing

    monkeypatch.setattr(risk, "SCORE_BLOCK", 7)
    monkeypatch.setattr(risk, "RANKED_BLOCK", 3)
    history_file = write_records(generate(300, seed=5), tmp_path / "closed.jsonl")
    tickets = [*probe_tickets, *handwritten_tickets()]

    with Sharing({"history": history_file}, processes=2) as early:
        closed = early.submit(closed_history).get()
        shared = risk_report(Triage.of(model), tickets, closed, top=20, now=NOW, processes=3, drawing=early)

    assert shared == page


def test_a_missing_history_is_refused_before_any_scoring(model_dir, tmp_path):
    from triage.io import write_records

    tickets = write_records(unlabelled(generate(3, seed=8)), tmp_path / "open.jsonl")
    missing = tmp_path / "closed.jsonl"
    command = [sys.executable, "-m", "triage", "report", "risk", "--model", model_dir, "--input", tickets]

    done = subprocess.run(
        [*command, "--history", missing, "--out", tmp_path / "r.html"], capture_output=True, text=True, timeout=300
    )

    assert done.returncode == 2 and done.stderr.strip() == f"error: {missing}: no such file"
    assert not (tmp_path / "r.html").exists()
