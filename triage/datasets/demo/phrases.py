"""The demo history's words, kept as data in the ``phrases_*.json`` files beside this module.

Templates carry ``{slot}`` placeholders that the writer fills once per ticket. The files are read once, when
the generator is imported (as the Python literals they replaced were). JSON has no tuples and only string
keys, so the loader turns lists back into tuples and level keys back into ints: the generator draws by index,
and the same banks in the same order give the same bytes.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

Bank = tuple[str, ...]


def _read(section: str) -> dict[str, Any]:
    text = files("triage.datasets.demo").joinpath(f"phrases_{section}.json").read_text(encoding="utf-8")
    return json.loads(text)


def _bank(values: list[str]) -> Bank:
    return tuple(values)


def _by_level(banks: dict[str, list[str]]) -> dict[int, Bank]:
    return {int(level): _bank(bank) for level, bank in banks.items()}


def _by_name(banks: dict[str, list[str]]) -> dict[str, Bank]:
    return {name: _bank(bank) for name, bank in banks.items()}


def _pairs(rows: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((first, second) for first, second in rows)


# Per product line: its brand and banks, passed by name to ``latent.Line`` (a missing or unknown one fails).
LINE_WORDS: dict[str, dict[str, Any]] = {
    name: {field: value if isinstance(value, str) else _bank(value) for field, value in words.items()}
    for name, words in _read("lines")["line_words"].items()
}

# People and companies: all made up.
_people = _read("people")
FIRST_NAMES = _bank(_people["first_names"])
LAST_NAMES = _bank(_people["last_names"])
COMPANY_FIRST = _bank(_people["company_first"])
COMPANY_SECOND = _bank(_people["company_second"])
COMPANY_KIND = _bank(_people["company_kind"])
COMPANY_SUFFIX = _bank(_people["company_suffix"])
ROLES = _bank(_people["roles"])
COMPETITORS = _bank(_people["competitors"])

# Issues are by severity level (1-3); one is drawn per trigger and kept for the whole ticket.
_issues = _read("issues")
SINCE = _bank(_issues["since"])
# Openers of an observed problem, technical or billing: people narrate billing problems as much as outages,
# so "it seems that" or "we noticed that" must not mark a ticket as technical.
STATEMENT_OPENERS = _bank(_issues["statement_openers"])
NARRATIVE_OPENERS = _bank(_issues["narrative_openers"])  # technical problems only
OPENERS = (*STATEMENT_OPENERS, *NARRATIVE_OPENERS)
TECH_ISSUES = _by_level(_issues["tech_issues"])
TECH_IMPACT = _by_level(_issues["tech_impact"])
ERROR_DETAIL = _bank(_issues["error_detail"])
FIN_ISSUES = _by_level(_issues["fin_issues"])
CONSUMER_FIN_ISSUES = _by_level(_issues["consumer_fin_issues"])
FIN_DETAIL = _bank(_issues["fin_detail"])
LEGAL_ISSUES = _by_level(_issues["legal_issues"])
CONSUMER_LEGAL_ISSUES = _by_level(_issues["consumer_legal_issues"])
LEGAL_DETAIL = _bank(_issues["legal_detail"])
# How people narrate a money or legal problem: calls, letters, the website, "a system error". These words are
# not technical ones, and real complaints of this kind run long.
MONEY_STORY = _bank(_issues["money_story"])
LEGAL_STORY = _bank(_issues["legal_story"])
ROUTINE = _bank(_issues["routine"])
ROUTINE_OPENERS = _bank(_issues["routine_openers"])
ROUTINE_DETAIL = _bank(_issues["routine_detail"])
CONTEXT = _bank(_issues["context"])
BUSINESS_CONTEXT = _bank(_issues["business_context"])
REPEAT = _by_level(_issues["repeat"])  # by prior contacts: 1, 2, 3 or more
INTRODUCTIONS = _bank(_issues["introductions"])

# Troubleshooting steps are (what the agent asks, what the customer says they did).
_conversation = _read("conversation")
TECH_STEPS = _pairs(_conversation["tech_steps"])
TECH_AGENT_DID = _bank(_conversation["tech_agent_did"])
FIN_STEPS = _pairs(_conversation["fin_steps"])
FIN_AGENT_DID = _bank(_conversation["fin_agent_did"])
AGENT_STEP = _bank(_conversation["agent_step"])
AGENT_ACK = _bank(_conversation["agent_ack"])
SYSTEM_AUTO_REPLY: str = _conversation["system_auto_reply"]
SYSTEM_TURNS = _bank(_conversation["system_turns"])
BOT_TURN: str = _conversation["bot_turn"]
FAILED_FOLLOWUP = _bank(_conversation["failed_followup"])
FAILED_MENTION = _bank(_conversation["failed_mention"])
CHASER = _bank(_conversation["chaser"])

# Frustration is by level (1-3); asks and greetings by register.
_tone = _read("tone")
FRUSTRATION = _by_level(_tone["frustration"])
SARCASM = _bank(_tone["sarcasm"])
ANXIOUS = _bank(_tone["anxious"])
ASKS = _by_name(_tone["asks"])
GREETINGS = _by_name(_tone["greetings"])
NON_NATIVE_GREETINGS = _bank(_tone["non_native_greetings"])
SIGN_OFFS = _bank(_tone["sign_offs"])
NON_NATIVE_SIGN_OFFS = _bank(_tone["non_native_sign_offs"])
CONFIDENTIALITY: str = _tone["confidentiality"]
# Words that look like triggers but are not: these sentences go into tickets without that trigger.
DECOYS = _by_name(_tone["decoys"])

_details = _read("details")
PRIVACY_LAWS = _bank(_details["privacy_laws"])
REGULATORS = _bank(_details["regulators"])
ACCESSIBILITY_LAWS = _bank(_details["accessibility_laws"])
AGREEMENTS = _bank(_details["agreements"])
DOCUMENTS = _bank(_details["documents"])
MEDIA = _bank(_details["media"])
REGIONS = _bank(_details["regions"])
COLOURS = _bank(_details["colours"])
ADDONS = _bank(_details["addons"])
STREETS = _bank(_details["streets"])

# Technical problems composed from independent slots (``Writer._issue_template``, ``_composed_extras``): where it
# happens, what it does, what the customer already tried, pasted errors, screenshots and who is affected. Real
# customers describe one failure in many ways; the slots vary each part on its own so no template stands for it.
_technical = _read("technical")
TECH_AREAS, TECH_TASKS, TECH_SHAPES, TECH_ERRORS, HTTP_STATUSES, ENDPOINTS, TECH_PASTES, TECH_TRIED, TECH_EVIDENCE = (
    _bank(_technical[key])
    for key in (
        "tech_areas",
        "tech_tasks",
        "tech_shapes",
        "tech_errors",
        "http_statuses",
        "endpoints",
        "tech_pastes",
        "tech_tried",
        "tech_evidence",
    )
)
TECH_SYMPTOMS = _by_level(_technical["tech_symptoms"])
TECH_SCOPE = _by_level(_technical["tech_scope"])
# Routine asks that sound like problems: how-tos that mention errors or money, feature requests, "it works now".
ROUTINE_NEAR_MISSES = _bank(_technical["routine_near_misses"])
FORWARD_HEADER: str = _technical["forward_header"]

# By topic: a trigger and its level ("technical2") or "routine".
SUBJECTS = _by_name(_read("subjects")["subjects"])
