"""The trained model as its users meet it: contract-valid predictions, a pure function of the tickets,
explanations that say what the model actually used, and sensible answers on hand-written tickets.

Everything here runs the real pipeline, trained once per session on demo data (see conftest.py).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import joblib
import numpy as np
import pandas as pd
import pytest
from conftest import HANDWRITTEN, MODEL_ALIAS, MODEL_VERSION, handwritten_tickets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.utils.estimator_checks import parametrize_with_checks

from triage.io import to_frame
from triage.model.features import COLUMNS, TicketColumns
from triage.model.training import TOPIC_BLIND_BLOCKS
from triage.pipeline import Triage
from triage.schema import KNOWN_CHANNELS, KNOWN_PLANS, TRIGGERS, Prediction, Ticket

# -- the prediction contract ---------------------------------------------------------------------------


def _check_prediction(prediction: Prediction, model) -> None:
    """Everything docs/data-contract.md promises about one prediction."""
    again = Prediction.model_validate(prediction.model_dump(mode="json"))
    assert again == prediction
    assert set(prediction.triggers) == set(TRIGGERS)
    for name, probability in prediction.triggers.items():
        assert 0.0 <= probability <= 1.0, (name, probability)
    assert set(prediction.trigger_labels) <= set(TRIGGERS)
    assert 0.0 <= prediction.escalation.probability <= 1.0
    assert 0.0 <= prediction.frustration.score <= 1.0
    assert prediction.frustration.level in (0, 1, 2, 3)
    recommendation = prediction.recommendation
    assert 0.0 <= recommendation.confidence <= 1.0
    assert recommendation.tier in {tier.number for tier in model.config.tiers}
    assert recommendation.tier_name == model.config.tier_name(recommendation.tier)
    assert recommendation.team in {team.name for team in model.config.teams}
    assert all(isinstance(reason, str) and reason for reason in prediction.reasons)
    if recommendation.abstain:
        assert any("abstain" in reason for reason in prediction.reasons), prediction.reasons


def test_one_valid_prediction_per_ticket_in_order_with_the_model_version(model, probe_tickets):
    tickets = [*probe_tickets, *handwritten_tickets()]

    predictions = Triage.of(model).predict(tickets)

    assert [p.id for p in predictions] == [t.id for t in tickets]
    for prediction in predictions:
        _check_prediction(prediction, model)
        assert prediction.model.name == "triage"
        assert prediction.model.version == MODEL_VERSION
        assert prediction.model.alias == MODEL_ALIAS


def test_an_empty_batch_gives_no_predictions(model):
    assert Triage.of(model).predict([]) == []


def test_duplicate_ids_each_get_a_prediction(model):
    ticket = handwritten_tickets()[0]

    predictions = Triage.of(model).predict([ticket, ticket])

    assert len(predictions) == 2 and predictions[0] == predictions[1]


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
# Tickets accept years 1970-2100 (triage.schema): the strategy draws within them.
_datetimes = st.none() | st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 12, 31), timezones=st.none() | st.just(UTC)
)
_free_text = st.none() | st.text(max_size=12)


@st.composite
def tickets(draw) -> Ticket:
    subject, body = draw(_text), draw(_text)
    if not subject.strip() and not body.strip():
        body = draw(st.text(st.characters(categories=("L", "N", "P")), min_size=1, max_size=80))
    customer = draw(
        st.none()
        | st.fixed_dictionaries(
            {},
            optional={
                "plan": _free_text | st.sampled_from(KNOWN_PLANS),
                "annual_contract_value": st.none()
                | st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
                "strategic": st.none() | st.booleans(),
                "company": _free_text,
            },
        )
    )
    history = draw(
        st.lists(
            st.fixed_dictionaries(
                {"author": st.sampled_from(["customer", "agent", "system"]), "body": _text},
                optional={"at": _datetimes},
            ),
            max_size=6,
        )
    )
    return Ticket.model_validate(
        {
            "id": draw(st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)),
            "subject": subject,
            "body": body,
            "channel": draw(_free_text | st.sampled_from(KNOWN_CHANNELS)),
            "created_at": draw(_datetimes),
            "customer": customer,
            "history": history,
            "tags": draw(st.lists(st.text(max_size=10), max_size=3)),
        }
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(tickets(), min_size=1, max_size=3))
def test_any_valid_ticket_gets_a_contract_valid_prediction(model, batch):
    predictions = Triage.of(model).predict(batch)

    assert [p.id for p in predictions] == [t.id for t in batch]
    for prediction in predictions:
        _check_prediction(prediction, model)


# -- a pure function of the tickets ---------------------------------------------------------------------


def _dump(predictions: list[Prediction]) -> list[dict]:
    return [p.model_dump(mode="json") for p in predictions]


def test_same_input_gives_the_same_output(model, probe_tickets):
    tickets = probe_tickets[:15]

    assert _dump(Triage.of(model).predict(tickets)) == _dump(Triage.of(model).predict(tickets))


def test_a_tickets_prediction_does_not_depend_on_its_batch(model, probe_tickets):
    tickets = [*probe_tickets[:12], *handwritten_tickets()]
    in_order = _dump(Triage.of(model).predict(tickets))

    reversed_order = _dump(Triage.of(model).predict(tickets[::-1]))[::-1]
    one_by_one = [_dump(Triage.of(model).predict([ticket]))[0] for ticket in tickets[:4]]

    assert reversed_order == in_order
    assert one_by_one == in_order[:4]


def test_predicting_does_not_change_the_fitted_model(model, probe_tickets):
    before = joblib.hash((model.features, model.heads))

    Triage.of(model).predict(probe_tickets[:5])

    assert joblib.hash((model.features, model.heads)) == before


# -- explanations ---------------------------------------------------------------------------------------

_MENTIONS = re.compile(r"mentions '(.+)'")

# Hand-written tickets whose trigger-head explanations include a text phrase (few signals, plain words).
FAITHFULNESS_TICKETS = [
    {
        "id": "F-TECH",
        "subject": "Export screen freezes",
        "body": "When I open the export screen the interface freezes and the page becomes unresponsive after "
        "a few seconds. Reports and dashboards load fine. It happens in Chrome and Firefox.",
        "channel": "web_form",
    },
    {
        "id": "F-FIN",
        "subject": "Question about the VAT line on our invoice",
        "body": "The VAT amount on our latest invoice looks higher than usual and the billing address is our "
        "old office. Could you correct the invoice and send a new copy?",
        "channel": "email",
    },
    {
        "id": "F-LEGAL",
        "subject": "Request for deletion of my personal data",
        "body": "I would like to exercise my right to erasure. Please delete every piece of personal data you "
        "store about me, and confirm in writing once done.",
        "channel": "web_form",
    },
]


def _strongest_text_phrase(explanations, head: str):
    """The highest-ranked 'mentions X' contribution among the head's explanations, or None."""
    for contribution in explanations.get(head, []):
        if _MENTIONS.fullmatch(contribution.phrase):
            return contribution
    return None


