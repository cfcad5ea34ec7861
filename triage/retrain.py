"""The retraining loop's library side: history plus human-confirmed feedback into one training file, and the
champion/challenger judgement on a frozen held-out file that `triage retrain` and `triage promote` share.

Feedback is what people confirmed (``GET /v1/feedback/export`` or :meth:`FeedbackStore.export`): one row per
ticket, ``id`` and labels, never the model's predictions. The feedback store keeps no ticket text
(``docs/feedback.md``), so a feedback row trains only where its ticket's text is at hand: a ticket of the
history (its labels are replaced by the feedback's, label by label, ``triggers`` with ``labelled_triggers``)
or a ticket of a fresh helpdesk export passed beside it. Feedback for any other ticket is counted and named,
never guessed at; feedback for a held-out ticket is never trained on (the gate judges on those tickets).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from triage.errors import TriageError
from triage.evaluation import Evaluation
from triage.evaluation.compare import GateMargins, GateResult
from triage.io import describe_validation_error
from triage.schema import LabelledTicket, Ticket

# A store URL (sqlite:///feedback.db, postgresql+psycopg://...) rather than an export file.
STORE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Keys of `triage predict`'s output: a predictions file passed as feedback would teach the model its own answers.
PREDICTION_KEYS = frozenset({"trigger_labels", "escalation", "recommendation", "model"})
EXAMPLE_IDS = 5


# --- feedback into training data ------------------------------------------------------------------------------


def read_feedback(source: str | Path) -> list[dict[str, Any]]:
    """Label rows from an export file (JSON lines of ``GET /v1/feedback/export``) or a store URL; a row that is
    not human-confirmed labels (a prediction, an unknown field, a bad value) is a one-line error with its line."""
    text = str(source)
    if STORE_URL.match(text):
        return _read_store(text)
    path = Path(source)
    if not path.is_file():
        raise TriageError(f"{path}: no such feedback file")
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                rows.append(_feedback_row(line, f"{path}: line {number}"))
    return rows


def _read_store(url: str) -> list[dict[str, Any]]:
    from triage.feedback import FeedbackStore

    try:
        store = FeedbackStore(url)
    except Exception as error:  # SQLAlchemy: a URL it cannot parse, a driver that is not installed
        raise TriageError(f"--feedback: not a feedback store URL ({type(error).__name__})") from None
    with store:
        try:
            return list(store.export())
        except Exception as error:  # SQLAlchemy raises many types for an unreachable or empty store
            # The URL may hold a password: the store's repr hides it.
            raise TriageError(f"{store!r}: cannot read the feedback store ({type(error).__name__})") from None


def _feedback_row(line: str, where: str) -> dict[str, Any]:
    from triage.feedback import Labels

    try:
        row = json.loads(line)
    except ValueError as error:
        raise TriageError(f"{where}: not valid JSON ({error})") from None
    if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"].strip():
        raise TriageError(f"{where}: expected a JSON object with a ticket 'id', as GET /v1/feedback/export writes")
    if PREDICTION_KEYS & row.keys():
        raise TriageError(
            f"{where}: this is a prediction, not feedback; retraining learns only from labels people confirmed "
            "(GET /v1/feedback/export)"
        )
    labels = {name: value for name, value in row.items() if name != "id"}
    try:
        Labels.model_validate(labels)
    except ValidationError as error:
        raise TriageError(f"{where}: {describe_validation_error(error)}") from None
    return row


@dataclass
class MergeSummary:
    """Where each feedback row went, for the report and the command's output."""

    history: int = 0  # history tickets trained on
    feedback: int = 0  # tickets with feedback
    corrected: list[str] = field(default_factory=list)  # history tickets whose labels feedback replaced
    added: list[str] = field(default_factory=list)  # tickets of the fresh export, trained on with feedback labels
    without_text: list[str] = field(default_factory=list)  # feedback whose ticket is in neither file
    held_out_feedback: list[str] = field(default_factory=list)  # feedback on held-out tickets: not trained on
    held_out_history: int = 0  # history tickets that are in the held-out file: left out

    def as_dict(self) -> dict[str, Any]:
        return {
            "history_rows": self.history,
            "held_out_history_rows_left_out": self.held_out_history,
            "feedback_tickets": self.feedback,
            "corrected": len(self.corrected),
            "added": len(self.added),
            "without_text": len(self.without_text),
            "without_text_examples": self.without_text[:EXAMPLE_IDS],
            "held_out_feedback_left_out": len(self.held_out_feedback),
        }

    def lines(self) -> list[str]:
        out = [
            f"history: {self.history} tickets"
            + (f" ({self.held_out_history} more are held out: not trained on)" if self.held_out_history else ""),
            f"feedback: {self.feedback} tickets; {len(self.corrected)} corrected history tickets, "
            f"{len(self.added)} added from the tickets file",
        ]
        if self.without_text:
            examples = ", ".join(self.without_text[:EXAMPLE_IDS])
            out.append(
                f"feedback not used for {len(self.without_text)} tickets with no text in the history or the tickets "
                f"file (the store keeps no text; pass a fresh export with --tickets): {examples}"
            )
        if self.held_out_feedback:
            out.append(f"feedback not used for {len(self.held_out_feedback)} held-out tickets (never trained on)")
        return out


