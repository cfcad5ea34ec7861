"""Train every head the data has labels for, calibrate them, fit the policy's thresholds.

The data is split once, by seed: ``fit`` rows train the feature pipeline and the linear heads,
``calibration`` rows fit each head's probability calibration and the policy's thresholds, and ``test``
rows are never seen: the training job (triage.jobs) evaluates the model on them for the model card. A
head with too few labelled rows is left out and answered by the criteria-only fallback (see
triage.model.scorer).

Supplementary real rows (``public``: the permissively licensed public data sets, labelled for some heads
only) join the fit and calibration rows, never the test rows. The policy's thresholds and the frustration
head's share are chosen on held-out *real* rows where a head has them: a synthetic history (rows carrying
the demo generator's own ``true_escalation_probability``) is nearly separable, so thresholds chosen on it
sit at the floor and a share chosen on it favours a head that does not carry to customers' writing.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import spearmanr
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import f1_score, log_loss
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from triage.datasets.handwritten import is_handwritten
from triage.errors import TriageError
from triage.io import to_frame
from triage.model.features import build_features, fit_transform_in_chunks, transform_in_chunks
from triage.model.scorer import TriageModel
from triage.model.stacking import (
    CONTEXT_HEADS,
    TEXT_HEADS,
    calibration_slope,
    evidence,
    head_evidence,
    linear_models,
    meta_features,
)
from triage.policy.calibration import HISTORY_COLUMNS, Calibration, calibrate
from triage.policy.config import EscalationConfig
from triage.schema import TRIGGERS, LabelledTicket
from triage.text.language import LANGUAGES_KEY, trained_languages

MIN_ROWS_PER_HEAD = 30
MIN_ROWS_PER_CLASS = 3  # the cross-validated calibration fallback splits each class three ways
MIN_ROWS_TO_STRATIFY = 10
FRUSTRATION_SHARES = tuple(np.round(np.linspace(0.0, 1.0, 11), 2))
MAX_SHARE_TUNING_ROWS = 3000  # choosing the share scores these rows once more; more adds time, not precision
TOPIC_BLIND_BLOCKS = ("cues", "history_cues")  # feature blocks the trigger heads do not learn from
TOPIC_HEADS = (*TRIGGERS, "team_text")  # heads that read what a ticket is about, not how its writer feels
# Heads trained on another head's labels, named after that head in messages about the labels.
DERIVED_HEADS = {"escalation_text": "escalation", "team_text": "team"}
IMBALANCE_RATIO = 10  # largest class over smallest, above which a multi-class head weights classes
REPORTED_TEAM_LABELS = 10  # team labels the configuration does not name: the most common, each with examples
EXAMPLES_PER_LABEL = 3


class LabelWarning(UserWarning):
    """Labels in the training data that training did not learn from, and why (`triage train` prints them)."""


@dataclass(frozen=True)
class TrainSettings:
    seed: int = 0
    test_size: float = 0.15
    calibration_size: float = 0.15
    alpha: float = 1e-5  # SGD L2 strength of multi-class heads, and the first candidate of large binary ones
    alpha_grid: tuple[float, ...] = (1e-5, 3e-5, 1e-4)  # large binary heads pick theirs on the calibration rows
    # Binary heads with fewer labelled fit rows than this train an exact logistic regression (liblinear) with
    # C picked on the calibration rows: on CFPB's 1,800 narratives with 5% positives, SGD's 15 epochs stop
    # short of the optimum (ROC-AUC 0.816 at its best alpha; the exact fit 0.846).
    small_data_rows: int = 5000
    c_grid: tuple[float, ...] = (1.0, 0.3, 3.0)  # the first answers when the calibration rows cannot rank
    epochs: int = 15
    # The learned frustration head's share of the frustration score, the rest being the lexicon scorer
    # (triage.text.frustration). None: chosen at training time on held-out real rows with frustration labels
    # (the grid's best Spearman), and 0 when only synthetic rows have them: a head learned from the demo
    # history alone transfers poorly to real customers' writing (our dev set: Spearman 0.50 for the lexicon
    # alone, 0.39 at a 0.1 share, 0.09 for the head alone), and synthetic held-out rows cannot show it.
    frustration_learned_share: float | None = None
    public_tuning_size: float = 0.2  # share of the supplementary real rows held out to choose thresholds
    # A head whose labels all carry one value (every ticket escalated, say) stops training with an error that
    # names it; with this set, training goes on without that head and the rules answer for it.
    skip_single_valued_heads: bool = False


@dataclass
class TrainingResult:
    """The fitted model and how the rows were shared out (indices into the training tickets): the job
    evaluates the model on ``split["test"]``, rows it never saw."""

    model: TriageModel
    split: dict[str, np.ndarray]
    skipped_heads: dict[str, str]
    # What chose each threshold and the frustration share: head -> a sentence for the model card.
    tuned_on: dict[str, str]
    # Team labels the team head did not learn (routed_team_labels; rare_team_labels under "too_few_rows").
    team_labels_not_learned: dict[str, Any] = field(default_factory=dict)


def label_columns(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Each head's labels as a Series with NaN where the row has no label for it."""
    labels: dict[str, pd.Series] = {}
    if "triggers" in frame:
        labelled_for = (
            frame["labelled_triggers"] if "labelled_triggers" in frame else pd.Series(None, index=frame.index)
        )
        for name in TRIGGERS:
            labels[name] = pd.Series(
                [
                    float(name in value)
                    if isinstance(value, list) and (not isinstance(known, list) or name in known)
                    else np.nan
                    for value, known in zip(frame["triggers"], labelled_for, strict=True)
                ],
                index=frame.index,
            )
    if "escalated" in frame:
        labels["escalation"] = frame["escalated"].map(lambda v: np.nan if v is None else float(bool(v)))
    if "frustration" in frame:
        labels["frustration"] = pd.to_numeric(frame["frustration"])
    if "team" in frame:
        labels["team"] = frame["team"].map(lambda v: v if isinstance(v, str) and v else np.nan)
    return labels


