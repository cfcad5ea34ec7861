"""MLflow tracking and registry: every training run is logged, the model is registered as ``triage``, and
the first registered version becomes the ``champion``.

The tracking store defaults to ``sqlite:///mlflow.db`` (MLflow 3 refuses the file store); set
``MLFLOW_TRACKING_URI`` to use another. The logged model is a pyfunc over our own model directory, so
MLflow serves exactly what ``triage predict`` computes; loading still goes through triage's hash and
trusted-types checks, never through MLflow's own pickles.
"""

from __future__ import annotations

import os
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

import pandas as pd

from triage.errors import TriageError

MODEL_NAME = "triage"
CHAMPION = "champion"
DEFAULT_TRACKING_URI = "sqlite:///mlflow.db"


def _mlflow():
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    import mlflow

    mlflow.set_tracking_uri(os.environ.get("MLFLOW_TRACKING_URI", DEFAULT_TRACKING_URI))
    return mlflow


def pyfunc_model():
    # Defined here so that importing triage never imports mlflow (slow, and not needed to predict).
    import mlflow.pyfunc

    class TriageModelPyfunc(mlflow.pyfunc.PythonModel):
        """Input: a DataFrame with a ``ticket`` column of JSON tickets. Output: a ``prediction`` column of
        JSON predictions (the contract's shape)."""

        def load_context(self, context):
            from triage.pipeline import load_triage

            self.model = load_triage(context.artifacts["model_dir"])

        def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
            from triage.schema import Ticket

            tickets = [Ticket.model_validate_json(text) for text in model_input["ticket"]]
            predictions = self.model.predict(tickets)
            return pd.DataFrame({"prediction": [p.model_dump_json() for p in predictions]})

    return TriageModelPyfunc()


def _requirements() -> list[str]:
    names = (
        "scikit-learn",
        "numpy",
        "scipy",
        "pandas",
        "skops",
        "spacy",
        "spacy-lookups-data",
        "pydantic",
        "pyyaml",
        "jinja2",
        "vaderSentiment",
        "mlflow",
    )
    return [f"{name}=={package_metadata.version(name)}" for name in names]


def log_training_run(
    model_dir: Path,
    params: dict[str, Any],
    metrics: dict[str, float],
    artefacts: list[Path],
    input_example: list[str],
    output_example: list[str],
) -> dict[str, str | None]:
    """Log one training run, register its model, and give the first version the champion alias.

    Returns the run id, the registered version and its alias (None unless it is the champion).
    """
    mlflow = _mlflow()
    from mlflow.models import infer_signature
    from mlflow.tracking import MlflowClient

    mlflow.set_experiment("triage")
    try:
        with mlflow.start_run(run_name="triage train") as run:
            mlflow.log_params(params)
            mlflow.log_metrics(metrics)
            for path in artefacts:
                mlflow.log_artifact(str(path), artifact_path="model_card")
            example = pd.DataFrame({"ticket": input_example})
            signature = infer_signature(example, pd.DataFrame({"prediction": output_example}))
            info = mlflow.pyfunc.log_model(
                name="model",
                python_model=pyfunc_model(),
                artifacts={"model_dir": str(model_dir)},
                pip_requirements=_requirements(),
                signature=signature,
                input_example=example,
                registered_model_name=MODEL_NAME,
            )
    except Exception as error:  # MLflow raises many types for an unreachable or locked store
        raise TriageError(f"MLflow logging failed ({type(error).__name__}: {str(error).splitlines()[0]})") from None
    client = MlflowClient()
    version = str(info.registered_model_version)
    alias = None
    # Later versions are challengers: promotion is the retraining loop's decision, not training's.
    if not _has_alias(client, CHAMPION):
        client.set_registered_model_alias(MODEL_NAME, CHAMPION, version)
        alias = CHAMPION
    return {
        "run_id": run.info.run_id,
        "version": version,
        "alias": alias,
        "tracking_uri": mlflow.get_tracking_uri(),
    }


def _has_alias(client, alias: str) -> bool:
    try:
        client.get_model_version_by_alias(MODEL_NAME, alias)
    except Exception:  # MlflowException when the alias is absent
        return False
    return True


def flat_metrics(metrics: dict[str, Any]) -> dict[str, float]:
    """The model card's headline numbers as MLflow metric names (head.metric)."""
    out = {}
    for head, report in metrics.items():
        for key in (
            "roc_auc",
            "pr_auc",
            "brier",
            "ece",
            "macro_f1",
            "f1_positive",
            "accuracy",
            "coverage_at_90_precision",
            "ece_top_label",
            "roc_auc_macro_ovr",
        ):
            value = report.get(key)
            if isinstance(value, (int, float)):
                out[f"{head}.{key}"] = float(value)
        oracle = report.get("oracle")
        if oracle and oracle.get("roc_auc") is not None:
            out[f"{head}.oracle_roc_auc"] = float(oracle["roc_auc"])
    return out
