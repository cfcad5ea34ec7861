"""Write a benchmark's table into README.md between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``, so the
README shows what the last run measured and nothing typed by hand."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def replace_section(name: str, text: str, readme: Path = README) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    content = readme.read_text()
    if start not in content or end not in content:
        raise SystemExit(f"{readme}: markers {start} / {end} not found")
    before, rest = content.split(start, 1)
    _, after = rest.split(end, 1)
    readme.write_text(f"{before}{start}\n{text.strip()}\n{end}{after}")
