"""Evaluation: one report for every caller, paired bootstrap comparisons, metrics and the model card."""

from triage.evaluation.compare import compare, paired_bootstrap
from triage.evaluation.evaluate import Evaluation, HeldOut, decision_report, evaluate

__all__ = ["Evaluation", "HeldOut", "compare", "decision_report", "evaluate", "paired_bootstrap"]
