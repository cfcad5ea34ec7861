"""What a hand-off must carry from the whole ticket: the steps the customer and the agents already took, the
customer's deadline, amounts, identifiers and log lines, named contacts, what kind of case it is, and how
long the thread has been open.

Everything here reads the ticket's own words with linear regular expressions (each is timed on adversarial
input in tests/handoff/test_facts.py). The signals (``triage.text.signals``) decide escalation; these
patterns only decide what the next tier is shown, so they prefer showing a line too many to dropping a step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from triage.schema import Ticket
from triage.text.trajectory import hours_spanned

MAX_ITEMS = 12  # per list: a hand-off lists facts, it does not repeat the ticket

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOCK = r"\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\d{1,2}:\d{2}(?:\s?(?:utc|gmt|cet|est|pst|et|pt))?\b|noon|midnight"
_WHEN = (
    rf"(?:(?:the )?end of (?:the |this )?(?:day|week|month|quarter)|eod|cob|eow|close of business)(?: (?:on )?{_DAY})?"
    rf"|today|tonight|tomorrow(?: morning| afternoon)?|(?:next |this )?{_DAY}(?: (?:morning|afternoon))?"
    rf"|{_CLOCK}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|the \d{{1,2}}(?:st|nd|rd|th)\b"
)
_WHEN = rf"(?:{_WHEN})(?:,? (?:today|tonight|tomorrow|(?:on |this |next )?{_DAY}))?"  # "5 pm today"
# The customer's own deadline: "by 3 pm", "before Friday", "within 24 hours", "need it today", "the board
# meeting at 3pm", "deadline is March 14".
_DEADLINE = re.compile(
    rf"\b(?:by|before|until|no later than)\s+(?:{_WHEN})"
    rf"|\bwithin (?:the next )?\d+ (?:business |working )?(?:hours?|days?)\b"
    rf"|\b(?:deadline|due date|cut-?off)\b(?: is| of| on|:)?\s+(?:{_WHEN})"
    rf"|\bdue (?:at|by|on|before)\s+(?:{_WHEN})"
    rf"|\b(?:meeting|call|presentation|launch|go-live|cutover|audit|filing|payroll|hearing)\b(?: is)?(?: due)?"
    rf" (?:at|on|by|this|tomorrow|today)\s*(?:{_WHEN})?"
    rf"|\b(?:need|needs|needed|must|has to|have to|want|can you|could you|please)\b[^.!?\n]{{0,60}}?"
    rf"\b(?:today|tonight|tomorrow|asap|immediately|right now|this (?:morning|afternoon|week))\b",
    re.IGNORECASE,
)
# Linear on long digit runs: an amount starts only where a run of digits starts (the look-behind), and the
# possessive ``*+`` never gives digits back.
_AMOUNT = re.compile(
    r"[$€£]\s?\d[\d,]*+(?:\.\d{1,2})?(?:\s?(?:k|m|bn|million|thousand)\b)?"
    r"|(?<![\w,.])\d[\d,]*+(?:\.\d{1,2})?\s?(?:usd|eur|gbp|dollars|euros|pounds)\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:invoice|order|receipt|transaction|case|ticket|contract|po|purchase order|reference|ref|account)\b"
    r"\s*(?:number|no\.?|#|id)?\s*[:#]?\s*(?P<id>[A-Z0-9][A-Z0-9-]{2,40}+)",
    re.IGNORECASE,
)
# Codes as customers paste them: INV-2231, ORA-00942, ERR_CONN_RESET (upper case, with a digit or an
# underscore: "follow-up" is no code), NullPointerException; and, in any case, HTTP 502, a UUID, 0x8007.
_UPPER_CODE = re.compile(
    r"\b[A-Z][A-Z0-9]{1,15}+(?:[-_][A-Z0-9]{1,20}+){1,4}+\b|\b[A-Z][A-Za-z0-9]{0,60}?(?:Exception|Error)\b"
    r"|\b[A-Z]{2,10}+\d{3,12}+\b"  # AADSTS50011
    r"|\b[a-z]{2,8}+_[A-Za-z0-9]{4,40}+\b"  # txn_5Kq81, whd_88f1a2: a vendor's object ids
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # an IP address
    r"|(?<![\w/])/[\w-]{1,40}+(?:/[\w.-]{1,80}+){1,8}+"  # an endpoint or path: /v3/charges, /s/000451
)
_CODE = re.compile(
    r"\b(?:HTTP|error|status|code)\s?[:#]?\s?[45]\d\d\b"
    r"|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
    r"|\b0x[0-9a-f]{4,16}+\b",
    re.IGNORECASE,
)
_REQUEST_IDS = re.compile(
    r"\b(?:request|req|trace|correlation|incident)[ _-]?ids?\s?[:=]?\s?(?P<ids>[\w-]{4,64}+(?:,\s?[\w-]{4,64}+){0,9}+)",
    re.IGNORECASE,
)
_LOG_LINE = re.compile(
    r"^\s{0,8}+(?:\[?\d{4}-\d{2}-\d{2}[T ]\d|\[?\d{2}:\d{2}:\d{2}|\[?(?:ERROR|WARN|WARNING|FATAL|CRITICAL)\b"
    r"|Traceback \(|at [\w.$]{1,200}+\(|[\w.]{1,200}?(?:Exception|Error):)",
)
# A customer sentence that reports something already done: "we rolled back the deploy", "opened a test
# listener", "tried chrome and firefox", "I have already reset my password".
_DONE = (
    r"tried|checked|restarted|rebooted|rolled back|reverted|cleared|opened|diffed|compared|reinstalled|updated"
    r"|upgraded|downgraded|disabled|enabled|verified|confirmed|tested|ran|re-?ran|retried|switched|reset|flushed"
    r"|rotated|regenerated|revoked|reconnected|re-?authori[sz]ed|contacted|called|raised|filed|reported"
    r"|changed|removed|logged out|signed out|swapped|replaced|increased|whitelisted|allowlisted|followed"
    r"|re-?sent|resubmitted|attached|emailed|uploaded|submitted|provided|asked|told|notified|informed|blocked|locked|deleted"
    r"|restored|captured|traced"
)
_CUSTOMER_STEP = re.compile(
    rf"(?:^(?:(?:already|also|just|then|first)\s)?|\b(?:i|we|i'?ve|we'?ve|i have|we have|i had|we had|and|then)\s"
    rf"(?:(?:already|also|just|then|even|again|both|all|first|manually|have|had|we|i)\s){{0,2}})"
    rf"(?:{_DONE})\b",
    re.IGNORECASE,
)
_NOT_A_STEP = re.compile(r"\?\s*$|^\s*(?:if|please|could you|can you|have you|should i|should we)\b", re.IGNORECASE)
_ROLE = (
    r"account manager|account executive|customer success manager|success manager|csm|account lead"
    r"|technical account manager|sales rep(?:resentative)?|ceo|cfo|cto|coo|ciso|general counsel|dpo"
    r"|data protection officer|head of [a-z]{2,20}+|it director|in-house counsel"
)
_NAME = r"[A-Z][^\W\d_]{1,20}+(?: [A-Z][^\W\d_'’-]{1,20}+){1,2}+"  # letters of any script: "Anja Krüger"
_CONTACT = re.compile(
    rf"\b(?i:(?:my|our|your|the) (?P<role>{_ROLE}))\s?(?:,|:|\(|is|was|-)?\s?(?P<name>{_NAME})"
    rf"|\b(?P<name2>{_NAME})\s?(?:,|\(|-)\s?(?i:(?:my|our|your|the) (?P<role2>{_ROLE}))"
)

# Case patterns, each read over the customer's words (lower case).
_CASES: dict[str, re.Pattern[str]] = {
    "outage": re.compile(
        r"\b(?:outage|(?:site|app|api|service|system|platform|server|portal|checkout|production|prod|everything)s?"
        r" (?:is |are |went |has been |have been )?(?:completely |totally )?down\b|down for (?:all|every)"
        r"|(?:service |server )?unavailable|bad gateway|gateway time-?out|\b50[234]\b"
        r"|(?:all|none) of (?:our|my|the) (?:users|customers|staff|stores)|nobody (?:here )?can (?:log|sign"
        r"|use|access))"
    ),
    "account_takeover": re.compile(
        r"\b(?:hack(?:ed|er)|compromised|account takeover|taken over|someone (?:else )?(?:has )?(?:logged|signed) in"
        r"|(?:password|e-?mail|phone number|2fa|mfa)(?: address)? (?:was |has been |got )?changed"
        r"|changed (?:the|my|our) (?:e-?mail|password|phone number|login)|(?:turned off|disabled"
        r"|removed) (?:the |my |our )?(?:2fa|mfa|two-factor)"
        r"|unauthori[sz]ed (?:login|access|sign-?in)|(?:don'?t|do not|didn'?t|did not) recogni[sz]e)"
    ),
    "data_exposure": re.compile(
        r"\b(?:data (?:breach|leak|exposure)|breach(?:ed)?|leak(?:ed|ing)?|exposed|publicly (?:accessible"
        r"|visible|available)"
        r"|(?:can|could) see (?:other|another) (?:customer|user|compan|people|account)\w*"
        r"|(?:sent|e-?mailed|mailed|delivered|shared) to (?:the wrong|another|a different)"
        r"|(?:sold|sell|shared|leaked|gave away) (?:my|our) (?:personal )?(?:data|contacts|details|information)"
        r"|(?:other|another) (?:customers?|people|users?|compan\w+|clinic)'?s? (?:data|invoices|records"
        r"|details|files|documents))"
    ),
    "data_loss": re.compile(
        r"\b(?:data loss|lost (?:all )?(?:of )?(?:our|my|the)? ?(?:data|files|records|documents)"
        r"|(?:files|data|records|documents|folder|contacts) (?:are |is |have |has )?(?:all )?(?:gone|missing"
        r"|deleted|disappeared|wiped|empty))"
    ),
    "privacy_request": re.compile(
        r"\b(?:gdpr|ccpa|cpra|subject access|dsar|article 1[5-9]|article 2[01]|right to (?:be forgotten|erasure|access)"
        r"|delete (?:all )?(?:of )?(?:my|our) (?:personal )?data|do not sell|personal data)"
    ),
    "regulator": re.compile(
        r"\b(?:regulator|regulatory|ombudsman|data protection authority|supervisory authority|attorney general"
        r"|\bico\b|cnil|ftc|cfpb|finra|financial conduct authority|state banking)"
    ),
    "legal_threat": re.compile(
        r"\b(?:legal action|lawsuit|sue\b|suing|court|small claims|cease and desist|breach of contract|solicitor"
        r"|my (?:lawyer|attorney)|our (?:lawyers|attorneys|counsel) (?:will|are|have))"
    ),
    "fraud": re.compile(r"\b(?:fraud\w*|scam\w*|unauthori[sz]ed (?:charges?|transactions?|payments?)|stolen card)"),
    "funds_held": re.compile(
        r"\b(?:payouts?|funds|payroll|settlements?|withdrawals?|deposits?) (?:is |are |have been |has been "
        r"|got |were |was )?"
        r"(?:held|on hold|frozen|blocked|delayed|stuck)|(?:held|frozen|blocked) (?:our |my )?(?:payouts?|funds|payroll)"
    ),
    "billing_dispute": re.compile(
        r"\b(?:charged (?:us |me )?(?:twice|double|two times|again)|double[- ]charged?|overcharg\w*"
        r"|duplicate (?:charge|payment)"
        r"|refund\w*|chargeback|wrong amount|billing error|incorrect (?:invoice|charge|bill)|dispute)"
    ),
    "cancellation": re.compile(
        r"\b(?:cancel\w* (?:my|our|the|this) (?:subscription|account|contract|plan|service|membership)"
        r"|(?:want|going|decided|plan\w*|like) to cancel|not (?:to |be )?renew\w*|won'?t (?:be )?renew\w*"
        r"|non-?renewal|terminat\w+ (?:the|our|this) (?:contract|agreement|subscription)"
        r"|switch(?:ing)? to (?:a |another )?(?:competitor|vendor|provider)|move (?:to|over to) (?:a "
        r"|another )?(?:competitor|vendor|provider))"
    ),
}
_DEFECT = re.compile(
    r"\b(?:error|bug|crash\w*|fail\w*|broken|not working|doesn'?t work|does not work|won'?t|can'?t|cannot|unable"
    r"|slow\w*|latency|timeout|time out|freez\w*|stuck|wrong|missing|skipped|dropped|glitch)"
)
# Which trigger must be present (or a signal of its family found) before a case of that family is named, so
# that a law firm's "litigation team" does not make a password question a legal threat.
CASE_FAMILY = {
    "outage": "technical",
    "data_loss": "technical",
    "bug": "technical",
    "privacy_request": "legal",
    "regulator": "legal",
    "legal_threat": "legal",
    "billing_dispute": "financial",
    "funds_held": "financial",
    "fraud": "financial",
    # account_takeover, data_exposure and cancellation have no family: named whatever the triggers say
}
# Cases where waiting for the customer's answers costs more than working without them.
URGENT_CASES = frozenset({"outage", "account_takeover", "data_exposure", "data_loss", "fraud"})
CASE_DESCRIPTIONS = {
    "outage": "outage: a service is down or failing for many users",
    "account_takeover": "account takeover: someone else has access to the account",
    "data_exposure": "data exposure: data visible to or sent to people who should not have it",
    "data_loss": "data loss: the customer's data is missing or deleted",
    "bug": "defect: something does not work as it should",
    "billing_dispute": "billing dispute: a charge the customer contests",
    "funds_held": "funds held: the customer's money is held or delayed",
    "cancellation": "cancellation or non-renewal",
    "privacy_request": "data-protection request (access, deletion or opt-out)",
    "regulator": "a regulator or ombudsman is involved",
    "legal_threat": "legal action threatened",
    "fraud": "fraud or unauthorised transactions",
}


@dataclass(frozen=True)
class TicketFacts:
    customer_steps: list[str]  # sentences in the customer's words that report something already done
    deadlines: list[str]  # the customer's own deadline phrases, as written
    amounts: list[str]
    identifiers: list[str]  # invoice and order numbers, error codes, request ids
    log_lines: list[str]
    contacts: list[str]  # "account manager: Priya Shah"
    account_manager: str | None
    case_types: list[str]  # keys of CASE_DESCRIPTIONS, most specific first
    earlier_customer_contact: bool  # the history holds a customer turn before the current message
    hours_open: float | None  # earliest to latest known time on the ticket

    @property
    def urgent(self) -> bool:
        return any(case in URGENT_CASES for case in self.case_types)


def ticket_facts(ticket: Ticket, trigger_labels: list[str], signal_families: set[str]) -> TicketFacts:
    """The facts of one ticket; ``trigger_labels`` and ``signal_families`` (the triggers whose signals fired)
    gate which case types may be named."""
    customer_turns = [turn.body for turn in ticket.history if turn.author == "customer"]
    customer_text = "\n".join([*customer_turns, ticket.subject, ticket.body])
    contacts = _contacts(customer_text)
    manager = next((name for role, name in contacts if "manager" in role or role in ("csm", "account lead")), None)
    return TicketFacts(
        customer_steps=_customer_steps(customer_turns + [ticket.body]),
        deadlines=_unique(match.group(0).strip().rstrip(".,;:") for match in _DEADLINE.finditer(customer_text)),
        amounts=_unique(match.group(0).strip() for match in _AMOUNT.finditer(customer_text)),
        identifiers=_identifiers(customer_text),
        log_lines=_unique(line.strip() for line in customer_text.splitlines() if _LOG_LINE.match(line)),
        contacts=[f"{role}: {name}" for role, name in contacts],
        account_manager=manager,
        case_types=case_types(customer_text, set(trigger_labels) | signal_families),
        earlier_customer_contact=bool(customer_turns),
        hours_open=hours_spanned(ticket.created_at, ticket.history),
    )


def case_types(text: str, families: set[str]) -> list[str]:
    """The kinds of case the text describes, in the order of ``_CASES`` (the gravest first)."""
    lowered = text.lower()
    found = [
        case
        for case, pattern in _CASES.items()
        if (CASE_FAMILY.get(case) is None or CASE_FAMILY[case] in families) and pattern.search(lowered)
    ]
    if "technical" in families and not found and _DEFECT.search(lowered):
        found.append("bug")  # a defect must say that something does not work, and be no other kind of case
    return found


def sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]


def _customer_steps(turns: list[str]) -> list[str]:
    steps = [
        sentence
        for turn in turns
        for sentence in sentences(turn)
        if not _LOG_LINE.match(sentence) and not _NOT_A_STEP.search(sentence) and _CUSTOMER_STEP.search(sentence)
    ]
    return _unique(_excerpt(step, 200) for step in steps)


def _identifiers(text: str) -> list[str]:
    found = [match.group("id") for match in _REFERENCE.finditer(text) if any(c.isdigit() for c in match.group("id"))]
    for match in _REQUEST_IDS.finditer(text):
        found += [part.strip() for part in match.group("ids").split(",")]
    found += [
        match.group(0)
        for match in _UPPER_CODE.finditer(text)
        if match.group(0).endswith(("Exception", "Error")) or any(c.isdigit() or c == "_" for c in match.group(0))
    ]
    found += [match.group(0) for match in _CODE.finditer(text)]
    return _unique(found)


def _contacts(text: str) -> list[tuple[str, str]]:
    found = []
    for match in _CONTACT.finditer(text):
        role = (match.group("role") or match.group("role2")).lower()
        name = match.group("name") or match.group("name2")
        found.append((role, name))
    return list(dict.fromkeys(found))


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item and item.lower() not in seen:
            seen[item.lower()] = item
    return list(seen.values())[:MAX_ITEMS]
