"""What a hand-off must carry from the whole ticket: the steps the customer and the agents already took, the
customer's deadline, amounts, identifiers and log lines, named contacts, what kind of case it is, and how
long the thread has been open.

Everything here reads the ticket's own words with linear regular expressions (each is timed on adversarial
input in tests/handoff/test_facts.py). The signals (``triage.text.signals``) decide escalation; these
patterns only decide what the next tier is shown, so they prefer showing a line too many to dropping a step.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from triage.schema import Ticket
from triage.text import multilingual
from triage.text.language import detect_language
from triage.text.multilingual import multilingual_signals
from triage.text.trajectory import hours_spanned

MAX_ITEMS = 12  # per list: a hand-off lists facts, it does not repeat the ticket


# --- Amounts and identifiers by shape
# Amounts and identifiers found by their shape, whatever the convention the customer writes in.
#
# An amount is a currency (a symbol, an ISO code or a word, before or after) with a number in any grouping
# ("1,290.00", "1.290,00", "1 290,00", "1'290.00"), optionally scaled ("1.9m", "3.2k", "1,9 Mio.") and
# optionally per period ("850 per month"). The whole number is kept as written: the parser never stops at a
# separator, so "EUR 1.290,00" is never "EUR 1".
#
# An identifier is a reference number after the word that names it ("invoice numbers 2026-1184 and 2026-1187",
# "workspace id ws-88213"), a card's last four digits ("ending 4417"), or an HTTP status or error code in any
# of the languages we get ("502 Bad Gateway", "Errore 500", "Fehler 503").

_SYMBOL = r"[$€£¥₹]|(?:us|ca|au|nz|hk|s|r)\$|kr\.?(?=\s?\d)|fr\.?(?=\s?\d)|rs\.?(?=\s?\d)|chf"
_ISO = r"usd|eur|gbp|chf|cad|aud|nzd|nok|sek|dkk|pln|czk|huf|jpy|inr|brl|mxn|zar|sgd|hkd|ron|isk"
_WORD = r"dollars?|euros?|pounds?(?: sterling)?|francs?|kroner|kronor|krona|crowns?|yen|rupees?|zloty|reais"
_CURRENCY = rf"(?:{_SYMBOL}|\b(?:{_ISO})\b)"
_CURRENCY_AFTER = rf"(?:[$€£¥₹]|\b(?:{_ISO}|{_WORD})\b|kr\b\.?)"
# A number: groups of three after any separator (",", ".", a space of any width, an apostrophe), then a decimal
# part after either mark; or plain digits. Possessive, so a long run of digits is read once.
# Indian grouping ("4,50,000", "1,20,00,000") is tried first: groups of two, then a last group of three.
_NUMBER = (
    r"\d{1,2}+(?:,\d{2}(?!\d))++,\d{3}(?![\d,])(?:\.\d{1,2}(?!\d))?"
    r"|\d{1,3}+(?:[,.\u00a0\u202f' ]\d{3}(?!\d))++(?:[.,]\d{1,2}(?!\d))?|\d++(?:[.,]\d{1,2}(?!\d))?"
)
_SCALE = (
    r"(?:\s?(?:k|m|mn|bn|mm)\b|\s(?:million|millions|thousand|billion|millionen|milliards?|miljoen|millones|milioni"
    r"|mila)\b|\s(?:mio|mrd)(?:\.|\b))"
)
_PERIOD = (
    r"(?:\s?(?:per|a|an|each|every|/)\s?(?:month|year|annum|user|seat|licen[cs]e|week|day|hour|mo|yr)\b"
    r"|\s(?:pro (?:monat|jahr)|al mese|all'anno|par mois|par an"
    r"|al mes|al año|per maand|per jaar)\b|\s?p\.?[am]\.?(?!\w))"
)
# An amount in words: "two thousand dollars", "a hundred and fifty euros", "fifteen hundred pounds".
_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|a (?:hundred|thousand|million)"
    r"|(?:a few|a couple of|several) (?:hundred|thousand)"
)
_AMOUNT_IN_WORDS = rf"\b(?:{_NUMBER_WORD})(?:[ -](?:and )?(?:{_NUMBER_WORD})){{0,5}}+ (?:{_WORD})\b"
AMOUNT = re.compile(
    rf"(?<![\w.,]){_CURRENCY}\s?(?:{_NUMBER}){_SCALE}?{_PERIOD}?"
    rf"|(?<![\w.,])(?:{_NUMBER}){_SCALE}?\s?{_CURRENCY_AFTER}{_PERIOD}?"
    rf"|{_AMOUNT_IN_WORDS}{_PERIOD}?",
    re.IGNORECASE,
)
# A bare figure with cents ("41.90 x2") is an amount only in a sentence about paying.
BARE_AMOUNT = re.compile(r"(?<![\w.,])\d{1,6}[.,]\d{2}(?![\w.,%])")


def amounts_by_shape(text: str) -> list[str]:
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
    # a reference in another language: "ons kenmerk z2026-14418", "Aktenzeichen 3 O 118/26"
    r"|kenmerk|referentie|aktenzeichen|riferimento|referencia|référence|dossier|expediente"
    # a number compounded with its noun: "Kundennummer 4471-2290", "klantnummer 5521"
    r"|[^\W\d_]{2,20}nummer"
)
_ID = r"(?=[\w/.-]{0,40}\d)[A-Za-z0-9](?:[\w-]|[./:](?=\w)){1,40}+"
# These name a reference only with its word: "employee no. 4471", not "employee 401k contributions".
_QUALIFIED_NOUN = r"employee|patient|student|policy"
_NUMBER_WORD_OF_ID = r"numbers?|nos?\.?|#|ids?|refs?|n[°º]|references?|codes?"
REFERENCES = re.compile(
    rf"(?:\b(?:{_REFERENCE_NOUN})\b(?:\s?\(?(?:{_NUMBER_WORD_OF_ID}))?|\b(?:{_QUALIFIED_NOUN})\s?(?:{_NUMBER_WORD_OF_ID}))"
    rf"(?:\s(?:is|was|are))?\s?[:#=]?\s?"
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
    r"|terminant par|que termina en|che termina (?:con|in)|endend op|endet (?:mit|auf)"
    r"|(?:cart[ãa]o|card|tarjeta|carte|karte|carta)(?: de cr[ée]dito)? (?:com )?(?:final|terminado em|terminada en))"
    r"\s?[:#]?\s?"
    r"(?:[*x•.\u2022]{2,16}\s?)?(?P<digits>\d{4})\b"
    r"|[*x•\u2022]{4,12}\s?(?P<masked>\d{4})\b",
    re.IGNORECASE,
)
_REASON = (
    r"bad request|unauthori[sz]ed|forbidden|not found|method not allowed|conflict|gone|payload too large"
    r"|too many requests|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out"
)
HTTP_STATUS = re.compile(
    rf"\b[1-5]\d\d (?:{_REASON})\b|\b(?:{_REASON}) \([1-5]\d\d\)"  # "Service unavailable (503)"
    r"|\b(?:http(?:/\d(?:\.\d)?)?|error|errors|errore|erreur|fehler|fout|erro|error code|status(?: code)?|code"
    r"|código|codice|statuscode)\s?[:#]?\s?[1-5]\d\d\b"
    rf"|\b[45]\d\d(?=s?\b(?:\s(?:errors?|responses?|status|codes?)\b))",
    re.IGNORECASE,
)


# A year, then a running number: the commonest invoice numbering ("2026-1184", "2025/00417"); a date has a
# two-digit month there instead.
YEAR_SEQUENCE = re.compile(r"(?<![\w/.-])(?:19|20)\d{2}[-/](?!(?:19|20)\d{2}(?!\d))\d{3,7}(?![\w/-])")  # not 2019-2021


def identifiers_by_shape(text: str) -> list[str]:
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
        if not _PHONE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            found.append((match.start(), f"card ending {match.group('digits') or match.group('masked')}"))
    for match in HTTP_STATUS.finditer(text):
        found.append((match.start(), match.group(0)))
    return list(dict.fromkeys(value for _, value in sorted(found)))


# A telephone's last digits are no card's: "a mobile ending 0391", "my phone number ending in 7712".
_PHONE_BEFORE = re.compile(
    r"\b(?:mobile|phone|cell(?:phone)?|telephone|landline|handy|m[óo]vil|portable|cellulare|telefone|telefoon)"
    r"(?: number| no\.?)?\s$",
    re.IGNORECASE,
)
# A figure with a thousands separator and nothing else is a number of things, not a reference ("order 1,200").
_AMOUNTISH = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,2}$")

# "art." ends no sentence before an article of a law ("art. 6(1)(f) GDPR", "art. 17 del GDPR"); "some art. 3 frames
# arrived" is two sentences.
_LAW_ARTICLE = (
    r"\s+\d{1,3}(?:\(\w{1,3}\)){0,3},?\s(?i:gdpr|dsgvo|rgpd|avg|bdsg|lopd|ccpa|uk|of|del|della|des|du|de|der|lit|abs"
    r"|para|sub)\b"
)
# A sentence ends at . ! ? but not after a title or an abbreviation ("Ms. Dana Garfield", "St. Columba").
# ("complaint no. AG-1" keeps its number; "the U.S. District Court" is one sentence)
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bvs\.)(?<!\bInc\.)"
    r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bno\.)(?<!\bU\.S\.)(?<!\bU\.K\.)"
    rf"(?:(?<!\bart\.)(?<!\bArt\.)|(?!{_LAW_ARTICLE}))\s+|(?<=\bno\.)\s++(?![\w-]{{0,40}}\d)|\n+"
)
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"  # "sep" reads "sept." too
_ZONE = r"(?:\s?(?:utc|gmt|cet|cest|bst|est|edt|pst|pdt|et|pt|ist|aest))?"
_CLOCK = (
    rf"\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm)\b{_ZONE}|\d{{1,2}}(?::|h)\d{{2}}{_ZONE}\b"
    rf"|\d{{1,2}}\.\d{{2}} ?uhr\b|noon|midday|midnight|lunchtime"
)
# The date after a weekday: "Friday 4 December", "Friday, December 4th", "Wednesday the 9th of December".
_DATE_OF_DAY = (
    rf"(?:(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}(?! ?\d{{1,2}}\b)|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b)"
)
_WHEN = (
    rf"(?:(?:the )?end of (?:the |this |next )?(?:day|week|month"
    rf"|quarter|year|financial year|fiscal year|(?:the )?{MONTH})"
    rf"|eod|cob|eow|close of business)(?: (?:on )?{_DAY})?"
    rf"|today|tonight|tomorrow(?: morning| afternoon| noon)?"
    rf"|(?:next |this )?{_DAY}(?:,? (?:morning|afternoon|evening|noon|midday|lunchtime|(?:at )?(?:{_CLOCK})"
    rf"|{_DATE_OF_DAY}|(?:the )?\d{{1,2}}(?:st|nd|rd|th)\b))?"
    rf"|{_CLOCK}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|(?:the )?\d{{1,2}}(?:st|nd|rd|th)\b|christmas|new year|easter|thanksgiving"
)
_WHEN = (  # "5 pm today", "4pm on 20 March"
    rf"(?:{_WHEN})(?:,? (?:today|tonight|tomorrow|(?:on |this |next )?{_DAY}(?:,? {_DATE_OF_DAY})?"
    rf"|on (?:the )?\d{{1,2}}(?:st|nd|rd|th)?(?: (?:of )?{MONTH})?|on {MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b))?"
)
# The customer's own deadline: "by 3 pm", "before Friday", "within 24 hours", "need it today", "the board
# meeting at 3pm", "deadline is March 14".
_EVENT = (
    r"(?:payment|due|renewal|billing|filing|closing|go-live|launch|cut-?off|contract end) date|year[- ]end|month[- ]end"
)
_RESULT = r"(?:back|refunded|paid|resolved|fixed|sorted|settled|returned)"  # what a span is asked for
_COUNT = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|twenty-four|thirty)"
_SPAN = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|sixty|ninety)"
    r" (?:days?|weeks?|months?)"
)
# "ninety (90) days'": the number in words, then in figures
_NOTICE_SPAN = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|sixty|ninety)"
    r"(?: \(\d{1,3}\))? (?:days?|weeks?|months?)"
)
# A request with a time and no date: "need it today", "can you get someone on this asap".
_ASK = (
    r"(?:need|needs|needed|must|has to|have to|want|expect|require|would like|appreciate|awaiting|can you|could you"
    r"|please"
    r"|pls|plz|get someone|get me|get this)"
)
# An imperative with its time: "Send me the reference TODAY", "call me back today".
_IMPERATIVE = (
    r"(?:send|call me|call us|ring me|ring us|phone me|get back to (?:me|us)|tell me|tell us|let (?:me|us) know)"
)
_SOON = r"(?:today|tonight|tomorrow|asap|immediately|right now|this (?:morning|afternoon|week|month))"
# A request with its time in the other languages the deadline reads ("Necesitamos una respuesta hoy", "Je veux
# savoir aujourd'hui"): the verbs of need and of want, and the words for today ("aujourd'hui" has no word boundary
# before it, so each pattern adds it apart).
# "now" is a time only shouted or set off: "on a call with me NOW", "call me now, not tomorrow"; not "we now need"
_NOW = r"\b(?:(?-i:NOW)\b|(?-i:now)(?=,? (?:not|please)\b|!))"
# Right after a call asked for, "now" is its time whatever follows, save "now that" and "now and then" ("call me
# now, this cannot wait", "call me now."; not "can you call me now that the fix is out"); so are "right away" and
# "straight away".
_CALL_NOW = rf"(?:{_NOW}|(?-i:now)\b(?! that\b| and then\b)|(?:right|straight) away\b)"
# A call asked for, up to where its time may follow.
_CALL_ASKED = (
    rf"(?:{_ASK}\b[^.!?\n]{{0,80}}?\b(?:call|phone|ring|speak|talk)\w*|(?:call|ring|phone) (?:me|us)\b)"
    r"[^.!?\n]{0,30}?"
)
_FOREIGN_NEED = "necesitamos|necesito|il nous faut|nous avons besoin|j'ai besoin|wir brauchen|ich brauche"
_FOREIGN_WANT = (
    "quiero|queremos|je veux|nous voulons|j'exige|nous exigeons|ich will|wir wollen|voglio|vogliamo|ho bisogno"
    "|abbiamo bisogno|preciso|precisamos|quero"
)
_FOREIGN_TODAY = "hoy|heute|sofort|oggi|subito|hoje"
# A polite request in the other languages, whose time follows: "Merci de me communiquer aujourd'hui la date",
# "Bitte rufen Sie mich heute zurück", "Por favor, envíenme hoy la referencia" (not "Merci de votre réponse").
_FOREIGN_PLEASE = (
    r"merci de (?!(?:votre|vos|ta|ton|tes|cette|ce|la|le|les|tout|tous)\b|l['’])|veuillez|pouvez-vous|pourriez-vous"
    r"|je vous prie de|bitte|por favor"
    r"|le ruego|les ruego|per favore|vi prego di|la prego di|por gentileza|graag|proszę"
)
_FOREIGN_TODAY_ASKED = "hoy|heute|oggi|hoje|vandaag|dzisiaj|dziś"
# A feast a request must be met before, in the languages the deadlines read, after the request's own word: "Ich
# bitte um einen Termin noch vor Weihnachten", "nous souhaitons une réponse avant Noël", "necesitamos el informe
# antes de Navidad" (not "Wir hatten vor Weihnachten ein Problem"; English: _WHEN's christmas).
_FOREIGN_ASKED = (
    r"bitte|bitten|brauchen|benötigen|möchten|erwarten|fordern|müssen|veuillez|besoin|voulons|veux|souhait\w*"
    r"|demand\w*|exige\w*|necesit\w*|queremos|quiero|pedimos|solicit\w*|exigimos|chiediamo|chiedo|vogliamo"
    r"|voglio|bisogno|richied\w*|graag|willen|verzoeken|nodig|precisamos|preciso"
)
_BEFORE_FEAST = (
    rf"\b(?:{_FOREIGN_ASKED})\b[^.!?\n]{{0,80}}?(?:\b(?:(?:noch )?vor|bis) (?:weihnachten|ostern|neujahr)\b"
    r"|\bavant (?:noël|pâques|le nouvel an)|\bantes de (?:navidad|semana santa|año nuevo)\b"
    r"|\bprima di (?:natale|pasqua|capodanno)\b|\b(?:vóór|voor) (?:de )?(?:kerst(?:mis)?|pasen)\b"
    r"|\bantes do natal\b)"
)
_DEADLINE = re.compile(
    rf"\b(?:by|before|until|no later than|ahead of|bis(?: zum)?|avant(?: le)?|antes del?|hasta el)\s+(?:{_WHEN})"
    # "before the payment date on the 15th", "before our year end on the 31st", "ahead of the renewal in February"
    rf"|\b(?:by|before|ahead of)\s+(?:the |our |my )?(?:{_EVENT}|renewal)\b,? (?:on|in|of) (?:{_WHEN}|{MONTH})"
    rf"|\b(?:renewal|contract) (?:is |comes up |ends )?in {_SPAN}"
    rf"|\bbefore (?:we |our )?(?:go[- ]live|launch|cutover|migrat\w+)\b(?: (?:next week|this week|{_WHEN}))?"
    rf"|\bwith effect (?:from )?(?:{_WHEN}|{_SPAN}(?: from (?:the )?(?:date|receipt|today|now)"
    rf"(?: of (?:this|our|the) (?:letter|notice|e-?mail))?)?)"
    rf"|\b(?:within|in) the next {_COUNT} (?:business |working )?(?:hours?|days?)\b|\bwithin (?:the|an) hour\b"
    rf"|\bwithin {_COUNT} ?(?:business |working )?(?:hours?|hrs?|h|days?)\b"
    # a result asked for in a span: "if the money is not back on my card in 14 days"
    rf"|\b{_RESULT}\b[^.!?\n]{{0,40}}? in {_COUNT} (?:days?|hours?)\b"
    rf"|\b{_RESULT} (?:by (?:the )?end of )?(?:this|next) (?:week|month)\b"
    rf"|\b(?:sous|dans les|d'ici) \d{{1,3}} ?(?:heures|h|jours)\b|\ben (?:las próximas )?\d{{1,3}} (?:horas|días)\b"
    rf"|\binnerhalb (?:von )?\d{{1,3}} (?:stunden|tagen)\b"
    rf"|\b(?:deadline|due date|cut-?off)\b(?: is| of| on|:)?\s+(?:{_WHEN})"
    rf"|\bdue (?:at|by|on|before)\s+(?:{_WHEN})|\b(?:[a-z]+ )?due (?:next|this) (?:week|month|{_DAY})"
    rf"|\b(?:meeting|call|presentation|launch|go[- ]live|goes live|cutover|audit|filing|payroll|hearing)\b(?: is)?"
    rf"(?: due)?"
    rf" (?:(?:at|on|by)\s*(?:{_WHEN})?|(?:this|next) (?:week|{_DAY}|morning|afternoon)\b|tomorrow|today)"
    rf"|\b{_ASK}\b[^.!?\n]{{0,100}}?\b{_SOON}\b"
    # an ultimatum's condition with its time: "If I don't hear from someone senior today I'm turning it off"
    rf"|\b(?:if (?:i|we) (?:don'?t|do not|haven'?t|have not|can'?t|cannot|won'?t)|if (?:this|it) (?:isn'?t|is not"
    rf"|hasn'?t|has not|won'?t)|unless)\b[^.!?\n]{{0,80}}?\b{_SOON}\b"
    # an answer asked for with its time: "We would be grateful for a written reply this week"
    rf"|\b(?:a|an|your|some|any)(?: written| formal| full| clear| proper)? (?:reply|response|answer|confirmation"
    rf"|decision|call back|callback)\b[^.!?\n]{{0,30}}?\b{_SOON}\b"
    # asked before an event of theirs with its date, whatever the event: "I need it before our AP run on the 20th"
    rf"|\b{_ASK}\b[^.!?\n]{{0,60}}?\b(?:by|before|ahead of)\s(?:the |our |my |their )(?:[\w-]+ ){{1,3}}?"
    rf"(?:on|at) (?:{_WHEN})"
    # a deadline named, then its time: "the practical deadline for us is about 14:00 UTC"
    rf"|\b(?:deadline|cut-?off|latest)\b[^.!?\n]{{0,30}}?\b(?:is"
    rf"|by|at|of|:)\s(?:about |around |roughly |at )?(?:{_WHEN})"
    # an event of theirs with its time: "our board meets Thursday", "the inspection on 12 January"
    rf"|\b(?:board|meeting|audit|inspection|hearing|review|launch|go-live|payroll|filing|demo|presentation|cutover"
    rf"|migration|renewal|deadline|trial|court date|exam|event|conference|contract|agreement|subscription|term"
    rf"|books|rent|salaries|wages|payment run|direct debit|panel|assessment|visit|close)\b(?: [\w-]+){{0,2}}?"
    rf" (?:meets|is|starts|begins|happens|opens|runs|falls|takes place|is scheduled|comes|goes out|go out|closes"
    rf"|close|ends|end|expires|lapses|renews|is due|are due|runs out)"
    rf"(?: (?:on|at|for|this|next))? (?:{_WHEN})"
    rf"|\b(?:{_WHEN}) (?:board meeting|meeting|audit|inspection|hearing|launch|go-live|payroll run|filing|deadline)\b"
    # work of theirs due at a period's end: "the analysis our CFO presents at the end of quarter"
    rf"|\b(?:presents?|presenting|reports?|reporting|files?|filing|submits?|submitting|closes|close)"
    rf" (?:at|by|for|before) (?:the )?end of (?:the |this )?(?:quarter|month|year|financial year|fiscal year)\b"
    # "begins an onsite inspection of our access controls on 12 January" (not "the audit we had on Monday")
    rf"|\b(?:inspection|audit|hearing|review)\b(?: (?!(?:had|was|were|held|did|last)\b)[\w&-]+){{0,6}}?"
    rf" (?:on|at) (?:{_WHEN})"
    # before an event: "before the year-end accounts", "in time for the quarterly return"
    rf"|\b(?:by|before|ahead of|in time for)\s(?:the |our |my |their )?(?:[\w-]+ ){{0,2}}?(?:accounts|audit"
    rf"|inspection|board meeting|filing|launch|payroll|deadline|close|closing|holidays|return|go-live|review|hearing"
    rf"|meeting|exam|panel|assessment|visit|presentation|demo|migration|payment run"
    rf"|cutover|release|renewal|year[- ]end|quarter[- ]end|month[- ]end)\b(?: (?:accounts|audit|close|filing|return))?"
    rf"(?:,? (?:on|at|in|this|next) (?:{_WHEN}|{MONTH}|week|month|\d{{1,2}}/\d{{1,2}}\b))?"
    rf"|\b(?:our|my) (?:[\w-]+ ){{0,3}}?(?:locks|closes|starts|begins|opens|ends|goes out|goes live|kicks off|cuts off)"
    rf" (?:at|on) (?:{_CLOCK})"
    # end of day said as an abbreviation is a deadline wherever it stands: "we run payroll eod tomorrow"
    rf"|\b(?:eod|cob|eow)\b(?: (?:today|tonight|tomorrow|(?:on )?{_DAY}))?"
    # a notice period: "terminate on 30 days' written notice"
    rf"|\b(?:on|giving|give|serve|provide) {_NOTICE_SPAN}'? (?:written |prior |formal )?notice\b"
    rf"|\bwithin (?:a|one|{_COUNT}) (?:calendar )?(?:weeks?|months?)\b"
    rf"|\bwithin the statutory [^.!?\n]{{0,30}}?(?:period|deadline|month)"
    # the cheap forms in the other languages: "A fine mese", "entro venerdì", "binnen de termijn van een maand",
    # "bis Ende des Monats", "d'ici la fin du mois", "antes del viernes"
    r"|\b(?:a |entro (?:la |il )?|per (?:la )?|prima della )fine (?:del )?(?:mese|settimana|anno|giornata)\b"
    r"|\bentro (?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domani|oggi|stasera|\d{1,3} (?:ore|giorni)"
    r"|(?:il |le )?\d{1,2}(?: [a-z]+)?)"
    r"|\bbinnen\b[^.!?\n]{0,40}?\b(?:\d{1,3}|een|één|twee|drie|vier|vijf|zeven|tien|veertien|dertig)"
    r" (?:uur|dagen|dag|weken|week|maanden|maand)\b"
    r"|\b(?:vóór|voor|uiterlijk(?: op)?) (?:maandag|dinsdag|woensdag|donderdag|vrijdag|morgen|vandaag"
    r"|het einde van de (?:maand|week)|eind deze (?:maand|week))"
    r"|\b(?:bis|spätestens)(?: zum| am)? (?:montag|dienstag|mittwoch|donnerstag|freitag|morgen|heute"
    r"|ende (?:des monats|der woche|des jahres)|monatsende|jahresende|\d{1,2}\.\s?\d{0,2}\.?\s?[a-zä]*)"
    r"|\b(?:avant|d'ici) (?:le |la )?(?:fin (?:du mois|de (?:la )?semaine|de l'année)|lundi|mardi|mercredi|jeudi"
    r"|vendredi|demain|ce soir|\d{1,2} [a-zéû]+)"
    r"|\b(?:antes del?|para el|a más tardar el) (?:lunes|martes|miércoles|jueves|viernes|fin de mes|\d{1,2} de [a-z]+)"
    r"|\ba fin de mes\b"
    # the same request in the other languages: "Necesitamos una respuesta ya", "il nous faut une réponse aujourd'hui"
    rf"|\b(?:{_FOREIGN_NEED})\b[^.!?\n]{{0,60}}?(?:\b(?:hoy|ya|heute|sofort)\b|\baujourd'hui)",
    re.IGNORECASE,
)
# Deadlines of rarer forms, in a pattern of their own so that the one above stays within its time budget on long
# texts (both are read, and a phrase another holds is dropped: "by the end of the month" beside "cancel by the
# end of the month").
_MORE_DEADLINES = re.compile(
    rf"\b{_IMPERATIVE}\b[^.!?\n]{{0,100}}?\b{_SOON}\b"
    # a call asked for now: "I need someone technical on a call with me NOW", "call me now, please"
    rf"|\b{_CALL_ASKED}{_CALL_NOW}"
    # more requests with their time in the other languages: "Je veux savoir aujourd'hui", "Quiero una respuesta hoy"
    rf"|\b(?:{_FOREIGN_WANT})\b[^.!?\n]{{0,60}}?(?:\b(?:ya|{_FOREIGN_TODAY})\b|\baujourd'hui)"
    rf"|\b(?:{_FOREIGN_PLEASE})[^.!?\n]{{0,60}}?"
    rf"(?:\b(?:{_FOREIGN_TODAY_ASKED})\b|\baujourd'hui)"
    rf"|{_BEFORE_FEAST}"
    # the customer's own invoicing with its day: "December invoicing starts on the 10th"
    rf"|\b(?:invoicing|invoice run|billing run)\b (?:starts|begins|runs|goes out|closes|is due|happens)"
    rf"(?: (?:on|at|this|next))? (?:{_WHEN})"
    # a notice's date of effect: "Die Kündigung wird zum 31.12.2026 wirksam", "termination effective 31 March"
    # (a clause's number keeps its dot: "notice of termination under clause 11.3, effective 31 January 2027")
    rf"|\b(?:kündigung|termination|cancellation|résiliation|rescisión|disdetta|opzegging)\b"
    rf"(?:[^.!?\n]|(?<=\d)\.(?=\d)){{0,60}}?"
    rf"\b(?<!bis )(?:zum|effective(?: from| on)?|with effect from|takes? effect(?: on)?|à compter du|con efecto del?)"
    # the span, then its date: "will take effect 30 days from the date of this notice, i.e. on 4 January 2027"
    rf"(?:\s{_NOTICE_SPAN} from (?:the )?date of (?:this|our|the) (?:notice|letter|e-?mail),? (?:i\.e\.|that is),?"
    rf"(?: on)?)?\s(?:{_WHEN})"
    # an event of theirs with its day in other languages: "la auditoría anual el día 15", "die Prüfung am 15."
    rf"|\b(?:auditoría|auditoria|prüfung|revisione|inspección|ispezione|reunión|réunion|riunione|sitzung|junta"
    rf"|cierre|chiusura|clôture|abschluss|audiencia|udienza|audience)\b"
    # not one that was: "La reunión fue el día 3"
    rf"(?:(?!\b(?:fue|foi|war|était|a eu lieu|era|è stata|was)\b)[^.!?\n]){{0,20}}?"
    rf"\b(?:el día|el|o dia|il giorno|il|le|am)\s\d{{1,2}}\b(?!\.\d| ?%)"
    # a step of theirs threatened for a period's end: "we will be giving notice of non-renewal ... at the end of the
    # month"
    rf"|\b(?:non-renewal|not renew|cancel\w*|terminat\w*|switch\w*|withhold\w*|stop paying|leave you)\b"
    rf"[^.!?\n]{{0,60}}?\b(?:at|by) (?:the )?end of (?:the |this |next )?(?:month|week|quarter|year)\b",
    re.IGNORECASE,
)
_PAYMENT_WORDS = re.compile(
    r"\b(?:charg\w*|paid|pay\w*|refund\w*|price\w*|cost\w*|fees?|bill\w*|statement|card)\b", re.IGNORECASE
)
# Codes as customers paste them: INV-2231, ORA-00942, ERR_CONN_RESET (upper case, with a digit or an
# underscore: "follow-up" is no code), NullPointerException; and, in any case, HTTP 502, a UUID, 0x8007.
_UPPER_CODE = re.compile(
    r"\b[A-Z][A-Z0-9]{1,15}+(?:[-_][A-Z0-9]{1,20}+){1,4}+\b|\b[A-Z][A-Za-z0-9]{0,60}?(?:Exception|Error)\b"
    r"|\b[A-Z]{2,10}+\d{3,12}+\b"  # AADSTS50011
    r"|\b[a-z]{2,8}+_[A-Za-z0-9]{4,40}+\b"  # txn_5Kq81, whd_88f1a2: a vendor's object ids
    # a job or run id of several parts with a digit: exp_20261205_0200, run_2026_11_30 (not "read_only_user")
    r"|\b[a-z]{2,8}+_(?=[A-Za-z0-9_]{0,60}\d)[A-Za-z0-9]{2,40}+(?:_[A-Za-z0-9]{1,40}+){1,3}+\b"
    r"|\b[a-z]_\d{3,12}+\b"  # u_773104: a user's record
    r"|\b[A-Z](?:-[A-Z0-9]{2,20}+){1,4}+\b"  # E-SYNC-502
    r"|(?<=['\"‘“(])[a-z][a-z0-9]{1,30}+(?:_[a-z0-9]{1,30}+){1,6}+(?=['\"’”)])"  # 'dataset_not_found', quoted
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # an IP address
    r"|(?<![\w/])/[\w-]{1,40}+(?:/[\w.{}-]{1,80}+){1,8}+"  # an endpoint or path: /v3/charges, /v2/projects/{id}
)
_CODE = re.compile(
    r"\b(?:HTTP|error|erreur|fehler|status|code)\s?[:#]?\s?[45]\d\d\b"
    # a system's own numbered code after its name: "SQLSTATE 40001", "errno 111", "exit code 137"
    r"|\b(?:sqlstate|errno|exit (?:code|status)|error (?:code|number|no\.?)|reason code|return code)\s?[:=#]?\s?"
    r"[0-9a-z]{0,6}\d[0-9a-z]{0,6}\b"
    r"|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
    r"|\b0x[0-9a-f]{4,16}+\b"
    # a cloud region, where data went or a service runs: "us-east-1", "eu-west-2", "europe-west1"
    r"|\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:east|west|north|south|central|northeast|southeast|northwest"
    r"|southwest)-\d\b|\b(?:europe|asia|us|northamerica|southamerica|australia)-(?:east|west|north|south|central"
    r"|northeast|southeast)\d\b",
    re.IGNORECASE,
)
# An e-mail address the message names as an account or a sender ("a new admin user 'svc-sync@protonmail.com'"),
# not the signature's own address: quoted, bracketed, or after the word that names it. A mailbox named by its local
# part alone is one too: "one of our admin accounts (ops-admin@)", "the account 'billing@'".
_NAMED_ADDRESS = re.compile(
    r"(?:['\"‘“(<]|\b(?:user|admin|account|address|e-mail|email|sender|login|from|invited"
    # the same words in the other languages: "registrato con l'indirizzo ...", "avec l'adresse ..."
    r"|indirizzo|adresse|direcci[oó]n|correo|adres|konto|compte|cuenta):? )"
    r"(?P<address>[\w.+-]{1,64}+@(?:[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,4}+|(?![\w-])))",
    re.IGNORECASE,
)
# A code in brackets or quotes needs no digit: "Last run: failed (RPT-TIMEOUT)", "status 'PAYMENT_HELD'".
_BRACKETED_CODE = re.compile(r"(?<=['\"‘“(])[A-Z]{2,12}+(?:[-_][A-Z]{2,20}+){1,3}+(?=['\"’”)])")
# A request id has a digit or an underscore in it: "req_8Hq2LmX0", not the word after "request ids attached".
_REQUEST_ID = r"(?=[A-Za-z-]{0,63}[\d_])[\w-]{4,64}+"
_REQUEST_IDS = re.compile(
    r"\b(?:request|req|trace|correlation|incident)[ _-]?ids?\s?[:=]?\s?"
    rf"(?P<ids>{_REQUEST_ID}(?:,\s?{_REQUEST_ID}){{0,9}}+)",
    re.IGNORECASE,
)
# Record ids listed in words: "two neighbouring ids (48213 and 48215)", "id 88213".
_NUMBERED_IDS = re.compile(r"\bids?\s?\(?(?P<ids>\d{3,12}+(?:(?:,\s?|,? and |,? or )\d{3,12}+){0,9}+)", re.IGNORECASE)
_LOG_LINE = re.compile(
    r"^\s{0,8}+(?:\[?\d{4}-\d{2}-\d{2}[T ]\d|\[?\d{2}:\d{2}:\d{2}|\[?(?:ERROR|WARN|WARNING|FATAL|CRITICAL)\b"
    r"|Traceback \(|at [\w.$]{1,200}+\(|[\w.]{1,200}?(?:Exception|Error):)",
)
# A line pasted from a system rather than written: "SAML response rejected: signature validation failed (...)";
# it has the "label: detail" form, so a subject such as "Account locked after payment failed" is none.
_PASTED_FAILURE = re.compile(
    r"^(?=[^\n]{0,300}?: )\s{0,8}+[A-Za-z][\w .()-]{2,60}?\b(?:rejected|failed|denied"
    r"|refused|invalid|not trusted|timed out)\b[^\n]{0,200}$",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|we|our|my|us|me|you|your|please)\b", re.IGNORECASE)
# A customer sentence that reports something already done: "we rolled back the deploy", "opened a test
# listener", "tried chrome and firefox", "I have already reset my password".
_DONE = (
    r"tried|checked|restarted|rebooted|rolled back|reverted|cleared|opened|diffed|compared|reinstalled|updated"
    r"|upgraded|downgraded|disabled|enabled|verified|confirmed|tested|ran|re-?ran|retried|switched|reset|flushed"
    r"|rotated|regenerated|revoked|reconnected|re-?authori[sz]ed|contacted|called|raised|filed|reported|complained"
    r"|changed|removed|logged out|signed out|swapped|replaced|increased|whitelisted|allowlisted|followed"
    r"|re-?sent|resubmitted|attached|emailed|uploaded|submitted|provided"
    r"|asked|told|notified|informed|blocked|locked|deleted|logged (?:it|this|a (?:ticket|case|call))"
    r"|restored|captured|traced|installed|looked (?:under|in|at|through|everywhere)|searched|went through"
    r"|gone through|imported|synced|stopped|done everything|did everything|done all|did all"
    r"|cycled|power-?cycled|pinned|bounced|redeployed|re-?deployed|rebuilt|recreated|purged|toggled"
)
# The same report in the other languages customers write to us in: "nous avons essayé", "ya he escrito".
_FOREIGN_STEP = re.compile(
    r"\b(?:nous avons|j'ai|on a|hemos|he|ya he|wir haben|ich habe)\s(?:\w+\s){0,2}?"
    r"(?:essay\w*|red[ée]marr\w*|vid[ée]\w*|contact[ée]\w*|écrit|appel[ée]|probado|intentado|escrito|reiniciado"
    r"|llamado|contactado|versucht|neu gestartet|kontaktiert|geschrieben|angerufen|supprim\w*|v[ée]rifi[ée]\w*"
    r"|comprobado|verificado|borrado|eliminado|gelöscht|geprüft|überprüft)"
    # Italian and Dutch: "abbiamo già provato", "we hebben de cache geleegd" (not a product tried out: "abbiamo
    # provato la demo l'anno scorso")
    r"|\b(?:abbiamo|ho)\s(?:\w+\s){0,2}?(?:provato(?! (?:la |il |una |un )?(?:demo|prova|versione di prova|trial"
    r"|prodotto|vostro prodotto|servizio|vostro servizio|piattaforma|vostra piattaforma)\b)"
    r"|verificato|controllato|contattato|riavviato|scritto|chiamato"
    r"|cancellato|eliminato)\b"
    r"|\b(?:we hebben|wij hebben|ik heb)\s(?:\w+\s){0,3}?(?:geprobeerd|gecontroleerd|gecontacteerd|herstart|gebeld"
    r"|gemaild|verwijderd|geschreven|geleegd)\b"
    # Polish says who did it in the verb's ending: "Sprawdziliśmy dwa razy", "Plik usunęliśmy", "próbowałam"
    r"|\b(?:sprawdzi|usunę|próbowa|spróbowa|kontaktowa|skontaktowa|zgłosi|zrestartowa|wyczyści|zmieni|wysła"
    r"|dzwoni|zadzwoni|napisa|zablokowa|przetestowa|zweryfikowa|wylogowa|zresetowa|zaktualizowa)"
    r"(?:liśmy|łyśmy|łem|łam)\b"
    # Portuguese and Spanish drop the subject: the first person's past tense alone says who did it ("Liguei para o
    # banco", "Ya probé otro navegador")
    r"|\b(?:liguei|telefonei|tentei|reiniciei|contatei|contactei|entrei em contato|falei com|enviei|verifiquei"
    r"|limpei|reinstalei|llamé|probé|intenté|reinicié|contacté|escribí|envié|verifiqué|borré|hablé con"
    r"|reinstalé)\b",
    re.IGNORECASE,
)
# Verbs that report a step only with the customer as their subject: "we suspended him in Okta", "I've cancelled
# the card", not "the client cancelled 19 appointments".
_DONE_BY_US = r"sent|cancell?ed|canceled|suspended|deactivated|paused|froze|failed over|moved|migrated|redirected"
_CUSTOMER_STEP = re.compile(
    rf"(?:^(?:(?:already|also|just|then|first)\s)?|\b(?:i|we|i'?ve|we'?ve|i have|we have|i had|we had|and|then)\s"
    rf"(?:(?:already|also|just|then|even|again|both|all|first|manually|have|had|we|i|today|yesterday|now)\s){{0,2}})"
    rf"(?:re-?)?(?:{_DONE})\b"
    rf"|\b(?:i|we|i'?ve|we'?ve|i have|we have|i had|we had)\s(?:(?:already|also|just|then|even|again|both|all|first"
    rf"|manually|have|had)\s){{0,2}}(?:{_DONE_BY_US})\b",
    re.IGNORECASE,
)
# A step told as not taken: "we rotated nothing", "we haven't changed anything", "nobody here deleted anything".
_NOT_TAKEN = re.compile(
    rf"\b(?:{_DONE})\s(?:nothing|anything)\b|\b(?:didn'?t|did not|haven'?t|have not|hasn'?t|never|nobody|no one)"
    rf"\s(?:\w+\s)?(?:{_DONE})\b",
    re.IGNORECASE,
)
# Asks, and claims of what ought to be ("We shouldn't be held to a renewal we had already asked to change"): their
# step verb sits in a clause under the claim.
_NOT_A_STEP = re.compile(
    # a manner kept, not a thing done: "I've tried to be patient and polite, but ..."
    r"\btried (?:hard |very hard |my best |our best )?to (?:be|stay|remain|keep) (?:\w+ )?(?:patient|polite|calm"
    r"|understanding|reasonable|nice|civil|courteous|positive|friendly)\b"
    r"|\?\s*$|^\s*(?:if|please|could you|can you|have you|should i|should we|attached (?:is|are))\b"
    r"|^\s*(?:we|i|you|this|that|it|they)\s+(?:should(?:n'?t| not)?|must(?:n'?t| not)?|ought)\s+(?!have\b)",
    re.IGNORECASE,
)
_ROLE = (
    r"account manager|account director|account executive|customer success manager|success manager|csm"
    r"|account lead|technical account manager|sales rep(?:resentative)?|ceo|cfo|cto|coo|ciso|general counsel|dpo"
    r"|data protection officer|head of [a-z]{2,20}+|it director|in-house counsel|account owner|workspace owner"
    r"|(?:it|office|finance|practice) manager|administrator|admin|account rep(?:resentative)?"
    r"|(?:external|outside) (?:counsel|lawyers|solicitors|attorneys)|law firm"
)
_NAME = r"[A-Z][^\W\d_]{1,20}+(?:(?: &)? [A-Z][^\W\d_'’-]{1,20}+){1,2}+"  # letters of any script: "Anja Krüger"
_TITLE = r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\. )?"  # "our DPO, Dr. Anneke Visser"
_CONTACT = re.compile(
    rf"\b(?i:(?:my|our|your|the) (?P<role>{_ROLE}))\s?(?:,|:|\(|is|was|-)?\s?(?P<name>{_TITLE}{_NAME})"
    rf"|\b(?P<name2>{_NAME})\s?(?:,|\(|-)\s?(?i:(?:my|our|your|the) (?P<role2>{_ROLE}))"
    # a first name set off by commas or brackets: "Our account owner, Laura, was asleep", "your account rep (Sven)"
    rf"|\b(?i:(?:my|our|your|the) (?P<role3>{_ROLE}))(?:,\s|\s\()(?P<name3>[A-Z][^\W\d_]{{1,20}}+)(?=,|\s\(|\))"
)

# What a customer keeps in our product, whose disappearance is lost data.
# The customer or a colleague as the one who deleted: "I accidentally deleted", "we just removed", "someone here
# wiped" (lookbehinds, so the verb's own match does not move).
_NOT_BY_THEM = (
    r"(?<!\bi )(?<!\bwe )(?<!i've )(?<!we've )(?<!i have )(?<!we have )(?<!\bi just )(?<!we just )"
    r"(?<!accidentally )(?<!mistakenly )(?<!by mistake )(?<!someone here )(?<!colleague )"
)
_RECORDS = (
    r"files?|data|records?|documents?|notes?|contacts?|clients?|entries|emails?|messages?|photos?|attachments?"
    r"|histor(?:y|ies)|logs?|events?|projects?|tasks?|bookings?|appointments?|folders?|reports?|uploads?"
    r"|invoices|orders|receipts|photos|images|pictures|videos|products|listings|posts|pages|shipments|transactions"
    r"|recordings?|voicemails?|transcripts?"
)
# Shapes of a live outage told by its effect on the customer's business rather than by the word "down".
_WORKFORCE = (
    r"agents|staff|people|employees|drivers|technicians|operators|cashiers|nurses|workers|engineers|advisers"
    r"|advisors|reps"
)
_WORKFORCE_IDLE = (
    rf"(?:\b\d{{1,5}}|\ball (?:of )?(?:our|my|the)|\bevery one of our) (?:\w+ )?(?:{_WORKFORCE})"
    # live, not "were idle for ten minutes"
    r" (?:are |are now |now |have been )?(?:(?:sitting|standing|left|stuck)? ?idle\b"
    # or at screens that show nothing: "120 agents sitting in front of blank screens"
    r"|(?:sitting|stuck|staring) (?:in front of|at) (?:blank|empty|frozen|black) screens\b)"
    r"|\b(?:whole|entire) (?:team|office|floor|shift|contact cent(?:re|er)|call cent(?:re|er)|warehouse|store)"
    r" (?:is |are )?(?:sitting |standing )?idle\b"
)
_EVERY_UNIT = (
    r"\ball (?:of (?:our|my|the) )?(?:\d{1,3} |two |three |four |five |six )?(?:call |phone |inbound |outbound )?"
    r"(?:queues|lines|numbers|stores|storefronts|sites|locations|branches|tills|terminals|regions|clinics|warehouses)"
)
_FAILING = (
    r"(?:dead air|(?:get|gets|getting|are|is) cut off|(?<!not )(?:not connecting|failing|not working)|offline"
    r"|(?:is|are|went|gone) down|(?:drop|dropping|drops) (?:every|all|the)\b)"
)
# A head count that cannot work, said either way: "none of our ~600 staff can sign in", "all of our users can't log
# in", "all our 40 drivers are locked out"; not a head count that needs, uses or is trained on something, nor one
# supposed ("if none of our users can log in, ...").
_COUNTED = (
    r" (?:of )?(?:our|my|the) (?:[~≈]|about |around |roughly |some |over |nearly |almost )?(?:\d[\d,]* )?(?:users"
    rf"|customers|stores|members|clients|shoppers|sites|locations|devices|terminals|tills|branches|offices|teams"
    rf"|{_WORKFORCE})\b[^.!?\n]{{0,40}}?"
)
_WORK_VERB = r"(?:log|sign|work|use|access|get (?:in|on)|connect|open|load|reach|take|make|place|process|check)"
_HEAD_COUNT_BLOCKED = (
    rf"(?<!\bif )(?<!\bwhen )(?:all|none){_COUNTED}(?:\b(?:can'?t|cannot|can not|couldn'?t|could not"
    rf"|(?:are|were|have been) unable to) {_WORK_VERB}|\b(?:are|were|got|have been) (?:now |all |completely )?"
    r"(?:locked out|kicked out|logged out|offline)\b|\b(?:lost|have no|without) access\b"
    r"|\b(?:are|were) (?:all |now )?(?:getting|seeing|hitting) (?:an? )?(?:errors?|blank|white|error pages?)\b)"
    # "none of ..." with the ability said plainly
    rf"|(?<!\bif )(?<!\bwhen )none{_COUNTED}\b(?:can|could|(?:is|are|has been|have been) able to) {_WORK_VERB}"
)
# What an invoice carries besides its money: "amend our invoice address" is an edit, not a dispute.
_INVOICE_DETAIL = r"(?:address\w*|details|contact|e-?mail|recipient|name|language|currency|format|template)\b"
_REISSUED_DETAIL = (
    rf"(?:to|with|under|in) (?:our|the|my|a|an) (?:new |correct |updated |right |other )?{_INVOICE_DETAIL}"
)
# A percentage rise is a price's when a price word or paying is near it: not "a 20% increase in orders".
_PRICE_WORD = r"(?:pay|paying|price|prices|pricing|fees?|rates?|costs?|charges?|subscription|licen[cs]es?|renewal|quote"
_PRICE_WORD += r"|invoices?|plan|seats?)"
_PRICE_RISE = re.compile(
    rf"(?:\b{_PRICE_WORD}\b[^.!?\n]{{0,60}}?\b\d{{1,3}}(?:[.,]\d{{1,2}})? ?% (?:more|increase|uplift|rise|higher)"
    rf"|\b\d{{1,3}}(?:[.,]\d{{1,2}})? ?% (?:more|increase|uplift|rise|higher)\b(?=[^.!?\n]{{0,40}}?\b{_PRICE_WORD}\b)"
    r"|\b\d{1,3}(?:[.,]\d{1,2})? ?% price increase|\b(?:price|fee|rate"
    r"|pricing|renewal) (?:increase|rise|uplift|hike)s?\b|\buplift\b|\b(?:fees?|prices?|rates?|pricing) (?:move|moves"
    r"|moving|go|goes|going|went|rise|rises|rising|increase|increases|increasing) (?:up )?from"
    # a cost said to go from one amount to another: "takes our annual cost from $212k to just under $290k"
    rf"|\b(?:costs?|spend|prices?|pricing|fees?|bill|invoice)\b[^.!?\n]{{0,30}}?\bfrom {_CURRENCY}? ?\d[\d,.]*+[km]?"
    rf" to (?:just |about |around |almost |nearly )?(?:under |over |below |above )?{_CURRENCY}? ?\d)"
)
_REFUND_AGREED = re.compile(
    r"\brefund\b[^.!?\n]{0,80}?\b(?:was|were|has been|had been|is) ['‘\"“]?(?:\w+ )?"
    r"(?:confirmed|approved|promised|agreed|issued|processed|authori[sz]ed)"
    r"|\b(?:confirmed|approved|promised|agreed|issued|processed) (?:us |me )?"
    r"(?:a |the |our |my )?(?:\w+ )?refund\b"
    # our agent set it going and said when it lands: "I've requested a refund, which should reach you in 5-7 working
    # days", "the duplicate would be refunded in 5-7 working days" (not "your refund request has been escalated")
    r"|\b(?:requested|raised|initiated|submitted|lodged|arranged|put through) (?:a |the |your )?(?:full |partial )?"
    r"refund\b(?! request)"
    r"|\brefund\b[^.!?\n]{0,60}?\b(?:should|will|would) (?:reach|arrive|appear|show up|land|be back)"
    r"|\b(?:will|would|should) be refunded (?:in|within|by)\b"
    # the same in the other languages: "Le remboursement de 540 € est lancé", "m'a confirmé par écrit le
    # remboursement", "die Rückerstattung wurde veranlasst", "el reembolso ha sido aprobado", "il rimborso è stato
    # disposto", "de terugbetaling is verwerkt"
    r"|\bremboursement\b[^.!?\n]{0,60}?\b(?:est|a été|sera) (?:lancé|effectué|validé|confirmé|approuvé|accepté|initié)"
    r"|\b(?:confirmé|validé|accepté|approuvé)\b[^.!?\n]{0,30}?\ble remboursement\b"
    r"|\brückerstattung\b[^.!?\n]{0,60}?\b(?:wurde|ist|wird) (?:\w+ )?(?:veranlasst|angewiesen|freigegeben|bestätigt"
    r"|genehmigt|ausgelöst|eingeleitet)"
    r"|\b(?:bestätigt|genehmigt|zugesagt)\b[^.!?\n]{0,30}?\b(?:die|eine) rückerstattung"
    r"|\breembolso\b[^.!?\n]{0,60}?\b(?:ha sido|fue|foi|está|se ha|será) (?:aprobado|aprovado|procesado|processado"
    r"|confirmado|emitido|tramitado|realizado)|\brimborso\b[^.!?\n]{0,60}?\b(?:è stato|sarà) (?:approvato|emesso"
    r"|confermato|avviato|disposto|effettuato)|\bterugbetaling\b[^.!?\n]{0,60}?\b(?:is|wordt|werd) (?:\w+ )?"
    r"(?:goedgekeurd|verwerkt|bevestigd|uitgevoerd)"
)
# An export or a print that leaves records out: "the attachments are missing from the PDF export" is a defect (not
# "missing from the dashboard": the records may be gone).
_FROM_A_VIEW = (
    r" from (?:the |our |my |this |that |every |each )?(?:[\w-]+ ){0,2}(?:exports?|pdfs?|csvs?|downloads?|previews?"
    r"|print\w*|spreadsheets?|e-?mails?|summar(?:y|ies)|reports? (?:export|pdf|download)s?)\b"
)
# Case patterns, each read over the customer's words (lower case).
_CASES: dict[str, re.Pattern[str]] = {
    "outage": re.compile(
        r"\b(?:(?<!third )(?<!second )(?<!another )(?<!last )(?<!previous )(?<!recent )(?<!earlier )(?<!latest )"
        r"(?<!platform )outage(?!s| month| credit| report| review)|(?:site|app|api|service"
        r"|system|platform|server|portal|checkout|production|prod|everything|page|website|dashboard)s?"
        r" (?:is |are |went |has been |have been )?(?:completely |totally )?down\b|down for (?:all|every)"
        r"|down for (?:over |more than |nearly |almost )?(?:an? |\d{1,3} |two |three |four |five |six )?"
        r"(?:hours?|minutes)\b"
        r"|(?:service |server )?unavailable|indisponible|nicht erreichbar"
        r"|ca[ií]d[oa]|bad gateway|gateway time-?out|\b50[234]\b"
        # a head count said roughly that cannot work: "none of our ~600 staff can sign in", "all of our 1,200 users
        # are locked out" (not "all of our 250 agents need a licence", "all our 300 staff use it daily")
        rf"|{_HEAD_COUNT_BLOCKED}|nobody (?:here |(?:in|at) (?:our|my|the) [\w-]+(?: [\w-]+)? )?can (?:log|sign"
        r"|use|access)|aucun de nos \d* ?utilisateurs|keiner unserer|ninguno de nuestros"
        # the people who depend on it stand idle: "60 agents sitting idle", "the whole call centre is idle"
        rf"|{_WORKFORCE_IDLE}"
        # every line, queue or site failing, said either way round: "all 3 queues ... get cut off",
        # "calls not connecting - ALL queues"
        rf"|{_EVERY_UNIT}\b[^.!?\n]{{0,80}}?{_FAILING}|{_FAILING}[^.!?\n]{{0,40}}?\b{_EVERY_UNIT}\b"
        # an incident the customer rates at the top severity: "P1 - payment files failing", "this is a Sev 1"
        r"|(?<![\w-])(?:p1|sev ?1|severity[ -]1|priority[ -]1)(?![\w-]))"
    ),
    "account_takeover": re.compile(
        r"\b(?:hack(?:ed|er)|compromised|account takeover|taken over|someone (?:else )?(?:has )?(?:logged|signed) in"
        r"|(?:password|e-?mail|phone number|2fa|mfa)(?: address)? (?:was |has been |got )?changed"
        r"|changed (?:the|my|our) (?:e-?mail|password|phone number|login)|(?:turned off|disabled"
        r"|removed) (?:the |my |our )?(?:2fa|mfa|two-factor)"
        r"|(?:nobody|no one|none of us)(?: (?:on|in|at) (?:our|my) (?:team|side|end|company))? (?:did|made)"
        r" (?:this|that|it|these changes)\b"
        r"|(?:added|invited|created) (?:an? )?(?:unknown|unrecogni[sz]ed|strange|external) (?:user|address|admin"
        r"|account|e-?mail)"
        # "unknown admin added to our workspace", "a rogue user was created from the owner's login"
        r"|(?:unknown|unrecogni[sz]ed|strange|rogue|unfamiliar) (?:admin\w*|users?|accounts?)\b"
        r"(?! (?:error|message|warning|exception|field|column|name|id)\b)[^.!?\n]{0,80}?"
        r"\b(?:added|created|invited|appeared)\b"
        # not one the customer made ("I invited three users from the admin account")
        r"|(?<!\bi )(?<!\bwe )(?<!i've )(?<!we've )(?<!i have )(?<!we have )(?<!i just )(?<!we just )"
        r"(?:added|created|invited)\b[^.!?\n]{0,60}?\bfrom (?:our|my|the) (?:[\w'’]+ ){0,2}"
        r"(?:login|account|credentials)"
        r"|(?:don'?t|do not) (?:believe|think) (?:this|that|it) was (?:her|him|me|us|them)\b"
        r"|unauthori[sz]ed (?:[\w-]+ )?(?:login|log-?in|access|sign-?in)|suspicious (?:log-?ins?|sign-?ins?|sessions?"
        r"|activity)"
        # a sign-in that got past the second factor: "logged in from abroad despite 2FA being enforced"
        r"|(?:despite|bypass\w*|got past|circumvent\w*|around) (?:the |our )?(?:2fa|mfa|two-factor|second factor)\b"
        r"|(?:log-?ins?|sign-?ins?|sessions?|logged in|signed in) from (?:an? )?(?:unknown|unfamiliar|unrecogni[sz]ed"
        r"|foreign|suspicious|strange) (?:ip|address|location|device|country|browser)|(?:don'?t|do not"
        r"|didn'?t|did not) recogni[sz]e (?:this |that |the |a "
        r"|these |an )?(?:new )?(?:log-?ins?|sign-?ins?|devices?|sessions?|ip|locations?|activity|e-?mail address)"
        # a sign-in reported for someone who cannot have made it: "a sign-in as jkim ... from 45.146.164.110. Jae
        # is on leave" (not "reset the login for Tom while he is on leave", not "she is not on leave"); from an
        # address or an unknown place, not "from Monday" or "from her phone while she was on holiday"
        r"|(?<!\bwe )(?<!\bi )(?<!we've )(?<!i've )(?<!\bour )(?<!\bmy )(?:sign-?ins?|log-?ins?|logged in|signed in)\b"
        r"[^.!?\n]{0,80}?\bfrom (?:an? |the )?(?:ip (?:address )?)?"
        r"(?:\d{1,3}(?:\.\d{1,3}){3}\b|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}"
        r"|(?:unknown|unfamiliar|unrecogni[sz]ed|foreign|strange|suspicious)\b)[^\n]{0,120}?\b(?:is|was|has been"
        r"|were) (?:on (?:\w+ )?leave|on holiday|on vacation|off sick|asleep|no longer (?:with|at) (?:us|the company)))"
    ),
    "data_exposure": re.compile(
        r"\b(?:(?:data|security|privacy) (?:breach|leak|exposure)|(?:was|were|been|got) (?:\w+ )?breached"
        r"|breach(?:ed)? (?:of )?(?:our|my|your|the) (?:data|systems?|database|servers?|accounts?)"
        r"|leak(?:ed|ing)?|exposed|publicly (?:accessible"
        r"|visible|available)"
        r"|(?:can|could) see (?:other|another) (?:customer|user|compan|people|account)\w*"
        r"|(?:see|saw|seeing|opened|got|received|shown|showing) (?:someone|somebody) else'?s\b"
        r"|(?:ids?|records?|data|files?|projects?|invoices?|accounts?) (?:that )?(?:don'?t|do not|doesn'?t|does not)"
        r" belong to (?:us|me|our|my)\b|(?:records|data|files) belonging to (?:another|other|a different|someone)"
        r"|(?:sent|e-?mailed|mailed|delivered|shared) to (?:the wrong|another|a different)"
        # what went to another recipient, not "we went to a different browser"
        r"|went to (?:the wrong|another|a different) (?:\w+ )?(?:customer|client|user|person|patient|recipient|inbox"
        r"|address|company|account|tenant|member)"
        r"|(?<!not )(?<!never )(?<!or )(?:sold|shared|leaked|gave away) (?:my|our) (?:personal )?(?:data|contacts"
        r"|details|information)"
        r"|(?:other|another) (?:customers?|people|users?|compan\w+|clinic)'?s? (?:data|invoices|records"
        r"|details|files|documents|statements?|pdfs?|reports?|payslips?|attachments?)"
        r"|(?:statements?|data|records|invoices?|details|files?|documents?|pdfs?|reports?|payslips?) (?:of|for"
        r"|belonging to) (?:another|a different|some other) (?:customer|company|user|client|business|person|patient)"
        r"|(?:pdf|attachment|file|statement|document|invoice|report)s?\b[^.!?\n]{0,50}?\b(?:isn'?t|is not|aren'?t"
        r"|are not|wasn'?t|was not) (?:ours|mine)\b"
        # another company's data sent to them, in French, German, Spanish, Italian: "celles d'une autre société",
        # "Daten eines anderen Kunden", "datos de otra empresa", "dati di un altro cliente", "envoyé par erreur"
        r"|(?:données|celles|ceux) d'une? autre (?:société|entreprise|client\w*)|daten (?:eines|einer) anderen"
        r"|datos de otr[oa] (?:empresa|cliente|compañía)|dati di un(?:'| )altr[oa] (?:azienda|cliente|società)"
        # (a data leak named in other languages is triage.text.multilingual's security incident: case_types)
        r"|envoy\w* par erreur|enviad\w* por error|inviat\w* per errore|versehentlich (?:an |\w+ )?(?:gesendet"
        r"|geschickt|verschickt)"
        # data processed outside the region agreed: "event data sent to an endpoint in us-east-1"
        # (reported as done, not asked about: "which transfer mechanism you rely on for transfers outside the EEA")
        r"|(?:(?:has|have) been (?:sending|processing|storing|transferring|routing)"
        r"|(?:was|were|is|are|been) (?:being )?(?:sent|processed|stored|transferred|routed))\b[^.!?\n]{0,120}?"
        r"\b(?:us-(?:east|west)-\d|(?:us|u\.s\.) region|outside (?:the )?(?:eu|eea|uk|european union)\b)"
        r"|data (?:is |was |being |been )?(?:processed|stored) in (?:the )?(?:us|u\.s\.) region"
        # someone received or was shown another person's record: "received another patient's discharge summary"
        r"|(?:received|got|sent|shown|showing|see|saw|seeing|opened|viewed|accessed|sees|gets)\b[^.!?\n]{0,30}?"
        r"\b(?:another|other|a different|the wrong) (?:\w+ )?(?:patient|client|customer|user|member|person|student"
        r"|employee|tenant|company|family|child|account holder)(?:'s|s'|’s)"
        r"|(?:went|sent|delivered|mailed|e-?mailed) to (?:the )?wrong (?:inbox|person|recipient|address|customer"
        r"|patient|client|account|people))"
    ),
    "data_loss": re.compile(
        r"\b(?:data loss|lost (?:all )?(?:of )?(?:our|my|the)? ?(?:data|files|records|documents)"
        r"|(?:files|data|records|documents|folder|contacts|notes) (?:are |is |have |has )?(?:all )?(?:gone"
        rf"|missing(?!{_FROM_A_VIEW})|deleted|disappeared|wiped|empty)"
        r"|(?:files|data|records|documents|notes)\b[^.!?\n]{0,60}?\b(?:are|is|were|was|have been|has been) (?:now )?"
        rf"(?:all )?(?:gone|missing(?!{_FROM_A_VIEW})|deleted|disappeared|wiped)"
        r"|(?:losing|lost) (?:\w+ )?(?:customers'? |users'? )?data"
        # any records of theirs gone: "every note ... for 63 clients is GONE", "2 years of client notes deleted"
        rf"|(?:{_RECORDS})\b[^.!?\n]{{0,60}}?\b(?:is|are|were|was|have been|has been|got) (?:now |just )?(?:all )?"
        r"(?:gone|deleted|wiped|erased|lost)\b"
        # the records, in the same clause, said to be missing (not "events, so a few are now missing"; not a record
        # lacking something: "the invoices are missing the VAT number")
        rf"|(?:{_RECORDS})\b(?:(?!, )[^.!?\n]){{0,100}}?\b(?:is|are|were|was|have been|has been) (?:now |all )?missing"
        r"(?! (?:the|a|an|some|its|their|our|any|information|details)\b)\b"
        rf"(?!{_FROM_A_VIEW})"
        r"|(?:deleted|wiped|erased|lost|lose|losing|destroyed) (?:\d+|two|three|several|many)"
        r" (?:years?|months?|weeks?) of"
        # asked whether it can come back: "can you tell me whether the data is recoverable"
        r"|whether (?:the |our |my )?(?:data|files|records|history|documents) (?:is|are|can be) (?:still )?"
        r"(?:recoverable|restorable|recovered|restored)"
        rf"|(?:is|are) missing (?:all|every|the) (?:\w+ )?(?:{_RECORDS})\b"
        # "the last 3 weeks of invoices we created just vanished"
        rf"|(?:{_RECORDS})\b[^.!?\n]{{0,40}}?\b(?:just |all |have |has |had |simply )?(?:vanished|disappeared)\b"
        rf"|(?:{_RECORDS}) (?:\w+ ){{0,6}}(?:simply )?(?:do not|don'?t|no longer) (?:appear|exist|show up)"
        # a tool of ours that removed the wrong records: "your clean-up tool deletes the wrong events", "the clean up
        # button removed the originals, not the copies", "your dedupe tool deleted contacts that were not duplicates"
        # (not "please remove the wrong address"; not the customer's own slip, "I accidentally deleted the wrong
        # contacts", asked back as a restore, nor "what happens if I deleted the wrong contacts?")
        rf"|{_NOT_BY_THEM}(?:deleted|deletes|removed|removes|wiped|wipes|erased|erases) (?:the |our |my )?"
        rf"(?:wrong (?:{_RECORDS})|originals)\b"
        rf"|{_NOT_BY_THEM}(?:deleted|deletes|removed|removes|merged|merges|wiped|wipes|erased|erases) (?:\w+ )?"
        rf"(?:{_RECORDS}),? (?:that|which) (?:were|are|was|is)(?:n't| not| never) (?:actually |even |really )?"
        r"(?:duplicates?|dupes?|copies|duplicated)\b)"
    ),
    "privacy_request": re.compile(
        r"\b(?:subject access|dsar|(?:article 1[5-9]|article 2[01])\b(?=[^.!?\n]{0,60}?\b(?:gdpr|data protection|rgpd"
        r"|dsgvo|avg)\b)|(?<=gdpr )(?:article 1[5-9]|article 2[01])\b|right to (?:be forgotten|erasure|access)|erasure"
        r"|(?:delete|erase|remove) (?:all )?(?:of )?(?:my|our) (?:account and )?(?:all )?(?:(?:my|our) )?(?:personal )?"
        r"(?:data|information|details)|do not (?:sell|share)"
        r"|opt[- ]out of (?:the )?(?:sale|sharing|processing|marketing|tracking|profiling)"
        r"|copy of (?:all )?(?:the |my )?(?:personal )?data"
        r"|(?:want|like) (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|information|details) (?:gone|deleted|erased"
        r"|removed)|(?:don'?t|do not) want you (?:selling|sharing|passing)"
        r"|(?:personal )?data (?:you|your company|your \w+) (?:hold|holds|keep|keeps|store|stores|process|processes)"
        r"|(?:request\w*|ask\w*|want) (?:for )?(?:access to|a copy of|erasure of|deletion of)"
        r" (?:all )?(?:the |my |of my )?(?:personal )?(?:data|information)"
        r"|art(?:icle|ikel|icolo|ículo|\.)? ?1[5-7] (?:gdpr|avg|dsgvo|rgpd|uk gdpr)|inzage\w*|auskunft\w*"
        r"|accesso ai (?:miei )?dati|acceso a (?:mis|los) datos|droit d'acc[eè]s|copie de mes donn[ée]es"
        r"|(?:verwijder|wis) (?:al )?mijn (?:persoons)?gegevens|l[öo]schung meiner daten"
        r"|cancellazione dei (?:miei )?dati"
        # the same asked in the other cue languages: Finnish "tietopyyntöni", "poistakaa henkilötietoni"; Swedish
        # "registerutdrag", "radera mina personuppgifter"; Danish "indsigtsanmodning", "slet mine oplysninger";
        # Norwegian "innsynsbegjæring", "slett mine personopplysninger"; Polish "dostęp do moich danych",
        # "usunięcie moich danych"; Portuguese "acesso aos meus dados"; Turkish "kişisel verilerimin silinmesi";
        # Czech "přístup k mým osobním údajům", "výmaz mých údajů"
        r"|tietopyyn\w*|tarkastuspyyn\w*|tarkastusoikeu\w*|(?:henkilö)?tietojeni (?:poist\w*|luovut\w*)"
        r"|poista\w* (?:kaikki )?(?:minun )?(?:henkilö)?tietoni|tulla unohdetuksi|registerutdrag\w*"
        r"|(?:radera|ta bort) (?:alla )?mina (?:person)?uppgifter|indsigtsanmodning\w*|indsigt i mine"
        r"|(?:slet|slett) (?:venligst |vennligst )?(?:alle )?mine (?:person)?(?:oplysninger|opplysninger|data)"
        r"|innsynsbegj\w*|innsyn i mine"
        r"|(?:dostęp\w* do|usunięci\w*|usunąć) (?:wszystkich )?moich danych|bycia zapomnianym"
        r"|acesso aos meus dados|(?:eliminação|apagamento|apagar|eliminar) (?:d?os )?meus dados"
        r"|kişisel verilerimin (?:silinmesi|silinmesini|bir kopyası)|verilerime erişim"
        r"|přístup k mým (?:osobním )?údajům|výmaz\w* mých (?:osobních )?údajů|smazání mých (?:osobních )?údajů)"
    ),
    "regulator": re.compile(
        r"\b(?:regulator|regulatory|ombudsman|data protection authority|supervisory authority|attorney general"
        r"|\bico\b|cnil|ftc|cfpb|finra|financial conduct authority|state banking)"
    ),
    "legal_threat": re.compile(
        r"\b(?:(?<!no )legal action|lawsuit|sue\b|suing|court|small claims"
        r"|cease and desist|breach of contract|(?:my|our) solicitors?\b|instruct\w* (?:a |our |my )?solicitors?\b"
        r"|class action|letter before action|complaint (?:was |has been )?filed"
        r"|(?:(?:issue|commence|start|begin|initiate) (?:legal |court )?|legal )proceedings"
        r"|my (?:lawyer|attorney)|our (?:lawyers|attorneys|counsel) (?:will|are|have)"
        r"|(?:involve|instruct|engage|consult|bring in|hand (?:this|it) (?:over )?to) (?:our |my )?"
        r"(?:legal counsel|lawyers?|attorneys?|solicitors?)"
        r"|gerichtliche\w* schritte|klage|rechtsanwält\w*|action en justice|poursuites|avocat|acciones legales"
        r"|demanda judicial|abogado)"
    ),
    "fraud": re.compile(
        r"\b(?:fraud\w*|scammed|scam (?:e-?mail|call|text|message|site|website|invoice)s?"
        r"|unauthori[sz]ed (?:\w+ )?(?:charges?|transactions?|payments?|transfers?|wires?|withdrawals?|debits?"
        r"|purchases?)"
        r"|(?:nobody|no one|none of (?:us|our \w+))(?: here| on our \w+)?"
        r" (?:approved|authori[sz]ed|initiated)\b|stolen card"
        r"|impersonat\w*|pretending to be (?:me|us|my|our)"
        r"|(?:didn'?t|did not|never) (?:create|open|set up|sign up for) (?:this|that|the|an?) account"
        r"|(?:have |had )?never (?:signed|sign) up\b"
        r"|(?:nobody|no one|none of us)(?: here| (?:in|at|on) (?:our |the |my )?\w+)?"
        r" (?:(?:opened|created|set up) (?:(?:this|that|the|an?|these|those) )?(?:new )?(?:account|workspace"
        r"|subscription|profile|login)s?\b|signed up|registered)\b"
        r"|(?:used|using|stole|stolen) (?:our|my) (?:\w+ )?card(?: details| number)?"
        r" to (?:sign up|open|register|create)"
        r"|(?:charges?|payments?|debits?) (?:\w+ ){0,6}?for (?:an? |the )?(?:\w+ )?(?:workspace|account|subscription"
        r"|plan) (?:we|i) (?:don'?t|do not|never|didn'?t|did not) (?:own|open|opened|recogni[sz]e)"
        r"|(?:someone|somebody) (?:must be "
        r"|is |has been )?using my (?:card|credit card"
        r"|details|identity|name)|(?:cancelled|canceled|blocked|stopped) (?:my |the )card)"
    ),
    "funds_held": re.compile(
        r"\b(?:payouts?|funds|payroll|settlements?|withdrawals?|deposits?) (?:is |are |have been |has been "
        r"|got |were |was )?"
        r"(?:held|on hold|frozen|blocked|delayed|stuck)|(?:held|frozen|blocked) (?:our |my )?(?:payouts?|funds|payroll)"
    ),
    "billing_dispute": re.compile(
        r"\b(?:(?:charged|billed|invoiced) (?:us |me )?(?:twice|double|two times|again)|double[- ](?:charged?|billed)"
        r"|overcharg\w*|duplicate (?:charges?|payments?|invoices?)|charged (?:the |us |me )?(?:list price|full price"
        r"|the wrong)|(?:wrong|incorrect) (?:amount|vat|tax|rate|price|invoice|charge|bill)|billing error"
        r"|(?:won'?t|will not|refuse to) (?:be )?pay(?:ing)? (?:this|that|it|the)"
        r"|(?:i'?m|we'?re|i am|we are) not paying (?:for|this|that|it|the)\b"
        # a reissue to a new address or one already received is no dispute: "have the invoice reissued to our new
        # address", "I got the bill reissued yesterday"
        rf"|re-?issue (?:the|this|our|a) (?:\w+ )?(?:invoice|statement|bill)(?!s? {_REISSUED_DETAIL})"
        r"|re-?issue (?:it )?without"
        rf"|(?<!got the )(?<!got my )(?<!got our )(?:invoice|statement|bill) re-?issued(?! {_REISSUED_DETAIL})"
        # the money on it, not its address or a csv's line: "please amend our invoice address"
        rf"|(?:fix|correct|amend) (?:this|that|the|our) (?:\w+ )?invoice(?! {_INVOICE_DETAIL})"
        r"|(?:remove|drop|take off) (?:that|this|the) (?:\w+ )?(?:line[- ]items?|charges?|fees?|amounts?)\b"
        r"|(?:stop|keep|still|quit) charging|(?:unwanted|unexpected|unknown) (?:charges?|payments?)"
        r"|entitled to (?:a |any )?(?:\w+ )?refund|(?:prorated|pro-rata|partial) refund"
        r"|not what (?:we|i) (?:agreed|signed|were told|was told)"
        r"|(?:was|were) promised\b[^.!?\n]{0,60}\b(?:free|included)"
        # a refund asked for or owed, not the word: an "order.refunded" webhook is no dispute
        r"|refund (?:me|us|my|our|the|it|this|that|them)\b|(?:want|need|like|request|demand|expect|owed|promised"
        r" (?:me|us)|ask\w* for|apply for|zero|no|my|our|full) (?:a |the |my |our |this |that )?(?:full )?refund\b"
        r"|(?:fees?|charges?|money) back|reverse (?:the|this|that|these) (?:\w+ )?charges?|correct (?:the|this|our)"
        rf" (?:\w+ )?invoice(?! {_INVOICE_DETAIL})|(?:remove|credit) (?:it|the (?:fee|charge|line|full amount))"
        r"|chargeback|dispute"
        r"|(?:don'?t|do not) recogni[sz]e (?:these|this|the) (?:charges?|payments?)"
        r"|(?:taken|take|knocked|knock|written|write) off\b|waive\w*|(?:charged|billed|renewed|took) (?:me |us )?"
        r"(?:\w+ ){0,4}after (?:i|we) (?:had )?cancel\w*"
        # a credit claimed under the contract: "we claim the service credit of 25%", "an SLA credit"
        r"|(?:claim\w*|request\w*|owed|entitled to|apply|issue)\b[^.!?\n]{0,20}?\b(?:service|sla|uptime) credits?"
        r"|(?:confirm|issue|raise|send|need|want|waiting for|where is|still no|owed) (?:\w+ ){0,2}?credit note"
        r"|corrected invoice|(?:charged|billed|invoiced) (?:us |me )?(?:for )?(?:the )?wrong\b"
        # one figure charged in place of another: "you invoiced 35 ($8,750 instead of $5,000)"
        r"|\b(?:charged|billed|invoiced|took|debited)\b[^.!?\n]{0,40}?"
        r"(?<![\d,.])\d{1,3}+(?:[,.]\d{1,3}+){0,4}+[km]?\)?,? instead of (?:the )?[$€£]?\d"
        r"|devoluci[oó]n|reembolso|no reconocemos|rembourse\w*|r[üu]ckerstattung|doppelt (?:abgebucht|berechnet))"
    ),
    # (these two also need their context in the text: _CASE_CONTEXT)
    # a price rise the customer does not accept: "fees move from 0.6% to 0.9% ... not accepted", "we're not going
    # to pay 22% more", "the 22% uplift is a surprise"
    "price_increase": re.compile(
        r"\b(?:not (?:going to )?(?:pay|accept)\w*|not accepted|(?:won'?t|will not"
        r"|do not|don'?t|cannot|can'?t) (?:pay|accept)\b|contracted (?:rate|price|fee)|(?:rate|price|fee)s? (?:is|are)"
        r" fixed|fix(?:es|ed)? (?:our|the) (?:\w+ )?(?:rate|price|fee)|at our current (?:rate|price)"
        r"|no price (?:change|increase)|(?:came as|is|was) a surprise"
        # a revised price asked for: "a revised proposal at or near our current spend", "can't take this number"
        r"|revised (?:proposal|quote|offer|pricing|price)|(?:near|at or near|close to) our current (?:spend|price|rate"
        r"|cost)|can'?t take (?:this|that|the) (?:number|price|figure|increase))"
    ),
    # a refund we agreed that has not reached the customer: the money is owed, not contested
    "refund_owed": re.compile(
        r"\b(?:nothing (?:has )?(?:arrived|come through|reached)"
        r"|(?:still|yet) (?:nothing|no sign|not (?:received|arrived|seen))|(?:haven'?t|have not|hasn'?t|has not"
        r"|never) (?:yet )?(?:received|arrived|come through|seen)|(?:still )?(?:don'?t|do not) have (?:a |the |any )?"
        r"(?:transaction|refund) reference|where (?:is|'s) (?:the|my|our) (?:money|refund)"
        # "Not a cent.", "my bank sees no pending credit from you", "send me the transaction reference"
        r"|not a (?:cent|penny|dime|euro|pound)\b|no (?:pending |incoming )?(?:credit|refund) (?:from you|has|is|on|in)"
        r"|(?:send|give) (?:me|us) (?:the|a) (?:transaction|refund) reference"
        # the same in the other languages: "je n'ai toujours rien reçu", "ich habe noch immer nichts erhalten",
        # "das Geld ist noch nicht angekommen", "todavía no he recibido", "non ho ancora ricevuto", "ainda não
        # recebi", "nog steeds niets ontvangen"
        r"|n'(?:ai|avons) (?:toujours |encore )?(?:rien (?:reçu|vu)|pas (?:encore |toujours )?(?:reçu|vu))"
        r"|(?:habe|haben) (?:noch )?(?:immer )?(?:nichts|kein geld|keine zahlung) (?:erhalten|bekommen)"
        r"|(?:ist|sind) (?:noch )?(?:immer )?nicht (?:angekommen|eingegangen)|(?:todavía|aún) no (?:he|hemos) recibido"
        r"|no (?:me |nos )?ha llegado|non (?:ho|abbiamo) ancora ricevuto|non (?:è|e') ancora arrivato"
        r"|ainda não (?:recebi|recebemos|chegou)|nog (?:steeds )?(?:niets|geen geld|niet) ontvangen)"
    ),
    "cancellation": re.compile(
        r"\b(?:cancel(?!led|ed)\w* (?:my|our|the|this) (?:subscription|account|contract|plan|service|membership)"
        r"|(?:done|finished) with (?:your|you|this) (?:company|service|product|app)"
        r"|(?:mov|switch|go)\w* (?:to|over to) (?:a |another |a different )?(?:competitor|vendor|provider|supplier)"
        r"|(?:want|going|decided|plan\w*|like) to cancel|not (?:to |be )?renew\w*|won'?t (?:be )?renew\w*"
        r"|non-?renewal|terminat\w+ (?:the|our|this|your) (?:[\w-]+ ){0,3}?(?:contract|agreement|subscription)"
        r"|(?:close|closing) (?:the|our|my) account(?! of| for)|notice of termination"
        r"|evaluat\w* alternatives\b(?! (?:that )?(?:you|your)\b)|(?:evaluat|consider|look)\w* (?:at )?(?:alternative"
        r"|other) (?:providers|vendors|suppliers)"
        r"|switch(?:ing)? to (?:a |another )?(?:competitor|vendor|provider)"
        # "we will move all 14 storefronts to another platform", "we'll let the contract lapse", "our right to
        # terminate", "I will not be recommending renewal", "a formal evaluation of two alternatives"
        r"|(?:mov|switch|migrat)\w* (?:\w+ ){0,3}(?:to|over to) (?:another|a different|a new|a competing)"
        r" (?:platform|provider|vendor|supplier|system|tool|solution)"  # "a new service plan" is a plan
        r"|(?:let|allow) (?:the|our|this) (?:\w+ )?(?:contract|subscription|agreement|licen[cs]es?) (?:to )?lapse"
        # their own right used, not ours asked about: "does your contract give you the right to terminate"
        r"|(?:our|my|exercis\w*|invok\w*|us(?:e|ing)) (?:\w+ )?right to terminate"
        r"|not (?:be )?recommend\w* (?:the |a |our )?renewal"
        r"|evaluat\w* (?:of )?(?:\w+ )?(?:two|three|four|five|\d{1,2}|several|other|some) alternatives\b"
        # the renewal at risk: "moving dispatch to another vendor", "competitor demos booked", "keep paying for"
        r"|(?:mov|switch|migrat)\w* (?:\w+ ){1,2}(?:to|over to) (?:a |another |a different )?(?:competitor|vendor"
        r"|provider|supplier)|competitors?'? (?:demos?|trials?|quotes?|offers?|proposals?|pitch\w*)"
        r"|(?:whether|if) (?:we|i) should (?:keep|continue) (?:paying\b|using you|with you)"
        # the renewal put out to tender: "procurement will open a formal tender", "we will run an RFP"
        r"|(?:open|run|start|issue|launch|go to)\w* (?:a |an )?(?:formal |competitive |public )?(?:tender|rfp|rfq)\b"
        # a notice to end the contract in other languages: "Außerordentliche Kündigung", "nous résilions le contrat"
        # (the notice itself, not an intention that passed: "Nous avions l'intention de résilier")
        r"|kündigung|(?:wir|ich) kündigen|kündigen (?:wir|ich)|résiliation|nous résilions|je résilie|rescisión"
        r"|disdetta|opzegging"
        # a renewal refused in other languages: "werden wir den Vertrag zum 31. März nicht verlängern", "nous ne
        # renouvellerons pas", "no vamos a renovar", "non rinnoveremo", "we verlengen het contract niet"
        r"|nicht (?:mehr )?verlängern|keine verlängerung|ne (?:le |la |les )?renouvel\w* pas|(?:ne pas|pas) renouveler"
        r"|non-renouvellement|no (?:vamos a |lo |la )?renovar\w*|non (?:lo |la )?rinnover\w*|verlengen (?:het|ons|de)"
        r" (?:\w+ )?niet\b|niet (?:te )?verlengen"
        r"|move (?:to|over to) (?:a "
        r"|another )?(?:competitor|vendor|provider))"
    ),
}
# Records an integration of ours delivers wrong: "phone numbers are still arriving empty in HubSpot", "every invoice
# we raise still appears twice in QuickBooks", "orders get pushed twice" (not "the charge appears twice on my
# statement": a charge is the billing dispute's).
_DELIVERED_WRONG = (
    r"(?:arriv\w*|com\w* through|show\w* up|sync\w*|import\w*|export\w*|load\w*) (?:as )?(?:empty|blank|null)\b"
    r"|(?<!charge )(?<!payment )(?<!transaction )(?:appears?|appearing|shows? up|showing up|(?:is|are|gets?|got|being)"
    r" (?:pushed|created|posted|imported|synced|sent|exported)) twice (?:in|on|to|into) (?!(?:my|our|the) "
    r"(?:statement|card|bank|invoice|bill)\b)"
)
_DEFECT = re.compile(
    r"\b(?:error|bug|crash\w*|fail\w*|broken|not working|doesn'?t work|does not work|won'?t|can'?t|cannot|unable"
    r"|slow\w*|latency|timeout|time out|freez\w*|stuck|wrong|missing|skipped|dropped|glitch|blank|swapped"
    r"|comes? out (?:as|wrong)|(?:don'?t|doesn'?t|do not|does not|no longer|never) (?:arrive|receive|send|sync|load"
    r"|show up|appear)\w*"
    r"|stopped (?:working|importing|syncing|sending|arriving|loading|coming)|nothing (?:arrives|comes through"
    r"|coming through|syncs|happens|shows)|(?<!is )not (?:picking up|syncing|importing|loading|arriving|sending"
    r"|showing up|coming through)|(?:have|has)(?:n'?t| not) (?:gone out|arrived|synced|imported)"
    r"|(?:an?|one|two|\d{1,2}) hours? (?:late|later|early|earlier"
    r"|off|behind|ahead)|skip\w*|gaps? in|known (?:bug|issue)"
    r"|(?:started|began|happen\w*) (?:right |just )?after (?:your|the) (?:\w+ )?(?:update|release|upgrade|deploy\w*)"
    rf"|{_DELIVERED_WRONG}"
    r"|(?:lower|higher) than|(?:doesn'?t|does not|don'?t|do not) match|off by|appears? twice|(?:counts?|counted"
    r"|counting|meter\w*) (?:\w+ )?(?:twice|double)|keeps? (?:logging|crashing|freezing"
    r"|signing|timing)|logs (?:me|us) out)"
)
# Forwarded-mail headers and legal footers are no words of the customer's: "From: Identity Services",
# "-----Original Message-----", "CONFIDENTIALITY NOTICE: This message may contain privileged ...".
# Possessive dashes: "-{3,}[^\n]{0,40}-{3,}" backtracked quadratically on a long run of dashes (61 s on 20,000).
_MAIL_HEADER = re.compile(
    r"^\s*+(?:-{3,}+[^-\n][^\n]{0,40}?-{3,}+|-{6,}+"
    r"|(?:from|sent|to|cc|date|subject|von|gesendet|de|envoy[ée]|objet):\s.*)$",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^\s*(?:confidentiality notice|disclaimer|this (?:e-?mail|message) (?:and any attachments )?(?:may contain"
    r"|is intended)"
    r"|sent from my)",
    re.IGNORECASE,
)
# A sign-off, then the sender's name (and role or company) on the same or the next lines.
_CLOSING = re.compile(
    r"^\s*(?:[^\W\d_]{2,12} ?/ ?)?(?:(?:with )?(?:kind |best |warm |warmest )?regards|best(?: wishes)?"
    r"|(?:many )?thanks(?: again| a lot| in advance)?|thank you(?: in advance)?"
    r"|all the best|with thanks|respectfully|(?:very )?truly yours|(?:yours )?sincerely|yours (?:faithfully|truly)"
    r"|cheers|grazie(?: mille)?(?: e (?:buona giornata|cordiali saluti|un saluto))?|merci|danke|gracias|bedankt"
    r"|groeten|distinti saluti|saluti|br|kr|rgds|brgds|thx|ta|tks"
    r"|un cordial saludo|cordialement|bien à vous|un saludo|saludos|atentamente"
    r"|(?:avec )?(?:mes|nos) (?:sinc[èe]res |meilleures )?(?:remerciements|salutations)|bien cordialement"
    r"|buona giornata|un saluto"
    r"|muchas gracias|herzliche grüße|liebe grüße"
    r"|mit freundlichen grüßen|viele grüße|beste grüße|freundliche grüße|met vriendelijke groet|cordiali saluti"
    r"|pozdrawiam|z poważaniem|pozdrowienia|serdecznie pozdrawiam|atenciosamente|cumprimentos|obrigad[oa]"
    r"|med vänlig hälsning|med vänliga hälsningar|vänliga hälsningar|venlig hilsen|med venlig hilsen|mvh"
    # the other cue languages' sign-offs: Finnish, Norwegian, Czech, Turkish ("Terveisin" above "Mikko Järvinen")
    r"|(?:ystävällisin |parhain )?terveisin|kiittäen|(?:med )?vennlig hilsen|(?:med )?vennlige hilsener"
    r"|s (?:přátelským |srdečným )?pozdravem|saygılarımla|iyi çalışmalar"
    # abbreviated sign-offs: "Att.," (atenciosamente), "Atte.," (atentamente), "Cdlt,", "MfG"
    r"|att|atte|cdlt|mfg)\b"
    r"\s*[.]?\s*[,!]?\s*(?P<rest>.{0,120})$",
    re.IGNORECASE,
)
_INLINE_CLOSING = re.compile(
    r"(?:[.!?]\s+|^)(?:(?:kind |best )?regards|best|thanks|thank you"
    r"|thx|cheers|sincerely|yours (?:sincerely|faithfully|truly)"
    r"|cordialement|un saludo|mit freundlichen grüßen)\s*[,.]\s*(?P<rest>[^!?\n]{2,80}+)$",
    re.IGNORECASE,
)
# A capital letter of any Latin script: "Élodie", "Łukasz", "Ørsted".
CAPITAL = "A-ZÀ-ÖØ-ÞĆČĎĐĘĚŁŃŇŐŘŚŠŤŰŹŻŽ"
_PERSON = re.compile(
    rf"^(?:(?:Dr|Mr|Ms|Mrs|Prof)\.? )?(?:[{CAPITAL}]\. ?){{0,2}}"  # "J. Patel"
    rf"[{CAPITAL}][^\W\d_]{{1,20}}(?:-[{CAPITAL}][^\W\d_]{{1,20}})?(?: (?:(?:van|von|de|da|di|del|della|der|den|des"
    r"|le|la|du|dos|das|do|bin|bint|al|el|ter|ten|zu|op|y|e) ){0,3}"
    rf"(?:[{CAPITAL}]|O'|O’|Mc|Mac|D'|D’)[^\W\d_'’-]{{0,20}}\.?"
    rf"(?:-[{CAPITAL}][^\W\d_]{{1,20}})?){{0,3}}(?:, Esq\.)?$"
)
_COMPANY_SUFFIX = re.compile(
    r"\b(?:ltd|limited|llp|llc|inc|gmbh|ag|kg|s\.?r\.?l|s\.?p\.?a|s\.l|s\.a|sas|sarl|b\.?v|n\.?v|ab|as|asa|oy|a/s|aps"
    r"|pty|plc|group|partners|corp(?:oration)?|co|company|& sons|studio|clinic|practice|associates|solicitors"
    r"|hvac|traiteur|restaurant|hotel|bakery|salon|roofing"
    # the commonest legal forms in the rest of Europe: "sp. z o.o.", "s.r.o.", "Sàrl", "KB", "ApS", "S.L.U."
    r"|sp\. z o\.\s?o|s\.r\.o|s[àa]rl|kb|hb|ltda|s\.l\.u|bvba|sprl|oü|a\.s)\.?$",
    re.IGNORECASE,
)
# "Hi Jonas," "Dear Mr. Adebayo,": the person the customer writes to, when it is a person.
_ADDRESSEE = re.compile(
    rf"^\s*(?:(?i:hi|hello|dear|hey)\s+(?P<name>(?:(?:Mr|Ms|Mrs|Dr)\.? )?[{CAPITAL}][^\W\d_]{{1,20}}"
    rf"(?: [{CAPITAL}][^\W\d_]{{1,20}})?)\s*(?:[,:!]|\((?i:and|or|cc)\b)"
    rf"|(?P<alone>[{CAPITAL}][^\W\d_]{{1,20}}),[^\S\n]*\n)"  # "Mark," alone on the first line
)
_NOT_A_PERSON = re.compile(
    r"\b(?:team|support|sir|madam|there|all|everyone|folks|colleagues|account|billing|guys|people|gentlemen|ladies"
    r"|friends|morning|afternoon|evening|again|update|folks|admin|sales|finance|accounts"
    # a department or a greeting in another language: "Dear Legal Department", "Bonjour,", "Buongiorno,"
    r"|department|dept|office|desk|legal|compliance|privacy|bonjour|buongiorno|bonsoir|buonasera|hallo|hola"
    r"|guten|goedemorgen|goedendag|salut|ciao)\b",
    re.I,
)
# An earlier contact the customer tells of, when the history does not hold it: "the second time I'm asking",
# "I called twice", "following up once more", "ya he escrito por el chat".
_EARLIER_CONTACT = re.compile(
    r"\b(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:i'?m |i am |we'?re |we are |i'?ve |we'?ve )?"
    r"(?:ask|writ|contact|call|email|rais|report|chas)\w*|(?:i|we) (?:have )?(?:called|emailed|written|chatted|asked)"
    r" (?:you )?(?:twice|three times|several times|again|before)"
    r"|following up (?:once more|again)|(?:asking|writing) again"
    r"|(?:logged|reported|raised) (?:it|this) with (?:your|the) (?:support|help ?desk|service desk)"
    r"|(?:two|three|four|five|\d+) (?:messages|emails|calls|tickets) (?:now|already|later)|last time someone"
    r"|ya (?:he|hemos) escrito|j'ai déjà écrit|nous avons déjà|habe bereits geschrieben)",
    re.IGNORECASE,
)
# A promise of ours the customer says was broken: "your agent promised me a refund ... It never came".
_TOLD_PROMISE = re.compile(
    r"\b(?:your|the|an?) (?:agent|colleague|support (?:agent|team)|rep\w*|advisor|team|staff)\b[^.!?\n]{0,40}?"
    r"\b(?:promised|said|told (?:me|us)|assured (?:me|us))\b[^.!?\n]{0,120}",
    re.IGNORECASE,
)
_NOT_KEPT = re.compile(
    r"\b(?:(?:is|are|was|it'?s) (?:still )?not (?:fixed|resolved|working|done|back)"
    r"|never (?:came|arrived|happened|did)|still (?:not|no|hasn'?t"
    r"|haven'?t|waiting)|(?:has|have|did)n'?t (?:come|arrived"
    r"|happened)|is still not|nothing (?:has )?(?:arrived|happened|came))|zero\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sender:
    """Who signed the message, when the ticket's customer record does not say."""

    name: str | None
    role: str | None
    company: str | None
    how: str = "signed the message"  # where the name was read


