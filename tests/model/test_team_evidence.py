"""The team head is chosen and calibrated on honest evidence when a helpdesk has many small queues.

With many queues, the calibration rows (15% of the history) miss some of them. The text team head must still
be calibrated on those rows, by a model that never saw them, so that the second stage learns, is calibrated
and is judged on evidence like the one it will get on new tickets. Before, such a head fell back to
calibration over folds of the fit *and* calibration rows: its evidence on the calibration rows was in-sample,
and the learned second stage looked far better there than on new tickets (ITSM's 49 groups: macro-F1 0.841 on
the calibration rows, 0.411 on the test side).

The history here is invented: tickets of made-up words whose team is drawn at random, so no honest measure can
route them better than chance, while a model that saw a ticket can recall its team.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy import sparse
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax
from sklearn.linear_model import LogisticRegression
from test_team_routing import queues_config as four_queues_config

from triage.model.training import (
    TrainSettings,
    _calibrate_frozen,
    calibrated_over_folds,
    fit_head,
    text_head_evidence,
    train,
)
from triage.policy.config import EscalationConfig
from triage.schema import LabelledTicket

QUEUES = [f"queue_{i:02d}" for i in range(20)]
SYLLABLES = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze", "bo", "di"]


def random_label_tickets(per_queue: int, seed: int) -> list[LabelledTicket]:
    """Tickets of random made-up words, each with a team drawn at random: the words say nothing of the team."""
    rng = np.random.default_rng(seed)
    words = ["".join(rng.choice(SYLLABLES, size=3)) for _ in range(400)]
    teams = rng.permutation(np.repeat(QUEUES, per_queue))
    return [
        LabelledTicket(
            id=f"t-{i}",
            subject=" ".join(rng.choice(words, size=3)),
            body=" ".join(rng.choice(words, size=25)),
            escalated=True,
            team=str(team),
        )
        for i, team in enumerate(teams)
    ]


def queues_config() -> EscalationConfig:
    """test_team_routing's configuration (a first-tier team, no rules) with these queues at tier 2."""
    data = four_queues_config().model_dump(mode="json", by_alias=True, exclude_none=True)
    data["teams"] = [data["teams"][0]] + [{"name": name, "tier": 2} for name in QUEUES]
    data["routing"]["fallback_team"] = QUEUES[0]
    return EscalationConfig.model_validate(data)


@pytest.fixture(scope="module")
def random_queues():
    tickets = random_label_tickets(per_queue=16, seed=3)
    result = train(tickets, queues_config(), TrainSettings(skip_single_valued_heads=True))
    calibration_teams = {tickets[i].team for i in result.split["calibration"]}
    return result, calibration_teams


def test_calibration_rows_that_miss_queues_still_calibrate_the_text_head(random_queues):
    result, calibration_teams = random_queues
    assert len(calibration_teams) < len(QUEUES)  # the situation under test
    head = result.model.heads["team_text"]
    assert not calibrated_over_folds(head)  # one model, which never saw the calibration rows before calibration
    assert sorted(head.classes_) == QUEUES


def test_the_team_head_is_judged_on_honest_evidence(random_queues):
    result, _ = random_queues
    form = result.tuned_on["team head"]
    learned, text_only = (float(v) for v in re.search(r"([-\d.]+) learned, ([-\d.]+) text only", form).groups())
    # Random teams: chance macro-F1 is about 1/20 (the calibration rows are few, so a little above is noise).
    # In-sample evidence had the learned stage recall most of them.
    assert learned < 0.25, form  # 0.342 with in-sample evidence
    assert 0.0 <= text_only < 0.25, form


def test_temperature_is_fitted_on_the_queues_the_calibration_rows_hold():
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(5), 40)
    X = rng.normal(size=(len(y), 5))
    X[np.arange(len(y)), y] += 2.0
    model = LogisticRegression().fit(X, y)
    held = y != 4
    calibrated = _calibrate_frozen(model, X[held], y[held])
    assert calibrated is not None and list(calibrated.classes_) == [0, 1, 2, 3, 4]
    # The missing class's placeholder row does not count: the temperature that fits the held rows alone.
    decision, truth = model.decision_function(X[held]), y[held]

    def held_rows_loss(beta: float) -> float:
        return float(-log_softmax(beta * decision, axis=1)[np.arange(len(truth)), truth].sum())

    best = minimize_scalar(held_rows_loss, bounds=(0.01, 10.0), method="bounded").x
    assert calibrated.calibrated_classifiers_[0].calibrators[0].beta_ == pytest.approx(best, rel=1e-3)
    # A binary head still needs both classes among the calibration rows.
    binary = LogisticRegression().fit(X, y > 2)
    assert _calibrate_frozen(binary, X[y > 2], (y > 2)[y > 2]) is None


def test_a_head_calibrated_over_folds_gives_out_of_fold_evidence_on_the_calibration_rows():
    # The calibration rows hold a queue the fit rows lack, so the head is calibrated over folds of both and
    # learns from the calibration rows: its evidence there must come from models that did not see them.
    rng = np.random.default_rng(2)
    teams = rng.permutation(np.repeat(QUEUES, 12))
    X = sparse.random(len(teams), 3000, density=0.01, format="csr", random_state=2)  # every row its own words
    fit = np.flatnonzero(teams != QUEUES[0])[:170]
    cal = np.setdiff1d(np.arange(len(teams)), fit)
    settings = TrainSettings()
    head = fit_head(X[fit], teams[fit], X[cal], teams[cal], settings)
    assert calibrated_over_folds(head)  # the situation under test
    values = text_head_evidence("team_text", head, X, X, teams, fit, cal, settings)
    routed = np.asarray(values.classes)[values.argmax(axis=1)]
    # Random teams: about 1 in 20 routed right by any honest measure; in-sample, most of them.
    assert (routed[cal] == teams[cal]).mean() < 0.25
    assert (routed[fit] == teams[fit]).mean() < 0.25
