"""The escalation policy, separate from the models: configuration, thresholds, decisions."""

from triage.policy.calibration import Calibration, calibrate
from triage.policy.config import ConfigError, EscalationConfig, check_config, dump_config, load_config
from triage.policy.decision import Decision, decide
from triage.policy.policy import Policy, check_against_model, load_policy

__all__ = [
    "Calibration",
    "ConfigError",
    "Decision",
    "EscalationConfig",
    "Policy",
    "calibrate",
    "check_against_model",
    "check_config",
    "decide",
    "dump_config",
    "load_config",
    "load_policy",
]
