"""The per-text results kept between the two reads of one prediction."""

from __future__ import annotations

from triage.text.recent import RecentResults


def test_each_distinct_text_is_computed_once_and_answers_keep_the_order_asked():
    calls: list[list[str]] = []

    def compute(texts: list[str]) -> list[int]:
        calls.append(texts)
        return [len(text) for text in texts]

    recent: RecentResults[int] = RecentResults(size=10)
    assert recent.lookup(["aa", "b", "aa"], compute) == [2, 1, 2]
    assert recent.lookup(["b", "ccc", "aa"], compute) == [1, 3, 2]
    assert calls == [["aa", "b"], ["ccc"]]


def test_the_oldest_results_are_forgotten_beyond_the_size():
    calls: list[str] = []

    def compute(texts: list[str]) -> list[str]:
        calls.extend(texts)
        return [text.upper() for text in texts]

    recent: RecentResults[str] = RecentResults(size=2)
    recent.lookup(["a", "b", "c"], compute)
    assert recent.lookup(["c", "b", "a"], compute) == ["C", "B", "A"]
    assert calls == ["a", "b", "c", "a"]
