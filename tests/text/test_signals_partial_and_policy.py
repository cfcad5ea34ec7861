"""Five readings the ninth check found wrong, by their cause, each with twins as close as possible that keep the
old reading (docs/labelling.md):

- a gateway error on some of the calls is one endpoint's bug (tier 2), not the service down (an outage, tier 3);
- a party "in breach of" a clause broke an obligation, which is no security breach;
- what the customer pays us for a period ("we pay you 140k a year") is the contract value, not money at stake;
- a refund the customer says our own terms allow is a refund within policy: a routine request (tier 1), unless
  the text reports trouble;
- a legal route the customer rules out ("we are not looking at any legal route") is no legal matter
  (triage.policy.decision reads it against the legal head), unless the sentence keeps it open.
"""

import pytest

from triage.text.signals import disclaims_legal, find_signals

CASES = [
    # Some calls fail: no outage (the error code stays).
    ("About one in twenty calls to the orders endpoint comes back with 502 Bad Gateway.", "outage", False),
    ("Roughly 3% of requests to /v1/invoices fail with 504 Gateway Timeout; a retry works.", "outage", False),
    ("We intermittently get 503 Service Unavailable from the search API.", "outage", False),
    ("Now and then the upload call returns HTTP 502, the rest go through.", "outage", False),
    ("A few requests an hour end in 502 Bad Gateway since your deploy.", "outage", False),
    ("About one in twenty calls to the orders endpoint comes back with 502 Bad Gateway.", "error_code", True),
    # Every call, the whole service, or an outage told in another sentence: an outage.
    ("Every call to the orders endpoint comes back with 502 Bad Gateway.", "outage", True),
    ("The whole portal returns 503 Service Unavailable for all our staff.", "outage", True),
    ("Your API has been down since 9am. Sometimes the status page loads.", "outage", True),
    ("Your dashboard is completely down for our team.", "outage", True),
    # An obligation broken is no security breach.
    (
        "Our client's position is that you are in breach of clauses 4 and 7 of the order form.",
        "security_incident",
        False,
    ),
    ("Failing to restore the backup was a breach of your obligations under the agreement.", "security_incident", False),
    ("Deleting our records without notice is a breach of clause 11.", "security_incident", False),
    # A breach that happened to systems or accounts is one.
    ("Someone breached our admin account overnight and changed the owner.", "security_incident", True),
    ("Your support portal was breached and our customers' emails leaked.", "security_incident", True),
    ("We think there was a data breach in your export service.", "security_incident", True),
    # What the customer pays us for a period is the contract value (and large money from 100,000), no amount at
    # stake; an amount paid once or an incident's cost is one.
    ("We pay you 140k a year for exactly this not to happen.", "money_amount", False),
    ("We pay you 140k a year for exactly this not to happen.", "contract_value", True),
    ("We pay you 140k a year for exactly this not to happen.", "large_money", True),
    ("We're paying over £9,000 a month and the portal is down.", "money_amount", False),
    ("We're paying over £9,000 a month and the portal is down.", "large_money", False),
    ("We paid you $5,000 for the migration and nothing works.", "money_amount", True),
    ("Every hour of this outage costs us about $40,000 in orders.", "money_amount", True),
    ("We pay $49 for the plan and want to know what the next tier costs.", "money_amount", True),
    # A refund our terms allow, asked with no trouble: routine.
    (
        "I renewed by accident last week; your terms say it can be refunded within 30 days, so please cancel.",
        "how_to_question",
        True,
    ),
    ("We're still within your 14-day refund window, could you refund the annual charge?", "how_to_question", True),
    ("This is within the money-back guarantee period, so I'd like my money back.", "how_to_question", True),
    ("The annual plan is refundable within a month of purchase, so please refund it.", "how_to_question", True),
    # Beside trouble, or outside the window: not routine.
    (
        "You charged us twice for March; we're within the refund window, so refund the duplicate.",
        "how_to_question",
        False,
    ),
    (
        "The app has not worked since the renewal; it can be refunded within 14 days so refund it.",
        "how_to_question",
        False,
    ),
    ("I know I'm outside the 14-day refund window, but could you make an exception?", "how_to_question", False),
    ("I was told it would be refunded within 5 days and nothing has arrived.", "how_to_question", False),
    # A refund refused inside the window is a decision disputed.
    ("I'm within the 30-day return window but your agent refused the refund.", "how_to_question", False),
    ("We are still within your refund period and support declined to refund us.", "how_to_question", False),
    ("You won't refund me although I'm within the money-back guarantee.", "how_to_question", False),
]


@pytest.mark.parametrize(("text", "signal", "fires"), CASES, ids=[f"{s}:{t[:40]}" for t, s, _ in CASES])
def test_signal_reads_the_cause(text: str, signal: str, fires: bool) -> None:
    assert (signal in find_signals([text])[0]) is fires


DISCLAIMERS = [
    ("To be clear, we are not looking at any legal route here; this is a commercial decision.", True),
    ("No legal action is planned, we simply want the invoice corrected.", True),
    ("This isn't a legal matter, just a question about the renewal date.", True),
    ("We don't want legal proceedings, we want our data back.", True),
    # Kept open: a time, a condition, a double negation or no other way.
    ("We have not started legal proceedings yet.", False),
    ("No legal steps for now, but if this continues we will take them.", False),
    ("We will not hesitate to take legal action.", False),
    ("We are not ruling out legal action.", False),
    ("You leave us no option other than legal action.", False),
    ("We cannot resolve this without legal action.", False),
    ("Our legal team will be in touch about the breach.", False),
]


@pytest.mark.parametrize(("text", "ruled_out"), DISCLAIMERS, ids=[t[:40] for t, _ in DISCLAIMERS])
def test_a_legal_route_ruled_out_and_one_kept_open(text: str, ruled_out: bool) -> None:
    assert disclaims_legal(text) is ruled_out
