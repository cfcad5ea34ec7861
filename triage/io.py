"""Read and write tickets as .jsonl, .csv or .parquet, validating every row.

A bad row stops the read with one line naming the file, the row and the field. CSV and parquet use one
flat column per field (``customer_plan``, ``customer_annual_contract_value``, ...); lists and the history
are JSON text in CSV and native lists in parquet. :func:`to_frame` is the pandas view the pipelines use.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from pydantic import BaseModel, ValidationError

from triage.errors import TicketFileError
from triage.schema import LabelledTicket, Ticket

SUFFIXES = (".jsonl", ".csv", ".parquet")
CUSTOMER_FIELDS = ("id", "name", "company", "plan", "annual_contract_value", "strategic")
# Columns holding lists: JSON text in CSV files.
LIST_COLUMNS = ("history", "tags", "triggers", "labelled_triggers")
CSV_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}

T = TypeVar("T", bound=BaseModel)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TicketFileError(f"{path}: unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}")
    return suffix


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a pydantic error as 'field ...: message'."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = first["msg"]
    return f"field {field!r}: {message}" if field else message


def _validate(record: dict[str, Any], model: type[T], where: str) -> T:
    try:
        return model.model_validate(record)
    except ValidationError as error:
        raise TicketFileError(f"{where}: {describe_validation_error(error)}") from None


def _unflatten(row: dict[str, Any]) -> dict[str, Any]:
    """A flat CSV/parquet row (customer_plan, ...) back into the nested contract shape."""
    record: dict[str, Any] = {}
    customer: dict[str, Any] = {}
    for key, value in row.items():
        if value is None:
            continue
        if key.startswith("customer_") and key[len("customer_") :] in CUSTOMER_FIELDS:
            customer[key[len("customer_") :]] = value
        else:
            record[key] = value
    if customer:
        record["customer"] = customer
    return record


def _clean_scalar(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy arrays and scalars from parquet
        value = value.tolist()
    if isinstance(value, list):
        return [_clean_scalar(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean_scalar(item) for key, item in value.items()}
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def _json(text: str, where: str) -> Any:
    """Parsed JSON text, or a one-line TicketFileError (a line nested thousands deep exhausts the parser's
    recursion limit: RecursionError, not JSONDecodeError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise TicketFileError(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise TicketFileError(f"{where}: not valid JSON (nested too deeply)") from None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 text file; invalid UTF-8 is a one-line TicketFileError naming the line."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise TicketFileError(
                    f"{path}: line {number}: not UTF-8 text (byte 0x{raw[error.start]:02x} at column {error.start + 1})"
                ) from None


def _rows_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in _lines(path):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        record = _json(line, where)
        if not isinstance(record, dict):
            raise TicketFileError(f"{where}: expected a JSON object, got {type(record).__name__}")
        yield where, record


def _rows_csv(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise TicketFileError(f"{path}: not a readable CSV file ({str(error).strip().splitlines()[0]})") from None
    for number, row in enumerate(frame.to_dict(orient="records"), start=1):
        where = f"{path}: row {number}"
        flat: dict[str, Any] = {}
        for key, value in row.items():
            if value == "":
                continue
            if key in LIST_COLUMNS:
                try:
                    value = json.loads(value)
                except (json.JSONDecodeError, RecursionError):
                    if key == "history":
                        raise TicketFileError(f"{where}: field 'history': not a JSON list") from None
                    value = [item.strip() for item in value.split(",") if item.strip()]
            elif key == "customer_strategic":
                # CSV has no booleans: true/false (any case, as spreadsheets and pandas write them) or 1/0.
                value = CSV_BOOLEANS.get(value.strip().lower(), value)
            flat[key] = value
        yield where, _unflatten(flat)


def _rows_parquet(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        frame = pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several unrelated types for a corrupt file
        raise TicketFileError(f"{path}: not a readable parquet file ({type(error).__name__})") from None
    for number, row in enumerate(frame.to_dict(orient="records"), start=1):
        yield f"{path}: row {number}", _unflatten({key: _clean_scalar(value) for key, value in row.items()})


_READERS = {".jsonl": _rows_jsonl, ".csv": _rows_csv, ".parquet": _rows_parquet}


def iter_records(path: str | Path, model: type[T]) -> Iterator[T]:
    """Validated records from a file, in file order; raises TicketFileError on the first bad row."""
    path = Path(path)
    suffix = _suffix(path)
    if not path.is_file():
        raise TicketFileError(f"{path}: no such file")
    for where, record in _READERS[suffix](path):
        yield _validate(record, model, where)


def read_tickets(path: str | Path) -> list[Ticket]:
    return list(iter_records(path, Ticket))


def read_labelled(path: str | Path) -> list[LabelledTicket]:
    return list(iter_records(path, LabelledTicket))


def _dump(record: BaseModel) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude_none=True)


def _flatten(record: BaseModel) -> dict[str, Any]:
    data = record.model_dump(mode="json")
    customer = data.pop("customer", None) or {}
    for field in CUSTOMER_FIELDS:
        data[f"customer_{field}"] = customer.get(field)
    return data


def write_records(records: Iterable[BaseModel], path: str | Path) -> Path:
    """Write records in the format named by the file's extension; creates parent folders."""
    path = Path(path)
    suffix = _suffix(path)
    try:
        return _write(records, path, suffix)
    except OSError as error:  # a directory, a path under a regular file, no permission, a full disk
        raise TicketFileError(f"{path}: cannot write ({error.strerror or error})") from None


def _write(records: Iterable[BaseModel], path: Path, suffix: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(_dump(record), ensure_ascii=False, sort_keys=False) + "\n")
        return path
    frame = pd.DataFrame([_flatten(record) for record in records])
    if frame.empty:  # still a readable file: the header of the contract's flat columns
        frame = pd.DataFrame(
            columns=[field for field in Ticket.model_fields if field != "customer"]
            + [f"customer_{field}" for field in CUSTOMER_FIELDS]
        )
    if suffix == ".csv":
        for column in LIST_COLUMNS:
            if column in frame:
                frame[column] = frame[column].map(lambda v: "" if v is None else json.dumps(v, ensure_ascii=False))
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    return path


def to_frame(tickets: Sequence[Ticket]) -> pd.DataFrame:
    """The pandas view of tickets for the pipelines: one column per field, history kept as a list of dicts.

    Label columns appear when the tickets are LabelledTicket. Missing values are None/NaN.
    """
    rows = []
    for ticket in tickets:
        row = ticket.model_dump(mode="python")
        customer = row.pop("customer", None) or {}
        for field in CUSTOMER_FIELDS:
            row[f"customer_{field}"] = customer.get(field)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(columns=list(Ticket.model_fields) + [f"customer_{f}" for f in CUSTOMER_FIELDS])
    frame["customer_annual_contract_value"] = pd.to_numeric(frame["customer_annual_contract_value"])
    return frame
