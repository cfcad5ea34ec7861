"""What the customer wrote, apart from what came with it: quoted replies, e-mail signatures, legal
disclaimers and pasted logs or stack traces.

The legal, financial and frustration signals read only the customer's own prose: a disclaimer saying "this
e-mail is confidential and may be legally privileged" is not a legal matter, a quoted agent reply saying
"we have refunded you" is not a refund request, and an ``ERROR`` log line is not shouting. Technical signals
may read the logs as well (:attr:`CleanText.logs`).

Every pattern is anchored to a line (or a literal lead) and has no nested repetition: each line is read once,
so cleaning is linear in the length of the text (tests/text/test_regex_linear.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A quoted reply starts with an attribution line ("On Tue, 3 Mar 2026 at 10:02, Anna <a@b.c> wrote:"), an
# Outlook header block or a forwarded-message marker; everything after it is the earlier thread.
_REPLY_HEADER = re.compile(
    r"^[ \t]*(?:On\b[^\n]{0,300}\bwrote:[ \t]*$|-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}"
    r"|From:[^\n]{0,200}$(?=\n(?:Sent|Date):)|Begin forwarded message:)",
    re.MULTILINE | re.IGNORECASE,
)
# A line quoted with ">" (mail clients) is the earlier thread too.
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*$", re.MULTILINE)
# The signature delimiter "-- " and phone sign-offs end the message.
_SIGNATURE_START = re.compile(r"^(?:--[ \t]*|_{5,}[ \t]*|Sent from my [^\n]{1,40})$", re.MULTILINE)
# A sign-off ("Best regards,") followed only by a few short lines (name, role, company, phone) is a signature.
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:best|kind|warm|many)?[ \t]?(?:regards|wishes)|thanks(?: again)?|thank you|many thanks"
    r"|cheers|sincerely|yours(?: sincerely| truly| faithfully)?|best|respectfully)[ \t]*[,.!]?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_SIGNATURE_MAX_LINES = 7
_SIGNATURE_MAX_LINE = 80
# A confidentiality or legal disclaimer: the paragraph holding one of these phrases is boilerplate.
_DISCLAIMER = re.compile(
    r"(?i:(?:this|the information in this|the contents of this) (?:e-?mail|message|communication|transmission)"
    r"[^\n]{0,80}(?:confidential|privileged|intended (?:solely |only )?for)"
    r"|intended recipient|received this (?:e-?mail|message|communication) in error"
    r"|(?:is|are) confidential and (?:may be )?(?:legally )?privileged"
    r"|please consider the environment before printing)"
)
# Log and trace lines: a timestamp or level lead, a stack frame, a traceback header, a fenced code block.
_LOG_LINE = re.compile(
    r"^[ \t]*(?:\[?\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d|[ \t]+(?:ERROR|FATAL|CRITICAL|SEVERE|WARN|INFO|DEBUG))[^\n]*"
    r"|\d\d:\d\d:\d\d[.,\d]*[ \t][^\n]*"
    r"|\[?(?:ERROR|FATAL|CRITICAL|SEVERE|WARN|WARNING|INFO|DEBUG|TRACE|PANIC)\]?[ \t:|][^\n]*"
    r"|at [\w$.<>]+\([^\n]*\)[ \t]*"
    r"|at [^\n]{1,200}:\d+:\d+\)?[ \t]*"
    r"|File \"[^\"\n]+\", line \d+[^\n]*"
    r"|Traceback \(most recent call last\):[ \t]*"
    r"|Caused by:[^\n]*"
    r"|(?:[\w.]+(?:Error|Exception)):[^\n]*"
    r"|\.{3} \d+ more[ \t]*"
    # JSON: a brace, a closing bracket, or an opening one before JSON; "[NAME] wrote ..." or "[External] ..." is prose.
    r"|[{}\]][^\n]*|\[[ \t]*(?:[\[{\"\d-]|$)[^\n]*"
    r"|\"[\w.-]+\":[^\n]*"
    r"|\$ [^\n]*)$",
    re.MULTILINE,
)
_FENCE = re.compile(r"^[ \t]*```[^\n]*$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class CleanText:
    prose: str  # what the customer wrote in their own words
    logs: str  # pasted log lines, stack traces and code blocks, one per line
    removed: tuple[str, ...]  # the kinds of text taken out: "quoted reply", "signature", "disclaimer", "logs"


@lru_cache(maxsize=4096)
def clean_text(text: str) -> CleanText:
    """The customer's prose and the pasted logs of one message (a quoted thread, signature and disclaimer
    dropped). Remembered per text: the signals, the cues and the reasons read the same message."""
    removed: list[str] = []
    text = text.replace("\r\n", "\n")
    header = _REPLY_HEADER.search(text)
    if header:
        text, removed = text[: header.start()], ["quoted reply"]
    if _QUOTED_LINE.search(text):
        text = _QUOTED_LINE.sub("", text)
        removed.append("quoted reply")
    signature = _SIGNATURE_START.search(text)
    if signature:
        text = text[: signature.start()]
        removed.append("signature")
    paragraphs = _PARAGRAPH_BREAK.split(text)
    kept = [paragraph for paragraph in paragraphs if not _DISCLAIMER.search(paragraph)]
    if len(kept) < len(paragraphs):
        removed.append("disclaimer")
    # After the disclaimer: it usually follows the signature, which is then the end of the message.
    prose, logs = _split_logs(_without_sign_off("\n\n".join(kept), removed))
    if logs:
        removed.append("logs")
    return CleanText(prose.strip(), logs, tuple(dict.fromkeys(removed)))


def _without_sign_off(text: str, removed: list[str]) -> str:
    """The text before its last sign-off, when only a short signature block follows it."""
    sign_offs = list(_SIGN_OFF.finditer(text))
    if not sign_offs:
        return text
    last = sign_offs[-1]
    tail = [line.strip() for line in text[last.end() :].split("\n") if line.strip()]
    # A name, a role, a company, a phone number: short lines, not sentences. "Thanks\nI need a refund." is
    # a message, not a signature.
    if not text[: last.start()].strip() or len(tail) > _SIGNATURE_MAX_LINES:
        return text
    if any(len(line) > _SIGNATURE_MAX_LINE or line.endswith((".", "?", "!")) for line in tail):
        return text
    removed.append("signature")
    return text[: last.start()]


def _split_logs(text: str) -> tuple[str, str]:
    """(prose, logs): fenced blocks and log-shaped lines go to the logs."""
    prose_lines: list[str] = []
    log_lines: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.fullmatch(line):
            in_fence = not in_fence
            continue
        (log_lines if in_fence or _LOG_LINE.fullmatch(line) else prose_lines).append(line)
    return "\n".join(prose_lines), "\n".join(log_lines)
