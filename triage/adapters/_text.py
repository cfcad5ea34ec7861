"""Helpdesk rich text → the plain text the model reads: HTML (Freshdesk, Zendesk's ``*_html`` placeholders),
Atlassian Document Format (Jira Cloud's JSON tree) and Jira wiki markup (Jira Server/DC, and Cloud's REST v2
shapes and automation smart values).

Paragraphs stay apart (a blank line), list items become ``- `` lines, links keep their text, images and
markup go. Nothing here raises on odd input: an unknown node or tag keeps its text and loses its markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
    ]
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template"})

# A table row's outer pipes and their padding. ``(?<!\s)`` starts the trailing branch at the first of a
# whitespace run only: without it the pattern rescanned the run from every position (quadratic).
_TABLE_EDGES = re.compile(r"^\s*\|\s*|(?<!\s)\s*\|\s*$")


def _tidy(raw: str) -> str:
    """Strip each line, and leave at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if line.startswith("|"):  # a table row's first cell
            line = line.lstrip("| ")
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities (&amp;, &#233;, &nbsp;) arrive decoded
        self.parts: list[str] = []
        self._skip = 0
        self._pre = 0

    def _newlines(self, count: int) -> None:
        self.parts.append("\n" * count)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self._newlines(1)
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in _BLOCK_TAGS:
            self._newlines(2)
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._newlines(1)
        elif tag == "hr":
            self._newlines(2)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._newlines(2)
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._pre:
            # HTML collapses runs of white space (source line breaks included) to one space.
            data = re.sub(r"\s+", " ", data.replace("\xa0", " "))
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags stripped, entities decoded, paragraph breaks kept."""
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser on some malformed declarations
        pass
    return _tidy("".join(parser.parts))


# --- Atlassian Document Format ------------------------------------------------------------------------------

_ADF_BLOCKS = frozenset(
    [
        "paragraph",
        "heading",
        "blockquote",
        "codeBlock",
        "panel",
        "rule",
        "mediaSingle",
        "mediaGroup",
        "table",
        "expand",
        "nestedExpand",
        "decisionList",
        "taskList",
    ]
)


def _adf(node: Any, out: list[str], depth: int = 0) -> None:
    if depth > 64:
        return
    if isinstance(node, list):
        for child in node:
            _adf(child, out, depth + 1)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    attrs: dict[str, Any] = node["attrs"] if isinstance(node.get("attrs"), dict) else {}
    if kind == "text":
        value = node.get("text")
        out.append(value if isinstance(value, str) else "")
        return
    if kind == "hardBreak":
        out.append("\n")
        return
    if kind in ("mention", "emoji", "status", "placeholder"):
        label = attrs.get("text") or attrs.get("shortName")
        out.append(label if isinstance(label, str) else "")
        return
    if kind in ("inlineCard", "blockCard", "embedCard"):
        url = attrs.get("url")
        out.append(url if isinstance(url, str) else "")
        return
    if kind in ("listItem", "taskItem", "decisionItem"):
        item: list[str] = []
        _adf(node.get("content"), item, depth + 1)
        out.append("\n- " + _tidy("".join(item)).replace("\n\n", "\n"))
        return
    if kind == "tableCell" or kind == "tableHeader":
        out.append(" | ")
    elif kind in _ADF_BLOCKS or kind == "tableRow":
        out.append("\n\n" if kind != "tableRow" else "\n")
    _adf(node.get("content"), out, depth + 1)
    if kind in _ADF_BLOCKS:
        out.append("\n\n")


def adf_to_text(document: Any) -> str:
    """Plain text of an Atlassian Document Format tree (``{"type": "doc", "version": 1, "content": [...]}``)."""
    out: list[str] = []
    _adf(document, out)
    return _tidy("".join(out))


def is_adf(value: Any) -> bool:
    return isinstance(value, dict) and value.get("type") == "doc"


# --- Jira wiki markup ---------------------------------------------------------------------------------------

# Each bracketed construct excludes its own opening bracket from its body, so a long run of "[" or "{"
# without a closing one fails at once at every start instead of rescanning the rest of the line.
_WIKI_RULES: list[tuple[re.Pattern[str], str]] = [
    # {code:java}…{code}, {noformat}, {quote}, {panel:title=…}, {color:red}…{color}: keep what is inside.
    (re.compile(r"\{(?:code|noformat|quote|panel|color|expand)(?::[^{}\n]*)?\}"), "\n"),
    (re.compile(r"!([^!\s|][^!\n]*?)(?:\|[^!\n]*)?!"), ""),  # !screenshot.png|thumbnail!
    (re.compile(r"\[~(?:accountid:)?([^\[\]\n]+)\]"), r"@\1"),  # [~accountid:5b10…] mentions
    (re.compile(r"\[([^|\[\]\n]+)\|([^\]\n]+)\]"), r"\1"),  # [text|https://…]
    (re.compile(r"^h[1-6]\.\s*", re.M), ""),  # h2. Heading
    (re.compile(r"^bq\.\s*", re.M), ""),
    (re.compile(r"^[ \t]*[*#-]+[ \t]+", re.M), "- "),  # * bullet, # numbered, ** nested
    (re.compile(r"\|\|?"), " | "),  # ||header||cells||, |cell|cell|
    (re.compile(r"(?<![\w*])\*(\S(?:[^*\n]*\S)?)\*(?![\w*])"), r"\1"),  # *bold*
    (re.compile(r"(?<![\w_])_(\S(?:[^_\n]*\S)?)_(?![\w_])"), r"\1"),  # _italic_
    (re.compile(r"\{\{([^{}\n]*)\}\}"), r"\1"),  # {{monospace}}
    (re.compile(r"^----\s*$", re.M), ""),
]


def wiki_to_text(markup: str) -> str:
    """Plain text of Jira wiki markup (the format Jira Server/DC stores and REST v2 returns)."""
    for pattern, replacement in _WIKI_RULES:
        markup = pattern.sub(replacement, markup)
    lines = [_TABLE_EDGES.sub("", line) if "|" in line else line for line in markup.split("\n")]
    return _tidy("\n".join(line.strip() for line in lines))


def jira_text(value: Any) -> str | None:
    """A Jira rich-text field (description, comment body) as plain text, whichever format it came in."""
    if is_adf(value):
        return adf_to_text(value) or None
    if isinstance(value, str):
        return wiki_to_text(value) or None
    return None
