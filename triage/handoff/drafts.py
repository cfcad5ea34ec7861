"""Hand-off drafts for the next tier, and the acknowledgement that keeps the customer informed.

A hand-off is rendered from Jinja2 templates (``triage/handoff/templates``; a ``template_dir`` given by the user is
searched first, so any template can be overridden by a file of the same name). Templates get only
strings and lists of strings with missing data already reading "not provided", and they render with
``StrictUndefined``: a template that names a variable we do not provide fails loudly instead of leaving a
blank. HTML templates are autoescaped.

The hand-off is built from the whole ticket (``triage.handoff.facts``): what the customer and the agents
already tried, the customer's deadline, amounts, identifiers, log lines and named contacts. Its template
follows what the case is (compliance, technical) and the account's value (``handoffs.high_value`` in the
configuration), several at once when several apply. It lists only what the next tier will need that the
ticket lacks, and for an outage or a security case says to ask in parallel rather than hold the case.

The acknowledgement promises the configured service targets for the tier (``handoffs.service_targets``),
names the owner's role rather than an internal team, echoes the customer's own deadline, and apologises
when the customer is frustrated or had to come back. It is not drafted for a ticket sent to human review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from triage.errors import TriageError
from triage.handoff.facts import (
    BULLET,
    CASE_DESCRIPTIONS,
    CASE_FAMILY,
    MONTH,
    SPEAKS_FOR_A_TEAM,
    TicketFacts,
    listed_steps,
    message_text,
    names_a_time,
    own_part,
    pasted_line,
    says_nothing,
    sentences,
    signature_line,
    signature_start,
    spoken_deadline,
    ticket_facts,
)
from triage.policy.config import EscalationConfig, Handoffs
from triage.policy.decision import Decision
from triage.schema import Prediction, Ticket
from triage.scores import HeadScores
from triage.text.signals import SIGNALS, TECHNICAL_SIGNALS

NOT_PROVIDED = "not provided"
TEMPLATE_DIR = Path(__file__).with_name("templates")
DEFAULT_HANDOFFS = Handoffs()

# Which found signals each hand-off section reports (names from triage.text.signals.SIGNALS).
LEGAL_SIGNALS = ("legal_action", "privacy_regulation", "regulator_complaint", "fraud", "security_incident")
REVENUE_SIGNALS = (
    "churn_threat",
    "cancellation",
    "billing_dispute",
    "chargeback",
    "refund_request",
    "contract_value",
    "public_review_threat",
)
# The trigger family each signal belongs to, so that a case type may be named from a signal alone.
_SIGNAL_FAMILIES = {
    "technical": TECHNICAL_SIGNALS,
    "financial": REVENUE_SIGNALS,
    # a privacy law cited is no legal threat: a law firm's questions about our DPA cite one too
    "legal": ("legal_action", "class_action", "regulator_complaint"),
}
COMPLIANCE_CASES = frozenset({"privacy_request", "regulator", "legal_threat", "data_exposure", "data_residency"})
# Actions for the cases the configuration's table has no entry for yet (triage.policy.config's CaseType does not
# list them, so a configuration file cannot set them)
_UNTABLED_CASE_ACTIONS: dict[str, tuple[str, ...]] = {
    "data_residency": (
        "establish the scope: which data categories and records, from when to when, and in which regions they were"
        " processed or stored, and whether copies remain there (delete them and confirm it in writing)",
        "check the processing against the contract's data-location clause and the DPA (transfer mechanism,"
        " sub-processors)",
        "assess notification duties with the data-protection officer, ours and the customer's (GDPR: 72 hours to"
        " the authority)",
    ),
}
_SAID_BY_RESIDENCY = re.compile(r"\b(?:scope|notification dut\w*)\b", re.IGNORECASE)
# A data-protection request past its statutory term: "my access request of 2 October is still unanswered after
# two months", "the one-month deadline has passed", "Die Frist ist abgelaufen", "le délai légal est dépassé",
# "määräaika on umpeutunut" (not "the deadline is next week")
_PAST_ITS_TERM = re.compile(
    r"\b(?:(?:statutory |legal |one[- ]month |30[- ]day |gdpr )(?:deadline|time limit|period|term)"
    r"|(?:one|a|1) month|30 days) (?:has |have |had )?(?:now |long )?(?:passed|expired|lapsed|gone by|elapsed)"
    r"|\b(?:overdue|past (?:the |its |your )?(?:statutory |legal )?(?:deadline|time limit|one[- ]month))\b"
    r"|\b(?:still )?(?:unanswered|no (?:answer|reply|response)) (?:after|for|since) (?:over |more than )?(?:a|one|two"
    r"|three|\d{1,3}) (?:months?|weeks?|days?)\b"
    r"|\bfrist (?:ist |wurde )?(?:längst )?(?:abgelaufen|verstrichen|überschritten)"
    r"|\bdélai (?:légal |d'un mois )?(?:est |a été )?(?:largement )?(?:dépassé|expiré|écoulé)"
    r"|\bplazo (?:legal )?(?:ha )?(?:vencido|expirado|transcurrido)|\btermine (?:\w+ )?(?:è )?(?:scaduto|decorso)"
    r"|\btermijn (?:is )?(?:verstreken|verlopen|overschreden)|\bprazo (?:legal )?(?:já )?(?:expirou|terminou|passou)"
    r"|\btermin (?:już )?(?:minął|upłynął)|\b(?:tids)?fristen (?:har |er )?(?:gått ut|passerat|overskredet|udløbet"
    r"|oversittet|utløpt)|\bmääräaika (?:on )?(?:jo )?(?:umpeutunut|ylittynyt|ylitetty|kulunut|mennyt umpeen)"
    r"|\bsüre(?:si)? (?:doldu|geçti|aşıldı)|\blhůt\w* (?:již |už )?(?:uplynul\w*|vypršel\w*|překročen\w*)",
    re.IGNORECASE,
)
_OVERDUE_REQUEST_ACTIONS = [
    "fulfil the overdue data-protection request now (send the data or confirm the deletion)",
    "confirm to the customer in writing the date it will be complete",
    "record the delay and its reason in the request log (the authority may ask for it)",
]
TECHNICAL_CASES = frozenset({"outage", "data_loss", "bug", "account_takeover"})
BUSINESS_PLANS = frozenset({"business", "enterprise", "team", "corporate"})
MAX_EVIDENCE = 5
# The words that make a customer's sentence worth quoting as evidence, per template.
_EVIDENCE_WORDS = {
    "compliance": re.compile(
        r"\b(lawyers?|attorneys?|legal|lawsuit|sue|court|gdpr|ccpa|hipaa|pci|privacy|personal data"
        r"|data protection|data processing|dpa|sub-?processors?|transfers? outside|hipaa|soc ?2|iso ?27001"
        r"|regulators?|ombudsman|complaint|breach\w*|compliance|fraud\w*|subpoena|police|contract)\b",
        re.IGNORECASE,
    ),
    "high_value": re.compile(
        r"\b(cancel\w*|renew\w*|contract|refund\w*|chargeback|invoice\w*|charged?|competitor|switch\w*|leave)\b"
        r"|[$€£]\s?\d",
        re.IGNORECASE,
    ),
    "technical": re.compile(
        r"\b(error|exception|fail\w*|crash\w*|down|outage|time ?out|bug|lost|corrupt\w*|broken)\b"
        r"|\b[45]\d\d\b",
        re.IGNORECASE,
    ),
}
_EVIDENCE_WORDS["general"] = _EVIDENCE_WORDS["high_value"]
# An action that keeps the ticket's records: "put a litigation hold on ...", "preserve the evidence".
_KEEPS_RECORDS = re.compile(r"\b(?:hold|preserve)\b", re.IGNORECASE)
# A root-cause report asked for or promised in the thread: "still no RCA", "can we get the incident report you
# promised", "we need your written root-cause analysis"; not one told of ("their incident report promised a fix").
_REPORT = r"(?:rca|root[- ]cause (?:analysis|report)|incident report|post-?mortem|post-incident (?:report|review))"
_REPORT_OWED = re.compile(
    rf"\b(?:need|want|get|send|share|provide|see|still no|no|waiting for|where is|expect\w*|ask\w* for|request\w*"
    rf"|promised( us)?)\b[^.!?\n]{{0,40}}?\b{_REPORT}\b"
    rf"|\b{_REPORT}\b[^.!?\n]{{0,30}}?\b(?:(?:you|we were|i was) promised|(?:is |are )?(?:overdue|still missing))",
    re.IGNORECASE,
)
# One already received is owed no more: "thanks for the RCA", "we read your post-mortem"; not one still chased
# ("We still haven't received the RCA you promised").
_REPORT_RECEIVED = re.compile(
    r"\b(?:thank you|thanks) for (?:the|your) (?:rca|root[- ]cause|incident report|post-?mortem)"
    r"|\b(?:read|received|got|seen) (?:the|your) (?:rca|root[- ]cause|incident report|post-?mortem)",
    re.IGNORECASE,
)
# A negator earlier in the sentence: "haven't", "not yet", "never".
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|yet)\b|n['’]t\b)[^.!?\n]*$", re.IGNORECASE)
# Compensation asked for missed service levels: "what you're offering for the SLA misses", "an uptime credit";
# not a plan's uptime ("Which plan offers guaranteed uptime?") nor one declined ("We are not asking for SLA credits":
# a negator in the four words before it).
_SLA_CREDIT = re.compile(
    r"\b(?:sla|service[- ]levels?|uptime)\b[^.!?\n]{0,30}?\b(?:credits?|miss(?:es|ed)?|breach\w*|compensat\w*|refund)"
    r"|\b(?:credits?|compensat\w*|refund)\b[^.!?\n]{0,40}?\b(?:sla|service[- ]levels?|uptime)\b",
    re.IGNORECASE,
)
# A call or meeting the customer asks for: "a call with someone senior on Wednesday would help", "please call me".
_CALL_ASKED = re.compile(
    r"\b(?:need|want|would (?:help|like|appreciate)|ask\w* for|please|can we|could we|let'?s|arrange|set up"
    r"|schedule|book)\b[^.!?\n]{0,80}?\b(?:a |an |on a )?(?:(?:video|phone|conference|bridge) )?(?:call|meeting)\b"
    r"(?! (?:me|us) back)|\b(?:a |on a )(?:(?:video|phone|conference) )?(?:call|meeting) with\b[^.!?\n]{0,60}?"
    r"\b(?:would help|please|asap|this week|on \w+day)\b|\bplease (?:call|ring|phone) (?:me|us)\b"
    r"|\bsomeone\b[^.!?\n]{0,40}?\bon a (?:(?:video|phone|conference) )?call\b",  # "someone from compliance on a call"
    re.IGNORECASE,
)
# A line that introduces a list of what the customer asks of us (the points follow, bulleted or numbered).
_ASKS_FOR_A_LIST = re.compile(
    # a request, not "I want to explain what happened:"
    r"\b(?:we|i) (?:need|require|expect|ask|request|would like|want)\b"
    r"(?! to (?:explain|describe|tell|say|share|summari[sz]e|outline|mention|add|report|note|clarify|walk|give you"
    r"|let you know|update you|recap)\b)|\b(?:could|can|would|will) you\b"
    r"|\bplease (?:send|provide|confirm|answer|treat|let us know)\b|\b(?:grateful|appreciate)\b[^:\n]{0,40}?"
    r"\b(?:answers?|replies|responses?)\b",
    re.IGNORECASE,
)
# Their data asked for back: "provide a full data export in CSV", "we need an export of all our records".
_EXPORT_ASKED = re.compile(
    r"\b(?:provide|send|give|need|want|request\w*|ask\w* for|require|expect)\b[^.!?\n]{0,30}?\b(?:data )?export\b"
    r"(?! (?:button|feature|function|option|tool|page))",
    re.IGNORECASE,
)
# One owner asked for after the customer was passed between our teams: "I have been sent from billing to technical
# and back", "Could ONE person own this?", "who owns this?", "each team says it's the other's job".
_OWNER_ASKED = re.compile(
    r"\b(?:sent|passed|bounced|shunted|transferred|pushed) (?:me |us )?(?:back and forth |around )?"
    r"(?:from (?:[\w-]+ ){1,2}to (?:[\w-]+ ){0,2}|between (?:your |the )?(?:[\w-]+ ){0,2}teams?\b)"
    r"|\b(?:one|a single|a named) (?:person|owner|point of contact|contact)\b[^.!?\n]{0,20}?\bown\b"
    r"|\bwho owns (?:this|it|my|our)\b|\bthe other team'?s (?:job|problem|responsibility)\b",
    re.IGNORECASE,
)
# A date for the fix asked for: "tell me when it will be fixed", "a date for the fix", "an ETA for a fix".
_FIX_DATE_ASKED = re.compile(
    r"\bwhen (?:it|this|the (?:fix|issue|problem|bug)) will be (?:fixed|resolved|solved|released|deployed|live)\b"
    r"|\b(?:a|the|an) (?:date|eta|timeline|timescale) for (?:the|a) fix\b",
    re.IGNORECASE,
)
# Someone who can look at our side asked for: "someone who can look at the sync logs on your side", "someone with
# access to the job runners" (not "someone who can explain the invoice").
_OUR_SIDE_ASKED = re.compile(
    r"\b(?:someone|somebody|an engineer|a developer|a person)\b[^.!?\n]{0,30}?"
    r"\b(?:look at|check|read|dig into|investigate|access to|can see)\b[^.!?\n]{0,40}?"
    r"\b(?:logs?|servers?|runners?|back-?end|infrastructure|your side|your end|your systems?)\b",
    re.IGNORECASE,
)
# How to make it happen, or what set it off and for whom: "every time", "since your release on Tuesday".
_REPRODUCTION = re.compile(
    r"steps to reproduce|to reproduce|\brepro\b|when (i|we) |whenever|every time|after (i|we) |^[^\S\n]*1[.)]\s"
    r"|since (?:your|the|this|last) (?:\w+ )?(?:release|update|upgrade|deploy\w*|change|rollover|migration)"
    r"|\b(?:on|for|in) (?:every|any|all) \w+|\bevery (?:night|day|morning|run|hour|time)\b"
    r"|(?:right |just )?after (?:your|the|this|last) (?:\w+ )?(?:release|update|upgrade|deploy\w*|change|migration)"
    r"|\b(?:every|each) (?:user|one of (?:us|our \w+)|member|store"
    r"|account)\b|\ball (?:of )?(?:our |the )?(?:\d+ )?users\b",
    re.IGNORECASE | re.MULTILINE,
)
# A rate the customer contests ("23% VAT", "a fee of around 2.9%") gives the sum as well as an amount would.
_RATE = re.compile(r"\d{1,2}(?:\.\d{1,2})?\s?%")
_ERROR_TEXT = re.compile(r"\b(error|exception|traceback|status)\b|\b[45]\d\d\b", re.IGNORECASE)
# The customer says an error message appears (so its exact words are worth asking for); a crash, a wrong figure
# or a job that never runs shows none.
_SHOWS_MESSAGE = re.compile(
    r"\b(?:(?:get|got|see|saw|shows?|showing|displays?|pops? up|throws?|returns?)\b[^.!?\n]{0,30}"
    r"\b(?:error|message|warning|alert)|error (?:message|code|pops?)|says (?:something|an error))",
    re.IGNORECASE,
)
# Charges the billing team finds without a number: many at once ("every invoice since January", "212 double
# charges"), a list attached, or the one invoice of a period ("our renewal invoice", "correct November").
# Month names in Italian, French, German, Spanish and Dutch (the English ones are MONTH).
_OTHER_MONTHS = (
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|janvier|f[ée]vrier"
    r"|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|d[ée]cembre|januar|februar|m[äa]rz|juni|juli|oktober"
    r"|dezember|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|januari|februari|maart"
    r"|mei|augustus"
)
_CHARGES_FOUND_WITHOUT_NUMBER = re.compile(
    r"\b(?:every|each|all(?: the| our| of our)?|\d{2,}(?: double| duplicate)?) (?:invoices?|charges?|orders?"
    r"|payments?|payouts?|transactions?)\b|\b(?:spreadsheet|statement|list|export|invoices?) (?:is |are )?attached"
    rf"|\b(?:renewal|annual|latest|last|this month'?s|{MONTH}) (?:invoice|charge|bill)\b"
    rf"|\b(?:correct|fix|reissue) {MONTH}\b"
    # an invoice named by its month in the other languages: "la fattura di novembre", "die Rechnung vom Oktober"
    rf"|\b(?:fattur|factur|rechnung|factuur|faktur)\w{{0,3}}\s(?:[\w']+\s){{0,2}}?(?:{_OTHER_MONTHS})\b"
    rf"|\b(?:billed|charged) (?:me |us )?twice (?:for {MONTH}|(?:this|last) month)"
    # a subscription's own charges: the account shows them ("stop charging my card", "every month")
    r"|\b(?:stop|keep|still) charging|\b(?:every|each) (?:month|year)|\bmonthly charges?|\bprepaid|paid in advance"
    r"|cada mes",
    re.IGNORECASE,
)
# The customer knows their account here, so their name is no missing fact: "my account email is the one I'm
# writing from".
_OWN_ACCOUNT = re.compile(
    r"\bmy (?:card|account|subscription|plan|order|profile)\b|"
    r"\b(?:writing from|account registered to|my account (?:e-?mail|address|number|id)|the (?:e-?mail|address) (?:i|we)"
    r"(?:'m| am)? (?:use|writing))",
    re.IGNORECASE,
)
# What a customer's answer to an agent's step says came of it: "still nothing", "worked", "same error".
_OUTCOME = re.compile(
    r"\b(?:still|didn'?t|did not|doesn'?t|does not|no change|same|nothing|not|never|worked|fixed|again|failed"
    r"|error|no longer|(?:been|for) (?:over |more than |almost |nearly )?(?:a|\w+) (?:days?|weeks?|months?))\b",
    re.IGNORECASE,
)
# A greeting before the words that matter ("Hi Dana, sorry about that!", "Olá Rafael, confirmamos ..."): cut, so
# the sentence it opens is read and not dropped.
_GREETING_PREFIX = re.compile(
    r"^\s*(?:(?:hi|hello|dear|hey|thanks|thank you|ok|okay|good (?:morning|afternoon|evening)|ol[áa]|hola|bonjour"
    r"|hallo|buongiorno|bom dia|boa tarde|buenos d[íi]as|buenas tardes)\b"
    r"(?:,? (?:again|there|all|team|everyone|folks|support|(?-i:[A-Z])[\w'’-]*))?"
    r"\s*[,!.:-]+\s*)+",
    re.IGNORECASE,
)
# An agent's thanks or apology before the step ("Sorry about that, we'll look into it", "Thanks for letting us
# know."): cut, and a sentence that is nothing else is dropped.
_PLEASANTRY = re.compile(
    r"^(?:(?:i'?m |i am |we'?re |we are |so )?sorry|apologies|(?:many )?thanks|thank you|great|no problem"
    r"|(?:good|nice|great) to hear from you|hope you(?:'re| are) well)\b"
    r"[^,.!?;]{0,60}?(?:[,.!;]\s*|\s[-–]\s|$)"
    # and a closing offer that takes no step either (a call offered is one: "happy to ... - shall I set up a call?")
    r"|^(?:let (?:me|us) know|happy to(?![^.!?]*\b(?:call|meeting)\b)|hope this helps|feel free"
    r"|have a (?:great|good|nice)|any questions)\b.*$"
    # the agent's own sign-off on the same line: "Best, Mark (Account Manager)"
    r"|^(?:best|regards|kind regards|best regards|many thanks|thanks|cheers),?\s+(?-i:[A-Z])[\w'’-]+"
    r"(?: (?-i:[A-Z])[\w'’-]+)?(?: \([^)]{1,40}\))?\s*$",
    re.IGNORECASE,
)
_ORDER_REFERENCE = re.compile(
    r"\b(invoice|order|receipt|transaction|inv|po)\b\s*(number|no\.?|#|id)?\s*[:#]?\s*[A-Z]*-?\d",
    re.IGNORECASE,
)
_MONEY_TAKEN = re.compile(r"\b(?:charg\w*|debit\w*|transactions?|payments?|withdraw\w*|took|taken)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"
    r"|\b(yesterday|today|tonight|this (?:morning|afternoon|evening)|last (week|month|night|year|quarter)"
    r"|(?:in |over )?the (?:last|past) (?:\w+ )?(?:days|weeks|months|years)"
    r"|on (mon|tues|wednes|thurs|fri|satur|sun)day"
    rf"|{MONTH} \d{{1,4}}|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}|(?:since|in|from) {MONTH}"
    r"|(?:\d+|one|two|three|four|five|six|several) (?:days|weeks|months|years) (?:ago|after|since)"
    # dates as the other languages we get write them: "1 de noviembre", "14. Oktober", "3 mars"
    r"|\d{1,2}\.? (?:de )?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|octobre|novembre|décembre|januar|februar|märz"
    r"|juni|juli|oktober|dezember)"
    # today and yesterday in the other languages we get: "dziś rano", "ayer", "gestern"
    r"|hoy|ayer|aujourd'hui|heute|gestern|oggi|ieri|vandaag|gisteren|hoje|ontem|dziś|dzisiaj|wczoraj)\b",
    re.IGNORECASE,
)
# An agent's promise of a reply by a time: "we'll get back to you within 24 hours", "I will update you by
# Friday".
_PROMISE = re.compile(
    r"\b(we'?ll|we will|i'?ll|i will|you'?ll|you will)\b[^.!?\n]{0,80}?"
    r"\b(within (?P<count>\d+) (?:business |working )?(?P<unit>hours?|days?)"
    r"|by (tomorrow|tonight|today|end of (the )?day|eod|(mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\d{1,2}(:\d{2})? ?(am|pm)?)"
    r"|today|tomorrow)\b",
    re.IGNORECASE,
)
# Promises told without "we will ... by": what should reach the customer within a span ("it should reach your card
# within 5-10 business days": the longer end counts), and an update promised when we know more ("we'll update you as
# soon as we know more"), which a customer who had to chase shows unkept.
_ARRIVAL_PROMISE = re.compile(
    r"\b(?:it|this|the \w+|your \w+)\s(?:should|will)\s(?:reach|arrive|land|appear|show|be (?:back|credited"
    r"|refunded|fixed|resolved|restored|live))\b[^.!?\n]{0,60}?\bwithin (?:\d+ ?[-–] ?|\d+ to )?(?P<count>\d+)"
    r" (?:business |working )?(?P<unit>hours?|days?)\b",
    re.IGNORECASE,
)
_UPDATE_PROMISE = re.compile(
    r"\b(?:we'?ll|we will|i'?ll|i will)\s(?:\w+\s)?(?:update|get back to|let) you\b[^.!?\n]{0,30}?"
    r"\b(?:as soon as|once|when) (?:we|i) (?:know|hear|have) (?:more|anything|news)\b",
    re.IGNORECASE,
)
_PROMISES = (_PROMISE, _ARRIVAL_PROMISE, _UPDATE_PROMISE)
# A customer turn that chases an update promised with no time ("any update?", "still waiting", "it's been most of a
# day", "Is it fixed, is it being fixed, when??"); a reply three minutes later that thanks us ("Great, thanks for the
# quick reply!") does not.
_CHASES = re.compile(
    r"\b(?:any (?:update|news|progress)|still (?:waiting|no\b|nothing|not|haven'?t|hasn'?t)|(?:heard|had) nothing"
    r"|no (?:update|news|word|reply|response|answer)|chas(?:e|ing)|following up|follow(?:ing)?-up|again\b"
    r"|never (?:came|heard|got)|(?:has|have)n'?t heard|(?:when|where) (?:is|are|will)\b|when\s?\?"
    r"|it(?:'?s| is| has) (?:now )?been\b|(?:actual|real|proper|straight) answer|nobody (?:has )?(?:answered|replied"
    r"|got back|told)|is it (?:fixed|being fixed|resolved|back)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Handoff:
    template: str  # the templates that apply, joined by "+": "technical+high_value"; the first one renders
    subject: str
    text: str
    html: str
    missing_information: list[str]
    deadlines: list[str]  # the customer's own deadlines, flagged for the next tier


@dataclass(frozen=True)
class Acknowledgement:
    subject: str
    text: str


def facts_of(ticket: Ticket, prediction: Prediction, scores: HeadScores) -> TicketFacts:
    families = {family for family, names in _SIGNAL_FAMILIES.items() if _found(scores, names)}
    found = {name for name, count in scores.signals.items() if count}
    return ticket_facts(ticket, prediction.trigger_labels, families, found)


def handoff_templates(
    ticket: Ticket, prediction: Prediction, decision: Decision, facts: TicketFacts, settings: Handoffs
) -> tuple[str, ...]:
    """Compliance first (it needs confidentiality), then technical, then high-value for the accounts the
    configuration calls high-value; every one that applies. With none, the team's own template from the
    configuration (unless it is high-value: that follows the account, not the team), else the general one."""
    labels = set(prediction.trigger_labels)
    cases = set(facts.case_types)
    customer = ticket.customer
    parts = []
    if "legal" in labels or cases & COMPLIANCE_CASES:
        parts.append("compliance")
    if cases & TECHNICAL_CASES:  # from the text; a technical label alone gives "bug" only when something fails
        parts.append("technical")
    high_value = customer is not None and settings.is_high_value(customer.annual_contract_value, customer.strategic)
    if not parts and decision.handoff_template not in (None, "high_value", "compliance", "technical"):
        parts.append(str(decision.handoff_template))
    if high_value:
        parts.append("high_value")
    return tuple(parts) or ("general",)


def draft_handoff(
    ticket: Ticket,
    prediction: Prediction,
    scores: HeadScores,
    decision: Decision,
    *,
    template_dir: str | Path | None = None,
    config: EscalationConfig | None = None,
) -> Handoff:
    """A hand-off for the recommended tier and team, in plain text and HTML."""
    settings = config.handoff_settings if config is not None else DEFAULT_HANDOFFS
    facts = facts_of(ticket, prediction, scores)
    templates = handoff_templates(ticket, prediction, decision, facts, settings)
    missing = missing_information(ticket, facts, templates)
    recommendation = decision.recommendation
    urgency = _urgency(recommendation.tier, scores.frustration_level, facts)
    headline = _headline(ticket)
    context = {
        "urgency": urgency,
        "ticket": _ticket_context(ticket),
        "issue": headline,
        "customer": _customer_context(ticket, facts),
        "recommendation": {
            "tier": str(recommendation.tier),
            "tier_name": recommendation.tier_name,
            "team": recommendation.team,
            "confidence": f"{recommendation.confidence:.0%}",
            "abstain": "yes: human review" if recommendation.abstain else "no",
        },
        "also": [_TEMPLATE_TITLES.get(name, name) for name in templates[1:]],
        "combined": list(templates[1:]),
        "triggers": [f"{name} {p:.2f}" for name, p in prediction.triggers.items()],
        "trigger_labels": ", ".join(prediction.trigger_labels) or "none",
        "case_types": [CASE_DESCRIPTIONS[case] for case in facts.case_types],
        "frustration": {
            "level": str(prediction.frustration.level),
            "cues": ", ".join(prediction.frustration.cues) or "none",
        },
        "trajectory": _trajectory_context(scores, facts),
        "deadline": "; ".join(f'"{deadline}"' for deadline in facts.deadlines) or "none given",
        "amounts": facts.amounts,
        "identifiers": facts.identifiers,
        "log_lines": facts.log_lines,
        "contacts": facts.contacts,
        "reasons": list(decision.reasons),
        "rules_fired": ", ".join(decision.rules_fired) or "none",
        "steps_taken": _steps_taken(ticket, facts),
        "signals_found": [f"{name} x{count}" for name, count in scores.signals.items() if count],
        "specialist_areas": _specialist_areas(scores, facts),
        "regulatory_concerns": _regulatory_concerns(scores, facts),
        "business_impact": _business_impact(ticket, scores, facts),
        "recommended_actions": _recommended_actions(ticket, scores, facts, templates, settings),
        "evidence": _evidence(ticket, templates),
        "missing_information": missing,
        "missing_heading": (
            "Missing information: ask the customer in parallel; do not hold the escalation for it"
            if facts.urgent or _never_held(recommendation.tier, scores)
            else "Missing information: ask the customer before escalating"
        ),
    }
    environment = _environment(template_dir)
    deadline = f" (customer deadline {spoken_deadline(_first_deadline(facts))})" if facts.deadlines else ""
    subject = f"[{urgency.upper()}] {ticket.id}: tier {recommendation.tier} {recommendation.team}: {headline}{deadline}"
    return Handoff(
        template="+".join(templates),
        subject=subject,
        text=_render(environment, f"{templates[0]}.txt.j2", context),
        html=_render(environment, f"{templates[0]}.html.j2", context),
        missing_information=missing,
        deadlines=facts.deadlines,
    )


# The model's own signals of an outage or a security case: whatever case the text names, such a ticket is not held.
_URGENT_SIGNALS = ("outage", "security_incident", "data_loss")


def _never_held(tier: int, scores: HeadScores) -> bool:
    """An executive-tier escalation, or one whose technical signals report an outage, a security incident or lost
    data, goes up now: what it lacks is asked in parallel (rubric check 4), even when no case phrase matched."""
    return tier >= 4 or any(scores.signals.get(name, 0) for name in _URGENT_SIGNALS)


_TEMPLATE_TITLES = {
    "compliance": "compliance and legal",
    "technical": "technical",
    "high_value": "high-value account",
    "general": "general",
}


def missing_information(ticket: Ticket, facts: TicketFacts, templates: tuple[str, ...]) -> list[str]:
    """What the next tier will ask for that the ticket does not say, and only for the case it is."""
    text = "\n".join(
        [*(turn.body for turn in ticket.history if turn.author == "customer"), ticket.subject, ticket.body]
    )
    customer = ticket.customer
    cases = set(facts.case_types)
    detail = bool(facts.identifiers or facts.log_lines)
    missing = []
    agent_answered = any(turn.author == "agent" for turn in ticket.history)
    charges_found = _CHARGES_FOUND_WITHOUT_NUMBER.search(text)
    referenced = bool(facts.identifiers or _ORDER_REFERENCE.search(text))
    tried = facts.customer_steps or agent_answered
    if "bug" in cases and not (detail or tried or _REPRODUCTION.search(text)):
        missing.append("reproduction steps (what the customer did, what happened, what they expected)")
    if "bug" in cases and _SHOWS_MESSAGE.search(text) and not detail:
        missing.append("the exact error message or code")
    known = (customer and customer.name) or facts.sender.name or facts.sender.company or _OWN_ACCOUNT.search(text)
    # a data-protection request's sender is verified by the request's own action, not asked for a name
    if "compliance" in templates and "legal_threat" in cases and not known:
        missing.append("the customer's name")
    business_plan = customer is not None and (customer.strategic or (customer.plan or "").lower() in BUSINESS_PLANS)
    # a person who never writes "we" or "our" on a plan of no business kind is a consumer: no company to ask for
    business = customer is not None and bool(
        business_plan or (customer.annual_contract_value and SPEAKS_FOR_A_TEAM.search(_own_words(ticket)))
    )
    # a person asking for their own data writes for themselves, whatever the account's plan
    personal = "privacy_request" in cases and not facts.sender.company
    if (
        business
        and customer is not None
        and not (customer.company or facts.sender.company or facts.client)
        and not personal
    ):
        missing.append("the customer's company")
    if "high_value" in templates:
        if not (customer and customer.annual_contract_value is not None):
            missing.append("the annual contract value")
        if facts.account_manager is None and facts.addressee is None:
            missing.append("the account owner (no account manager is named in the ticket)")
    dated = _DATE.search(text) or facts.deadlines or any(turn.at for turn in ticket.history)
    if cases & {"legal_threat", "regulator", "data_exposure", "fraud"} and not dated:
        missing.append("when the events happened (dates)")
    billing = cases & {"billing_dispute", "fraud"}
    # an agent who already answered had the account in front of them; many charges need no single number
    looked_up = (
        agent_answered
        or charges_found
        or (facts.amounts and _DATE.search(text))  # "$260 on the 4th of November" finds the payment
    )
    if billing and not (referenced or looked_up):
        missing.append("the invoice, order or transaction number")
    # charges the billing team finds on the account, and an invoice number, show the amount too (not for fraud,
    # where the customer's list is the evidence)
    shown_on_account = (charges_found or referenced) and "fraud" not in cases
    # fraud with no money taken ("someone is pretending to be my business") has no amount to ask for
    money_case = cases & {"billing_dispute", "funds_held"} or ("fraud" in cases and _money_taken(text))
    if money_case and not (facts.amounts or _RATE.search(text) or shown_on_account):
        missing.append("the amount in dispute")
    return missing


# A negator in a clause: "confirm that no credit or payments have been taken out" reports no money taken.
_NEGATOR = re.compile(r"\b(?:no|not|never|nothing|none|without)\b|n['’]t\b", re.IGNORECASE)
_CLAUSE_MARKS = (",", ";", ".", "!", "?", "\n", " but ")


def _money_taken(text: str) -> bool:
    """Whether the text says money was taken, in a clause with no negator before the word ("they took £300",
    not "no payments have been taken out in my name")."""
    for match in _MONEY_TAKEN.finditer(text):
        window = max(0, match.start() - 200)  # a clause is read back this far at most
        start = max(window, *(text.rfind(mark, window, match.start()) + 1 for mark in _CLAUSE_MARKS))
        if not _NEGATOR.search(text[start : match.start()]):
            return True
    return False


def _own_words(ticket: Ticket) -> str:
    """The customer's words in every turn, without the mails they forward or quote."""
    turns = [turn.body for turn in ticket.history if turn.author == "customer"]
    return "\n".join(own_part(message_text(body)) for body in [*turns, ticket.subject, ticket.body])


