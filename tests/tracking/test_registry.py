"""Training logs to MLflow the current way: a SQLite store (here in tmp_path), metrics and the model card
on the run, the model registered as ``triage``, and only the first version made ``champion``."""

from __future__ import annotations

import json

import pytest

from triage.jobs import run_training
from triage.model.persistence import load_model


@pytest.fixture(scope="module")
def two_trainings(small_labelled_file, tmp_path_factory):
    """Two trainings on the same small file against one temporary tracking store."""
    root = tmp_path_factory.mktemp("mlflow")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{root / 'mlflow.db'}")
        patch.setenv("MLFLOW_DISABLE_TELEMETRY", "true")
        patch.chdir(root)  # anything MLflow writes relative to the working directory stays in tmp
        first = run_training(small_labelled_file, root / "first", track=True)
        second = run_training(small_labelled_file, root / "second", track=True)

        import mlflow
        from mlflow.tracking import MlflowClient

        mlflow.set_tracking_uri(f"sqlite:///{root / 'mlflow.db'}")
        client = MlflowClient()
        yield {"root": root, "first": first, "second": second, "client": client}


def test_first_version_is_registered_as_champion(two_trainings):
    first, client = two_trainings["first"], two_trainings["client"]

    assert first["mlflow"]["version"] == "1"
    assert first["mlflow"]["alias"] == "champion"
    assert str(client.get_model_version_by_alias("triage", "champion").version) == "1"


def test_the_run_has_params_metrics_and_the_model_card(two_trainings):
    first, client = two_trainings["first"], two_trainings["client"]

    run = client.get_run(first["mlflow"]["run_id"])

    assert run.info.status == "FINISHED"
    assert {"seed", "alpha", "epochs", "rows"} <= set(run.data.params)
    assert run.data.params["rows"] == str(first["data"]["rows"])
    for head in ("technical", "financial", "legal", "escalation"):
        assert 0.0 <= run.data.metrics[f"{head}.roc_auc"] <= 1.0
    card = {entry.path for entry in client.list_artifacts(run.info.run_id, "model_card")}
    assert {"model_card/model_card.md", "model_card/model_card.json"} <= card


def test_a_second_training_is_version_2_and_champion_stays_on_version_1(two_trainings):
    second, client = two_trainings["second"], two_trainings["client"]

    assert second["mlflow"]["version"] == "2"
    assert second["mlflow"]["alias"] is None
    assert str(client.get_model_version_by_alias("triage", "champion").version) == "1"
    assert {str(v.version) for v in client.search_model_versions("name='triage'")} == {"1", "2"}


@pytest.mark.parametrize(("which", "version", "alias"), [("first", "1", "champion"), ("second", "2", None)])
def test_the_model_directory_carries_the_registered_version(two_trainings, which, version, alias):
    directory = two_trainings["root"] / which

    metadata = json.loads((directory / "metadata.json").read_text())
    card = json.loads((directory / "model_card.json").read_text())
    loaded = load_model(directory)  # the metadata rewrite after registration must not break loading

    assert metadata["version"] == version and metadata["alias"] == alias
    assert metadata["mlflow"]["run_id"] == two_trainings[which]["mlflow"]["run_id"]
    assert card["version"] == version
    assert loaded.model_ref.version == version and loaded.model_ref.alias == alias


def test_artefacts_live_in_the_temporary_store(two_trainings):
    run = two_trainings["client"].get_run(two_trainings["first"]["mlflow"]["run_id"])

    assert str(two_trainings["root"]) in run.info.artifact_uri


def _champion_and_directory_predictions(two_trainings) -> tuple[list[dict], list[dict]]:
    import mlflow.pyfunc
    import pandas as pd
    from conftest import handwritten_tickets

    from triage.pipeline import load_triage

    tickets = handwritten_tickets()
    served = mlflow.pyfunc.load_model("models:/triage@champion").predict(
        pd.DataFrame({"ticket": [t.model_dump_json() for t in tickets]})
    )
    assert list(served.columns) == ["prediction"]
    direct = load_triage(two_trainings["root"] / "first").predict(tickets)
    return [json.loads(p) for p in served["prediction"]], [p.model_dump(mode="json") for p in direct]


def test_the_champion_loads_in_process_and_predicts_what_its_model_directory_predicts(two_trainings):
    served, direct = _champion_and_directory_predictions(two_trainings)

    without_ref = [{k: v for k, v in p.items() if k != "model"} for p in served]
    assert without_ref == [{k: v for k, v in p.items() if k != "model"} for p in direct]


def test_the_champion_reports_its_registered_version(two_trainings):
    served, direct = _champion_and_directory_predictions(two_trainings)

    assert [p["model"] for p in served] == [p["model"] for p in direct]


def test_after_a_deleted_version_the_local_model_still_names_its_registered_version(
    small_labelled_file, tmp_path, monkeypatch
):
    # The registry numbers versions past deleted ones, which a search no longer shows: the directory is
    # re-stamped with the number it really got, and a warning says the logged copy differs.
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
    monkeypatch.chdir(tmp_path)
    run_training(small_labelled_file, tmp_path / "first", track=True)
    from mlflow.tracking import MlflowClient

    MlflowClient().delete_model_version("triage", "1")

    with pytest.warns(UserWarning, match="registered version 2; the logged copy of the model names itself 1"):
        card = run_training(small_labelled_file, tmp_path / "second", track=True)

    assert card["mlflow"]["version"] == "2" and card["mlflow"]["alias"] == "champion"
    assert load_model(tmp_path / "second").model_ref.version == "2"
