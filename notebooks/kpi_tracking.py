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
# # Escalation KPIs
#
# The five KPIs of the escalation process over a labelled ticket history, computed by
# `triage.reports.kpis` (definitions in `docs/kpis.md`). This notebook holds no KPI code of its own:
# it reads the history, calls the library and draws. Parameters come from the environment:
# `TRIAGE_HISTORY` (default: the demo history that `make run` writes).

# %%
import os
from pathlib import Path

import matplotlib.pyplot as plt

from triage.io import read_labelled
from triage.reports import kpis

HISTORY = Path(os.environ.get("TRIAGE_HISTORY", "../data/demo/history.jsonl"))
frame = kpis.history_frame(read_labelled(HISTORY))
print(f"{len(frame):,} tickets from {frame['created_at'].min():%Y-%m-%d} to {frame['created_at'].max():%Y-%m-%d}")

# %% [markdown]
# ## Average escalation resolution time
#
# Hours from creation to resolution of escalated tickets, per tier. Read the median for the typical case and
# the 80th percentile for the promise you can keep; tickets still open are counted apart, never as zero.

# %%
times = kpis.escalation_resolution_time(frame, by="tier")
axes = times.plot.bar(x="tier", y=["median_hours", "p80_hours"], title="Escalation resolution time per tier")
axes.set_ylabel("hours")
plt.show()
times

# %% [markdown]
# ## Customer satisfaction
#
# Mean CSAT and the share of 4-5 answers, escalated against not escalated. A gap that widens over time means
# escalations are handled worse, not only that they are harder.

# %%
satisfaction = kpis.csat(frame)
axes = satisfaction.plot.bar(x="scope", y="satisfied_share", legend=False, title="Share of CSAT 4-5")
axes.set_ylabel("share")
plt.show()
satisfaction

# %% [markdown]
# ## First-contact resolution
#
# The share of resolved tickets closed on the first contact. It rises when front-line support has what it
# needs; escalating too early shows here before it shows in the escalation frequency.

# %%
kpis.first_contact_resolution_rate(frame)

# %% [markdown]
# ## Escalation frequency per week
#
# The share of each week's tickets that escalated. Weeks without tickets are drawn as gaps in the line, not
# as zeros; a step change usually has a cause worth finding (a release, a policy change, a new customer).

# %%
weekly = kpis.escalation_frequency(frame, by="week")
axes = weekly.plot(x="week", y="escalation_share", legend=False, title="Escalation frequency per week")
axes.set_ylabel("share escalated")
plt.show()
kpis.escalation_frequency(frame, by="trigger")

# %% [markdown]
# ## Team performance per escalation level
#
# Volume, resolution time, CSAT and reopen rate per team at each level. Compare teams at the same level only:
# a tier-3 case is slower than a tier-2 case for reasons that are not the team's.

# %%
performance = kpis.team_performance(frame)
pivot = performance.pivot(index="team", columns="level", values="median_hours")
axes = pivot.plot.bar(title="Median resolution hours per team and level")
axes.set_ylabel("hours")
plt.show()
performance