def data_hash(tickets: Sequence[LabelledTicket]) -> str:
    digest = hashlib.sha256()
    for ticket in tickets:
        digest.update(ticket.model_dump_json().encode())
    return digest.hexdigest()


def _linear(settings: TrainSettings, alpha: float | None = None, imbalanced: bool = False) -> SGDClassifier:
    return SGDClassifier(
        loss="log_loss",
        alpha=settings.alpha if alpha is None else alpha,
        max_iter=settings.epochs,
        tol=None,
        random_state=settings.seed,
        # Many classes of very different sizes (routing groups): balanced weights keep the small ones
        # (macro-F1 0.39 -> 0.50 on ITSM groups); the sigmoid calibration then restores the probabilities.
        class_weight="balanced" if imbalanced else None,
        n_jobs=-1,  # one-vs-rest classes train in parallel
    )


def _calibration_method(classes: np.ndarray) -> str:
    # Temperature scaling keeps a multi-class head's ranking of classes (one-vs-rest sigmoids can reorder
    # them: 0.3 points of accuracy on BANKING77); a binary head gets Platt's sigmoid.
    return "temperature" if len(classes) > 2 else "sigmoid"


def share_fitted_model(calibrated: CalibratedClassifierCV) -> None:
    """Point the calibrated head's ``estimator`` parameter at the fitted model it wraps: scikit-learn keeps
    a copy of the frozen model there, which would double the artefact."""
    calibrated.estimator = calibrated.calibrated_classifiers_[0].estimator


def _calibrate_frozen(model, X_cal, y_cal) -> CalibratedClassifierCV | None:
    """Calibration of a fitted model on held-out rows, or None when those rows cannot support one: a class
    the model does not know, a binary class missing, or a fitted slope that would invert the model's ranking
    (few positives).

    A multi-class model's temperature is one number, which rows of some classes fit as well as rows of all:
    the held-out rows of a helpdesk with many small queues miss some (ITSM's 49 groups: 1,010 rows, 46
    groups). scikit-learn wants every class among the labels, so each missing one gets a placeholder row of
    weight 0, which the calibration does not count. Refusing instead sent such heads to the cross-validated
    fallback, whose models train on these rows too: their evidence there was in-sample, three models large."""
    classes, present = set(model.classes_), set(np.unique(y_cal))
    binary_class_missing = len(classes) == 2 and present != classes
    if not present <= classes or len(present) < 2 or binary_class_missing:
        return None
    missing = sorted(classes - present)
    fit_params = {}
    if missing:
        placeholders = X_cal[np.zeros(len(missing), dtype=int)]
        X_cal = (
            sparse.vstack([X_cal, placeholders], format="csr")
            if sparse.issparse(X_cal)
            else np.vstack([X_cal, placeholders])
        )
        y_cal = np.concatenate([y_cal, np.asarray(missing, dtype=np.asarray(y_cal).dtype)])
        fit_params["sample_weight"] = np.concatenate([np.ones(len(y_cal) - len(missing)), np.zeros(len(missing))])
    everything = np.arange(len(y_cal))
    # One split holding every row: the model is frozen, so "cross-validation" is just its predictions.
    calibrated = CalibratedClassifierCV(
        FrozenEstimator(model), method=_calibration_method(model.classes_), cv=[(everything, everything)]
    )
    with warnings.catch_warnings():
        # The weights are meant for the calibration alone: the frozen model is not fitted again.
        warnings.filterwarnings("ignore", message="Since FrozenEstimator does not appear to accept sample_weight")
        calibrated.fit(X_cal, y_cal, **fit_params)
    share_fitted_model(calibrated)
    increasing = all(calibration_slope(c) > 0 for c in calibrated.calibrated_classifiers_[0].calibrators)
    return calibrated if increasing else None


def _exact_linear(C: float, settings: TrainSettings) -> LogisticRegression:
    # liblinear: five times faster than L-BFGS on 600k hashed columns. It penalises the intercept like a
    # weight; a large intercept scaling makes that penalty negligible (CFPB relief ROC-AUC 0.839 -> 0.846).
    return LogisticRegression(C=C, solver="liblinear", intercept_scaling=100, max_iter=1000, random_state=settings.seed)


