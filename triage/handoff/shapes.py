"""Amounts and identifiers found by their shape, whatever the convention the customer writes in.

An amount is a currency (a symbol, an ISO code or a word, before or after) with a number in any grouping
("1,290.00", "1.290,00", "1 290,00", "1'290.00"), optionally scaled ("1.9m", "3.2k", "1,9 Mio.") and
optionally per period ("850 per month"). The whole number is kept as written: the parser never stops at a
separator, so "EUR 1.290,00" is never "EUR 1".

An identifier is a reference number after the word that names it ("invoice numbers 2026-1184 and 2026-1187",
"workspace id ws-88213"), a card's last four digits ("ending 4417"), or an HTTP status or error code in any
of the languages we get ("502 Bad Gateway", "Errore 500", "Fehler 503").
"""

from __future__ import annotations

import re

_SYMBOL = r"[$€£¥₹]|(?:us|ca|au|nz|hk|s)\$|kr\.?(?=\s?\d)|fr\.?(?=\s?\d)|chf"
_ISO = r"usd|eur|gbp|chf|cad|aud|nzd|nok|sek|dkk|pln|czk|huf|jpy|inr|brl|mxn|zar|sgd|hkd|ron|isk"
_WORD = r"dollars?|euros?|pounds?(?: sterling)?|francs?|kroner|kronor|krona|crowns?|yen|rupees?|zloty|reais"
_CURRENCY = rf"(?:{_SYMBOL}|\b(?:{_ISO})\b)"
_CURRENCY_AFTER = rf"(?:[$€£¥₹]|\b(?:{_ISO}|{_WORD})\b|kr\b\.?)"
# A number: groups of three after any separator (",", ".", a space of any width, an apostrophe), then a decimal
# part after either mark; or plain digits. Possessive, so a long run of digits is read once.
_NUMBER = r"\d{1,3}+(?:[,.\u00a0\u202f' ]\d{3}(?!\d))++(?:[.,]\d{1,2}(?!\d))?|\d++(?:[.,]\d{1,2}(?!\d))?"
_SCALE = (
    r"(?:\s?(?:k|m|mn|bn|mm)\b|\s(?:million|millions|thousand|billion|millionen|milliards?|miljoen|millones|milioni"
    r"|mila)\b|\s(?:mio|mrd)(?:\.|\b))"
)
_PERIOD = (
    r"(?:\s?(?:per|a|an|each|every|/)\s?(?:month|year|annum|user|seat|licen[cs]e|week|day|hour|mo|yr)\b"
    r"|\s(?:pro (?:monat|jahr)|al mese|all'anno|par mois|par an"
    r"|al mes|al año|per maand|per jaar)\b|\s?p\.?[am]\.?(?!\w))"
)
AMOUNT = re.compile(
    rf"(?<![\w.,]){_CURRENCY}\s?(?:{_NUMBER}){_SCALE}?{_PERIOD}?"
    rf"|(?<![\w.,])(?:{_NUMBER}){_SCALE}?\s?{_CURRENCY_AFTER}{_PERIOD}?",
    re.IGNORECASE,
)
# A bare figure with cents ("41.90 x2") is an amount only in a sentence about paying.
BARE_AMOUNT = re.compile(r"(?<![\w.,])\d{1,6}[.,]\d{2}(?![\w.,%])")


def amounts(text: str) -> list[str]:
    """Every amount in ``text`` as written, less a separator that ends a clause ("EUR 40," but "1,9 Mio.")."""
    found = []
    for match in AMOUNT.finditer(text):
        amount = match.group(0).strip()
        if not _ENDS_ABBREVIATED.search(amount):
            amount = amount.rstrip(",.'")
        found.append(amount)
    return found


_ENDS_ABBREVIATED = re.compile(r"(?:mio|mrd|p\.a|p\.m)\.$", re.IGNORECASE)