def _without_word(ticket: Ticket, word: str) -> Ticket:
    pattern = re.compile(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", re.IGNORECASE)
    return ticket.model_copy(
        update={"subject": pattern.sub(" ", ticket.subject), "body": pattern.sub(" ", ticket.body)}
    )


def test_removing_the_explained_word_moves_the_score_the_way_the_explanation_says(model, probe_tickets):
    tickets = [Ticket.model_validate(t) for t in FAITHFULNESS_TICKETS] + list(probe_tickets)
    checked, wrong = [], []
    for ticket, scores in zip(tickets, model.score(tickets), strict=True):
        for head in TRIGGERS:
            top = _strongest_text_phrase(scores.explanations, head)
            if top is None or abs(top.weight) < 0.05:
                continue
            word = _MENTIONS.fullmatch(top.phrase).group(1)
            edited = _without_word(ticket, word)
            if not (edited.subject.strip() or edited.body.strip()):
                continue
            before = scores.triggers[head]
            after = model.score([edited], explain=False)[0].triggers[head]
            checked.append((ticket.id, head, word))
            moved_as_explained = after < before if top.weight > 0 else after > before
            if not moved_as_explained:
                wrong.append((ticket.id, head, word, float(top.weight), before, after))

    handwritten_checked = {head for ticket_id, head, _ in checked if ticket_id.startswith("F-")}
    assert len(handwritten_checked) >= 2, checked  # the hand-written tickets do exercise text phrases
    assert len(checked) >= 5, checked
    # Removing a word also re-normalises the ticket's other n-grams (TF-IDF rows have unit length), which a
    # linear attribution does not model: a weak phrase may rarely move the score the other way, a strong
    # one never.
    assert len(wrong) <= 0.03 * len(checked), wrong
    assert not [case for case in wrong if abs(case[3]) >= 0.5], wrong


def test_reasons_quote_only_words_that_are_in_the_ticket(model, probe_tickets):
    for ticket, prediction in zip(probe_tickets, Triage.of(model).predict(probe_tickets), strict=True):
        text = f"{ticket.subject}\n{ticket.body}".lower()
        for reason in prediction.reasons:
            match = re.match(r"mentions '(.+?)' \(", reason)
            if match:
                assert match.group(1) in text, (ticket.id, reason)


# -- sensible answers on hand-written tickets ----------------------------------------------------------


@pytest.mark.parametrize("case", HANDWRITTEN, ids=[case["ticket"]["id"] for case in HANDWRITTEN])
def test_handwritten_tickets_get_sensible_labels(model, case):
    ticket = Ticket.model_validate(case["ticket"])

    prediction = Triage.of(model).predict([ticket])[0]

    trigger = case["trigger"]
    if trigger is None:
        assert prediction.trigger_labels == []
        assert not prediction.escalation.escalate
        assert prediction.recommendation.tier == 1
    else:
        others = [name for name in TRIGGERS if name != trigger]
        assert trigger in prediction.trigger_labels, prediction.triggers
        assert prediction.triggers[trigger] >= case["min_probability"], prediction.triggers
        assert all(prediction.triggers[trigger] > prediction.triggers[o] for o in others), prediction.triggers
    if case["team"] is not None:
        assert prediction.recommendation.team == case["team"], prediction.reasons


def test_escalated_handwritten_tickets_outrank_the_routine_one(model):
    by_id = {p.id: p for p in Triage.of(model).predict(handwritten_tickets())}

    routine = by_id["HW-AVATAR"].escalation.probability

    for ticket_id in ("HW-GDPR", "HW-DOUBLE-CHARGE", "HW-API-OUTAGE"):
        assert by_id[ticket_id].escalation.probability > routine, ticket_id
        assert by_id[ticket_id].recommendation.tier >= 2, (ticket_id, by_id[ticket_id].reasons)


# -- TicketColumns: scikit-learn's estimator contract --------------------------------------------------


def test_ticket_columns_declares_itself_a_transformer():
    assert TicketColumns().__sklearn_tags__().transformer_tags is not None


@parametrize_with_checks([TicketColumns()])
def test_ticket_columns_sklearn_checks(estimator, check):
    # Its input tags (a DataFrame, no 2-d array) leave only the checks that apply to such an estimator;
    # the rest of the contract is tested directly on ticket frames below.
    check(estimator)


@pytest.fixture(scope="module")
def frames(probe_tickets):
    return to_frame(probe_tickets[:10]), to_frame(probe_tickets[10:25]), to_frame(handwritten_tickets())


def test_ticket_columns_fit_returns_self_and_stores_no_parameters(frames):
    columns = TicketColumns()

    assert columns.fit(frames[0]) is columns
    assert columns.get_params() == {} and clone(columns).get_params() == {}
    assert columns.n_features_in_ == frames[0].shape[1]
    assert list(columns.feature_names_in_) == list(frames[0].columns)


def test_ticket_columns_transform_does_not_refit(frames):
    columns = TicketColumns().fit(frames[0])
    state = {
        key: np.array(value).tolist() if isinstance(value, np.ndarray) else value
        for key, value in vars(columns).items()
    }

    columns.transform(frames[1])

    assert {
        key: np.array(value).tolist() if isinstance(value, np.ndarray) else value
        for key, value in vars(columns).items()
    } == state


def test_ticket_columns_is_stateless_and_row_independent(frames):
    first, second, target = frames

    a = TicketColumns().fit(first).transform(target)
    b = TicketColumns().fit(second).transform(target)
    rows = pd.concat(
        [TicketColumns().fit(first).transform(target.iloc[[i]]) for i in range(len(target))], ignore_index=True
    )

    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, rows)
    assert list(a.columns) == list(TicketColumns().get_feature_names_out()) == COLUMNS
    assert len(a) == len(target)


