"""The demo history's text: one ticket's subject, body and earlier turns, written from its latent state.

The customer's words carry the latent state with realistic ambiguity (see ``generator.py``'s docstring); the
phrase banks come from ``phrases``. Slot values are drawn lazily and once per ticket, so every draw happens in
a fixed order and the same seed gives the same text.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from triage.datasets.demo import phrases
from triage.datasets.demo.latent import Account, Contact, Latent, pick

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
COUNTS = ("one", "two", "three", "four", "five", "six", "seven")
TIMES = ("once", "twice", "three times", "four times", "five times", "six times", "seven times")
EMOTION_UNSTATED = {1: 0.35, 2: 0.15, 3: 0.0}  # chance that a frustrated customer names no feeling
# Shares of technical problems written from independent slots (the rest from the whole-sentence banks), of
# routine asks that sound like a problem (an error or money in a how-to, a feature request, "works now"), of
# tickets written tersely (lower case, no apostrophes or full stops) and of e-mails forwarded from a colleague.
COMPOSED_TECHNICAL_SHARE = 0.6
ROUTINE_NEAR_MISS_SHARE = 0.25
TERSE_SHARE = 0.12
FORWARDED_SHARE = 0.07
# Chance of each optional part of a composed technical problem (``Writer._composed_extras``).
TECH_EXTRA_CHANCE = {"error": 0.25, "paste": 0.15, "scope": 0.4, "tried": 0.35, "evidence": 0.2, "impact": 0.45}
# Chance that a money or legal problem is told as a story (1-4 sentences of calls, letters, the website).
STORY_SHARE = 0.45

# ----------------------------------------------------------------------------------------------------------
# Surface noise
# ----------------------------------------------------------------------------------------------------------

NON_NATIVE_SWAPS = (
    ("I have ", "I am having "),
    ("doesn't work", "is not working"),
    ("isn't working", "is not working"),
    ("Could you", "Kindly"),
    ("Please let me know", "Please revert"),
    ("three days ago", "since three days"),
    ("yesterday", "yesterday itself"),
    ("can't", "am not able to"),
    ("We can't", "We are unable to"),
    ("Any update", "Any updation"),
    ("the same", "same"),
    ("a copy", "copy"),
    ("the ", ""),
    ("I want", "I am wanting"),
    ("I'm", "I am"),
)
KEYBOARD_NEIGHBOURS = {"a": "s", "e": "r", "i": "o", "o": "p", "n": "m", "t": "r", "s": "d", "r": "t", "l": "k"}


def _non_native(rng: random.Random, text: str) -> str:
    for old, new in NON_NATIVE_SWAPS:
        if old in text and rng.random() < 0.35:
            text = text.replace(old, new, 1)
    return text


def _typos(rng: random.Random, text: str, rate: float) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) < 4 or not word.isalpha() or rng.random() >= rate:
            continue
        j = 1 + int(rng.random() * (len(word) - 2))
        kind = rng.random()
        if kind < 0.35:
            word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
        elif kind < 0.6:
            word = word[:j] + word[j + 1 :]
        elif kind < 0.8:
            word = word[:j] + word[j] + word[j:]
        else:
            word = word[:j] + KEYBOARD_NEIGHBOURS.get(word[j], word[j]) + word[j + 1 :]
        words[i] = word
    return " ".join(words)


def _terse(text: str) -> str:
    """How people type into a chat box or a phone: lower case, no apostrophes, no full stops."""
    text = text.lower().replace("'", "").replace(". ", " ").replace(".\n", "\n")
    return text.removesuffix(".")


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:] if sentence else sentence


# ----------------------------------------------------------------------------------------------------------
# One ticket's text
# ----------------------------------------------------------------------------------------------------------


class _Slots(dict):
    """Slot values drawn lazily, once per ticket, so a ticket names the same component and ref throughout."""

    def __init__(self, makers: dict[str, Callable[[], str]]) -> None:
        super().__init__()
        self._makers = makers

    def __missing__(self, key: str) -> str:
        value = self._makers[key]()
        self[key] = value
        return value


class Writer:
    """One ticket's text. Call ``history()``, ``subject()`` and ``body()`` in that order: they share one rng."""

    def __init__(
        self,
        rng: random.Random,
        account: Account,
        contact: Contact,
        latent: Latent,
        created_at: datetime,
        channel: str,
    ) -> None:
        self.rng = rng
        self.account = account
        self.line = account.line
        self.contact = contact
        self.latent = latent
        self.created_at = created_at
        self.channel = channel
        self.register = self._register()
        self.non_native = rng.random() < 0.15
        self.typo_rate = 0.0 if rng.random() < 0.55 else rng.uniform(0.01, 0.06)
        self.terse = rng.random() < TERSE_SHARE
        self.composed_technical = False  # set when the technical problem is drawn from the slots
        self.slots = _Slots(self._makers())
        self.last_agent_step = False  # set by history()
        self.issue_templates: dict[str, str] = {}
        self.routine_sentence = ""  # one routine question per ticket, repeated in the subject and history
        self.tech_step = pick(rng, phrases.TECH_STEPS if latent.severity["technical"] else phrases.FIN_STEPS)
        self.agent_did = pick(rng, phrases.TECH_AGENT_DID if latent.severity["technical"] else phrases.FIN_AGENT_DID)

    def _register(self) -> str:
        roll = self.rng.random()
        level = self.latent.frustration
        if level == 0:
            return "anxious" if roll < 0.2 + 0.2 * (max(self.latent.severity.values()) >= 2) else "polite"
        if level == 1:
            return "curt" if roll < 0.6 else ("anxious" if roll < 0.8 else "polite")
        if level == 2:
            return "sarcastic" if roll < 0.4 else "curt"
        return "furious"

    def _makers(self) -> dict[str, Callable[[], str]]:
        return {
            **self._problem_makers(),
            **self._time_makers(),
            **self._account_makers(),
            **self._conversation_makers(),
        }

    def _problem_makers(self) -> dict[str, Callable[[], str]]:
        rng, line, account = self.rng, self.line, self.account
        return {
            "component": lambda: pick(rng, line.components),
            "component_bare": lambda: (
                self.slots["component"].removeprefix("the ").removeprefix("our ").removeprefix("my ")
            ),
            "component_cap": lambda: _capitalise(self.slots["component_bare"]),
            "objects": lambda: pick(rng, line.objects),
            "objects_cap": lambda: _capitalise(self.slots["objects"]),
            "error": lambda: pick(rng, line.errors),
            "error_short": lambda: self.slots["error"].strip('"'),
            "action": lambda: pick(rng, line.actions),
            "business": lambda: pick(rng, line.business),
            "product": lambda: account.product,
            "brand": lambda: line.brand,
            "howto": lambda: pick(rng, line.howtos),
            "howto_title": lambda: "How to " + pick(rng, line.howtos),
            "secs": lambda: str(8 + int(rng.random() * 50)),
            "pct": lambda: str(pick(rng, ("10", "20", "30", "40", "60", "80", "90"))),
            "small_n": lambda: str(2 + int(rng.random() * 8)),
            "big_n": lambda: pick(rng, ("about 200", "over 3,000", "roughly 40", "hundreds of", "1,200", "all")),
            "hours_down": lambda: str(2 + int(rng.random() * 20)),
            "region": lambda: pick(rng, phrases.REGIONS),
            "error_detail": lambda: pick(rng, phrases.ERROR_DETAIL).format_map(self.slots),
            "log_line": self._log_line,
            "request_id": lambda: f"req_{rng.getrandbits(48):012x}",
            **self._technical_makers(),
        }

    def _technical_makers(self) -> dict[str, Callable[[], str]]:
        """Slots of a composed technical problem: half of the time the line's own component, else any area."""
        rng, line = self.rng, self.line
        return {
            "tarea": lambda: self.slots["component"] if rng.random() < 0.5 else pick(rng, phrases.TECH_AREAS),
            "tarea_cap": lambda: _capitalise(self.slots["tarea"]),
            "ttask": lambda: pick(rng, phrases.TECH_TASKS) if rng.random() < 0.6 else pick(rng, line.actions),
            "terror": lambda: pick(rng, phrases.TECH_ERRORS) if rng.random() < 0.6 else self.slots["error"],
            "http_status": lambda: pick(rng, phrases.HTTP_STATUSES),
            "endpoint": lambda: pick(rng, phrases.ENDPOINTS),
            "lineno": lambda: str(40 + int(rng.random() * 400)),
            "log_time": lambda: f"{self.created_at - timedelta(hours=2 + int(rng.random() * 20)):%H:%M:%S}",
            "app_version": lambda: f"{4 + int(rng.random() * 4)}.{int(rng.random() * 20)}.{int(rng.random() * 5)}",
            "brand_lower": lambda: line.brand.lower(),
        }

    def _time_makers(self) -> dict[str, Callable[[], str]]:
        rng, day = self.rng, self.created_at
        return {
            "since": lambda: pick(rng, phrases.SINCE).format_map(self.slots),
            "weekday": lambda: pick(rng, WEEKDAY_NAMES[:5]),
            "past_date": self._past_date,
            "past_month": lambda: MONTH_NAMES[(day.month - 2 - int(rng.random() * 4)) % 12],
            "month": lambda: MONTH_NAMES[(day.month + int(rng.random() * 5)) % 12],
            "deadline": lambda: pick(rng, ("Friday", "the end of the month", "next week", "tomorrow", "the 15th")),
            "period": lambda: pick(rng, ("March", "last month", "the annual plan", "this quarter", "May")),
            "days": lambda: str(2 + int(rng.random() * 12)),
            "months": lambda: str(2 + int(rng.random() * 10)),
            "prev_when": lambda: pick(
                rng, ("yesterday", "on Monday", "last week", "a few days ago", "this morning", "on {weekday}")
            ).format_map(self.slots),
        }

    def _account_makers(self) -> dict[str, Callable[[], str]]:
        """Slots about the account: its plan, money, references and the legal details of a claim."""
        rng, line, account = self.rng, self.line, self.account
        acv = account.annual_contract_value
        seats = max(3, int(rng.lognormvariate(math.log(max(acv, 500) / 300), 0.5)))  # drawn up front, not lazily
        return {
            "company": lambda: account.company or "our company",
            "role": lambda: self.contact.role,
            "plan": lambda: account.plan,
            "seats": lambda: str(seats),
            "fewer_seats": lambda: str(max(1, seats - 1 - int(rng.random() * seats / 3))),
            "ref": self._ref,
            "amount": self._amount,
            "small_amount": lambda: f"${rng.uniform(5, 49):.2f}",
            "competitor": lambda: pick(rng, phrases.COMPETITORS),
            "card_digits": lambda: f"{rng.randrange(10**4):04d}",
            "po": lambda: f"{rng.randrange(10**6):06d}",
            "addon": lambda: pick(rng, phrases.ADDONS),
            "privacy_law": lambda: (
                "HIPAA" if line.name == "healthcare" and rng.random() < 0.5 else pick(rng, phrases.PRIVACY_LAWS)
            ),
            "regulator": lambda: pick(rng, phrases.REGULATORS),
            "accessibility_law": lambda: pick(rng, phrases.ACCESSIBILITY_LAWS),
            "agreement": lambda: pick(rng, phrases.AGREEMENTS),
            "document": lambda: pick(rng, phrases.DOCUMENTS),
            "media": lambda: pick(rng, phrases.MEDIA),
            "section": lambda: f"{2 + int(rng.random() * 12)}.{1 + int(rng.random() * 6)}",
            "address": lambda: f"{1 + int(rng.random() * 200)} {pick(rng, phrases.STREETS)}",
            "colour": lambda: pick(rng, phrases.COLOURS),
        }

    def _conversation_makers(self) -> dict[str, Callable[[], str]]:
        """Slots of the earlier turns: names, the agent's replies and the failed troubleshooting."""
        rng, latent = self.rng, self.latent
        return {
            "other_name": lambda: f"{pick(rng, phrases.FIRST_NAMES)} {pick(rng, phrases.LAST_NAMES)}",
            "other_email": lambda: self.slots["other_name"].lower().replace(" ", ".") + "@" + self.account.domain,
            "first_email": lambda: self.contact.name.lower().replace(" ", ".") + "@" + self.account.domain,
            "first": lambda: self.contact.name.split(" ")[0],
            "team_word": lambda: pick(rng, ("technical", "billing", "specialist", "product", "engineering")),
            "sla_hours": lambda: pick(rng, ("4", "8", "24", "48")),
            "internal_ref": lambda: f"#{rng.randrange(10**5, 10**6)}",
            "step": lambda: self.tech_step[0],
            "done": lambda: self.tech_step[1],
            "done_cap": lambda: _capitalise(self.tech_step[1]),
            "done_gerund": lambda: _gerund(self.tech_step[0]),
            "did": lambda: self.agent_did,
            "attempts": lambda: TIMES[min(max(0, latent.failed_attempts - 1), 6)],
            "ordinal": lambda: ORDINALS[min(latent.prior_contacts, 6)],
            "count": lambda: COUNTS[min(latent.prior_contacts, 6)],
            "count_cap": lambda: _capitalise(COUNTS[min(latent.prior_contacts, 6)]),
        }

    def _past_date(self) -> str:
        past = self.created_at - timedelta(days=2 + int(self.rng.random() * 40))
        return f"{past.day} {MONTHS[past.month - 1]}"

    def _amount(self) -> str:
        rng, acv = self.rng, self.account.annual_contract_value
        base = acv / 12 * rng.uniform(0.4, 3.0) if acv else rng.uniform(15, 600)
        value = max(9.0, base)
        return pick(rng, ("${:,.2f}", "USD {:,.0f}", "${:,.0f}", "US$ {:,.2f}")).format(value)

    def _ref(self) -> str:
        rng = self.rng
        year = self.created_at.year
        kind = self.line.ref_kind
        if kind == "order":
            return pick(rng, ("#{}{:07d}", "order {}-{:07d}")).format(pick(rng, "ABKW"), rng.randrange(10**7))
        if kind == "shipment":
            return f"HW{rng.randrange(10**10):010d}"
        if kind == "account" and rng.random() < 0.5:
            return f"account {rng.randrange(10**8, 10**9)}"
        return f"INV-{year}-{rng.randrange(10**5):05d}"

    def _log_line(self) -> str:
        rng = self.rng
        at = self.created_at - timedelta(minutes=5 + int(rng.random() * 600))
        level = pick(rng, ("ERROR", "ERROR", "FATAL", "WARN"))
        worker = pick(rng, ("worker-3", "api-gw", "sync", "scheduler", "edge-12", "ingest"))
        return f"{at:%Y-%m-%d %H:%M:%S} {level} [{worker}] {self.slots['error']}"

    def fill(self, template: str) -> str:
        return template.format_map(self.slots)

    def _issue_template(self, trigger: str, level: int) -> str:
        """The ticket's one description of a trigger, reused in the history and the current message."""
        if trigger not in self.issue_templates:
            if trigger == "technical" and self.rng.random() < COMPOSED_TECHNICAL_SHARE:
                self.composed_technical = True
                shape, symptom = pick(self.rng, phrases.TECH_SHAPES), pick(self.rng, phrases.TECH_SYMPTOMS[level])
                self.issue_templates[trigger] = shape.replace("{tsymptom}", symptom)
                return self.issue_templates[trigger]
            if trigger == "technical":
                bank = {**phrases.TECH_ISSUES, 1: phrases.TECH_ISSUES[1] + self.line.minor}
            elif trigger == "financial":
                consumer = self.account.company is None or not self.account.annual_contract_value
                bank = phrases.CONSUMER_FIN_ISSUES if consumer else phrases.FIN_ISSUES
            else:
                bank = phrases.CONSUMER_LEGAL_ISSUES if self.account.company is None else phrases.LEGAL_ISSUES
            self.issue_templates[trigger] = pick(self.rng, bank[level])
        return self.issue_templates[trigger]

    def _issue(self, trigger: str, level: int, brief: bool) -> list[str]:
        rng = self.rng
        statement = self.fill(self._issue_template(trigger, level))
        if trigger == "technical":
            opener = self.fill(pick(rng, phrases.OPENERS))
            sentences = [_capitalise(opener + statement) + pick(rng, (".", ".", "!", "...", " :("))]
            if self.composed_technical:
                return sentences if brief else sentences + self._composed_extras(level)
            if not brief and rng.random() < 0.55:
                sentences.append(self.fill(pick(rng, phrases.ERROR_DETAIL)))
            if not brief and rng.random() < 0.6:
                sentences.append(self.fill(pick(rng, phrases.TECH_IMPACT[level])))
            return sentences
        # Level 2-3 statements are demands and threats: "it seems that" only fits an observed problem.
        opener = pick(rng, phrases.STATEMENT_OPENERS) if trigger == "financial" and level == 1 else ""
        sentences = [_capitalise(opener + statement) + "."]
        if not brief and rng.random() < 0.45:
            sentences.append(
                self.fill(pick(rng, phrases.FIN_DETAIL if trigger == "financial" else phrases.LEGAL_DETAIL))
            )
        if not brief and rng.random() < STORY_SHARE:
            story = phrases.MONEY_STORY if trigger == "financial" else phrases.LEGAL_STORY
            sentences += [self.fill(line) for line in rng.sample(story, 1 + int(rng.random() * 4))]
        return sentences

    def _composed_extras(self, level: int) -> list[str]:
        """The optional parts of a composed technical problem, each drawn on its own and in a varied order:
        the error as shown or pasted (a log, a stack trace, a JSON body), who is affected, what the customer
        already tried, a screenshot, and what it costs them."""
        rng = self.rng
        banks = {
            "error": phrases.ERROR_DETAIL,
            "paste": phrases.TECH_PASTES,
            "scope": phrases.TECH_SCOPE[level],
            "tried": phrases.TECH_TRIED,
            "evidence": phrases.TECH_EVIDENCE,
            "impact": phrases.TECH_IMPACT[level],
        }
        extras = [self.fill(pick(rng, bank)) for part, bank in banks.items() if rng.random() < TECH_EXTRA_CHANCE[part]]
        rng.shuffle(extras)
        return extras

    def _routine(self) -> list[str]:
        if not self.routine_sentence:
            near_miss = self.rng.random() < ROUTINE_NEAR_MISS_SHARE
            bank = phrases.ROUTINE_NEAR_MISSES if near_miss else phrases.ROUTINE + self.line.requests
            request = self.fill(pick(self.rng, bank))
            opener = pick(self.rng, phrases.ROUTINE_OPENERS) if request.endswith("?") else ""
            sentence = _capitalise(opener + request)
            self.routine_sentence = sentence if sentence.endswith(("?", ".")) else sentence + "."
        return [self.routine_sentence]

    def _routine_detail(self) -> list[str]:
        return [self.fill(pick(self.rng, phrases.ROUTINE_DETAIL))] if self.rng.random() < 0.6 else []

    def issue_sentences(self, brief: bool = False) -> list[str]:
        present = [(t, level) for t, level in self.latent.severity.items() if level]
        self.rng.shuffle(present)
        if not present:
            return self._routine()
        sentences = []
        for trigger, level in present:
            sentences += self._issue(trigger, level, brief)
        return sentences

    def subject(self) -> str:
        rng, latent = self.rng, self.latent
        if self.channel == "social" and rng.random() < 0.6:
            return ""
        if self.channel == "chat" and rng.random() < 0.5:
            return self.fill(pick(rng, ("Chat with {first}", "Live chat", "Conversation", "New conversation")))
        present = [t for t, level in latent.severity.items() if level]
        # A real subject line mentions one problem, not necessarily the most serious one.
        trigger = pick(rng, present) if present else ""
        topic = f"{trigger}{latent.severity[trigger]}" if trigger else "routine"
        if topic == "routine" and rng.random() < 0.5:
            # People often paste the start of their question as the subject.
            words = self._routine()[0].rstrip("?.").split(" ")
            subject = " ".join(words[: 3 + int(rng.random() * 5)])
        else:
            subject = self.fill(pick(rng, phrases.SUBJECTS[topic]))
        if self.channel == "api":
            return subject
        if self.register == "furious" and rng.random() < 0.4:
            subject = subject.upper() + pick(rng, ("!!!", "!!", "", "?!"))
        elif self.register == "curt" and rng.random() < 0.3:
            subject = subject.lower()
        if latent.prior_contacts and self.channel == "email" and rng.random() < 0.7:
            subject = "Re: " * min(latent.prior_contacts, 1 + int(rng.random() * 3)) + subject
        elif latent.prior_contacts >= 2 and rng.random() < 0.3:
            subject = pick(rng, ("STILL: ", "Again: ", "3rd request: ", "Follow-up: ")) + subject
        if self.account.company and rng.random() < 0.12:
            subject = f"[{self.account.company.split(' ')[0]}] {subject}"
        return subject

    def _emotion(self) -> list[str]:
        rng = self.rng
        if self.register == "anxious":
            return [pick(rng, phrases.ANXIOUS)]
        level = self.latent.frustration
        # Mild annoyance often shows only in a curt register, not in an explicit phrase.
        if level == 0 or rng.random() < EMOTION_UNSTATED[level]:
            return []
        sentences = [pick(rng, phrases.FRUSTRATION[level])]
        if self.register == "sarcastic":
            sentences.append(pick(rng, phrases.SARCASM))
        if level == 3 and rng.random() < 0.5:
            sentences.append(pick(rng, phrases.FRUSTRATION[3]))
        return sentences

    def _decoy(self) -> list[str]:
        absent = [t for t, level in self.latent.severity.items() if not level]
        if not absent or self.rng.random() >= 0.14:
            return []
        return [pick(self.rng, phrases.DECOYS[pick(self.rng, absent)])]

    def _signature(self) -> str:
        rng, account, contact = self.rng, self.account, self.contact
        first = contact.name.split(" ")[0]
        if self.register == "furious" and rng.random() < 0.6:
            return first if rng.random() < 0.5 else ""
        sign_off = pick(
            rng, phrases.NON_NATIVE_SIGN_OFFS if self.non_native and rng.random() < 0.6 else phrases.SIGN_OFFS
        )
        lines = [sign_off, contact.name if rng.random() < 0.6 else first]
        if account.company and rng.random() < 0.6:
            lines.append(f"{_capitalise(contact.role)} | {account.company}")
            if rng.random() < 0.4:
                lines.append(f"+1 555 01{rng.randrange(100):02d} {rng.randrange(10**4):04d}")
            if rng.random() < 0.1:
                lines.append(phrases.CONFIDENTIALITY)
        elif rng.random() < 0.15:
            lines.append("Sent from my phone")
        return "\n".join(lines)

    def _noisy(self, text: str) -> str:
        if self.non_native:
            text = _non_native(self.rng, text)
        if self.typo_rate:
            text = _typos(self.rng, text, self.typo_rate)
        if self.terse:
            text = _terse(text)
        elif self.channel in ("chat", "social") and self.rng.random() < 0.45:
            text = text.lower()
        return text

    def body(self, history: list[dict]) -> str:
        rng, latent = self.rng, self.latent
        sentences: list[str] = []
        if latent.prior_contacts and rng.random() < 0.85:
            sentences.append(self.fill(pick(rng, phrases.REPEAT[min(latent.prior_contacts, 3)])))
        if self.account.company and not latent.prior_contacts and rng.random() < 0.25:
            sentences.append(self.fill(pick(rng, phrases.INTRODUCTIONS)))
        if self.channel != "social" and rng.random() < 0.3:  # a post has no room for background
            sentences.append(
                self.fill(
                    pick(rng, phrases.CONTEXT + phrases.BUSINESS_CONTEXT if self.account.company else phrases.CONTEXT)
                )
            )
        brief = bool(latent.prior_contacts) and rng.random() < 0.5
        sentences += self.issue_sentences(brief=brief)
        if not brief and not any(latent.severity.values()):
            sentences += self._routine_detail()
        # The current message answers the last agent reply: a step there must be reported as failed.
        if self.last_agent_step or (latent.failed_attempts and rng.random() < 0.4):
            sentences.append(_capitalise(self.fill(pick(rng, phrases.FAILED_MENTION))))
        sentences += self._decoy()
        sentences += self._emotion()
        if self.register == "furious" and rng.random() < 0.35:
            sentences[0] = sentences[0].upper()
        sentences.append(pick(rng, phrases.ASKS[self.register]))

        if self.channel == "phone":
            fillers = ("", "", "um, ", "uh, ", "so, ", "yeah, ")
            said = " ".join(_spoken(pick(rng, fillers), sentence) for sentence in sentences)
            return "[Call transcript] " + self._noisy(said)
        if self.channel == "social":
            post = " ".join(sentences[:3])
            tag = pick(rng, ("", "", " #fail", " #customerservice", " #help"))
            return self._noisy(f"@{self.line.brand} {post}{tag}")
        if self.channel == "api":
            # Filed from the customer's own helpdesk tool, which posts to our API.
            return (
                f"Submitted via API by {self.account.company}'s internal helpdesk\n"
                f"severity: {pick(rng, ('low', 'medium', 'high', 'critical'))}\n"
                f"service: {self.slots['component']}\ndescription: " + self._noisy(" ".join(sentences))
            )
        if self.channel == "chat":
            return self._noisy("\n".join(sentences))

        formal = self.non_native and rng.random() < 0.6
        greetings = phrases.NON_NATIVE_GREETINGS if formal else phrases.GREETINGS[self.register]
        greeting = pick(rng, greetings)
        split = 1 + int(rng.random() * max(1, len(sentences) - 1))
        paragraphs = [" ".join(sentences[:split]), " ".join(sentences[split:])]
        if self.non_native and rng.random() < 0.4:
            paragraphs.append("Please do the needful.")
        text = "\n\n".join(p for p in [greeting, *paragraphs] if p)
        text = self._noisy(text)
        signature = self._signature()
        if signature:
            text += "\n\n" + signature
        if self.channel == "email" and self.account.company and rng.random() < FORWARDED_SHARE:
            text = self._forwarded(text)
        agent_turns = [turn for turn in history if turn["author"] == "agent"]
        if self.channel == "email" and agent_turns and rng.random() < 0.5:
            text += "\n\n" + self._quote(agent_turns[-1])
        return text.strip()

    def _forwarded(self, text: str) -> str:
        """The message forwarded within the customer's company, with a line on top: header noise to read past."""
        self.slots["forward_subject"] = pick(self.rng, ("FW: problem", "issue", "see below", "help", "question"))
        note = pick(self.rng, ("FYI, see below.", "Forwarding this from my colleague.", "See below, can you help?"))
        return f"{note}\n\n{self.fill(phrases.FORWARD_HEADER)}\n\n{text}"

    def _quote(self, turn: dict) -> str:
        at: datetime = turn["at"]
        header = (
            f"On {WEEKDAYS[at.weekday()]}, {at.day} {MONTHS[at.month - 1]} {at.year} at {at:%H:%M}, "
            f"{self.line.brand} Support <support@{self.line.brand.lower()}.example> wrote:"
        )
        return "\n".join("> " + line for line in [header, *turn["body"].split("\n")])

    def history(self) -> list[dict]:
        """Earlier turns, oldest first: each customer contact followed by an agent reply, sometimes a system
        note. The first ``failed_attempts`` agent replies are troubleshooting steps that the next customer
        turn (or the current message) says did not work."""
        rng, latent = self.rng, self.latent
        k = latent.prior_contacts
        if not k:
            if self.channel == "chat" and rng.random() < 0.3:
                at = self.created_at - timedelta(minutes=1 + rng.random() * 4)
                return [{"at": at.replace(microsecond=0), "author": "system", "body": self.fill(phrases.BOT_TURN)}]
            return []
        steps = sorted(rng.sample(range(k), latent.failed_attempts))
        turns: list[dict] = []
        for contact in range(k):
            if contact == 0:
                text = " ".join(self.issue_sentences(brief=rng.random() < 0.5))
                text = pick(rng, ("Hi, ", "Hello, ", "", "Hi team, ")) + text
            elif contact - 1 in steps:
                text = self.fill(pick(rng, phrases.FAILED_FOLLOWUP))
            else:
                text = pick(rng, phrases.CHASER)
            turns.append({"author": "customer", "body": self._noisy(text)})
            if contact == 0 and rng.random() < 0.4:
                turns.append({"author": "system", "body": self.fill(phrases.SYSTEM_AUTO_REPLY)})
            template = pick(rng, phrases.AGENT_STEP if contact in steps else phrases.AGENT_ACK)
            turns.append({"author": "agent", "body": self.fill(template)})
            if rng.random() < 0.2:
                turns.append({"author": "system", "body": self.fill(pick(rng, phrases.SYSTEM_TURNS))})
        # The conversation spreads over hours to days before the current message; longer with more contacts.
        span_hours = rng.lognormvariate(math.log(20 + 30 * k), 0.8)
        if self.channel == "chat":  # a chat session that was handed over, not a multi-day thread
            span_hours *= 0.03
        offsets = sorted((rng.random() for _ in turns), reverse=True)
        for turn, offset in zip(turns, offsets, strict=True):
            at = self.created_at - timedelta(hours=span_hours * offset + 0.05)
            turn["at"] = at.replace(microsecond=0)
        self.last_agent_step = (k - 1) in steps
        return turns


def _spoken(filler: str, sentence: str) -> str:
    return filler + sentence[:1].lower() + sentence[1:] if filler else sentence


def _gerund(step: str) -> str:
    verb, _, rest = step.partition(" ")
    if verb.endswith("e") and not verb.endswith("ee"):
        verb = verb[:-1]
    return f"{verb}ing {rest}".strip()
