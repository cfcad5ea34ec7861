"""A sync, import, integration or connector overwriting the customer's records is data loss, told as done or going on;
not a question whether it would, the customer's own overwrite, a denial, or a supposition."""

import pytest

from triage.text.signals import find_signals


def _fires(text: str) -> bool:
    return "data_loss" in find_signals([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Your HubSpot sync overwrote 400 phone numbers last night.",
        "The import has been overwriting our contacts since Tuesday.",
        "All our contacts were overwritten by the Salesforce connector.",
        "The Xero integration overwrites our invoice dates every night.",
        "Since the update your calendar plugin keeps overwriting the notes our agents type.",
    ],
)
def test_an_integration_overwriting_records_is_data_loss(text: str) -> None:
    assert _fires(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will the import overwrite existing contacts?",
        "I overwrote the file by mistake, how do I undo it?",
        "If the sync overwrites our edits, can we roll back?",
        "The sync did not overwrite anything, all good.",
        "Can I import contacts without overwriting existing ones?",
        "We uploaded the same CSV twice, so how do we remove the duplicates?",
    ],
)
def test_a_question_a_supposition_or_the_customers_own_overwrite_is_not(text: str) -> None:
    assert not _fires(text)
