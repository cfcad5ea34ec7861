"""An amount after a currency sign or code is one amount: the bare amount's pattern ("140k a year") no longer reads it
a second time after the sign's pattern ("£140k"), so the counts the model and the rules read are one per amount."""

import pytest

from triage.text.signals import find_signals


@pytest.mark.parametrize(
    ("text", "signal", "surfaces"),
    [
        ("We pay you £140k a year for this.", "contract_value", ["£140k"]),
        ("Our contract is worth USD 140k a year.", "contract_value", ["USD 140k"]),
        ("They invoiced us €250k a year for a plan we never used.", "money_amount", ["€250k"]),
        # Twins: a bare amount is still read, and two amounts are two.
        ("We pay you 140k a year.", "contract_value", ["140k a year"]),
        ("They charged 140k a year.", "money_amount", ["140k a year"]),
        ("You billed £140k in March and another 90k a year later.", "money_amount", ["£140k", "90k a year"]),
    ],
)
def test_each_amount_is_read_once(text: str, signal: str, surfaces: list[str]) -> None:
    assert find_signals([text])[0][signal] == surfaces
