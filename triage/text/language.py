"""Which language a ticket is written in, whether the model can read it, and what can be read without
reading the language.

Detection is py3langid (BSD-3-Clause; a naive Bayes over byte n-grams, numpy only, no download): about
0.1 ms for a short ticket and 0.2 ms for the first ``DETECTION_CHARS`` characters of a long one on our
2-core machine, against the pipeline's 10 ms single-ticket budget. lingua (Apache-2.0) is more accurate on
very short texts but loads hundreds of MB for its accurate mode.

Support tickets are short and full of names, product words and error messages, so a detector asked
"which of 97 languages?" calls "API down" Basque and "SSO broken for Société Générale users" French. Two
guards keep such texts English (``fallback``): only ``CANDIDATE_LANGUAGES`` are considered, and a guess
counts only when the text has at least ``MIN_WORDS`` words and the detector's normalised probability is at
least ``MIN_PROBABILITY``. A ticket in a language the model did not learn then gets the language-neutral
evidence below, and the pipeline abstains (triage.pipeline).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from triage.schema import Ticket
from triage.text.signals import SERVER_UNAVAILABLE

LANGUAGES_KEY = "languages"  # the model metadata's list of the languages it was trained on
# A model saved before languages were recorded was trained on the English demo history.
DEFAULT_LANGUAGES = ("en",)

# Languages a support desk plausibly receives; excluding the rest (Galician, Basque, Latin, ...) stops short
# English and Spanish texts from landing on a small neighbour.
CANDIDATE_LANGUAGES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs", "hu", "ro", "el", "tr",
    "ru", "uk", "ar", "he", "hi", "ja", "zh", "ko", "id", "vi", "th",
)  # fmt: skip
MIN_WORDS = 4
MIN_PROBABILITY = 0.9
DETECTION_CHARS = 600  # the opening of a long ticket says its language; the rest only costs time
_WORD = re.compile(r"\w+")

# A training set is in a language when at least this share of (a sample of) its rows is: a few quoted
# foreign sentences do not make a model able to read that language.
TRAINED_SHARE = 0.05
TRAINED_SAMPLE = 2000


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    probability: float  # the detector's normalised probability of its guess (0 when not asked)
    detected: bool  # False: too short or too unsure, ``code`` is the fallback


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """Loaded on first use (0.7 s), not at import, with the weights of the candidate languages only: what
    ``set_languages`` keeps, without the weights of all 142 languages beside it (27 MB more in every server)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    weights, priors, languages, next_move, rows, outputs = load_model(MODEL_DIR / MODEL_FILE)
    wanted = {code if code != "nb" else "no" for code in CANDIDATE_LANGUAGES}
    if not wanted <= set(languages):
        raise ValueError(f"the language model lacks {sorted(wanted - set(languages))}")
    kept = [index for index, code in enumerate(languages) if code in wanted]
    return LanguageIdentifier(
        weights[:, kept],
        priors[kept],
        [languages[index] for index in kept],
        next_move,
        outputs,
        norm_probs=True,
        tk_row=rows,
    )


# English words that are not words of the other candidate languages (no "is", "we", "of", "was", "will": Dutch,
# German and Danish have them). Plain English prose is full of them, so most tickets need no detector at all
# (0.35 ms a ticket, a third of the decision's time); a foreign letter quoting an English error message has
# too few of them for the share below.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "our",
        "this",
        "that",
        "with",
        "have",
        "has",
        "please",
        "are",
        "not",
        "can",
        "would",
        "there",
        "what",
        "they",
        "been",
        "from",
        "but",
        "again",
        "which",
        "could",
        "should",
        "because",
        "when",
        "were",
        "does",
        "about",
        "since",
        "nobody",
        "every",
    ]
)
ENGLISH_SHARE = 0.12  # of the opening's words, at least 3 of them
_ENGLISH_SAMPLE = 80  # words


def _plainly_english(words: list[str]) -> bool:
    sample = [word.lower() for word in words[:_ENGLISH_SAMPLE]]
    hits = sum(word in _ENGLISH_WORDS for word in sample)
    return hits >= 3 and hits >= ENGLISH_SHARE * len(sample)


