"""The cost curve's growth exponent and its table: the slope of log(cost) on log(size)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import cost_curve  # noqa: E402  (the benchmarks folder is not a package)


def test_growth_exponent_reads_linear_and_quadratic_costs():
    sizes = [10_000, 50_000, 200_000]

    assert cost_curve.growth_exponent(sizes, [3 * n for n in sizes]) == pytest.approx(1.0)
    assert cost_curve.growth_exponent(sizes, [n * n for n in sizes]) == pytest.approx(2.0)
    assert cost_curve.growth_exponent(sizes, [700.0, 700.0, 700.0]) == pytest.approx(0.0)


def test_growth_exponent_needs_two_sizes():
    assert cost_curve.growth_exponent([10_000], [40.0]) is None


def test_markdown_states_every_row_and_the_exponents():
    result = {
        "training": [{"tickets": 10_000, "train_seconds": 20.0, "train_peak_mb": 900}],
        "scoring": [{"batch_size": 32, "tickets_per_second": 800.0}],
        "growth_exponents": {"train_seconds": None, "train_peak_mb": None},
        "machine": "2 cores",
        "date": "2026-12-06",
    }

    text = cost_curve.markdown(result)

    assert "| 10,000 | 20.0 | 900 |" in text
    assert "| 32 | 800.0 |" in text
    assert "training time None" in text
