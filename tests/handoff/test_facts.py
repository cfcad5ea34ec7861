"""What the hand-off reads from the whole ticket: steps, deadlines, amounts, identifiers, contacts, cases."""

from __future__ import annotations

import re
import time

import pytest

from triage.handoff import facts as facts_module
from triage.handoff.facts import case_types, ticket_facts
from triage.schema import Ticket


def facts_of(body: str, labels: tuple[str, ...] = (), **fields):
    ticket = Ticket.model_validate({"id": "F-1", "body": body, **fields})
    return ticket_facts(ticket, list(labels), set())


def test_steps_the_customer_reports_in_their_own_words():
    facts = facts_of(
        "Already rolled back the deploy at 09:40, no change. We also diffed the security groups. "
        "tried chrome and firefox, cleared cache. Have you tried restarting it? If we reset the key, will it help? "
        "I forgot my password and the reset email never came. "
        "We have already asked the other clinic to delete the file.\n\nSent from my iPhone"
    )

    assert facts.customer_steps == [
        "Already rolled back the deploy at 09:40, no change.",
        "We also diffed the security groups.",
        "tried chrome and firefox, cleared cache.",
        "We have already asked the other clinic to delete the file.",
    ]


def test_steps_include_earlier_customer_turns_but_not_agent_turns():
    facts = facts_of(
        "Any news?",
        history=[
            {"author": "customer", "body": "We restarted the sync service twice."},
            {"author": "agent", "body": "We restarted our side too."},
        ],
    )

    assert facts.customer_steps == ["We restarted the sync service twice."]
    assert facts.earlier_customer_contact


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("We need this working by 3 pm, the sale starts then.", "by 3 pm"),
        ("Please fix it before Friday.", "before Friday"),
        ("I need an answer within 24 hours.", "within 24 hours"),
        ("can you lock it today", "can you lock it today"),
        ("the board meeting at 3pm depends on it", "meeting at 3pm"),
        ("we have a court filing due at 5 pm today", "filing due at 5 pm today"),
        ("we need it by end of day Wednesday", "by end of day Wednesday"),
        ("Our deadline is 15 June.", "15 June"),
    ],
)
def test_the_customers_deadline(text, deadline):
    assert facts_of(text).deadlines == [deadline]


@pytest.mark.parametrize(
    "text",
    ["I called you today about my invoice.", "We were billed on Friday.", "It has been broken since 3 pm."],
)
def test_a_date_is_not_a_deadline(text):
    assert facts_of(text).deadlines == []


def test_amounts_identifiers_and_log_lines():
    facts = facts_of(
        "Invoice INV-20931 bills us $18,400 (about 17,000 EUR); order #55123 too. Request IDs: 7d1e-4420, 7d1e-4421.\n"
        "2026-05-12T13:21:07Z ERROR upstream timeout\n"
        "ORA-12541: TNS:no listener and AADSTS50011, txn_5Kq81 from 185.220.101.7 on /v3/charges; a follow-up e-mail."
    )

    assert facts.amounts == ["$18,400", "17,000 EUR"]
    assert set(facts.identifiers) >= {"INV-20931", "55123", "7d1e-4420", "7d1e-4421", "ORA-12541", "AADSTS50011"}
    assert {"txn_5Kq81", "185.220.101.7", "/v3/charges"} <= set(facts.identifiers)
    assert "follow-up" not in facts.identifiers and "e-mail" not in facts.identifiers
    assert facts.log_lines == ["2026-05-12T13:21:07Z ERROR upstream timeout"]


