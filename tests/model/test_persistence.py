"""Saved models load back identical, and anything that cannot be trusted is refused with one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import handwritten_tickets

import triage.model.persistence as persistence
from triage.errors import TriageError
from triage.model.persistence import ModelLoadError, load_model, save_model
from triage.pipeline import Triage


def _dump(predictions) -> list[dict]:
    return [p.model_dump(mode="json") for p in predictions]


def test_save_then_load_gives_identical_predictions(trained, model, probe_tickets):
    in_memory, _ = trained
    tickets = [*probe_tickets, *handwritten_tickets()]

    assert _dump(Triage.of(model).predict(tickets)) == _dump(Triage.of(in_memory).predict(tickets))


def test_saving_a_loaded_model_again_round_trips(model, tmp_path, probe_tickets):
    again = load_model(save_model(model, tmp_path / "again"))

    assert _dump(Triage.of(again).predict(probe_tickets[:10])) == _dump(Triage.of(model).predict(probe_tickets[:10]))
    assert again.model_ref == model.model_ref


def test_metadata_records_provenance(model_dir):
    metadata = json.loads((model_dir / "metadata.json").read_text())

    assert metadata["format_version"] == persistence.FORMAT_VERSION
    assert set(persistence.PINNED_LIBRARIES) <= set(metadata["libraries"])
    assert set(metadata["sha256"]) == set(persistence.HASHED_FILES)
    assert metadata["version"] == "7" and metadata["alias"] == "champion"
    assert {"technical", "financial", "legal", "escalation"} <= set(metadata["heads"])


def _flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _edit_calibration(path: Path) -> None:
    calibration = json.loads(path.read_text())
    calibration["escalation_threshold"] = 0.99
    path.write_text(json.dumps(calibration, indent=2))


def _edit_escalation(path: Path) -> None:
    path.write_text(path.read_text().replace("target_precision: 0.8", "target_precision: 0.5"))


def _edit_metadata(change):
    def edit(path: Path) -> None:
        metadata = json.loads(path.read_text())
        change(metadata)
        path.write_text(json.dumps(metadata))

    return edit


def _older_sklearn(metadata: dict) -> None:
    metadata["libraries"]["scikit-learn"] = "1.5.0"


def _fewer_frustration_cues(metadata: dict) -> None:
    metadata["feature_contract"]["frustration_cues"].pop()


def _future_format(metadata: dict) -> None:
    metadata["format_version"] = persistence.FORMAT_VERSION + 1


REFUSALS = [
    ("model.skops", _flip_one_byte, "model.skops: SHA-256 does not match"),
    ("calibration.json", _edit_calibration, "calibration.json: SHA-256 does not match"),
    ("escalation.yaml", _edit_escalation, "escalation.yaml: SHA-256 does not match"),
    ("metadata.json", _edit_metadata(_older_sklearn), "trained with scikit-learn 1.5.0"),
    ("metadata.json", _edit_metadata(_future_format), "is not supported"),
    ("metadata.json", _edit_metadata(_fewer_frustration_cues), "trained with other frustration cues"),
    ("metadata.json", lambda path: path.write_text("{not json"), "metadata.json: not valid JSON"),
    ("metadata.json", lambda path: path.unlink(), "not a triage model directory"),
    ("calibration.json", lambda path: path.unlink(), "calibration.json is missing"),
]


@pytest.mark.parametrize(
    ("name", "tamper", "expected"), REFUSALS, ids=[f"{name}-{tamper.__name__}" for name, tamper, _ in REFUSALS]
)
def test_an_untrustworthy_model_directory_is_refused_in_one_line(model_copy, name, tamper, expected):
    tamper(model_copy / name)

    with pytest.raises(ModelLoadError) as raised:
        load_model(model_copy)

    message = str(raised.value)
    assert expected in message
    assert "\n" not in message


def test_the_edited_escalation_file_really_differed(model_copy):
    # Guard for the table above: the escalation edit must change the file, or the refusal proves nothing.
    path = model_copy / "escalation.yaml"
    before = path.read_text()
    _edit_escalation(path)
    assert path.read_text() != before


def test_an_untrusted_type_is_refused(model_copy, monkeypatch):
    trusted = persistence.trusted_types()
    assert "triage.model.features.TicketColumns" in trusted
    monkeypatch.setattr(
        persistence,
        "trusted_types",
        lambda: [name for name in trusted if name != "triage.model.features.TicketColumns"],
    )

    with pytest.raises(ModelLoadError) as raised:
        load_model(model_copy)

    assert "outside the trusted list: triage.model.features.TicketColumns" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_missing_directory_is_a_triage_error(tmp_path):
    with pytest.raises(TriageError, match="not a triage model directory"):
        load_model(tmp_path / "absent")


def test_a_model_of_the_previous_format_is_refused_with_how_to_rebuild_it(tmp_path):
    # A real format-1 model directory (before the modules moved into subpackages), without its 16 MB
    # model.skops: the format is checked first, so the weights are never read.
    old = Path(shutil.copytree(Path(__file__).parents[1] / "fixtures" / "model_format_1", tmp_path / "old"))
    assert json.loads((old / "metadata.json").read_text())["format_version"] == 1

    with pytest.raises(ModelLoadError) as raised:
        load_model(old)

    message = str(raised.value)
    assert "\n" not in message
    assert "model format 1 is not supported (this triage reads format 2)" in message
    assert f"rebuild it: triage train --data YOUR_HISTORY --out {old}" in message
