"""Drift between two periods of tickets: has what comes in changed enough since the model's data that it should
be retrained?

Each feature of the tickets (their channel, plan, language, length, earlier turns, vocabulary and, given a model,
what it predicts and how sure it is) is compared between a reference period (the model's training data, or the
last period it did well on) and the current one, twice:

- the **population stability index** (PSI): ``sum((current - reference) * ln(current / reference))`` over the
  feature's bins (its categories, or the reference's deciles for a number); an empty bin counts as a share of
  ``EMPTY_SHARE`` so that a new category weighs without dividing by zero. The usual reading, used here: below
  ``PSI_WATCH`` (0.1) stable, up to ``PSI_RETRAIN`` (0.25) worth watching, above it a shift to retrain for;
- a **statistical test** of "same distribution": chi-square on the category counts (scipy's
  ``chi2_contingency``), two-sample Kolmogorov-Smirnov on the values of a number (``ks_2samp``), and for the
  vocabulary one chi-square per frequent term on the tickets that use it, Bonferroni-corrected (words within a
  ticket are not independent draws, so counting words would overstate the evidence).

A feature calls for retraining only when both agree: PSI above 0.25 *and* p below ``ALPHA`` (0.01). With few
tickets PSI is noisy and the test keeps it honest; with many, every trifle is "significant" and PSI keeps that
honest. A large PSI without significance is reported as "watch".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from triage.errors import TriageError
from triage.schema import Prediction, Ticket, channel_group
from triage.text.language import detect_language, ticket_text

PSI_WATCH = 0.1
PSI_RETRAIN = 0.25
ALPHA = 0.01
EMPTY_SHARE = 1e-4  # the share an empty bin counts as in the PSI (its log would be infinite)
NUMERIC_BINS = 10  # deciles of the reference period
MAX_CATEGORIES = 12  # the most frequent reference categories shown one by one; the rest pooled as "(other)"
TOP_TERMS = 30  # the reference period's most used terms whose use is compared
MIN_TICKETS = 50  # below this in either period the report says that the tests cannot tell much
STATUSES = ("stable", "watch", "retrain")
TOP_TERMS_FEATURE = "top terms"
TEMPLATES = Path(__file__).with_name("templates")
NONE = "(none)"
OTHER = "(other)"
# Words: letters only (numbers, ids and codes change with every ticket), three or more, no English stop words.
_TERM = re.compile(r"[^\W\d_]{3,}")
_WORD = re.compile(r"\w+")
Counts = Sequence[float] | np.ndarray  # a histogram: one count per bin


@dataclass(frozen=True)
class FeatureDrift:
    name: str
    kind: str  # "categorical", "numeric" or "terms"
    psi: float
    test: str
    statistic: float
    p_value: float
    status: str  # one of STATUSES
    bins: list[str]
    reference_share: list[float]
    current_share: list[float]
    note: str = ""


@dataclass(frozen=True)
class DriftReport:
    reference_tickets: int
    current_tickets: int
    features: list[FeatureDrift]
    model: str | None = None
    thresholds: dict[str, float] = field(
        default_factory=lambda: {"psi_watch": PSI_WATCH, "psi_retrain": PSI_RETRAIN, "alpha": ALPHA}
    )

    @property
    def verdict(self) -> str:
        worst = max((STATUSES.index(feature.status) for feature in self.features), default=0)
        return STATUSES[worst]

    @property
    def summary(self) -> str:
        """The verdict in words, naming the features behind it."""
        named = {status: [f.name for f in self.features if f.status == status] for status in STATUSES}
        if self.verdict == "retrain":
            text = f"Retrain: {_listed(named['retrain'])} shifted (PSI > {PSI_RETRAIN}, p < {ALPHA})."
        elif self.verdict == "watch":
            text = f"Watch: {_listed(named['watch'])} moved (PSI {PSI_WATCH}-{PSI_RETRAIN}, or higher without "
            text += f"significance at p < {ALPHA}); no retraining needed yet."
        else:
            text = f"Stable: every feature's PSI is below {PSI_WATCH} or its change is not significant; no "
            text += "retraining needed."
        if min(self.reference_tickets, self.current_tickets) < MIN_TICKETS:
            text += f" With fewer than {MIN_TICKETS} tickets in a period the tests can tell little."
        return text

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "verdict": self.verdict, "summary": self.summary}


def compare(
    reference: Sequence[Ticket],
    current: Sequence[Ticket],
    reference_predictions: Sequence[Prediction] | None = None,
    current_predictions: Sequence[Prediction] | None = None,
    model: str | None = None,
) -> DriftReport:
    """Every feature of the two periods compared; the predictions (one per ticket, in order) add what the model
    says and how sure it is."""
    if not reference or not current:
        raise TriageError("drift needs tickets in both periods")
    columns = [(ticket_columns(reference), ticket_columns(current))]
    if reference_predictions is not None and current_predictions is not None:
        columns.append((prediction_columns(reference_predictions), prediction_columns(current_predictions)))
    features = vocabulary_drift([ticket_text(t) for t in reference], [ticket_text(t) for t in current])
    for ref, cur in columns:
        features += [column_drift(name, ref[name], cur[name]) for name in ref]
    return DriftReport(len(reference), len(current), features, model)


def drift_page(report: DriftReport, reference_name: str, current_name: str, now: datetime | None = None) -> str:
    """The report as one self-contained HTML page: the verdict in words, a table of every feature's PSI and test,
    and each feature's two distributions (inline SVG, as in the managers' risk report)."""
    import jinja2

    from triage.reports import charts

    names = [feature.name for feature in report.features]
    summary_chart = charts.stability_bars(
        names, [f.psi for f in report.features], (PSI_WATCH, PSI_RETRAIN), "Stability of each feature"
    )
    feature_charts = [
        charts.paired_bars(*_chart_bins(f), f"{f.name}: PSI {f.psi:.3f}, {f.status}", _chart_unit(f))
        for f in report.features
    ]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    return environment.get_template("drift.html.j2").render(
        report=report,
        reference_name=reference_name,
        current_name=current_name,
        generated_at=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        summary_chart=summary_chart,
        feature_charts=feature_charts,
    )


def _chart_bins(feature: FeatureDrift) -> tuple[list[str], list[float], list[float]]:
    """A feature's bins as drawn: the top terms without their pooled rest, which would dwarf every term."""
    if feature.name != TOP_TERMS_FEATURE:
        return feature.bins, feature.reference_share, feature.current_share
    return feature.bins[:-1], feature.reference_share[:-1], feature.current_share[:-1]


