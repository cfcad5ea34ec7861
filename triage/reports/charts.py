"""Charts for report pages: matplotlib figures rendered to inline SVG (text drawn as paths), so a page
needs no external script, font or image and prints as it shows."""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # headless: files only
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

WIDTH, HEIGHT = 6.4, 2.8  # inches: two charts side by side on a printed page
COLOUR = "#3b6ea5"
# A fixed salt for the SVG's element ids and no date in its metadata: the same data draws the same bytes.
plt.rcParams.update(
    {
        "svg.fonttype": "path",
        "svg.hashsalt": "triage",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.tight_layout()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # drop the XML prologue and doctype: the SVG sits inside HTML


def histogram(values: Sequence[float] | np.ndarray, title: str, xlabel: str, bins: int = 20) -> str:
    figure, axes = plt.subplots(figsize=(WIDTH, HEIGHT))
    axes.hist(values, bins=list(np.linspace(0, 1, bins + 1)), color=COLOUR)
    axes.set(title=title, xlabel=xlabel, ylabel="tickets", xlim=(0, 1))
    return _svg(figure)


def bars_with_intervals(
    labels: Sequence[str], values: Sequence[float], low: Sequence[float], high: Sequence[float], title: str, ylabel: str
) -> str:
    figure, axes = plt.subplots(figsize=(WIDTH, HEIGHT))
    positions = np.arange(len(labels))
    errors = np.vstack([np.asarray(values) - np.asarray(low), np.asarray(high) - np.asarray(values)])
    axes.bar(positions, values, color=COLOUR, yerr=errors, capsize=4)
    axes.set_xticks(positions, labels, rotation=20, ha="right")
    axes.set(title=title, ylabel=ylabel)
    return _svg(figure)


def weekly_lines(weeks: Sequence, series: dict[str, Sequence[float]], title: str, ylabel: str) -> str:
    figure, axes = plt.subplots(figsize=(WIDTH, HEIGHT))
    for name, values in series.items():
        axes.plot(weeks, values, marker="o", markersize=2.5, linewidth=1.2, label=name)
    axes.set(title=title, ylabel=ylabel, xlabel="week (Monday, UTC)")
    if len(series) > 1:
        axes.legend(frameon=False)
    figure.autofmt_xdate()
    return _svg(figure)


def reliability(mean_predicted: Sequence[float], observed: Sequence[float], counts: Sequence[int], title: str) -> str:
    figure, axes = plt.subplots(figsize=(WIDTH / 2 + 0.6, HEIGHT))
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=0.8, label="perfect calibration")
    sizes = 8 + 60 * np.asarray(counts) / max(1, max(counts, default=1))
    axes.scatter(mean_predicted, observed, s=sizes, color=COLOUR, label="tickets (size: count)")
    axes.plot(mean_predicted, observed, color=COLOUR, linewidth=1)
    axes.set(
        title=title, xlabel="the escalation model's probability", ylabel="observed share", xlim=(0, 1), ylim=(0, 1)
    )
    axes.legend(frameon=False, loc="upper left", fontsize=7)
    return _svg(figure)


def paired_bars(
    labels: Sequence[str], reference: Sequence[float], current: Sequence[float], title: str, ylabel: str
) -> str:
    """Two periods' shares side by side, one pair of bars per bin."""
    figure, axes = plt.subplots(figsize=(WIDTH, HEIGHT))
    positions = np.arange(len(labels))
    axes.bar(positions - 0.2, reference, width=0.4, color="#9aa9b8", label="reference")
    axes.bar(positions + 0.2, current, width=0.4, color=COLOUR, label="current")
    axes.set_xticks(positions, [label if len(label) <= 18 else label[:17] + "…" for label in labels])
    axes.tick_params(axis="x", labelrotation=35 if len(labels) > 4 else 0, labelsize=7)
    for tick in axes.get_xticklabels():
        tick.set_horizontalalignment("right" if len(labels) > 4 else "center")
    axes.set(title=title, ylabel=ylabel)
    axes.legend(frameon=False, fontsize=7)
    return _svg(figure)


def stability_bars(names: Sequence[str], values: Sequence[float], limits: tuple[float, float], title: str) -> str:
    """One horizontal bar per feature, with the two thresholds drawn as lines."""
    figure, axes = plt.subplots(figsize=(WIDTH, 0.8 + 0.28 * len(names)))
    positions = np.arange(len(names))[::-1]
    colours = ["#a32020" if v > limits[1] else ("#c98a00" if v >= limits[0] else COLOUR) for v in values]
    axes.barh(positions, values, color=colours)
    for limit in limits:
        axes.axvline(limit, color="grey", linestyle="--", linewidth=0.8)
    axes.set_yticks(positions, names)
    axes.set(title=title, xlabel="population stability index (PSI)")
    return _svg(figure)
