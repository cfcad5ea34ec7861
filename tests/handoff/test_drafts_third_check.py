"""Drafts from grading the third hand-written check (check3) by hand: who owns the case for a customer with no
company, a firm writing for its client, and what is not asked for. Each with the form that must not change."""

from __future__ import annotations

from drafting import drafts_of as drafts


def test_an_account_lead_is_for_your_company_only_when_there_is_one():
    body = "You keep charging me $49 after I cancelled. Stop charging my card."
    money = {"financial": 0.95}
    manager = {"account_management": 0.9, "billing": 0.1}

    _, consumer = drafts(body, money, manager, plan="pro")
    _, business = drafts(body, money, manager, plan="business", company="Farrant Building Supplies")

    assert consumer is not None and business is not None
    assert "I have passed your case to our account lead for your company," in business.text
    assert "I have passed your case to our account lead, who" in consumer.text and "company" not in consumer.text


def test_a_firm_writing_for_its_client_is_shown_as_such():
    body = (
        "We act for Vantage Home Care Ltd. Please send the list of sub-processors by 18 December.\n\n"
        "Yours faithfully,\n\nMeredith Osei\nSenior Associate, Carrow Lane Solicitors LLP"
    )
    legal = {"legal": 0.9}
    team = {"legal_compliance": 0.9}

    handoff, _ = drafts(body, legal, team, plan="enterprise", company="Vantage Home Care Ltd")
    same, _ = drafts(body, legal, team, plan="enterprise", company="Carrow Lane Solicitors")

    assert (
        "Meredith Osei (signed the message), Senior Associate, Carrow Lane Solicitors LLP, for Vantage Home Care Ltd"
        in handoff.text
    )
    assert "company: Vantage Home Care Ltd" in handoff.text or "Vantage Home Care Ltd (plan" in handoff.text
    assert ", for " not in same.text.split("Customer:")[1].splitlines()[0]  # the same company is no client


def test_impersonation_asks_no_amount_but_a_fraudulent_charge_does():
    legal = {"legal": 0.9, "financial": 0.6}
    team = {"legal_compliance": 0.9}

    impersonation, _ = drafts(
        "Someone is pretending to be my business on your site and sends invoices with their bank account.",
        legal,
        team,
    )
    charge, _ = drafts("Someone took fraudulent charges from my card through your site.", legal, team)

    # the posing is the case (its own actions: suspend the impostor, keep its evidence), with no money to ask for
    assert "impersonation: someone poses as the customer" in impersonation.text
    assert "the amount in dispute" not in impersonation.missing_information
    assert "the amount in dispute" in charge.missing_information


def test_this_evening_on_a_dated_ticket_dates_the_events():
    body = "When I logged in this evening I could see someone else's invoice in my account."
    technical = {"technical": 0.8, "legal": 0.6}
    team = {"technical": 0.9}

    dated, _ = drafts(body, technical, team, created_at="2026-12-02T21:36:00Z")
    undated, _ = drafts("I could see someone else's invoice in my account.", technical, team)

    assert "when the events happened (dates)" not in dated.missing_information
    assert "when the events happened (dates)" in undated.missing_information


def test_a_legal_threat_holds_the_call_to_keep_a_leaving_customer():
    money_and_law = {"financial": 0.9, "legal": 0.9}
    team = {"legal_compliance": 0.9}

    claim, _ = drafts(
        "Our client gave notice of non-renewal, you renewed anyway. Refund the $18,400 or we will issue proceedings.",
        money_and_law,
        team,
        plan="enterprise",
        company="Greenway Ecology Consultants Ltd",
    )
    leaving, _ = drafts(
        "We will not renew unless the $18,400 uplift is dropped.",
        money_and_law,
        team,
        plan="enterprise",
        company="Greenway Ecology Consultants Ltd",
    )

    assert "cancellation or non-renewal" in claim.text and "legal action threatened" in claim.text
    assert "decision maker" not in claim.text
    assert "call the customer's decision maker" in leaving.text


def test_a_breach_asked_about_is_no_security_incident_in_the_hand_off():
    legal = {"legal": 0.9}
    team = {"legal_compliance": 0.9}
    question = "4. Your notification period to controllers following discovery of a personal data breach."
    report = "We have had a data breach: our patient list was sent to the wrong clinic."

    asked, _ = drafts(question, legal, team, signals={"security_incident": 1})
    reported, _ = drafts(report, legal, team, signals={"security_incident": 1})

    def concerns(handoff):
        return handoff.text.split("Regulatory concerns")[1].split("\n\n")[0]

    assert "data exposure" not in asked.text and "security incident" not in concerns(asked)
    assert "data exposure" in concerns(reported) and "reports a security incident" in concerns(reported)