def merge_feedback(
    history: Sequence[LabelledTicket],
    feedback: Iterable[Mapping[str, Any]],
    tickets: Sequence[Ticket] = (),
    held_out: frozenset[str] = frozenset(),
) -> tuple[list[LabelledTicket], MergeSummary]:
    """The training tickets: the history (less any held-out ticket) with each feedback row's labels in place of
    its own, then the tickets of ``tickets`` that have feedback, labelled by it. A later history row with the
    same id as an earlier one replaces it, as a later export would."""
    from triage.feedback import join_labels

    summary = MergeSummary()
    by_id: dict[str, Mapping[str, Any]] = {}
    for row in feedback:
        if row["id"] in held_out:
            summary.held_out_feedback.append(row["id"])
        else:
            by_id[row["id"]] = _replacing_pairs(row)
    summary.feedback = len(by_id) + len(summary.held_out_feedback)
    kept = {ticket.id: ticket for ticket in history if ticket.id not in held_out}
    summary.held_out_history = sum(ticket.id in held_out for ticket in history)
    fresh = {ticket.id: ticket for ticket in tickets if ticket.id not in kept and ticket.id not in held_out}
    summary.history = len(kept)
    summary.corrected = [ticket_id for ticket_id in by_id if ticket_id in kept]
    summary.added = [ticket_id for ticket_id in by_id if ticket_id in fresh]
    summary.without_text = [ticket_id for ticket_id in by_id if ticket_id not in kept and ticket_id not in fresh]
    try:
        corrected = {t.id: t for t in join_labels([kept[i] for i in summary.corrected], by_id.values())}
        added = list(join_labels([fresh[i] for i in summary.added], by_id.values()))
    except ValidationError as error:
        raise TriageError(f"feedback: {describe_validation_error(error)}") from None
    merged = [corrected.get(ticket_id, ticket) for ticket_id, ticket in kept.items()]
    return merged + added, summary


def _replacing_pairs(row: Mapping[str, Any]) -> dict[str, Any]:
    """The row with the partner of each label pair it sets: feedback that says which triggers a ticket has,
    judged on all three, must not keep the history's narrower ``labelled_triggers``."""
    out = dict(row)
    if "triggers" in out:
        out.setdefault("labelled_triggers", None)
    return out


# --- champion against challenger ------------------------------------------------------------------------------


@dataclass
class Judgement:
    """Champion and challenger on one held-out file: both evaluations and the gate (with its comparison)."""

    champion: str
    challenger: str
    holdout: Path
    holdout_sha256: str
    rows: int
    margins: GateMargins
    evaluations: tuple[Evaluation, Evaluation]
    result: GateResult

    @property
    def verdict(self) -> str:
        """The line recorded on the version at promotion."""
        if self.result.passed:
            return f"passed {len(self.result.checks)} checks"
        return "failed: " + ", ".join(check.short() for check in self.result.failures)


def judge(champion: str, challenger: str, holdout: Path, margins: GateMargins, work: Path) -> Judgement:
    """Both registered versions, downloaded, on the held-out file through the gate (``compare`` inside)."""
    from triage.evaluation import evaluate
    from triage.evaluation.compare import gate
    from triage.io import read_labelled
    from triage.model.persistence import load_model, sha256
    from triage.tracking.registry import version_model_dir

    tickets = read_labelled(holdout)
    if not tickets:
        raise TriageError(f"{holdout}: no tickets in the held-out file")
    first, second = (evaluate(load_model(version_model_dir(v, work / v)), tickets) for v in (champion, challenger))
    result = gate(first, second, margins)
    if not result.checks:
        raise TriageError(f"{holdout}: no labels for any head both versions learned; nothing to judge them on")
    return Judgement(champion, challenger, holdout, sha256(holdout), len(tickets), margins, (first, second), result)
