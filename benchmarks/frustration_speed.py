"""Throughput of FrustrationCues.transform on demo ticket bodies: as they are, and three bodies joined (long
texts). Target: >= 6,000 texts/s on typical tickets.

    python benchmarks/frustration_speed.py [--data data/demo/history.jsonl] [--rows 2000]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from triage.text.frustration import FrustrationCues


def texts_per_second(texts: list[str], repeats: int = 3) -> float:
    model = FrustrationCues()
    model.transform(texts[:10])  # load the lexicon outside the timing
    best = float("inf")
    for repeat in range(repeats):
        # Texts the cue cache (triage.text.recent) has not seen: each repeat measures the analysis, not a lookup.
        fresh = [f"{text} [{repeat}]" for text in texts]
        start = time.perf_counter()
        model.transform(fresh)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data/demo/history.jsonl"))
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as lines:
        bodies = [json.loads(line)["body"] for _, line in zip(range(args.rows), lines, strict=False)]
    long_texts = [" ".join(bodies[i : i + 3]) for i in range(0, len(bodies), 3)]
    for name, texts in (("typical", bodies), ("long (3 bodies)", long_texts)):
        words = sum(len(text.split()) for text in texts) / len(texts)
        print(f"{name:16s} {words:6.1f} words/text  {texts_per_second(texts):8,.0f} texts/s")


if __name__ == "__main__":
    main()
