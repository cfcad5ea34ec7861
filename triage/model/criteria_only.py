"""A model with no learned head, for a team with no labelled history yet (`triage init`).

Every head answers from what needs no training: triggers and escalation from the spaCy signals
(triage.model.scorer.fallback_trigger), frustration from the lexicon, the team from the routing section of
the configuration (the most probable trigger's team). The policy runs as configured, with its configured
thresholds. `triage predict` and `triage serve` load it like any trained model; `triage train` replaces it
once labels exist.
"""

from __future__ import annotations

from triage.io import to_frame
from triage.model.features import build_features
from triage.model.scorer import TriageModel
from triage.policy.calibration import Calibration
from triage.policy.config import EscalationConfig
from triage.schema import Ticket
from triage.text.language import DEFAULT_LANGUAGES, LANGUAGES_KEY

CRITERIA_ONLY_KEY = "criteria_only"  # metadata: True for a model written by `triage init`


def criteria_only_model(config: EscalationConfig) -> TriageModel:
    """A TriageModel with no heads under ``config``.

    The scorer still runs the feature pipeline (its first step finds the signals, cues and trajectory the
    rules read), so the pipeline is fitted, on one placeholder ticket: no head reads the learned part of its
    output, so nothing a customer wrote shapes an answer.
    """
    placeholder = Ticket(id="placeholder", subject="placeholder", body="no labelled history yet")
    features = build_features().fit(to_frame([placeholder]))
    # Nothing held out to tune on: the configured thresholds apply, and no response time is promised.
    calibration = Calibration(
        trigger_thresholds={}, team_thresholds={}, escalation_threshold=config.thresholds.escalation, response_hours={}
    )
    # The signals and the lexicon read English; other languages abstain as they do under a trained model.
    metadata = {LANGUAGES_KEY: list(DEFAULT_LANGUAGES), CRITERIA_ONLY_KEY: True}
    return TriageModel(features, {}, config, calibration, metadata, meta_columns=[], frustration_learned_share=0.0)