def draft_acknowledgement(
    ticket: Ticket,
    prediction: Prediction,
    scores: HeadScores,
    decision: Decision,
    *,
    template_dir: str | Path | None = None,
    config: EscalationConfig | None = None,
) -> Acknowledgement | None:
    """A message telling the customer who owns the case, what happens next and when; None for a ticket the
    models sent to human review (a person reads it before anyone writes to the customer).

    The times are the configured service targets for the tier and team, never past resolution times:
    graver cases are promised sooner answers. Shadow-mode decisions (``decision.visible`` false) should not
    be sent; that is the caller's choice.
    """
    recommendation = decision.recommendation
    if recommendation.abstain:
        return None
    settings = config.handoff_settings if config is not None else DEFAULT_HANDOFFS
    facts = facts_of(ticket, prediction, scores)
    target = settings.service_target(recommendation.tier, recommendation.team)
    promise = _missed_promise(ticket, update_hours=target.update_hours)
    customer_name = ticket.customer.name if ticket.customer else None
    context = {
        "greeting": f"Hello {customer_name}," if customer_name else "Hello,",
        "issue": _headline(ticket),
        "frustrated": scores.frustration_level >= 2,
        "apology": _apology(scores.frustration_level, facts),
        "repeated_contact": facts.earlier_customer_contact or facts.told_earlier_contact,
        "told_promise": None if promise else facts.broken_promise,
        "missed_promise": {"date": _when(promise[1]), "words": promise[0]} if promise else None,
        "owner": _owner(settings.owner_role(recommendation.team), ticket, facts),
        "first_response": _duration(target.first_response_hours),
        "update_every": _duration(target.update_hours),
        **_deadline_context(_deadlines_for_us(facts)[:2], _duration(target.first_response_hours)),
        # a reply whose words we do not have tells of no step the customer took
        "steps_noted": _technical(facts)
        and bool(facts.customer_steps or [step for step in _agent_steps(ticket) if _NO_TEXT not in step]),
    }
    return Acknowledgement(
        subject=f"Update on your request {ticket.id}: {_headline(ticket)}",
        text=_render(_environment(template_dir), "acknowledgement.txt.j2", context),
    )