def detect_language(text: str, fallback: str = "en") -> Language:
    """The language of ``text``; ``fallback`` when the text is too short or the detector unsure."""
    opening = text[:DETECTION_CHARS]
    words = _WORD.findall(opening)
    if len(words) < MIN_WORDS:
        return Language(fallback, 0.0, False)
    if _plainly_english(words):
        return Language("en", 1.0, True)  # told by its function words; the detector is not asked
    ranked = _identifier().rank(opening)
    code, probability = str(ranked[0][0]), float(ranked[0][1])
    if code in _CLOSE_NEIGHBOURS:
        # Danish and Norwegian share most of their words: the detector often splits a plain Danish complaint
        # 0.8 / 0.2 between them, so the pair counts together toward the bar and the member is picked after.
        probability = sum(float(share) for member, share in ranked if member in _CLOSE_NEIGHBOURS)
        code = _danish_or_norwegian(words, ranked)
    code = "nb" if code == "no" else code  # langid's Norwegian is Bokmål; ISO 639-1 "no" is the macrolanguage
    if probability < MIN_PROBABILITY:
        return Language(fallback, probability, False)
    return Language(code, probability, True)


_CLOSE_NEIGHBOURS = frozenset({"da", "no"})  # py3langid's codes
# Everyday words spelt differently in Danish and Bokmål: the detector's pick between the two stands unless these
# say otherwise by at least two words.
_DANISH_ONLY = frozenset({
    "af", "hvad", "meget", "været", "være", "blevet", "nogen", "noget", "nogle", "jeres", "efter", "gerne", "sådan",
    "endnu", "købt", "køb", "hej", "fortsat", "mit", "dit", "sit", "mig", "dig", "sig", "igen", "tilbage", "hjælp",
    "tak", "spørgsmål", "uge", "gøre", "blive", "bliver", "gange", "selskab",
})  # fmt: skip
_NORWEGIAN_ONLY = frozenset({
    "av", "hva", "veldig", "vært", "blitt", "noen", "noe", "dere", "etter", "hei", "fortsatt", "ennå", "kjøpt",
    "kjøp", "ikkje", "enda", "gjerne", "mitt", "ditt", "sitt", "meg", "deg", "seg", "igjen", "tilbake", "hjelp",
    "takk", "spørsmål", "uke", "gjøre", "bli", "blir", "ganger", "selskap",
})  # fmt: skip


def _danish_or_norwegian(words: list[str], ranked: Sequence[tuple[str, float]]) -> str:
    lowered = [word.lower() for word in words]
    danish = sum(word in _DANISH_ONLY for word in lowered)
    norwegian = sum(word in _NORWEGIAN_ONLY for word in lowered)
    if danish >= norwegian + 2:
        return "da"
    if norwegian >= danish + 2:
        return "no"
    return str(ranked[0][0])


def ticket_text(ticket: Ticket) -> str:
    return f"{ticket.subject}\n{ticket.body}" if ticket.subject else ticket.body


