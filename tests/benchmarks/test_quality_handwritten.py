"""The quality benchmark's cheap mode: the hand-written sets on one model, the fresh ones reported apart, the
published results and the README left alone."""

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import quality  # noqa: E402  (the benchmarks folder is not a package)


def _run(*arguments: str, monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["quality.py", *arguments])
    quality.main()


def test_only_handwritten_measures_every_set_and_leaves_the_results_alone(model_dir, tmp_path, monkeypatch, capsys):
    published = [BENCHMARKS / "results" / "quality.json", BENCHMARKS.parent / "README.md"]
    before = [path.read_bytes() for path in published]
    out = tmp_path / "handwritten.json"
    _run("--only", "handwritten", "--model", str(model_dir), "--out", str(out), monkeypatch=monkeypatch)
    assert [path.read_bytes() for path in published] == before
    results = json.loads(out.read_text())
    fresh, older = results["handwritten_fresh"], results["handwritten"]
    assert fresh["rows"] == older["rows"] == 40
    assert fresh["tier"]["n"] == fresh["team_n"] == 40
    assert older["tier"]["n"] == older["team_n"] == 39  # HW35 fits no tier-2 team: no tier label
    assert (fresh["escalate"]["should_stay"], fresh["escalate"]["should_go_up"]) == (13, 27)
    more = results["handwritten_more"]
    assert more["rows"] == 40 and (more["escalate"]["should_stay"], more["escalate"]["should_go_up"]) == (20, 20)
    check3 = results["handwritten_check3"]
    assert check3["rows"] == 40
    assert (check3["escalate"]["should_stay"], check3["escalate"]["should_go_up"]) == (14, 26)
    check4 = results["handwritten_check4"]
    assert check4["rows"] == 40
    assert (check4["escalate"]["should_stay"], check4["escalate"]["should_go_up"]) == (15, 25)
    assert (fresh["other_language"], older["other_language"]) == (5, 0)
    assert 0 <= fresh["other_language_abstained"] <= 5
    assert 0 <= fresh["tier"]["exact"] <= fresh["tier"]["within_one"] <= 1
    for figures in (fresh, older, more, check3, check4):
        assert set(figures["trigger_labels"]) == {"technical", "financial", "legal"}
        assert -1 <= figures["frustration_kappa"] <= 1
    printed = capsys.readouterr().out
    assert "blind check written before the model changes" in printed
    assert "development set, not blind" in printed
    assert "second check, written before" in printed
    assert "third check, written before" in printed
    assert "fourth check, written before" in printed


def test_only_handwritten_refuses_a_folder_without_a_model(tmp_path, monkeypatch):
    with pytest.raises(SystemExit, match="no model here"):
        _run("--only", "handwritten", "--model", str(tmp_path), monkeypatch=monkeypatch)
