"""Schemathesis against our own OpenAPI document, in process: every operation, generated valid and invalid
inputs, and every answer checked against the document: no 5xx, documented status codes, content types,
headers and response schemas, and invalid input rejected. It runs in `make test`, with few generated
examples per operation so that the whole run takes a minute or two on two cores.

The document does not depend on the model, so it is read from an app built at import (pytest parametrizes
at collection); the calls go to an app that has loaded the session's model (``live_app``)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance
from schemathesis.config import SchemathesisConfig
from serving import AUTH, keyed

from service.app import create_app
from triage.settings import Settings

EXAMPLES_PER_OPERATION = 20
# Webhooks configured, so that they answer 401 for a bad signature rather than 503 "not configured".
SECRETS = {f"webhook_secret_{vendor}": "fuzz-secret" for vendor in ("zendesk", "freshdesk", "jira")}
# Rules that a static document cannot state, so a schema-valid request may still get a 422 with its reason:
# the report's window against the server's retention setting, the Idempotency-Key header against the body's
# key, the history's total length. The batch route answers invalid items with per-item errors in a 200 (the
# batch is not failed for one bad ticket), so schema-violating items are accepted there by design.
NOT_CHECKED = [positive_data_acceptance]
NOT_CHECKED_FOR = {"triage_batch": [negative_data_rejection]}

# Invalid input is rejected with one of these; 413 is the body limit's answer to an oversized invalid value.
REJECTED = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": REJECTED}}})

schema = schemathesis.openapi.from_dict(create_app(keyed(Settings(docs_enabled=True))).openapi(), config=CONFIG)


@pytest.fixture(scope="module")
def live_app(model_dir):
    # Schemathesis runs the app's lifespan (the model loads) around each operation's test.
    return create_app(keyed(Settings(model_dir=model_dir, docs_enabled=True, **SECRETS)))


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI cannot turn red by chance
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_every_operation_keeps_to_its_documented_contract(case, live_app):
    excluded = NOT_CHECKED + NOT_CHECKED_FOR.get(case.operation.definition.raw.get("operationId"), [])
    case.call_and_validate(headers=AUTH, app=live_app, excluded_checks=excluded)


def test_the_document_states_that_a_ticket_needs_text():
    ticket = schema.raw_schema["components"]["schemas"]["Ticket"]

    assert {tuple(rule["required"]) for rule in ticket["anyOf"]} == {("subject",), ("body",)}