def _select(candidates: list[Callable[[], Any]], X_fit, y_fit, X_cal, y_cal) -> tuple[Callable[[], Any], Any]:
    """The candidate with the lowest log-loss on the calibration rows (the first when those rows lack a
    class), and its model fitted on the fit rows."""
    if len(candidates) == 1 or set(y_cal) != set(y_fit):
        return candidates[0], candidates[0]().fit(X_fit, y_fit)
    fitted = [make().fit(X_fit, y_fit) for make in candidates]
    losses = [log_loss(y_cal, model.predict_proba(X_cal), labels=model.classes_) for model in fitted]
    best = int(np.argmin(losses))
    return candidates[best], fitted[best]


def fit_features(frame: pd.DataFrame, fit_rows: np.ndarray) -> tuple[Pipeline, sparse.csr_matrix]:
    """The default feature pipeline fitted on ``fit_rows``, and every row's features in frame order.

    Each row goes through the pipeline once: ``fit`` then ``transform(frame)`` would extract the fit rows'
    features twice (the n-grams and the spaCy signals are most of the training time on large data sets).
    """
    features = build_features()
    fitted = fit_transform_in_chunks(features, frame.iloc[fit_rows])
    others = np.setdiff1d(np.arange(len(frame)), fit_rows)
    if not len(others):
        return features, sparse.csr_matrix(fitted)[np.argsort(fit_rows)]
    stacked = sparse.vstack([fitted, transform_in_chunks(features, frame.iloc[others])], format="csr")
    del fitted  # its rows are in ``stacked``: one matrix less while the rows are put in frame order
    order = np.empty(len(frame), dtype=np.int64)
    order[np.concatenate([fit_rows, others])] = np.arange(len(frame))
    return features, stacked[order]


def topic_inputs(X: sparse.csr_matrix, columns: ColumnTransformer) -> sparse.csr_matrix:
    """What the trigger heads learn from: X with the frustration cue columns zeroed. A trigger is what the
    ticket is about, not how its writer feels, so their weights there stay zero and prediction needs no
    per-head view. (On the demo history, angry wording is commoner in technical tickets; learning that made
    long, negative bank complaints read as technical.)"""
    blind = np.zeros(X.shape[1], dtype=bool)
    for block in TOPIC_BLIND_BLOCKS:
        span = columns.output_indices_[block]
        blind[span.start : span.stop] = True
    # Only the values are copied: the view shares X's column indices and row pointers (a third of the matrix,
    # which this copy doubled on large histories), and a stored zero trains as a missing entry does.
    return sparse.csr_matrix((np.where(blind[X.indices], 0.0, X.data), X.indices, X.indptr), shape=X.shape)


def fit_head(X_fit, y_fit, X_cal, y_cal, settings: TrainSettings) -> CalibratedClassifierCV:
    classes, counts = np.unique(y_fit, return_counts=True)
    multiclass = len(classes) > 2
    imbalanced = multiclass and counts.max() > IMBALANCE_RATIO * counts.min()
    candidates: list[Callable[[], Any]]
    if multiclass:
        # Multi-class heads keep the default: a grid costs them three fits for no gain measured on BANKING77.
        candidates = [partial(_linear, settings, settings.alpha, imbalanced)]
    elif len(y_fit) < settings.small_data_rows:
        candidates = [partial(_exact_linear, C, settings) for C in settings.c_grid]
    else:
        # settings.alpha first: the answer when the calibration rows cannot rank the grid.
        grid = dict.fromkeys((settings.alpha, *settings.alpha_grid))
        candidates = [partial(_linear, settings, alpha, False) for alpha in grid]
    make, linear = _select(candidates, X_fit, y_fit, X_cal, y_cal)
    calibrated = _calibrate_frozen(linear, X_cal, y_cal)
    if calibrated is not None:
        return calibrated
    # The calibration rows cannot carry it: cross-validated calibration over all labelled rows instead.
    return CalibratedClassifierCV(make(), method=_calibration_method(classes), cv=3).fit(
        sparse.vstack([X_fit, X_cal]).tocsr(), np.concatenate([y_fit, y_cal])
    )


def calibrated_over_folds(head: CalibratedClassifierCV) -> bool:
    """Whether a head is ``fit_head``'s fallback: models calibrated by cross-validation over the fit *and* the
    calibration rows, which therefore learned from both."""
    folds = head.calibrated_classifiers_
    return len(folds) != 1 or not isinstance(folds[0].estimator, FrozenEstimator)


def refit_linear_model(head: CalibratedClassifierCV, X, y) -> None:
    """Refit a calibrated head's linear model on more rows, keeping its calibrator.

    The calibration rows fit the sigmoid; once it is fitted they are worth more as training rows (a point
    of accuracy on BANKING77). Same hyper-parameters and slightly more data leave the decision values'
    scale unchanged in practice; the test-split ECE in the model card checks it. Heads calibrated by
    cross-validation (an ensemble of folds) are left as they are.
    """
    if calibrated_over_folds(head):
        return
    folds = head.calibrated_classifiers_
    linear = clone(folds[0].estimator.estimator).fit(X, y)
    folds[0].estimator = FrozenEstimator(linear)
    share_fitted_model(head)


