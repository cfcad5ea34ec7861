"""The public data set importers: row counts, label mappings, reproducible splits, and the dev-set labels."""

import numpy as np
import pandas as pd
import pytest

from triage.datasets import public as datasets
from triage.errors import TriageError
from triage.schema import TRIGGERS


def _shared_data_present() -> bool:
    try:
        datasets.shared_data_dir()
    except TriageError:
        return False
    return True


def needs_shared_data(test):
    skip = pytest.mark.skipif(not _shared_data_present(), reason="public data sets absent: set TRIAGE_SHARED_DATA")
    return pytest.mark.shared_data(skip(test))


# Rows with text per data set (CFPB: narratives only, both files).
ROW_COUNTS = {
    "banking77": 13_083,
    "goemotions": 54_263,
    "airline": 14_640,
    "endava": 47_837,
    "itsm": 8_500,
    "cfpb": 1_532 + 2_827,
}
# Split name -> (train rows, test rows, number of classes or 2).
SPLIT_SIZES = {
    "banking77_intent": (10_003, 3_080, 77),
    "goemotions_frustration": (43_410, 5_427, 2),
    "airline_negative": (11_712, 2_928, 2),
    "endava_topic": (38_269, 9_568, 8),
    "itsm_group": (6_730, 1_683, 49),
    "cfpb_monetary_relief": (2_120, 707, 2),
}


def test_missing_shared_data_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIAGE_SHARED_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(TriageError, match="TRIAGE_SHARED_DATA") as error:
        datasets.load_split("banking77_intent")
    assert "\n" not in str(error.value)


def test_unknown_split_is_an_error():
    with pytest.raises(TriageError, match="unknown split"):
        datasets.load_split("no_such_split")


def test_every_split_comes_from_a_described_data_set():
    assert set(datasets.SPLITS) == set(datasets.SPLIT_SPECS)
    assert set(datasets.SPLITS.values()) <= set(datasets.DATASETS)
    assert {name for name, info in datasets.DATASETS.items() if not info.shippable} == {"airline", "itsm"}


def test_dev_labels_are_well_formed():
    labels = datasets.read_dev_labels()
    assert len(labels) >= 300
    assert not labels.duplicated(["dataset", "row_id"]).any()
    assert set(labels["dataset"]) <= set(datasets.DATASETS)
    trigger_names = {name for value in labels["triggers"] for name in value.split(";") if name}
    assert trigger_names <= set(TRIGGERS)
    assert set(labels["frustration"]) <= {0, 1, 2, 3}
    assert set(labels["escalate"]) <= {0, 1}


@needs_shared_data
@pytest.mark.parametrize("dataset", sorted(ROW_COUNTS))
def test_row_counts_and_unique_ids(dataset):
    tickets = datasets.load_tickets(dataset)
    assert len(tickets) == ROW_COUNTS[dataset]
    ids = [ticket.id for ticket in tickets]
    assert len(set(ids)) == len(ids)
    assert all(ticket_id.startswith(f"{dataset}:") for ticket_id in ids)


@needs_shared_data
@pytest.mark.parametrize("name", sorted(SPLIT_SIZES))
def test_split_sizes_labels_and_reproducibility(name):
    split = datasets.load_split(name)
    train_size, test_size, classes = SPLIT_SIZES[name]
    assert (len(split.train), len(split.test)) == (train_size, test_size)
    assert (len(split.y_train), len(split.y_test)) == (train_size, test_size)
    assert len(np.unique(split.y_train)) == classes
    if split.task == "binary":
        assert set(np.unique(split.y_test)) == {0, 1}
    else:
        assert set(np.unique(split.y_test)) <= set(split.classes)
    train_ids = {ticket.id for ticket in split.train}
    assert train_ids.isdisjoint(ticket.id for ticket in split.test)
    again = datasets.load_split(name)
    assert [ticket.id for ticket in again.test] == [ticket.id for ticket in split.test]
    assert np.array_equal(again.y_test, split.y_test)


@needs_shared_data
def test_label_mappings_match_the_documented_counts():
    goemotions = datasets.read_frame("goemotions")
    # SOURCE.md: rows with any of anger/annoyance/disappointment/disapproval/disgust, train 7,292.
    assert goemotions.loc[goemotions["split"].eq("train"), "target"].sum() == 7_292
    assert set(goemotions["frustration"]) == {0, 1, 2, 3}
    airline = datasets.read_frame("airline")
    assert airline["target"].sum() == 9_178
    assert set(airline["frustration"]) == {0, 1, 2}
    cfpb = datasets.read_frame("cfpb")
    assert cfpb.loc[cfpb["file"].eq(datasets.CFPB_RELIEF_FILE), "target"].sum() == 142
    banking = datasets.read_frame("banking77")
    refund = banking[banking["intent"].eq("request_refund")].iloc[0]
    compromised = banking[banking["intent"].eq("compromised_card")].iloc[0]
    cancel = banking[banking["intent"].eq("terminate_account")].iloc[0]
    assert (refund["triggers"], compromised["triggers"], cancel["triggers"]) == (["financial"], ["legal"], [])


@needs_shared_data
def test_dev_set_is_the_documented_sample_and_joins_with_the_texts():
    labels = datasets.read_dev_labels()
    assert list(zip(labels["dataset"], labels["row_id"], strict=True)) == datasets.dev_sample_keys()
    dev_set = datasets.load_dev_set()
    assert [ticket.id for ticket in dev_set] == (labels["dataset"] + ":" + labels["row_id"]).tolist()
    assert all(ticket.body or ticket.subject for ticket in dev_set)
    assert pd.Series([ticket.escalated for ticket in dev_set]).sum() == labels["escalate"].sum()
    assert all(ticket.team is None for ticket in dev_set)