def trained_languages(tickets: Sequence[Ticket]) -> list[str]:
    """The languages of a training set: those of at least ``TRAINED_SHARE`` of an evenly spaced sample of
    its rows (English for texts too short to tell), most common first."""
    step = max(1, len(tickets) // TRAINED_SAMPLE)
    sample = tickets[::step]
    counts: dict[str, int] = {}
    for ticket in sample:
        code = detect_language(ticket_text(ticket)).code
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [code for code, count in ranked if count >= TRAINED_SHARE * len(sample)] or list(DEFAULT_LANGUAGES)


def model_languages(metadata: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages a saved model can read (English for models saved before they were recorded)."""
    return tuple(metadata.get(LANGUAGES_KEY) or DEFAULT_LANGUAGES)


# -- what can be read in any language ---------------------------------------------------------------
# The escalation signals found by shape, not by English words (triage.text.signals._SHAPES): an amount with
# its currency, HTTP status and error codes, exception names and stack traces.
# Data-protection articles are found here ("privacy_article"); the English signals' privacy_regulation
# matches words.
LANGUAGE_NEUTRAL_SIGNALS: dict[str, tuple[str, ...]] = {
    "technical": ("error_code", "stack_trace", "outage"),
    "financial": ("money_amount",),
    "legal": ("privacy_article",),
}
_SHAPE_SIGNALS = frozenset(("error_code", "stack_trace", "money_amount"))
_PRIVACY_LAWS = r"(?:UK[ -])?GDPR|DSGVO|RGPD|AVG|LGPD|GDPR-UE|UODO|RODO|DSG|CCPA|CPRA|KVKK"
# An article of a data-protection law, as lawyers cite it in any language: "Art. 15 DSGVO", "article 17 du
# RGPD", "artículo 15 RGPD", "GDPR Article 20", "art. 18 da LGPD", "artikkel 15 i GDPR", "článku 15 GDPR"; with the
# article after its number where Finnish and Turkish put it ("GDPR:n 15 artiklan", "KVKK'nın 11. maddesi"); and the
# GDPR's own number.
_ARTICLE = r"(?i:art(?:\.|icle|ikel|ículo|igo|icolo|ykuł|ikkel)?|článek|článku|čl\.)"
_PRIVACY_ARTICLE = re.compile(
    rf"\b{_ARTICLE}\s*\d{{1,3}}\b[^\n.;]{{0,12}}?\b(?:{_PRIVACY_LAWS})\b"
    rf"|\b(?:{_PRIVACY_LAWS})\s*{_ARTICLE}\s*\d{{1,3}}\b"
    # Turkish cites an ordinal ("11. madde"): "3 madde" is three items.
    rf"|\b(?:{_PRIVACY_LAWS})\b[^\n.;\d]{{0,6}}\d{{1,3}}(?:\s(?i:artikla\w*)|\.\s(?i:madde\w*))"
    r"|\b2016/679\b"
)

# Amounts as most of Europe writes them, with the currency after: "1 240,00 €", "1.240,00 EUR", "89,90 €",
# "1 250,00 Kč", "1.250,00 TL".
# The signals' money_amount reads the English form ("$1,240.00", "1,240 euros") and "890 €".
_EUROPEAN_AMOUNT = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d{2}\s?"
    r"(?:€|(?:EUR|CHF|GBP|USD|PLN|SEK|DKK|NOK|CZK|TRY|TL)\b|zł|kr\b|Kč|₺)"
)

# An HTTP status after the word for "error" or "code" in French, German, Italian, Portuguese, Spanish, Dutch,
# Polish, Swedish, Danish, Norwegian, Finnish, Czech or Turkish ("erreur 503", "Fehler 500", "erro 502", "errore
# 404", "błąd 502", "kod błędu 500", "felkod 503", "fejlkode 500", "feilkode 500", "virhe 500", "chyba 500", "hata
# kodu 500"; not the bare Swedish "fel", Danish "fejl" or Norwegian "feil", which also say "wrong": "fel 400 kr"), or
# before it where the language puts it there ("429 hatası", "500-virhe"); the signals' error_code reads the English
# words ("error 500", "returns 503").
_FOREIGN_ERROR_CODE = re.compile(
    r"\b(?i:erreur|fehler|fehlercode|statuscode|errore|erro|error|fout|foutcode|código|codice|code|statut|http"
    r"|błąd|błędu|błędem|kod|felkod|fejlkode|feilkode|virhe|virhekoodi|chyba|chybový kód|kód|hata kodu)"
    r"(?:\s*:)?\s*+[45]\d\d\b"  # possessive: a run of spaces is read once, whatever its length
    # Not an amount: "chyba 500 Kč na faktuře" is a mistake of 500 crowns, "virhe 500 euroa" of 500 euros.
    r"(?![ \t]?(?:Kč|CZK|kr\b|€|EUR|zł|TL\b|[.,]\d|(?i:euro\w*|korun\w*|kron\w*|kroner|złot\w*|zlot\w*|lir\w*"
    r"|dolar\w*|dollar\w*|frank\w*|franc\w*|pfund|sterlin\w*|forint\w*)\b))"
    r"|\b[45]\d\d[- ](?i:hata(?:sı|ları|lar|sını)?|virhe(?:en|ttä|itä|et)?)\b"
)

# A failure message quoted in English from a log or a screen, in a ticket in any language: 'aparece "Job failed -
# retry scheduled"', « Sync failed: timeout ». Between double quotes or guillemets only: a single quote is also an
# apostrophe ("l'erreur").
_QUOTED_FAILURE = re.compile(
    r"[\"“„«][^\"“”„«»\n]{0,60}?\b(?i:failed|failure|error|exception|timed out|timeout)\b[^\"“”„«»\n]{0,60}[\"”“»]"
)

# A quoted message that is a text to edit, not a failure seen: after the word for a template or a text
# ('die E-Mail-Vorlage "Login failed"', 'el texto del mensaje "Payment failed"'), or in a how-to question
# ('¿Cómo cambio "Payment failed"?').
_TEXT_TO_EDIT = re.compile(
    r"(?i:\b(?:\w*vorlage|template|plantilla|texto|testo|text|tekst|treść|modèle|modelo|modello|sjabloon|szablon"
    r"|mall|skabelon|\w*pohja\w*|teksti\w*|şablon\w*|metin|metn\w*|šablon\w*)\b)(?:\W+\w+){0,3}?\W*$"
)
_HOW_TO_OPENING = re.compile(
    r"(?i:^\W*(?:\w+\W+){0,5}?(?:how|where|comment|où|wie|wo|cómo|como|dónde|donde|come|dove|onde|hoe|waar|jak"
    r"|gdzie|hur|var|hvordan|hvor|miten|missä|mistä|nasıl|nerede|nereden|kde)\b)"
)
# Turkish asks "how" near the end of its clause: '"Sync failed" mesajının metnini nasıl değiştirebilirim?'; not a
# question after a comma ('ekranda "Sync failed" yazıyor, loglar nerede?' reports a failure).
_HOW_TO_LATE = re.compile(r"(?i:\b(?:nasıl|nerede|nereden)\b)")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_SENTENCE_AFTER = re.compile(r"[^.!?\n]{0,200}[.!?]?")

# A server that is down, as browsers and gateways print it in any language: a 502, 503 or 504 with its English
# reason phrase or after "HTTP" ("Error 503 Service Unavailable", "HTTP 502"), the shapes the English outage
# signal reads. A bare "erreur 503" stays an error code: one failing call is no outage.
_SERVER_UNAVAILABLE = re.compile("|".join(f"(?:{pattern})" for pattern in SERVER_UNAVAILABLE))


def language_neutral_signals(signals: Mapping[str, int], text: str) -> dict[str, int]:
    """The signals of one ticket that do not depend on reading its language, with data-protection articles."""
    kept = {name: count for name, count in signals.items() if name in _SHAPE_SIGNALS}
    # Found by the signals or here, whichever found more, so that one amount or code never counts twice.
    for name, found in (
        ("money_amount", len(_EUROPEAN_AMOUNT.findall(text))),
        ("error_code", len(_FOREIGN_ERROR_CODE.findall(text))),
        ("error_code", _quoted_failures(text)),
    ):
        if found > kept.get(name, 0):
            kept[name] = found
    outages = len(_SERVER_UNAVAILABLE.findall(text))
    if outages:
        kept["outage"] = outages
    articles = len(_PRIVACY_ARTICLE.findall(text))
    if articles:
        kept["privacy_article"] = articles
    return kept


def _quoted_failures(text: str) -> int:
    """The failure messages quoted in ``text``, less those quoted as a text to edit (see _TEXT_TO_EDIT)."""
    found = 0
    for match in _QUOTED_FAILURE.finditer(text):
        before = _SENTENCE_BREAK.split(text[max(0, match.start() - 200) : match.start()])[-1]
        following = _SENTENCE_AFTER.match(text, match.end())
        after = following.group() if following else ""
        how_to = after.endswith("?") and (
            _HOW_TO_OPENING.search(before) is not None or _HOW_TO_LATE.search(after.split(",", 1)[0]) is not None
        )
        if not how_to and _TEXT_TO_EDIT.search(before) is None:
            found += 1
    return found


def language_neutral_hits(signals: Mapping[str, int]) -> dict[str, int]:
    """Per trigger, how many language-neutral signals speak for it."""
    return {trigger: sum(signals.get(name, 0) for name in names) for trigger, names in LANGUAGE_NEUTRAL_SIGNALS.items()}
