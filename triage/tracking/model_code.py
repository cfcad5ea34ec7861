"""The logged model's code (MLflow "models from code"): MLflow copies this file into the model and runs it at
load time to get the model, so the logged model holds no pickle. Not meant to be imported.

What it runs needs triage installed; the model's ``requirements.txt`` installs triage's wheel shipped with it.
"""

from mlflow.models import set_model

from triage.tracking.pyfunc import TriageModelPyfunc

set_model(TriageModelPyfunc())