# Beside a money case only a defect said plainly counts ("a bug on your side"), not "we won't be paying".
_COUNTS_TWICE = (
    r"(?:counts?|counted|counting|logs|logged|logging|records?|recorded|recording|meter\w*) (?:\w+ )?(?:twice|double)"
)
_PLAIN_DEFECT = re.compile(
    rf"\b(?:bug|broken|error|fail(?:s|ed|ing|ure)|crash\w*|glitch|{_COUNTS_TWICE}|{_DELIVERED_WRONG}"
    r"|(?:get|have) (?:the|this|it|your) (?:\w+ )?fixed)\b"
)
# Which trigger must be present (or a signal of its family found) before a case of that family is named, so
# that a law firm's "litigation team" does not make a password question a legal threat.
CASE_FAMILY = {
    "outage": "technical",
    "data_loss": "technical",
    "bug": "technical",
    "regulator": "legal",
    "legal_threat": "legal",
    "billing_dispute": "financial",
    "funds_held": "financial",
    "price_increase": "financial",
    "refund_owed": "financial",
    "fraud": "financial",
    # account_takeover, data_exposure, cancellation and a data-protection request (the customer's own words about
    # their rights: "delete my data", "subject access") have no family: named whatever the triggers say
}
# Impersonation and identity theft come with a legal trigger as often as with a financial one.
_ALSO_FAMILY = {"fraud": "legal"}
# A breach asked about, not reported: "your notification period following discovery of a personal data breach".
_BREACH_ASKED_ABOUT = re.compile(
    r"\b(?:(?:in the event|following (?:the )?discovery|in case|notif\w+ (?:period|obligations?|duties)) of"
    r"|if there (?:is|were|was)|should there be) (?:a |an |any )?(?:personal )?(?:data |security )?breach(?:es)?\b"
    r"|\b(?:notify|notifying|notification of|report|reporting) (?:you |us |them )?(?:of )?(?:any |all )?(?:personal )?"
    r"(?:data |security )?breaches\b|\bbreach[- ]notification\b"
)
# A deletion asked about, not reported: "provide evidence of when the complainant's data was deleted".
_DELETION_ASKED_ABOUT = re.compile(
    r"\b(?:evidence|proof|record|confirm\w*|tell (?:us|me)|explain|ask\w*|know|question)\b (?:of |us |me )?"
    r"(?:when|whether|if)\b[^.!?\n]{0,60}?\b(?:was|were|has been|have been|is|are) (?:\w+ )?(?:deleted|erased|removed"
    r"|kept|retained|destroyed)\b"
)
# Records asked about, not reported missing: "please confirm whether any call recordings are missing".
_MISSING_ASKED_ABOUT = re.compile(r"\b(?:whether|if|which)\b[^.!?\n]{0,80}?\bmissing\b")
# Where their data lives asked about, not told: "can you confirm whether data is stored outside the EU".
_TRANSFER_ASKED_ABOUT = re.compile(
    r"\b(?:whether|if|(?:can|could|would) you confirm|please confirm)\b[^.!?\n]{0,120}?"
    r"\b(?:us-(?:east|west)-\d|(?:us|u\.s\.) region|outside (?:the )?(?:eu|eea|uk|european union)\b)"
)
# The current message chases a fault not fixed: "Is it fixed, is it being fixed, when??", "still down".
_STILL_DOWN = re.compile(
    r"\b(?:is it (?:fixed|being fixed|back|resolved|restored)|(?:still|again) (?:down|broken|failing|not working"
    r"|unavailable|offline)|(?:not|isn'?t|is not) (?:yet )?(?:fixed|back up|restored)|when will (?:it|this|the \w+)"
    r"(?: be)? (?:fixed|back|working|restored))",
    re.IGNORECASE,
)
# Data taken out of an account: "a full export of Contacts (8,912 records)", "downloaded all our client files".
_DATA_TAKEN = re.compile(
    r"\b(?:export(?:ed)?|download(?:ed)?|copied|exfiltrat\w*|pulled)\b[^.!?\n]{0,60}?\b(?:records|contacts|customers"
    r"|clients|files|data|documents|addresses)\b",
    re.IGNORECASE,
)
# A customer who may have to tell an authority of an exposure reports no regulator's involvement: "we may have to
# report it to the ICO ourselves"; the exposure's own actions weigh that duty.
_NOTIFY_AUTHORITY = re.compile(
    r"\b(?:report|notify|tell|inform|alert)\b[^.!?\n]{0,40}?\b(?:regulator|ico|cnil|supervisory authority"
    r"|data protection authority|ombudsman)\b"
)
# An outage already reported on is over: "thank you for the incident report on Wednesday's outage".
_OUTAGE_OVER = re.compile(
    r"\b(?:(?:thank you|thanks) for (?:the|your) (?:incident report|post-?mortem|rca|root cause)"
    r"|(?:read|received|got|seen) (?:the|your) (?:incident report|post-?mortem))",
    re.IGNORECASE,
)
# What the refund cases need besides their own words: the price that rose, the refund that was agreed.
_CASE_CONTEXT = {"price_increase": _PRICE_RISE, "refund_owed": _REFUND_AGREED}
# Sentences about the refund itself or a threat to reverse a payment, read apart from any charge contested.
_CLAUSE_BREAK = re.compile(r",\s(?:and|but)\s|;\s")
# the refund words of every language the refund-owed rule reads ("le remboursement de 540 €", "die
# Rückerstattung", "el reembolso", "il rimborso", "de terugbetaling"): a clause about the refund contests no charge
_REFUND_TALK = re.compile(
    r"\b(?:refund\w*|dispute|chargeback|money|transaction reference|arn"
    r"|rembours\w*|(?:rück)?erstattung\w*|reembols\w*|rimbors\w*|terugbetal\w*)\b"
)
# Someone posing as the customer, reported (not asked about): "an account pretending to be us", "fake invoices
# in our name", "someone is impersonating our company".
IMPERSONATION = re.compile(
    r"(?<!nobody )(?<!no one )(?<!nothing )\b(?:(?:is|are|been|was|were|keeps?|started) (?!not )(?:\w+ )?"
    r"(?:impersonating|pretending to be|posing as)"
    r"|(?:account|profile|page|site|someone|somebody|they|scammers?|fraudsters?)\b(?:(?!\bnot\b|n't)[^.!?\n]){0,20}?"
    r"(?:impersonating|pretending to be|posing as)) (?:us|me|our|my)\b"
    r"|\b(?:fake|forged|fraudulent|counterfeit|lookalike|look-alike|cloned) (?:\w+ )?(?:invoices?|accounts?"
    r"|profiles?|e-?mails?|pages?|websites?|stores?)\b[^.!?\n]{0,40}?\bin (?:our|my) (?:company'?s? )?name\b"
)
# Posing asked about or denied, not reported: "could you check whether anyone is impersonating us?", "confirm
# nobody else is posing as me".
_POSING_DOUBTED = re.compile(r"\b(?:nobody|no one|anyone|anybody|whether|if)\b")