def context_inputs(name: str, meta: np.ndarray, meta_columns: list[str]) -> np.ndarray:
    """The second stage's training input for one context head.

    The escalation head does not read the team text head's evidence: that head learns from tickets that went
    up only, so its evidence is out-of-fold on those fit rows and from the final model on the others, a
    difference the escalation head would learn to read as the label. Those columns are zero in its training
    rows, so their weights stay zero and serving needs no view per head (as ``topic_inputs``).
    """
    blind = [i for i, column in enumerate(meta_columns) if column.startswith("text:team_text")]
    if name != "escalation" or not blind:
        return meta
    inputs = meta.copy()
    inputs[:, blind] = 0.0
    return inputs


def _second_stage(y_fit: np.ndarray) -> Pipeline:
    """An unfitted second stage for these labels: a logistic regression over the standardised meta features."""
    classes, counts = np.unique(y_fit, return_counts=True)
    # Routing groups of very different sizes: balanced weights keep the small ones, as in the text heads.
    balanced = "balanced" if len(classes) > 2 and counts.max() > IMBALANCE_RATIO * counts.min() else None
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, class_weight=balanced))


def fit_context_head(meta_fit, y_fit, meta_cal, y_cal, settings: TrainSettings) -> CalibratedClassifierCV:
    calibrated = _calibrate_frozen(_second_stage(y_fit).fit(meta_fit, y_fit), meta_cal, y_cal)
    if calibrated is not None:
        return calibrated
    return CalibratedClassifierCV(_second_stage(y_fit), method=_calibration_method(np.unique(y_fit)), cv=3).fit(
        np.vstack([meta_fit, meta_cal]), np.concatenate([y_fit, y_cal])
    )


def text_only_team_stage(meta_fit: np.ndarray, y_fit: np.ndarray, meta_columns: list[str]) -> Pipeline:
    """A second stage whose decision value for each team is the text team head's evidence for it, unchanged:
    the same pipeline as a learned one (standardiser, logistic regression), with weights set, not fitted.

    The learned second stage decodes evidence it saw out-of-fold, from models trained on two thirds of the fit
    rows; on many queues that decoding costs accuracy (BANKING77 as 77 queues: 0.907 against 0.916 for the
    text head alone, on held-out rows of the training file). ``fit_team_head`` chooses between the two.
    """
    classes = np.unique(y_fit)
    scaler = StandardScaler().fit(meta_fit)
    evidence_columns = [meta_columns.index(f"text:team_text:{team}") for team in classes]
    linear = LogisticRegression()
    # coef * (x - mean) / scale + intercept = x on the team's own evidence column, 0 elsewhere.
    linear.coef_ = np.zeros((len(classes), meta_fit.shape[1]))
    linear.coef_[np.arange(len(classes)), evidence_columns] = scaler.scale_[evidence_columns]
    linear.intercept_ = scaler.mean_[evidence_columns].astype(float)
    linear.classes_ = classes
    linear.n_features_in_ = meta_fit.shape[1]
    return make_pipeline(scaler, linear)


def fit_team_head(
    meta_fit, y_fit, meta_cal, y_cal, meta_columns: list[str], settings: TrainSettings
) -> tuple[CalibratedClassifierCV, str]:
    """The team head, and a sentence saying which form it took: the learned second stage, or, when it routes
    the calibration rows worse (macro-F1) than the text team head's evidence alone, that evidence passed
    through (``text_only_team_stage``). Context that helps on held-out rows keeps the learned stage.

    Both forms are judged on calibration rows they did not learn from: a second stage calibrated over folds
    of the fit and calibration rows (``fit_context_head``'s fallback) is judged by its like fitted on the fit
    rows alone (a calibration never changes which team ranks first). The text-only form learns nothing but a
    temperature; when the calibration rows cannot fit one, the fit rows do (their evidence is out-of-fold)."""
    stacked = fit_context_head(meta_fit, y_fit, meta_cal, y_cal, settings)
    if not all(f"text:team_text:{team}" in meta_columns for team in np.unique(y_fit)):
        return stacked, "second stage over the evidence and the context"
    passed_through = text_only_team_stage(meta_fit, y_fit, meta_columns)
    text_only = _calibrate_frozen(passed_through, meta_cal, y_cal) or _calibrate_frozen(passed_through, meta_fit, y_fit)
    learned = _second_stage(y_fit).fit(meta_fit, y_fit) if calibrated_over_folds(stacked) else stacked

    def routed(form: Any) -> float:
        return float(f1_score(y_cal, form.predict(meta_cal), average="macro"))

    scores = (routed(learned), routed(passed_through) if text_only is not None else -1.0)
    described = f"macro-F1 on {len(y_cal):,} held-out rows: {scores[0]:.3f} learned, {scores[1]:.3f} text only"
    if text_only is not None and scores[1] > scores[0]:
        return text_only, f"the text team head's evidence alone ({described})"
    return stacked, f"second stage over the evidence and the context ({described})"


def _label_array(name: str, series: pd.Series) -> np.ndarray:
    if name in ("team", "team_text"):
        # An all-missing column is float; a fill value of another type is a warning today, an error later.
        return series.astype(object).fillna("").to_numpy(dtype=object).astype(str)
    return series.fillna(-1).to_numpy(dtype=int)


