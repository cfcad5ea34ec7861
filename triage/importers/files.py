"""Reading export files: JSON (one page, a list, or JSON Lines of pages or tickets) and CSV, with one-line
errors for a file that cannot be read at all (a bad row is the importer's business, not an error here)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from triage.errors import TriageError

# A CSV cell holding a long ticket thread exceeds csv's default 128 KiB limit; this bounds one cell at 16 MiB.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
EXTRA_CELLS = "\x00extra cells"  # no CSV header can be named this


class ExportFileError(TriageError):
    """An export file that cannot be read at all."""


def _text(path: Path) -> str:
    if not path.is_file():
        raise ExportFileError(f"{path}: no such file")
    try:
        return path.read_bytes().decode("utf-8-sig")  # spreadsheets and Windows tools write a byte-order mark
    except UnicodeDecodeError as error:
        raise ExportFileError(
            f"{path}: not UTF-8 text (byte 0x{error.object[error.start]:02x} at {error.start})"
        ) from None


def _parse(raw: str, where: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise ExportFileError(f"{where}: not valid JSON ({error.msg} at line {error.lineno})") from None
    except RecursionError:
        raise ExportFileError(f"{where}: not valid JSON (nested too deeply)") from None


def json_records(path: Path, key: str) -> tuple[list[Any], dict[str, Any]]:
    """The records of a JSON export, and the sideloads beside them (every other list or object of a page,
    merged over pages).

    Accepted shapes: a page ``{key: [...], ...}``, a bare list, or JSON Lines where each line is a page or a
    record (several pages of an incremental export saved one per line)."""
    raw = _text(path)
    stripped = raw.strip()
    if not stripped:
        raise ExportFileError(f"{path}: the file is empty")
    lines = [(n, line) for n, line in enumerate(raw.splitlines(), 1) if line.strip()]
    if path.suffix.lower() == ".jsonl" or (len(lines) > 1 and not _is_json(stripped)):
        values = [_parse(line, f"{path}: line {n}") for n, line in lines]
    else:
        values = [_parse(raw, str(path))]
    records: list[Any] = []
    sideloads: dict[str, Any] = {}
    for value in values:
        if isinstance(value, list):
            records.extend(value)
        elif isinstance(value, dict) and isinstance(value.get(key), list):
            records.extend(value[key])
            for name, sideload in value.items():
                if name != key and isinstance(sideload, list):
                    sideloads.setdefault(name, []).extend(sideload)
                elif isinstance(sideload, dict):  # e.g. Jira's "names": custom field id → name
                    sideloads.setdefault(name, {}).update(sideload)
        elif isinstance(value, dict) and len(values) > 1:
            records.append(value)  # JSON Lines of records
        else:
            raise ExportFileError(f"{path}: expected a list of records or an object with a {key!r} list")
    return records, sideloads


def _is_json(raw: str) -> bool:
    try:
        json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def csv_rows(path: Path) -> list[dict[str, str]]:
    """The data rows of a CSV file as header → text (an empty cell is ""); the header is not a row. A row
    with more cells than the header has columns carries their number under ``EXTRA_CELLS``."""
    raw = _text(path)
    csv.field_size_limit(CSV_FIELD_LIMIT)
    rows = []
    try:
        reader = csv.DictReader(io.StringIO(raw, newline=""))
        for record in reader:
            row = {key.strip(): value or "" for key, value in record.items() if isinstance(key, str)}
            if None in record:
                row[EXTRA_CELLS] = str(len(record[None]))  # type: ignore[index]
            rows.append(row)
    except csv.Error as error:
        raise ExportFileError(f"{path}: not a readable CSV file ({error})") from None
    if not reader.fieldnames:
        raise ExportFileError(f"{path}: the file is empty (no header row)")
    return rows
