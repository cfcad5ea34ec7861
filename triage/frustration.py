"""Frustration cues: how upset the customer sounds (tone, not stakes), before any learned model.

The cues are the VADER sentiment lexicon (bundled with ``vaderSentiment``) plus intensity markers VADER
does not weigh as a support lead would: all-caps shouting, runs of "!!!" / "???", profanity and insults,
threats (legal action, leaving, a public review), sarcasm ("thanks for nothing", which VADER reads as
positive), repeated contact and explicit frustration words. :func:`lexicon_frustration` turns them into a
0-1 score and a 0-3 level with readable reasons; :class:`FrustrationCues` exposes them as features for a
learned model, and :func:`cues_for` explains that model's score.

A threat raises frustration only a little on its own: a formal lawyer's letter is calm (level 0-1); it is
the tone around it that makes a ticket angry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from triage.signals import as_texts

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# A long complaint's tone shows in how it opens and how it ends; VADER is the slowest cue.
_VADER_SENTENCES = 4  # sentences scored from each end of a long text

# Upper-case words that are spelling, not shouting.
_ACRONYM_WORDS = (
    "ASAP HTTP HTTPS JSON HTML GDPR CCPA HIPAA SAML OAUTH VPN SMTP IMAP LDAP CSV XLSX PDF URL API "
    "SDK CEO CFO CTO FTC CFPB BBB USD EUR GBP SLA ACV ARR MRR FYI ETA EOD COB UTC"
)
_ACRONYMS = frozenset(_ACRONYM_WORDS.split())
_MILD_WORD_LIST = (
    "annoyed annoying frustrated frustrating disappointed disappointing unhappy irritated irritating "
    "upset tired confusing confused"
)
_MILD_WORDS = frozenset(_MILD_WORD_LIST.split())
_STRONG_WORD_LIST = (
    "unacceptable ridiculous disgusted disgusting worst appalling outrageous furious livid "
    "infuriating terrible horrible awful pathetic shameful disgraceful absurd insane incompetent "
    "incompetence useless angry"
)
_STRONG_WORDS = frozenset(_STRONG_WORD_LIST.split())
_STRONG_PHRASES = re.compile(
    r"(?i:fed up|sick (?:and tired )?of|had enough|enough is enough|last straw|waste of (?:my |our )?time"
    r"|wasting (?:my|our) time|beyond frustrat\w*|at my wits'? end|what a joke)"
)
_PROFANITY_WORDS = (
    "damn damned dammit crap crappy shit shitty bullshit fuck fucking fucked wtf ffs idiot idiots "
    "idiotic stupid moron morons clowns clown garbage trash rubbish hell scam scammers thieves liars"
)
_PROFANITY = frozenset(_PROFANITY_WORDS.split())
_THREATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "threatens legal action",
        re.compile(
            r"(?i:(?:will|'ll|going to|gonna)\s+(?:sue|take (?:you|this) to court|take legal action)"
            r"|see you in court|hear from (?:my|our) (?:lawyer|attorney|solicitor)|legal action)"
        ),
    ),
    (
        "threatens to leave",
        re.compile(
            r"(?i:(?:will|'ll|going to|gonna|or)\s+(?:cancel|leave|switch|take (?:my|our) business)"
            r"|(?:switch|move|moving|switching) to (?:a |another )?competitor|never (?:use|buy|recommend)"
            r"|(?:won't|will not|not going to) renew|done with (?:you|your))"
        ),
    ),
    (
        "threatens a public review",
        re.compile(
            r"(?i:(?:leave|write|post|give)\s+(?:a |an )?(?:bad |negative |1-star |one-star |terrible )?"
            r"review"
            r"|(?:on|to) (?:twitter|facebook|linkedin|reddit|trustpilot|yelp|social media)|go(?:ing)? public"
            r"|tell everyone|warn (?:others|everyone))"
        ),
    ),
)
_SARCASM = re.compile(
    r"(?i:thanks? (?:a lot )?for nothing|(?:great|good) job(?:\.{2,}|,? not\b)|oh (?:great|wonderful|perfect)"
    r"|yeah,? right|so much for|(?:really|so|very) helpful(?:\.{2,}|,? not\b)|well done(?:\.{2,}|,? not\b)"
    r"|\.\.\.\s*not\b|slow clap)"
)
_REPEAT_CONTACT = re.compile(
    r"(?i:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|umpteenth|nth) time|again"
    r"|still (?:not|no|broken|waiting)"
    r"|already (?:told|explained|reported|contacted|asked)|how many times|(?:multiple|several|many) times)"
)
_PUNCTUATION_RUN = re.compile(r"[!?]{2,}")


@dataclass
class _Cues:
    vader: dict[str, float]
    caps_share: float = 0.0
    punctuation_runs: int = 0
    mild_words: list[str] = field(default_factory=list)
    strong_words: list[str] = field(default_factory=list)
    profanity: list[str] = field(default_factory=list)
    threats: list[str] = field(default_factory=list)
    sarcasm: list[str] = field(default_factory=list)
    repeat_contact: list[str] = field(default_factory=list)


FEATURES = (
    "vader_neg",
    "vader_neu",
    "vader_pos",
    "vader_compound",
    "caps_share",
    "punctuation_runs",
    "mild_frustration_words",
    "strong_frustration_words",
    "profanity",
    "threats",
    "sarcasm",
    "repeat_contact",
    "lexicon_score",
)


_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}  # VADER's answer for an empty text


@cache
def _vader() -> Any:
    # The analyzer reads its lexicon from disk (~7,500 entries): once, on first use, never at import.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _vader_scores(text: str) -> dict[str, float]:
    """VADER per sentence, averaged (word-weighted for neg/neu/pos), as its authors advise for paragraphs.
    VADER's cost grows with the square of a text's length, so sentences are also ~1.5x faster."""
    sentences = [sentence for sentence in _SENTENCE_END.split(text) if sentence.strip()]
    if len(sentences) > 2 * _VADER_SENTENCES:
        sentences = sentences[:_VADER_SENTENCES] + sentences[-_VADER_SENTENCES:]
    if not sentences:
        return _NEUTRAL
    analyzer = _vader()
    weights = np.array([len(sentence.split()) for sentence in sentences], dtype=np.float64)
    scores = [analyzer.polarity_scores(sentence) for sentence in sentences]
    averaged = {key: float(np.average([score[key] for score in scores], weights=weights)) for key in _NEUTRAL}
    averaged["compound"] = float(np.mean([score["compound"] for score in scores]))
    return averaged


def _analyse(text: str) -> _Cues:
    cues = _Cues(vader=_vader_scores(text))
    words = _WORD.findall(text)
    long_words = [word for word in words if len(word) >= 3]
    shouted = [word for word in long_words if word.isupper() and word not in _ACRONYMS]
    # One capitalised word is emphasis; shouting needs a few.
    cues.caps_share = len(shouted) / len(long_words) if len(shouted) >= 3 else 0.0
    cues.punctuation_runs = len(_PUNCTUATION_RUN.findall(text))
    for word in words:
        lower = word.lower()
        if lower in _STRONG_WORDS:
            cues.strong_words.append(lower)
        elif lower in _MILD_WORDS:
            cues.mild_words.append(lower)
        elif lower in _PROFANITY:
            cues.profanity.append(lower)
    cues.strong_words += [match.lower() for match in _STRONG_PHRASES.findall(text)]
    cues.threats = [reason for reason, pattern in _THREATS if pattern.search(text)]
    cues.sarcasm = [match.group() for match in _SARCASM.finditer(text)]
    cues.repeat_contact = [match.group() for match in _REPEAT_CONTACT.finditer(text)]
    return cues


_LEVEL_THRESHOLDS = (0.15, 0.35, 0.55)  # score at which level 1, 2 and 3 start


def _score(cues: _Cues) -> float:
    """Additive criteria, each capped, so that no single cue can make a ticket angry on its own."""
    # Sarcasm reads as praise to VADER: do not let that positivity count as calm.
    compound = cues.vader["compound"] if not cues.sarcasm else min(cues.vader["compound"], 0.0)
    score = 0.35 * max(0.0, -compound)
    score += min(0.2, 0.1 * len(cues.mild_words)) + min(0.4, 0.2 * len(cues.strong_words))
    score += 0.3 * min(1.0, cues.caps_share / 0.4)
    score += min(0.2, 0.07 * cues.punctuation_runs)
    score += min(0.5, 0.25 * len(cues.profanity))
    score += min(0.3, 0.15 * len(cues.threats))
    score += 0.15 if cues.sarcasm else 0.0
    score += min(0.2, 0.1 * len(cues.repeat_contact))
    return min(1.0, score)


def _level(score: float) -> int:
    return sum(score >= threshold for threshold in _LEVEL_THRESHOLDS)


def _readable(cues: _Cues) -> list[str]:
    reasons = [f'"{word}"' for word in dict.fromkeys(cues.strong_words + cues.mild_words)]
    if cues.caps_share:
        reasons.append("all-caps shouting")
    if cues.punctuation_runs:
        reasons.append('repeated "!!!" or "???"')
    if cues.profanity:
        reasons.append("profanity or insults")
    reasons += cues.threats
    if cues.sarcasm:
        reasons.append(f'sarcasm ("{cues.sarcasm[0]}")')
    if cues.repeat_contact:
        reasons.append(f'repeat contact about the same problem ("{cues.repeat_contact[0]}")')
    if cues.vader["compound"] <= -0.5:
        reasons.append(f"strongly negative wording (VADER {cues.vader['compound']:.2f})")
    return reasons


def lexicon_frustration(texts: Iterable[str]) -> list[tuple[float, int, list[str]]]:
    """Criteria-only frustration for each text: (score in [0, 1], level 0-3, human-readable cues)."""
    results = []
    for text in texts:
        cues = _analyse(text)
        score = _score(cues)
        results.append((score, _level(score), _readable(cues)))
    return results


def cues_for(text: str) -> list[str]:
    """The human-readable frustration cues of one text, e.g. to explain a learned model's score."""
    return _readable(_analyse(text))