def _impersonation_reported(lowered: str) -> bool:
    """Someone posing as the customer, told in a statement with no doubt or denial before it in its sentence."""
    for sentence in sentences(lowered):
        if sentence.rstrip().endswith("?"):
            continue
        if any(not _POSING_DOUBTED.search(sentence, 0, match.start()) for match in IMPERSONATION.finditer(sentence)):
            return True
    return False


# An outage told with its end, in the past: "our checkout was down for six hours and ten minutes, from 19:02 to
# 01:12", "the site was offline from 9am until 11:30".
_OUTAGE_SPAN = re.compile(
    r"\b(?:was|were|went|had been) (?:\w+ )?(?:down|offline|unavailable|out)\b[^.!?\n]{0,60}?"
    r"\bfrom (?:about |around )?\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)?\s?(?:to|until|till|-|–) ?\d{1,2}(?:[:.]\d{2})?",
    re.IGNORECASE,
)
# An outage back again, whatever its past span: "it went down again this morning", "down again".
_DOWN_AGAIN = re.compile(r"\b(?:down|offline|failing|broken|unavailable) again\b|\bagain (?:down|offline)\b", re.I)


# A fault said to be over: "all 3 queues are not failing any more", "it no longer crashes"; or none of the product's.
_NO_FAULT_OF_OURS = re.compile(
    r"\b(?:(?:not|n'?t) (?:\w+ )?(?:failing|crashing|freezing|broken|timing out|dropping)\b(?: \w+){0,3}? any ?more"
    r"|no longer (?:\w+ )?(?:fail|crash|freez|break|broken|time out|timing out|drop)\w*)"
    # the customer's own slip is no fault of the product: "I accidentally deleted the wrong contacts"
    r"|\b(?:i|we)(?:'ve| have)? (?:accidentally |mistakenly |just )?(?:deleted|removed|wiped|erased|archived)"
    r" (?:the )?wrong\b"
)


