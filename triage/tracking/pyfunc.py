"""The model MLflow logs and serves: a pyfunc over our own model directory, so MLflow computes exactly what
``triage predict`` computes.

The class lives at module level and is logged as code (``model_code.py``), so the logged model holds no
pickle; whoever loads it needs triage installed, which the model's own requirements do (they include triage's
wheel, shipped with the model). Loading goes through triage's hash and trusted-types checks (``load_triage``).
"""

from __future__ import annotations

import pandas as pd
from mlflow.pyfunc.model import PythonModel

from triage.pipeline import Triage, load_triage
from triage.schema import Ticket


class TriageModelPyfunc(PythonModel):
    """Input: a DataFrame with a ``ticket`` column of JSON tickets. Output: a ``prediction`` column of JSON
    predictions (the contract's shape)."""

    triage: Triage

    def load_context(self, context) -> None:
        self.triage = load_triage(context.artifacts["model_dir"])

    def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
        tickets = [Ticket.model_validate_json(text) for text in model_input["ticket"]]
        predictions = self.triage.predict(tickets)
        return pd.DataFrame({"prediction": [p.model_dump_json() for p in predictions]})
