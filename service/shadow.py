"""Shadow mode: the policy decides, nobody sees it, and the decision goes to the logs to be compared later.

Each prediction that is not visible (``Prediction.visible``, false in the policy's ``shadow`` mode) is one
structured log line with what was decided and by which model and policy, never the ticket's text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from triage.schema import Prediction

logger = logging.getLogger("service.shadow")


def log_shadow(predictions: Iterable[Prediction]) -> None:
    for prediction in predictions:
        if prediction.visible:
            continue
        recommendation = prediction.recommendation
        fields = {
            "event": "shadow_prediction",
            "ticket_id": prediction.id,
            "model": prediction.model.model_dump(),
            "policy": prediction.policy.model_dump() if prediction.policy else None,
            "escalate": prediction.escalation.escalate,
            "escalation_probability": prediction.escalation.probability,
            "trigger_labels": prediction.trigger_labels,
            "tier": recommendation.tier,
            "team": recommendation.team,
            "confidence": recommendation.confidence,
            "abstain": recommendation.abstain,
            "rules_fired": prediction.rules_fired,
            "frustration_level": prediction.frustration.level,
        }
        logger.info("shadow prediction", extra={"fields": fields})