@pytest.mark.parametrize(
    ("text", "contact", "manager"),
    [
        ("My account manager, Priya Natarajan, said so.", "account manager: Priya Natarajan", "Priya Natarajan"),
        ("As agreed with Elena Rossi, our account manager, we stop.", "account manager: Elena Rossi", "Elena Rossi"),
        ("Our CISO, Anja Krüger, coordinates.", "ciso: Anja Krüger", None),
    ],
)
def test_named_contacts(text, contact, manager):
    facts = facts_of(text)

    assert facts.contacts == [contact]
    assert facts.account_manager == manager


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("Our API is down for all merchants, every call returns 503.", ("technical",), ["outage"]),
        ("Someone changed the email on my account and turned off 2FA.", (), ["account_takeover"]),
        ("I can see other customers' invoices in your portal.", (), ["data_exposure"]),
        ("Under GDPR I ask you to delete my personal data.", ("legal",), ["privacy_request"]),
        # a law firm's own litigation team is no legal threat without the legal trigger
        ("Our litigation team cannot open the court bundle viewer, it shows an error.", ("technical",), ["bug"]),
        ("We have decided not to renew when the contract ends.", (), ["cancellation"]),
        ("The concert was cancelled by the venue; refund my $84.", ("financial",), ["billing_dispute"]),
        # a technical label on a text where nothing fails is no defect
        ("Could you send me last year's invoices?", ("technical",), []),
    ],
)
def test_case_types(text, labels, expected):
    assert case_types(text, set(labels)) == expected


def test_time_open_spans_every_known_time():
    facts = facts_of(
        "Still broken.",
        created_at="2026-03-01T08:00:00Z",
        history=[{"at": "2026-03-04T08:00:00Z", "author": "customer", "body": "Any news?"}],
    )

    assert facts.hours_open == 72
    assert facts_of("Hello").hours_open is None


PATTERNS = {name: value for name, value in vars(facts_module).items() if isinstance(value, re.Pattern)}
ADVERSARIAL = [
    "1," * 40_000,
    "A-" * 40_000,
    "a_" * 40_000,
    "/a" * 40_000,
    "we " * 30_000,
    "by " * 30_000,
    "Aa " * 30_000,
    "$1" * 40_000,
    "1." * 40_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[text[:4] for text in ADVERSARIAL])
def test_every_pattern_is_linear_on_adversarial_input(text):
    # CPU time, not the wall clock: on a shared machine the wall clock failed linear patterns (2.1 s at a load of 8).
    # Each pattern on its own: a budget for all of them together failed as patterns were added, not as one turned
    # quadratic (70 linear patterns take about 2 s on these 80,000 characters; a quadratic one takes minutes).
    # The best of up to three tries per pattern: under a load of 4.5 one try of _DEADLINE took 0.76 s (0.55 s
    # quiet), a pause of the process, not a slower pattern; a quadratic pattern is slow on every try.
    slow = {}
    for name, pattern in PATTERNS.items():
        if (spent := _best_cpu_seconds(pattern, text)) > ADVERSARIAL_BOUND_S:
            slow[name] = round(spent, 2)
    assert slow == {}


ADVERSARIAL_BOUND_S = 0.75


def _best_cpu_seconds(pattern: re.Pattern, text: str, tries: int = 3) -> float:
    """The fewest CPU seconds of up to `tries` runs of the pattern over the text and its lower case, stopping at
    the first run within the bound."""
    best = float("inf")
    for _ in range(tries):
        start = time.process_time()
        for line in (text, text.lower()):
            list(pattern.finditer(line))
        best = min(best, time.process_time() - start)
        if best <= ADVERSARIAL_BOUND_S:
            break
    return best


# --- Patterns from grading the second hand-written dev set (dev2) by hand, written for customers' writing at
# large: each with forms that must not match (negated, told of as past, a topic rather than a request).


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Can you correct the invoice before the payment date on the 15th?", "before the payment date on the 15th"),
        ("we'd like this resolved before our year end on the 31st", "before our year end on the 31st"),
        ("Wir fordern Sie auf, diesen Betrag bis zum 20.12.2026 zu zahlen.", "bis zum 20.12.2026"),
        ("I want someone who understands your connector to look at it TODAY, please.", "today"),
        ("Get someone who can actually push the button on this refund, today.", "today"),
        # a long request is echoed by its time, not as a whole clause
        ("Can you set up a call with whoever calculated it this week?", "this week"),
        ("Our renewal is in eight weeks.", "renewal is in eight weeks"),
    ],
)
def test_deadlines_in_more_forms(text, deadline):
    assert facts_of(text).deadlines == [deadline]