# The words that name a reference number, singular or plural, in the languages we get.
_REFERENCE_NOUN = (
    r"invoices?|orders?|receipts?|transactions?|tickets?|cases?|contracts?|po|purchase orders?|references?|ref"
    r"|accounts?|workspaces?|org(?:ani[sz]ation)?s?|tenants?|projects?|instances?|sites?|subscriptions?|merchants?"
    r"|stores?|customer|client|member(?:ship)?|claims?|booking|shipments?|parcels?|tracking|credit notes?"
    r"|fattura|fatture|factura|facturas|facture|factures|rechnung|rechnungen|factuur|facturen|pedido|commande"
    r"|bestellung|ordine|bestelling|numero|número|nummer|n[°º]"
)
_ID = r"(?=[\w-]{0,40}\d)[A-Za-z0-9](?:[\w-]|[./:](?=\w)){1,40}+"
REFERENCES = re.compile(
    rf"\b(?:{_REFERENCE_NOUN})\b\s?(?:numbers?|nos?\.?|#|ids?|refs?"
    rf"|references?|codes?)?(?:\s(?:is|was|are))?\s?[:#=]?\s?"
    r"(?:no\.?\s?)?"
    rf"(?P<ids>{_ID}(?:\s?(?:,|/|&|\band\b|\bor\b|\bto\b|\bthen\b)\s?{_ID}){{0,9}})",
    re.IGNORECASE,
)
_ID_PART = re.compile(_ID)
# An ISO date is a date, not a reference: "order 2026-11-25" names the day.
_DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?$")
CARD_ENDING = re.compile(
    r"\b(?:ending(?: in| with)?|ends(?: in| with)?|last (?:4|four)(?: digits)?(?: are| being)?"
    r"(?: of (?:the |my |our |your )?(?:credit |debit )?card(?: number)?(?: (?:is|are|was))?)?"
    r"|terminant par|que termina en|che termina (?:con|in)|endend op|endet (?:mit|auf))\s?[:#]?\s?"
    r"(?:[*x•.\u2022]{2,16}\s?)?(?P<digits>\d{4})\b"
    r"|[*x•\u2022]{4,12}\s?(?P<masked>\d{4})\b",
    re.IGNORECASE,
)
_REASON = (
    r"bad request|unauthori[sz]ed|forbidden|not found|method not allowed|conflict|gone|payload too large"
    r"|too many requests|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out"
)
HTTP_STATUS = re.compile(
    rf"\b[1-5]\d\d (?:{_REASON})\b"
    r"|\b(?:http(?:/\d(?:\.\d)?)?|error|errors|errore|erreur|fehler|fout|erro|error code|status(?: code)?|code"
    r"|código|codice|statuscode)\s?[:#]?\s?[1-5]\d\d\b"
    rf"|\b[45]\d\d(?=s?\b(?:\s(?:errors?|responses?|status|codes?)\b))",
    re.IGNORECASE,
)


# A year, then a running number: the commonest invoice numbering ("2026-1184", "2025/00417"); a date has a
# two-digit month there instead.
YEAR_SEQUENCE = re.compile(r"(?<![\w/.-])(?:19|20)\d{2}[-/](?!(?:19|20)\d{2}(?!\d))\d{3,7}(?![\w/-])")  # not 2019-2021


def identifiers(text: str) -> list[str]:
    """Reference numbers after their noun, card endings and HTTP statuses, in the order they appear."""
    found: list[tuple[int, str]] = []
    for match in REFERENCES.finditer(text):
        start = match.start("ids")
        for part in _ID_PART.finditer(match.group("ids")):
            value = part.group(0).rstrip(".:/")
            if any(c.isdigit() for c in value) and not _DATE_SHAPE.match(value) and not _AMOUNTISH.match(value):
                found.append((start + part.start(), value))
    found += [(match.start(), match.group(0)) for match in YEAR_SEQUENCE.finditer(text)]
    for match in CARD_ENDING.finditer(text):
        found.append((match.start(), f"card ending {match.group('digits') or match.group('masked')}"))
    for match in HTTP_STATUS.finditer(text):
        found.append((match.start(), match.group(0)))
    return list(dict.fromkeys(value for _, value in sorted(found)))


# A figure with a thousands separator and nothing else is a number of things, not a reference ("order 1,200").
_AMOUNTISH = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,2}$")