def test_fitted_feature_pipeline_transform_does_not_refit(model, probe_tickets):
    before = joblib.hash(model.features)

    model.features.transform(to_frame(probe_tickets))

    assert joblib.hash(model.features) == before


def test_every_frustration_cue_has_words_for_explanations():
    from triage.model.explain import _CUE_PHRASES
    from triage.text.frustration import FEATURES

    assert set(FEATURES) <= set(_CUE_PHRASES)


def test_trigger_heads_learn_nothing_from_frustration_cues_and_escalation_does(model):
    """A trigger is what a ticket is about: angry wording must not make a ticket technical."""
    columns = model.features.named_steps["features"]
    cue_columns = np.concatenate(
        [np.arange(columns.output_indices_[b].start, columns.output_indices_[b].stop) for b in TOPIC_BLIND_BLOCKS]
    )
    assert len(cue_columns)
    for trigger in TRIGGERS:
        assert not np.any(model.explainer._linear_weights(trigger)[cue_columns]), trigger
    assert np.any(model.explainer._linear_weights("escalation_text")[cue_columns])


def test_from_tickets_gives_the_columns_of_the_frame_path(model, probe_tickets):
    # Scoring reads the tickets directly (no pandas frame); training reads the frame: the same columns.
    tickets = [*probe_tickets[:15], *handwritten_tickets()]
    step = model.features.named_steps["columns"]
    frame = step.transform(to_frame(tickets))
    columns = step.from_tickets(tickets)
    for name in COLUMNS:
        assert list(frame[name]) == columns[name], name


