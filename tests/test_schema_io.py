"""The data contract: validation with exact error text, and lossless round-trips through every format."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from triage.errors import TicketFileError
from triage.io import read_labelled, read_tickets, to_frame, write_records
from triage.schema import LabelledTicket, Prediction, Ticket, channel_group

FIXTURE = Path(__file__).parent / "fixtures" / "tickets.jsonl"


def labelled_examples() -> list[LabelledTicket]:
    tickets = read_tickets(FIXTURE)
    labels = [
        {"triggers": ["technical"], "escalated": True, "frustration": 2, "tier": 2, "team": "technical"},
        {"escalated": False, "tier": 1, "team": "frontline", "csat": 5, "first_contact_resolution": True},
        {"triggers": ["legal"], "resolved_at": "2026-03-09T12:00:00Z"},
    ]
    return [LabelledTicket(**ticket.model_dump(), **extra) for ticket, extra in zip(tickets, labels, strict=True)]


def test_fixture_tickets_validate_and_ignore_unknown_fields():
    tickets = read_tickets(FIXTURE)
    assert [ticket.id for ticket in tickets] == ["T-1001", "T-1002", "T-1003"]
    assert tickets[0].customer.annual_contract_value == 120000
    assert tickets[0].history[1].author == "agent"
    assert not hasattr(tickets[2], "unknown_field")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"subject": "x"}, "field 'id': Field required"),
        ({"id": "1"}, "Value error, subject or body must be non-empty"),
        ({"id": "1", "subject": "  ", "body": ""}, "Value error, subject or body must be non-empty"),
        (
            {"id": "1", "body": "x", "customer": {"annual_contract_value": -5}},
            "field 'customer.annual_contract_value': Input should be greater than or equal to 0",
        ),
        (
            {"id": "1", "body": "x", "history": [{"author": "robot", "body": "hi"}]},
            "field 'history.0.author': Input should be 'customer', 'agent' or 'system'",
        ),
    ],
)
def test_bad_tickets_name_the_field(tmp_path, record, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "ok", "body": "fine"}) + "\n" + json.dumps(record) + "\n")
    with pytest.raises(TicketFileError) as error:
        read_tickets(path)
    assert str(error.value) == f"{path}: line 2: {message}"


@pytest.mark.parametrize(
    ("labels", "field"),
    [
        ({"frustration": 4}, "frustration"),
        ({"tier": 0}, "tier"),
        ({"csat": 6}, "csat"),
        ({"triggers": ["marketing"]}, "triggers.0"),
        ({"escalated": "perhaps"}, "escalated"),
    ],
)
def test_bad_labels_are_refused(labels, field):
    with pytest.raises(ValidationError) as error:
        LabelledTicket(id="1", body="x", **labels)
    assert ".".join(map(str, error.value.errors()[0]["loc"])) == field


def test_prediction_refuses_probabilities_outside_unit_interval():
    good = {
        "id": "1",
        "model": {"version": "1"},
        "triggers": {"technical": 0.5},
        "trigger_labels": [],
        "escalation": {"probability": 0.2, "escalate": False},
        "frustration": {"score": 0.1, "level": 0, "cues": []},
        "recommendation": {
            "tier": 1,
            "tier_name": "Front-line support",
            "team": "frontline",
            "confidence": 0.9,
            "abstain": False,
        },
    }
    Prediction.model_validate(good)
    with pytest.raises(ValidationError):
        Prediction.model_validate({**good, "triggers": {"legal": 1.2}})
    with pytest.raises(ValidationError):
        Prediction.model_validate({**good, "escalation": {"probability": -0.1, "escalate": False}})


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_round_trip_is_lossless(tmp_path, suffix):
    tickets = labelled_examples()
    path = write_records(tickets, tmp_path / f"tickets{suffix}")
    assert read_labelled(path) == tickets


def test_csv_row_errors_name_the_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,subject,body,customer_plan,frustration\nA,Hi,hello,pro,1\nB,Hi,hello,pro,7\n")
    with pytest.raises(TicketFileError) as error:
        read_labelled(path)
    assert str(error.value) == f"{path}: row 2: field 'frustration': Input should be less than or equal to 3"


def test_csv_accepts_comma_separated_tags_and_flat_customer_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'id,body,tags,customer_annual_contract_value,customer_strategic\nA,hello,"api, billing",1500,true\n'
    )
    (ticket,) = read_tickets(path)
    assert ticket.tags == ["api", "billing"]
    assert ticket.customer.annual_contract_value == 1500
    assert ticket.customer.strategic is True


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(TicketFileError, match=r"unsupported file type '.txt'"):
        read_tickets(tmp_path / "tickets.txt")
    with pytest.raises(TicketFileError, match="no such file"):
        read_tickets(tmp_path / "absent.jsonl")


def test_malformed_json_line(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "1", "body": "x"}\n{"id": 2, \n')
    with pytest.raises(TicketFileError, match=r"line 2: not valid JSON"):
        read_tickets(path)


def test_frame_view_has_one_column_per_field_and_keeps_history_as_list():
    frame = to_frame(labelled_examples())
    assert list(frame["id"]) == ["T-1001", "T-1002", "T-1003"]
    assert frame.loc[0, "customer_plan"] == "enterprise"
    assert frame["customer_annual_contract_value"].isna().tolist() == [False, False, True]
    assert isinstance(frame.loc[0, "history"], list) and frame.loc[0, "history"][0]["author"] == "customer"
    assert frame.loc[0, "team"] == "technical"


def test_ticket_is_immutable():
    ticket = Ticket(id="1", body="x")
    with pytest.raises(ValidationError):
        ticket.body = "changed"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_an_empty_file_round_trips(tmp_path, suffix):
    path = write_records([], tmp_path / f"empty{suffix}")
    assert read_labelled(path) == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [("email", "email"), ("Web", "web_form"), ("portal", "web_form"), ("voice", "phone"), ("Live Chat", "chat")]
    + [("twitter", "social"), ("carrier pigeon", "other"), (None, "other"), ("", "other")],
)
def test_helpdesk_channel_names_map_to_the_known_channels(given, expected):
    assert channel_group(given) == expected


def test_partial_trigger_labels_say_which_triggers_a_row_speaks_for(tmp_path):
    base = {"id": "B1", "body": "I want my money back"}
    partial = LabelledTicket.model_validate(
        {**base, "triggers": ["financial"], "labelled_triggers": ["financial", "legal"]}
    )
    assert partial.has_trigger_label("financial") and partial.has_trigger_label("legal")
    assert not partial.has_trigger_label("technical")
    assert LabelledTicket.model_validate({**base, "triggers": []}).has_trigger_label("technical")
    assert not LabelledTicket.model_validate(base).has_trigger_label("technical")
    with pytest.raises(ValidationError, match="not among labelled_triggers"):
        LabelledTicket.model_validate({**base, "triggers": ["technical"], "labelled_triggers": ["financial"]})
    for suffix in (".csv", ".jsonl", ".parquet"):
        assert read_labelled(write_records([partial], tmp_path / f"partial{suffix}")) == [partial]


def test_a_row_without_a_triggers_label_teaches_nothing_about_it():
    from triage.io import to_frame
    from triage.model.training import label_columns

    rows = [
        LabelledTicket(id="A", body="x", triggers=["technical"]),
        LabelledTicket(id="B", body="y", triggers=["financial"], labelled_triggers=["financial", "legal"]),
    ]
    labels = label_columns(to_frame(rows))
    assert labels["technical"].tolist()[0] == 1.0 and labels["technical"].isna().tolist() == [False, True]
    assert labels["financial"].tolist() == [0.0, 1.0]
    assert labels["legal"].tolist() == [0.0, 0.0]
