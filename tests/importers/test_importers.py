"""Export importers on hand-written fixtures of each export (tests/fixtures/exports/): the tickets the
adapters build, the labels the default mappings make, and every malformed row skipped with its number and
reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.importers import ExportFileError, MappingError, import_export, load_mapping
from triage.io import read_labelled, write_records

EXPORTS = Path(__file__).parents[1] / "fixtures" / "exports"
GENERIC_MAPPING = EXPORTS / "generic_mapping.yaml"

# format, file, mapping, imported ids in order, skipped rows with a fragment of their reason
CASES = [
    (
        "zendesk-json",
        "zendesk_incremental.json",
        None,
        ["48211", "48215", "48222", "48212"],
        {4: "expected a JSON object", 5: "neither a subject nor a body", 7: "deleted", 8: "year 1899"},
    ),
    (
        "zendesk-csv",
        "zendesk_view.csv",
        None,
        ["51002", "51003", "51004"],
        {4: "no ticket id", 5: "Created at: not a date", 6: "1 more cells than the header"},
    ),
    (
        "freshdesk-json",
        "freshdesk_tickets.json",
        None,
        ["7301", "7302", "7303", "7307"],
        {4: "has no id", 5: "spam", 6: "got int"},
    ),
    (
        "jira-json",
        "jira_issues.json",
        None,
        ["HELP-311", "HELP-315", "HELP-318"],
        {4: "ticket 20420 has neither a subject nor a body", 5: "HELP-321 has neither", 6: "got list"},
    ),
    (
        "csv",
        "generic_tickets.csv",
        GENERIC_MAPPING,
        ["HD-1001", "HD-1002", "HD-1003", "HD-1007"],
        {4: "neither a subject nor a body", 5: "Transfers: cannot read 'many'", 6: "Opened: not a date"},
    ),
]

each_export = pytest.mark.parametrize(
    ("export_format", "name", "mapping", "ids", "skipped"), CASES, ids=[case[0] for case in CASES]
)


@each_export
def test_each_export_imports_its_good_rows_and_skips_each_malformed_one_with_its_row_and_reason(
    export_format, name, mapping, ids, skipped
):
    result = import_export(EXPORTS / name, export_format, mapping)

    assert [t.id for t in result.tickets] == ids
    assert {s.number: s.reason for s in result.skipped}.keys() == skipped.keys()
    for skip in result.skipped:
        assert skipped[skip.number] in skip.reason
    assert result.rows == len(ids) + len(skipped) + result.replaced


@each_export
def test_imported_tickets_round_trip_through_the_training_reader(tmp_path, export_format, name, mapping, ids, skipped):
    tickets = import_export(EXPORTS / name, export_format, mapping).tickets

    write_records(tickets, tmp_path / "history.jsonl")

    assert read_labelled(tmp_path / "history.jsonl") == tickets


def _by_id(export_format, name, mapping=None):
    return {t.id: t for t in import_export(EXPORTS / name, export_format, mapping).tickets}


def test_zendesk_json_labels_from_tags_group_moves_reopens_and_satisfaction():
    tickets = _by_id("zendesk-json", "zendesk_incremental.json")

    billing, export, privacy, login = tickets["48211"], tickets["48215"], tickets["48222"], tickets["48212"]
    assert billing.escalated is True and billing.team == "Billing" and billing.csat == 5  # tag + group moved
    assert export.escalated is True and export.reopen_count == 2 and export.csat == 1  # reopened twice, "bad"
    assert privacy.escalated is None  # still open: not labelled either way
    assert privacy.channel == "chat" and privacy.first_contact_resolution is None
    # The later row of a repeated ticket wins: moved to another group, "offered" is no rating.
    assert login.team == "Identity Engineering" and login.escalated is True and login.csat is None
    assert billing.body.startswith("Hello,\n\nour card was charged twice")
    assert billing.customer is not None and billing.customer.id == "3901882"


def test_zendesk_csv_reads_display_headers_multiline_cells_and_spaced_offsets():
    tickets = _by_id("zendesk-csv", "zendesk_view.csv")

    eta, refund, api = tickets["51002"], tickets["51003"], tickets["51004"]
    assert "\nCustomers are calling us about it." in eta.body and eta.channel == "web_form"
    assert eta.escalated is False and eta.first_contact_resolution is True and eta.csat == 5
    assert refund.escalated is True and refund.team == "Tier 2" and refund.channel == "email"
    assert refund.created_at is not None and refund.created_at.isoformat() == "2025-03-11T09:15:00+00:00"
    assert api.subject == "API keys page blank" and api.body == "" and api.escalated is None


def test_freshdesk_reads_html_numeric_codes_ratings_and_reopens():
    tickets = _by_id("freshdesk-json", "freshdesk_tickets.json")

    payroll, admin, refund, legal = tickets["7301"], tickets["7302"], tickets["7303"], tickets["7307"]
    assert "error PR-112" in payroll.body and "<b>" not in payroll.body and "Friday & we" in payroll.body
    assert payroll.escalated is True and payroll.team == "Payroll Engineering" and payroll.csat == 4
    assert admin.escalated is False and admin.channel == "web_form"
    assert refund.escalated is True and refund.reopen_count == 1 and refund.csat == 1 and refund.channel == "phone"
    assert legal.escalated is None and legal.team == "Legal & Compliance"


def test_freshdesk_thread_mapping_reads_the_last_public_message(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("vendor: freshdesk\ntext: thread\n")

    payroll = _by_id("freshdesk-json", "freshdesk_tickets.json", mapping)["7301"]

    assert payroll.body == "Any update? The deadline is tomorrow morning."
    assert [turn.author for turn in payroll.history] == ["customer"]  # the private note is not in the thread


def test_jira_reads_adf_and_wiki_and_labels_from_the_changelog():
    tickets = _by_id("jira-json", "jira_issues.json")

    sso, invoice, webhook = tickets["HELP-311"], tickets["HELP-315"], tickets["HELP-318"]
    assert sso.body.startswith("Since the certificate rotation") and "300 staff" in sso.body
    assert sso.history == []  # text: opening leaves the comments out
    assert sso.escalated is True and sso.team == "Identity" and sso.csat == 4  # priority raised, Team moved
    assert invoice.escalated is False and invoice.csat == 5  # a first assignment is not a reassignment
    assert "annual invoice" in invoice.body and "*" not in invoice.body
    assert webhook.escalated is True and webhook.reopen_count == 1  # Done → Reopened
    assert webhook.body.startswith("What happens") and "- worked on 4.1" in webhook.body


def test_jira_thread_mapping_keeps_the_comments_with_their_authors(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("vendor: jira\ntext: thread\ncsat: {from: 'field:customfield_10031'}\n")

    sso = _by_id("jira-json", "jira_issues.json", mapping)["HELP-311"]

    assert sso.body == "Still looping for everyone here."
    assert [turn.author for turn in sso.history] == ["customer", "agent"]
    assert sso.csat == 4  # the same field by its id


def test_generic_csv_maps_columns_and_renames_queues_to_teams():
    tickets = _by_id("csv", "generic_tickets.csv", GENERIC_MAPPING)

    assert {t.id: t.team for t in tickets.values()} == {
        "HD-1001": "technical",
        "HD-1002": "financial",
        "HD-1003": "legal",
        "HD-1007": "financial",
    }
    assert tickets["HD-1002"].escalated is True and tickets["HD-1001"].escalated is False
    assert tickets["HD-1007"].escalated is None  # still open
    assert tickets["HD-1003"].channel == "web_form" and tickets["HD-1003"].reopen_count == 1


def test_trigger_labels_come_only_from_configured_tags_and_say_which_triggers_they_cover(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("vendor: zendesk\ntriggers: {financial: [billing, refund]}\n")

    tickets = _by_id("zendesk-json", "zendesk_incremental.json", mapping)

    assert tickets["48211"].triggers == ["financial"] and tickets["48211"].labelled_triggers == ["financial"]
    assert tickets["48215"].triggers == [] and tickets["48215"].has_trigger_label("financial")
    assert not tickets["48215"].has_trigger_label("technical")


def test_the_report_counts_labels_rules_and_what_the_export_cannot_tell(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    # A mapping file stands alone: what it leaves out takes the schema's defaults, not the vendor's.
    mapping.write_text(
        "vendor: zendesk\nescalated: {priority_raised: true, tags: [escalated], settled_statuses: [solved]}\n"
    )

    summary = import_export(EXPORTS / "zendesk_incremental.json", "zendesk-json", mapping).summary()

    assert summary["labels"]["escalated"] == {"yes": 1, "no": 2}
    assert summary["escalated_by_rule"] == {"tags": 1}
    # Zendesk exports never record a priority change: the rule is reported as unreadable, not silently "no".
    assert summary["escalation_rules_the_export_cannot_tell"] == {"priority_raised": 3}
    assert summary["unsettled_left_unlabelled"] == 1
    assert summary["replaced_by_a_later_row"] == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("vendor: zendesk\nescalated: {tagz: [x]}\n", "Extra inputs are not permitted"),
        ("vendor: jira\n", "written for jira exports, but the export is zendesk-json"),
        ("vendor: zendesk\nteam: {from: queue}\n", "from must be one of"),
        ("vendor: zendesk\ncolumns: {id: Id}\n", "only the generic csv format"),
        ("vendor: zendesk\nescalation_level: {values: {tier 2: 7}}\n", "levels must be 1-4"),
        ("- just\n- a list\n", "expected a mapping"),
        ("vendor: [zendesk\n", "not valid YAML"),
    ],
)
def test_a_bad_mapping_is_one_line_naming_the_file(tmp_path, text, message):
    path = tmp_path / "mapping.yaml"
    path.write_text(text)

    with pytest.raises(MappingError, match=message) as raised:
        load_mapping(path, "zendesk-json")

    assert str(raised.value).startswith(str(path)) and "\n" not in str(raised.value)


def test_the_default_csv_mapping_asks_for_the_columns():
    with pytest.raises(MappingError, match="must name the id column"):
        load_mapping(None, "csv")


@pytest.mark.parametrize(
    ("export_format", "content", "message"),
    [
        ("zendesk-json", "", "the file is empty"),
        ("zendesk-json", '{"tickets": ', "not valid JSON"),
        ("jira-json", '{"total": 0}', "an object with a 'issues' list"),
        ("zendesk-csv", "Name,Email\nA,a@example.com\n", "not a Zendesk CSV export"),
        ("freshdesk-json", b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_an_export_is_one_error(tmp_path, export_format, content, message):
    path = tmp_path / ("export.csv" if export_format.endswith("csv") else "export.json")
    path.write_bytes(content if isinstance(content, bytes) else content.encode())

    with pytest.raises(ExportFileError, match=message):
        import_export(path, export_format)


def test_generic_csv_refuses_a_mapping_naming_columns_the_file_lacks(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("vendor: csv\ncolumns: {id: Ticket ID, body: Text}\n")

    with pytest.raises(ExportFileError, match="does not have: Text"):
        import_export(EXPORTS / "generic_tickets.csv", "csv", mapping)


def test_json_lines_pages_number_rows_across_pages(tmp_path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text(
        '{"tickets": [{"id": 1, "subject": "First page", "status": "solved"}]}\n'
        '{"tickets": [{"id": 2, "status": "solved"}, {"id": 3, "subject": "Second page", "status": "solved"}]}\n'
    )

    result = import_export(pages, "zendesk-json")

    assert [t.id for t in result.tickets] == ["1", "3"]
    assert [(s.number, "neither a subject nor a body" in s.reason) for s in result.skipped] == [(2, True)]


def test_split_recent_holds_out_the_newest_and_counts_undated_tickets_as_oldest():
    from triage.importers import split_recent

    tickets = import_export(EXPORTS / "jira_issues.json", "jira-json").tickets
    undated = tickets[0].model_copy(update={"id": "HELP-1", "created_at": None})

    train, held_out = split_recent([*tickets, undated], 0.25)

    assert [t.id for t in held_out] == ["HELP-318"]  # created last
    assert [t.id for t in train] == ["HELP-1", "HELP-311", "HELP-315"]
    with pytest.raises(ValueError, match="between 0 and 1"):
        split_recent(tickets, 1.0)