# A time that means at once: the customer hears how soon we can be, not "your deadline ("now")".
_AT_ONCE = {"now", "right now", "immediately", "asap", "right away", "straight away"}


def _deadline_context(deadlines: list[str], first_response: str) -> dict[str, str]:
    """The deadlines the acknowledgement echoes; one asked for at once ("call me NOW") is answered with what we
    can honestly promise, a call as soon as the owner can and word within the tier's first reply at the latest."""
    at_once = next((deadline for deadline in deadlines if spoken_deadline(deadline) in _AT_ONCE), None)
    rest = [deadline for deadline in deadlines if deadline != at_once]
    context = {"deadline": " and ".join(dict.fromkeys(f'"{spoken_deadline(d)}"' for d in rest)), "asked_at_once": ""}
    if at_once is not None:
        when = spoken_deadline(at_once)
        context["asked_at_once"] = (
            f"You asked for a call {when}: I have asked them to call you as soon as they can, and you will hear from"
            f" us within {first_response} at the latest."
            if _CALL_IN_DEADLINE.search(at_once)
            else f"You asked us to act {when}: they will come back to you as soon as they can, and within"
            f" {first_response} at the latest."
        )
    return context


def _owner(role: str, ticket: Ticket, facts: TicketFacts) -> str:
    """The owner's role as configured, less "for your company" when the ticket knows of no company: a consumer
    hears "our account lead", not of a company they do not have."""
    company = (ticket.customer.company if ticket.customer else None) or facts.sender.company
    return role if company else role.replace(" for your company", "")


