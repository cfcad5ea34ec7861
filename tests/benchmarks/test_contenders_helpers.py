"""The contenders benchmark's pure helpers: row caps, latency percentiles, the LLM estimate, fastText's input
line, the "N× faster at equal or better quality" claims, merging runs and skipping what is not installed.
None of them needs the heavy ``contenders`` extra."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import contenders  # noqa: E402  (the benchmarks folder is not a package)


def test_capped_rows_keeps_every_row_without_a_cap_or_above_the_count():
    y = ["a", "b"] * 5
    assert contenders.capped_rows(y, None).tolist() == list(range(10))
    assert contenders.capped_rows(y, 10).tolist() == list(range(10))


def test_capped_rows_is_seeded_sorted_and_stratified():
    y = np.array(["common"] * 90 + ["rare"] * 10)
    first = contenders.capped_rows(y, 20, seed=0)
    assert first.tolist() == contenders.capped_rows(y, 20, seed=0).tolist()
    assert first.tolist() != contenders.capped_rows(y, 20, seed=1).tolist()
    assert len(first) == 20 and np.all(np.diff(first) > 0)
    assert (y[first] == "rare").sum() == 2  # the class shares are kept


def test_capped_rows_falls_back_to_a_plain_sample_when_a_class_has_one_row():
    y = ["a"] * 30 + ["lonely"]
    assert len(contenders.capped_rows(y, 5)) == 5


def test_capped_rows_refuses_a_cap_below_one():
    with pytest.raises(ValueError, match="at least 1"):
        contenders.capped_rows([0, 1, 0, 1], 0)


def test_percentiles_are_nearest_rank_in_milliseconds():
    seconds = [i / 1000 for i in range(1, 101)]  # 1..100 ms
    assert contenders.percentiles_ms(seconds) == {"p50": 50.0, "p99": 99.0, "n": 100}
    assert contenders.percentiles_ms([0.002]) == {"p50": 2.0, "p99": 2.0, "n": 1}
    with pytest.raises(ValueError):
        contenders.percentiles_ms([])


def test_llm_estimate_adds_the_prompt_to_the_mean_ticket_and_prices_both_directions():
    price = {"usd_per_million_input_tokens": 1.0, "usd_per_million_output_tokens": 4.0, "seconds_per_request": 0.9}
    estimate = contenders.llm_estimate(100, [10, 30], 5, price, tickets=10_000)
    assert estimate["input_tokens_per_ticket"] == 120
    # 10,000 x (120 x $1 + 5 x $4) per million tokens
    assert estimate["usd_per_10k"] == pytest.approx(1.4)
    assert estimate["sequential_hours_per_10k"] == pytest.approx(2.5)
    with pytest.raises(ValueError):
        contenders.llm_estimate(100, [], 5, price)


def test_fasttext_line_is_one_lower_case_line_with_punctuation_apart():
    assert contenders.fasttext_line("Card DECLINED?\nWhy (again)!") == "card declined ? why ( again ) !"


def _row(rate: float, low: float, high: float) -> dict:
    versus = {"metric": "macro_f1", "difference": (low + high) / 2, "low": low, "high": high}
    return {"tickets_per_cpu_second": rate, "versus_ours": versus}


def test_claims_only_where_ours_is_faster_and_not_worse():
    rows = {
        "ours": {"tickets_per_cpu_second": 1000.0},
        "tied_and_slower": _row(100.0, -0.01, 0.01),
        "worse_and_slower": _row(10.0, -0.05, -0.01),
        "better_and_slower": _row(100.0, 0.01, 0.03),
        "tied_and_faster": _row(5000.0, -0.01, 0.01),
    }
    found = contenders.claims(rows)
    assert found == [
        "10.0× faster than tied_and_slower in batches at equal (tied) macro_f1",
        "100.0× faster than worse_and_slower in batches at better macro_f1",
    ]


def test_merge_replaces_only_the_entries_this_run_measured():
    previous = {"sets": {"a": {"ours": 1, "fasttext": 2}, "b": {"ours": 3}}, "llm": {"a": 1}}
    current = {"sets": {"a": {"fasttext": 9}}, "llm": {"b": 2}, "machine": "now"}
    merged = contenders.merge(previous, current)
    assert merged["sets"] == {"a": {"ours": 1, "fasttext": 9}, "b": {"ours": 3}}
    assert merged["llm"] == {"a": 1, "b": 2} and merged["machine"] == "now"


def test_plan_skips_what_is_not_installed_and_keeps_profile_candidates_to_banking77(monkeypatch):
    monkeypatch.setattr(contenders, "missing_modules", lambda c: ["fasttext"] if c.name == "fasttext" else [])
    pairs, skipped = contenders.plan(
        ["banking77_intent", "airline_negative"], ["ours", "fasttext", "text_model2vec_sgd"], explicit=False
    )
    assert "fasttext" in skipped and "not installed" in skipped["fasttext"]
    assert pairs == [
        ("banking77_intent", "ours"),
        ("banking77_intent", "text_model2vec_sgd"),
        ("airline_negative", "ours"),
    ]
