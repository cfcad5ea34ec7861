"""`triage import-history` and `triage import-mapping` as users meet them: the report on stderr, the file
`triage train --data` reads, every skipped row with its number, and one `error:` line on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from triage.io import read_labelled

EXPORTS = Path(__file__).parents[1] / "fixtures" / "exports"


def triage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "triage", *args], capture_output=True, text=True, timeout=120)


def test_import_writes_training_rows_and_reports_labels_and_skipped_rows(tmp_path):
    out, report = tmp_path / "history.jsonl", tmp_path / "report.json"

    result = triage(
        "import-history",
        "--format",
        "zendesk-json",
        "--input",
        str(EXPORTS / "zendesk_incremental.json"),
        "--out",
        str(out),
        "--report",
        str(report),
    )

    assert result.returncode == 0, result.stderr
    assert "imported 4 of 9 rows" in result.stderr
    assert "  escalated: 3 rows (yes 3)" in result.stderr
    assert "  team: 4 rows" in result.stderr
    assert "skipped 4 rows:" in result.stderr
    for line in ("row 4: expected a JSON object", "row 5: zendesk: ticket 48220", "row 7: a deleted ticket"):
        assert f"  {line}" in result.stderr
    assert [t.id for t in read_labelled(out)] == ["48211", "48215", "48222", "48212"]
    saved = json.loads(report.read_text())
    assert [s["row"] for s in saved["skipped"]] == [4, 5, 7, 8]


def test_generic_csv_with_its_mapping(tmp_path):
    out = tmp_path / "history.jsonl"

    result = triage(
        "import-history",
        "--format",
        "csv",
        "--input",
        str(EXPORTS / "generic_tickets.csv"),
        "--mapping",
        str(EXPORTS / "generic_mapping.yaml"),
        "--out",
        str(out),
    )

    assert result.returncode == 0, result.stderr
    assert "row 5: Transfers: cannot read 'many' as group changes" in result.stderr
    assert {t.team for t in read_labelled(out)} == {"technical", "financial", "legal"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "zendesk-xml", "--input", "zendesk_incremental.json"], "unknown export format 'zendesk-xml'"),
        (["--format", "csv", "--input", "generic_tickets.csv"], "must name the id column"),
        (["--format", "jira-json", "--input", "absent.json"], "absent.json: no such file"),
        (["--format", "zendesk-csv", "--input", "zendesk_incremental.json"], "not a Zendesk CSV export"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(tmp_path, args, message):
    args = [*args[:-1], str(EXPORTS / args[-1])]

    result = triage("import-history", *args, "--out", str(tmp_path / "out.jsonl"))

    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_an_export_with_no_importable_row_is_an_error(tmp_path):
    export = tmp_path / "export.json"
    export.write_text('{"tickets": [{"id": 1}, "x"]}')

    result = triage(
        "import-history", "--format", "zendesk-json", "--input", str(export), "--out", str(tmp_path / "o.jsonl")
    )

    assert result.returncode == 2
    assert "none of its 2 rows could be imported (row 1: zendesk: ticket 1 has neither" in result.stderr


def test_import_mapping_prints_the_default_to_edit(tmp_path):
    result = triage("import-mapping", "jira-json")

    assert result.returncode == 0
    assert "vendor: jira" in result.stdout and "priority_raised: true" in result.stdout


def test_holdout_takes_the_most_recent_tickets_and_exclude_keeps_them_out_of_later_imports(tmp_path):
    export = str(EXPORTS / "zendesk_incremental.json")
    train, holdout, later = tmp_path / "train.jsonl", tmp_path / "holdout.jsonl", tmp_path / "later.jsonl"

    first = triage(
        "import-history", "--format", "zendesk-json", "--input", export, "--out", str(train),
        "--holdout", str(holdout), "--holdout-share", "0.5",
    )  # fmt: skip
    second = triage(
        "import-history", "--format", "zendesk-json", "--input", export, "--out", str(later),
        "--exclude", str(holdout),
    )  # fmt: skip

    assert first.returncode == 0, first.stderr
    assert "2 most recent to" in first.stderr
    # Created 2025-02-03 08:12 and 09:01 train; 11:47 and 2025-02-04 are held out.
    assert [t.id for t in read_labelled(train)] == ["48211", "48212"]
    assert [t.id for t in read_labelled(holdout)] == ["48215", "48222"]
    assert second.returncode == 0, second.stderr
    assert "2 left out: their ids are in --exclude" in second.stderr
    assert [t.id for t in read_labelled(later)] == [t.id for t in read_labelled(train)]