def _chart_unit(feature: FeatureDrift) -> str:
    return "share of all words" if feature.name == TOP_TERMS_FEATURE else "share of tickets"


def ticket_columns(tickets: Sequence[Ticket]) -> dict[str, list[str] | list[float]]:
    """What describes a ticket besides its words: categories as strings, numbers as floats."""
    languages = [detect_language(ticket_text(t)) for t in tickets]
    return {
        "channel": [channel_group(t.channel) if t.channel else NONE for t in tickets],
        "plan": [t.customer.plan if t.customer and t.customer.plan else NONE for t in tickets],
        "language": [language.code if language.detected else "(too short to tell)" for language in languages],
        "words": [float(len(_WORD.findall(ticket_text(t)))) for t in tickets],
        "earlier turns": [float(len(t.history)) for t in tickets],
    }


def prediction_columns(predictions: Sequence[Prediction]) -> dict[str, list[str] | list[float]]:
    """What the model says (the label mix) and how sure it is."""
    return {
        "predicted triggers": ["+".join(sorted(p.trigger_labels)) or NONE for p in predictions],
        "recommended team": [p.recommendation.team for p in predictions],
        "escalated by the policy": ["yes" if p.escalation.escalate else "no" for p in predictions],
        # The model's alone: the policy's verdict is the column above, and a figure half made of it would move
        # with the rules as much as with the tickets.
        "escalation probability": _model_probabilities(predictions),
        "recommendation confidence": [p.recommendation.confidence for p in predictions],
    }


def _model_probabilities(predictions: Sequence[Prediction]) -> list[float]:
    found = [p.escalation.model_probability for p in predictions]
    model_probabilities = [value for value in found if value is not None]
    if len(model_probabilities) < len(found):  # compare() is given predictions made now, by code that records it
        raise TriageError(
            f"{len(found) - len(model_probabilities)} predictions lack escalation.model_probability (made before it "
            "was recorded): predict the tickets again"
        )
    return model_probabilities