# A notice's date of effect: "with effect thirty days from ...", "Kündigung zum 31.12.2026", "termination effective 31
# March".
_NOTICE = re.compile(r"\bwith effect\b|\bnotice\b|\b(?<!bis )zum\b|\beffective\b|\btakes effect\b", re.IGNORECASE)


def _first_deadline(facts: TicketFacts) -> str:
    """The deadline the subject and the actions carry: the first with a time in it ("by end of day Wednesday"
    rather than "before launch"), a reply asked for before a notice's date of effect."""
    ordered = _deadlines_for_us(facts) or facts.deadlines
    return next((deadline for deadline in ordered if names_a_time(deadline)), ordered[0])


def _deadlines_for_us(facts: TicketFacts) -> list[str]:
    """The deadlines the customer sets us; a notice's date of effect ("with effect thirty days from ...") is on
    the hand-off, but promising the customer word before it would misread the notice."""
    ours = [deadline for deadline in facts.deadlines if not _NOTICE.search(deadline)]
    return sorted(ours, key=lambda deadline: not names_a_time(deadline))  # the ones with a time first


def _technical(facts: TicketFacts) -> bool:
    return any(case in TECHNICAL_CASES for case in facts.case_types)


def _apology(frustration_level: int, facts: TicketFacts) -> str:
    """An apology where one is owed: the customer had to come back, is frustrated, or suffers an outage or a
    security case; "still" only when the history shows an earlier contact."""
    if facts.earlier_customer_contact:
        return "I am sorry that this is still not resolved and that you have had to contact us again."
    if facts.told_earlier_contact:  # we cannot see that contact, so no "still" about it
        return "I am sorry that you have had to contact us again about this."
    if "outage" in facts.case_types:  # the impact is owed an apology whatever the tone
        return "I am sorry for the disruption this is causing you."
    if facts.urgent:  # a breach, a takeover, fraud, lost data
        return "I am sorry for the worry this is causing you."
    if frustration_level >= 2:
        return "I am sorry for the trouble this has caused you."
    return ""


