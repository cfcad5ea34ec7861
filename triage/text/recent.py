"""Per-text results kept for the last few thousand texts.

A prediction asks for the same texts twice (the feature pipeline, then the reasons and the lexicon score),
and the spaCy signals and frustration cues of a text depend on the text alone, so the second ask is free.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from threading import Lock
from typing import Generic, TypeVar

T = TypeVar("T")


class RecentResults(Generic[T]):
    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._results: OrderedDict[str, T] = OrderedDict()
        self._lock = Lock()  # the API scores in several threads

    def lookup(self, texts: Iterable[str], compute: Callable[[list[str]], list[T]]) -> list[T]:
        """Each text's result, computing (in one batch, each distinct text once) only the ones not kept."""
        texts = list(texts)
        known = {text: found for text in texts if (found := self._results.get(text)) is not None}
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        if missing:
            known.update(zip(missing, compute(missing), strict=True))
            with self._lock:
                for text in missing:
                    self._results[text] = known[text]
                while len(self._results) > self._size:
                    self._results.popitem(last=False)
        return [known[text] for text in texts]