def _outage_ended(body: str) -> bool:
    """The current message tells the outage's end and chases nothing still down."""
    return bool(_OUTAGE_SPAN.search(body)) and not _STILL_DOWN.search(body) and not _DOWN_AGAIN.search(body)


# The cases in the order a hand-off names them, the gravest first.
CASE_ORDER = (*_CASES, "data_residency", "impersonation")
# Cases where waiting for the customer's answers costs more than working without them.
URGENT_CASES = frozenset({"outage", "account_takeover", "data_exposure", "data_loss", "fraud", "impersonation"})
# Data processed or stored in a region the customer's terms keep it out of, for any pair of regions: "our EU tenant
# was served from the US-East region during the failover" against "EU-only processing", "backups copied to a bucket
# outside the UK". A zone is where data may live; the customer's words name the zone moved to and, in the same
# sentence or as their rule, the zone it belongs in.
_ZONES = {
    "eu": r"\b(?:eu|eea|european union|european economic area|europe|european|eu-(?:west|central|north|south)\w*"
    r"|europe-\w+)\b",
    "us": r"\b(?:(?-i:US|USA)|u\.s\.|united states|american|us-(?:east|west|central)\w*)(?![\w.])",
    "uk": r"\b(?:uk|united kingdom|british|uk-south\w*)\b",
    "apac": r"\b(?:ap-\w+|asia\w*|singapore|india|japan|australia\w*)\b",
    "ca": r"\b(?:canada|canadian|ca-central\w*)\b",
    "ch": r"\b(?:switzerland|swiss)\b",
}
_ZONE_PATTERNS = {zone: re.compile(pattern, re.IGNORECASE) for zone, pattern in _ZONES.items()}
# data moved, reported as done (not "can data be replicated to the US?")
_PROCESSED_THERE = re.compile(
    r"\b(?:was|were|is|are|been|being|got|has|have)\b(?: \w+){0,2}? (?:served|processed|stored|hosted|replicated"
    r"|routed|transferred|sent|sending|copied|copying|backed up|moved|mirrored|failed over|processing|storing"
    r"|transferring|replicating)\b[^.!?\n]{0,80}?\b(?:in|from|to|into|through|via|on)\b"
    # a failover told as the cluster's own act: "the EU cluster failed over to US-East"
    r"|\bfailed over (?:to|into)\b",
    re.IGNORECASE,
)
_OUTSIDE_ZONE = re.compile(r"\boutside (?:of )?(?:the )?(\w[\w. ]{1,30})", re.IGNORECASE)
# the customer's rule for where their data lives: "EU-only processing", "must remain in the UK", "data residency in
# Canada", "processed only in the EU"
_ZONE_RULE = re.compile(
    r"\b(\w[\w.]{1,20}(?: \w{1,30})?)[- ]only\b|\bonly (?:be )?(?:processed |stored |hosted )?(?:in|within) (?:the )?"
    r"(\w[\w. ]{1,30})|\b(?:must|shall|should|has to|have to) (?:stay|remain|be (?:processed|stored|hosted))"
    r" (?:in|within) (?:the )?(\w[\w. ]{1,30})|\bresidency (?:in|within) (?:the )?(\w[\w. ]{1,30})"
    # a contract's or DPA's requirement: "requires the data to stay in the EU", "requires that our data stays in"
    r"|\brequires? (?:that )?(?:the |our |all )?(?:\w+ )?data (?:to )?(?:stays?|remains?|be stored|be processed)"
    r" (?:in|within) (?:the )?(\w[\w. ]{1,30})",
    re.IGNORECASE,
)
# a move agreed or asked about: "hosted in eu-west-1 as agreed", "whether data was copied to the US"
_AGREED_OR_ASKED = re.compile(r"\b(?:as (?:agreed|required|contracted|expected)|whether|if)\b", re.IGNORECASE)
# a zone that names people or an office, not where data lives: "sent to our US office"
_ZONE_OF_PEOPLE = re.compile(
    r"[- ]?(?:\w{1,30}+ )?(?:office|team|colleagues|staff|branch|entity|subsidiary|customers|clients|headquarters|hq"
    r"|parent|partners?|users|employees|sales)\b",
    re.IGNORECASE,
)


def _zones_in(text: str) -> set[str]:
    return {zone for zone, pattern in _ZONE_PATTERNS.items() if pattern.search(text)}


def _destination_zone(text: str) -> str | None:
    """The first zone named where data went, not an office or team there ("to our US office")."""
    places = (
        (match.start(), zone)
        for zone, pattern in _ZONE_PATTERNS.items()
        for match in pattern.finditer(text)
        if not _ZONE_OF_PEOPLE.match(text, match.end())
    )
    return min(places, default=(0, None))[1]


def residency_breach(text: str) -> bool:
    """Data reported processed or stored in one zone that the customer's words keep it in another: the sentence
    names both ("our EU tenant was served from the US-East region"), says "outside" the zone, or the text's rule
    names a zone the sentence's is not ("processed in the US" with "EU-only processing")."""
    ruled: set[str] = set()
    for match in _ZONE_RULE.finditer(text):
        ruled |= _zones_in(" ".join(group for group in match.groups() if group))
    for sentence in sentences(text):
        moved = _PROCESSED_THERE.search(sentence)
        if not moved or sentence.rstrip().endswith("?") or _AGREED_OR_ASKED.search(sentence):
            continue
        after = sentence[moved.end() :][:100]
        outside = _OUTSIDE_ZONE.search(after)
        if outside and _zones_in(outside.group(1)):
            return True
        there = _destination_zone(after)
        if there and (_zones_in(sentence[: moved.end()]) | ruled) - {there}:
            return True
    return False


CASE_DESCRIPTIONS = {
    "outage": "outage: a service is down or failing for many users",
    "account_takeover": "account takeover: someone else has access to the account",
    "data_exposure": "data exposure: data visible to or sent to people who should not have it",
    "data_residency": "data residency breach: data processed or stored outside the region the customer's terms allow",
    "data_loss": "data loss: the customer's data is missing or deleted",
    "bug": "defect: something does not work as it should",
    "billing_dispute": "billing dispute: a charge the customer contests",
    "funds_held": "funds held: the customer's money is held or delayed",
    "cancellation": "cancellation or non-renewal",
    "privacy_request": "data-protection request (access, deletion or opt-out)",
    "regulator": "a regulator or ombudsman is involved",
    "legal_threat": "legal action threatened",
    "fraud": "fraud or unauthorised transactions",
    "price_increase": "price increase contested: a new price or rate the customer does not accept",
    "refund_owed": "refund owed: a refund we agreed has not reached the customer",
    "impersonation": "impersonation: someone poses as the customer to deceive others",
}


@dataclass(frozen=True)
class TicketFacts:
    customer_steps: list[str]  # sentences in the customer's words that report something already done
    deadlines: list[str]  # the customer's own deadline phrases, as written
    amounts: list[str]
    identifiers: list[str]  # invoice and order numbers, error codes, request ids
    log_lines: list[str]
    contacts: list[str]  # "account manager: Priya Shah"
    account_manager: str | None
    case_types: list[str]  # keys of CASE_DESCRIPTIONS, most specific first
    earlier_customer_contact: bool  # the history holds a customer turn before the current message
    hours_open: float | None  # earliest to latest known time on the ticket
    sender: Sender = Sender(None, None, None)  # from the sign-off
    addressee: str | None = None  # "Hi Jonas,": a person the customer writes to by name
    told_earlier_contact: bool = False  # the customer says they asked before, though the history holds no turn
    broken_promise: str | None = None  # the customer's words about a promise of ours not kept
    breach_asked_about: bool = False  # the text asks about breaches ("your notification period") and reports none
    client: str | None = None  # the company a firm writes for: "We act for Bramwell Interiors Ltd"

    @property
    def urgent(self) -> bool:
        return any(case in URGENT_CASES for case in self.case_types)


def ticket_facts(
    ticket: Ticket, trigger_labels: list[str], signal_families: set[str], signals: Collection[str] = ()
) -> TicketFacts:
    """The facts of one ticket; ``trigger_labels`` and ``signal_families`` (the triggers whose signals fired)
    gate which case types may be named, and a case the model itself found (its trigger with the signal that
    names the case, ``signals``) is named even in words our patterns do not know."""
    customer_turns = [message_text(turn.body) for turn in ticket.history if turn.author == "customer"]
    body = message_text(ticket.body)
    customer_text = "\n".join([*customer_turns, ticket.subject, body])
    families = set(trigger_labels) | signal_families
    contacts = _contacts(customer_text) + [("forwarded mail from", name) for name in forwarded_authors(ticket.body)]
    contacts += [contact for contact in _copied_in(own_part(ticket.body)) if contact not in contacts]
    agents = _agents_with_a_role(ticket)
    contacts += agents
    manager = next((name for role, name in contacts if role in _OUR_ACCOUNT_ROLES), None)
    if manager is None:  # our agent signs with a role that owns accounts: "Daniel (Strategic Account Director)"
        manager = next((name for role, name in agents if _OWNS_ACCOUNTS.search(role)), None)
    if manager is None and (addressed := _addressed_manager(ticket)) is not None:
        contacts.append(addressed)
        manager = addressed[1]
    if manager is None and _UNNAMED_MANAGER.search(customer_text):
        manager = _manager_named_elsewhere(customer_text, [name for _, name in contacts])
    cases = case_types(customer_text, families)
    if not cases and any(
        turn.author == "agent" and _AGENT_CONFIRMED_DEFECT.search(turn.body) for turn in ticket.history
    ):
        cases = ["bug"]  # our own agent found the bug: no trigger needed to name it
    if (
        not trigger_labels
        and "financial" not in families
        and _amounts(customer_text)
        and _CASES["billing_dispute"].search(_BREACH_ASKED_ABOUT.sub(" ", customer_text.lower()))
    ):
        cases.append("billing_dispute")  # no trigger to gate it (human review): the money contested names the case
    if not trigger_labels and not cases and not _amounts(customer_text) and _PLAIN_DEFECT.search(body.lower()):
        # no trigger to gate it either (human review): the fault the current message reports names the case
        # ("every invoice we raise still appears twice in QuickBooks")
        cases.append("bug")
    if (
        "financial" in families
        and any(turn.author == "agent" and _REFUND_AGREED.search(turn.body.lower()) for turn in ticket.history)
        and _refund_not_received(customer_text.lower())
    ):
        # our agent agreed the refund in the thread and the customer says it never came: trace it, no charge to
        # check (even where the customer retells the double charge that the refund settles)
        cases = [case for case in cases if case not in ("billing_dispute", "refund_owed")] + ["refund_owed"]
    cases = _with_cases_the_model_found(cases, set(trigger_labels), set(signals))
    if "account_takeover" in cases and "data_exposure" not in cases and _DATA_TAKEN.search(customer_text):
        cases.insert(cases.index("account_takeover") + 1, "data_exposure")  # the intruder took data out
    if "regulator" in cases and {"data_exposure", "account_takeover"} & set(cases):
        lowered = customer_text.lower()
        if not _CASES["regulator"].search(_NOTIFY_AUTHORITY.sub(" ", lowered)):
            cases.remove("regulator")  # a duty to notify, weighed by the exposure's own actions
    outage_told = "outage" in cases
    if (
        "outage" in cases
        and "outage" not in case_types(f"{ticket.subject}\n{body}", families)
        and not _STILL_DOWN.search(body)
    ):
        cases.remove("outage")  # an outage told of in an old turn is over unless the current message chases it
    if "outage" in cases and (_OUTAGE_OVER.search(body) or _outage_ended(body)):
        cases.remove("outage")
    if outage_told and not cases and "technical" in families and _PLAIN_DEFECT.search(body.lower()):
        cases = ["bug"]  # the outage is over, but the current message reports a fault: "Same error - it's back"
    sender = sender_of(ticket)
    client = _client("\n".join([*customer_turns, body]))
    if not cases:
        cases = _case_the_model_found(
            set(trigger_labels),
            set(signals),
            customer_text,
            body,
            # nobody's company and no "we": a person writing for themselves ("We are a clinic" is no person)
            personal=not (sender.company or client or SPEAKS_FOR_A_TEAM.search(customer_text)),
        )
    promise = _TOLD_PROMISE.search(body)
    return TicketFacts(
        customer_steps=_customer_steps(customer_turns + [body]),
        deadlines=_by_date(_customer_deadlines(ticket, customer_turns, body), _latest_time(ticket)),
        amounts=_amounts(customer_text),
        identifiers=_unique([*_identifiers(customer_text), *_agent_references(ticket)]),
        log_lines=_unique(line.strip() for line in customer_text.splitlines() if pasted_line(line)),
        contacts=[f"{role}: {name}" for role, name in contacts],
        account_manager=manager,
        case_types=cases,
        earlier_customer_contact=earlier_contact(ticket),
        hours_open=hours_spanned(ticket.created_at, ticket.history),
        sender=sender,
        addressee=_addressee(ticket),
        told_earlier_contact=bool(_EARLIER_CONTACT.search(body)),
        broken_promise=_excerpt(promise.group(0), 160) if promise and _NOT_KEPT.search(body) else None,
        client=client,
        breach_asked_about=bool(_BREACH_ASKED_ABOUT.search(customer_text.lower()))
        and not {"data_exposure", "account_takeover"} & set(cases),
    )