def _trainable(name: str, y: np.ndarray, rows: np.ndarray) -> str | None:
    """Why a head cannot be trained on these rows, or None when it can."""
    classes, counts = np.unique(y[rows], return_counts=True)
    if len(classes) == 1:
        return (
            f"all {len(rows):,} labelled training rows are {_readable(name, classes[0])}: one value, nothing to learn"
        )
    if len(rows) < MIN_ROWS_PER_HEAD or len(classes) < 2 or counts.min() < MIN_ROWS_PER_CLASS:
        return f"{len(rows)} labelled training rows, {len(classes)} classes"
    return None


def _readable(name: str, label: Any) -> str:
    """A label value as the training file wrote it: a team's name, a frustration level, yes or no."""
    if isinstance(label, str):
        return repr(label)
    return str(int(label)) if name == "frustration" else ("yes" if label else "no")


def single_valued_heads(labels: dict[str, pd.Series], rows: np.ndarray) -> dict[str, str]:
    """Heads (as named in the data, not the derived ones) whose labels on ``rows`` all carry one value: the
    head's name -> a sentence saying which. A head with fewer labelled rows than a head needs is not among
    them: it is left out for too few rows, and says so."""
    out = {}
    for name, series in labels.items():
        values = series.iloc[rows].dropna().unique()
        count = int(series.iloc[rows].notna().sum())
        if name not in DERIVED_HEADS and len(values) == 1 and count >= MIN_ROWS_PER_HEAD:
            out[name] = f"{name}: all {count:,} labelled rows are {_readable(name, values[0])}"
    return out


def _refuse_single_valued(single: dict[str, str], labels: dict[str, pd.Series], rows: np.ndarray) -> None:
    """The error for heads whose labels all carry one value, unless no head has two values (then training's
    "no head could be trained" error says it for every head)."""
    labelled = [
        name for name, series in labels.items() if name not in DERIVED_HEADS and series.iloc[rows].notna().any()
    ]
    if single and len(single) < len(labelled):
        raise TriageError(
            f"{'; '.join(single.values())}: a head cannot learn from one value. Check the labels (an import mapping "
            "rule that never fires?), leave the column out, or train with --skip-single-valued-heads (the rules "
            "answer for that head)"
        )


def _labelled_heads(
    names: Sequence[str], labels: dict[str, pd.Series], fit: np.ndarray, cal: np.ndarray, skipped: dict[str, str]
) -> Iterator[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """The heads that have enough labels, with their label array and labelled fit and calibration rows;
    the others are recorded in ``skipped`` with the reason."""
    for name in names:
        if name not in labels:
            continue
        labelled = labels[name].notna().to_numpy()
        y = _label_array(name, labels[name])
        fit_rows, cal_rows = fit[labelled[fit]], cal[labelled[cal]]
        reason = _trainable(name, y, fit_rows)
        if reason:
            skipped[name] = reason
            continue
        yield name, y, fit_rows, cal_rows


def _out_of_fold(name: str, head, X, y, rows: np.ndarray, settings: TrainSettings) -> np.ndarray:
    """Evidence for ``rows`` (those the head learned from) from models like the head's that did not see them
    (3 folds). Every class has at least three of these rows (the fit rows by ``_trainable``; calibration over
    folds refuses fewer), so each fold's model knows every class: its columns line up."""
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=settings.seed)
    out: np.ndarray | None = None
    for inner, outer in folds.split(rows, y[rows]):
        model = clone(linear_models(head)[0]).fit(X[rows[inner]], y[rows[inner]])
        values = evidence(name, model, X[rows[outer]])
        if out is None:
            out = np.zeros((len(rows), *np.shape(values)[1:]))
        out[outer] = values
    assert out is not None  # three folds
    return out


def text_head_evidence(
    name: str, head, X, X_head, y, fit_rows: np.ndarray, cal_rows: np.ndarray, settings: TrainSettings
) -> np.ndarray:
    """A text head's evidence on every row of ``X`` (``X_head``: what the head learned from, ``topic_inputs``
    for some): out-of-fold on the labelled rows it learned from, the final model's elsewhere. Those are the
    fit rows, and the calibration rows too for a head calibrated over folds: its evidence there would be
    in-sample, and the second stage, calibrated and judged on those rows, would trust it more than it will
    deserve on new tickets."""
    values = head_evidence(name, head, X)
    learned_from = np.concatenate([fit_rows, cal_rows]) if calibrated_over_folds(head) else fit_rows
    values[learned_from] = _out_of_fold(name, head, X_head, y, learned_from, settings)
    return values


def routed_team_labels(teams: pd.Series, ids: pd.Series, config: EscalationConfig) -> tuple[pd.Series, dict[str, Any]]:
    """The team labels the team head learns, and a report of those it cannot (empty when none).

    The team head routes tickets that go up; whether one goes up is the escalation head's call. So it learns
    the teams above the first tier, and the first tier's team is the policy's default. A label naming no team
    of the configuration (a helpdesk group under another name, a typo) cannot be learned either: it is
    reported with counts and example ticket ids, and a LabelWarning says so, never dropped silently.
    """
    escalation_teams = {team.name for team in config.teams if team.tier > config.first_tier}
    first_tier_teams = {team.name for team in config.teams if team.tier == config.first_tier}
    unnamed = teams.notna() & ~teams.isin(escalation_teams | first_tier_teams)
    report: dict[str, Any] = {}
    if unnamed.any():
        counts = teams[unnamed].value_counts()
        shown = counts.head(REPORTED_TEAM_LABELS)
        report = {
            "rows": int(unnamed.sum()),
            "first_tier_rows": int(teams.isin(first_tier_teams).sum()),
            "unnamed_labels": len(counts),
            "labels": {
                str(label): {
                    "rows": int(count),
                    "examples": [str(i) for i in ids[teams.eq(label)].head(EXAMPLES_PER_LABEL)],
                }
                for label, count in shown.items()
            },
        }
        listed = ", ".join(
            f"{label} {entry['rows']:,} ({', '.join(entry['examples'])})" for label, entry in report["labels"].items()
        )
        more = f" and {len(counts) - len(shown)} more" if len(counts) > len(shown) else ""
        warnings.warn(
            LabelWarning(
                f"team: {report['rows']:,} labelled rows name {len(counts)} teams that the configuration does not "
                f"name, so the team head cannot learn them: {listed}{more}. Add them to the configuration's teams "
                "(above the first tier) or rename them in the import mapping (team.values)"
            ),
            stacklevel=3,
        )
    return teams.where(teams.isin(escalation_teams)), report


def rare_team_labels(
    teams: pd.Series, ids: pd.Series, fit: np.ndarray, cal: np.ndarray
) -> tuple[pd.Series, dict[str, Any]]:
    """The team labels without the teams the fit rows hold fewer than ``MIN_ROWS_PER_CLASS`` of, and a report
    of those (empty when none): each with its fit and calibration rows and example ticket ids.

    A real export often has a team that took one or two tickets. Kept, it left the whole team head untrained
    (``_trainable``), or, seen only among the calibration rows, made the calibration over folds fail; the head
    learns the other teams, and a LabelWarning names these, never dropped silently."""
    learned_from = np.concatenate([fit, cal])
    fit_counts = teams.iloc[fit].value_counts()
    seen = teams.iloc[learned_from].dropna().unique()
    rare = sorted(str(team) for team in seen if fit_counts.get(team, 0) < MIN_ROWS_PER_CLASS)
    if not rare:
        return teams, {}
    cal_counts = teams.iloc[cal].value_counts()
    in_training = pd.Series(False, index=teams.index)
    in_training.iloc[learned_from] = True
    report: dict[str, dict[str, Any]] = {
        team: {
            "fit_rows": int(fit_counts.get(team, 0)),
            "calibration_rows": int(cal_counts.get(team, 0)),
            "examples": [str(i) for i in ids[teams.eq(team) & in_training].head(EXAMPLES_PER_LABEL)],
        }
        for team in rare
    }
    listed = ", ".join(
        f"{team} {entry['fit_rows']} + {entry['calibration_rows']} ({', '.join(entry['examples'])})"
        for team, entry in report.items()
    )
    warnings.warn(
        LabelWarning(
            f"team: {len(rare)} teams have fewer than {MIN_ROWS_PER_CLASS} training rows, so the team head learns "
            f"the others without them (fit + calibration rows, examples): {listed}. Label more of their tickets or "
            "merge them into another team in the import mapping (team.values)"
        ),
        stacklevel=3,
    )
    return teams.where(~teams.isin(rare)), report


def _split(
    labels: dict[str, pd.Series], ids: pd.Series, n_own: int, n_public: int, settings: TrainSettings
) -> dict[str, np.ndarray]:
    """Fit, calibration and test rows. The training file's rows are split as if alone (stratified on
    escalation when every row has it); the supplementary rows share fit and calibration only, and our
    hand-written tickets (triage.datasets.handwritten) are fit rows."""
    rows = np.arange(n_own)
    escalation = labels["escalation"].iloc[:n_own] if "escalation" in labels else None
    stratify = escalation if escalation is not None and escalation.notna().all() else None
    if stratify is not None and stratify.value_counts().min() < MIN_ROWS_TO_STRATIFY:
        stratify = None  # a class too small to share out between the three splits
    rest, test = train_test_split(rows, test_size=settings.test_size, random_state=settings.seed, stratify=stratify)
    cal_share = settings.calibration_size / (1 - settings.test_size)
    fit, cal = train_test_split(
        rest,
        test_size=cal_share,
        random_state=settings.seed,
        stratify=None if stratify is None else stratify.iloc[rest],
    )
    if n_public:
        public_rows = np.arange(n_own, n_own + n_public)
        # Our hand-written tickets only teach: their copies would make a few tickets look like many rows to the
        # thresholds and the frustration share, and the lexicon they are chosen against was built reading them.
        ours = ids.iloc[n_own:].map(is_handwritten).to_numpy(dtype=bool)
        public_fit, public_cal = (
            train_test_split(public_rows[~ours], test_size=settings.public_tuning_size, random_state=settings.seed)
            if not ours.all()
            else (public_rows[:0], public_rows[:0])
        )
        fit, cal = np.concatenate([fit, public_fit, public_rows[ours]]), np.concatenate([cal, public_cal])
    return {"fit": fit, "calibration": cal, "test": test}


def synthetic_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows written by the demo generator (they carry its own escalation probability)."""
    if "true_escalation_probability" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame["true_escalation_probability"].notna().to_numpy()


def train(
    tickets: Sequence[LabelledTicket],
    config: EscalationConfig,
    settings: TrainSettings | None = None,
    on_step: Callable[[str], None] | None = None,
    public: Sequence[LabelledTicket] = (),
) -> TrainingResult:
    """Train on ``tickets`` (split into fit, calibration and test rows) and the supplementary real rows
    ``public`` (fit and calibration only); indices in the result's ``split`` count ``tickets`` first."""
    step = on_step or (lambda _: None)
    settings = settings or TrainSettings()
    everything = [*tickets, *public]
    frame = to_frame(everything)
    labels = label_columns(frame)
    team_report: dict[str, Any] = {}
    if "team" in labels:
        labels["team"], team_report = routed_team_labels(labels["team"], frame["id"], config)
    split = _split(labels, frame["id"], len(tickets), len(public), settings)
    fit, cal = split["fit"], split["calibration"]
    # The frustration head learns from the demo history's levels beside GoEmotions' (the default model's real
    # rows). The demo's tone follows its stakes (the head reads some: calm hand-written tickets with a trigger
    # 0.67, without 0.35, seed 0), but its rows are tickets: GoEmotions' Reddit comments alone
    # taught a head that ranks hand-written tickets far worse (learned level alone, mean of demo seeds 0, 1,
    # 11: Spearman handwritten 0.639 -> 0.777 with the demo's levels, handwritten_dev2 0.419 -> 0.570, dev set
    # 0.575 -> 0.584; the blended score 0.838 / 0.678 / 0.703 -> 0.858 / 0.713 / 0.711). On 1,500 airline
    # tweets outside the dev set, which no head learns from, the blended score falls a little (0.526 -> 0.516).
    single = single_valued_heads(labels, np.concatenate([fit, cal]))
    if not settings.skip_single_valued_heads:
        _refuse_single_valued(single, labels, np.concatenate([fit, cal]))
    if "team" in labels:
        labels["team"], rare_teams = rare_team_labels(labels["team"], frame["id"], fit, cal)
        if rare_teams:
            team_report = {**team_report, "too_few_rows": rare_teams}
    for derived, source in DERIVED_HEADS.items():
        if source in labels:
            labels[derived] = labels[source]

    step("features")
    features, X = fit_features(frame, fit)
    columns = features.named_steps["features"]

    heads: dict[str, CalibratedClassifierCV] = {}
    skipped: dict[str, str] = {}
    text_evidence: dict[str, np.ndarray] = {}
    X_topic = topic_inputs(X, columns)
    for name, y, fit_rows, cal_rows in _labelled_heads(TEXT_HEADS, labels, fit, cal, skipped):
        step(f"text head {name}")
        X_head = X_topic if name in TOPIC_HEADS else X
        heads[name] = fit_head(X_head[fit_rows], y[fit_rows], X_head[cal_rows], y[cal_rows], settings)
        text_evidence[name] = text_head_evidence(name, heads[name], X, X_head, y, fit_rows, cal_rows, settings)

    meta, meta_columns = meta_features(X, text_evidence, columns)
    team_form = ""
    for name, y, fit_rows, cal_rows in _labelled_heads(CONTEXT_HEADS, labels, fit, cal, skipped):
        step(f"context head {name}")
        inputs = context_inputs(name, meta, meta_columns)
        if name == "team":
            heads[name], team_form = fit_team_head(
                inputs[fit_rows], y[fit_rows], inputs[cal_rows], y[cal_rows], meta_columns, settings
            )
        else:
            heads[name] = fit_context_head(inputs[fit_rows], y[fit_rows], inputs[cal_rows], y[cal_rows], settings)

    if "team" in skipped and team_report.get("rows"):
        skipped["team"] += f"; {team_report['rows']:,} team labels name no team of the configuration"
    if not heads:
        # Every label the data has is the same (or too rare): a model of fallbacks only would look trained
        # and learn nothing. A file labelled for some heads only still trains those.
        reasons = (
            "; ".join(f"{name}: {reason}" for name, reason in skipped.items() if name not in DERIVED_HEADS)
            or "the rows have no labels"
        )
        raise TriageError(f"no head could be trained, every label is missing or the same ({reasons})")
    model = TriageModel(
        features,
        heads,
        config,
        calibration=None,
        metadata={LANGUAGES_KEY: trained_languages(tickets), "team_labels_not_learned": team_report},
        meta_columns=meta_columns,
    )
    step("policy")
    tuning = TuningRows(labels, cal, ~synthetic_rows(frame))
    if "team" in heads:
        tuning.described["team head"] = team_form
    own_fit = fit[fit < len(tickets)]
    model.calibration = _calibrate_policy(model, X, tuning, frame.iloc[own_fit], config)
    model.frustration_learned_share = _frustration_share(model, everything, tuning, settings)
    # Thresholds and calibrators are fixed; the text heads' linear models now learn from the calibration
    # rows too (the held-out test rows stay unseen).
    for name in TEXT_HEADS:
        if name in heads:
            labelled = labels[name].notna().to_numpy()
            rows = np.concatenate([fit[labelled[fit]], cal[labelled[cal]]])
            X_head = X_topic if name in TOPIC_HEADS else X
            refit_linear_model(heads[name], X_head[rows], _label_array(name, labels[name])[rows])

    return TrainingResult(model, split, skipped, tuning.described, team_report)


