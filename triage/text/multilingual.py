"""The strongest escalation cues in French, German, Spanish, Portuguese, Italian and Dutch, as a hand-written
keyword table: what a ticket in a language the model was not trained on can still tell the policy.

Why a table and not a model: the models and the signal patterns read English, and we have no labelled tickets in
these languages to learn from; but a bilingual support lead who reads "panne", "Rechtsanwalt" or "reembolso"
knows where the ticket goes (docs/labelling.md). The table supplies the signals the default criteria read
(outage, data_loss, refund_request, billing_dispute, chargeback, cancellation, legal_action,
regulator_complaint, privacy_regulation) and, through ``triage.text.signals.TRIGGER_SIGNALS``, the trigger
each one speaks for, so the tier follows the guide. The pipeline still abstains on these tickets
(triage.pipeline): an agent looks at every one.

Words in context, as in English: a cue preceded in its clause by the language's negation ("pas d'avocat
nécessaire", "kein Anwalt", "sin abogado") does not count, unless a condition leads it ("si vous ne me
remboursez pas": a threat). A routine question ("Comment obtenir une facture ?", "Wie kann ich ... ändern?")
is a ``how_to_question``, which the policy's ``routine_ask`` keeps at the first tier when nothing else is
wrong; a refund or a cancellation asked about in one ("Wie funktioniert die Erstattung?") is no request.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Alternatives are case-insensitive words; "(?-i:...)" keeps an acronym's case ("AVG" is the Dutch GDPR,
# "avg" an average). A trailing \w* takes a word's inflections and compounds ("Klageschrift", "remboursé").
_CUE_WORDS: tuple[tuple[str, str, str], ...] = (
    # -- French
    (
        "fr",
        "outage",
        r"panne|plus rien ne (?:fonctionne|marche)|rien ne (?:fonctionne|marche)"
        r"|hors service|hors ligne|inaccessibles?|indisponibles?|à l'arrêt|plus aucun accès",
    ),
    ("fr", "data_loss", r"pertes? de données|données (?:perdues|effacées|supprimées|disparues)"),
    ("fr", "refund_request", r"rembours\w*"),
    (
        "fr",
        "billing_dispute",
        r"(?:prélevé|facturé|débité)e?s? deux fois|double (?:prélèvement|facturation|débit)"
        r"|prélèvements? (?:injustifiés?|non autorisés?)|factures? (?:erronée|incorrecte)s?|dommages et intérêts"
        r"|indemnisation",
    ),
    ("fr", "chargeback", r"rétrofacturation|chargeback|opposition (?:bancaire|au prélèvement)"),
    ("fr", "cancellation", r"résili\w*"),
    (
        "fr",
        "legal_action",
        r"avocats?|tribunal|tribunaux|en justice|poursuites(?: judiciaires)?|mise en demeure|porter plainte"
        r"|action (?:en justice|judiciaire)",
    ),
    ("fr", "regulator_complaint", r"(?-i:CNIL|DGCCRF)|médiateur|autorité de (?:contrôle|protection des données)"),
    ("fr", "privacy_regulation", r"(?-i:RGPD)|données personnelles|droit d'accès|droit à l'effacement"),
    # -- German
    (
        "de",
        "outage",
        r"st(?:ö|oe)rung\w*|nichts funktioniert|ausfall|ausgefallen"
        r"|totalausfall|nicht (?:mehr )?erreichbar|außer betrieb|nichts geht mehr",
    ),
    ("de", "data_loss", r"datenverlust\w*|daten (?:sind |wurden )?(?:verloren|gelöscht|weg)"),
    ("de", "refund_request", r"(?:rück)?erstattung\w*|(?:zurück)?erstatten|gutschrift|geld zurück"),
    (
        "de",
        "billing_dispute",
        r"(?:doppelt|zweimal) (?:abgebucht|berechnet|belastet|abgerechnet)|doppelbuchung|fehlbuchung"
        r"|unberechtigte? (?:abbuchung|belastung)\w*|falsche rechnung|schadensersatz\w*|schadenersatz\w*",
    ),
    ("de", "chargeback", r"rücklastschrift\w*|chargeback|lastschrift (?:zurückgeben|zurückgegeben|widerrufen)"),
    ("de", "cancellation", r"kündig\w*"),
    (
        "de",
        "legal_action",
        r"(?:rechts)?anw(?:a|ä)lt\w*|gericht\w*|klage\w*|verklagen"
        r"|rechtliche schritte|gerichtliche schritte|rechtsweg|mahnbescheid",
    ),
    (
        "de",
        "regulator_complaint",
        r"aufsichtsbehörde|datenschutzbehörde|landesdatenschutz\w*|verbraucherzentrale|(?-i:BaFin|BfDI)",
    ),
    ("de", "privacy_regulation", r"(?-i:DSGVO|BDSG)|personenbezogene\w* daten|auskunftsersuchen|datenauskunft"),
    # -- Spanish
    (
        "es",
        "outage",
        r"no funciona nada|nada funciona|caída|caído|fuera de servicio|inaccesible|sin servicio|no hay servicio",
    ),
    ("es", "data_loss", r"pérdida de datos|datos (?:perdidos|borrados|eliminados)|hemos perdido (?:los|todos)"),
    ("es", "refund_request", r"reembols\w*|devolución|devuelvan|devolver el (?:dinero|importe|cargo)"),
    (
        "es",
        "billing_dispute",
        r"cobrado dos veces|cobro (?:duplicado|indebido)|doble cobro|cargos? (?:duplicados?|indebidos?|no autorizados?)"
        r"|no reconocemos|no reconozco|vuelto a cobrar|factura (?:incorrecta|errónea)|indemnización",
    ),
    ("es", "chargeback", r"contracargo\w*|chargeback"),
    ("es", "cancellation", r"rescindir|rescisión|dar(?:nos|me)? de baja|cancelar (?:el|nuestro) contrato"),
    (
        "es",
        "legal_action",
        r"abogad[oa]s?|tribunal\w*|juzgado|demanda judicial|demandar\w*|demandaremos|acciones legales"
        r"|vía judicial|medidas legales|burofax",
    ),
    (
        "es",
        "regulator_complaint",
        r"(?-i:AEPD|OMIC)|agencia española de protección de datos|autoridad de (?:control|protección de datos)",
    ),
    ("es", "privacy_regulation", r"(?-i:RGPD|LOPDGDD|LOPD)|protección de datos|datos personales"),
    # -- Portuguese
    (
        "pt",
        "outage",
        r"nada funciona|fora do ar|queda (?:do|de|geral)|inoperante|indisponível|indisponíveis|sistema parado",
    ),
    ("pt", "data_loss", r"perda de dados|dados (?:perdidos|apagados|excluídos)|perdemos (?:os|todos)"),
    ("pt", "refund_request", r"reembols\w*|estorno|estornar|devolução do (?:valor|dinheiro)"),
    (
        "pt",
        "billing_dispute",
        r"cobrad[oa]s? (?:duas vezes|em dobro)|cobrança (?:duplicada|indevida|em dobro)"
        r"|não reconheço|fatura (?:errada|incorreta)|indenização",
    ),
    ("pt", "chargeback", r"chargeback|contestação no cartão|contestar (?:a compra|no banco)"),
    ("pt", "cancellation", r"rescindir|rescisão|cancelar o contrato"),
    (
        "pt",
        "legal_action",
        r"advogad[oa]s?|tribunal|processo judicial|ação judicial|processar vocês|medidas judiciais|medidas legais"
        r"|justiça",
    ),
    ("pt", "regulator_complaint", r"(?-i:ANPD|Procon|PROCON)|autoridade nacional de proteção de dados|reclame aqui"),
    ("pt", "privacy_regulation", r"(?-i:LGPD|RGPD)|proteção de dados|dados pessoais"),
    # -- Italian
    (
        "it",
        "outage",
        r"non funziona (?:niente|nulla)|disservizio|guasto|fuori servizio"
        r"|irraggiungibile|non raggiungibile|bloccat[oa] per tutti",
    ),
    ("it", "data_loss", r"perdita di dati|dati (?:persi|cancellati|spariti)|abbiamo perso (?:i|tutti)"),
    ("it", "refund_request", r"rimbors\w*"),
    (
        "it",
        "billing_dispute",
        r"addebitat[oa] due volte|doppio addebito|addebiti? (?:non autorizzat[oi]|non dovut[oi]|errat[oi])"
        r"|fattura (?:sbagliata|errata)|importo errato|risarcimento",
    ),
    ("it", "chargeback", r"chargeback|storno (?:sulla carta|bancario)|contestazione (?:con|alla) banca"),
    ("it", "cancellation", r"disdett\w*|disdire|recedere|recesso"),
    (
        "it",
        "legal_action",
        r"avvocat[oi]|tribunale|causa legale|vie legali|azioni legali|azione legale|diffida|denuncia",
    ),
    ("it", "regulator_complaint", r"garante (?:della|per la) (?:privacy|protezione dei dati)|(?-i:AGCM|AGCOM)"),
    ("it", "privacy_regulation", r"(?-i:GDPR)|protezione dei dati|dati personali"),
    # -- Dutch
    ("nl", "outage", r"niets werkt|storing\w*|ligt plat|onbereikbaar|niet bereikbaar|uitval|buiten gebruik|down"),
    ("nl", "data_loss", r"dataverlies|gegevens (?:zijn )?(?:kwijt|verloren|verwijderd)|data (?:is )?kwijt"),
    ("nl", "refund_request", r"terugbetal\w*|restitutie|geld terug|terugstorten|terugstorting"),
    (
        "nl",
        "billing_dispute",
        r"dubbel (?:afgeschreven|gefactureerd|betaald|geïncasseerd)|twee keer (?:afgeschreven|gefactureerd)"
        r"|onterecht (?:afgeschreven|gefactureerd|geïncasseerd)|(?:onjuiste|verkeerde) factuur"
        r"|schadevergoeding",
    ),
    ("nl", "chargeback", r"terugboeking|chargeback|incasso (?:gestorneerd|teruggeboekt)|storneren"),
    ("nl", "cancellation", r"opzeg\w*"),
    (
        "nl",
        "legal_action",
        r"advocaat|advocaten|rechter|rechtbank|rechtszaak|juridische stappen|aanklagen|dagvaard\w*|ingebrekestelling",
    ),
    ("nl", "regulator_complaint", r"autoriteit persoonsgegevens|toezichthouder|geschillencommissie|(?-i:ACM|AFM)"),
    ("nl", "privacy_regulation", r"(?-i:AVG)|persoonsgegevens|inzageverzoek"),
)


def _cue_pattern(words: str) -> re.Pattern[str]:
    """Whole words, case-insensitive; a straight apostrophe also reads the typographic one ("l’arrêt")."""
    return re.compile(r"\b(?:" + words.replace("'", "['’]") + r")\b", re.IGNORECASE)


# (language, signal, pattern): one row per cue family, checked for linear time by tests/text/test_regex_linear.py.
CUES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (language, signal, _cue_pattern(words)) for language, signal, words in _CUE_WORDS
)
LANGUAGES = tuple(dict.fromkeys(language for language, _, _ in CUES))

# Words that negate a cue after them in its clause ("pas d'avocat", "kein Anwalt") when only the fillers below
# stand between them and the cue: "nous n'avons pas reçu le remboursement" still wants the refund.
_NEGATORS: dict[str, frozenset[str]] = {
    "fr": frozenset({"pas", "sans", "aucun", "aucune", "jamais", "ni"}),
    "de": frozenset({"kein", "keine", "keinen", "keinem", "keiner", "nicht", "ohne", "nie", "niemals"}),
    "es": frozenset({"no", "sin", "ningún", "ninguna", "ninguno", "nunca", "ni"}),
    "pt": frozenset({"não", "nao", "sem", "nenhum", "nenhuma", "nunca", "nem"}),
    "it": frozenset({"non", "senza", "nessun", "nessuno", "nessuna", "mai", "né"}),
    "nl": frozenset({"geen", "niet", "zonder", "nooit"}),
}
# Articles, prepositions, "need" and "there is": "pas besoin d'un avocat", "no necesitamos un abogado", "nicht vor
# Gericht", "il n'y a pas eu de perte de données", "não houve perda de dados".
_NEGATION_FILLERS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "de",
            "d",
            "du",
            "des",
            "le",
            "la",
            "les",
            "l",
            "un",
            "une",
            "au",
            "aux",
            "en",
            "besoin",
            "nécessaire",
            "encore",
            "y",
            "a",
            "eu",
        ]
    ),
    "de": frozenset(
        [
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "der",
            "die",
            "das",
            "den",
            "dem",
            "vor",
            "zum",
            "zur",
            "mit",
            "brauchen",
            "benötigen",
            "nötig",
        ]
    ),
    "es": frozenset(
        [
            "un",
            "una",
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "al",
            "a",
            "necesitamos",
            "necesito",
            "hace",
            "falta",
            "hay",
            "hubo",
            "habido",
        ]
    ),
    "pt": frozenset(
        ["um", "uma", "o", "a", "os", "as", "de", "do", "da", "ao", "à", "precisamos", "preciso", "há", "houve", "teve"]
    ),
    "it": frozenset(
        [
            "un",
            "uno",
            "una",
            "il",
            "lo",
            "la",
            "i",
            "gli",
            "le",
            "di",
            "del",
            "della",
            "al",
            "alla",
            "a",
            "serve",
            "bisogno",
            "abbiamo",
            "c",
            "ci",
            "è",
            "stata",
            "stato",
        ]
    ),
    "nl": frozenset(["een", "de", "het", "naar", "voor", "nodig", "hebben"]),
}
# A condition before the negation makes a threat: "si vous ne me remboursez pas", "wenn Sie nicht zahlen".
_CONDITIONS: dict[str, frozenset[str]] = {
    "fr": frozenset({"si", "sinon", "faute"}),
    "de": frozenset({"wenn", "falls", "sofern", "andernfalls", "sonst"}),
    "es": frozenset({"si", "salvo"}),
    "pt": frozenset({"se", "caso", "senão"}),
    "it": frozenset({"se", "altrimenti", "qualora"}),
    "nl": frozenset({"als", "indien", "anders", "tenzij"}),
}
_NEGATION_WINDOW = 4  # words before the cue, within its clause
_CLAUSE_BREAK = re.compile(r"[,;:.!?¿¡()\n]")
_WORD = re.compile(r"[^\W\d_]+")

# A routine question: a sentence ending in "?" that opens with "how", "where", "when", "can I", "how much" (after
# a greeting or not; not "can you": "Können Sie das bitte ansehen?" asks for help with a problem). Refunds and
# cancellations asked about in one are no requests.
_HOW_TO_OPENERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"comment", "où", "puis", "peux", "combien", "quand"}),
    "de": frozenset({"wie", "wo", "wann", "kann", "wieviel"}),
    "es": frozenset({"cómo", "como", "dónde", "donde", "puedo", "cuánto", "cuándo"}),
    "pt": frozenset({"como", "onde", "posso", "quanto", "quando"}),
    "it": frozenset({"come", "dove", "posso", "quanto", "quando"}),
    "nl": frozenset({"hoe", "waar", "kan", "hoeveel", "wanneer"}),
}
_OPENING_WORDS = 6  # "Bonjour, est-ce que je peux ..."
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_NOT_ASKED_ABOUT = frozenset({"refund_request", "cancellation"})


def multilingual_signals(text: str, language: str) -> dict[str, int]:
    """The escalation signals the table finds in ``text`` written in ``language`` (ISO 639-1); {} for a
    language the table does not cover."""
    if language not in LANGUAGES:
        return {}
    questions = _how_to_questions(text, language)
    found: dict[str, int] = {}
    for cue_language, signal, pattern in CUES:
        if cue_language != language:
            continue
        for match in pattern.finditer(text):
            asked_about = signal in _NOT_ASKED_ABOUT and _inside(questions, match.start())
            if not asked_about and not _negated(text, match.start(), language):
                found[signal] = found.get(signal, 0) + 1
    if questions:
        found["how_to_question"] = len(questions)
    return found


def _negated(text: str, start: int, language: str) -> bool:
    clause = _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]
    words = [word.lower() for word in _WORD.findall(clause)][-_NEGATION_WINDOW:]
    negations = [index for index, word in enumerate(words) if word in _NEGATORS[language]]
    if not negations:
        return False
    last = negations[-1]
    between_fillers = all(word in _NEGATION_FILLERS[language] for word in words[last + 1 :])
    return between_fillers and not any(word in _CONDITIONS[language] for word in words[:last])


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans`` (sorted, not overlapping): a binary search, so a long text
    of many questions and cues stays linear."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and position < spans[index][1]


def _how_to_questions(text: str, language: str) -> list[tuple[int, int]]:
    """The spans of the routine questions in ``text``, in order."""
    spans = []
    for sentence in _SENTENCE.finditer(text):
        words = [word.lower() for word in _WORD.findall(sentence.group())[:_OPENING_WORDS]]
        if sentence.group().endswith("?") and any(word in _HOW_TO_OPENERS[language] for word in words):
            spans.append(sentence.span())
    return spans