# A turn that says nothing yet: "hello", "hi, are you there?", "Hi, this is Leo! How can I help today?"
SMALL_TALK = re.compile(
    r"^\s*(?:(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|morning|welcome|thanks?|thank you|ok|okay"
    r"|bonjour|hola|buongiorno|hallo|goedemorgen|ciao)\b(?:\s+(?:there|all|team|again|everyone|support|folks"
    r"|(?-i:[A-Z][\w'’-]*))){0,2}|(?:this is|my name is|i'?m) (?-i:[A-Z])\w*"
    r"(?: from [^.!?\n]{1,40})?|(?:(?:hi|hello|hey),? )?(?:are|is) (?:you"
    r"|anyone|someone|somebody) (?:there|around|available)"
    r"|how (?:can|may) (?:i|we) help(?: you)?(?: today)?|what can (?:i|we) do for you(?: today)?)[\s.!?,]*$",
    re.IGNORECASE,
)
# The same chat session is no earlier contact: a customer back within this long has not had to come back.
_SAME_SESSION_HOURS = 0.5


def says_nothing(text: str) -> bool:
    """Greetings, an introduction, "are you there?": a turn with no request or report in it."""
    parts = [part for part in re.split(r"(?<=[.!?,])\s+|\n+", text.strip()) if part.strip()]
    return all(SMALL_TALK.match(part) for part in parts)


def earlier_contact(ticket: Ticket) -> bool:
    """The history holds a customer turn that said something, before the current message's session: a "hello"
    one minute before the question is the same contact, not an earlier one."""
    times = [moment for moment in (ticket.created_at, *(turn.at for turn in ticket.history)) if moment is not None]
    latest = max(times, default=None) if _comparable(times) else None
    for turn in ticket.history:
        # a turn whose words we do not have (an empty body) was still a contact; only small talk is none
        if turn.author != "customer" or (turn.body.strip() and says_nothing(message_text(turn.body))):
            continue
        if latest is None or turn.at is None or (latest - turn.at).total_seconds() >= _SAME_SESSION_HOURS * 3600:
            return True
    return False


def _comparable(times: list) -> bool:
    return len({moment.tzinfo is None for moment in times}) <= 1


# A span that a policy, a clause or the terms set is a term, not the customer's deadline: "Our client's internal
# policy requires notification within 48 hours", "vos conditions prévoient un remboursement dans les 14 jours".
_TERM_OF = re.compile(
    r"\b(?:policy|policies|clause|contract|agreement|terms|conditions|sla|dpa|addendum|law|regulation|gdpr"
    r"|politique|condizioni|bedingungen|agb|contrato|condiciones)\b[^.!?\n]{0,60}?\b(?:requires?|says|states|commits?"
    r"|gives?|allows?|provides?|sets?|specif\w+|prévoi\w+|prevede|sieht|vorsieht|establece)\b"
    # the span is the term's own object: "Your SLA says 4 hours; we need a reply within 24 hours" is a deadline
    r"(?:(?![;,:]|\b(?:we|i|but|and)\b)[^.!?\n]){0,60}$",
    re.IGNORECASE,
)
# "now" ends a call asked for now ("call me now"): the deadline's match stops before the words that set it off.
_TIME_WORD = re.compile(rf"\b{_SOON}\b|\b(?:right|straight) away\b|{_NOW}|\bnow$", re.IGNORECASE)
# A date that has passed is no deadline of ours to meet: "my request of 30 September, which was due by 30 October".
_PASSED = re.compile(r"\b(?:was|were|had been|should have been)\s(?:due\s)?$", re.IGNORECASE)
# A past event is no deadline: "we missed a client call this morning", "the audit last Tuesday".
# A span we promised, quoted back ("Marco promised a corrected invoice within two business days"), is ours.
# An event thanked for is past too: "Thanks for the call on Tuesday".
_PAST_EVENT = re.compile(
    r"\b(?:missed|had|held|attended|yesterday|ago|promised|assured|thanks for|thank you for|since)\b"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.IGNORECASE,
)
# "until" after a verb in the past tells how long a state lasted, not a deadline: "This worked until the 19th", "it
# was fine until Tuesday" (not "we can wait until Friday").
_UNTIL = re.compile(r"(?:until|till|up to|bis|hasta|jusqu)\b", re.IGNORECASE)
_PAST_STATE = re.compile(
    r"\b(?:was|were|had|did|worked|ran|went|(?!(?:need|needed|speed|proceed|exceed|succeed)\b)[a-z]{2,}ed)\b"
    r"(?:\s+[\w'’-]+){0,2}\s*$",
    re.IGNORECASE,
)


# A time that says how things stand, not when they must be done: "it is still doubling today", "effective
# today", "as of this morning".
_STATE_AT_A_TIME = re.compile(
    rf"\b(?:still (?:\w+ ){{0,3}}|effective |as of |as from |since |starting |even )(?:{_SOON}|now)\b", re.IGNORECASE
)
# "before 1 Sep" after records is the range of the data, not a deadline, when the sentence says that data is gone:
# "all data before 1 Sep is gone", "there's still nothing before 1 Sep"; not "Please send us the usage figures before
# Friday".
_RANGE_WORD = re.compile(r"(?:before|until|bis|avant)\b", re.IGNORECASE)
_RANGE_OF_RECORDS = re.compile(
    r"\b(?:data|records|history|entries|transactions|events|logs|messages|e-?mails|everything|anything|nothing"
    r"|calls|recordings|orders|invoices|payments|bookings|files|documents|reports|tickets|shipments"
    r"|dashboards?|figures|numbers|usage|dates?)\s*$",
    re.IGNORECASE,
)


_RECORDS_GONE = re.compile(
    r"\b(?:lost|los(?:e|ing)|gone|missing|deleted|wiped|erased|disappeared|vanished|nothing|(?:un)?affected|intact"
    r"|fine|complete)\b|\bno (?:\w+ )?(?:data"
    r"|records|history|entries|transactions|events|logs|messages|e-?mails|figures|numbers|usage)\b",
    re.IGNORECASE,
)


def _deadlines_in(text: str) -> list[str]:
    matches = sorted([*_DEADLINE.finditer(text), *_MORE_DEADLINES.finditer(text)], key=lambda match: match.start())
    return _unique(
        _deadline_phrase(match.group(0))
        for match in matches
        if not _PASSED.search(text, max(0, match.start() - 20), match.start())
        and not _PAST_EVENT.search(_clause_before(text, match.start()))
        and not (_UNTIL.match(match.group(0)) and _PAST_STATE.search(_clause_before(text, match.start())))
        and not _TERM_OF.search(_clause_before(text, match.start()))
        and not _STATE_AT_A_TIME.search(match.group(0))
        and not (
            _RANGE_WORD.match(match.group(0))
            and _RANGE_OF_RECORDS.search(text, max(0, match.start() - 40), match.start())
            and _RECORDS_GONE.search(_clause_at(text, match.start()))
        )
    )


def _customer_deadlines(ticket: Ticket, customer_turns: list[str], body: str) -> list[str]:
    """The customer's deadlines in their turns, less a time our agent promised in the history (the customer quoting
    "within 10 working days" back sets no deadline of theirs), and less an earlier turn's deadline with no date
    when the current message sets its own (the later one stands)."""
    current = _deadlines_in(f"{ticket.subject}\n{body}")
    earlier = _deadlines_in("\n".join(customer_turns))
    earlier = [deadline for deadline in earlier if deadline not in _passed_deadlines(ticket)]
    if current:
        earlier = [deadline for deadline in earlier if days_ahead(deadline, _latest_time(ticket)) is not None]
    ours = " ".join(turn.body.lower() for turn in ticket.history if turn.author == "agent")
    # a phrase of one word ("today") is anyone's: "a hotfix was deployed today" promises nothing
    return [
        deadline
        for deadline in _unique([*earlier, *current])
        if " " not in deadline.strip() or not re.search(rf"(?<!\w){re.escape(deadline.lower())}(?!\w)", ours)
    ]


def _passed_deadlines(ticket: Ticket) -> set[str]:
    """The deadlines of an earlier turn whose day, counted from that turn, came before the latest message: "If it
    isn't working by Friday ..." written on a Tuesday, and the current message of the Monday after."""
    latest = _latest_time(ticket)
    if latest is None:
        return set()
    passed = set()
    for turn in ticket.history:
        if turn.author != "customer" or turn.at is None or not _comparable([turn.at, latest]):
            continue
        for deadline in _deadlines_in(message_text(turn.body)):
            ahead = days_ahead(deadline, turn.at)
            if ahead is not None and (turn.at.date() - latest.date()).days + ahead < 0:
                passed.add(deadline)
    return passed


def _sentence_at(text: str, position: int) -> str:
    """The sentence around ``position``."""
    ends = [end for end in (text.find(mark, position) for mark in (".", "!", "?", "\n")) if end != -1]
    return _clause_before(text, position) + text[position : min(ends, default=len(text))]


# Where a clause ends inside a sentence: "orders before Friday, otherwise the report won't be complete", "invoices
# before Friday so our audit file is complete" (not at "and": "calls before 17 November and after 28 November are
# unaffected" is one clause).
_CLAUSE_END = re.compile(r"[,;:]\s|\s(?:so|otherwise|because|but)\s", re.IGNORECASE)


def _clause_at(text: str, position: int) -> str:
    """The clause of the sentence around ``position``: records said gone or complete there are the ones the range
    counts."""
    sentence_start = position - len(_clause_before(text, position))
    sentence = _sentence_at(text, position)
    at = position - sentence_start
    breaks = list(_CLAUSE_END.finditer(sentence))
    starts = [0] + [m.end() for m in breaks if m.end() <= at]
    ends = [m.start() for m in breaks if m.start() >= at] + [len(sentence)]
    return sentence[max(starts) : min(ends)]


def _clause_before(text: str, end: int) -> str:
    """The words of the sentence before ``end``: what a deadline phrase's verb is."""
    start = max(text.rfind(mark, 0, end) for mark in (".", "!", "?", "\n"))
    return text[start + 1 : end]


_EVENT_WITH_TIME = re.compile(
    r"^(?P<event>inspection|audit|hearing|review)\b(?: [\w&-]+){3,6}? (?P<time>(?:on|at) .+)$", re.IGNORECASE
)
# "The agreement will accordingly end on 7 March": "agreement ends on 7 March"
_TERM_ENDING = re.compile(
    r"^(?P<event>agreement|contract|subscription|term)\b(?: [\w-]+){0,3}? (?P<verb>end|ends|expires|lapses)"
    r" (?P<time>(?:on|at) .+)$",
    re.IGNORECASE,
)
_NAMED_DEADLINE = re.compile(
    r"^(?:deadline|cut-?off|latest)\b[^.!?\n]{0,30}?\b(?:is|of|:)\s(?P<time>.+)$", re.IGNORECASE
)
_PERIOD_END_WORK = re.compile(r"^(?:present|report|fil|submit|clos)\w* (?P<time>(?:at|by|for|before) .+)$", re.I)
# "back on my card in 14 days" is echoed by its span.
_CONDITION_OR_ANSWER = re.compile(rf"^(?:if|unless|a|an|your|some|any)\b[^.!?\n]*?\b(?P<time>{_SOON})$", re.IGNORECASE)
_ASKED_BEFORE = re.compile(
    rf"^(?:{_ASK}|{_IMPERATIVE})\b[^.!?\n]*?\b(?P<time>(?:by|before|ahead of)\s.+)$", re.IGNORECASE
)
_RESULT_SPAN = re.compile(rf"^{_RESULT}\b.*?\b(in \w+ (?:days?|hours?))$")


# A threat at a period's end, by its step: "notice of non-renewal on the full estate ... at the end of the month" reads
# "non-renewal at the end of the month"; a date of effect by its notice: "Kündigung zum 31.12.2026".
_THREAT_AT_PERIOD_END = re.compile(
    r"^.*\b(?P<what>non-renewal|not renew|cancel\w*|terminat\w*|switch\w*|withhold\w*|stop paying|leave you)\b"
    r".*?\b(?P<time>(?:at|by) (?:the )?end of .+)$",
    re.IGNORECASE,
)
_DATE_OF_EFFECT = re.compile(
    r"^(?P<what>kündigung|termination|cancellation|résiliation|rescisión|disdetta|opzegging)\b.*?"
    r"\b(?<!bis )(?P<time>(?:zum|effective(?: from| on)?|with effect from|takes? effect(?: on)?|à compter du"
    r"|con efecto del?)\s.+)$",
    re.IGNORECASE,
)

# The span a notice counts before its date: "take effect 30 days from the date of this notice, i.e. on".
_EFFECT_AFTER_A_SPAN = re.compile(r"^takes? effect\s[^,]{0,80}?,? (?:i\.e\.|that is),?(?: on)?\s", re.IGNORECASE)


def _deadline_phrase(phrase: str) -> str:
    """The phrase as written; a long request with no clock or date in it ("can you set up a call with whoever
    ... this week") shortened to its time, which is what the subject line and the acknowledgement echo."""
    phrase = phrase.strip().rstrip(".,;:")
    if (condition := _CONDITION_OR_ANSWER.match(phrase)) is not None:  # "If we don't hear back today": "today"
        return condition.group("time")
    if (asked := _ASKED_BEFORE.match(phrase)) is not None:  # "need it gone before our AP run on the 20th"
        phrase = asked.group("time")
    if (period_end := _PERIOD_END_WORK.match(phrase)) is not None:  # "presents at the end of quarter"
        return period_end.group("time")
    if (span := _RESULT_SPAN.match(phrase)) is not None:
        return span.group(1)
    if (threat := _THREAT_AT_PERIOD_END.match(phrase)) is not None:
        return f"{threat.group('what')} {threat.group('time')}"
    if (effect := _DATE_OF_EFFECT.match(phrase)) is not None:  # "termination takes effect on 4 January"
        return f"{effect.group('what')} {_EFFECT_AFTER_A_SPAN.sub('takes effect on ', effect.group('time'))}"
    if (named := _NAMED_DEADLINE.match(phrase)) is not None:  # "the deadline for us is about 14:00 UTC"
        phrase = named.group("time")
    if (ending := _TERM_ENDING.match(phrase)) is not None:
        verb = {"end": "ends"}.get(ending.group("verb").lower(), ending.group("verb"))
        return f"{ending.group('event')} {verb} {ending.group('time')}"
    if (event := _EVENT_WITH_TIME.match(phrase)) is not None:  # "inspection of our access controls on 12 January"
        phrase = f"{event.group('event')} {event.group('time')}"
    time = _TIME_WORD.search(phrase) if len(phrase) > 40 and not any(c.isdigit() for c in phrase) else None
    if time is not None and time.group(0).lower() != "now":  # "now" alone says nothing: the ask is kept whole
        phrase = time.group(0)
    shouted = phrase.isupper() and (
        any(len(word) >= 4 and word.isalpha() for word in phrase.split()) or bool(_TIME_WORD.fullmatch(phrase))
    )
    return phrase.lower() if shouted else phrase  # "TODAY" is echoed back to the customer, not shouted; "CET" is kept


_ASKED = re.compile(rf"^(?:{_ASK}|{_IMPERATIVE})\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w/:-]+")
_SAME_DAY = re.compile(
    rf"\b(?:today|tonight|asap|immediately|(?:right )?now|eod|cob|end of (?:the )?day|close of business|this (?:morning"
    rf"|afternoon|evening)|{_FOREIGN_TODAY}|aujourd'hui|{_CLOCK})(?![\w/])",
    re.IGNORECASE,
)
_SPAN_AHEAD = re.compile(
    r"\b(?:within|in|next) (?:the next )?(\d{1,3}|one|two|three|four|five|six|seven|ten|fourteen|thirty|a) ?"
    r"(?:business |working |calendar )?(hours?|hrs?|h|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MONTH})|({MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|the (\d{{1,2}})(?:st|nd|rd|th)\b|(\d{{4}})-(\d{{2}})-(\d{{2}}))",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_NUMBER_WORDS |= {"fourteen": 14, "thirty": 30}


def _latest_time(ticket: Ticket) -> datetime | None:
    times = [moment for moment in (ticket.created_at, *(turn.at for turn in ticket.history)) if moment is not None]
    return max(times) if times and _comparable(times) else None


def days_ahead(deadline: str, now: datetime | None) -> float | None:
    """About how many days from ``now`` the deadline falls, for putting the soonest first; None when the phrase
    gives no day ("before launch") or needs a date we do not have."""
    lowered = deadline.lower()
    if (span := _SPAN_AHEAD.search(lowered)) is not None:
        count = int(span.group(1)) if span.group(1).isdigit() else _NUMBER_WORDS.get(span.group(1), 1)
        unit = span.group(2)[0]
        return count * {"h": 1 / 24, "d": 1, "w": 7, "m": 30}[unit]
    if "tomorrow" in lowered:
        return 1
    dated = _DAY_OF_MONTH.search(lowered) or re.search(rf"\b{_DAY}\b", lowered)
    if _SAME_DAY.search(lowered) and not dated:  # "by 3 pm", "today", but not "next Tuesday 9am"
        return 0
    if now is None:
        return None
    today = now.date()
    if (numeric := _NUMERIC_DATE.search(lowered)) is not None:  # "bis zum 15.12.2026"
        try:
            return float((date(int(numeric[3]), int(numeric[2]), int(numeric[1])) - today).days)
        except ValueError:
            return None
    if (found := _DAY_OF_MONTH.search(lowered)) is not None:
        day, month, month2, day2, nth, year, month3, day3 = found.groups()
        try:
            if year:
                return float((date(int(year), int(month3), int(day3)) - today).days)
            number = int(day or day2 or nth)
            name = (month or month2 or "")[:3]
            if name:
                target = date(today.year, _MONTHS.index(name) + 1, number)
                target = target if target >= today else target.replace(year=today.year + 1)
            else:  # "the 15th": the next one
                target = today.replace(day=number) if number >= today.day else _next_month(today, number)
        except ValueError:
            return None
        return float((target - today).days)
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}day\b", lowered):
            ahead = (index - today.weekday()) % 7 or 7
            return float(ahead + (7 if "next " + name in lowered and ahead < 7 else 0))
    if re.search(r"\b(?:this week|eow|end of (?:the |this )?week)\b", lowered):
        return float(max(4 - today.weekday(), 0))
    if "next week" in lowered:
        return float(7 - today.weekday())
    if re.search(r"\b(?:end of (?:the |this )?month|month[- ]end|this month)\b", lowered):
        return float((_next_month(today, 1) - today).days - 1)
    if re.search(r"\b(?:year[- ]end|end of (?:the )?(?:year|financial year|fiscal year))\b", lowered):
        return float((date(today.year, 12, 31) - today).days)
    return None


def _next_month(today: date, day: int) -> date:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(year, month, min(day, 28))


def _by_date(deadlines: list[str], now: datetime | None) -> list[str]:
    """The customer's deadlines, the soonest first (those with no day after, in the order written), less a phrase
    whose words another holds ("before audit" beside "before our audit on 3/12")."""
    words = [set(_WORD_RE.findall(deadline.lower())) for deadline in deadlines]
    kept = [
        deadline
        for index, deadline in enumerate(deadlines)
        if not any(other > words[index] for other in words[:index] + words[index + 1 :])
    ]
    ahead = {deadline: days_ahead(deadline, now) for deadline in kept}
    return sorted(kept, key=lambda deadline: (ahead[deadline] is None, ahead[deadline] or 0.0))


_A_TIME = re.compile(rf"\b(?:{_WHEN}|{_SOON})|{_NOW}", re.IGNORECASE)


def names_a_time(deadline: str) -> bool:
    """A deadline with a day, a date or a clock in it ("goes live on Thursday"), not an event alone ("before
    launch")."""
    return bool(_A_TIME.search(deadline))


def spoken_deadline(deadline: str) -> str:
    """A deadline as it reads in a sentence of ours: a request ("want to speak to a manager TODAY") by its time
    ("today"); a date or an event ("by 3 pm", "audit on Friday") as the customer wrote it."""
    asked = _ASKED.match(deadline) and not any(c.isdigit() for c in deadline)  # "need it before our 9am shift"
    time = _TIME_WORD.search(deadline) if asked else None
    if time is None and _FOREIGN_ASK.match(deadline):  # "Je veux savoir aujourd'hui": "aujourd'hui"
        time = _FOREIGN_TIME_WORD.search(deadline)
    return time.group(0).lower() if time else deadline


# A request with its time in the other languages the deadline reads, and that time.
_FOREIGN_ASK = re.compile(rf"^(?:{_FOREIGN_NEED}|{_FOREIGN_WANT})\b", re.IGNORECASE)
_FOREIGN_TIME_WORD = re.compile(rf"\b(?:hoy mismo|{_FOREIGN_TODAY})\b|\baujourd'hui", re.IGNORECASE)


def message_text(body: str) -> str:
    """The customer's own words: without forwarded-mail headers and legal footers."""
    lines = []
    for line in body.splitlines():
        if _FOOTER.match(line):
            break
        if not _MAIL_HEADER.match(line):
            lines.append(line)
    return "\n".join(lines)


def signature_start(body: str) -> int | None:
    """The index of the sign-off line ("Regards,") in the body's lines, when the message ends with one; a short
    line with a comma ("Rgds,", "Yours,") counts when only short lines without a sentence's end follow it."""
    lines = body.splitlines()
    for index in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        closing = _CLOSING.match(lines[index])
        # "Thanks Kenji, sounds good - send it over. Priyanka": thanks that open a sentence, no sign-off
        if closing and not _SENTENCE_INSIDE.search(closing.group("rest")):
            return index
    for index in range(len(lines) - 2, max(-1, len(lines) - 6), -1):
        below = [line.strip() for line in lines[index + 1 :] if line.strip()]
        if (
            _SHORT_SIGN_OFF.match(lines[index])
            and not _GREETING_LINE.match(lines[index])
            and below
            and all(signature_line(line) for line in below)
        ):
            return index
    return None


_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?]\s+\S")  # a word ends a sentence, another follows ("Dr. Li" is none)
_SHORT_SIGN_OFF = re.compile(r"^\s*[^\W\d_]{2,12}(?: [^\W\d_]{2,12}){0,2},\s*$")  # "Mit besten Grüßen,"
_GREETING_LINE = re.compile(r"^\s*(?:hi|hello|hey|dear|hiya|morning|afternoon|evening)\b", re.IGNORECASE)


