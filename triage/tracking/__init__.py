"""MLflow tracking and registry: every training run is logged, the model is registered as ``triage``, and
the first registered version becomes the ``champion``.

- ``registry``: the tracking store, ``log_training_run``, the champion alias, ``flat_metrics``.
- ``pyfunc``: the logged model, a module-level ``mlflow.pyfunc.PythonModel`` over a triage model directory.
- ``environment``: what the logged model needs to load anywhere: triage's own wheel and pinned requirements
  read from the installed distribution's metadata.

Importing this package imports no MLflow; ``triage.tracking.pyfunc`` does (it subclasses MLflow's model).
"""

from triage.tracking.environment import build_wheel, pip_requirements
from triage.tracking.registry import CHAMPION, MODEL_NAME, flat_metrics, log_training_run

__all__ = [
    "CHAMPION",
    "MODEL_NAME",
    "build_wheel",
    "flat_metrics",
    "log_training_run",
    "pip_requirements",
]
