"""The demo history generator: deterministic, valid, and matching the marginals its docstring states."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.resources import files

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from triage.datasets.demo import phrases as demo_phrases
from triage.datasets.demo.generator import TARGET_MARGINALS, TARGET_RESOLUTION_HOURS, generate
from triage.datasets.demo.latent import LINES
from triage.io import read_labelled, write_records
from triage.schema import LabelledTicket
from triage.text.trajectory import trajectory

TICKETS = 3000
TEAMS = {"frontline", "technical", "billing", "account_management", "legal_compliance"}


@pytest.fixture(scope="module")
def tickets() -> list[LabelledTicket]:
    return generate(TICKETS, seed=2026)


def _share(rows: list[LabelledTicket], predicate) -> float:
    return sum(1 for row in rows if predicate(row)) / len(rows)


def _hours(row: LabelledTicket) -> float:
    return (row.resolved_at - row.created_at).total_seconds() / 3600


# --- determinism -------------------------------------------------------------------------------------------


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path):
    first = write_records(generate(300, seed=5), tmp_path / "a.jsonl").read_bytes()
    again = write_records(generate(300, seed=5), tmp_path / "b.jsonl").read_bytes()
    other = write_records(generate(300, seed=6), tmp_path / "c.jsonl").read_bytes()
    assert first == again
    assert first != other


def test_output_does_not_depend_on_string_hashing():
    # Iterating a set of strings or calling hash() would change the output with PYTHONHASHSEED.
    script = (
        "import hashlib, json; from triage.datasets.demo import generate; "
        "rows = [r.model_dump_json(exclude_none=True) for r in generate(150, seed=9)]; "
        "print(hashlib.sha256('\\n'.join(rows).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        command = [sys.executable, "-c", script]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_progress_is_reported_up_to_the_total():
    seen: list[int] = []
    generate(1234, seed=1, on_progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1234
    assert len(seen) >= 2


def test_zero_tickets_is_empty_and_negative_is_an_error():
    assert generate(0, seed=1) == []
    with pytest.raises(ValueError):
        generate(-1, seed=1)


# --- validity ----------------------------------------------------------------------------------------------


def test_every_row_survives_a_write_read_round_trip(tickets, tmp_path):
    path = write_records(tickets, tmp_path / "demo.jsonl")
    again = read_labelled(path)
    assert again == tickets
    assert len({row.id for row in tickets}) == TICKETS


def test_tickets_are_oldest_first_within_twelve_months(tickets):
    created = [row.created_at for row in tickets]
    assert created == sorted(created)
    assert created[0] >= datetime(2025, 12, 1, tzinfo=UTC)
    assert created[-1] < datetime(2026, 12, 1, tzinfo=UTC)


def test_history_is_oldest_first_and_before_the_current_message(tickets):
    for row in tickets:
        stamps = [turn.at for turn in row.history]
        assert stamps == sorted(stamps)
        assert all(at < row.created_at for at in stamps)
        assert row.resolved_at > row.created_at
    assert _share(tickets, lambda row: any(turn.author == "agent" for turn in row.history)) > 0.1
    assert any(turn.author == "system" for row in tickets for turn in row.history)


def test_customers_channels_and_plans_cover_the_contract(tickets):
    assert {row.channel for row in tickets} == {"email", "chat", "phone", "web_form", "social", "api"}
    assert {row.customer.plan for row in tickets} == {"free", "basic", "pro", "enterprise", None}
    assert all(row.customer.annual_contract_value in (0, None) for row in tickets if row.customer.plan == "free")
    assert all(row.product for row in tickets)
    assert _share(tickets, lambda row: row.tags) > 0.5


# --- marginals stated in the docstring ---------------------------------------------------------------------


@pytest.mark.parametrize("trigger", ["technical", "financial", "legal"])
def test_trigger_shares(tickets, trigger):
    target = TARGET_MARGINALS[trigger]
    share = _share(tickets, lambda row: trigger in row.triggers)
    assert share == pytest.approx(target, abs=0.03 + 0.1 * target)


def test_some_tickets_have_no_trigger(tickets):
    share = _share(tickets, lambda row: not row.triggers)
    assert share == pytest.approx(TARGET_MARGINALS["no_trigger"], abs=0.05)


def test_escalation_rate(tickets):
    share = _share(tickets, lambda row: row.escalated)
    assert share == pytest.approx(TARGET_MARGINALS["escalated"], abs=0.04)


def test_frontline_iff_tier_one_iff_not_escalated(tickets):
    for row in tickets:
        assert row.team in TEAMS
        assert (row.team == "frontline") == (row.tier == 1) == (not row.escalated)
        assert row.escalation_level_reached == row.tier


def test_tier_shares_among_escalated(tickets):
    escalated = [row for row in tickets if row.escalated]
    for tier in (2, 3, 4):
        target = TARGET_MARGINALS[f"tier_{tier}_of_escalated"]
        assert _share(escalated, lambda row, tier=tier: row.tier == tier) == pytest.approx(target, abs=0.06)
    assert {row.team for row in escalated} == TEAMS - {"frontline"}


def test_frustration_distribution(tickets):
    calm = _share(tickets, lambda row: row.frustration == 0)
    angry = _share(tickets, lambda row: row.frustration == 3)
    assert calm == pytest.approx(TARGET_MARGINALS["frustration_0"], abs=0.05)
    assert angry == pytest.approx(TARGET_MARGINALS["frustration_3"], abs=0.03)


def test_csat_mean_and_distribution(tickets):
    answered = [row.csat for row in tickets if row.csat is not None]
    assert len(answered) / TICKETS == pytest.approx(TARGET_MARGINALS["csat_response"], abs=0.04)
    assert statistics.mean(answered) == pytest.approx(TARGET_MARGINALS["csat_mean"], abs=0.15)
    counts = Counter(answered)
    assert counts.most_common(1)[0][0] == 5
    assert counts[1] / len(answered) < 0.1
    assert set(counts) == {1, 2, 3, 4, 5}


def test_csat_is_lower_with_frustration_and_escalation(tickets):
    def mean_csat(rows):
        return statistics.mean(row.csat for row in rows if row.csat is not None)

    angry = [row for row in tickets if row.frustration == 3]
    calm = [row for row in tickets if row.frustration == 0]
    assert mean_csat(angry) < mean_csat(calm) - 0.5
    escalated = [row for row in tickets if row.escalated]
    not_escalated = [row for row in tickets if not row.escalated]
    assert mean_csat(escalated) < mean_csat(not_escalated) - 0.3


@pytest.mark.parametrize("tier", [1, 2, 3, 4])
def test_resolution_time_median_and_p90_per_tier(tickets, tier):
    hours = [_hours(row) for row in tickets if row.tier == tier]
    median, p90 = TARGET_RESOLUTION_HOURS[tier]
    if tier < 4:
        assert np.median(hours) == pytest.approx(median, rel=0.25)
        assert np.percentile(hours, 90) == pytest.approx(p90, rel=0.25)
    else:  # about 50 tier-4 tickets in the fixture: a noisy p90, so check the median and the tail's shape
        assert np.median(hours) == pytest.approx(median, rel=0.45)
        assert 2 < np.percentile(hours, 90) / np.median(hours) < 6


def test_first_contact_resolution_only_without_escalation_or_earlier_contacts(tickets):
    assert _share(tickets, lambda row: row.first_contact_resolution) == pytest.approx(
        TARGET_MARGINALS["first_contact_resolution"], abs=0.05
    )
    for row in tickets:
        if row.first_contact_resolution:
            assert not row.escalated and row.reopen_count == 0
            assert not any(turn.author == "customer" for turn in row.history)


# --- escalation depends on context, not one keyword ---------------------------------------------------------


def test_some_accounts_are_not_on_record(tickets):
    # Real exports lack the contract value (no CRM sync) or the whole account (unknown senders).
    assert _share(tickets, lambda row: row.customer.annual_contract_value is None) == pytest.approx(0.25, abs=0.05)
    assert _share(tickets, lambda row: row.customer.plan is None) == pytest.approx(0.10, abs=0.04)


def test_escalation_rises_with_contract_value(tickets):
    known = [row for row in tickets if row.customer.annual_contract_value is not None]
    values = np.array([row.customer.annual_contract_value for row in known])
    escalated = np.array([row.escalated for row in known])
    probability = np.array([row.true_escalation_probability for row in known])
    low, high = np.quantile(values, [0.25, 0.75])
    # The latent probability, not the 0/1 labels, carries the size of the effect: at 3,000 tickets the labels'
    # gap moves between about 0.06 and 0.18 from seed to seed, the probability's between 0.12 and 0.22.
    assert probability[values >= high].mean() > probability[values <= low].mean() + 0.1
    assert escalated[values >= high].mean() > escalated[values <= low].mean()


def test_escalation_rises_with_failed_attempts_in_the_history(tickets):
    failed = np.array([trajectory(row).failed_attempts for row in tickets])
    escalated = np.array([row.escalated for row in tickets])
    assert (failed > 0).sum() > 100
    assert escalated[failed > 0].mean() > escalated[failed == 0].mean() + 0.2


def test_strategic_accounts_are_rare_and_valuable(tickets):
    known = [row for row in tickets if row.customer.annual_contract_value is not None]
    strategic = [row.customer.annual_contract_value for row in known if row.customer.strategic]
    others = [row.customer.annual_contract_value for row in known if not row.customer.strategic]
    assert 0 < len(strategic) / TICKETS < 0.12
    assert statistics.median(strategic) > 5 * statistics.median(others)


def test_oracle_auc_is_high_but_not_perfect(tickets):
    labels = [row.escalated for row in tickets]
    oracle = [row.true_escalation_probability for row in tickets]
    assert 0.8 < roc_auc_score(labels, oracle) < 0.95


def test_tone_is_not_stakes(tickets):
    assert any(row.frustration == 3 and not row.triggers and not row.escalated for row in tickets)
    assert any(row.frustration == 0 and row.tier >= 3 for row in tickets)


# --- the text ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trigger", "phrases"),
    [
        ("legal", ("legal pad", "not a legal question", "legal-size paper")),
        ("financial", ("cancel the meeting", "refunded my customer", "charge my phone")),
        ("technical", ("not a bug report", "nothing is broken")),
    ],
)
def test_misleading_keywords_appear_in_tickets_without_that_trigger(tickets, trigger, phrases):
    decoys = [
        row for row in tickets if trigger not in row.triggers and any(phrase in row.body.lower() for phrase in phrases)
    ]
    assert len(decoys) >= 5


def test_repeat_contacts_are_written_into_the_message(tickets):
    third = [row for row in tickets if trajectory(row).customer_contacts == 3]
    first = [row for row in tickets if trajectory(row).customer_contacts == 1]

    def says_third(row):
        return "third" in row.body.lower()

    assert _share(third, says_third) > 0.3
    assert _share(first, says_third) < 0.02


def test_angry_customers_sound_angry(tickets):
    def shouts(row):
        return "!" in row.body or any(word.isupper() and len(word) > 3 for word in row.body.split())

    angry = [row for row in tickets if row.frustration == 3]
    calm = [row for row in tickets if row.frustration == 0]
    assert _share(angry, shouts) > _share(calm, shouts) + 0.3


def test_text_is_varied(tickets):
    # Short chat messages ("I need a tax form") may repeat, as they do in real queues.
    bodies = [row.body for row in tickets]
    assert len(set(bodies)) > 0.99 * len(bodies)
    technical_openings = {row.body.split(".")[0] for row in tickets if "technical" in row.triggers}
    assert len(technical_openings) > 500
    assert any("> On " in body and "wrote:" in body for body in bodies)
    assert any("ERROR [" in body or "FATAL [" in body for body in bodies)


# Words a technical ticket uses that real money and legal complaints use too ("a system error", "the website
# would not let me dispute it"), and words of an error or money that routine asks carry ("the docs mention a
# 401", "it works now", "$250"). Kept out of other tickets, they would make such words a technical ticket's mark.
SYSTEM_WORDS = re.compile(r"\b(system|online|website|portal|app|error)\b")
PROBLEM_WORDS = re.compile(r"\b(error|errors|401|500|crash|crashes|fixed|works now|feature request|\$\d)")


def _mentions(rows: list[LabelledTicket], pattern: re.Pattern) -> float:
    return _share(rows, lambda row: bool(pattern.search(row.body.lower())))


def test_money_and_legal_complaints_tell_of_systems_and_run_as_long_as_technical_ones(tickets):
    # The previous generator: 0.03 of money and legal tickets against 0.32 of technical ones; p90 66 vs 79 words.
    technical = [row for row in tickets if "technical" in row.triggers]
    money_or_legal = [row for row in tickets if row.triggers and "technical" not in row.triggers]
    assert _mentions(money_or_legal, SYSTEM_WORDS) >= 0.5 * _mentions(technical, SYSTEM_WORDS)

    def p90_words(rows):
        return np.percentile([len(row.body.split()) for row in rows], 90)

    assert p90_words(money_or_legal) >= 0.9 * p90_words(technical)


def test_routine_asks_include_near_misses_that_mention_errors_or_money(tickets):
    # The previous generator: 0.03 of routine tickets against 0.32 of technical ones (a ratio of 0.09); this one
    # 0.07-0.11 against 0.27-0.31 over seeds 1, 2, 3 and 2026 (0.23-0.39).
    technical = [row for row in tickets if "technical" in row.triggers]
    routine = [row for row in tickets if not row.triggers]
    assert _mentions(routine, PROBLEM_WORDS) >= 0.2 * _mentions(technical, PROBLEM_WORDS)


def test_technical_problems_come_in_many_forms(tickets):
    """Composed from independent slots: what the customer tried, a pasted trace or JSON body, a screenshot."""
    technical = [row.body.lower() for row in tickets if "technical" in row.triggers]
    for cue in ("cache", "traceback", '"error": {', "screenshot", "spins", "blank", "redirect loop"):
        assert any(cue in body for body in technical), cue


# --- accounts and time --------------------------------------------------------------------------------------


def test_repeat_customers_exist(tickets):
    per_customer = Counter(row.customer.id for row in tickets)
    assert len(per_customer) < 0.6 * TICKETS
    assert max(per_customer.values()) >= 5
    per_company = Counter(row.customer.company for row in tickets if row.customer.company)
    assert sum(1 for count in per_company.values() if count > 1) > 100


def test_weekends_are_quieter_and_business_hours_are_busier(tickets):
    weekdays = Counter(row.created_at.weekday() for row in tickets)
    weekday_mean = sum(weekdays[day] for day in range(5)) / 5
    weekend_mean = (weekdays[5] + weekdays[6]) / 2
    assert weekend_mean < 0.5 * weekday_mean
    assert _share(tickets, lambda row: 8 <= row.created_at.hour < 18) > 0.6


def test_routine_tickets_are_written_at_the_length_and_in_the_small_words_of_problem_tickets(tickets):
    """Otherwise a model learns "long, narrated ticket = a trigger", and every long real complaint reads as one."""
    routine = [t for t in tickets if not t.triggers]
    problems = [t for t in tickets if t.triggers]

    def words(rows):
        return [len(t.body.split()) for t in rows]

    # 0.73-0.78 over seeds 1, 2, 3 and 2026: the bar sits below that spread, so a change elsewhere in the
    # generator (which moves every later random draw) does not fail it by luck.
    assert statistics.median(words(routine)) >= 0.7 * statistics.median(words(problems))
    for word in ("that", "been", "was", "has"):
        in_routine = _share(routine, lambda t, w=word: w in t.body.lower().split())
        in_problems = _share(problems, lambda t, w=word: w in t.body.lower().split())
        assert in_routine >= 0.5 * in_problems, word


# --- the phrase files --------------------------------------------------------------------------------------


def _banks(value, where: str) -> Iterator[tuple[str, tuple]]:
    """Every bank in a loaded value, a single text as a bank of one; JSON lists must come back as tuples."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _banks(inner, f"{where}[{key!r}]")
    elif isinstance(value, tuple) and value and isinstance(value[0], tuple):  # (ask, done) pairs
        for number, pair in enumerate(value):
            yield from _banks(pair, f"{where}[{number}]")
    else:
        assert isinstance(value, str | tuple), f"{where} is a {type(value).__name__}"
        yield where, (value,) if isinstance(value, str) else value


def test_every_phrase_file_loads_and_no_bank_is_empty():
    phrase_files = [f for f in files("triage.datasets.demo").iterdir() if f.name.startswith("phrases_")]
    assert len(phrase_files) == 8
    for phrase_file in phrase_files:
        for key in json.loads(phrase_file.read_text(encoding="utf-8")):
            value = getattr(demo_phrases, key.upper())  # every bank in the files is loaded, under its own name
            for where, bank in _banks(value, f"{phrase_file.name}:{key}"):
                assert bank and any(bank), f"{where} is empty"
                assert all(isinstance(text, str) for text in bank), where


def test_banks_by_level_come_back_with_int_keys_in_order():
    for name in ("TECH_ISSUES", "TECH_IMPACT", "FIN_ISSUES", "LEGAL_ISSUES", "REPEAT", "FRUSTRATION"):
        assert list(getattr(demo_phrases, name)) == [1, 2, 3], name


def test_every_product_line_has_its_words():
    assert [line.name for line in LINES] == list(demo_phrases.LINE_WORDS)