def test_rule_reasons_quote_the_feature_pass_without_analysing_the_text_again(model, probe_tickets, monkeypatch):
    from triage.policy import decision
    from triage.text.limits import analysed_message
    from triage.text.signals import signal_evidence

    tickets = [*probe_tickets, *handwritten_tickets()]
    for ticket, row in zip(tickets, model.score(tickets, explain=False), strict=True):
        # The sentences the model's own analysis found are those a second analysis would find (a thread adds
        # its earlier turns' sentences: test_a_thread_keeps_the_case_its_earlier_turns_told).
        if not any(turn.author == "customer" for turn in ticket.history):
            assert row.signal_quotes == signal_evidence(analysed_message(f"{ticket.subject}\n{ticket.body}"))

    def second_pass(text: str) -> dict[str, tuple[str, ...]]:
        raise AssertionError("the decision analysed the text a second time")

    monkeypatch.setattr(decision, "signal_evidence", second_pass)
    reasons = [reason for prediction in Triage.of(model).predict(tickets) for reason in prediction.reasons]
    assert any("fired: signal" in reason and '"' in reason for reason in reasons)


def test_a_thread_keeps_the_case_its_earlier_turns_told(model):
    told = "Since this morning's sync all the notes in every workspace are gone. Can you restore them from a backup?"
    history = [
        {"at": "2026-12-01T09:00:00Z", "author": "customer", "body": told},
        {"at": "2026-12-01T09:30:00Z", "author": "agent", "body": "Thanks, engineering is looking into the outage."},
    ]
    chaser = {"id": "T-thread", "subject": "Re: notes", "body": "Any update on this?"}
    chaser["created_at"] = "2026-12-02T09:00:00Z"
    alone = Ticket.model_validate(chaser)
    thread = Ticket.model_validate({**chaser, "history": history})
    agent_only = Ticket.model_validate({**chaser, "history": history[1:]})

    alone_scores, thread_scores, agent_scores = model.score([alone, thread, agent_only], explain=False)

    assert "data_loss" not in alone_scores.signals
    assert thread_scores.signals["data_loss"] >= 1
    assert any("backup" in quote for quote in thread_scores.signal_quotes["data_loss"])
    # Only the customer's own turns tell the case: the agent's "outage" is not the customer's report.
    assert "outage" not in thread_scores.signals and "outage" not in agent_scores.signals
    # Nor is an outage told earlier: in a thread it is as often the past cause of a dispute.
    past = {"at": "2026-12-01T09:00:00Z", "author": "customer", "body": "Your payment page was down all day."}
    (past_scores,) = model.score([Ticket.model_validate({**chaser, "history": [past]})], explain=False)
    assert "outage" not in past_scores.signals
    # The moment's signals stay the message's own, and the model's inputs do not change.
    step = model.features.named_steps["columns"]
    assert "customer_history_signals" not in step.transform(to_frame([thread])).columns