@pytest.mark.parametrize(
    "text",
    ["The renewal went through last week.", "We paid before the due date.", "I looked at it today, no change."],
)
def test_past_or_met_dates_are_no_deadline(text):
    assert facts_of(text).deadlines == []


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("around EUR 9,400 in total", ["EUR 9,400"]),
        ("nos han vuelto a cobrar 129 € cada mes", ["129 €"]),
        ("ein Schaden in Höhe von 18.400,00 EUR", ["18.400,00 EUR"]),
        ("app charged me twice for the same order 41.90 x2", ["41.90"]),
        # a rate is no amount (the drafts do not ask for one beside it)
        ("a currency conversion fee of around 2.9% is taken off every payout", []),
        # a figure with no money around it is no amount
        ("upgrade to version 8.3 and wait 10.30 minutes", []),
        ("about 12% lower than the report", []),
    ],
)
def test_amounts_in_more_forms(text, amounts):
    assert facts_of(text).amounts == amounts


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # a refund asked for is a dispute; the word in a webhook's name is not
        ("Every order.refunded webhook fails with an encoding error.", ("technical", "financial"), ["bug"]),
        ("Your agent promised me a refund of $260. It never came.", ("financial",), ["billing_dispute"]),
        (
            "We've been billed twice for November, please reverse the second charge.",
            ("financial",),
            ["billing_dispute"],
        ),
        (
            "The invoice has 23% VAT instead of the reverse charge. Please correct the November invoice.",
            ("financial",),
            ["billing_dispute"],
        ),
        ("No reconocemos estos cargos y pedimos la devolución.", ("financial",), ["billing_dispute"]),
        # a bug that double-charges shoppers is both; "we won't be paying" is no defect
        ("Your update has a bug: shoppers are charged twice.", ("technical", "financial"), ["billing_dispute", "bug"]),
        ("We won't be paying this overage invoice.", ("technical", "financial"), ["billing_dispute"]),
        # outages counted among past ones are a reliability complaint, not a live outage
        (
            "After the third platform outage this quarter our board will evaluate alternative providers.",
            ("technical",),
            ["cancellation"],
        ),
        ("Since 8am none of our staff can log in, the app is down.", ("technical",), ["outage"]),
        ("We are waiting for the credit for the outage month.", ("technical",), []),
        # a contract's material breach is no data breach; termination is a cancellation
        ("We terminate the Master Services Agreement for material breach.", ("legal",), ["cancellation"]),
        ("Our customers' data was breached.", (), ["data_exposure"]),
        # "do not sell or share my information" is a request, not an exposure
        ("Please do not sell or share my personal information.", ("legal",), ["privacy_request"]),
        ("You shared my personal data with a marketing firm.", ("legal",), ["data_exposure"]),
        ("Please delete my account and ALL my data.", ("legal",), ["privacy_request"]),
        # legal threats in other words and languages; "no legal action is planned" is none
        ("Andernfalls werden wir gerichtliche Schritte einleiten.", ("legal",), ["legal_threat"]),
        ("A putative class action has been filed.", ("legal",), ["legal_threat"]),
        ("No legal action is planned, we like the product.", ("legal",), []),
        # defects as customers tell them, without the word "error"
        ("None of our scheduled emails have gone out, nothing arrives.", ("technical",), ["bug"]),
        ("The sync is still not picking up events created on mobile.", ("technical",), ["bug"]),
        ("The sync is picking up events again, thanks!", ("technical",), []),
    ],
)
def test_case_types_in_more_forms(text, labels, expected):
    assert case_types(text, set(labels)) == expected


def test_outage_told_in_an_old_turn_is_not_the_current_case():
    facts = facts_of(
        "I'm following up once more on the credit note for September.",
        ("technical", "financial"),
        history=[{"author": "customer", "body": "September was a disaster, the platform was down for all users."}],
    )

    assert "outage" not in facts.case_types