# Where a forwarded or quoted mail starts: the words above it are the sender's, the words below another's.
_FORWARD_START = re.compile(
    r"^\s*(?:-{3,}\s*(?:forwarded message|original message|message transféré|weitergeleitete nachricht"
    r"|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht)|begin forwarded message|>\s?from:"
    r"|(?:from|von|de|da|van):\s.{2,120}$|on .{5,120} wrote:\s*$)",
    re.IGNORECASE,
)
_FORWARDED_FROM = re.compile(
    r"^\s*+>?\s*+(?:from|von|de|da|van):\s*\"?(?P<name>[^<\n\"(]{2,60}?)\"?\s*(?:[<(\n]|$)", re.I
)
# A role under a name, not a company: "CIO", "Head of Finance", "Senior Associate".
_ROLE_WORDS = re.compile(
    r"\b(?:manager|director|officer|head|lead|owner|founder|co-?founder|ceo|cfo|cio|cto|coo|ciso|dpo|vp|president"
    r"|chief|partner|associate|solicitor|attorney|counsel|lawyer|engineer|admin\w*|coordinator|accountant|controller"
    r"|secretary|assistant|specialist|analyst|consultant|bookkeeper|supervisor|architect|developer|nurse|doctor"
    r"|paralegal|principal|proprietor|treasurer|clerk|editor|finance|accounts|operations|ops|procurement|hr"
    r"|marketing|sales|it|legal|compliance|billing|payroll)\b",
    re.IGNORECASE,
)
# The words of a title, not of a department: a company may be called "... Payroll Services", never "... Director".
_TITLE_WORDS = re.compile(
    r"\b(?:manager|director|officer|head|lead|owner|founder|co-?founder|ceo|cfo|cio|cto|coo|ciso|dpo|vp|president"
    r"|chief|partner|associate|solicitor|attorney|counsel|lawyer|engineer|coordinator|accountant|controller"
    r"|secretary|assistant|specialist|analyst|consultant|bookkeeper|supervisor|architect|developer|clerk)\b",
    re.IGNORECASE,
)
# A full name after the last sentence on its line: "Sorry for the hassle! Amira Haddad", "Any ideas? Declan
# Murphy, Murphy Roofing".
# An initial stands for the first name ("Please confirm. H. Brandt"); a role and a company may follow ("Can you check?
# Laura Kim, RevOps, Tallis Robotics"); a first name alone only with its role in brackets ("... we'll review.
# Priyanka (Account Manager)").
_GIVEN_NAME = rf"(?:[{CAPITAL}][^\W\d_]{{1,20}}(?:-[{CAPITAL}][^\W\d_]{{1,20}})?|[{CAPITAL}]\.)"
_SURNAME = rf"[{CAPITAL}][^\W\d_'’-]{{1,20}}(?:-[{CAPITAL}][^\W\d_]{{1,20}})?"
_TRAILING_SIGNATURE = re.compile(
    rf"[.!?]\s+(?P<rest>{_GIVEN_NAME} {_SURNAME}(?:(?:,\s[^.!?,\n]{{2,60}}){{1,2}}|\s\([^()]{{2,60}}\))?"
    rf"|(?P<first>[{CAPITAL}][^\W\d_]{{1,20}})\s\((?P<role>[{CAPITAL}][^()\n]{{1,60}})\)"
    # a first name and a role after the last sentence, on its line: "Happy to discuss. Marcus, Account Manager"
    rf"|(?!(?:Also|However|Otherwise|Meanwhile|Again|Plus|Currently|Sadly|Sorry|Thanks|Regards)\b)"
    rf"[{CAPITAL}][^\W\d_]{{1,20}},\s(?P<title>[{CAPITAL}][^\W\d_]{{1,20}}(?: [{CAPITAL}][^\W\d_]{{1,20}}){{0,3}}))\s*$"
)
# "Chloe (Loose Ends Hair Studio)", "Martin Okafor | CIO | Halvorsen Retail Group"
_NAME_WITH_COMPANY = re.compile(r"^(?P<name>[^()]{2,60}?)\s*\((?P<company>[^()]{2,80})\)\s*$")
_NOT_A_NAME = re.compile(
    r"^(?:thanks|thank|cheers|regards|best|hello|hi|hey|dear|sorry|please|help|urgent|again|ok|okay|yes|no|sent"
    r"|team|support|confidential|asap|update|today|tomorrow|morning|attached"
    # Sign-offs in the languages the cue tables read: "Pozdrawiam", "Viele Grüße" are no one's name.
    r"|pozdrawiam|pozdrowienia|serdecznie|viele|grüße|gruß|mfg|saludos|cordialement|groeten|groetjes|saluti"
    r"|hälsningar|hilsen|mvh|atenciosamente|cumprimentos|abraços|obrigad[oa]|terveisin|ystävällisin|parhain"
    r"|kiittäen|vennlig|vennlige|pozdravem|saygılarımla|saygılar)\b",
    re.IGNORECASE,
)


_MAILBOX = re.compile(
    r"\b(?:team|services?|support|desk|department|notifications?|admin|billing|accounts|info|no-?reply|system)\b", re.I
)


_CONTACT_DETAIL = re.compile(
    r"@[\w-]+\.\w|https?://|\bwww\.|^(?:tel|phone|mobile|mob|cell|direct|fax|[tmf])\b\s?[:.]|^\+?[\d\s().-]{7,}$"
    r"|^\+\d{1,4}(?:[\s().-]|$)",  # a number with its country code, however it goes on: "+47 ...", "+44 (0)20 ..."
    re.IGNORECASE,
)
# "- sent from mobile, excuse typos", "Sent via Outlook for Android": no part of the signature
_MOBILE_LINE = re.compile(
    r"^\W{0,3}(?:sent (?:from|via|with|using) (?:my )?[\w ]{2,30}"
    r"|(?:please )?(?:excuse|pardon|sorry for) (?:the |any )?(?:typos|brevity))\b",
    re.IGNORECASE,
)
_SIGNATURE_DASH = re.compile(r"^[-–—~]+\s?(?=[A-Z])")


def own_part(body: str) -> str:
    """The body above a forwarded or quoted mail: the words of the person who sent this message."""
    lines = body.splitlines()
    for index, line in enumerate(lines):
        if index and _FORWARD_START.match(line):
            return "\n".join(lines[:index])
    return body


def forwarded_authors(body: str) -> list[str]:
    """The people whose mails are forwarded or quoted below the message ("From: Lisa Chen (Store Systems)")."""
    below = body[len(own_part(body)) :]
    names = []
    for line in below.splitlines():
        match = _FORWARDED_FROM.match(line)
        if match and _PERSON.match(match.group("name").strip()) and not _MAILBOX.search(match.group("name")):
            names.append(match.group("name").strip())
    return list(dict.fromkeys(names))


def sender_of(ticket: Ticket) -> Sender:
    """Who wrote the current message: its own signature block (above any forwarded mail); a first name alone is
    completed, and an unsigned message signed, from the customer's earlier turns; a message nobody signed is the
    person our agent greets by name in the history ("Hi Laura,")."""
    signed = _signed_sender(ticket)
    if signed.name is None and (greeted := _greeted_by_agent(ticket)) is not None:
        return Sender(greeted, None, signed.company, how="greeted by our agent")
    return signed


def _greeted_by_agent(ticket: Ticket) -> str | None:
    for turn in reversed(ticket.history):
        if turn.author != "agent":
            continue
        match = _ADDRESSEE.match(turn.body)
        name = match and match.group("name")
        if name and not _NOT_A_PERSON.search(name) and not _NOT_A_NAME.match(name):
            return name
    return None


def _signed_sender(ticket: Ticket) -> Sender:
    current = _sender(message_text(own_part(ticket.body)))
    earlier = [
        signed
        for turn in reversed(ticket.history)
        if turn.author == "customer" and (signed := _sender(message_text(own_part(turn.body)))).name
    ]
    if current.name is None and current.company is None:
        if earlier:
            return earlier[0]
        # an unsigned forward ("see below from our identity team"): the forwarded mail's company is theirs
        forwarded = _sender(message_text(ticket.body))
        return Sender(None, None, forwarded.company) if own_part(ticket.body) != ticket.body else current
    if current.name and " " not in current.name:  # "Declan": the same person signs in full in the history
        full = next((signed for signed in earlier if (signed.name or "").split()[0] == current.name), None)
        if full is not None:
            return Sender(full.name, current.role or full.role, current.company or full.company)
    if current.name and current.company is None and earlier and earlier[0].name == current.name:
        return Sender(current.name, current.role or earlier[0].role, earlier[0].company)
    return current


# Where a signature line splits into its parts: at a comma or a bar, but not the comma before a company's legal
# form ("Corbin Fresh Markets, Inc.").
_SIGNATURE_PART = re.compile(
    r"[,|](?!(?i:\s*(?:inc|llc|ltd|corp|co|plc|gmbh|ag|s\.a|b\.v|n\.v|l\.l\.c)\.?\s*(?:[,|]|$)))"
)


def _sender(message: str) -> Sender:
    """Who signed ``message`` (the body's own words: :func:`message_text`)."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    lines = [line for line in lines if not re.fullmatch(r"-{2,}|_{2,}", line)]  # "--" above a signature
    while lines and _CONTACT_DETAIL.search(lines[-1]):  # phone, e-mail and web lines under the name
        lines.pop()
    # "- Priya", "— Tom Reyes"; a mobile sign-off line is none of the signature
    lines = [_SIGNATURE_DASH.sub("", line) for line in lines if not _MOBILE_LINE.match(line)]
    start = signature_start("\n".join(lines))
    closing = _CLOSING.match(lines[start]) if start is not None else None
    inline = _INLINE_CLOSING.search(lines[-1]) if lines else None
    if start is not None and closing is None and _SHORT_SIGN_OFF.match(lines[start]):
        block = lines[start + 1 : start + 5]
    elif start is not None and closing is not None:
        rest = closing.group("rest")
        # "Danke und viele Grüße" above "Jana Hoffmann": the closing's own words go on, the name is below
        continued = (
            start + 1 < len(lines)
            and not _PERSON.match(_name_part(rest))
            and bool(_PERSON.match(_name_part(lines[start + 1])))
        )
        block = [*([] if continued else [rest]), *lines[start + 1 : start + 5]]
    elif inline is not None:
        block = [inline.group("rest")]
    elif (
        lines
        and (trailing := _TRAILING_SIGNATURE.search(lines[-1])) is not None
        and (trailing.group("first") is None or _ROLE_WORDS.search(trailing.group("role")))
        and (trailing.group("title") is None or _ROLE_WORDS.search(trailing.group("title")))
    ):
        block = [trailing.group("rest")]
    else:
        # no closing word: a name on its own line after the last sentence, then a title or a company
        block = []
        while lines and len(block) < 3 and signature_line(lines[-1]):
            block.insert(0, lines.pop())
        if len(block) == 1 and _COMPANY_SUFFIX.search(block[0]) and not _NAME_WITH_COMPANY.match(block[0]):
            return Sender(None, None, block[0].strip())
        # a name alone under a last sentence: "... to be honest.\nThomas Greaves", "... pick this up?\n\nDeclan"
        after_sentence = not lines or lines[-1].rstrip().endswith((".", "!", "?", ")"))
        if not block or not after_sentence or not _PERSON.match(re.split(r"[,|]| \(", block[0])[0].strip()):
            return Sender(None, None, None)
    block = [line for line in block if line.strip()]
    if not block:
        return Sender(None, None, None)
    # "Best, Sam" above "Sam Oyelaran-Price": the full name is the signature
    if len(block) > 1 and " " not in block[0].strip() and block[1].startswith(f"{block[0].strip()} "):
        block = block[1:]
    lower_name = _LOWER_CASE_NAME.match(block[0]) and not _PHRASE_WORD.search(block[0])
    if message == message.lower() and lower_name:  # "thanks\nmaria de la cruz", not "see you soon"
        return Sender(block[0].strip(), None, block[1].strip() if len(block) > 1 else None)
    first = block[0].strip()
    if (paired := _NAME_WITH_COMPANY.match(first)) is not None and _PERSON.match(paired.group("name").strip()):
        name, others = paired.group("name").strip(), [paired.group("company").strip()]
        others += [part.strip() for line in block[1:] for part in _SIGNATURE_PART.split(line) if part.strip()]
    else:
        tail = [part.strip() for line in block for part in re.split(rf"{_SIGNATURE_PART.pattern}|\s[-–]\s", line)]
        tail = [part for part in tail if part]
        if not tail or not _PERSON.match(tail[0]) or _NOT_A_NAME.match(tail[0]):
            return Sender(None, None, None)
        name, others = tail[0], tail[1:]
    if _COMPANY_SUFFIX.search(name) and " " in name:  # "Yours faithfully, / Bramley Kerr LLP": a firm signs
        return Sender(None, None, name)
    if name.endswith(", Esq."):
        name = name[: -len(", Esq.")]
    others = [part for part in others if part != "Esq." and "@" not in part and not re.search(r"\d{3}", part)]
    company = next((part for part in reversed(others) if _COMPANY_SUFFIX.search(part)), None)
    if company is None:
        # "CIO, Halvorsen Retail Group": the part of two words or more that names no role is the company
        company = next((p for p in reversed(others) if not _ROLE_WORDS.search(p) and len(p.split()) >= 2), None)
    if company is None and len(others) >= 2 and _ROLE_WORDS.search(others[0]):
        # "Head of Information Security, Corvel Payroll Services": under a role, a name that starts with no role
        # word and holds no title is the company, department words and all
        last = others[-1]
        if len(last.split()) >= 2 and not _ROLE_WORDS.match(last) and not _TITLE_WORDS.search(last):
            company = last
    if company is None and len(others) == 2 and _ROLE_WORDS.search(others[0]) and _ONE_WORD_FIRM.match(others[1]):
        # "Backend Lead, Parcelhaus": one capitalised word under a role that names no role, title or department
        company = others[1]
    role = next((part for part in others if part != company), None)
    return Sender(name, role, company)


# One word that may name the signer's firm after their role: capitalised, not a role, title, department or date word
# ("Backend Lead, Parcelhaus"; not "Backend Lead, Engineering", "Head of IT, Operations", "Analyst, Monday").
_ONE_WORD_FIRM = re.compile(
    r"(?!(?i:engineering|support|product|design|platform|infrastructure|security|data|research|growth|logistics"
    r"|purchasing|warehouse|facilities|development|accounting|finance|sales|marketing|legal|compliance|operations"
    r"|team|office|department|emea|apac|americas|europe|global|international|remote|retired|interim"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$)"
    rf"[{CAPITAL}][^\W\d_]{{2,30}}$"
)


def _name_part(line: str) -> str:
    """What stands before a comma, a bar or a bracket: "Jana Hoffmann" of "Jana Hoffmann, HR"."""
    return re.split(r"[,|]| \(", line)[0].strip()


# Words of a phrase under a sign-off ("see you soon", "looking forward", "talk later"), never of a name.
_PHRASE_WORD = re.compile(
    r"\b(?:see|you|soon|looking|forward|talk|later|have|a|nice|good|great|day|week|weekend|hope|this|helps|again"
    r"|thanks|thank|best|regards|speak|chat|catch|up|all|the|cheers|take|care|let|me|know|asap|please|sent|from|my)\b"
)
# In a message written all in lower case, the line under a sign-off is a name written the same way.
_LOWER_CASE_NAME = re.compile(
    r"^\s*[^\W\d_]{2,20}(?: [^\W\d_'’]{1,3}){0,2}(?: [^\W\d_'’]{1,20}(?:['’][^\W\d_]{2,20})?){1,2}\s*$"
)


def signature_line(line: str) -> bool:
    """A short line with no sentence end: a name, a title or a company under a message ("Oosterdok Mobility B.V."
    ends with its suffix's dot)."""
    ended = line.rstrip().endswith((".", "!", "?", ":")) and not _COMPANY_SUFFIX.search(line.rstrip())
    return 0 < len(line.split()) <= 8 and not ended


# A firm writing for its client names it: "We act for Bramwell Interiors Ltd", "We act as outside counsel to
# Norrvik Logistics AB", "I write on behalf of Corbin Fresh Markets, Inc.", "Solicitors for Bramwell Interiors Ltd".
# The name ends before "and I", "I am": "We represent Acme Corp and I am writing about invoice 44".
# Written "on behalf of" someone, the name is a company only with its legal form ("on behalf of Maria Lopez, my
# mother" names a person).
_CLIENT = re.compile(
    r"\b(?:(?P<firm>(?i:we act(?: as (?:[\w-]+ )?(?:counsel|solicitors|attorneys|lawyers|advisers|advisors))?"
    r"(?: for| to)|(?:we|this firm|our firm|this office) (?:represents?|acts? for)|on behalf of our client,?"
    r"|(?:solicitors|counsel|attorneys|lawyers) (?:for|to)))"
    r"|(?i:(?:we|i) (?:write|am writing|are writing) on behalf of))\s+"
    r"(?P<client>(?!I\b)[A-Z][\w&'’.-]*(?: (?:(?!I\b)[A-Z][\w&'’.-]*|&|of|and(?! (?:I|we|my|our|he|she|they)\b)))*+"
    r"(?:,? (?:Inc|LLC|Ltd|AB|AG|GmbH|B\.V|plc)\.?)?)"
)


_TRAILING_JOIN = re.compile(r"(?: (?:and|of|&))+$")


def _client(body: str) -> str | None:
    """The company a firm writes for, named as such in the message; a first name alone is no company."""
    for match in _CLIENT.finditer(message_text(body)):
        client = _TRAILING_JOIN.sub("", match.group("client")).rstrip(".,")  # "Ms. T. Alvarado and a class"
        if (match.group("firm") and len(client.split()) >= 2) or _COMPANY_SUFFIX.search(client):
            return client + ("." if client.endswith((" Inc", " B.V")) else "")
    return None


def _addressee(ticket: Ticket) -> str | None:
    """The person of ours the customer writes to by name, in this message or, failing that, their last one."""
    found = _addressed_message(ticket)
    return found[0] if found else None


def _addressed_message(ticket: Ticket) -> tuple[str, str] | None:
    """The name the customer greets and the message it opens, in this message or, failing that, their last one."""
    bodies = [ticket.body, *(turn.body for turn in reversed(ticket.history) if turn.author == "customer")]
    for body in bodies:
        match = _ADDRESSEE.match(body)
        name = match and (match.group("name") or match.group("alone"))
        if name and not _NOT_A_PERSON.search(name) and not _NOT_A_NAME.match(name):
            return name, body
    return None


def _addressed_manager(ticket: Ticket) -> tuple[str, str] | None:
    """The role and name of the person greeted, when the same message says they hold an account role of ours
    ("Dear Ingrid, ... copying you as our account director")."""
    found = _addressed_message(ticket)
    if found is None:
        return None
    name, body = found
    said = _YOU_AS_MANAGER.search(message_text(body))
    return (said.group("role").lower(), name) if said else None


def pasted_line(line: str) -> bool:
    if _LOG_LINE.match(line):
        return True
    return bool(_PASTED_FAILURE.match(line)) and not _FIRST_PERSON.search(line) and not line.rstrip().endswith("?")


def _amounts(text: str) -> list[str]:
    found = amounts_by_shape(text)
    found += [
        match.group(0)
        for sentence in sentences(text)
        if _PAYMENT_WORDS.search(sentence) and not AMOUNT.search(sentence)
        for match in BARE_AMOUNT.finditer(sentence)
    ]
    return _unique(found)


# Our agent's own diagnosis in the history: "we've reproduced this and it's a known bug", "the fix slipped".
_AGENT_CONFIRMED_DEFECT = re.compile(
    r"\b(?:(?:a |an |the )?known (?:bug|issue|defect|problem)"
    r"|(?:we'?ve|we have|i'?ve|i have|engineering has) reproduced"
    r"|a bug (?:on|in) our (?:side|end)|(?:the |a )fix (?:is|was|has been) (?:scheduled|planned|slipped|delayed|in)"
    r"|the fix slipped)\b",
    re.IGNORECASE,
)
# A case the model found: its trigger, with a signal that names the case ("disputes a charge" under a financial
# trigger is a billing dispute however the customer put it).
_NAMED_BY_SIGNALS = {
    "outage": ("technical", {"outage"}),
    "data_loss": ("technical", {"data_loss"}),
    "billing_dispute": ("financial", {"billing_dispute", "chargeback"}),  # a refund webhook asks for no refund
    "legal_threat": ("legal", {"class_action"}),  # "legal_action" fires on a notice to terminate too
    "regulator": ("legal", {"regulator_complaint"}),
    "privacy_request": ("legal", {"privacy_article"}),
}


def _with_cases_the_model_found(cases: list[str], labels: set[str], signals: set[str]) -> list[str]:
    found = set(cases)
    for case, (label, names) in _NAMED_BY_SIGNALS.items():
        # a refund asked for in a legal threat is the threat's to answer: no correction agreed in writing first
        # and a loss a claim is about happened before the letter: no restore to start
        # and a loss or an outage the model alone found under a regulator's inquiry is what the inquiry asks about
        legal_first = case in ("billing_dispute", "data_loss", "outage") and "legal_threat" in found
        legal_first |= case in ("data_loss", "outage") and "regulator" in found
        # a refund agreed and not paid is traced: the bank dispute threatened over it contests no charge
        refund_chased = case == "billing_dispute" and "refund_owed" in found
        # records the text reports lost are no request for one's own data, whatever article the text cites
        records_lost = case == "privacy_request" and "data_loss" in found
        if label in labels and names & signals and not (legal_first or refund_chased or records_lost):
            found.add(case)
    if "privacy_request" in found:
        found.discard("data_loss")  # an erasure asked for, not data lost
    if "fraud" in found:
        found.discard("billing_dispute")  # charges nobody made: the fraud procedure, not a correction
        found.discard("account_takeover")  # a stolen card used to sign up: no account of theirs to secure
    if found - {"bug"} and "bug" in found and not found <= {"bug", "billing_dispute", "funds_held"}:
        found.discard("bug")
    return [case for case in [*CASE_ORDER, "bug"] if case in found]


# The first person plural in the languages the tickets come in: the writer speaks for an organisation.
SPEAKS_FOR_A_TEAM = re.compile(
    r"\b(?:we|we'[a-z]{1,2}|our|ours|us|nous|notre|nos|wir|unser\w*|uns|noi|nostr[aoie]|nosotr[oa]s|nuestr[oa]s?"
    r"|wij|we|onze|ons|nós|nosso|nossa)\b",
    re.IGNORECASE,
)


_MONEY_SIGNALS = frozenset({"money_amount", "refund_request", "billing_dispute", "chargeback"})


def _case_the_model_found(
    labels: set[str], signals: set[str], customer_text: str, body: str, *, personal: bool
) -> list[str]:
    """The case of a ticket whose words no case pattern knows (another language, other phrasing), read from the
    model's own triggers and the signals under them: a trigger alone names no case, a trigger with what backs it
    does."""
    if "legal" in labels and "fraud" in signals:
        return ["fraud"]
    # a privacy law cited by a person writing for themselves is a request for their own data; a firm's questions
    # about our DPA cite one too
    if "legal" in labels and "privacy_regulation" in signals and personal:
        return ["privacy_request"]
    # a fault the current message reports ("It is not fixed"), or pastes in any language ("Błąd 502", a log line);
    # the signals read the whole thread, and an old turn's fault may be over
    if "technical" in labels and (
        _PLAIN_DEFECT.search(body.lower())
        or _NOT_KEPT.search(body)
        or HTTP_STATUS.search(body)
        or any(pasted_line(line) for line in body.splitlines())
    ):
        return ["bug"]
    if "financial" in labels and (signals & _MONEY_SIGNALS or _amounts(customer_text)):
        return ["billing_dispute"]
    return []


# What the customer says has not come is something else than the refund: "I haven't received my March invoice".
_OTHER_THING_AWAITED = re.compile(
    r" ?(?:yet )?(?:my|the|our|your|a|an|any|this|that) (?!(?:\w+ )?(?:refund|money|payment|credit|funds|transfer"
    r"|reimbursement)\b)\w+"
)


def _refund_not_received(lowered: str) -> bool:
    """A refund said not to have arrived: words that name nothing else awaited (the refund agreed is the context
    ``_CASE_CONTEXT`` asks for)."""
    return any(
        not _OTHER_THING_AWAITED.match(sentence, match.end())
        for sentence in sentences(lowered)
        for match in _CASES["refund_owed"].finditer(sentence)
    )


def case_types(text: str, families: set[str]) -> list[str]:
    """The kinds of case the text describes, in the order of ``_CASES`` (the gravest first)."""
    lowered = _TRANSFER_ASKED_ABOUT.sub(" ", _BREACH_ASKED_ABOUT.sub(" ", text.lower()))
    lowered = _MISSING_ASKED_ABOUT.sub(" ", _DELETION_ASKED_ABOUT.sub(" ", lowered))
    found = [
        case
        for case, pattern in _CASES.items()
        if (CASE_FAMILY.get(case) is None or CASE_FAMILY[case] in families or _ALSO_FAMILY.get(case) in families)
        and pattern.search(lowered)
        and (case not in _CASE_CONTEXT or _CASE_CONTEXT[case].search(lowered))
        and (case != "refund_owed" or _refund_not_received(lowered))
    ]
    if "data_exposure" not in found and _leak_in_another_language(text):
        found.append("data_exposure")
    if IMPERSONATION.search(lowered):
        if _impersonation_reported(lowered):
            found.append("impersonation")  # someone posing as the customer is reported whatever the triggers say
        if "fraud" in found and not _CASES["fraud"].search(IMPERSONATION.sub(" ", lowered)):
            found.remove("fraud")  # the posing is the whole report: no transactions of theirs to freeze
    if "refund_owed" in found and "billing_dispute" in found:
        clauses = (clause for sentence in sentences(lowered) for clause in _CLAUSE_BREAK.split(sentence))
        contested = " ".join(clause for clause in clauses if not _REFUND_TALK.search(clause))
        if not _CASES["billing_dispute"].search(contested):
            found.remove("billing_dispute")  # the refund is agreed: trace it, there is no charge to check
    if residency_breach(text):
        found.append("data_residency")  # the customer's compliance case whatever the triggers say
    found = [case for case in CASE_ORDER if case in found]
    if "privacy_request" in found and "data_loss" in found:
        found.remove("data_loss")  # "I want all my data gone": a deletion asked for, not data lost
    # a defect must say that something does not work, and be no other kind of case than a money one (a bug that
    # double-charges shoppers is both)
    if (
        "technical" in families
        and _DEFECT.search(_NO_FAULT_OF_OURS.sub(" ", lowered))
        and (not found or (set(found) <= {"billing_dispute", "funds_held"} and _PLAIN_DEFECT.search(lowered)))
    ):
        found.append("bug")
    return found


def _leak_in_another_language(text: str) -> bool:
    """A data leak, or another firm's data shown to the customer, in a language other than English: the
    multilingual table's security incident, which reads that language's negation and supposed cases ("Nie było
    żadnego wycieku danych", "w razie wycieku danych"). A text too short for the detector, or one it cannot place,
    is read in each language whose leak cue it holds, unless the English case pattern reads it already (its own
    asked-about forms decide: "in the event of a data breach" is no Italian "data breach")."""
    language = detect_language(text)
    if language.detected:
        return language.code != "en" and "security_incident" in multilingual_signals(text, language.code)
    if _CASES["data_exposure"].search(text.lower()):
        return False
    # only a language whose leak cue the text holds can find one: the full reading (negation, supposed cases) is
    # for those alone (a long text of log lines the detector cannot place took 0.24 s read in all fifteen)
    cues = multilingual.CUES
    cued = dict.fromkeys(code for code, signal, cue in cues if signal == "security_incident" and cue.search(text))
    return any("security_incident" in multilingual_signals(text, code) for code in cued)


def sentences(text: str) -> list[str]:
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]