@dataclass
class TuningRows:
    """Which held-out rows choose a head's threshold (or the frustration share): its labelled real
    calibration rows when they hold at least two classes, else every labelled calibration row. Each
    choice is described in ``described`` for the model card."""

    labels: dict[str, pd.Series]
    cal: np.ndarray
    real: np.ndarray  # per row of the frame
    described: dict[str, str] = field(default_factory=dict)

    def rows(self, name: str, purpose: str) -> tuple[np.ndarray, bool]:
        known = self.labels[name].notna().to_numpy()
        labelled = self.cal[known[self.cal]]
        real = labelled[self.real[labelled]]
        is_real = len(self.labels[name].iloc[real].unique()) >= 2
        chosen = real if is_real else labelled
        kind = "real" if is_real else "synthetic" if not self.real[labelled].any() else "mixed"
        self.described[purpose] = f"{len(chosen):,} held-out {kind} rows"
        return chosen, is_real


def _calibrate_policy(
    model: TriageModel, X, tuning: TuningRows, history: pd.DataFrame, config: EscalationConfig
) -> Calibration:
    cal = tuning.cal
    probabilities = model.head_probabilities(X[cal])
    position = np.empty(X.shape[0], dtype=np.int64)
    position[cal] = np.arange(len(cal))

    def held_out(name: str, purpose: str) -> tuple[np.ndarray, np.ndarray]:
        rows, _ = tuning.rows(name, purpose)
        return tuning.labels[name].to_numpy()[rows], probabilities[name][position[rows]]

    trigger_truth, trigger_proba = {}, {}
    for name in TRIGGERS:
        if name in probabilities:
            truth, trigger_proba[name] = held_out(name, f"{name} threshold")
            trigger_truth[name] = truth.astype(int)
    escalation_truth = escalation_proba = None
    if "escalation" in probabilities:
        escalation_truth, escalation_proba = held_out("escalation", "escalation threshold")
        escalation_truth = escalation_truth.astype(int)
    team_truth = team_proba = None
    if "team" in probabilities:
        team_truth, team_proba = held_out("team", "team thresholds")
        team_truth = team_truth.astype(str)
    return calibrate(
        config,
        trigger_truth=trigger_truth,
        trigger_proba=trigger_proba,
        escalation_truth=escalation_truth,
        escalation_proba=escalation_proba,
        team_truth=team_truth,
        team_proba=team_proba,
        team_names=model.team_names,
        history=history[list(HISTORY_COLUMNS)] if all(c in history for c in HISTORY_COLUMNS) else None,
    )


def _frustration_share(
    model: TriageModel, tickets: Sequence[LabelledTicket], tuning: TuningRows, settings: TrainSettings
) -> float:
    """The learned frustration head's share: the setting when given; otherwise the share whose blend with the
    lexicon ranks the held-out real rows' frustration labels best (Spearman; the smaller share on a tie), or 0
    when only synthetic rows have frustration labels.

    When those rows all come from the default model's supplementary public sets (GoEmotions' Reddit comments,
    ids ``<dataset>:<row>``), it is the smallest share within 0.02 of the best: rows from the head's own
    source flatter it against the lexicon, which was built on support tickets. Their best share, 0.8, ranked
    our dev set's real tickets worse than the lexicon alone (Spearman 0.61 against 0.65), and their Spearman
    barely moves from 0.2 to 1 (0.409 to 0.428). A team's own labelled tickets are the tickets the model will
    score, so there the best share counts (airline tweets through the CLI: share 0.8, ROC-AUC 0.934)."""
    from triage.datasets.public import DEFAULT_TRAINING_SOURCES  # training needs it only here
    from triage.text.frustration import choose_learned_share

    purpose = "frustration learned share"
    if settings.frustration_learned_share is not None:
        tuning.described[purpose] = "set by the caller"
        return settings.frustration_learned_share
    if "frustration" not in model.heads:
        return 0.0
    rows, is_real = tuning.rows("frustration", purpose)
    if not is_real:
        tuning.described[purpose] += ": no real rows to choose on, so the lexicon answers (share 0)"
        return 0.0
    rows = np.random.default_rng(settings.seed).permutation(rows)[:MAX_SHARE_TUNING_ROWS]
    scores, probabilities = model.score_with_heads([tickets[i] for i in rows], explain=False)
    lexicon = np.array([score.lexicon_frustration for score in scores])
    learned = probabilities["frustration"] @ model.heads["frustration"].classes_.astype(float) / 3.0
    truth = tuning.labels["frustration"].to_numpy()[rows]
    quality = [spearmanr(share * learned + (1 - share) * lexicon, truth).statistic for share in FRUSTRATION_SHARES]
    from_public_sets = all(tickets[i].id.split(":", 1)[0] in DEFAULT_TRAINING_SOURCES for i in rows)
    share, rule = choose_learned_share(FRUSTRATION_SHARES, quality, from_public_sets)
    tuning.described[purpose] += f": {rule}"
    return share