@pytest.mark.parametrize(
    ("body", "name", "role", "company"),
    [
        (
            "Please help.\n\nRegards,\nOwen Pryce\nData Protection Officer, Brightwater Travel",
            "Owen Pryce",
            "Data Protection Officer",
            "Brightwater Travel",
        ),
        (
            "Please help.\n\nSincerely,\nMichael Osei, Esq.\nOsei & Brandt LLP",
            "Michael Osei",
            None,
            "Osei & Brandt LLP",
        ),
        (
            "Bitte.\n\nMit freundlichen Grüßen\nDr. Lena Hartmann\nRechtsanwältin",
            "Dr. Lena Hartmann",
            "Rechtsanwältin",
            None,
        ),
        ("Can you correct it?\n\nThanks, Anna Lindqvist, Finance", "Anna Lindqvist", "Finance", None),
        ("Please preserve all records.\n\nReyes & Whitcombe LLP", None, None, "Reyes & Whitcombe LLP"),
        # "Thanks for the steps" opening a message is no sign-off, and a sentence after "thanks" is no name
        ("Thanks for the steps. It still crashes.", None, None, None),
        ("It still crashes.\n\nThanks, it is urgent for us", None, None, None),
    ],
)
def test_the_sender_from_the_sign_off(body, name, role, company):
    sender = facts_of(body).sender

    assert (sender.name, sender.role, sender.company) == (name, role, company)


@pytest.mark.parametrize(
    ("body", "addressee"),
    [
        ("Hi Jonas,\n\nWe got invoice 1187.", "Jonas"),
        ("Dear Mr. Adebayo,\n\nAfter", "Mr. Adebayo"),
        ("Dear Account Team,\n\nPlease", None),
        ("Hi support, see below", None),
        ("Hello,\n\nPlease", None),
    ],
)
def test_the_person_the_customer_writes_to(body, addressee):
    assert facts_of(body).addressee == addressee


@pytest.mark.parametrize(
    ("body", "told"),
    [
        ("This is the second time I'm asking this.", True),
        ("I called twice, first time I was on hold for 40 minutes.", True),
        ("I'm following up once more on the credit note.", True),
        ("Ya he escrito por el chat y nadie me ha dado una respuesta clara.", True),
        ("This is the second time the app crashed today.", False),
        ("I will call you twice a week if needed.", False),
    ],
)
def test_an_earlier_contact_the_customer_tells_of(body, told):
    assert facts_of(body).told_earlier_contact is told


@pytest.mark.parametrize(
    ("body", "broken"),
    [
        ("Your agent promised me a refund of $260 on the 4th of November. It never came.", True),
        ("Your colleague said 5 to 7 working days and the $1,440 is still not back on our card.", True),
        ("Your agent promised me a refund and it arrived today, thanks.", False),
    ],
)
def test_a_promise_the_customer_says_we_broke(body, broken):
    assert (facts_of(body).broken_promise is not None) is broken


def test_steps_in_other_words_and_languages_and_pasted_failures():
    facts = facts_of(
        "I looked under Billing and Company profile and can't see it. We have re-uploaded your new metadata XML "
        "twice. Nous avons essayé depuis plusieurs sites et réseaux, même résultat. Have you looked at it?\n"
        "SAML response rejected: signature validation failed (cert thumbprint 4F:1A not trusted)\n"
        "Our login failed again and we are stuck."
    )

    assert facts.customer_steps == [
        "I looked under Billing and Company profile and can't see it.",
        "We have re-uploaded your new metadata XML twice.",
        "Nous avons essayé depuis plusieurs sites et réseaux, même résultat.",
    ]
    assert facts.log_lines == [
        "SAML response rejected: signature validation failed (cert thumbprint 4F:1A not trusted)"
    ]


def test_forwarded_headers_and_footers_are_not_the_customers_words():
    facts = facts_of(
        "see below.\n-----Original Message-----\nFrom: Identity Services\nSubject: we were hacked\n"
        "Logins fail since the rollover.\nCONFIDENTIALITY NOTICE: this may contain a data breach notice.",
        ("technical",),
    )

    assert facts.case_types == ["bug"]


def test_a_long_sentence_keeps_the_clause_with_the_step():
    sentence = (
        "we invoice our customers in USD and since the beginning of October every payout has a currency conversion "
        "fee of around 2.9% taken off that was never there before, I've gone through every email from you and "
        "nothing says this was changing, and it costs us a lot."
    )

    assert facts_of(sentence).customer_steps == [
        "I've gone through every email from you and nothing says this was changing"
    ]


