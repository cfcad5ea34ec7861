"""``/v1/policy``: the escalation policy in force, and its reload from the deployment's file without a
restart or retraining (``docs/escalation-config.md``)."""

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from service.deps import CurrentTriage, HolderDep, SettingsDep, current_triage
from triage.policy import EscalationConfig, load_policy
from triage.schema import PolicyRef

router = APIRouter(prefix="/policy", tags=["policy"])


class PolicyResponse(BaseModel):
    policy: PolicyRef
    config: EscalationConfig  # the keys as written in the file; unset optional keys left out


class ReloadResponse(BaseModel):
    policy: PolicyRef  # now in force
    previous: PolicyRef


@router.get("", operation_id="get_policy", response_model_exclude_none=True)
def get_policy(triage: CurrentTriage) -> PolicyResponse:
    return PolicyResponse(policy=triage.policy.ref, config=triage.policy.config)


@router.post("/reload", operation_id="reload_policy", dependencies=[Depends(current_triage)])
def reload_policy(holder: HolderDep, settings: SettingsDep) -> ReloadResponse:
    """Re-read the policy file (none set: the configuration the model was trained with), check it against the
    model and swap it in. A file that does not load, or names teams the model cannot route to, is a 422 with
    one line, and the policy in force stays."""
    policy = None if settings.policy_file is None else load_policy(settings.policy_file)
    previous, current = holder.use_policy(policy)
    return ReloadResponse(policy=current.policy.ref, previous=previous.policy.ref)
