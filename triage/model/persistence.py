"""Safe, versioned model artefacts.

A model directory holds:
- ``model.skops``: the fitted feature pipeline and heads, stored with skops (no pickle);
- ``escalation.yaml``: the escalation configuration the model was trained with;
- ``calibration.json``: thresholds and response times learned from held-out data;
- ``metadata.json``: format version, library versions, the feature contract, labels, data hash, metrics,
  git commit, and the SHA-256 of each of the three files above.

Loading verifies the hash (a tampered file is refused), the format and library versions, the feature
contract (the named columns this code computes: a model trained before a signal or cue was added would
fail on its first ticket), and lets skops build only the types listed in ``trusted_types.json``, a list
kept in our code, never in the artefact.
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata as package_metadata
from importlib import resources
from pathlib import Path
from typing import Any

import skops.io as sio

from triage.errors import TriageError
from triage.model.features import COLUMNS
from triage.model.scorer import TriageModel
from triage.model.stacking import set_weight_layout
from triage.policy.calibration import Calibration
from triage.policy.config import dump_config, load_config
from triage.text.frustration import FEATURES as FRUSTRATION_FEATURES
from triage.text.signals import SIGNALS

FORMAT_VERSION = 2  # 2: modules moved into subpackages (triage.model, triage.text, ...)
ARTEFACT = "model.skops"
METADATA = "metadata.json"
# Every file the model is made of is hashed into metadata.json and verified before loading.
HASHED_FILES = (ARTEFACT, "escalation.yaml", "calibration.json")
# Libraries whose version must match between training and loading: their fitted objects' internals change.
PINNED_LIBRARIES = ("scikit-learn", "numpy", "scipy", "skops")


class ModelLoadError(TriageError):
    """A model directory that cannot be trusted or read."""


def trusted_types() -> list[str]:
    return json.loads(resources.files("triage.model").joinpath("trusted_types.json").read_text())


def library_versions() -> dict[str, str]:
    versions = {
        name: package_metadata.version(name) for name in (*PINNED_LIBRARIES, "triage", "spacy", "spacy-lookups-data")
    }
    versions["python"] = platform.python_version()
    return versions


def git_commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            cwd=Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


def feature_contract() -> dict[str, list[str]]:
    """The named inputs and columns the feature pipeline computes in this version of the code."""
    return {"columns": list(COLUMNS), "signals": list(SIGNALS), "frustration_cues": list(FRUSTRATION_FEATURES)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(model: TriageModel, directory: str | Path, extra_metadata: dict[str, Any] | None = None) -> Path:
    if model.calibration is None:
        raise TriageError("cannot save a model whose policy has not been calibrated")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    artefact = directory / ARTEFACT
    parts = {
        "features": model.features,
        "heads": model.heads,
        "meta_columns": model.meta_columns,
        "frustration_learned_share": model.frustration_learned_share,
    }
    set_weight_layout(model.heads, dense=False)
    try:
        sio.dump(parts, artefact)
    finally:
        set_weight_layout(model.heads, dense=True)
    (directory / "escalation.yaml").write_text(dump_config(model.config))
    (directory / "calibration.json").write_text(json.dumps(model.calibration.to_dict(), indent=2))
    model.metadata.update(extra_metadata or {})
    model.metadata.update(
        {
            "format_version": FORMAT_VERSION,
            "libraries": library_versions(),
            "feature_contract": feature_contract(),
            "git_commit": git_commit(),
            "sha256": {name: sha256(directory / name) for name in HASHED_FILES},
            "heads": sorted(model.heads),
            "fallback_heads": list(model.fallback_heads),
            "teams": model.team_names,
        }
    )
    write_metadata(directory, model.metadata)
    return directory


def write_metadata(directory: Path, metadata: dict[str, Any]) -> None:
    (Path(directory) / METADATA).write_text(json.dumps(metadata, indent=2, default=str))


def read_metadata(directory: str | Path) -> dict[str, Any]:
    path = Path(directory) / METADATA
    if not path.is_file():
        raise ModelLoadError(f"{directory}: not a triage model directory (no {METADATA}); run `triage train` first")
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as error:
        raise ModelLoadError(f"{path}: not valid JSON ({error.msg})") from None


def load_model(directory: str | Path) -> TriageModel:
    directory = Path(directory)
    metadata = read_metadata(directory)
    if metadata.get("format_version") != FORMAT_VERSION:
        found = metadata.get("format_version")
        # Format 1 stored its estimators under import paths that moved (triage.features -> triage.model.features).
        raise ModelLoadError(
            f"{directory}: model format {found} is not supported (this triage reads format {FORMAT_VERSION}); "
            f"rebuild it: triage train --data YOUR_HISTORY --out {directory} (make model for the demo model)"
        )
    current = library_versions()
    for name in PINNED_LIBRARIES:
        trained = metadata.get("libraries", {}).get(name)
        if trained != current[name]:
            raise ModelLoadError(
                f"{directory}: trained with {name} {trained}, this environment has {current[name]}; "
                "retrain the model or install the matching version"
            )
    if "feature_contract" not in metadata:
        raise ModelLoadError(f"{directory}: saved by an older triage without a feature contract; retrain the model")
    for part, names in feature_contract().items():
        if metadata["feature_contract"].get(part) != names:
            raise ModelLoadError(
                f"{directory}: trained with other {part.replace('_', ' ')} than this version of triage computes; "
                "retrain the model"
            )
    recorded = metadata.get("sha256", {})
    for name in HASHED_FILES:
        path = directory / name
        if not path.is_file():
            raise ModelLoadError(f"{directory}: {name} is missing")
        if sha256(path) != recorded.get(name):
            raise ModelLoadError(
                f"{path}: SHA-256 does not match metadata.json; the file was modified, refusing to load"
            )
    artefact = directory / ARTEFACT
    untrusted = set(sio.get_untrusted_types(file=artefact)) - set(trusted_types())
    if untrusted:
        raise ModelLoadError(f"{artefact}: contains types outside the trusted list: {', '.join(sorted(untrusted))}")
    parts = sio.load(artefact, trusted=trusted_types())
    config = load_config(directory / "escalation.yaml")
    calibration = Calibration.from_dict(json.loads((directory / "calibration.json").read_text()))
    return TriageModel(
        parts["features"],
        parts["heads"],
        config,
        calibration,
        metadata,
        meta_columns=parts["meta_columns"],
        frustration_learned_share=parts["frustration_learned_share"],
    )
