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


def test_markdown_states_every_row_the_exponents_and_the_largest_history():
    result = cost_curve.summary(
        [
            {
                "tickets": 10_000,
                "train_seconds": 20.0,
                "train_cpu_seconds": 18.5,
                "train_peak_mb": 900,
                "mode": "in memory",
            }
        ],
        [1_000_000],
        [{"batch_size": 32, "tickets_per_second": 800.0}],
        time_cap=3600,
    )

    text = cost_curve.markdown(result)

    assert "| 10,000 | in memory | 20.0 | 18.5 | 900 |" in text
    assert "| 1,000,000 | not finished in 3,600 s |" in text
    assert "| 32 | 800.0 |" in text
    assert "training time None" in text
    assert "Largest history trained: 10,000 tickets in 20.0 s" in text


def test_merge_keeps_the_last_rows_of_sizes_not_measured_again():
    def row(tickets: int, seconds: float) -> dict:
        return {"tickets": tickets, "train_seconds": seconds}

    last = {"training": [row(10_000, 20.0), row(50_000, 90.0)], "not_finished": [1_000_000], "scoring": ["last"]}

    training, unfinished, scoring = cost_curve.merged(last, [50_000, 1_000_000], [row(50_000, 80.0)], [], [])

    assert training == [row(10_000, 20.0), row(50_000, 80.0)]
    assert unfinished == []  # 1,000,000 was tried again (and finished or was capped in this run's rows)
    assert scoring == ["last"]
