"""triage: ML-assisted support-ticket triage and escalation prediction."""

__version__ = "0.1.0"