class FrustrationCues(TransformerMixin, BaseEstimator):
    """Frustration cue features for a learned model: VADER neg/neu/pos/compound, caps share, "!!!" runs, and
    log1p counts of mild and strong frustration words, profanity, threats, sarcasm and repeat-contact
    phrases, plus the criteria-only score. Stateless: ``fit`` only validates its input."""

    def fit(self, X: Sequence[str], y: Any = None) -> FrustrationCues:
        as_texts(X)
        return self

    def transform(self, X: Sequence[str]) -> np.ndarray:
        texts = as_texts(X)
        features = np.zeros((len(texts), len(FEATURES)), dtype=np.float64)
        for row, text in enumerate(texts):
            cues = _analyse(text)
            counts = (cues.mild_words, cues.strong_words, cues.profanity, cues.threats, cues.sarcasm)
            features[row] = (
                cues.vader["neg"],
                cues.vader["neu"],
                cues.vader["pos"],
                cues.vader["compound"],
                cues.caps_share,
                np.log1p(cues.punctuation_runs),
                *(np.log1p(len(found)) for found in counts),
                np.log1p(len(cues.repeat_contact)),
                _score(cues),
            )
        return features

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray([f"frustration:{name}" for name in FEATURES], dtype=object)

    def __sklearn_is_fitted__(self) -> bool:
        return True  # nothing is learned

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        # Raw text in, as for HashingVectorizer: a 1-d batch of strings, and nothing to learn.
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags
