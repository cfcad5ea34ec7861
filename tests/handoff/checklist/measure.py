"""Share of drafts that meet the rubric (docs/handoffs.md) for a model, on the checklist tickets and on the
hand-written annotated tickets. Not a test: a measurement, run by hand, e.g.

    .venv/bin/python tests/handoff/checklist/measure.py --model models/default

It uses only ``Triage.handoffs`` and the drafts' text, so the same script grades an older checkout of triage
(put that checkout first on PYTHONPATH) by the same rubric.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from rubric import Drafts, acknowledgement_failures, handoff_failures  # noqa: E402

from triage.pipeline import load_triage  # noqa: E402
from triage.schema import Ticket  # noqa: E402

HERE = Path(__file__).parent
CHECKLIST = HERE / "tickets.jsonl"
FRESH = HERE / "fresh.jsonl"  # written after the drafts were done, graded once, never tuned on
HANDWRITTEN = HERE.parents[2] / "data" / "annotations" / "handwritten.jsonl"


def checklist_rows(path: Path = CHECKLIST) -> list[tuple[Ticket, int, dict]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(Ticket.model_validate(row["ticket"]), row["model"]["frustration"], row["expect"]) for row in rows]


def handwritten_rows() -> list[tuple[Ticket, int, dict]]:
    rows = [json.loads(line) for line in HANDWRITTEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    fields = set(Ticket.model_fields)
    return [
        (Ticket.model_validate({k: v for k, v in row.items() if k in fields}), row["frustration"], {}) for row in rows
    ]


def grade(triage, rows: list[tuple[Ticket, int, dict]]) -> dict:
    tickets = [ticket for ticket, _, _ in rows]
    results: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for (ticket, label, expect), (prediction, handoff, ack) in zip(rows, triage.handoffs(tickets), strict=True):
        if handoff is None:
            continue
        recommendation = prediction.recommendation
        drafts = Drafts(
            ticket=ticket,
            handoff=handoff.text,
            missing=list(handoff.missing_information),
            acknowledgement=ack.text if ack is not None else None,
            tier=recommendation.tier,
            abstain=recommendation.abstain,
            frustration_label=label,
            expect=expect,
        )
        handoff_problems, ack_problems = handoff_failures(drafts), acknowledgement_failures(drafts)
        results["drafted"] += 1
        results["handoff_ok"] += not handoff_problems
        results["ack_ok"] += not ack_problems
        results["both_ok"] += not (handoff_problems or ack_problems)
        reasons.update(problem.split(":")[0] for problem in handoff_problems + ack_problems)
    return {"tickets": len(rows), **results, "failures": dict(reasons.most_common())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    args = parser.parse_args()
    triage = load_triage(args.model)
    sets = (("checklist", checklist_rows()), ("fresh", checklist_rows(FRESH)), ("handwritten", handwritten_rows()))
    for name, rows in sets:
        print(json.dumps({"set": name, **grade(triage, rows)}))


if __name__ == "__main__":
    main()
