"""The data contract: validation with exact error text, and lossless round-trips through every format."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from triage.errors import TicketFileError
from triage.io import describe_validation_error, read_labelled, read_tickets, to_frame, write_records
from triage.schema import (
    MAX_BODY,
    MAX_CONTRACT_VALUE,
    MAX_HISTORY_CHARS,
    MAX_NAME,
    MAX_SUBJECT,
    MAX_TAGS,
    MAX_TURN_BODY,
    MAX_TURNS,
    LabelledTicket,
    Prediction,
    Ticket,
    channel_group,
)

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


# --- Limits: an over-long or implausible ticket is a validation error before any analyser reads it ---------


def _ticket(**fields):
    return {"id": "T-1", "body": "hello", **fields}


def _turn(**fields):
    return {"author": "customer", "body": "earlier", **fields}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"subject": "s" * (MAX_SUBJECT + 1)}, "field 'subject': String should have at most 1000 characters"),
        ({"body": "b" * (MAX_BODY + 1)}, "field 'body': String should have at most 100000 characters"),
        (
            {"history": [_turn(body="h" * (MAX_TURN_BODY + 1))]},
            "field 'history.0.body': String should have at most 20000 characters",
        ),
        ({"history": [_turn()] * (MAX_TURNS + 1)}, "field 'history': List should have at most 500 items"),
        (
            {"history": [_turn(body="h" * MAX_TURN_BODY)] * (MAX_HISTORY_CHARS // MAX_TURN_BODY + 1)},
            "field 'history': Value error, the history holds 1020000 characters, more than 1000000",
        ),
        ({"tags": ["t"] * (MAX_TAGS + 1)}, "field 'tags': List should have at most 100 items"),
        ({"tags": ["t" * 257]}, "field 'tags.0': String should have at most 256 characters"),
        ({"id": "i" * 257}, "field 'id': String should have at most 256 characters"),
        ({"channel": "c" * 257}, "field 'channel': String should have at most 256 characters"),
        (
            {"customer": {"annual_contract_value": 1e308}},
            "field 'customer.annual_contract_value': Input should be less than or equal to 1000000000000",
        ),
        ({"customer": {"strategic": "yes"}}, "field 'customer.strategic': Input should be a valid boolean"),
        ({"customer": {"strategic": 1}}, "field 'customer.strategic': Input should be a valid boolean"),
        ({"created_at": "1900-01-01T00:00:00Z"}, "field 'created_at': Value error, year 1900 is outside 1970-2100"),
        ({"created_at": "2101-01-01T00:00:00"}, "field 'created_at': Value error, year 2101 is outside 1970-2100"),
        (
            {"history": [_turn(at="0001-01-01T00:00:00")]},
            "field 'history.0.at': Value error, year 1 is outside 1970-2100",
        ),
    ],
    ids=lambda value: str(value)[:40] if isinstance(value, str) else None,
)
def test_limits_reject_a_ticket_with_one_line_naming_the_field(tmp_path, fields, message):
    with pytest.raises(ValidationError) as error:
        Ticket.model_validate(_ticket(**fields))
    assert describe_validation_error(error.value).startswith(message)
    # Files say the same in one line, and so does the labelled type.
    path = tmp_path / "tickets.jsonl"
    path.write_text(json.dumps(_ticket(**fields)) + "\n")
    with pytest.raises(TicketFileError) as file_error:
        read_labelled(path)
    assert str(file_error.value).startswith(f"{path}: line 1: ") and message in str(file_error.value)
    assert "\n" not in str(file_error.value)


def test_limits_accept_a_ticket_at_every_maximum():
    ticket = Ticket.model_validate(
        _ticket(
            id="i" * MAX_NAME,
            subject="s" * MAX_SUBJECT,
            body="b" * MAX_BODY,
            history=[_turn(body="h" * MAX_TURN_BODY, at="1970-01-01T00:00:00Z")] * 49
            + [_turn(at="2100-12-31T23:59:59Z")] * (MAX_TURNS - 49),
            tags=["t" * MAX_NAME] * MAX_TAGS,
            customer={"annual_contract_value": MAX_CONTRACT_VALUE, "strategic": False},
        )
    )
    assert len(ticket.history) == MAX_TURNS
    assert LabelledTicket.model_validate({**ticket.model_dump(), "resolved_at": "2100-01-01T00:00:00"})
    with pytest.raises(ValidationError, match="year 2200 is outside"):
        LabelledTicket.model_validate({**ticket.model_dump(), "resolved_at": "2200-01-01T00:00:00"})


def test_limits_are_counted_after_stripping_whitespace():
    assert Ticket.model_validate(_ticket(subject=" " * 5000 + "Hi" + "\n" * 5000)).subject == "Hi"


def test_the_demo_generator_and_the_shipped_examples_are_within_the_limits():
    from triage.datasets.demo import generate

    for ticket in generate(2000, seed=0):
        LabelledTicket.model_validate(ticket.model_dump(mode="json"))
    root = Path(__file__).parents[1]
    for path in ("tests/fixtures/tickets.jsonl", "docs/examples/tickets.jsonl", "data/annotations/handwritten.jsonl"):
        assert read_labelled(root / path)


@pytest.mark.parametrize(
    ("text", "strategic"), [("true", True), ("True", True), ("FALSE", False), ("1", True), ("0", False)]
)
def test_csv_booleans_for_the_strategic_flag(tmp_path, text, strategic):
    path = tmp_path / "export.csv"
    path.write_text(f"id,body,customer_strategic\nA,hello,{text}\n")
    (ticket,) = read_tickets(path)
    assert ticket.customer.strategic is strategic


def test_csv_strategic_must_be_a_boolean_and_round_trips(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,body,customer_strategic\nA,hello,yes\n")
    with pytest.raises(TicketFileError, match="row 1: field 'customer.strategic': Input should be a valid boolean"):
        read_tickets(path)
    tickets = [Ticket.model_validate(_ticket(customer={"strategic": True}))]
    for suffix in (".csv", ".parquet", ".jsonl"):
        assert read_tickets(write_records(tickets, tmp_path / f"round{suffix}")) == tickets


# --- Hostile files: one line naming the file and the line, never a traceback -------------------------------


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "1", "body": "ok"}\n{"id": "2", "body": "caf\xe9"}\n')
    with pytest.raises(TicketFileError) as error:
        read_tickets(path)
    assert str(error.value) == f"{path}: line 2: not UTF-8 text (byte 0xe9 at column 25)"


@pytest.mark.parametrize(
    "line",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"id": "1", "body": "x", "tags": ' + "[" * 100_000,
    ],
    ids=["nested lists", "nested objects", "unterminated nesting"],
)
def test_deeply_nested_json_is_one_line(tmp_path, line):
    path = tmp_path / "deep.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(TicketFileError) as error:
        read_tickets(path)
    assert str(error.value).startswith(f"{path}: line 1: not valid JSON (")


def test_deeply_nested_csv_list_columns(tmp_path):
    path = tmp_path / "deep.csv"
    path.write_text("id,body,tags\nA,hello," + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(TicketFileError, match="row 1: field 'tags.0': String should have at most 256 characters"):
        read_tickets(path)
    path.write_text("id,body,history\nA,hello," + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(TicketFileError, match="row 1: field 'history': not a JSON list"):
        read_tickets(path)


def test_unwritable_outputs_are_one_line(tmp_path):
    tickets = [Ticket.model_validate(_ticket())]
    (tmp_path / "folder.jsonl").mkdir()
    with pytest.raises(TicketFileError, match=r"folder.jsonl: cannot write \(Is a directory\)"):
        write_records(tickets, tmp_path / "folder.jsonl")
    (tmp_path / "file").write_text("")
    with pytest.raises(TicketFileError, match=r"file/out.jsonl: cannot write \(.+\)"):
        write_records(tickets, tmp_path / "file" / "out.jsonl")


def test_a_history_turn_written_with_text_is_read_as_its_body(tmp_path):
    path = tmp_path / "thread.jsonl"
    turns = [
        {"author": "customer", "text": "The export has failed three times.", "at": "2026-11-02T09:00:00Z"},
        {"author": "agent", "body": "Could you try it in a private window?", "at": "2026-11-02T10:00:00Z"},
        {"author": "customer", "body": "Kept: body wins", "text": "ignored", "at": "2026-11-02T11:00:00Z"},
    ]
    path.write_text(json.dumps({"id": "T-1", "body": "Still failing.", "history": turns}) + "\n")

    (ticket,) = read_tickets(path)

    assert [turn.body for turn in ticket.history] == [
        "The export has failed three times.",
        "Could you try it in a private window?",
        "Kept: body wins",
    ]
    assert "text" not in ticket.history[0].model_dump()
