"""The escalation policy: what the models said, the ticket and the escalation configuration in, a
recommended tier and team out, with every rule that fired and every threshold that applied.

Rules run *after* the models (as bugbug's ``overwrite_classes`` does) and are recorded, so an agent can see
why a ticket went where it went. :func:`decide` is a pure function of its arguments; :func:`calibrate`
learns the thresholds and response times it uses from held-out data at training time.

The thresholds come from triage.policy.calibration (learned at training time, kept with the model).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from triage.policy.calibration import Calibration
from triage.policy.config import BOOLEAN_FIELDS, Condition, Criterion, EscalationConfig
from triage.schema import Recommendation, Ticket, channel_group
from triage.scores import HeadScores
from triage.text.limits import analysed_message
from triage.text.signals import (
    TRIGGER_SIGNALS,
    disclaims_legal,
    executive_watching,
    incident_is_live,
    quote_word,
    signal_evidence,
)

# The signal of a message saying its problem is solved or needs nothing from us (triage.text.signals).
RESOLVED_SIGNAL = "resolved_update"
# The trigger a legal route ruled out by the customer speaks against (triage.text.signals.disclaims_legal).
LEGAL = "legal"


@dataclass(frozen=True)
class Decision:
    trigger_labels: list[str]
    escalate: bool
    recommendation: Recommendation
    reasons: list[str]
    rules_fired: list[str]
    thresholds: dict[str, float]  # "technical", ..., "escalation", "team:<name>" -> threshold applied
    mode: str
    auto_apply: bool  # mode auto and confident enough to act without an agent
    visible: bool  # false in shadow mode: log it, show nothing
    handoff_template: str | None = None  # the recommended team's hand-off template, from the configuration
    route_team: str = ""  # where the models send the ticket if it escalates (the recommended team when it does)


@dataclass(frozen=True)
class _Route:
    """Where the models alone would send an escalated ticket."""

    team: str
    confidence: float
    source: str
    runner_up: tuple[str, float] | None = None  # the next team, when the team head decided


@dataclass(frozen=True)
class _Candidate:
    tier: int
    team: str
    from_rule: bool
    team_from_rule: bool


def decide(
    ticket: Ticket, scores: HeadScores, config: EscalationConfig, calibration: Calibration | None = None
) -> Decision:
    """Recommend a tier and team for one ticket.

    The tier is the highest of (a) every fired rule's tier, raised by its ``tier_above`` and to its team's
    own tier, and (b) the models' tier: ``routing.model_tier`` (or the routed team's tier, if higher) when
    the escalation probability reaches its threshold. Ties go to rules, in configuration order. Because
    every numeric test is ``at_least``, the tier never falls when escalation probability, contract value or
    frustration rise with all else equal.

    Confidence is the product of two estimates, read as "the escalation decision is right and so is the
    team": the escalation part is the probability of the chosen side (p when the models escalate, 1 - p when
    the ticket stays) or 1 when a rule escalated (rules are the organisation's policy, not a guess); the team
    part is 1 at the first tier or for a rule's own team, else the routed team's share of the team head's
    probability among escalation teams (or the routing trigger's probability).

    The recommendation abstains (the ticket goes to human review, the reasons say why) when no rule decided
    and the escalation probability is within ``abstain.escalation_band`` of its threshold, when the models
    chose the team and the top two teams are within ``abstain.team_margin``, when confidence is below
    ``abstain.min_confidence``, or when the escalation head escalates on its own while no trigger reaches
    its threshold (the heads disagree: nothing says what the specialist is for).

    A routine ask (``abstain.routine_ask``: a how-to question or a routine request on a first contact, naming
    no problem) is not sent up by the models alone: it stays at the first tier and abstains for human review.
    Rules still fire on it as written; one that no rule sent up has no trigger labels (a label the signals
    contradict needs a margin on any other ticket: :func:`_needed_probabilities`). A
    tier above the chosen team's own goes to the team's ``management_team`` where it names one (a billing matter
    for management goes to account management).
    """
    thresholds = applied_thresholds(scores, config, calibration)
    disclaimed = _disclaimed_legal(ticket, scores, _legal_bar(config, thresholds))
    if disclaimed is not None:
        scores = replace(scores, triggers={**scores.triggers, LEGAL: 0.0})
    first_tier = config.first_tier
    routine = _routine_ask(scores, config)
    needed = _needed_probabilities(scores, thresholds, config.thresholds.margin_without_signal)
    model_trigger_labels = _trigger_labels(scores, needed)
    # Where the models alone send the ticket.
    route = _route(scores, config, include_criteria_only=False, labelled=model_trigger_labels)
    # The owning team for a rule that names none: the same route unless some team is criteria-only.
    any_criteria_only = any(team.criteria_only for team in config.teams)
    rule_route = (
        _route(scores, config, include_criteria_only=True, labelled=model_trigger_labels)
        if any_criteria_only
        else route
    )
    reason_values = _reason_values(ticket, scores)
    reasons: list[str] = [disclaimed] if disclaimed is not None else []

    candidates: list[_Candidate] = []
    rules_fired: list[str] = []
    for criterion in config.criteria:
        fired = _fire(criterion, ticket, scores, thresholds, reason_values)
        if fired is None:
            continue
        tier, reason = fired
        team = criterion.team or rule_route.team
        candidates.append(_Candidate(max(tier, config.team(team).tier), team, True, criterion.team is not None))
        rules_fired.append(criterion.name)
        reasons.append(f"rule {criterion.name} fired: {reason}")

    p, escalation_threshold = scores.escalation, thresholds["escalation"]
    models_escalate = p >= escalation_threshold
    held_routine = models_escalate and bool(routine)
    head_alone = models_escalate and not routine and not model_trigger_labels
    held_head_alone = head_alone and config.abstain.hold_head_alone
    candidate, line = _models_candidate(config, p, escalation_threshold, route, routine, held_head_alone)
    candidates += [candidate] if candidate is not None else []
    reasons.append(line)

    # max() keeps the first of equal tiers, and rules come first: rules win ties.
    best = max(candidates, key=lambda candidate: candidate.tier, default=None)
    if best is None or best.tier == first_tier:
        tier = first_tier
        team = best.team if best is not None else config.routing.first_tier_team
    else:
        tier, team = best.tier, best.team
    escalate = tier > first_tier
    rule_decided = best is not None and best.from_rule and escalate
    owner = config.team(team)
    if escalate and tier > owner.tier and owner.management_team is not None:
        team = owner.management_team
        reasons.append(f"tier {tier} is above team {owner.name}'s tier {owner.tier}: its management team {team}")
    # A routine ask that no rule sent up names no problem, so it has no trigger: the signals it may hold (a refund
    # within policy, a privacy request that the heads do not back) are routine too.
    trigger_labels = [] if routine and not rule_decided else model_trigger_labels
    if rule_decided:
        route = rule_route

    escalation_confidence = 1.0 if rule_decided else (p if escalate else 1.0 - p)
    team_confidence = 1.0 if not escalate or (best is not None and best.team_from_rule) else route.confidence
    confidence = round(escalation_confidence * team_confidence, 3)

    models_chose_team = escalate and not (best is not None and best.team_from_rule)
    abstain_reasons = _abstain_reasons(
        config, p, escalation_threshold, rule_decided, models_chose_team, route, confidence
    )
    if head_alone and not rule_decided:
        # The escalation head alone sends it up, or would: no trigger head and no rule says why. A person decides.
        top = max(scores.triggers, key=scores.triggers.__getitem__, default=None)
        why = ""
        if top is not None:
            margin = " with the margin for a trigger no signal supports" if needed[top] > thresholds[top] else ""
            why = f" ({top} {scores.triggers[top]:.2f} < {needed[top]:.2f}{margin})"
        verb = "would send it up" if held_head_alone else "escalates"
        abstain_reasons.append(f"the escalation head {verb} but no trigger reaches its threshold{why}")
    if held_routine and not rule_decided:
        abstain_reasons.append("the escalation head would send up a routine ask")
    reasons += [f"abstain, human review: {reason}" for reason in abstain_reasons]
    reasons += _model_phrases(ticket, scores, trigger_labels, models_escalate, team, config.explanations.max_phrases)

    abstain = bool(abstain_reasons)
    return Decision(
        trigger_labels=trigger_labels,
        escalate=escalate,
        recommendation=Recommendation(
            tier=tier, tier_name=config.tier_name(tier), team=team, confidence=confidence, abstain=abstain
        ),
        reasons=reasons,
        rules_fired=rules_fired,
        thresholds=thresholds,
        mode=config.mode,
        auto_apply=config.mode == "auto" and not abstain and confidence >= config.auto_apply_min_confidence,
        visible=config.mode != "shadow",
        handoff_template=config.team(team).handoff,
        route_team=team if escalate else route.team,
    )


def _models_candidate(
    config: EscalationConfig, p: float, threshold: float, route: _Route, routine: list[str], held_head_alone: bool
) -> tuple[_Candidate | None, str]:
    """The models' own proposal (None when they do not escalate, or hold back a routine ask or an escalation no
    trigger backs) and its reason."""
    if p < threshold:
        return None, f"model: escalation probability {p:.2f} < threshold {threshold:.2f}"
    if held_head_alone:
        return None, (
            f"model: escalation probability {p:.2f} >= threshold {threshold:.2f}, but no trigger head names a "
            f"problem: it stays at tier {config.first_tier}"
        )
    if routine:
        return None, (
            f"model: escalation probability {p:.2f} >= threshold {threshold:.2f}, but the ticket reads as a "
            f"routine ask ({', '.join(routine)}) and names no problem: it stays at tier {config.first_tier}"
        )
    model_tier = max(config.routing.model_tier, config.team(route.team).tier)
    return _Candidate(model_tier, route.team, False, False), (
        f"model: escalation probability {p:.2f} >= threshold {threshold:.2f}: "
        f"tier {model_tier}, team {route.team} ({route.source})"
    )


def _legal_bar(config: EscalationConfig, thresholds: dict[str, float]) -> float:
    """The lowest legal probability that any rule or the legal label reads: the legal threshold, or a criterion's
    lower ``at_least`` on the legal trigger."""
    threshold = thresholds.get(LEGAL, config.thresholds.default)
    return min((threshold, *(threshold if limit is None else limit for limit in config.trigger_bars.get(LEGAL, ()))))


def _disclaimed_legal(ticket: Ticket, scores: HeadScores, bar: float) -> str | None:
    """Why the legal head is not read, when the customer rules out a legal route ("we are not looking at any legal
    route here") and no legal signal is found: the head read the word, not a legal matter (docs/labelling.md:
    negated mentions do not count). None otherwise, and unread where setting the head to zero could change nothing:
    below ``bar`` (no rule and no label reads it) and not the most probable trigger (which routes the ticket); the
    text is scanned only for the tickets it may decide."""
    probability = scores.triggers.get(LEGAL)
    if not probability or _has_trigger_signal(LEGAL, scores):
        return None
    others = [p for name, p in scores.triggers.items() if name != LEGAL]
    if probability < bar and others and probability < max(others):
        return None
    if not disclaims_legal(_analysed_ticket(ticket)):
        return None
    return f"the customer rules out a legal route and no legal signal is found: legal {probability:.2f} is not read"


def _analysed_ticket(ticket: Ticket) -> str:
    """The subject and body as the text analysers read them (triage.text.limits)."""
    return analysed_message(f"{ticket.subject}\n{ticket.body}")


def _routine_ask(scores: HeadScores, config: EscalationConfig) -> list[str]:
    """The routine-ask signals found (``abstain.routine_ask``) when the ticket names no problem, else []. A
    thread with an earlier contact or a failed fix is no routine ask: "any news? Please update me" on a third
    contact chases a problem. A message saying its problem is solved (``RESOLVED_SIGNAL``, when the routine
    signals list it) closes its thread instead of chasing it: "regenerated them all, they look right now"."""
    routine = config.abstain.routine_ask
    if routine is None:
        return []
    closed = RESOLVED_SIGNAL in routine.signals and scores.signals.get(RESOLVED_SIGNAL, 0) > 0
    chased = scores.trajectory.customer_contacts > 1 or scores.trajectory.failed_attempts > 0
    if (chased and not closed) or any(scores.signals.get(name, 0) for name in routine.unless):
        return []
    return [name for name in routine.signals if scores.signals.get(name, 0)]


def _needed_probabilities(
    scores: HeadScores, thresholds: dict[str, float], margin_without_signal: float | None
) -> dict[str, float]:
    """The probability each trigger's label needs: its threshold, plus ``margin_without_signal`` where the
    ticket's signals name some trigger but none names this one. Then the heads and the signals disagree on what
    the ticket is about (money words in a lawyer's letter, product words in a disputed invoice). A ticket with
    no trigger signal at all gets no margin: most broken things are described, not logged."""
    supported = {name for name in scores.triggers if _has_trigger_signal(name, scores)}
    margin = (margin_without_signal or 0.0) if supported else 0.0
    return {name: thresholds[name] + (0.0 if name in supported else margin) for name in scores.triggers}


def _trigger_labels(scores: HeadScores, needed: dict[str, float]) -> list[str]:
    """The triggers whose probability reaches what its label needs."""
    return [name for name, probability in scores.triggers.items() if probability >= needed[name]]


def _has_trigger_signal(trigger: str, scores: HeadScores) -> bool:
    return any(scores.signals.get(name, 0) for name in TRIGGER_SIGNALS.get(trigger, ()))


def _abstain_reasons(
    config: EscalationConfig,
    p: float,
    escalation_threshold: float,
    rule_decided: bool,
    models_chose_team: bool,
    route: _Route,
    confidence: float,
) -> list[str]:
    """Why the recommendation is too uncertain to act on; empty when it is not."""
    reasons = []
    if not rule_decided and abs(p - escalation_threshold) < config.abstain.escalation_band:
        reasons.append(
            f"escalation probability {p:.2f} is within {config.abstain.escalation_band:g} of its threshold "
            f"{escalation_threshold:.2f}"
        )
    if models_chose_team and route.runner_up is not None:
        runner_up, runner_up_share = route.runner_up
        if route.confidence - runner_up_share < config.abstain.team_margin:
            reasons.append(
                f"team head undecided between {route.team} ({route.confidence:.2f}) and {runner_up} "
                f"({runner_up_share:.2f})"
            )
    if confidence < config.abstain.min_confidence:
        reasons.append(f"confidence {confidence:.2f} is below {config.abstain.min_confidence:g}")
    return reasons


def applied_thresholds(
    scores: HeadScores, config: EscalationConfig, calibration: Calibration | None
) -> dict[str, float]:
    """Per trigger, "escalation" and "team:<name>": the calibrated threshold, else the configured one."""
    settings = config.thresholds
    learned_triggers = calibration.trigger_thresholds if calibration else {}
    learned_teams = calibration.team_thresholds if calibration else {}
    out = {
        name: learned_triggers.get(name, settings.triggers.get(name, settings.default))
        for name in dict.fromkeys([*scores.triggers, *settings.triggers])
    }
    out["escalation"] = calibration.escalation_threshold if calibration else settings.escalation
    first_tier = config.first_tier  # a property that reads every tier: once, not once per team
    for team in config.teams:
        if team.tier > first_tier:
            out[f"team:{team.name}"] = learned_teams.get(team.name, settings.teams.get(team.name, settings.default))
    return out


def _route(scores: HeadScores, config: EscalationConfig, *, include_criteria_only: bool, labelled: list[str]) -> _Route:
    """The team the models point to, among teams above the first tier that are not ``criteria_only``: the team
    head's choice (its share of the probability given to those teams), else the most probable trigger's team.
    With ``routing.triggers_choose_team`` the most probable trigger's team wins unless the team head picks a team
    no trigger routes to (an account-management team).
    A criteria-only team (say an account-management team at tier 3) is reached by a criterion that names it:
    the labelling guide sends a case to management for what the ticket shows (large money, a regulator, a
    repeat contact), which the criteria test, not for the team head's guess. The default file marks no team
    criteria-only (docs/escalation-config.md says when to). ``include_criteria_only``
    counts those teams too: the owning team of a rule that names none (a repeat contact about a renewal). Among the
    ``labelled`` triggers, ``routing.owner_order`` says which owns a case several of them label."""
    first_tier = config.first_tier  # a property that reads every tier: once, not once per team
    above_first = [team for team in config.teams if team.tier > first_tier]
    escalation_teams = {team.name for team in above_first if include_criteria_only or not team.criteria_only} or {
        team.name for team in above_first
    }
    team_probability = {name: p for name, p in scores.team.items() if name in escalation_teams}
    total = sum(team_probability.values())
    trigger_route = _trigger_route(scores, config, escalation_teams, labelled)
    if total > 0:
        ranked = sorted(team_probability.items(), key=lambda item: (-item[1], item[0]))
        chosen = ranked[0][0]
        if (
            config.routing.triggers_choose_team
            and trigger_route is not None
            and chosen in config.routing.trigger_teams.values()
        ):
            return trigger_route
        shares = [(name, p / total) for name, p in ranked]
        runner_up = shares[1] if len(shares) > 1 else None
        return _Route(chosen, shares[0][1], f"team head {ranked[0][1]:.2f}", runner_up)
    if trigger_route is not None:
        return trigger_route
    return _Route(config.routing.fallback_team, 0.5, "fallback team: no team or trigger scores")


def _trigger_route(
    scores: HeadScores, config: EscalationConfig, escalation_teams: set[str], labelled: list[str]
) -> _Route | None:
    """The most probable trigger's team (``routing.trigger_teams``) among the escalation teams, else None; its
    confidence is that trigger's probability. Where two or more ``labelled`` triggers are in ``routing.owner_order``,
    the first of them in that order routes instead."""
    routed = {
        name: p for name, p in scores.triggers.items() if config.routing.trigger_teams.get(name) in escalation_teams
    }
    if not routed:
        return None
    owners = [name for name in config.routing.owner_order or () if name in routed and name in labelled]
    trigger = owners[0] if len(owners) > 1 else max(sorted(routed), key=routed.__getitem__)
    return _Route(config.routing.trigger_teams[trigger], routed[trigger], f"{trigger} {routed[trigger]:.2f}")


def _reason_values(ticket: Ticket, scores: HeadScores) -> dict[str, str]:
    """The values a rule's reason template may use besides evidence and signals, formatted once."""
    customer = ticket.customer
    value = customer.annual_contract_value if customer else None
    return {
        "contract_value": f"{value:,.0f}" if value is not None else "not provided",
        "company": (customer.company if customer else None) or "not provided",
        "plan": (customer.plan if customer else None) or "not provided",
        "customer_contacts": str(scores.trajectory.customer_contacts),
        "failed_attempts": str(scores.trajectory.failed_attempts),
        "hours_open": f"{scores.trajectory.hours_open:.0f}",
        "frustration_level": str(scores.frustration_level),
        "escalation_probability": f"{scores.escalation:.2f}",
    }


def _fire(
    criterion: Criterion,
    ticket: Ticket,
    scores: HeadScores,
    thresholds: dict[str, float],
    reason_values: dict[str, str],
) -> tuple[int, str] | None:
    """(tier, reason) when the criterion holds, else None."""
    evidence = _evaluate(criterion.when, ticket, scores, thresholds)
    if evidence is None:
        return None
    signals = [name for _, leaf in criterion.when.leaves("") for name in leaf.signal or ()]
    reason = criterion.reason.format(
        evidence="; ".join(evidence),
        signals=", ".join(name for name in dict.fromkeys(signals) if scores.signals.get(name, 0)) or "none",
        **reason_values,
    )
    tier = criterion.tier
    if criterion.tier_above is not None:
        raised = _evaluate(criterion.tier_above, ticket, scores, thresholds)
        if raised is not None:
            tier = criterion.tier_above.tier
            # Evidence the rule already quoted is not repeated (tier_above may restate the rule's own branch).
            new = [phrase for phrase in raised if phrase not in evidence] or raised
            reason += f"; tier {tier} because {'; '.join(new)}"
    return tier, reason


def _evaluate(
    condition: Condition, ticket: Ticket, scores: HeadScores, thresholds: dict[str, float]
) -> list[str] | None:
    """The evidence (readable phrases) when the condition holds, else None."""
    if condition.all_of is not None:
        evidence: list[str] = []
        for child in condition.all_of:
            found = _evaluate(child, ticket, scores, thresholds)
            if found is None:
                return None
            evidence += found
        return evidence
    if condition.any_of is not None:
        # The first branch that holds is the evidence; list the most telling branch first in the file.
        for child in condition.any_of:
            found = _evaluate(child, ticket, scores, thresholds)
            if found is not None:
                return found
        return None
    if condition.signal is not None:
        counts = {name: scores.signals.get(name, 0) for name in condition.signal}
        minimum = condition.at_least if isinstance(condition.at_least, float) else 1
        if sum(counts.values()) < minimum:
            return None
        return [_signal_evidence(ticket, scores, {name: count for name, count in counts.items() if count})]
    if condition.trigger is not None:
        return _at_least(
            f"{condition.trigger} probability",
            scores.triggers.get(condition.trigger, 0.0),
            condition.at_least,
            thresholds.get(condition.trigger, 0.5),
        )
    if condition.team_probability is not None:
        name = condition.team_probability
        return _at_least(
            f"team {name} probability",
            scores.team.get(name, 0.0),
            condition.at_least,
            thresholds[f"team:{name}"],
        )
    if condition.score is not None:
        value = {
            "escalation": scores.escalation,
            "frustration_score": scores.frustration_score,
            "frustration_level": float(scores.frustration_level),
        }[condition.score]
        return _at_least(condition.score.replace("_", " "), value, condition.at_least, thresholds["escalation"])
    if condition.trajectory is not None:
        value = float(getattr(scores.trajectory, condition.trajectory))
        return _at_least(condition.trajectory.replace("_", " "), value, condition.at_least, 0.0)
    return _field_test(condition, ticket)  # the configuration guarantees one subject: the field


def _signal_evidence(ticket: Ticket, scores: HeadScores, counts: dict[str, int]) -> str:
    """The signals found, each with the sentence of the ticket that fired it: 'signal legal_action: "We will
    take this to court."'."""
    quotes = scores.signal_quotes
    if quotes is None:  # scores not made by the model: analyse the text the model would read
        quotes = signal_evidence(_analysed_ticket(ticket))
    found = []
    for name, count in counts.items():
        said = quotes.get(name, ())
        times = f" x{count}" if count > 1 else ""
        found.append(f'{name}{times}: "{said[0]}"' if said else f"{name}{times}")
    return f"signal{'s' if len(found) > 1 else ''} {'; '.join(found)}"


def _at_least(label: str, value: float, limit: float | str | None, threshold: float) -> list[str] | None:
    minimum = threshold if limit in (None, "threshold") else float(limit)
    return [f"{label} {_number(value)} >= {_number(minimum)}"] if value >= minimum else None


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:.2f}"


def _field_test(condition: Condition, ticket: Ticket) -> list[str] | None:
    field = condition.field
    assert field is not None  # only called for field tests
    customer = ticket.customer
    if field == "incident.live":  # read from the text only when a rule asks
        # The customer's earlier turns too: an incident reported before and still open is still live.
        earlier = "\n".join(turn.body for turn in ticket.history if turn.author == "customer")
        live = incident_is_live(analysed_message(f"{ticket.subject}\n{ticket.body}\n{earlier}"))
        said = "an incident happening now, no compensation asked" if live else "no live incident without compensation"
        return [said] if live is condition.equals else None
    if field == "executive.watching":  # the customer's executive copied or following the case, read from the text
        watching = executive_watching(_analysed_ticket(ticket))
        said = "the customer's executive follows the case" if watching else "no executive of the customer follows it"
        return [said] if watching is condition.equals else None
    value: Any = {
        "customer.annual_contract_value": customer.annual_contract_value if customer else None,
        "customer.strategic": customer.strategic if customer else None,
        "customer.plan": customer.plan if customer else None,
        # A rule may name the helpdesk's channel ("voice") or the channel it stands for ("phone").
        "channel": [ticket.channel, channel_group(ticket.channel)] if ticket.channel else None,
        "product": ticket.product,
        "tags": ticket.tags,
    }[field]
    if value is None:
        return None  # unknown context never fires a rule
    if condition.at_least is not None:
        return _at_least(field, float(value), condition.at_least, 0.0)
    if field in BOOLEAN_FIELDS:
        return [f"{field} is {str(value).lower()}"] if value is condition.equals else None
    accepted = [condition.equals] if isinstance(condition.equals, str) else condition.one_of or []
    wanted = {text.lower() for text in accepted}
    present = {str(item).lower() for item in (value if isinstance(value, list) else [value])}
    matched = sorted(present & wanted)
    return [f"{field} {', '.join(matched)}"] if matched else None


def _model_phrases(
    ticket: Ticket, scores: HeadScores, trigger_labels: list[str], models_escalate: bool, team: str, limit: int
) -> list[str]:
    """The strongest phrases pushing the heads that shaped this decision, a word quoted in its sentence:
    '"I was charged twice for March." (mentions 'charged'; +0.31 to financial)'."""
    heads = [*trigger_labels, *(["escalation"] if models_escalate else []), f"team:{team}"]
    # One line per phrase, and one per quoted sentence: the same signal pushing three heads, or three words of
    # one sentence, are one reason with each head's total weight.
    lines: dict[str, _Line] = {}
    quotes = _Quotes(ticket)
    for head in heads:
        for contribution in scores.explanations.get(head, []):
            if contribution.weight <= 0:
                continue
            quote = quotes.of(contribution.phrase)
            line = lines.setdefault(
                quote or contribution.phrase, _Line(quote or contribution.phrase, quote is not None)
            )
            line.add(contribution.phrase, head, contribution.weight)
    ranked = sorted(lines.values(), key=lambda line: (-max(line.weights.values()), line.text))
    return [line.render() for line in ranked[:limit]]


@dataclass
class _Line:
    """One reason line: a phrase, or a quoted sentence with the words of it that the model read."""

    text: str
    quoted: bool
    words: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)

    def add(self, phrase: str, head: str, weight: float) -> None:
        if self.quoted and phrase not in self.words:
            self.words.append(phrase)
        self.weights[head] = self.weights.get(head, 0.0) + weight

    def render(self) -> str:
        weights = ", ".join(
            f"{weight:+.2f} to {head}" for head, weight in sorted(self.weights.items(), key=lambda item: -item[1])
        )
        if not self.quoted:
            return f"{self.text} ({weights})"
        # Word phrases read "mentions 'app'" or "history mentions 'app'": one kind, then the quoted words.
        kind = self.words[0].partition(" '")[0]
        words = ", ".join(phrase[phrase.index(" '") + 1 :] for phrase in self.words)
        return f'"{self.text}" ({kind} {words}; {weights})'


class _Quotes:
    """A ticket's quotes of word phrases ("mentions 'x'", "history mentions 'x'"): the sentence each came
    from, else None. One phrase pushes several heads, so each is looked up once, and the message is made
    ready for them once (made per head, the look-ups took ~40% of decide())."""

    def __init__(self, ticket: Ticket) -> None:
        self.ticket = ticket
        self._message: str | None = None
        self._found: dict[str, str | None] = {}

    def of(self, phrase: str) -> str | None:
        if phrase not in self._found:
            self._found[phrase] = self._look_up(phrase)
        return self._found[phrase]

    def _look_up(self, phrase: str) -> str | None:
        kind, _, word = phrase.partition(" '")
        if not word.endswith("'") or kind not in ("mentions", "history mentions"):
            return None
        if kind == "mentions":
            if self._message is None:
                self._message = _analysed_ticket(self.ticket)
            return quote_word(self._message, word[:-1])
        history = reversed(self.ticket.history)
        return next(filter(None, (quote_word(turn.body, word[:-1]) for turn in history)), None)