@lru_cache(maxsize=8)
def _environment(template_dir: str | Path | None) -> jinja2.Environment:
    # Built once per template directory: building it per ticket recompiled every template each time.
    search = [str(template_dir)] if template_dir is not None else []
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([*search, str(TEMPLATE_DIR)]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return environment.get_template(name).render(context)
    except jinja2.TemplateNotFound:
        raise TriageError(f"hand-off template {name} not found") from None
    except jinja2.UndefinedError as error:
        raise TriageError(f"hand-off template {name}: {error.message}") from None
    except jinja2.TemplateSyntaxError as error:
        raise TriageError(f"hand-off template {name}, line {error.lineno}: {error.message}") from None


def _ticket_context(ticket: Ticket) -> dict[str, str]:
    return {
        "id": ticket.id,
        "subject": ticket.subject or NOT_PROVIDED,
        "body": ticket.body or NOT_PROVIDED,
        "channel": ticket.channel or NOT_PROVIDED,
        "product": ticket.product or NOT_PROVIDED,
        "created_at": _when(ticket.created_at),
        "tags": ", ".join(ticket.tags) or NOT_PROVIDED,
    }


def _customer_context(ticket: Ticket, facts: TicketFacts) -> dict[str, str]:
    customer = ticket.customer
    contract_value = customer.annual_contract_value if customer else None
    sender = facts.sender
    name = (customer.name if customer else None) or (f"{sender.name} ({sender.how})" if sender.name else None)
    company = (customer.company if customer else None) or facts.client or sender.company
    if facts.account_manager:
        manager = facts.account_manager
    elif facts.addressee:
        manager = f"not named; the customer wrote to {facts.addressee} (confirm the owner)"
    else:
        manager = NOT_PROVIDED
    role = f", {sender.role}" if sender.role and not (customer and customer.name) and sender.name else ""
    signer_firm = sender.company if company and sender.company and not _same_company(company, sender.company) else None
    if signer_firm:  # a firm writing for the customer: "Carrow Lane Solicitors LLP, for Vantage Home Care Ltd"
        name = f"{name}{role}, {signer_firm}" if name else f"{signer_firm} (signed the message)"
        role = ""
        company = f"for {company}"
    known = [part for part in (name and name + role, company) if part]
    return {
        "summary": ", ".join(known) if known else "not named in the ticket",
        "name": name or NOT_PROVIDED,
        "company": (customer.company if customer else None) or facts.client or sender.company or NOT_PROVIDED,
        "plan": (customer.plan if customer else None) or NOT_PROVIDED,
        "contract_value": f"${contract_value:,.0f} a year" if contract_value is not None else NOT_PROVIDED,
        "strategic": {True: "yes", False: "no", None: NOT_PROVIDED}[customer.strategic if customer else None],
        "account_manager": manager,
    }


def _same_company(first: str, second: str) -> bool:
    """ "Corrib Logistics" and "Corrib Logistics Ltd" are one company."""
    first, second = (re.sub(r"[^a-z0-9 ]", "", name.lower()) for name in (first, second))
    return first in second or second in first


def _trajectory_context(scores: HeadScores, facts: TicketFacts) -> dict[str, str]:
    hours = facts.hours_open
    return {
        "customer_contacts": str(scores.trajectory.customer_contacts),
        "agent_replies": str(scores.trajectory.agent_replies),
        "hours_open": f"{hours:.0f}" if hours is not None else NOT_PROVIDED,
        "time_open": _duration(hours) if hours is not None else "unknown (no timestamps)",
        "failed_attempts": str(scores.trajectory.failed_attempts),
    }


def _urgency(tier: int, frustration_level: int, facts: TicketFacts) -> str:
    if tier >= 4 or frustration_level >= 3:
        return "urgent"
    if tier >= 3 or frustration_level >= 2 or facts.urgent or facts.deadlines:
        return "high"
    return "normal"


def _headline(ticket: Ticket) -> str:
    headline = ticket.subject or (sentences(ticket.body) or [""])[0]
    return headline if len(headline) <= 80 else headline[:77].rstrip() + "..."


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else NOT_PROVIDED


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


_NO_TEXT = "(the reply's text is not in the ticket)"


def _agent_steps(ticket: Ticket) -> list[str]:
    """Each agent turn in the history as an ask and its answer: what the agent asked or did, and what the
    customer's next message says came of it."""
    steps = []
    turns = ticket.history
    for index, turn in enumerate(turns):
        if turn.author != "agent":
            continue
        if not turn.body.strip():  # the reply is on the ticket, its words are not: say so rather than "none"
            steps.append(f"{_when(turn.at)}: an agent replied {_NO_TEXT}")
            continue
        if not _takes_a_step(turn.body):
            continue
        answer = next((later.body for later in turns[index + 1 :] if later.author == "customer"), ticket.body)
        reply = _answer_sentences(answer) or "(no answer in the ticket)"
        steps.append(f"{_when(turn.at)}: agent: {_agent_step(turn.body)} -> customer: {reply}")
    return steps


def _without_pleasantry(sentence: str) -> str:
    """The sentence less its greeting and thanks; a thanks that runs on ("Thank you for flagging this, and for not
    forwarding it.") is all pleasantry."""
    kept = _PLEASANTRY.sub("", _GREETING_PREFIX.sub("", sentence))
    return "" if kept != sentence and _RUNS_ON.match(kept) else kept


_RUNS_ON = re.compile(r"^(?:and|or|as well as|too)\b")


def _agent_step(body: str) -> str:
    """The agent's sentences that ask for or report a step, without the greeting and the thanks around them."""
    said = [_without_pleasantry(sentence) for sentence in sentences(_without_signature(body))]
    said = [sentence for sentence in said if len(sentence.split()) >= 3 and not says_nothing(sentence)]
    chosen: list[str] = []
    for sentence in said[:3]:  # whole sentences while they fit
        if chosen and len(" ".join([*chosen, sentence])) > 200:
            break
        chosen.append(sentence)
    return _excerpt(" ".join(chosen), 200) if chosen else _excerpt(message_text(body), 200)


# What an agent asks the customer to do, or says was done: a step, even in a question ("Could you try
# reinstalling?"); a question for information ("Which browser are you on?") is none.
_ACTION = re.compile(
    r"\b(?:try|tried|clear\w*|restart\w*|reboot\w*|reinstall\w*|re-?install\w*"
    r"|log(?:ging)? (?:out|in)|sign(?:ing)? (?:out|in)"
    r"|reset\w*|updat\w*|upgrad\w*|check\w*|switch\w*|enabl\w*|disabl\w*|turn\w* (?:on|off)|re-?connect\w*|remov\w*"
    r"|delet\w*|install\w*|follow\w*|run|ran|appl(?:y|ied)|fix\w*|escalat\w*|refund\w*|credit\w*|cancel\w*"
    r"|restor\w*|resen[dt]|sent|rais\w*|approv\w*|confirm\w*|process\w*|chang\w*|set|make sure|ensure"
    r"|passed|forwarded|reported|logged|handed (?:over|on)|asked|investigat\w*|backfill\w*)\b",
    re.IGNORECASE,
)


def _takes_a_step(body: str) -> bool:
    """An agent turn that does or asks for something, not one that only greets or asks how it can help."""
    said = [s for s in sentences(message_text(body)) if not says_nothing(s)]
    return any(not sentence.rstrip().endswith("?") or _ACTION.search(sentence) for sentence in said)


def _steps_taken(ticket: Ticket, facts: TicketFacts) -> list[str]:
    """The agents' steps with the answers, then the customer's own steps not already quoted as an answer."""
    agent_steps = _agent_steps(ticket)
    quoted = " ".join(agent_steps)
    return agent_steps + [f'customer: "{step}"' for step in facts.customer_steps if step not in quoted]


def _answer_sentences(answer: str) -> str:
    """What the customer answered: the sentence that says how the step went (with the next one when it is as short
    as "It is not."), after a direct answer that opens the reply ("We did, all 14 of them."); with no such
    sentence, the reply's first."""
    said = [
        _GREETING_PREFIX.sub("", sentence)
        for sentence in sentences(message_text(answer))
        if not _SALUTATION_ALONE.match(sentence) and not _THANKS_ALONE.match(sentence)
    ]
    said = [
        sentence
        for sentence in said
        if (len(sentence.split()) >= 3 or _DIRECT_ANSWER.match(sentence)) and not _SMALL_TALK_LINE.match(sentence)
    ]
    if not said:
        return ""
    at = next((index for index, sentence in enumerate(said) if _OUTCOME.search(sentence)), None)
    if at is None:
        return _excerpt(said[0], 240)
    chosen = said[at : at + 2] if len(said[at].split()) < 5 else said[at : at + 1]
    if at > 0 and _DIRECT_ANSWER.match(said[0]):
        chosen = [said[0], *chosen]
    return _excerpt(" ".join(chosen), 240)


# A salutation on its own line, in the languages the cue tables read, is no answer: "Sehr geehrter Herr Lindner,",
# "Madame, Monsieur,", "Estimados señores:", "Szanowni Państwo," (not "Hallo, das Problem ist noch da.").
_SALUTATION_ALONE = re.compile(
    r"^\s*(?:dear|hi|hello|hey|sehr geehrte[rs]?|liebe[rs]?|guten (?:tag|morgen|abend)|hallo|bonjour|bonsoir|madame"
    r"|monsieur|cher|chère|chers|estimad[oa]s?|hola|buenos días|buenas tardes|gentil[ei]|egregi[oa]|buongiorno|car[oa]"
    r"|geachte|beste|goedemorgen|goedemiddag|szanown[aiy]|dzień dobry|witam|hej|hei|hallå|dobrý den|vážen[ýáí]"
    r"|merhaba|sayın|olá|prezad[oa]s?|bom dia|boa tarde)\b"
    r"(?:,?\s+(?:(?-i:[A-ZÀ-ÖØ-ÞĆČĎĐĘĚŁŃŇŐŘŚŠŤŰŹŻŽ])[\w.'’-]*|und|and|et|e|y|en|i|ve|a))"
    r"{0,5}\s*[,:!]?\s*$",
    re.IGNORECASE,
)
# A sentence that only thanks for what we sent is no answer either: "Thanks for the breakdown.", "Vielen Dank für
# den Vorfallbericht." (not "Thanks, that worked." nor "Thanks for the fix, but it fails again.").
_THANKS_ALONE = re.compile(
    r"^\s*(?:(?:many )?thanks|thank you|vielen dank|danke|merci|gracias|grazie|bedankt|dank u|dziękuję|obrigad[oa]"
    r"|tack|takk|tak|kiitos|děkuji|teşekkürler)\s+(?:for|für|pour|por|per|voor|za|för|pelo|pela|på)"
    r"(?:\s+[^\s.!?,;]+){1,4}\s*[.!]?\s*$",
    re.IGNORECASE,
)
_SMALL_TALK_LINE = re.compile(r"^(?:i |we )?hope (?:you|this|all)\b|^how are you\b", re.IGNORECASE)
_DIRECT_ANSWER = re.compile(
    r"^(?:yes|no|nope|done|did|(?:we|i) (?:did|have|had|tried)|it is|it'?s not|that|tried|ok|okay|sure)\b", re.I
)


def _found(scores: HeadScores, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if scores.signals.get(name, 0)]


def _describe_signals(scores: HeadScores, names: tuple[str, ...]) -> list[str]:
    return [SIGNALS.get(name, name.replace("_", " ")) for name in _found(scores, names)]


def _cases_of_family(facts: TicketFacts, cases: frozenset[str]) -> list[str]:
    return [CASE_DESCRIPTIONS[case] for case in facts.case_types if case in cases]


def _specialist_areas(scores: HeadScores, facts: TicketFacts) -> list[str]:
    """The technical case and signals, and what the customer pasted: never a bare word match."""
    technical = frozenset(case for case, family in CASE_FAMILY.items() if family == "technical") | {"account_takeover"}
    areas = _cases_of_family(facts, technical) + _describe_signals(scores, TECHNICAL_SIGNALS)
    if facts.log_lines:
        areas.append(f"{len(facts.log_lines)} log line(s) pasted by the customer (below)")
    return list(dict.fromkeys(areas))


def _regulatory_concerns(scores: HeadScores, facts: TicketFacts) -> list[str]:
    # a breach asked about ("your notification period following discovery of a breach") reports no incident
    signals = tuple(name for name in LEGAL_SIGNALS if not (facts.breach_asked_about and name == "security_incident"))
    concerns = _cases_of_family(facts, COMPLIANCE_CASES) + _describe_signals(scores, signals)
    concerns += [f'the customer\'s deadline: "{deadline}"' for deadline in facts.deadlines]
    return list(dict.fromkeys(concerns))


def _business_impact(ticket: Ticket, scores: HeadScores, facts: TicketFacts) -> list[str]:
    customer = ticket.customer
    impact = []
    # the word "cancel" finds downgrades and cancelled orders too: a cancellation counts when the text reads as one
    # or the customer threatens to leave
    leaving = "cancellation" in facts.case_types or bool(_found(scores, ("churn_threat",)))
    if customer and customer.annual_contract_value is not None:
        at_risk = " at risk" if leaving else ""
        impact.append(f"annual contract value ${customer.annual_contract_value:,.0f}{at_risk}")
    if customer and customer.strategic:
        impact.append("strategic account")
    impact += [f"amount named: {amount}" for amount in facts.amounts]
    signals = tuple(name for name in REVENUE_SIGNALS if leaving or name != "cancellation")
    impact += _describe_signals(scores, signals)
    return impact


def _recommended_actions(
    ticket: Ticket, scores: HeadScores, facts: TicketFacts, templates: tuple[str, ...], settings: Handoffs
) -> list[str]:
    """The configured actions for each case the ticket is, then what the account and the thread call for."""
    # with a legal threat, calling the customer to keep them waits for legal review (the threat's own action)
    cases = [case for case in facts.case_types if not (case == "cancellation" and "legal_threat" in facts.case_types)]
    actions = [
        action
        for case in cases
        for action in settings.actions_for(case) or _UNTABLED_CASE_ACTIONS.get(case, ())
        # data out of its region is the exposure: the residency's own scope and notification actions say it for both
        if not (case == "data_exposure" and "data_residency" in cases and _SAID_BY_RESIDENCY.search(action))
    ]
    if "privacy_request" in cases and _PAST_ITS_TERM.search(_customer_text(ticket)):
        actions += _OVERDUE_REQUEST_ACTIONS
    actions += _thread_actions(ticket)  # what the customer is owed is the case's work, before the generic promises
    if _CONTESTED_CASES & set(cases) and _DEBT_COLLECTION.search(_customer_text(ticket)):
        actions += _COLLECTION_ACTIONS
    if facts.deadlines:
        actions = _with_deadline_action(actions, _first_deadline(facts))
    if _technical(facts) and (facts.customer_steps or scores.trajectory.failed_attempts):
        actions.append("do not ask the customer to repeat the steps already taken (listed above)")
    customer = ticket.customer
    if "high_value" in templates:
        if customer and customer.strategic:
            actions.append("inform the executive sponsor of this strategic account")
        actions.append("agree the next update time with the customer and keep it")
    # a legal threat's hold and the fraud procedure's evidence, where the configured actions for them say so,
    # already keep the ticket
    kept = any(
        _KEEPS_RECORDS.search(action)
        for case in cases
        if case in {"legal_threat", "fraud", "impersonation"}
        for action in settings.actions_for(case)
    )
    if "compliance" in templates and not kept:
        actions.append("preserve the ticket, its history and related logs")
    return list(dict.fromkeys(actions))


def _said_unnegated(pattern: re.Pattern[str], text: str, *, sentence_wide: bool) -> bool:
    """Whether ``pattern`` is said with no negator before it in its sentence (``sentence_wide``) or in the four
    words before it."""
    for match in pattern.finditer(text):
        start = max(text.rfind(mark, 0, match.start()) for mark in (".", "!", "?", "\n")) + 1
        before = text[start : match.start()]
        if not sentence_wide:
            before = " ".join(before.split()[-4:])
        if not _NEGATED_BEFORE.search(before):
            return True
    return False


# Debt collection threatened or started over the bill in dispute: "a letter from a collection agency", "you've sent
# me to collections", "ein Schreiben vom Inkasso"; not "data collection" or "our photo collections".
_DEBT_COLLECTION = re.compile(
    r"\b(?:collections? (?:agency|agencies|process|letters?|notices?|team|department)|debt[- ]?collect\w*"
    r"|debt recovery|(?:sent|send|sending|passed|handed|referred|going|gone|go|went) (?:\w+ ){0,2}?to collections?\b"
    r"|inkasso\w*|incasso\w*|recouvrement|agencia de cobro\w*|windykac\w*)",
    re.IGNORECASE,
)
# the cases in which the customer contests what collection is sought for: a charge, a price, a refund, a contract
# ended ("I CANCELLED in September"), or a legal threat over it
_CONTESTED_CASES = {"billing_dispute", "price_increase", "refund_owed", "cancellation", "legal_threat"}
_COLLECTION_ACTIONS = [
    "put collection of the disputed amount on hold (tell any collection agency to stop) while the dispute is reviewed",
    "confirm the hold to the customer in writing",
]


def _customer_text(ticket: Ticket) -> str:
    """The customer's words in the thread, the subject line included ("Re: Debt collector letter")."""
    customer_turns = (turn.body for turn in ticket.history if turn.author == "customer")
    return "\n".join([ticket.subject, *customer_turns, ticket.body])


# A deadline that asks for a call: "ring me today", "phone us before 5pm".
_CALL_IN_DEADLINE = re.compile(r"\b(?:call|ring|phone|speak|talk)\b", re.IGNORECASE)
_ARRANGE_CALL = "arrange the call the customer asks for"


def _with_deadline_action(actions: list[str], deadline: str) -> list[str]:
    """The actions with the customer's deadline on them: a call asked for by then is a call, not a reply ("I need
    someone technical on a call with me NOW"), and a call already arranged carries the deadline."""
    calls = (i for i, action in enumerate(actions) if action.startswith(_ARRANGE_CALL))
    arranged = next((i for i in calls if deadline.lower() in actions[i].lower()), None)
    if arranged is not None:
        timed = f'{actions[arranged]}, by their deadline ("{deadline}")'
        return [*actions[:arranged], timed, *actions[arranged + 1 :]]
    if _CALL_IN_DEADLINE.search(deadline) and spoken_deadline(deadline) == "now":
        return [*actions, f'call the customer now, as they ask ("{deadline}")']
    if _CALL_IN_DEADLINE.search(deadline):
        return [*actions, f'call the customer as they ask, before their deadline ("{deadline}"), even without a fix']
    return [*actions, f'reply before the customer\'s deadline ("{deadline}") even without a fix']


def _thread_actions(ticket: Ticket) -> list[str]:
    """What the customer is still owed from the thread: a root-cause report, a credit for missed service levels, a
    call or their data's export asked for in this message."""
    customer_text = "\n".join([*(turn.body for turn in ticket.history if turn.author == "customer"), ticket.body])
    thread_text = "\n".join([*(turn.body for turn in ticket.history), ticket.body])
    actions = []
    if _REPORT_OWED.search(customer_text) and not _said_unnegated(_REPORT_RECEIVED, thread_text, sentence_wide=True):
        actions.append(
            "send the root-cause report (what failed, why, what changes so it does not recur) or a firm date for it"
        )
    if _said_unnegated(_SLA_CREDIT, customer_text, sentence_wide=False):
        actions.append("work out the service credit the contract gives for the missed service levels and offer it")
    body = message_text(ticket.body)
    calls = ((sentence, _CALL_ASKED.search(sentence)) for sentence in sentences(body))
    if asked := next(((sentence, match) for sentence, match in calls if match), None):
        sentence, match = asked
        # a long sentence of several asks is quoted from the call's own words: "... and someone on a call with"
        words = sentence if len(sentence) <= 160 else sentence[match.start() :]
        actions.append(f'arrange the call the customer asks for ("{_excerpt(words, 160)}")')
    if _EXPORT_ASKED.search(body):
        actions.append("send the data export the customer asks for, in the format and by the date asked")
    if _OWNER_ASKED.search(body):
        actions.append("name one person who owns the case across our teams and tell the customer who it is")
    if _FIX_DATE_ASKED.search(body):
        actions.append("give the customer a date for the fix, or the date they will have one")
    if _OUR_SIDE_ASKED.search(body):
        actions.append("have an engineer with access to our own logs and systems investigate, as the customer asks")
    if asked_points := _listed_asks(body):
        points = "; ".join(f'({number}) "{_excerpt(point, 90)}"' for number, point in enumerate(asked_points, 1))
        actions.append(f"answer each point the customer lists: {points}")
    return actions


def _listed_asks(body: str) -> list[str]:
    """The points listed under a line that asks for them: "We need:", "please could you send us:", "We would be
    grateful for your answers to the following:"."""
    points: list[str] = []
    listing = False
    steps, _ = listed_steps(body)  # what they did, under its own heading, is no point to answer
    for line in body.splitlines():
        if line.rstrip().endswith(":") and _ASKS_FOR_A_LIST.search(line):
            listing = True
        elif listing and BULLET.match(line) and (point := BULLET.sub("", line).strip()) not in steps:
            points.append(point)
        elif line.strip():
            listing = False
    return points[:6]


_SALUTATION = re.compile(r"^\s*(?:dear|hi|hello|hey|to)\b[^.!?\n]{0,50},\s*$", re.IGNORECASE)


def _evidence(ticket: Ticket, templates: tuple[str, ...]) -> list[str]:
    """Customer sentences worth quoting: they hold the vocabulary of one of the hand-off's templates."""
    patterns = [_EVIDENCE_WORDS[name] for name in templates if name in _EVIDENCE_WORDS]
    text = "\n".join(
        [
            *(_without_signature(turn.body) for turn in ticket.history if turn.author == "customer"),
            _without_signature(ticket.body),
        ]
    )
    quoted = [
        f'"{_excerpt(sentence, 200)}"'
        for sentence in sentences(text)
        if any(p.search(sentence) for p in patterns)
        and not pasted_line(sentence)  # log lines have their section
        and not _SALUTATION.match(sentence)  # "Dear Legal Department," quotes nothing the customer says
    ]
    return list(dict.fromkeys(quoted))[:MAX_EVIDENCE]


def _without_signature(body: str) -> str:
    """The message without its sign-off, and without a trailing block of short unpunctuated lines (a name, a
    title, a company) that signs it without a closing word."""
    lines = message_text(body).splitlines()
    start = signature_start("\n".join(lines))
    if start is not None:
        lines = lines[:start]
    while lines and (not lines[-1].strip() or signature_line(lines[-1])):
        lines.pop()
    return "\n".join(lines)


def _missed_promise(ticket: Ticket, update_hours: float | None = None) -> tuple[str, datetime | None] | None:
    """The last agent promise of a reply by a time that a later customer turn shows was not kept.

    When both times are known and the promise names a span ("within 24 hours"), the customer must have come
    back after the deadline; otherwise coming back at all counts, as the customer had to chase us. An update
    promised with no time ("as soon as we know more") is broken when a later customer turn chases it, or comes
    after the tier's update interval (``update_hours``).
    """
    turns = [(turn.author, turn.body, turn.at) for turn in ticket.history]
    turns.append(("customer", ticket.body, ticket.created_at))
    missed = None
    for index, (author, body, at) in enumerate(turns):
        match = next((m for p in _PROMISES if (m := p.search(body))), None) if author == "agent" else None
        if match is None:
            continue
        later = [when for who, _, when in turns[index + 1 :] if who == "customer"]
        if not later:
            continue
        if match.re is _UPDATE_PROMISE and not _chased(turns[index + 1 :], at, update_hours):
            continue
        deadline = _deadline(at, match)
        known = [when for when in later if when is not None]
        if deadline is not None and known and all(_before(when, deadline) for when in known):
            continue
        missed = (match.group(0), at)
    return missed


def _chased(
    later: Sequence[tuple[str, str, datetime | None]], promised_at: datetime | None, update_hours: float | None
) -> bool:
    """A later customer turn chases the update, or comes after the tier's update interval."""
    due = promised_at + timedelta(hours=update_hours) if promised_at and update_hours else None
    return any(
        who == "customer" and (_CHASES.search(text) or bool(due and when and not _before(when, due)))
        for who, text, when in later
    )


def _deadline(at: datetime | None, promise: re.Match[str]) -> datetime | None:
    if at is None or "count" not in promise.re.groupindex or promise.group("count") is None:
        return None
    unit = "hours" if promise.group("unit").lower().startswith("hour") else "days"
    return at + timedelta(**{unit: int(promise.group("count"))})


def _before(moment: datetime, deadline: datetime) -> bool:
    try:
        return moment <= deadline
    except TypeError:  # a naive and an aware time: cannot tell, so do not excuse the promise
        return False


def _duration(hours: float) -> str:
    if hours < 1:
        return "less than an hour"
    if hours < 48:
        rounded = round(hours)
        return f"{rounded} hour{'s' if rounded != 1 else ''}"
    return f"{round(hours / 24)} days"
