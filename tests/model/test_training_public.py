"""Training with supplementary real rows (partial labels): thresholds and the frustration share are chosen
on held-out real rows where a head has them, on the training file's rows otherwise; demo-only training keeps
the lexicon (share 0), and a missing shared data folder leaves the demo alone, said in the model card."""

import numpy as np
import pandas as pd
import pytest

from triage.datasets import handwritten
from triage.datasets.demo import generate
from triage.io import write_records
from triage.jobs import run_training
from triage.model.training import TrainSettings, TuningRows, train
from triage.policy.config import load_config
from triage.schema import LabelledTicket

# Invented real-looking rows: money complaints vs how-to questions, labelled for financial and legal only.
MONEY = "I was charged {n} dollars twice on my card this month and I want the second charge refunded."
HOW_TO = "How do I change the email address on my profile? I looked under settings {n} times already."


def _real_rows(count: int = 240) -> list[LabelledTicket]:
    rows = []
    for i in range(count):
        money = i % 3 == 0
        # The frustration label follows a word the lexicon does not know, so only a learned head can hear it.
        annoyed = i % 2 == 0
        body = (MONEY if money else HOW_TO).format(n=i % 17 + 2) + (" Wombat wombat." if annoyed else "")
        rows.append(
            LabelledTicket(
                id=f"real:{i}",
                subject="",
                body=body,
                triggers=["financial"] if money else [],
                labelled_triggers=["financial", "legal"],
                frustration=3 if annoyed else 0,
            )
        )
    return rows


@pytest.fixture(scope="module")
def demo() -> list[LabelledTicket]:
    return generate(400, seed=3)


def test_demo_alone_keeps_the_lexicon_and_tunes_on_its_own_rows(demo):
    result = train(demo, load_config(), TrainSettings(seed=0))

    assert result.model.frustration_learned_share == 0.0
    assert "synthetic" in result.tuned_on["financial threshold"]
    assert "no real rows" in result.tuned_on["frustration learned share"]


def test_real_rows_choose_the_thresholds_and_share_of_the_heads_they_label(demo):
    real = _real_rows()
    result = train(demo, load_config(), TrainSettings(seed=0), public=real)

    assert "real" in result.tuned_on["financial threshold"]
    assert "synthetic" in result.tuned_on["technical threshold"]  # the real rows say nothing of technical
    assert "real" in result.tuned_on["frustration learned share"]
    assert result.model.frustration_learned_share > 0  # the lexicon alone cannot hear "wombat"
    # Supplementary rows train and tune, but the test split (the model card's figures) is the file's own.
    assert result.split["test"].max() < len(demo)
    assert set(result.split["fit"]) | set(result.split["calibration"]) >= set(range(len(demo), len(demo) + len(real)))


def test_an_explicit_share_is_kept(demo):
    result = train(demo, load_config(), TrainSettings(seed=0, frustration_learned_share=0.4), public=_real_rows())

    assert result.model.frustration_learned_share == 0.4
    assert result.tuned_on["frustration learned share"] == "set by the caller"


def test_tuning_rows_prefer_real_rows_with_both_classes():
    labels = {
        "financial": pd.Series([1.0, 0.0, 1.0, 0.0, np.nan, 1.0]),
        "legal": pd.Series([1.0, 0.0, 1.0, 0.0, 0.0, 0.0]),
    }
    real = np.array([False, False, False, False, True, True])
    tuning = TuningRows(labels, cal=np.arange(6), real=real)

    financial, financial_real = tuning.rows("financial", "financial threshold")
    legal, legal_real = tuning.rows("legal", "legal threshold")

    # Financial: the one labelled real row has a single class, so every labelled row decides (mixed).
    assert (financial.tolist(), financial_real) == ([0, 1, 2, 3, 5], False)
    assert tuning.described["financial threshold"] == "5 held-out mixed rows"
    # Legal: real rows 4 and 5 are both negatives, again not enough to choose on; with a positive they are.
    assert (legal.tolist(), legal_real) == ([0, 1, 2, 3, 4, 5], False)
    labels["legal"].iloc[5] = 1.0
    legal, legal_real = tuning.rows("legal", "legal threshold")
    assert (legal.tolist(), legal_real) == ([4, 5], True)
    assert tuning.described["legal threshold"] == "2 held-out real rows"


def test_public_data_absent_trains_on_the_file_alone_and_says_so(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAGE_SHARED_DATA", str(tmp_path / "nowhere"))
    data = write_records(demo, tmp_path / "demo.jsonl")

    card = run_training(data, tmp_path / "model", track=False, public_data=True)

    # Our hand-written tickets live in the repository: they come without the shared folder.
    assert card["public_data"]["requested"] and list(card["public_data"]["used"]) == [handwritten.NAME]
    assert "nowhere" in card["public_data"]["absent"]["shared data"]
    markdown = (tmp_path / "model" / "model_card.md").read_text()
    assert "no public data: trained on the training file and our hand-written tickets" in markdown.lower()
