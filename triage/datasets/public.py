"""Importers for the public data sets under the shared data folder, read in place at run time.

The data never lives in this repository: :func:`shared_data_dir` finds it (``TRIAGE_SHARED_DATA``, default
``../shared/data`` beside the repository). Each data set becomes :class:`~triage.schema.LabelledTicket` rows
with the id ``<dataset>:<row id>``; the label mappings below are our own decisions (see docs/datasets.md).

Row ids: ``banking77`` ``train-<i>`` / ``test-<i>`` (0-based row in the official file); ``goemotions``
the Reddit comment id; ``airline`` the CrowdFlower ``_unit_id``; ``endava`` and ``itsm`` the 0-based row in
the file; ``cfpb`` the ``Complaint ID``.

Label mappings:

- BANKING77: ``team`` = the intent. Triggers from the intent: ``financial`` for a contested charge or a
  refund (charged twice, unexpected fee charged, wrong amount or exchange rate, refunds, unrecognised
  payments); ``legal`` for possible fraud (compromised card, unrecognised card payment, cash withdrawal or
  direct debit). Pricing questions ("is there a fee?") and ``terminate_account`` (a plain cancel request)
  are routine, and no single-sentence query shows failed troubleshooting, so nothing maps to ``technical``.
- CFPB (narratives only; subject empty, body = narrative): ``financial`` for every complaint about a money
  product, i.e. every product except credit reporting, which disputes data on a report rather than money
  charged or owed; ``legal`` for the issues and sub-issues in ``CFPB_LEGAL_ISSUES`` /
  ``CFPB_LEGAL_SUB_ISSUES`` (legal action taken or threatened, fraud and identity theft, improper use or
  sharing of personal data, false statements). That every complaint went to a regulator is ignored: the
  labels describe the text as if it had arrived as a ticket. Binary target ``monetary relief`` =
  ``Company response to consumer`` is "Closed with monetary relief".
- GoEmotions: a comment's ``frustration`` is the highest level among its emotions: anger or disgust 3,
  annoyance 2, disappointment or disapproval 1, anything else 0. Binary target: level > 0.
- Airline tweets: binary target negative vs rest. ``frustration``: negative with sentiment confidence
  >= 0.7 → 2, other negatives → 1, neutral and positive → 0 (confidence measures rater agreement, not
  intensity, so the data never yields 3).
- Endava: ``team`` = ``Topic_group`` (8 classes); body = ``Document`` (title and body, already merged).
- ITSM: ``team`` = ``Assignment group``, groups with at least 10 tickets; subject = short description,
  body = description.

Splits (:func:`load_split`): official ones for BANKING77 and GoEmotions (train vs test; the GoEmotions dev
file is not used); otherwise ``train_test_split(random_state=0, stratify=target)``: 80/20 for airline,
Endava and ITSM, 75/25 for CFPB monetary relief on the 2023 payday/personal-loan file.

The hand-labelled dev set (:func:`load_dev_set`, docs/labelling.md) keeps only labels in
``data/annotations/dev.csv`` and joins them with the texts here at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from triage.errors import TriageError
from triage.schema import LabelledTicket
from triage.settings import REPOSITORY_ROOT, Settings

DEV_SET_PATH = REPOSITORY_ROOT / "data" / "annotations" / "dev.csv"
SEED = 0


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    folder: str
    licence: str
    # May a model we ship be trained on it? Only permissive licences qualify.
    shippable: bool
    description: str


DATASETS: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo(
            "banking77",
            "banking77",
            "CC-BY-4.0",
            True,
            "Online-banking customer queries, 77 intents (Casanueva et al. 2020), official split",
        ),
        DatasetInfo(
            "goemotions",
            "goemotions",
            "Apache-2.0",
            True,
            "Reddit comments with 27 emotions + neutral (Demszky et al. 2020), official split",
        ),
        DatasetInfo(
            "airline",
            "airline-tweets",
            "CC-BY-NC-SA-4.0",
            False,
            "Tweets to six US airlines with crowd-labelled sentiment (evaluation only)",
        ),
        DatasetInfo(
            "endava",
            "endava-it-tickets",
            "CC0-1.0",
            True,
            "Endava internal IT helpdesk tickets, pre-cleaned text, 8 topic groups",
        ),
        DatasetInfo(
            "itsm",
            "itsm-assignment-groups",
            "none stated",
            False,
            "IT incidents with their assignment group (evaluation only)",
        ),
        DatasetInfo(
            "cfpb",
            "cfpb-complaints",
            "US public government data",
            True,
            "CFPB consumer complaint narratives with product, issue and company response",
        ),
    )
}

# Benchmark split name -> the data set it comes from.
SPLITS: dict[str, str] = {
    "banking77_intent": "banking77",
    "goemotions_frustration": "goemotions",
    "airline_negative": "airline",
    "endava_topic": "endava",
    "itsm_group": "itsm",
    "cfpb_monetary_relief": "cfpb",
}

BANKING77_FINANCIAL_INTENTS = frozenset(
    {
        "request_refund",
        "Refund_not_showing_up",
        "transaction_charged_twice",
        "extra_charge_on_statement",
        "card_payment_fee_charged",
        "cash_withdrawal_charge",
        "transfer_fee_charged",
        "wrong_amount_of_cash_received",
        "card_payment_wrong_exchange_rate",
        "wrong_exchange_rate_for_cash_withdrawal",
        "card_payment_not_recognised",
        "cash_withdrawal_not_recognised",
        "direct_debit_payment_not_recognised",
    }
)
BANKING77_LEGAL_INTENTS = frozenset(
    {
        "compromised_card",
        "card_payment_not_recognised",
        "cash_withdrawal_not_recognised",
        "direct_debit_payment_not_recognised",
    }
)

CFPB_FILES = ("complaints_sample_2015_2020.csv", "complaints_payday_personal_loan_narratives_2023.csv")
CFPB_RELIEF_FILE = CFPB_FILES[1]
CFPB_NON_FINANCIAL_PRODUCT_PREFIX = "Credit reporting"
CFPB_LEGAL_ISSUES = frozenset(
    {
        "Took or threatened to take negative or legal action",
        "Taking/threatening an illegal action",
        "Fraud or scam",
        "Improper use of your report",
        "Threatened to contact someone or share information improperly",
        "Improper contact or sharing of info",
        "Received a loan you didn't apply for",
        "Problem with fraud alerts or security freezes",
        "False statements or representation",
    }
)
# "Information belongs to someone else" is left out: it covers mixed files as often as identity theft.
CFPB_LEGAL_SUB_ISSUES = frozenset(
    {
        "Debt was result of identity theft",
        "Debt resulted from identity theft",
        "Card opened as result of identity theft or fraud",
        "Account opened as a result of fraud",
        "Fraudulent loan",
        "Privacy issues",
        "Sued you without properly notifying you of lawsuit",
    }
)
CFPB_MONETARY_RELIEF = "Closed with monetary relief"

GOEMOTIONS_FRUSTRATION_LEVELS = {
    "anger": 3,
    "disgust": 3,
    "annoyance": 2,
    "disappointment": 1,
    "disapproval": 1,
}
AIRLINE_CONFIDENT = 0.7
ITSM_MIN_GROUP_SIZE = 10

# Dev-set sample per source (see docs/labelling.md): (dataset, file filter, size), drawn from test sides.
DEV_SEED = 20260302
DEV_SAMPLE_SIZES = (
    ("cfpb", CFPB_FILES[0], 40),
    ("cfpb", CFPB_FILES[1], 40),
    ("banking77", None, 70),
    ("airline", None, 60),
    ("endava", None, 45),
    ("itsm", None, 45),
)
DEV_COLUMNS = ("dataset", "row_id", "triggers", "frustration", "escalate")


def shared_data_dir(settings: Settings | None = None) -> Path:
    """The folder holding the public data sets: ``settings.shared_data`` (``TRIAGE_SHARED_DATA``, default
    ``../shared/data``); without settings, read from the environment now."""
    path = (settings or Settings()).shared_data.resolve()
    if not path.is_dir():
        raise TriageError(
            f"shared data folder {path} not found; set TRIAGE_SHARED_DATA to the folder holding banking77/, "
            "goemotions/, cfpb-complaints/, ..."
        )
    return path


def _data_file(dataset: str, filename: str) -> Path:
    path = shared_data_dir() / DATASETS[dataset].folder / filename
    if not path.is_file():
        raise TriageError(f"data file {path} not found; is TRIAGE_SHARED_DATA the complete shared data folder?")
    return path


# Each reader returns one row per ticket: `row_id`, `subject`, `body`, the label columns its benchmark and
# tickets use, and `split` where the data set has an official one.


# Banking queries and consumer-finance complaints are labelled for the triggers their sources speak for
# (``labelled_triggers``); a trigger left out is unknown for that row, not a "no".
MONEY_AND_LAW = ("financial", "legal")


def _read_banking77() -> pd.DataFrame:
    parts = []
    for split in ("train", "test"):
        part = pd.read_csv(_data_file("banking77", f"{split}.csv"), dtype=str, keep_default_na=False)
        part["row_id"] = split + "-" + part.index.astype(str)
        part["split"] = split
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True).rename(columns={"text": "body", "category": "intent"})
    frame["subject"] = ""
    financial = frame["intent"].isin(BANKING77_FINANCIAL_INTENTS)
    legal = frame["intent"].isin(BANKING77_LEGAL_INTENTS)
    frame["triggers"] = _trigger_lists(financial=financial, legal=legal)
    frame["labelled_triggers"] = [list(MONEY_AND_LAW) for _ in range(len(frame))]
    frame["team"] = frame["intent"]
    return frame


def _read_goemotions() -> pd.DataFrame:
    emotions = _data_file("goemotions", "emotions.txt").read_text(encoding="utf-8").split()
    level_of_id = {str(index): GOEMOTIONS_FRUSTRATION_LEVELS.get(name, 0) for index, name in enumerate(emotions)}
    parts = []
    for split in ("train", "dev", "test"):
        # quoting=3 (QUOTE_NONE) keeps the literal quotes inside comments.
        part = pd.read_csv(
            _data_file("goemotions", f"{split}.tsv"),
            sep="\t",
            header=None,
            quoting=3,
            dtype=str,
            names=["body", "emotion_ids", "row_id"],
            keep_default_na=False,
        )
        part["split"] = split
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    frame["subject"] = ""
    levels = frame["emotion_ids"].str.split(",").explode().map(level_of_id)
    frame["frustration"] = levels.groupby(level=0).max().astype(int)
    frame["target"] = (frame["frustration"] > 0).astype(int)
    return frame


def _read_airline() -> pd.DataFrame:
    frame = pd.read_csv(
        _data_file("airline", "Airline-Sentiment-2-w-AA.utf8.csv"),
        usecols=["_unit_id", "airline_sentiment", "airline_sentiment:confidence", "text"],
    )
    negative = frame["airline_sentiment"].eq("negative")
    confident = frame["airline_sentiment:confidence"].ge(AIRLINE_CONFIDENT)
    return pd.DataFrame(
        {
            "row_id": frame["_unit_id"].astype(str),
            "subject": "",
            "body": frame["text"].fillna(""),
            "channel": "social",
            "frustration": np.select([negative & confident, negative], [2, 1], default=0),
            "target": negative.astype(int),
        }
    )


def _read_endava() -> pd.DataFrame:
    frame = pd.read_csv(_data_file("endava", "all_tickets_processed_improved_v3.csv"), dtype=str, keep_default_na=False)
    return pd.DataFrame(
        {
            "row_id": frame.index.astype(str),
            "subject": "",
            "body": frame["Document"],
            "team": frame["Topic_group"],
        }
    )


def _read_itsm() -> pd.DataFrame:
    # The file starts with a UTF-8 byte-order mark.
    frame = pd.read_csv(_data_file("itsm", "input_data.csv"), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return pd.DataFrame(
        {
            "row_id": frame.index.astype(str),
            "subject": frame["Short description"],
            "body": frame["Description"],
            "team": frame["Assignment group"],
        }
    )


def _read_cfpb() -> pd.DataFrame:
    parts = []
    for filename in CFPB_FILES:
        part = pd.read_csv(_data_file("cfpb", filename), dtype=str, keep_default_na=False)
        part["file"] = filename
        parts.append(part[part["Consumer complaint narrative"].str.strip().ne("")])
    frame = pd.concat(parts, ignore_index=True)
    financial = ~frame["Product"].str.startswith(CFPB_NON_FINANCIAL_PRODUCT_PREFIX)
    legal = frame["Issue"].isin(CFPB_LEGAL_ISSUES) | frame["Sub-issue"].isin(CFPB_LEGAL_SUB_ISSUES)
    return pd.DataFrame(
        {
            "row_id": frame["Complaint ID"],
            "subject": "",
            "body": frame["Consumer complaint narrative"],
            "file": frame["file"],
            "triggers": _trigger_lists(financial=financial, legal=legal),
            # The issue field speaks for legal only when it names one: our dev labels call 37 of the 71 CFPB
            # narratives filed under another issue legal (statutes cited, identity theft told in the text).
            "labelled_triggers": [list(MONEY_AND_LAW) if is_legal else ["financial"] for is_legal in legal],
            "target": frame["Company response to consumer"].eq(CFPB_MONETARY_RELIEF).astype(int),
        }
    )


def _trigger_lists(**flags: pd.Series) -> list[list[str]]:
    names = list(flags)
    columns = np.column_stack([flags[name].to_numpy(dtype=bool) for name in names])
    return [[name for name, on in zip(names, row, strict=True) if on] for row in columns]


READERS: dict[str, Callable[[], pd.DataFrame]] = {
    "banking77": _read_banking77,
    "goemotions": _read_goemotions,
    "airline": _read_airline,
    "endava": _read_endava,
    "itsm": _read_itsm,
    "cfpb": _read_cfpb,
}

# Columns copied onto LabelledTicket fields when a reader provides them.
TICKET_FIELDS = ("channel", "triggers", "labelled_triggers", "frustration", "team")


def read_frame(dataset: str) -> pd.DataFrame:
    """The data set as one row per ticket (``row_id``, ``subject``, ``body`` and label columns)."""
    if dataset not in READERS:
        raise TriageError(f"unknown data set {dataset!r}; known: {', '.join(READERS)}")
    frame = READERS[dataset]()
    # A ticket needs some text; the few rows without any cannot be tickets.
    has_text = frame["subject"].str.strip().ne("") | frame["body"].str.strip().ne("")
    return frame[has_text].reset_index(drop=True)


def to_tickets(dataset: str, frame: pd.DataFrame) -> list[LabelledTicket]:
    """Build validated tickets from rows of :func:`read_frame`."""
    fields = [name for name in TICKET_FIELDS if name in frame.columns]
    records = frame[["row_id", "subject", "body", *fields]].to_dict("records")
    tickets = []
    for record in records:
        record["id"] = f"{dataset}:{record.pop('row_id')}"
        tickets.append(LabelledTicket.model_validate(record))
    return tickets


def load_tickets(dataset: str) -> list[LabelledTicket]:
    """Every ticket of a data set, in file order."""
    return to_tickets(dataset, read_frame(dataset))


@dataclass
class DatasetSplit:
    """A benchmark split: tickets plus the target arrays (intent or group names, or 0/1)."""

    name: str
    train: list[LabelledTicket]
    test: list[LabelledTicket]
    y_train: np.ndarray
    y_test: np.ndarray
    task: str  # "multiclass" or "binary"
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _SplitSpec:
    dataset: str
    target: str
    task: str
    test_size: float | None  # None: the data set's official split
    rows: Callable[[pd.DataFrame], pd.Series] | None = None  # which rows take part


def _itsm_large_groups(frame: pd.DataFrame) -> pd.Series:
    sizes = frame["team"].map(frame["team"].value_counts())
    return sizes >= ITSM_MIN_GROUP_SIZE


SPLIT_SPECS: dict[str, _SplitSpec] = {
    "banking77_intent": _SplitSpec("banking77", "intent", "multiclass", None),
    "goemotions_frustration": _SplitSpec("goemotions", "target", "binary", None),
    "airline_negative": _SplitSpec("airline", "target", "binary", 0.2),
    "endava_topic": _SplitSpec("endava", "team", "multiclass", 0.2),
    "itsm_group": _SplitSpec("itsm", "team", "multiclass", 0.2, rows=_itsm_large_groups),
    "cfpb_monetary_relief": _SplitSpec(
        "cfpb", "target", "binary", 0.25, rows=lambda frame: frame["file"].eq(CFPB_RELIEF_FILE)
    ),
}


def _split_frames(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    if name not in SPLIT_SPECS:
        raise TriageError(f"unknown split {name!r}; known: {', '.join(SPLIT_SPECS)}")
    spec = SPLIT_SPECS[name]
    frame = read_frame(spec.dataset)
    if spec.rows is not None:
        frame = frame[spec.rows(frame)].reset_index(drop=True)
    if spec.test_size is None:
        return frame[frame["split"].eq("train")], frame[frame["split"].eq("test")]
    train_index, test_index = train_test_split(
        np.arange(len(frame)), test_size=spec.test_size, random_state=SEED, stratify=frame[spec.target]
    )
    return frame.iloc[train_index], frame.iloc[test_index]


def load_split(name: str) -> DatasetSplit:
    """A benchmark split by name (see ``SPLITS``); exactly reproducible."""
    train, test = _split_frames(name)
    spec = SPLIT_SPECS[name]
    classes = tuple(sorted(train[spec.target].astype(str).unique())) if spec.task == "multiclass" else ()
    return DatasetSplit(
        name=name,
        train=to_tickets(spec.dataset, train),
        test=to_tickets(spec.dataset, test),
        y_train=train[spec.target].to_numpy(),
        y_test=test[spec.target].to_numpy(),
        task=spec.task,
        classes=classes,
    )


def load_texts(keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], LabelledTicket]:
    """Tickets by ``(dataset, row_id)``, reading each data set once; an unknown key is an error."""
    wanted: dict[str, set[str]] = {}
    for dataset, row_id in keys:
        wanted.setdefault(dataset, set()).add(str(row_id))
    found: dict[tuple[str, str], LabelledTicket] = {}
    for dataset, row_ids in wanted.items():
        frame = read_frame(dataset)
        rows = frame[frame["row_id"].isin(row_ids)]
        missing = row_ids - set(rows["row_id"])
        if missing:
            raise TriageError(f"{dataset}: no rows with id {', '.join(sorted(missing)[:5])}")
        for row_id, ticket in zip(rows["row_id"], to_tickets(dataset, rows), strict=True):
            found[(dataset, row_id)] = ticket
    return found


def dev_sample_keys(seed: int = DEV_SEED) -> list[tuple[str, str]]:
    """The ``(dataset, row_id)`` sample the dev set was labelled on: random rows from each split's test side.

    CFPB draws from both files' narratives: the 2023 file's rows from the monetary-relief test side, the
    2015-2020 file (in no split) from all its narratives.
    """
    test_sides = {
        "cfpb": _split_frames("cfpb_monetary_relief")[1],
        "banking77": _split_frames("banking77_intent")[1],
        "airline": _split_frames("airline_negative")[1],
        "endava": _split_frames("endava_topic")[1],
        "itsm": _split_frames("itsm_group")[1],
    }
    cfpb = read_frame("cfpb")
    pools = {
        (dataset, file): (cfpb[cfpb["file"].eq(file)] if file == CFPB_FILES[0] else test_sides[dataset])
        for dataset, file, _ in DEV_SAMPLE_SIZES
    }
    rng = np.random.default_rng(seed)
    keys: list[tuple[str, str]] = []
    for dataset, file, size in DEV_SAMPLE_SIZES:
        row_ids = pools[(dataset, file)]["row_id"].to_numpy()
        keys.extend((dataset, str(row_id)) for row_id in rng.choice(row_ids, size=size, replace=False))
    return keys


def read_dev_labels(path: Path = DEV_SET_PATH) -> pd.DataFrame:
    """The hand labels (no text) as a frame with the columns of ``DEV_COLUMNS``."""
    if not path.is_file():
        raise TriageError(f"dev-set labels {path} not found")
    labels = pd.read_csv(path, dtype={"dataset": str, "row_id": str, "triggers": str}, keep_default_na=False)
    if tuple(labels.columns) != DEV_COLUMNS:
        raise TriageError(f"{path}: expected columns {','.join(DEV_COLUMNS)}, found {','.join(labels.columns)}")
    return labels


def load_dev_set(path: Path = DEV_SET_PATH) -> list[LabelledTicket]:
    """The hand-labelled dev set: our labels joined with the texts from the shared data, in file order."""
    labels = read_dev_labels(path)
    keys = list(zip(labels["dataset"], labels["row_id"], strict=True))
    tickets = load_texts(keys)
    dev_set = []
    for key, row in zip(keys, labels.to_dict("records"), strict=True):
        update: dict[str, Any] = {
            "triggers": [name for name in row["triggers"].split(";") if name],
            "labelled_triggers": None,  # we label all three
            "frustration": int(row["frustration"]),
            "escalated": bool(int(row["escalate"])),
            "team": None,
        }
        dev_set.append(LabelledTicket.model_validate({**tickets[key].model_dump(), **update}))
    return dev_set


# The public sets the shipped default model learns from (permissive licences only), each with the benchmark
# split whose test side it leaves out and the labels it contributes (partial labels: a row says nothing of
# the heads its source cannot speak for). Teams are left out: every organisation names its own. Endava is
# left out too: no topic group stands for "something is broken" (our dev labels call 3 of 12 Hardware and
# 3 of 11 HR Support tickets technical, 1 of 9 Access), so a topic-to-technical mapping would teach noise.
@dataclass(frozen=True)
class TrainingSource:
    split: str
    labels: tuple[str, ...]  # LabelledTicket label fields kept: "triggers" (with labelled_triggers), "frustration"
    described: str  # what the labels say, for the model card


DEFAULT_TRAINING_SOURCES: dict[str, TrainingSource] = {
    "banking77": TrainingSource("banking77_intent", ("triggers",), "financial and legal, from the intent"),
    "cfpb": TrainingSource("cfpb_monetary_relief", ("triggers",), "financial; legal where the issue names it"),
    "goemotions": TrainingSource("goemotions_frustration", ("frustration",), "frustration 0-3, from the emotions"),
}
DEFAULT_TRAINING_CAP = 8000  # rows per data set, so that no single source outweighs the demo history
LABEL_FIELDS = ("triggers", "labelled_triggers", "escalated", "frustration", "tier", "team")


@dataclass
class PublicTrainingData:
    """The real rows for the default model, and which data sets could not be read (name -> reason)."""

    tickets: list[LabelledTicket]
    rows: dict[str, int]
    absent: dict[str, str]


def _training_rows(dataset: str, source: TrainingSource, dev_keys: set[tuple[str, str]]) -> pd.DataFrame:
    """A data set's rows outside its benchmark's test side and outside the dev set."""
    frame = read_frame(dataset)
    test_ids = set(_split_frames(source.split)[1]["row_id"])
    in_dev = np.array([(dataset, row_id) in dev_keys for row_id in frame["row_id"]], dtype=bool)
    return frame[~(frame["row_id"].isin(test_ids).to_numpy() | in_dev)]


def public_training_data(cap: int = DEFAULT_TRAINING_CAP, seed: int = SEED) -> PublicTrainingData:
    """Real, permissively licensed tickets for the default model from ``DEFAULT_TRAINING_SOURCES``: every row
    outside the benchmark test sides and the hand-labelled dev set, at most ``cap`` per data set (a seeded
    sample), keeping only the labels each source speaks for. A data set that cannot be read is reported in
    ``absent``; a missing shared data folder is an error."""
    shared_data_dir()
    dev = read_dev_labels()
    dev_keys = set(zip(dev["dataset"], dev["row_id"], strict=True))
    rng = np.random.default_rng(seed)
    tickets: list[LabelledTicket] = []
    rows: dict[str, int] = {}
    absent: dict[str, str] = {}
    for dataset, source in DEFAULT_TRAINING_SOURCES.items():
        assert DATASETS[dataset].shippable, dataset
        try:
            frame = _training_rows(dataset, source, dev_keys)
        except TriageError as error:
            absent[dataset] = str(error)
            continue
        if len(frame) > cap:
            frame = frame.iloc[np.sort(rng.choice(len(frame), size=cap, replace=False))]
        kept = set(source.labels) | ({"labelled_triggers"} if "triggers" in source.labels else set())
        cleared = dict.fromkeys(set(LABEL_FIELDS) - kept)
        tickets += [ticket.model_copy(update=cleared) for ticket in to_tickets(dataset, frame)]
        rows[dataset] = len(frame)
    return PublicTrainingData(tickets, rows, absent)


def shippable_training_tickets(cap: int = DEFAULT_TRAINING_CAP, seed: int = SEED) -> list[LabelledTicket]:
    """The tickets of :func:`public_training_data`; a data set that cannot be read is an error."""
    data = public_training_data(cap, seed)
    if data.absent:
        raise TriageError("; ".join(data.absent.values()))
    return data.tickets
