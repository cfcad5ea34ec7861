"""``GET /v1/model``: which model answers, under which policy, and how well it did on its test split (from
its ``metadata.json``, written by ``triage train``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from service.deps import CurrentTriage
from triage.schema import PolicyRef

router = APIRouter(tags=["model"])

# The few numbers a plugin shows for each head; the model card (model_card.md) has the rest.
HEADLINE = ("n", "f1_positive", "macro_f1", "accuracy", "roc_auc", "pr_auc", "coverage_at_90_precision")


class ModelInfo(BaseModel):
    name: str
    version: str
    alias: str | None
    policy: PolicyRef
    trained_at: str | None
    git_commit: str | None
    data_sha256: str | None
    labels: list[str]  # the model's heads: triggers, escalation, frustration, team
    teams: list[str]
    metrics: dict[str, dict[str, int | float]]


def headline(metrics: Any) -> dict[str, dict[str, int | float]]:
    if not isinstance(metrics, dict):
        return {}
    return {
        head: {key: values[key] for key in HEADLINE if isinstance(values.get(key), int | float)}
        for head, values in metrics.items()
        if isinstance(values, dict)
    }


@router.get("/model", operation_id="get_model")
def get_model(triage: CurrentTriage) -> ModelInfo:
    metadata = triage.model.metadata
    ref = triage.model.model_ref
    return ModelInfo(
        name=ref.name,
        version=ref.version,
        alias=ref.alias,
        policy=triage.policy.ref,
        trained_at=metadata.get("trained_at"),
        git_commit=metadata.get("git_commit"),
        data_sha256=metadata.get("data_sha256"),
        labels=list(metadata.get("heads", [])),
        teams=list(triage.model.team_names),
        metrics=headline(metadata.get("metrics")),
    )
