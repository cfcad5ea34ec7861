"""Shared fixtures: one real model, trained once per session on a small demo history.

Training the real pipeline (features, heads, calibration, policy) on ~1,500 demo tickets takes a few
seconds, so every engine, persistence, service and CLI test uses the same model instead of a stub. The model
directory is written once with ``save_model`` and must be treated as read-only: tests that tamper with a
model copy it first (``model_copy``).

``HANDWRITTEN`` holds realistic tickets written for these tests (not from any data set), each with what a
support lead would expect the model to say about it. Expectations are deliberately lenient (a trigger is
labelled and is the strongest one, a team is recommended) so that retraining on other seeds keeps them, but
never vacuous.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from triage.datasets.demo import generate
from triage.io import write_records
from triage.model.persistence import load_model, save_model
from triage.model.scorer import TriageModel
from triage.model.training import TrainSettings, train
from triage.policy.config import load_config
from triage.schema import LabelledTicket, Ticket

DEMO_TICKETS = 1500
DEMO_SEED = 7
PROBE_SEED = 99  # unseen demo tickets, never part of training
# What save_model records in the fixture model, so tests can check that predictions carry it.
MODEL_VERSION = "7"
MODEL_ALIAS = "champion"

HANDWRITTEN: list[dict[str, Any]] = [
    {
        "ticket": {
            "id": "HW-GDPR",
            "subject": "Data subject access request under GDPR",
            "body": "Under Article 15 of the GDPR I am formally requesting a copy of all personal data your "
            "company holds about me, and I want it deleted afterwards. Please confirm within the statutory "
            "one month or I will complain to the data protection authority.",
            "channel": "email",
            "customer": {"plan": "pro", "annual_contract_value": 12000},
        },
        "trigger": "legal",
        "min_probability": 0.25,
        "team": "legal_compliance",
    },
    {
        "ticket": {
            "id": "HW-DOUBLE-CHARGE",
            "subject": "Charged twice for the same invoice",
            "body": "We were billed twice for invoice INV-2291 this month: two identical charges of $4,800 on "
            "our company card. Please refund the duplicate charge immediately, otherwise we will dispute it "
            "with our bank as a chargeback.",
            "channel": "email",
            "customer": {"plan": "enterprise", "annual_contract_value": 57600},
        },
        "trigger": "financial",
        "min_probability": 0.7,
        "team": "billing",
    },
    {
        "ticket": {
            "id": "HW-API-OUTAGE",
            "subject": "API down - 503 on every request",
            "body": "Since 09:40 UTC every request to the orders API fails with HTTP 503. Our integration is "
            "completely down in production.\n\n"
            "Traceback (most recent call last):\n"
            '  File "client.py", line 88, in submit\n'
            "    resp.raise_for_status()\n"
            "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: "
            "https://api.example.com/v2/orders\n\n"
            "We already restarted our workers and rotated the API key, still failing.",
            "channel": "api",
            "customer": {"plan": "enterprise", "annual_contract_value": 150000, "strategic": True},
            "history": [
                {"at": "2026-03-02T09:45:00Z", "author": "customer", "body": "Orders API returns 503."},
                {"at": "2026-03-02T10:05:00Z", "author": "agent", "body": "Please restart your workers."},
            ],
            "created_at": "2026-03-02T11:00:00Z",
        },
        "trigger": "technical",
        "min_probability": 0.7,
        "team": "technical",
    },
    {
        "ticket": {
            "id": "HW-LOGIN-401",
            "subject": "Cannot log in - error 401",
            "body": "Every login attempt fails with error code 401 Unauthorized since this morning. I reset my "
            "password twice and cleared cookies, still broken.",
            "channel": "chat",
            "customer": {"plan": "basic"},
        },
        "trigger": "technical",
        "min_probability": 0.7,
        "team": None,
    },
    {
        "ticket": {
            "id": "HW-REFUND",
            "subject": "Refund for annual plan",
            "body": "I cancelled within the trial but you still charged my credit card $499 for the annual "
            "plan. I want my money back.",
            "channel": "email",
            "customer": {"plan": "pro"},
        },
        "trigger": "financial",
        "min_probability": 0.7,
        "team": None,
    },
    {
        "ticket": {
            "id": "HW-AVATAR",
            "subject": "How do I change my avatar?",
            "body": "Hi, where in the settings can I upload a new profile picture? Thanks!",
            "channel": "chat",
            "customer": {"plan": "free"},
        },
        "trigger": None,
        "min_probability": None,
        "team": "frontline",
    },
]


def handwritten_tickets() -> list[Ticket]:
    return [Ticket.model_validate(case["ticket"]) for case in HANDWRITTEN]


def register_model(model_dir: Path, examples: list[Ticket]) -> Any:
    """Log and register ``model_dir`` in the MLflow store the environment names (``MLFLOW_TRACKING_URI``), its
    input and output examples from ``examples``; the registration triage.tracking returns."""
    from triage.pipeline import load_triage
    from triage.tracking import log_training_run

    return log_training_run(
        model_dir,
        params={"seed": 0},
        metrics={},
        artefacts=[],
        input_example=[t.model_dump_json(exclude_none=True) for t in examples],
        output_example=[p.model_dump_json() for p in load_triage(model_dir).predict(examples)],
    )


def unlabelled(tickets: list[LabelledTicket]) -> list[Ticket]:
    """The tickets as a client sends them: without outcome labels."""
    return [Ticket.model_validate(t.model_dump(include=set(Ticket.model_fields))) for t in tickets]


@pytest.fixture(scope="session", autouse=True)
def feedback_store_in_tmp(tmp_path_factory):
    """Every app a test builds keeps its feedback store in a temporary folder, not in the working directory
    (the default, sqlite:///feedback.db)."""
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("feedback") / "feedback.db"
        patch.setenv("TRIAGE_FEEDBACK_URL", f"sqlite:///{path}")
        yield path


@pytest.fixture(scope="session")
def demo_history() -> list[LabelledTicket]:
    return generate(DEMO_TICKETS, seed=DEMO_SEED)


@pytest.fixture(scope="session")
def trained(demo_history, tmp_path_factory) -> tuple[TriageModel, Path]:
    """The in-memory model straight from training and the directory it was saved to."""
    result = train(demo_history, load_config(), TrainSettings(seed=0))
    directory = tmp_path_factory.mktemp("model") / "model"
    save_model(result.model, directory, {"name": "triage", "version": MODEL_VERSION, "alias": MODEL_ALIAS})
    return result.model, directory


@pytest.fixture(scope="session")
def model_dir(trained) -> Path:
    """A saved model directory. Read-only: copy it (``model_copy``) before changing anything in it."""
    return trained[1]


@pytest.fixture(scope="session")
def model(model_dir) -> TriageModel:
    """The model as the CLI and the service get it: loaded from disk through every check."""
    return load_model(model_dir)


@pytest.fixture
def model_copy(model_dir, tmp_path) -> Path:
    return Path(shutil.copytree(model_dir, tmp_path / "model"))


@pytest.fixture(scope="session")
def probe_tickets() -> list[Ticket]:
    """Unseen demo tickets (another seed), without labels."""
    return unlabelled(generate(40, seed=PROBE_SEED))


@pytest.fixture(scope="session")
def small_labelled_file(tmp_path_factory) -> Path:
    """A small labelled history on disk (enough rows for every head to train)."""
    path = tmp_path_factory.mktemp("data") / "history.jsonl"
    write_records(generate(400, seed=11), path)
    return path