def column_drift(name: str, reference: Sequence[Any], current: Sequence[Any]) -> FeatureDrift:
    if reference and isinstance(reference[0], float):
        return numeric_drift(name, np.asarray(reference, dtype=float), np.asarray(current, dtype=float))
    return categorical_drift(name, [str(v) for v in reference], [str(v) for v in current])


def psi(reference_counts: Counts, current_counts: Counts) -> float:
    """The population stability index of two histograms over the same bins."""
    ref = _shares(reference_counts)
    cur = _shares(current_counts)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def _shares(counts: Counts) -> np.ndarray:
    values = np.asarray(counts, dtype=float)
    shares = values / values.sum() if values.sum() else np.zeros_like(values)
    return np.maximum(shares, EMPTY_SHARE)


def status(psi_value: float, p_value: float) -> str:
    if psi_value < PSI_WATCH or (psi_value < PSI_RETRAIN and p_value >= ALPHA):
        return "stable" if psi_value < PSI_WATCH else "watch"
    return "retrain" if psi_value > PSI_RETRAIN and p_value < ALPHA else "watch"


def categorical_drift(name: str, reference: Sequence[str], current: Sequence[str]) -> FeatureDrift:
    """Category shares (the reference's most frequent, then the rest pooled), chi-square on the counts."""
    ref_counts, cur_counts = Counter(reference), Counter(current)
    shown = [category for category, _ in ref_counts.most_common(MAX_CATEGORIES)]
    new = [c for c, _ in cur_counts.most_common() if c not in ref_counts][: max(0, MAX_CATEGORIES - len(shown))]
    shown += new  # a category the reference never had is the clearest shift: shown by name
    pooled = [c for c in {*ref_counts, *cur_counts} if c not in shown]
    bins = shown + ([OTHER] if pooled else [])
    ref_row = [ref_counts[c] for c in shown] + ([sum(ref_counts[c] for c in pooled)] if pooled else [])
    cur_row = [cur_counts[c] for c in shown] + ([sum(cur_counts[c] for c in pooled)] if pooled else [])
    table = np.array([ref_row, cur_row], dtype=float)
    table = table[:, table.sum(axis=0) > 0]
    statistic, p_value = (0.0, 1.0) if table.shape[1] < 2 else stats.chi2_contingency(table)[:2]
    value = psi(ref_row, cur_row)
    return FeatureDrift(
        name, "categorical", value, "chi-square", float(statistic), float(p_value), status(value, p_value),
        bins, _shares_list(ref_row), _shares_list(cur_row),
        note=f"new: {', '.join(new)}" if new else "",
    )  # fmt: skip


def numeric_drift(name: str, reference: np.ndarray, current: np.ndarray) -> FeatureDrift:
    """Shares in the reference's deciles (ties merged), two-sample Kolmogorov-Smirnov on the values."""
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, NUMERIC_BINS + 1)[1:-1]))
    ref_row = np.bincount(np.searchsorted(edges, reference, side="left"), minlength=len(edges) + 1)
    cur_row = np.bincount(np.searchsorted(edges, current, side="left"), minlength=len(edges) + 1)
    result = stats.ks_2samp(reference, current)
    value = psi(ref_row, cur_row)
    return FeatureDrift(
        name, "numeric", value, "Kolmogorov-Smirnov", float(result.statistic), float(result.pvalue),
        status(value, float(result.pvalue)), _bin_labels(edges), _shares_list(ref_row), _shares_list(cur_row),
        note=f"median {np.median(reference):.3g} -> {np.median(current):.3g}",
    )  # fmt: skip


def _bin_labels(edges: np.ndarray) -> list[str]:
    """Bins as searchsorted(side='left') fills them: (-inf, e0], (e0, e1], ..., (e_last, inf)."""
    if not len(edges):
        return ["all"]
    shown = [f"{edge:.3g}" for edge in edges]
    return [f"<= {shown[0]}", *(f"{a}-{b}" for a, b in zip(shown, shown[1:], strict=False)), f"> {shown[-1]}"]


