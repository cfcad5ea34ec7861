"""The embedded demo history: synthetic, labelled support tickets drawn from a documented latent model.

A newcomer's first model trains on this data and the KPI notebooks show it, so it is built to behave like a
real helpdesk export rather than a handful of templates. Everything is drawn from one ``random.Random(seed)``
(no global state, no ``hash()``, no clock), so the same seed gives the same bytes.

The world
---------
A fictional vendor with eight product lines (SaaS, e-commerce, telecom, fintech, healthcare software,
logistics, hosting, and managed IT services for companies' own staff: mail, VPN, file servers, backups).
Customers are people at accounts; accounts repeat across tickets (heavy-tailed ticket volume per account,
larger plans write more). Plans by account: free 30%, basic 30%, pro 27%, enterprise
13%. ``annual_contract_value`` (USD) is 0 on free and lognormal otherwise, medians basic 600, pro 6,000,
enterprise 90,000 (sigma 0.6 / 0.8 / 1.0). ``strategic`` is rare (about 3% of accounts) and mostly large
enterprise accounts. Like a real helpdesk, the ticket does not always know the account: 15% of accounts
have no contract value on record (the CRM is not synced) and 10% nothing at all (unknown senders: no plan,
no value, not strategic); the latent model uses the true values. ``created_at`` spans 2025-12-01 ..
2026-11-30 with a mild upward trend, holiday dips, weekends at about a third of a weekday, and a
business-hours peak (UTC).

Latent model (per ticket)
-------------------------
1. Triggers, multi-label, each with a severity 1-3 (0 absent); base rates technical 0.35, financial 0.25,
   legal 0.08, times a product-line factor (legal x1.9 in healthcare, financial x1.3 in e-commerce, ...).
   Technical: 1 minor bug or slowness, 2 outage / integration or API errors, 3 data loss, corruption or a
   security flaw. Financial: 1 billing dispute, 2 material refund or chargeback, 3 cancellation or
   non-renewal threat (likelier on high-value accounts). Legal: 1 privacy request, 2 breach, regulator,
   SLA-penalty, accessibility, fraud or copyright claim, 3 lawyers, lawsuit or class action.
2. Prior contacts k (customer turns already in ``history``; exponential, longer for triggered tickets) and
   failed troubleshooting attempts (agent steps in the history that the next customer turn, or the current
   message, says did not work; only on technical or financial tickets, at most k).
3. Frustration 0-3 = temperament (standard normal) + 0.55 k + 0.6 failed + 0.15 max severity, cut at
   0.3 / 1.1 / 1.85. Tone is mostly temperament, so calm customers have high stakes and furious customers
   trivial problems.
4. Escalation: ``p = sigmoid(score)``, where ``score`` is ``ESCALATION_INTERCEPT`` plus
   ``SEVERITY_WEIGHT[trigger][severity]`` summed over triggers plus ``ESCALATION_WEIGHTS`` times
   ln(1 + ACV/1000), strategic, k, failed attempts and frustration, plus, for a cancellation threat,
   ``THREAT_WEIGHT_PER_LOG_ACV`` x ln(1 + ACV/1000) (the constants in ``latent.py``). The weights follow our labelling
   guide: an outage, data loss, a dispute, a privacy request or a legal threat goes up on any account
   (p ~0.7-0.95 on first contact), a minor fault or a threat from a small account mostly does not.
   ``true_escalation_probability`` is p; the latent outcome is Bernoulli(p).
5. Tier for escalated tickets: 4 executive (strategic account with a serious legal, financial or data issue,
   a >= $250k account with a serious issue or repeated failures, or a lawsuit on a >= $100k account),
   3 management (legal severity >= 2, technical severity 3, refund or threat on a >= $50k account, two
   failed attempts over three contacts), else 2; the lead disagrees by one tier about 12% of the time.
   ``escalation_level_reached`` = tier.
6. Team: ``frontline`` exactly for tier 1; otherwise the best-scoring of technical / billing /
   account_management (threats, high-value accounts, escalations without a trigger) / legal_compliance,
   with Gaussian jitter.
7. Resolution hours are lognormal around ``TIER_MEDIAN_HOURS`` times a team factor (``TEAM_HOURS_FACTOR``),
   sigma 1.1 for tier 1 and 0.9 otherwise.
8. ``first_contact_resolution``: only first-contact, non-escalated, never-reopened tickets, 85% of those.
   ``reopen_count`` ~ Poisson(0.06 + 0.15 escalated + 0.12 failed).
9. CSAT: 70% of customers answer the survey (the rest have no ``csat``); score = round(4.95 - 0.4
   frustration - 0.5 escalated - 0.3 ln(1 + hours/24) - 0.45 reopens - 0.15 k + N(0, 0.9)), clipped to 1-5.

Resulting marginals (``TARGET_MARGINALS`` and ``TARGET_RESOLUTION_HOURS``, checked by tests/datasets/test_demo.py;
measured on 20,000 tickets): trigger labels technical 35%, financial 25%, legal 9%, none 44%; escalated
46%; among escalated, tier 2 71%, tier 3 25%, tier 4 4%; frustration 0/1/2/3 = 48/26/15/11%; CSAT mean
3.94 with 5 the most common answer (~37%) and 1 rare (~2%); first-contact resolution ~38%; median / p90
resolution hours by tier 5/21, 32/108, 87/286, 152/458. The oracle AUC of ``true_escalation_probability``
against the noisy ``escalated`` labels is about 0.90.

Label noise (applied after the latent draws; ``true_escalation_probability`` is before it)
-----------------------------------------------------------------------------------------------
- 5% of ``escalated`` labels are flipped; tier and team follow the flipped label (a flip to escalated goes
  to tier 2; a flip to not escalated goes to tier 1, frontline).
- each present trigger is left out of ``triggers`` with probability 0.05, and each absent one is added
  with probability 0.01.
- 5% of ``frustration`` labels move one level up or down (clipped to 0-3).

The text
--------
The customer's words carry the latent state with realistic ambiguity: triggers in compositional phrases (slot x
alternatives, optional clauses, error codes and log lines, order and invoice numbers, implicit phrasings). Most
technical problems are composed from independent slots: where (a product area or the line's component), what it
does ("just spins", a blank page, a redirect loop, a sync that silently stopped, an empty export, 4xx/5xx from
the API) and, each optional, the error as shown or pasted (a log, a stack trace, a JSON body), who is affected,
what the customer already tried, a screenshot and the impact. Frustration shows in the register (polite, anxious,
curt, sarcastic, furious), repeated contact in phrases like "third time I'm writing", failed troubleshooting in
the history turns and the current message. Misleading keywords ("legal pad", "cancel the meeting", "I refunded
my customer", "charge my phone") appear in tickets that do not have that trigger. A quarter of routine asks are
near misses (a how-to that mentions an error code or an amount, a feature request, "it works now, please
close"), and money and legal complaints are often told as long stories of calls, letters, the website and "a
system error", as real ones are. A ticket keeps one description of its problem across the history and the
current message, and mild annoyance is often left unstated (``EMOTION_UNSTATED``). Typos, non-native phrasing,
casing noise, terse typing (lower case, no apostrophes or full stops), forwarded e-mails, signatures,
confidentiality footers and quoted earlier replies vary the surface; phone tickets are call transcripts, social
ones short public posts, api ones come from the customer's own helpdesk tool. Companies, people, brands and
phrases are all made up for this package.

The latent model is in ``latent.py``, the text in ``writer.py`` and the phrase banks in ``phrases_*.json``
(loaded by ``phrases.py``); this module draws one ticket from them at a time.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import accumulate

from triage.datasets.demo.latent import (
    CSAT_RESPONSE_RATE,
    PLAN_VOLUME,
    Account,
    Latent,
    creation_times,
    draw_channel,
    draw_latent,
    draw_outcome,
    make_accounts,
    pick,
)
from triage.datasets.demo.writer import Writer
from triage.schema import LabelledTicket

PROGRESS_EVERY = 500

# What the latent model produces (see the module docstring); tests/datasets/test_demo.py checks these.
TARGET_MARGINALS = {
    "technical": 0.35,
    "financial": 0.25,
    "legal": 0.09,
    "no_trigger": 0.44,  # shares of trigger labels
    "escalated": 0.46,
    "tier_2_of_escalated": 0.71,
    "tier_3_of_escalated": 0.25,
    "tier_4_of_escalated": 0.04,
    "frustration_0": 0.48,
    "frustration_3": 0.11,
    "csat_mean": 3.94,
    "csat_response": CSAT_RESPONSE_RATE,
    "first_contact_resolution": 0.38,
}
# Median and p90 resolution hours by tier.
TARGET_RESOLUTION_HOURS = {1: (5.0, 21.0), 2: (32.0, 108.0), 3: (87.0, 286.0), 4: (152.0, 458.0)}


def _tags(rng: random.Random, writer: Writer, latent: Latent) -> list[str]:
    # Tags are what a customer picks in a form or an intake rule adds: informative, not the label.
    tags = [pick(rng, writer.line.tags)] if rng.random() < 0.7 else []
    present = [t for t, level in latent.severity.items() if level]
    category = {"technical": "bug", "financial": "billing", "legal": "privacy"}
    if present and rng.random() < 0.6:
        tags.append(category[pick(rng, present)])
    elif rng.random() < 0.3:
        tags.append(pick(rng, ("question", "how-to", "account", "billing", "bug", "feedback")))
    if latent.prior_contacts and rng.random() < 0.5:
        tags.append("follow-up")
    return list(dict.fromkeys(tags))


def _ticket(rng: random.Random, number: int, created_at: datetime, account: Account) -> LabelledTicket:
    contact = pick(rng, account.contacts)
    latent = draw_latent(rng, account)
    channel = draw_channel(rng, account, latent)
    writer = Writer(rng, account, contact, latent, created_at, channel)
    history = writer.history()
    subject = writer.subject()
    body = writer.body(history)
    outcome = draw_outcome(rng, latent, account)
    return LabelledTicket.model_validate(
        {
            "id": f"T-{100001 + number}",
            "subject": subject,
            "body": body,
            "channel": channel,
            "created_at": created_at,
            "customer": {
                "id": contact.id,
                "name": contact.name,
                "company": account.company,
                "plan": None if account.recorded == "none" else account.plan,
                "annual_contract_value": account.annual_contract_value if account.recorded == "all" else None,
                "strategic": account.strategic and account.recorded != "none",
            },
            "history": history,
            "tags": _tags(rng, writer, latent),
            "product": account.product,
            "triggers": outcome.triggers,
            "escalated": outcome.escalated,
            "frustration": outcome.frustration,
            "tier": outcome.tier,
            "team": outcome.team,
            "escalation_level_reached": outcome.tier,
            "resolved_at": (created_at + timedelta(hours=outcome.resolution_hours)).replace(microsecond=0),
            "first_contact_resolution": outcome.first_contact_resolution,
            "csat": outcome.csat,
            "reopen_count": outcome.reopen_count,
            "true_escalation_probability": round(outcome.true_escalation_probability, 4),
        }
    )


def generate(tickets: int, seed: int, on_progress: Callable[[int], None] | None = None) -> list[LabelledTicket]:
    """``tickets`` synthetic labelled tickets, oldest first, identical for the same ``seed``.

    ``on_progress(k)`` is called with the number of tickets done every few hundred tickets and at the end.
    """
    if tickets < 0:
        raise ValueError(f"tickets must be >= 0, got {tickets}")
    rng = random.Random(seed)
    accounts = make_accounts(rng, max(20, tickets // 5))
    # Heavy-tailed ticket volume per account: a few accounts write a lot, many write once.
    volume = [PLAN_VOLUME[a.plan] * rng.lognormvariate(0.0, 1.1) for a in accounts]
    volume_cumulative = list(accumulate(volume))
    chosen = rng.choices(accounts, cum_weights=volume_cumulative, k=tickets)
    records = []
    for number, (created_at, account) in enumerate(zip(creation_times(rng, tickets), chosen, strict=True)):
        records.append(_ticket(rng, number, created_at, account))
        if on_progress and (number + 1) % PROGRESS_EVERY == 0:
            on_progress(number + 1)
    if on_progress and tickets % PROGRESS_EVERY:
        on_progress(tickets)
    return records