def test_a_termination_date_told_as_a_span_is_a_deadline():
    facts = facts_of("We terminate the agreement, with effect thirty days from the date of this letter.")

    assert facts.deadlines == ["with effect thirty days from the date of this letter"]


@pytest.mark.parametrize(
    ("body", "name", "company"),
    [
        ("Can an engineer look at it?\n\nMarta\nBackend, Acme Shop", "Marta", "Acme Shop"),
        (
            "We need it by 18 December.\n\nDr. Amara Nwosu\nChief Compliance Officer, St. Columba Health Network",
            "Dr. Amara Nwosu",
            "St. Columba Health Network",
        ),
        # the last sentence of a message without a sign-off is no signature
        ("It still fails.\nPlease help", None, None),
    ],
)
def test_a_signature_without_a_closing_word(body, name, company):
    sender = facts_of(body).sender

    assert (sender.name, sender.company) == (name, company)


def test_a_failure_told_in_words_is_no_pasted_line_and_stop_charging_is_a_dispute():
    facts = facts_of("Account locked after payment failed\nOur card expired and the payment failed.", ("financial",))
    assert facts.log_lines == []

    assert case_types("I HAVE ASKED YOU THREE TIMES TO STOP CHARGING MY CARD.", {"financial"}) == ["billing_dispute"]
    assert case_types("You have been charging my card fine for years, thanks.", {"financial"}) == []


@pytest.mark.parametrize(
    ("body", "steps"),
    [
        ("We rotated nothing.", []),
        ("Nobody here deleted anything.", []),
        ("We haven't changed anything on our side.", []),
        (
            "I've done everything you asked (reconnect, reauthorize, wait 24h).",
            ["I've done everything you asked (reconnect, reauthorize, wait 24h)."],
        ),
        (
            "We didn't change anything, but we restarted the agent twice.",
            ["We didn't change anything, but we restarted the agent twice."],
        ),
    ],
)
def test_a_step_told_as_not_taken_is_no_step(body, steps):
    assert facts_of(body).customer_steps == steps


def test_an_agent_said_fixed_and_it_is_not_is_a_broken_promise():
    assert facts_of("Your agent told me last week the sync was fixed. It is NOT fixed.").broken_promise is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will close the account at the end of this month. Are we entitled to a prorated refund?",
            ["billing_dispute", "cancellation"],
        ),
        # closing a user's account is an admin question, not the customer leaving
        ("How do I close the account of a former employee?", []),
        ("The refund policy page is unclear.", []),
    ],
)
def test_refund_questions_and_closing_the_account(text, expected):
    assert case_types(text, {"financial"}) == expected


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # a breach of service levels is a contract matter, a breach of data an exposure
        ("Unless this breach is remedied within 14 days we will commence proceedings.", ("legal",), ["legal_threat"]),
        ("Your database was breached last night.", (), ["data_exposure"]),
        (
            "I was promised migration would be included for free. That's not what we agreed.",
            ("financial",),
            ["billing_dispute"],
        ),
        ("The monthly report doesn't match the transactions, off by $12,000.", ("technical",), ["bug"]),
        ("The android app logs me out every few minutes.", ("technical",), ["bug"]),
        ("The totals match now, thanks.", ("technical",), []),
    ],
)
def test_case_types_read_on_hw40(text, labels, expected):
    assert case_types(text, set(labels)) == expected


def test_a_bare_figure_on_a_statement_line_is_an_amount_and_an_attachment_is_no_step():
    facts = facts_of("u charged me twice this month!!! 2 x 19.99 on my statement. Attached is the subpoena.")

    assert facts.amounts == ["19.99"]
    assert facts.customer_steps == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unless someone walks us through this we will be moving to a different vendor.", ["cancellation"]),
        ("I am done with your company.", ["cancellation"]),
        # a cancellation already done is the ground of a dispute, not a customer about to leave
        (
            "I cancelled my subscription on the 3rd and you still took $49.99. I want that money back.",
            ["billing_dispute"],
        ),
        ("We moved to a different office last month.", []),
    ],
)
def test_leaving_told_in_more_ways(text, expected):
    assert case_types(text, {"financial"}) == expected


