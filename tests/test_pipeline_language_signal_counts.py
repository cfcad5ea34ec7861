"""A signal the language-neutral reading and the language's cue table both find (an error code by its shape, and the
same code quoted beside the language's failure word) is counted as the triggers count it: both hits, not one of them
(triage.pipeline.language_neutral_scores)."""

import triage.pipeline as pipeline
from triage.schema import Ticket
from triage.scores import HeadScores
from triage.text.trajectory import Trajectory


def _scores() -> HeadScores:
    return HeadScores(
        triggers={"technical": 0.9},
        escalation=0.9,
        frustration_score=0.0,
        frustration_level=0,
        frustration_cues=[],
        lexicon_frustration=0.0,
        team={"technical": 1.0},
        signals={},
        trajectory=Trajectory(customer_contacts=1, agent_replies=0, hours_open=0.0, failed_attempts=0),
    )


def test_a_signal_from_both_readings_counts_both_hits(monkeypatch):
    monkeypatch.setattr(pipeline, "language_neutral_signals", lambda signals, text: {"error_code": 1})
    monkeypatch.setattr(pipeline, "multilingual_signals", lambda text, language: {"error_code": 2, "outage": 1})
    ticket = Ticket(id="T-1", subject="Esportazione", body="L'esportazione fallisce: 'E-SFTP-13'.")
    scores = pipeline.language_neutral_scores(ticket, _scores(), "it")
    assert scores.signals == {"error_code": 3, "outage": 1}
    assert scores.team == {}
