"""The tracking store and the registry: every training run is logged, the model is registered as ``triage``,
and the first registered version becomes the ``champion``.

The tracking store defaults to ``sqlite:///mlflow.db`` (MLflow 3 refuses the file store); set
``MLFLOW_TRACKING_URI`` to use another. The logged model (``triage.tracking.pyfunc``) carries triage's wheel
and pinned requirements (``triage.tracking.environment``), so it loads in a fresh environment built from its
own ``requirements.txt``.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from triage.errors import TriageError
from triage.settings import Settings
from triage.tracking.environment import build_wheel, pip_requirements

MODEL_NAME = "triage"
CHAMPION = "champion"
# The file MLflow stores as the model and runs to load it (models from code: no pickled Python object).
MODEL_CODE = Path(__file__).with_name("model_code.py")


def _mlflow(settings: Settings | None = None):
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    import mlflow

    # Read now, not at import: the store is the one in force when the run is logged.
    mlflow.set_tracking_uri((settings or Settings()).mlflow_tracking_uri)
    return mlflow


def log_training_run(
    model_dir: Path,
    params: dict[str, Any],
    metrics: dict[str, float],
    artefacts: list[Path],
    input_example: list[str],
    output_example: list[str],
    stamp: Callable[[str, str | None], None] | None = None,
) -> dict[str, str | None]:
    """Log one training run, register its model, and give the first version the champion alias.

    ``stamp(version, alias)`` is called before the model directory is logged, with the version and alias it
    is about to be registered under, so that the logged copy names itself as the registry does (a version
    number is only known once registered, and the logged files cannot change afterwards). Returns the run
    id, the registered version and its alias (None unless it is the champion).
    """
    mlflow = _mlflow()
    from mlflow.models import infer_signature
    from mlflow.tracking import MlflowClient

    try:
        mlflow.set_experiment("triage")
        client = MlflowClient()
        expected_version = _next_version(client)
        # Later versions are challengers: promotion is the retraining loop's decision, not training's.
        alias = None if _has_alias(client, CHAMPION) else CHAMPION
    except Exception as error:  # MLflow raises many types for an unreachable or locked store
        raise _logging_failed(error) from None
    if stamp is not None:
        stamp(expected_version, alias)
    with tempfile.TemporaryDirectory(prefix="triage-wheel-") as wheel_dir:
        wheel = build_wheel(Path(wheel_dir))  # before the run: a failed build leaves no half-logged run
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
                    python_model=str(MODEL_CODE),  # runs triage.tracking.pyfunc.TriageModelPyfunc
                    artifacts={"model_dir": str(model_dir)},
                    code_paths=[str(wheel)],  # copied to the model's code/, where requirements.txt names it
                    pip_requirements=pip_requirements(wheel),  # explicit: MLflow's own inference costs 5-10 s
                    signature=signature,
                    input_example=example,
                    registered_model_name=MODEL_NAME,
                )
        except Exception as error:  # MLflow raises many types for an unreachable or locked store
            raise _logging_failed(error) from None
    version = str(info.registered_model_version)
    if version != expected_version:
        # The registry numbered it otherwise (a concurrent registration, or deleted versions it still
        # counts): the local directory is re-stamped; the logged copy keeps the number it was given.
        if stamp is not None:
            stamp(version, alias)
        warnings.warn(
            f"MLflow registered version {version}; the logged copy of the model names itself {expected_version}",
            stacklevel=2,
        )
    if alias is not None:
        client.set_registered_model_alias(MODEL_NAME, alias, version)
    return {
        "run_id": run.info.run_id,
        "version": version,
        "alias": alias,
        "tracking_uri": mlflow.get_tracking_uri(),
    }


def _logging_failed(error: Exception) -> TriageError:
    first_line = str(error).splitlines()[0] if str(error) else ""
    return TriageError(f"MLflow logging failed ({type(error).__name__}: {first_line})")


def _next_version(client) -> str:
    """The version the next registration of MODEL_NAME gets (the registry numbers them 1, 2, ...; a
    search without results means none is registered yet)."""
    versions = client.search_model_versions(f"name='{MODEL_NAME}'")
    return str(max((int(v.version) for v in versions), default=0) + 1)


def _has_alias(client, alias: str) -> bool:
    from mlflow.exceptions import MlflowException

    try:
        client.get_model_version_by_alias(MODEL_NAME, alias)
    except MlflowException as error:
        if error.error_code in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE"):
            return False  # no such model, or no such alias
        raise
    return True


def flat_metrics(metrics: dict[str, Any]) -> dict[str, float]:
    """The model card's headline numbers as MLflow metric names (head.metric)."""
    out = {}
    for head, report in metrics.items():
        if not report.get("learned", True):
            continue  # a criteria-only scorer's figures are not the model's
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
