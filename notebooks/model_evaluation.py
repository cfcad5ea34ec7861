# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Model evaluation
#
# How the model does on labelled tickets it did not train on: every head per class and macro-averaged,
# calibration, the policy's decisions, results by plan and channel, and a comparison of two periods
# (drift). Everything is computed by `triage.evaluation` and `triage.reports.kpis`; the notebook only reads
# and draws. Parameters: `TRIAGE_MODEL_DIR` (default `../models/default`), `TRIAGE_HISTORY` (default the
# demo history) and `TRIAGE_EVALUATION_ROWS` (how many of the most recent tickets to score, default 3,000).

# %%
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from triage.evaluation import evaluate
from triage.io import read_labelled
from triage.pipeline import load_triage
from triage.reports import kpis

MODEL = Path(os.environ.get("TRIAGE_MODEL_DIR", "../models/default"))
HISTORY = Path(os.environ.get("TRIAGE_HISTORY", "../data/demo/history.jsonl"))
ROWS = int(os.environ.get("TRIAGE_EVALUATION_ROWS", "3000"))
triage = load_triage(MODEL)
tickets = read_labelled(HISTORY)[-ROWS:]
evaluation = evaluate(triage.model, tickets, triage.policy)
report = evaluation.report
print(f"model {report['model']['version']}, policy {report['policy']['ref']['name']}, {report['rows']:,} tickets")

# %% [markdown]
# ## Metrics per head
#
# Each head on the tickets labelled for it, beside the criteria-only baseline (what the product answers with
# no labelled history). Macro-F1 averages the classes without weighting them.

# %%
rows = []
for head, metrics in report["heads"].items():
    rows.append(
        {
            "head": head,
            "learned": metrics.get("learned"),
            "n": metrics.get("n"),
            "roc_auc": metrics.get("roc_auc") or metrics.get("roc_auc_macro_ovr"),
            "macro_f1": metrics.get("macro_f1"),
            "criteria_only_roc_auc": (metrics.get("criteria_only_baseline") or {}).get("roc_auc"),
        }
    )
pd.DataFrame(rows)

# %% [markdown]
# ## Calibration of the escalation model's probability
#
# Tickets binned by the model's own probability (`escalation.model_probability`; the prediction's
# `probability` is half the policy's verdict and would measure the rules too): a calibrated model's points
# sit on the diagonal, so "0.7" means seven in ten such tickets escalate.

# %%
predictions = triage.predict(tickets, explain=False)
frame = kpis.history_frame(tickets)
calibration = kpis.escalation_calibration(frame, predictions)
figure, axes = plt.subplots()
axes.plot([0, 1], [0, 1], linestyle="--", color="grey")
axes.plot(calibration["mean_predicted"], calibration["observed_rate"], marker="o")
axes.set(xlabel="the escalation model's probability", ylabel="observed share", title="Reliability diagram")
plt.show()

# %% [markdown]
# ## Team routing: confusion matrix
#
# Rows are the true team of escalated tickets, columns the team head's choice.

# %%
team = report["heads"].get("team")
if team:
    confusion = pd.DataFrame(team["confusion_matrix"], index=team["classes"], columns=team["classes"])
    display(confusion)  # noqa: F821 - the notebook's display

# %% [markdown]
# ## The policy's decisions, and results by plan and channel
#
# Escalate decisions against the outcome, then the escalation head's ROC-AUC for each plan and channel:
# a segment far below the rest needs its own labels.

# %%
print(report["policy"]["escalate"])
segments = []
for field in ("plan", "channel"):
    values = [getattr(t.customer, "plan", None) if field == "plan" else t.channel for t in tickets]
    for value in sorted({v for v in values if v}):
        part = [t for t, v in zip(tickets, values, strict=True) if v == value]
        heads = evaluate(triage.model, part).report["heads"]
        segments.append({"segment": f"{field}={value}", "n": len(part), "roc_auc": heads["escalation"]["roc_auc"]})
pd.DataFrame(segments)

# %% [markdown]
# ## Drift: the first half against the second
#
# The same model on the older and the newer half of the tickets, head by head. A head clearly worse on the
# newer half is drifting: the tickets changed, and retraining on recent history is due.

# %%
half = len(tickets) // 2
earlier, later = evaluate(triage.model, tickets[:half]), evaluate(triage.model, tickets[half : 2 * half])
drift = [
    {"head": head, "earlier": earlier.report["heads"][head].get("roc_auc"), "later": metrics.get("roc_auc")}
    for head, metrics in later.report["heads"].items()
    if head in earlier.report["heads"]
]
pd.DataFrame(drift)
