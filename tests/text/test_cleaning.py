"""The customer's own prose, apart from quoted replies, signatures, disclaimers and pasted logs."""

from __future__ import annotations

from triage.text.cleaning import clean_text
from triage.text.frustration import lexicon_frustration
from triage.text.signals import find_signals

MESSAGE = """Hi team,

Our nightly export fails since the update. Log below:
2026-03-01 02:00:01 ERROR ExportJob failed
    at com.acme.Export.run(Export.java:42)
Caused by: java.io.IOException: disk full

Can you look today?

Best regards,
Jane Doe
Head of Operations, Doe & Partners LLP
+1 555 0100

This e-mail and any attachments are confidential and may be legally privileged. If you are not the intended
recipient, please delete it.

On Mon, 2 Mar 2026 at 10:00, Support <help@example.com> wrote:
> We have refunded your account and our lawyers reviewed the contract.
"""


def test_prose_keeps_the_request_and_drops_what_came_with_it() -> None:
    clean = clean_text(MESSAGE)
    assert "nightly export fails" in clean.prose and "Can you look today?" in clean.prose
    for gone in ("Jane Doe", "confidential", "refunded", "wrote:", "ExportJob", "Caused by"):
        assert gone not in clean.prose
    assert "ExportJob failed" in clean.logs and "Export.java:42" in clean.logs
    assert set(clean.removed) == {"quoted reply", "signature", "disclaimer", "logs"}


def test_a_short_thanks_line_followed_by_a_request_is_not_a_signature() -> None:
    assert "refund" in clean_text("Thanks\nI need a refund for order 5.").prose
    assert clean_text("Thanks,\nwhy was I charged twice?\nMark").prose.startswith("Thanks")


def test_fenced_blocks_are_logs() -> None:
    clean = clean_text("The call fails:\n```\nHTTP 500 LAWSUIT refund\n```\nPlease help.")
    assert "LAWSUIT" in clean.logs and "LAWSUIT" not in clean.prose


def test_a_bracketed_tag_before_prose_is_prose_but_json_is_logs() -> None:
    for prose in ("[External] our invoices are wrong again", "[NAME] you were rude to me on the phone"):
        assert clean_text(prose).prose == prose
    pasted = 'It returns:\n[{"id": 7, "status": "failed"}]\n{"error": "timeout"}\n[\n]\nWhy?'
    clean = clean_text(pasted)
    assert clean.prose == "It returns:\nWhy?" and '"failed"' in clean.logs and '"timeout"' in clean.logs


def test_signals_read_prose_but_technical_shapes_read_logs() -> None:
    [found] = find_signals([MESSAGE])
    assert "refund_request" not in found and "legal_action" not in found
    assert "stack_trace" in found


def test_log_lines_and_acronyms_are_not_shouting() -> None:
    logs = "Export broke:\n2026-03-01 02:00:01 ERROR FATAL CONNECTION REFUSED\n[ERROR] RETRY FAILED AGAIN"
    acronyms = "Our SSO through ADFS returns HTTP 500 from the API and the SLA and GDPR DPA are at risk."
    shouting = "THIS IS NOT OK. FIX IT NOW."
    assert "all-caps shouting" not in lexicon_frustration([logs])[0][2]
    assert "all-caps shouting" not in lexicon_frustration([acronyms])[0][2]
    assert "all-caps shouting" in lexicon_frustration([shouting])[0][2]


def test_still_broken_in_a_first_message_reads_as_persistence_not_a_repeat_contact() -> None:
    cues = lexicon_frustration(["The sync is still broken."])[0][2]
    assert any(cue.startswith("the problem persists") for cue in cues)
    assert not any(cue.startswith("repeat contact") for cue in cues)
