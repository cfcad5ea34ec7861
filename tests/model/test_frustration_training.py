"""Which frustration labels the learned head trains on: the demo history's levels stay beside the real rows'
(the default model's GoEmotions rows), since a head learned from Reddit comments alone ranks tickets worse."""

from __future__ import annotations

import pytest

from triage.datasets.demo import generate
from triage.model.training import TrainSettings, train
from triage.policy.config import load_config
from triage.schema import LabelledTicket


def _real_rows(count: int = 120) -> list[LabelledTicket]:
    """Invented real-looking rows labelled for frustration only, at two levels: calm (0) and angry (3)."""
    calm = "How do I change the email address on my profile? Asking for the {n}th seat."
    angry = "This is the {n}th time I write about the same outage and nobody answers. Unacceptable."
    return [
        LabelledTicket(
            id=f"real:{i}",
            subject="",
            body=(angry if i % 2 else calm).format(n=i % 17 + 4),
            frustration=3 if i % 2 else 0,
        )
        for i in range(count)
    ]


@pytest.fixture(scope="module")
def demo() -> list[LabelledTicket]:
    return generate(400, seed=3)


def test_the_frustration_head_learns_the_demo_levels_beside_the_real_rows(demo):
    assert {ticket.frustration for ticket in demo} == {0, 1, 2, 3}
    result = train(demo, load_config(), TrainSettings(seed=0), public=_real_rows())

    # The real rows say only 0 and 3: levels 1 and 2 come from the demo rows, kept beside them.
    assert result.model.heads["frustration"].classes_.tolist() == [0, 1, 2, 3]
    assert "real" in result.tuned_on["frustration learned share"]  # the share is still chosen on real rows