# A heading over the steps taken, with the steps after its colon or in a list below it: "What we've tried:",
# "Done so far: cleared the cache", "Steps taken -".
_STEPS_HEADING = re.compile(
    r"^\s*(?:what (?:we|i)(?:'ve| have)? (?:already )?(?:tried|done|checked)(?: so far)?"
    r"|(?:steps|things) (?:(?:we|i)(?:'ve| have)? )?(?:already )?(?:tried|taken|done|checked)(?: so far)?"
    r"|(?:already )?(?:tried|done|checked) so far|troubleshooting(?: done| so far)?|(?:we|i) (?:have )?already tried)"
    r"\s*[:-]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-*•·–]|\(?\d{1,2}[.)]|\(?[a-h]\))\s+")
# A step told in a clause of its own, without a subject, in a run-on message: "..., tried 3 browsers, ...".
_CLAUSE_STEP = re.compile(
    r"(?:^|[,;]\s|\s[-–]\s)(?:already |also )?(?:tried|checked|restarted|rebooted|cleared|reinstalled|reset"
    r"|re-?saved|removed|revoked|disabled|re-?enabled|reconnected|disconnected|rolled back|logged out|signed out)\b",
    re.IGNORECASE,
)


def listed_steps(turn: str) -> tuple[list[str], set[str]]:
    """The steps under a steps heading (after its colon, or its bulleted lines), and the heading lines."""
    steps: list[str] = []
    headings: set[str] = set()
    listing = False
    for line in turn.splitlines():
        if (heading := _STEPS_HEADING.match(line)) is not None:
            headings.add(line.strip())
            steps += [heading.group("rest").strip()] if heading.group("rest").strip() else []
            listing = True
        elif line.rstrip().endswith(":") and _CUSTOMER_STEP.search(said := sentences(line)[-1]):
            headings.add(said)  # "We did all four things you suggested:" heads the list of what they did
            listing = True
        elif listing and BULLET.match(line):
            steps.append(BULLET.sub("", line).strip())
        elif line.strip() or steps:
            listing = False
    return steps, headings


def _customer_steps(turns: list[str]) -> list[str]:
    steps: list[str] = []
    for turn in turns:
        turn = _QUOTED_LINE.sub("", turn)  # "> I've cleared it ...": our words quoted back, not the customer's
        listed, headings = listed_steps(turn)
        steps += listed
        steps += [
            sentence
            for sentence in (BULLET.sub("", sentence) for sentence in sentences(turn))
            if sentence not in headings
            and len(sentence.split()) >= 2  # "Updated." echoes the agent's word; it tells no step
            and not any(sentence in line or line in sentence for line in listed)
            and not pasted_line(sentence)
            and not _NOT_A_STEP.search(sentence)
            and (_CUSTOMER_STEP.search(sentence) or _FOREIGN_STEP.search(sentence) or _CLAUSE_STEP.search(sentence))
            and not (_NOT_TAKEN.search(sentence) and len(_CUSTOMER_STEP.findall(sentence)) <= 1)
        ]
    return _unique(_excerpt(_step_clause(_OPENING_GREETING.sub("", step)), 200) for step in steps)


_QUOTED_LINE = re.compile(r"^[^\S\n]*>.*$", re.MULTILINE)
_OPENING_GREETING = re.compile(r"^(?:hi|hello|hey|hiya)(?: there| all| team)?\s*[,!-]\s*", re.IGNORECASE)


def _step_clause(sentence: str) -> str:
    """A long sentence is cut to its clauses that report the step, so the step is not lost in the excerpt."""
    if len(sentence) <= 200:
        return sentence
    clauses = [c for c in sentence.split(", ") if _CUSTOMER_STEP.search(c) or _FOREIGN_STEP.search(c)]
    return ", ".join(clauses) or sentence


# A reference after its abbreviation with a dot, a firm's file number: "ref. PH/LIT/2291", "Az. 3 O 118/26",
# "réf. 2026-114" (the dot that ends a sentence before a number is no abbreviation: "the invoice. 2026 ...").
_ABBREVIATED_REFERENCE = re.compile(
    r"\b(?i:ref|réf|az|our ref|your ref|file ref)\.\s?(?P<id>[A-Z0-9](?:[\w-]|[./](?=\w)){1,40}+(?: \d{1,4}/\d{2,4})?)"
)


def _identifiers(text: str) -> list[str]:
    found = identifiers_by_shape(text)
    for match in _REQUEST_IDS.finditer(text):
        found += [part.strip() for part in match.group("ids").split(",")]
    for match in _NUMBERED_IDS.finditer(text):
        found += re.findall(r"\d+", match.group("ids"))
    found += [
        match.group(0)
        for match in _UPPER_CODE.finditer(text)
        if match.group(0).endswith(("Exception", "Error")) or any(c.isdigit() or c == "_" for c in match.group(0))
    ]
    found += [match.group(0) for match in _CODE.finditer(text)]
    found += [match.group(0) for match in _BRACKETED_CODE.finditer(text)]
    found += [match.group("address") for match in _NAMED_ADDRESS.finditer(text)]
    found += [match.group("id") for match in _ABBREVIATED_REFERENCE.finditer(text)]
    # "code 137" inside "exit code 137", "CH-00871" inside "2026-CH-00871": the longer reading only. Each distinct
    # item is looked for once in all the others joined by lines (one search per item, not one per pair: 1,500
    # identifiers took seconds).
    distinct = list(dict.fromkeys(found))
    others = "\n".join(distinct)
    return _unique(item for item in distinct if not _inside_another(item, others))


# A reference our agent gave the case: "I've raised this as ENG-21877", "logged under PRB-1102", "escalated as
# INC0048821", "I've reopened the engineering ticket (ENG-21877)".
_RAISED_AS = re.compile(
    r"\b(?i:raised|logged|opened|filed|escalated|created|tracked|recorded)\b[^.!?\n]{0,30}?\b(?i:as|under|in)\s"
    r"(?i:ticket |case |bug |issue )?(?P<id>[A-Z]{2,10}+-?\d{2,12}+)\b"
    r"|\b(?i:ticket|case|bug|issue|incident)\s\(?(?P<bracketed>[A-Z]{2,10}+-?\d{2,12}+)\b"
)


def _agent_references(ticket: Ticket) -> list[str]:
    """The references our own agents gave in the thread ("case 00482211", "raised as ENG-21877"): the customer may
    quote them later, and the next tier looks them up; an error code an agent quotes is the customer's to give."""
    found = []
    for turn in ticket.history:
        if turn.author != "agent":
            continue
        text = message_text(turn.body)
        found += [match.group("id") or match.group("bracketed") for match in _RAISED_AS.finditer(text)]
        statuses = {match.group(0) for match in HTTP_STATUS.finditer(text)}
        found += [ref for ref in identifiers_by_shape(text) if ref not in statuses and not ref.startswith("card ")]
    return _unique(found)


def _inside_another(item: str, others: str) -> bool:
    """Whether ``item`` is a word-bounded part of another line of ``others`` (its own whole line does not count),
    or ends one after a hyphen or a space."""
    at = others.find(item)
    while at != -1:
        end = at + len(item)
        before = others[at - 1] if at else "\n"
        after = others[end] if end < len(others) else "\n"
        if not _joins_word(before) and not _joins_word(after) and (before, after) != ("\n", "\n"):
            return True
        if before in "- " and after == "\n":
            return True
        at = others.find(item, at + 1)
    return False


def _joins_word(character: str) -> bool:
    return character == "-" or character == "_" or character.isalnum()


_ROLE_ALONE = re.compile(rf"^(?:{_ROLE})$", re.IGNORECASE)
_TEAM_OR_ROLE = re.compile(rf"^(?:[{CAPITAL}][\w&-]{{1,20}}+ ?){{1,4}}+$")  # "Customer Success", "Strategic Accounts"


def _agents_with_a_role(ticket: Ticket) -> list[tuple[str, str]]:
    """Our own people who signed a turn with their role or team: "Best, Tom (Account Manager)", "Kind regards, Owen
    Hughes, Customer Success" (what an agent signs under the name is never the customer's company)."""
    found = []
    for turn in ticket.history:
        if turn.author != "agent":
            continue
        signed = _sender(message_text(turn.body))
        role = next(
            (
                part
                for part in (signed.role, signed.company)
                if part and (_ROLE_ALONE.match(part) or _TEAM_OR_ROLE.match(part))
            ),
            None,
        )
        if signed.name and role:
            found.append((role.lower(), signed.name))
    return found


# The roles of ours that own an account (an "IT manager" or an "account owner" is the customer's own).
_OUR_ACCOUNT_ROLES = frozenset(
    {
        "account manager",
        "account director",
        "account executive",
        "customer success manager",
        "success manager",
        "technical account manager",
        "csm",
        "account lead",
        "account rep",
        "account representative",
        "sales rep",
        "sales representative",
    }
)
# The same roles said in other words, when one of our agents signs with them: "Strategic Account Director", "Key
# Accounts", "Client Success Lead" (not "Accounts Payable", a customer's department).
_OWNS_ACCOUNTS = re.compile(
    r"\b(?:(?:key |strategic |global |enterprise |named )?accounts?(?! (?:payable|receivable))"
    r"|(?:customer|client) (?:success|relationship)|relationship manager|client (?:partner|director|manager))\b"
)
# "your own account manager" with no name after it; "your colleague Ben": one of our people, named.
# Only our own account roles: "my admin is away" is the customer's colleague.
_UNNAMED_MANAGER = re.compile(
    rf"\b(?:your|my|our) (?:own )?(?:{'|'.join(sorted(_OUR_ACCOUNT_ROLES, key=len, reverse=True))})\b"
    r"(?!\s?(?:,|:|\(|is|was|-)?\s?(?-i:[A-Z]))",
    re.IGNORECASE,
)
_ACCOUNT_ROLE = "|".join(sorted(_OUR_ACCOUNT_ROLES, key=len, reverse=True))
# The person the customer writes to is the account role they name: "Catherine, I'm writing to you directly, as our
# account director", "copying you in as our account manager" (not "as our account manager has left, could you").
_YOU_AS_MANAGER = re.compile(
    rf"\byou\b[^.!?\n]{{0,40}}?\bas (?:my|our) (?:own )?(?P<role>{_ACCOUNT_ROLE})\b"
    r"(?!,? (?:has|had|is|was|left|leaves|never|did|does|will|would|can|could|should|told|said|isn|wasn|hasn|didn)\b)",
    re.IGNORECASE,
)
_OUR_PERSON = re.compile(
    r"\b(?i:your (?:colleague|co-?worker|agent|rep|representative|sales ?(?:rep|person)|guy|man|woman))"
    r"(?:,)? (?P<name>[A-Z][^\W\d_]{1,20}(?: [A-Z][^\W\d_'’-]{1,20})?)"
)


def _manager_named_elsewhere(text: str, named: list[str]) -> str | None:
    """The customer speaks of "your own account manager" without a name and names one person of ours elsewhere
    ("the email from your colleague Ben"): that person, completed from the names in the ticket ("Ben Osterman"),
    to be confirmed."""
    people = list(dict.fromkeys(match.group("name") for match in _OUR_PERSON.finditer(text)))
    if len({person.split()[0] for person in people}) != 1:
        return None
    first = people[0].split()[0]
    full = next((name for name in named if name.split()[0] == first and " " in name), max(people, key=len))
    return f'{full} (the customer\'s "account manager" is not named; they name {full} as one of ours: confirm)'


# The people the customer copies in, on a "Cc:" line above or in the message: "Cc: Karen Whitlock (CEO)", "cc: Tom
# Reyes, Head of IT; Ana Ruiz <ana@example.com>" (a header line the message's own words leave out).
_CC_LINE = re.compile(r"^[^\S\n]*+cc:[^\S\n]*(?P<people>[^\n]{2,300})$", re.IGNORECASE | re.MULTILINE)
_COPIED_PERSON = re.compile(
    rf"^(?P<name>{_TITLE}{_NAME})\s*(?:\((?P<role>[^()\n]{{2,40}})\)|,\s(?P<title>[^,;<\n]{{2,40}}))?\s*(?:<[^<>\n]*>)?$"
)


# a "Cc:" after a sentence inside the text, with an executive's title in brackets ("... can sign in. Cc: Dr. Helen
# Park (Chief Medical Officer)"): the title is what makes it a person copied in (not "I will cc: our finance team")
_CC_IN_TEXT = re.compile(
    rf"(?<=[.!?] )(?:Cc|CC):[^\S\n]*(?P<name>{_TITLE}{_NAME})[^\S\n]*\((?P<role>[^()\n]{{2,40}})\)"
)
_EXECUTIVE_TITLE = re.compile(
    r"\b(?:c[a-z]o|chief [a-z]+(?: [a-z]+)? officer|head of [a-z]+|(?:vice )?president|vp [a-z]+|[a-z]+ director"
    r"|director of [a-z]+|general counsel)\b",
    re.IGNORECASE,
)


def _copied_in(body: str) -> list[tuple[str, str]]:
    found = [
        (f"copied in ({match.group('role')})", match.group("name"))
        for match in _CC_IN_TEXT.finditer(body)
        if _EXECUTIVE_TITLE.search(match.group("role"))
    ]
    for line in _CC_LINE.finditer(body):
        for person in line.group("people").split(";"):
            match = _COPIED_PERSON.match(person.strip())
            if match is None:
                continue
            role = match.group("role") or match.group("title")
            found.append((f"copied in ({role})" if role else "copied in", match.group("name")))
    return found


def _contacts(text: str) -> list[tuple[str, str]]:
    found = []
    for match in _CONTACT.finditer(text):
        role = (match.group("role") or match.group("role2") or match.group("role3")).lower()
        name = match.group("name") or match.group("name2") or match.group("name3")
        found.append((role, name))
    for match in _MANAGER_FIRST_NAME.finditer(text):
        found.append((match.group("role").lower(), match.group("name")))
    for match in _EMPLOYER.finditer(text):
        role = "employer named" if match.group("tense").lower() in ("work", "am working") else "former employer named"
        found.append((role, match.group("name").rstrip(".,")))
    for match in _THEIR_PERSON.finditer(text):
        name = match.group("name")
        # "our users (Sales Team)" names a group, "our agents, Monday Through Friday," their hours
        if not _NOT_A_PERSON.search(name) and not _CALENDAR_NAME.search(name):
            found.append((f"{match.group('kind').lower().rstrip('s')} named", match.group("name")))
    for match in _CORRESPONDENCE_TO.finditer(text):
        found.append(("correspondence to", match.group("name").rstrip(".,")))
    for match in _CALL_BACK_NUMBER.finditer(text):
        # a number only near the ask is a telephone's length, not "call me about order 0123 4567"
        if match.group("number") or sum(c.isdigit() for c in match.group("after")) >= 9:
            found.append(("call-back number", match.group("number") or match.group("after")))
    for match in _CALLED.finditer(text):  # the name ends at its closing quote or its sentence
        found.append((f"{match.group('kind').lower()} named", _QUOTE_OR_END.split(match.group("name"))[0].rstrip(".")))
    return list(dict.fromkeys(found))


# The number the customer asks to be called on: "ring me on 07700 900123", "call us back at +44 20 7946 0958", "my
# direct line is 020 7946 0018", "call our office on +44 20 7946 0018"; not "call me on Monday" or "the 5 calls we
# made".
_CALL_BACK_NUMBER = re.compile(
    r"\b(?:(?:call|ring|phone|reach|contact|text)(?: me| us| our (?:office|team|switchboard|reception|main line"
    r"|helpdesk|help desk)| my (?:mobile|office|desk|landline))?(?: back)? (?:on|at)"
    r"|(?:my|our) (?:mobile|phone|direct line|direct number|call-?back number|number)(?: number)? is)\s"
    r"(?P<number>\+?\(?\d[\d()]{1,5}+(?:[ -]?\d{2,8}+){1,4}+)(?![\w-])"
    # a number given just after the ask, with no digit between: "ring me today. 07700 914552."
    r"|\b(?:call|ring|phone) (?:me|us)\b[^\n\d]{0,40}+(?P<after>(?:\+|\b0)\d{2,5}+(?:[ -]?\d{2,8}+){1,3}+)(?![\w-])",
    re.IGNORECASE,
)


# Whom the customer sends further correspondence to: "All further correspondence should go to Harlow Finch
# Solicitors", "please direct any reply to our lawyers, Berg & Holm Advokatbyrå" (a name of capitalised words).
_CORRESPONDENCE_TO = re.compile(
    r"\b(?i:correspondence|communications?|replies|any (?:reply|response))\b[^.!?\n]{0,50}?"
    r"\b(?i:go|be (?:sent|addressed|directed)|direct\w*|address\w*|send|write)\b (?i:to|through|via)\s"
    r"(?i:our (?:solicitors|lawyers|attorneys|counsel|legal (?:advisers|advisors|representatives?)),?\s)?"
    r"(?P<name>(?!(?i:the|us|me|our|my|him|her|them|you)\b)[A-Z][\w&'’-]++(?: (?:&|[A-Z][\w&'’.-]*+)){0,5}+)"
)


# The company a person works or worked for, whose records they ask about: "I worked for Kestrel Foods Ltd until
# August" (a company's name: two words or more, or one with its legal form).
_EMPLOYER = re.compile(
    r"\b(?i:i|we) (?P<tense>(?i:work|worked|used to work|am working|was working|was employed))"
    r" (?i:for|at|by) (?P<name>[A-Z][\w&'’-]*+(?: (?:(?!I\b)[A-Z][\w&'’.-]*+|&|of|and(?! (?:I|we|my|our)\b))){1,5}+)"
)
# One of the customer's own people named beside their role: "One of our agents (Lena Dietz, ext 214) has no audio".
_THEIR_PERSON = re.compile(
    r"\b(?i:(?:one of )?(?:our|my) (?P<kind>agents?|colleagues?|employees?|users?|team members?|engineers?"
    rf"|technicians?|drivers?|nurses?))\s?(?:\(|,\s)(?P<name>{_NAME})(?=[,)])"
)
# A weekday or a month alone is no one's name: "a customer called Friday to say ..." (but "April Jones"); a weekday
# in a name is their hours: "our agents, Monday Through Friday,".
_CALENDAR_WORD = rf"{_DAY}|january|february|march|april|may|june|july|august|september|october|november|december"
_CALENDAR_NAME = re.compile(rf"\b{_DAY}\b", re.IGNORECASE)
# An account role of ours before a first name alone: "our account manager Sophie says", "our CSM Tom" (a full
# name is _CONTACT's). Not a word that starts a sentence, a weekday or a month: "our account manager On Monday".
_MANAGER_FIRST_NAME = re.compile(
    rf"\b(?i:(?:my|our|your|the) (?P<role>{_ACCOUNT_ROLE}))\s"
    rf"(?!(?i:the|this|that|these|those|and|but|or|on|in|at|for|from|to|is|was|has|had|who|when|if|it|its|we|he"
    rf"|she|they|today|yesterday|tomorrow|last|next|please|thanks|still|never|also|{_CALENDAR_WORD})\b)"
    r"(?P<name>[A-Z][^\W\d_]{1,20}+)\b(?! [A-Z])"
)
_QUOTE_OR_END = re.compile(r"['\"‘’“”]|\.\s")
# Another party the customer names by what it is: "payslips of a company called 'Fenwick Dental Group'",
# "a client named Orla Byrne".
_CALLED = re.compile(
    r"\b(?i:an? |another )(?P<kind>(?i:company|business|firm|practice|client|customer|user|employee|patient|supplier))"
    rf" (?i:called|named) ['\"‘“]?(?P<name>(?!(?i:{_CALENDAR_WORD})\b(?! [A-Z]))[A-Z][\w&'’.-]*+"
    r"(?: (?:(?!I\b)[A-Z][\w&'’.-]*+|&|of|and(?! (?:I|we|my|our|he|she|they)\b))){0,5}+)"
)


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item and item.lower() not in seen:
            seen[item.lower()] = item
    return list(seen.values())[:MAX_ITEMS]
