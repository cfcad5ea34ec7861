"""``POST /v1/admin/reload``: load the deployment's model directory and policy file again and swap them in
without a restart, after ``triage train`` or a promotion wrote a new champion there."""

from fastapi import APIRouter
from pydantic import BaseModel

from service.deps import HolderDep, SettingsDep, loaded
from service.problems import problem_described
from triage.schema import ModelRef, PolicyRef

router = APIRouter(prefix="/admin", tags=["admin"])


class Serving(BaseModel):
    model: ModelRef
    policy: PolicyRef


class ModelReloadResponse(BaseModel):
    serving: Serving  # now
    previous: Serving


@router.post("/reload", operation_id="reload_model", responses={503: problem_described("No model loaded yet.")})
def reload_model(holder: HolderDep, settings: SettingsDep) -> ModelReloadResponse:
    """Load, verify and warm ``TRIAGE_MODEL_DIR`` under ``TRIAGE_POLICY_FILE`` (none: the model's own policy),
    then swap it in with one assignment: requests in flight finish on the model they started with. A
    directory or policy that does not load is a 422 with one line, and the model in force stays."""
    previous = loaded(holder)
    triage = holder.load(settings.model_dir, settings.policy_file)
    return ModelReloadResponse(
        serving=Serving(model=triage.model.model_ref, policy=triage.policy.ref),
        previous=Serving(model=previous.model.model_ref, policy=previous.policy.ref),
    )
