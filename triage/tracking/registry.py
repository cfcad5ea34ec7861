"""The tracking store and the registry: every training run is logged, the model is registered as ``triage``,
and the first registered version becomes the ``champion``. Promotion moves ``champion`` to another version
and keeps the one it replaces as ``previous``; rollback moves it back. Each promotion and rollback is written
on the versions as tags (``triage.promotion``: ``gate`` or ``forced``, the gate's verdict, when, which version
it replaced). ``deploy_version`` writes a version's model directory where the service reads it.

The tracking store defaults to ``sqlite:///mlflow.db`` (MLflow 3 refuses the file store); set
``MLFLOW_TRACKING_URI`` to use another. The logged model (``triage.tracking.pyfunc``) carries triage's wheel
and pinned requirements (``triage.tracking.environment``), so it loads in a fresh environment built from its
own ``requirements.txt``.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import yaml

from triage.errors import TriageError
from triage.settings import Settings
from triage.tracking.environment import build_wheel, pip_requirements

MODEL_NAME = "triage"
CHAMPION = "champion"
PREVIOUS = "previous"
# The file MLflow stores as the model and runs to load it (models from code: no pickled Python object).
MODEL_CODE = Path(__file__).with_name("model_code.py")


def _mlflow(settings: Settings | None = None):
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    # A download's progress bars would bury the command's own lines on stderr.
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
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


def _logging_failed(error: Exception, doing: str = "logging") -> TriageError:
    first_line = str(error).splitlines()[0] if str(error) else ""
    return TriageError(f"MLflow {doing} failed ({type(error).__name__}: {first_line})")


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


# --- versions, promotion, rollback ----------------------------------------------------------------------------


def _client():
    _mlflow()
    from mlflow.tracking import MlflowClient

    return MlflowClient()


F = TypeVar("F", bound=Callable[..., Any])


def _store_errors(function: F) -> F:
    """MLflow's own exceptions (an unreachable or locked store, a missing version) as one-line TriageErrors."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except TriageError:
            raise
        except Exception as error:  # MLflow raises many types
            raise _logging_failed(error, "registry access") from None

    return wrapper  # type: ignore[return-value]


@_store_errors
def alias_version(alias: str) -> str | None:
    """The version ``alias`` points at, or None when it points nowhere (or nothing is registered)."""
    client = _client()
    if not _has_alias(client, alias):
        return None
    return str(client.get_model_version_by_alias(MODEL_NAME, alias).version)


@_store_errors
def latest_version() -> str | None:
    return max((str(v) for v in _versions(_client())), key=int, default=None)


def _versions(client) -> list[str]:
    return [str(v.version) for v in client.search_model_versions(f"name='{MODEL_NAME}'")]


def version_model_dir(version: str, destination: Path) -> Path:
    """Download registered ``version`` under ``destination`` and return its triage model directory (the
    ``model_dir`` artefact the logged pyfunc loads)."""
    mlflow = _mlflow()
    client = _client()
    if version not in _versions(client):
        raise TriageError(f"no version {version} of {MODEL_NAME} in {mlflow.get_tracking_uri()}")
    try:
        local = Path(
            mlflow.artifacts.download_artifacts(
                artifact_uri=f"models:/{MODEL_NAME}/{version}", dst_path=str(destination)
            )
        )
        flavour = yaml.safe_load((local / "MLmodel").read_text())["flavors"]["python_function"]
        return local / flavour["artifacts"]["model_dir"]["path"]
    except (KeyError, TypeError, OSError) as error:
        raise TriageError(f"version {version} of {MODEL_NAME} holds no triage model directory ({error})") from None
    except Exception as error:  # MLflow raises many types for an unreachable store or missing artefacts
        raise _logging_failed(error, "download") from None


@_store_errors
def promote(version: str, *, forced: bool, verdict: str, holdout_sha256: str | None) -> dict[str, str | None]:
    """Point ``champion`` at ``version`` and ``previous`` at the version it replaces, recording on the new
    champion how it got there: through the gate or forced past it, and the gate's verdict."""
    client = _client()
    if version not in _versions(client):
        raise TriageError(f"no version {version} of {MODEL_NAME} in {_mlflow().get_tracking_uri()}")
    current = alias_version(CHAMPION)
    if current == version:
        raise TriageError(f"version {version} is already the champion")
    tags = {
        "triage.promotion": "forced" if forced else "gate",
        "triage.gate": verdict[:5000],  # MLflow caps tag values
        "triage.promoted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "triage.replaced_version": current or "",
        "triage.gate_holdout_sha256": holdout_sha256 or "",
    }
    for key, value in tags.items():
        client.set_model_version_tag(MODEL_NAME, version, key, value)
    if current is not None:
        client.set_registered_model_alias(MODEL_NAME, PREVIOUS, current)
    client.set_registered_model_alias(MODEL_NAME, CHAMPION, version)
    return {"champion": version, "previous": current}


@_store_errors
def rollback() -> dict[str, str]:
    """Point ``champion`` back at ``previous`` and drop ``previous`` (a second rollback has nothing to go back
    to, rather than flipping back to the version just rolled back). The demoted version is tagged."""
    client = _client()
    previous, current = alias_version(PREVIOUS), alias_version(CHAMPION)
    if previous is None:
        raise TriageError(f"no previous champion of {MODEL_NAME} to roll back to (no '{PREVIOUS}' alias)")
    client.set_registered_model_alias(MODEL_NAME, CHAMPION, previous)
    client.delete_registered_model_alias(MODEL_NAME, PREVIOUS)
    if current is not None:
        client.set_model_version_tag(
            MODEL_NAME, current, "triage.rolled_back_at", datetime.now(UTC).isoformat(timespec="seconds")
        )
    client.set_model_version_tag(MODEL_NAME, previous, "triage.restored_from", current or "")
    return {"champion": previous, "demoted": current or ""}


@_store_errors
def version_tags(version: str) -> dict[str, str]:
    return dict(_client().get_model_version(MODEL_NAME, version).tags)


def deploy_version(model_dir: Path, deploy: Path, version: str) -> Path:
    """Write ``model_dir`` (a downloaded version) to ``deploy`` as the champion: copied beside it, stamped,
    verified to load, then renamed into place, so the service's ``/v1/admin/reload`` never reads a
    half-written directory. A directory already at ``deploy`` is replaced (it must be a model directory)."""
    from triage.model.persistence import METADATA, load_model, read_metadata, write_metadata

    deploy = Path(deploy)
    if deploy.exists() and not (deploy / METADATA).is_file():
        raise TriageError(f"{deploy}: exists and is not a model directory; refusing to replace it")
    deploy.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{deploy.name}.v{version}-", dir=deploy.parent))
    try:
        fresh = staging / "model"
        shutil.copytree(model_dir, fresh)
        # The logged copy names the alias it had when trained; the deployed one is the champion.
        write_metadata(fresh, {**read_metadata(fresh), "version": version, "alias": CHAMPION})
        load_model(fresh)  # the same checks the service makes, before anything is replaced
        if deploy.exists():
            deploy.rename(staging / "replaced")
        try:
            fresh.rename(deploy)
        except OSError:
            if (staging / "replaced").exists():
                (staging / "replaced").rename(deploy)  # put the old champion back
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return deploy