def test_a_go_live_is_a_deadline_and_an_inline_sign_off_names_the_sender():
    assert facts_of("Our compliance officer needs it before we go live next week.").deadlines == [
        "before we go live next week"
    ]
    sender = facts_of("Unless this is remedied we will act. Yours faithfully, J. Patel, Solicitor").sender
    assert (sender.name, sender.role) == ("J. Patel", "Solicitor")


def test_a_forwarded_mail_header_is_found_in_linear_time_on_a_run_of_dashes() -> None:
    # "-{3,}[^\n]{0,40}-{3,}" took 61 s on 20,000 dashes; the separators it finds still read as headers.
    from time import perf_counter

    from triage.handoff.facts import _MAIL_HEADER

    started = perf_counter()
    assert not _MAIL_HEADER.match("-" * 20_000 + " Error")
    assert perf_counter() - started < 0.5
    for line in ("-----Original Message-----", "---------- Forwarded message ---------", "------", "From: a@b.c"):
        assert _MAIL_HEADER.match(line), line


# --- Patterns from grading the third hand-written check (check3) by hand, written for customers' writing at
# large: each with a negated or harmless form that must not match.


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("It's a mess, we have VAT due next week.", "VAT due next week"),
        ("Could we get a call this week with someone who can decide?", "call this week"),
        ("If the money is not back on my card in 14 days I'm filing a claim.", "in 14 days"),
        ("If I don't hear from someone senior in the next two hours I escalate.", "in the next two hours"),
        ("Je demande le remboursement sous 48 heures.", "sous 48 heures"),
        ("If there is a credible plan, I need to see it before Christmas.", "before Christmas"),
        ("Get me someone senior on the phone today.", "Get me someone senior on the phone today"),
    ],
)
def test_deadlines_read_on_the_third_check(text, deadline):
    assert facts_of(text).deadlines == [deadline]


@pytest.mark.parametrize(
    "text",
    [
        # a date that has passed is no deadline to meet
        "I have had no response to my request of 30 September, which was due by 30 October.",
        "The call was due at 3 pm yesterday.",
        # a span told of, not asked for
        "We were charged twice in 14 days.",
        "It broke three times in the last two days.",
    ],
)
def test_past_dates_and_spans_told_of_are_no_deadline(text):
    assert facts_of(text).deadlines == []


def test_a_french_amount_with_a_space_between_thousands():
    assert facts_of("un prélèvement de 1 188 € au lieu de 99 €").amounts == ["1 188 €", "99 €"]
    # a count is no amount; the period stays with the price
    assert facts_of("nous sommes 40 personnes, 12 € par mois").amounts == ["12 € par mois"]