def _shares_list(counts: Counts) -> list[float]:
    total = float(sum(counts))
    return [float(c) / total if total else 0.0 for c in counts]


def terms_of(text: str) -> list[str]:
    return [term for term in _TERM.findall(text.lower()) if term not in ENGLISH_STOP_WORDS]


def vocabulary_drift(reference: Sequence[str], current: Sequence[str]) -> list[FeatureDrift]:
    """The mix of the reference's most used terms, and the share of each ticket's words the reference never
    used (out of vocabulary)."""
    ref_terms, cur_terms = [terms_of(text) for text in reference], [terms_of(text) for text in current]
    return [term_drift(ref_terms, cur_terms), out_of_vocabulary_drift(ref_terms, cur_terms)]


def term_drift(reference: Sequence[list[str]], current: Sequence[list[str]]) -> FeatureDrift:
    """PSI over the words' shares among the reference's ``TOP_TERMS`` terms (the rest pooled); the test asks,
    term by term, whether a different share of tickets uses it (chi-square, Bonferroni over the terms)."""
    ref_tickets = Counter(term for terms in reference for term in set(terms))
    cur_tickets = Counter(term for terms in current for term in set(terms))
    top = [term for term, _ in ref_tickets.most_common(TOP_TERMS)]
    ref_words, cur_words = (
        Counter(t for terms in reference for t in terms),
        Counter(t for terms in current for t in terms),
    )
    ref_row = [ref_words[t] for t in top] + [sum(ref_words.values()) - sum(ref_words[t] for t in top)]
    cur_row = [cur_words[t] for t in top] + [sum(cur_words.values()) - sum(cur_words[t] for t in top)]
    moved: list[tuple[float, str]] = []
    smallest = 1.0
    for term in top:
        used = [ref_tickets[term], cur_tickets[term]]
        table = np.array([used, [len(reference) - used[0], len(current) - used[1]]], dtype=float)
        p_value = 1.0 if (table.sum(axis=1) == 0).any() else float(stats.chi2_contingency(table)[1])
        adjusted = min(1.0, p_value * len(top))
        smallest = min(smallest, adjusted)
        if adjusted < ALPHA:
            moved.append((adjusted, f"{term} {used[0] / len(reference):.0%} -> {used[1] / len(current):.0%}"))
    value = psi(ref_row, cur_row)
    return FeatureDrift(
        TOP_TERMS_FEATURE, "terms", value, f"chi-square per term ({len(top)}, Bonferroni)", math.nan, smallest,
        status(value, smallest), [*top, OTHER], _shares_list(ref_row), _shares_list(cur_row),
        note="tickets using: " + "; ".join(text for _, text in sorted(moved)[:8]) if moved else "",
    )  # fmt: skip


def out_of_vocabulary_drift(reference: Sequence[list[str]], current: Sequence[list[str]]) -> FeatureDrift:
    """Each ticket's share of words outside a vocabulary learned from every other reference ticket (the even
    ones), for the odd reference tickets and every current one: measured on tickets that did not build it, so
    both periods are judged alike. A vocabulary word is one used in at least two of those tickets."""
    counts = Counter(term for terms in reference[::2] for term in set(terms))
    vocabulary = {term for term, n in counts.items() if n >= 2}

    def rates(tickets: Sequence[list[str]]) -> np.ndarray:
        return np.array([sum(t not in vocabulary for t in terms) / len(terms) for terms in tickets if terms])

    ref_rates, cur_rates = rates(reference[1::2]), rates(current)
    if not len(ref_rates) or not len(cur_rates):
        ref_rates, cur_rates = np.zeros(1), np.zeros(1)  # no words to judge: nothing moved
    drift = numeric_drift("out-of-vocabulary words", ref_rates, cur_rates)
    unseen = Counter(term for terms in current for term in terms if term not in vocabulary)
    note = f"mean {ref_rates.mean():.1%} -> {cur_rates.mean():.1%} of a ticket's words"
    if unseen:
        note += f"; most used new words: {', '.join(term for term, _ in unseen.most_common(8))}"
    return FeatureDrift(**{**asdict(drift), "kind": "terms", "note": note})


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
