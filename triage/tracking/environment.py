"""What a logged model needs to load in an environment that has never seen triage: triage itself, as a wheel
built from the running source, and its runtime requirements, read from the installed distribution's metadata
and pinned to the versions installed here (the model refuses other versions of the libraries whose fitted
objects it stores, so "compatible" ranges are not enough).

The wheel travels in the model's ``code/`` folder and ``requirements.txt`` names it by that relative path:
MLflow installs a model's requirements from inside the model directory (``mlflow models serve``,
``env_manager="virtualenv"``), and so must anyone running ``pip install -r requirements.txt`` by hand. A
wheel rather than the bare package directory because triage reads its own distribution metadata when loading
a model (``library_versions``); a copied folder on ``sys.path`` has none.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from importlib import metadata as package_metadata
from pathlib import Path

from triage.errors import TriageError

DISTRIBUTION = "triage"
# Where MLflow copies ``code_paths`` inside a model directory.
MODEL_CODE_DIR = "code"
# The source files a wheel build reads besides the packages (setuptools' own inputs).
BUILD_INPUTS = ("pyproject.toml", "setup.cfg", "setup.py", "MANIFEST.in", "README.md", "LICENSE")


def pip_requirements(wheel: Path | None = None) -> list[str]:
    """triage's runtime dependencies (no extras) pinned to the installed versions, plus mlflow and, when
    given, the wheel by its path inside the logged model."""
    from packaging.requirements import Requirement

    pins: dict[str, str] = {}
    for line in package_metadata.requires(DISTRIBUTION) or []:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # an extra (test, dev) or another platform's dependency
        extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
        pins[requirement.name.lower()] = f"{requirement.name}{extras}=={package_metadata.version(requirement.name)}"
    pins.setdefault("mlflow", f"mlflow=={package_metadata.version('mlflow')}")
    requirements = list(pins.values())
    if wheel is not None:
        requirements.append(f"{MODEL_CODE_DIR}/{wheel.name}")
    return requirements


def source_root() -> Path:
    """The source tree triage is running from (an editable install or a checkout)."""
    root = Path(__file__).resolve().parents[2]
    if not (root / "pyproject.toml").is_file():
        raise TriageError(
            f"{root}: no pyproject.toml; triage must run from its source tree (an editable install) to build "
            "the wheel that ships with the MLflow model"
        )
    return root


def build_wheel(out_dir: Path) -> Path:
    """Build triage's wheel from the running source into ``out_dir`` (``pip wheel --no-deps``).

    The build runs on a copy of the build inputs and packages, so it leaves no ``build/`` or ``*.egg-info``
    behind in the source tree and concurrent builds do not collide. About 4 s, most of it pip preparing an
    isolated build environment (setuptools from the index or pip's cache).
    """
    root = source_root()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="triage-wheel-") as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        for name in BUILD_INPUTS:
            if (root / name).is_file():
                shutil.copy2(root / name, source / name)
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for package in sorted(p for p in root.iterdir() if (p / "__init__.py").is_file()):
            shutil.copytree(package, source / package.name, ignore=ignore)
        command = [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(out_dir),
            str(source),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = " | ".join((result.stderr or result.stdout).strip().splitlines()[-3:])
        raise TriageError(f"building triage's wheel for the MLflow model failed (pip exit {result.returncode}): {tail}")
    wheels = sorted(out_dir.glob(f"{DISTRIBUTION}-*.whl"))
    if len(wheels) != 1:
        raise TriageError(f"{out_dir}: expected one triage wheel after the build, found {len(wheels)}")
    return wheels[0]