def test_a_court_case_number_is_an_identifier():
    assert facts_of("filed in the District Court, Case No. 4:26-cv-08815.").identifiers == ["4:26-cv-08815"]
    assert facts_of("My case: it broke again at 10:40.").identifiers == []


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # a page down for hours is an outage; a page that went down once and is back is told as past
        ("your booking page has been down for TWO HOURS on a friday night", ("technical",), ["outage"]),
        ("the page was slow for two hours yesterday, fine now", ("technical",), ["bug"]),
        # notes gone are lost data; notes moved are no loss
        ("all notes created since early September are missing from every workspace", ("technical",), ["data_loss"]),
        ("we moved the notes to another workspace, can you help us tidy them?", ("technical",), []),
        # a deletion asked for is a data-protection request, not lost data, with or without the legal trigger
        (
            "I want all my data gone. Not deactivated, deleted. I don't want you selling my details.",
            (),
            ["privacy_request"],
        ),
        ("All our data is gone after the import.", ("technical",), ["data_loss"]),
        # a breach asked about is no breach
        ("4. Your notification period following discovery of a personal data breach.", ("legal",), []),
        ("We have had a data breach: our customer list is on a forum.", ("legal",), ["data_exposure"]),
        # someone else's records shown to the customer
        ("I can see someone else's invoice in my account", ("technical",), ["data_exposure"]),
        ("The API returns projects for ids that don't belong to our workspace.", ("technical",), ["data_exposure"]),
        ("I can see my own invoice but not the PDF.", (), []),
        # a solicitors' firm signing is no legal threat; a solicitor instructed is
        ("Yours faithfully,\nCarrow Lane Solicitors LLP", ("legal",), []),
        ("We have instructed our solicitors to recover the sum.", ("legal",), ["legal_threat"]),
        # fraud reported, with the legal trigger too; an insult is no fraud report
        # (an account opened in their name is fraud; the posing is impersonation too)
        (
            "Someone is pretending to be my business. I did not create this account.",
            ("legal",),
            ["fraud", "impersonation"],
        ),
        ("I am done being polite with you scammers.", ("financial",), []),
        # a defect in other words
        ("03/11/2026 comes out as 11/03/2026: day and month swapped", ("technical",), ["bug"]),
        ("push notifications still don't arrive on our Android phones", ("technical",), ["bug"]),
        ("The export comes out nicely, thanks.", ("technical",), []),
        # a refund or an invoice contested in other words
        ("I'm not paying for 190 seats nobody uses. Please reissue the invoice.", ("financial",), ["billing_dispute"]),
        ("I have asked for this refund three times.", ("financial",), ["billing_dispute"]),
        ("We are not paying by card any more, can we switch to invoice?", ("financial",), []),
        ("Our board asked us to evaluate alternatives before the renewal.", (), ["cancellation"]),
    ],
)
def test_case_types_read_on_the_third_check(text, labels, expected):
    assert case_types(text, set(labels)) == expected


def test_an_outage_with_its_incident_report_sent_is_over():
    report = "Thank you for the incident report on Wednesday's outage. That is three outages in one quarter."
    assert "outage" not in facts_of(report, ("technical",)).case_types
    assert facts_of("Your site is down again, second outage this month.", ("technical",)).case_types == ["outage"]


@pytest.mark.parametrize(
    ("body", "name", "company"),
    [
        # a name alone under a last sentence signs it
        ("Slightly worrying, to be honest.\n\nThomas Greaves", "Thomas Greaves", None),
        # a firm signs after a closing word: a company, not a person
        ("We look forward to hearing from you.\n\nYours faithfully,\n\nBramley Kerr LLP", None, "Bramley Kerr LLP"),
        # a line that ends the message without a sentence before it is no signature
        ("Sync broken\nKestrel Roofing", None, None),
    ],
)
def test_a_sender_read_on_the_third_check(body, name, company):
    sender = facts_of(body).sender

    assert (sender.name, sender.company) == (name, company)


def test_a_contact_logged_with_support_is_a_step_and_an_earlier_contact():
    facts = facts_of("I logged it with your support line at 11:00 and was told someone would look into it.")
    assert facts.customer_steps and facts.told_earlier_contact

    facts = facts_of("I logged in at 11:00 and saw the wrong records.")
    assert not facts.customer_steps and not facts.told_earlier_contact


def test_ids_listed_in_words_and_a_path_with_a_placeholder_are_identifiers():
    text = "GET /v2/projects/{id} returns a 200. I only tried two neighbouring ids (48213 and 48215)."
    assert facts_of(text).identifiers == ["48213", "48215", "/v2/projects/{id}"]
    assert facts_of("We have about 200 ids in the workspace and 12 users.").identifiers == []


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Somos 40 personas sin poder trabajar. Necesitamos una respuesta ya.", "Necesitamos una respuesta ya"),
        ("Il nous faut une réponse aujourd'hui.", "Il nous faut une réponse aujourd'hui"),
        ("Wir brauchen heute eine Lösung.", "Wir brauchen heute"),
    ],
)
def test_a_request_for_today_in_other_languages(text, deadline):
    assert facts_of(text).deadlines == [deadline]


@pytest.mark.parametrize("text", ["Ya he escrito dos veces.", "Necesitamos ayuda con la factura.", "Hoy no funciona."])
def test_today_or_already_told_of_in_other_languages_is_no_deadline(text):
    assert facts_of(text).deadlines == []
