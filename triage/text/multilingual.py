"""The strongest escalation cues in French, German, Spanish, Portuguese, Italian, Dutch, Polish, Swedish, Danish
and Czech, as a hand-written keyword table: what a ticket in a language the model was not trained on can still tell
the policy.

Why a table and not a model: the models and the signal patterns read English, and we have no labelled tickets in
these languages to learn from; but a bilingual support lead who reads "panne", "Rechtsanwalt" or "reembolso"
knows where the ticket goes (docs/labelling.md). The table supplies the signals the default criteria read
(outage, data_loss, security_incident, refund_request, billing_dispute, chargeback, cancellation, legal_action,
regulator_complaint, privacy_regulation, fraud), the urgency that keeps a ticket from passing for a routine ask
and, through ``triage.text.signals.TRIGGER_SIGNALS``, the trigger each one speaks for, so the tier follows the
guide. Polish and Swedish also have a churn threat, Polish a repeat contact. The pipeline still abstains on these
tickets (triage.pipeline): an agent looks at every one.

Words in context, as in English: a cue preceded in its clause by the language's negation ("pas d'avocat
nécessaire", "kein Anwalt", "sin abogado", "nie potrzebujemy prawnika") does not count, unless a condition
leads it ("si vous ne me remboursez pas": a threat). A routine question ("Comment obtenir une facture ?", "Wie
kann ich ... ändern?") or a routine request ("bitte sperren Sie meine Karte", "prośba o kopię faktury") is a
``how_to_question``, which the policy's ``routine_ask`` keeps at the first tier when nothing else is wrong: a
money amount in one is a detail, not money at stake. A refund or a cancellation asked about in a question ("Wie
funktioniert die Erstattung?") is no request, and a double charge supposed in one is no claim ("Si le paiement est
prélevé deux fois, comment le récupérer ?").
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Up to four words (or amounts, "2.300") between the two halves of a cue on one line, none of them the
# language's "not": "cobrado 900 euros más de lo acordado", "kontakter är borta", not "pliki nie zniknęły".
_NOT_BETWEEN = {
    "fr": "pas|jamais",
    "de": r"nicht|nie|kein\w*",
    "es": "no|nunca",
    "pt": "não|nunca",
    "it": "non|mai",
    "nl": "niet|nooit|geen",
    "pl": "nie",
    "sv": "inte|ej|aldrig",
    "da": "ikke|aldrig",
    "nb": "ikke|aldri",
    "fi": "ei|eivät|eikä|emme|ette",
    "tr": "değil|yok|hiç|hiçbir",
    "cs": "ne|nikdy",
}


def _near(language: str) -> str:
    return rf"[ \t]+(?:(?!(?:{_NOT_BETWEEN[language]})\b)[\w.,€$%\x27\u2019-]+[ \t]+){{0,4}}"


# Stored records whose loss is data loss ("les pièces jointes", "Anhänge", "załączniki"), with the stems that take
# a language's endings ("bilagorna", "wpisów"). Not invoices or orders: "the March invoice is still missing" is
# a billing question.
_RECORDS = {
    "fr": r"données|fichiers|contacts|documents|dossiers|notes|pièces jointes|fiches|entrées|saisies|historiques?",
    "de": r"daten|dateien|datensätze|einträge|dokumente|kontakte|notizen|anhänge|anlagen|kommentare|verlauf",
    "es": r"datos|registros|archivos|ficheros|documentos|contactos|notas|adjuntos|entradas|historial",
    "pt": r"dados|registros|registos|arquivos|ficheiros|documentos|contatos|contactos|notas|anexos|entradas|histórico",
    "it": r"dati|record|registrazioni|documenti|contatti|note|allegati|file|voci|cronologia",
    "nl": r"gegevens|data|bestanden|records|documenten|contacten|notities|bijlagen|bijlages|geschiedenis",
    "pl": r"dane|danych|plik\w*|kontakt\w*|dokument\w*|notat\w*|załącznik\w*|wpis\w*|rekord\w*|histori\w*",
    "sv": r"data|fil(?:er|erna|en)|kontakt\w*|dokument\w*|anteckning\w*|bilag\w*|poster\w*|uppgift\w*|historik\w*",
    "da": r"data|fil(?:er|erne|en)|kontakt\w*|dokument\w*|noter\w*|notat\w*|bilag\w*|poster\w*|historik\w*",
    "nb": r"data|fil(?:er|ene|en)|kontakt\w*|dokument\w*|notat\w*|vedlegg\w*|poster\w*|oppføring\w*|historikk\w*",
    "fi": r"(?:asiakas|yhteys|käyttäjä)?tied\w*|data\w*|kontakt\w*|asiakirj\w*|dokument\w*|muistiinpan\w*"
    r"|liitte\w*|tietue\w*|histori\w*",
    "tr": r"veri\w*|dosya\w*|kayıt\w*|kayıtlar\w*|kişiler\w*|belge\w*|ekler\w*|geçmiş\w*",
    "cs": r"data|dat|soubor\w*|kontakt\w*|dokument\w*|poznámk\w*|příloh\w*|záznam\w*|histori\w*",
}

_ASKING_VERBS_PL = r"piszę|piszemy|pytam|pytamy|zgłaszam|zgłaszamy|dzwonię|dzwonimy|proszę|prosimy|kontaktuję"

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
    (
        "fr",
        "data_loss",
        r"pertes? de données|données (?:perdues|effacées|supprimées|disparues)"
        rf"|(?:{_RECORDS['fr']}|commandes|photos|factures){_near('fr')}(?:ont |sont )?disparu\w*"
        # Still missing after a restore: continuing loss ("les notes sont revenues, mais pas les pièces jointes").
        rf"|(?:{_RECORDS['fr']}){_near('fr')}(?:manquent (?:toujours|encore)|(?:sont )?(?:toujours|encore) manquant\w*"
        r"|n'ont (?:toujours )?pas été (?:restauré|récupéré)\w*|ne sont (?:toujours )?pas (?:revenu|réapparu|restauré"
        r"|récupéré)\w*)"
        rf"|(?:revenu|réapparu|restauré|récupéré)\w*,? mais (?:pas|toujours pas) (?:les |nos |la |le |l')?"
        rf"(?:{_RECORDS['fr']})"
        rf"|il manque (?:toujours|encore) (?:les |des |nos |la |le |l')?(?:{_RECORDS['fr']})",
    ),
    ("fr", "refund_request", r"rembours\w*"),
    (
        "fr",
        "billing_dispute",
        rf"(?:prélev|factur|débit)\w*{_near('fr')}deux fois|double (?:prélèvement|facturation|débit)"
        rf"|(?:prélev|factur|débit)\w*{_near('fr')}(?:de )?plus que (?:prévu|convenu)"
        r"|(?:paiement|prélèvement|débit|transaction)s? en double|(?:prélev|factur|débit)\w* en double(?! exemplaire)"
        r"|deux (?:prélèvements|débits|paiements) (?:identiques|pour le même)"
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
    (
        "fr",
        "fraud",
        r"fraud\w*|escroqu\w*|arnaque\w*|usurpation d'identité|hameçonnage|phishing"
        r"|que (?:je n'ai|nous n'avons) (?:jamais|pas) (?:fait|effectué|autorisé|commandé|réalisé)e?s?"
        r"|(?:achats?|paiements?|prélèvements?|transactions?|débits?|opérations?) (?:non|pas) autorisée?s?"
        r"|je ne reconnais pas (?:ces|ce|cet|cette|les) (?:achats?|paiements?|prélèvements?|transactions?|débits?)",
    ),
    ("fr", "urgency", r"urgent\w*|urgence|au plus vite|immédiatement|dès que possible|au plus tôt"),
    # -- German
    (
        "de",
        "outage",
        r"st(?:ö|oe)rung\w*|nichts funktioniert|ausfall|ausgefallen"
        r"|totalausfall|nicht (?:mehr )?erreichbar|außer betrieb|nichts geht mehr",
    ),
    (
        "de",
        "data_loss",
        r"datenverlust\w*|daten (?:sind |wurden )?(?:verloren|gelöscht|weg)"
        rf"|(?:{_RECORDS['de']}|bestellungen|buchungen){_near('de')}verschwunden"
        rf"|(?:{_RECORDS['de']}){_near('de')}(?:fehlen (?:immer noch|noch immer|weiterhin|nach wie vor)"
        r"|sind (?:immer noch|noch immer|weiterhin) (?:weg|verschwunden)|(?:wurden|sind) nicht wiederhergestellt)"
        rf"|(?:wiederhergestellt|zurück|wieder da),? aber (?:nicht (?:die |unsere )?|keine )(?:{_RECORDS['de']})"
        # The verb first, as after an opening phrase: "Nach der Wiederherstellung fehlen immer noch alle Anhänge".
        rf"|fehlen (?:immer noch|noch immer|weiterhin|nach wie vor){_near('de')}(?:{_RECORDS['de']})",
    ),
    ("de", "refund_request", r"(?:rück)?erstattung\w*|(?:zurück)?erstatten|gutschrift|geld zurück"),
    (
        "de",
        "billing_dispute",
        rf"(?:doppelt|zweimal){_near('de')}(?:abgebucht|berechnet|belastet|abgerechnet)|doppelbuchung|fehlbuchung"
        rf"|(?:berechnet|abgebucht|belastet|verlangt|abgerechnet){_near('de')}mehr als (?:vereinbart|abgemacht)"
        rf"|mehr als (?:vereinbart|abgemacht){_near('de')}(?:berechnet|abgebucht|belastet|verlangt|abgerechnet)"
        r"|doppelt\w* (?:abbuchung|zahlung|belastung|lastschrift|abrechnung)\w*"
        r"|doppel(?:abbuchung|zahlung|belastung)\w*"
        r"|zweifach (?:abgebucht|berechnet|belastet)"
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
        r"aufsichtsbehörde|datenschutzbehörde|datenschutzaufsicht\w*|landesdatenschutz\w*|verbraucherzentrale"
        r"|(?:landes|bundes)beauftragt\w* für (?:den )?datenschutz|(?-i:BaFin|BfDI)",
    ),
    ("de", "privacy_regulation", r"(?-i:DSGVO|BDSG)|personenbezogene\w* daten|auskunftsersuchen|datenauskunft"),
    # Not a bare "betrug": it is also the past of "betragen" ("der Betrag betrug 50 Euro").
    (
        "de",
        "fraud",
        r"betrüger\w*|betrügerisch\w*|betrugs\w+|(?:ein|der|reiner|glatter|ist) betrug|identitätsdiebstahl|phishing\w*"
        r"|(?:die|welche) (?:ich|wir) nicht (?:autorisiert|genehmigt|veranlasst|getätigt|gemacht) (?:habe|haben)"
        r"|nicht von (?:mir|uns) (?:stamm\w*|autorisiert|veranlasst|getätigt)"
        r"|(?:nicht autorisiert|unautorisiert|nicht genehmigt)\w* (?:abbuchung|zahlung|transaktion|belastung|buchung"
        r"|käuf|kauf)\w*",
    ),
    ("de", "urgency", r"dringend\w*|eilig\w*|umgehend|schnellstmöglich|so schnell wie möglich"),
    # -- Spanish
    (
        "es",
        "outage",
        r"no funciona nada|nada funciona|caída|caído|fuera de servicio|inaccesible|sin servicio|no hay servicio",
    ),
    (
        "es",
        "data_loss",
        r"pérdida de datos|datos (?:perdidos|borrados|eliminados)|hemos perdido (?:los|todos)"
        rf"|(?:{_RECORDS['es']}|pedidos){_near('es')}(?:han )?desaparecid[oa]s?"
        rf"|(?:{_RECORDS['es']}){_near('es')}(?:siguen (?:sin aparecer|faltando|desaparecid[oa]s)|todavía faltan"
        r"|aún faltan|no se han (?:restaurado|recuperado))"
        rf"|(?:siguen|todavía|aún) falta(?:n|ndo) (?:los |las |nuestros |nuestras )?(?:{_RECORDS['es']})"
        rf"|(?:restaur|recuper|vuelto)\w*(?: \w+){{0,2}},? pero no (?:los |las |nuestros |nuestras )?"
        rf"(?:{_RECORDS['es']})",
    ),
    (
        "es",
        "refund_request",
        r"reembols\w*|devolución|devuelvan|devolver(?:me|nos)? el (?:dinero|importe|cargo|cobro|pago)"
        r"|devu[eé]lv\w* (?:el|los|mi|nuestro) (?:dinero|importe|cargo|cobro|pago)s?",
    ),
    (
        "es",
        "billing_dispute",
        rf"(?:(?:nos|me) (?:(?:han|ha|habéis) )?)?(?:cobr|factur|carg)(?:ado|aron|ó|asteis"
        rf"|an)s?{_near('es')}(?:dos veces|por duplicado)"
        rf"|(?:(?:nos|me) (?:(?:han|ha|habéis) )?)?(?:cobr|factur|carg)(?:ado|aron|ó|asteis|an)s?{_near('es')}más de lo"
        r" (?:acordado|pactado|contratado|presupuestado)"
        r"|cobro (?:duplicado|indebido)|doble cobro|cargos? (?:duplicados?|indebidos?|no autorizados?)"
        r"|pagos? duplicados?|(?:cobro|cargo|cobrado|cargado)s? (?:en )?doble|dos cobros (?:iguales|idénticos)"
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
    (
        "es",
        "fraud",
        r"fraude\w*|fraudulent\w*|estafa\w*|suplantación de identidad|robo de identidad|phishing"
        r"|(?:compras?|pagos?|transacci(?:ón|ones)|movimientos?|operaci(?:ón|ones))"
        r" (?:no autorizad[oa]s?|que no (?:reconozco|reconocemos|he hecho|hemos hecho|hice|hicimos|autoricé"
        r"|autorizamos))"
        r"|no reconozco (?:estas?|esos?|esas?|los|las|estos) (?:compras?|pagos?|movimientos?)",
    ),
    ("es", "urgency", r"urgente\w*|urgencia|cuanto antes|inmediatamente|lo antes posible|lo más pronto posible"),
    # -- Portuguese
    (
        "pt",
        "outage",
        r"nada funciona|fora do ar|queda (?:do|de|geral)|inoperante|indisponível|indisponíveis|sistema parado",
    ),
    (
        "pt",
        "data_loss",
        r"perda de dados|dados (?:perdidos|apagados|excluídos)|perdemos (?:os|todos)"
        rf"|(?:{_RECORDS['pt']}|pedidos){_near('pt')}(?:desaparece|sumi)\w*"
        rf"|(?:{_RECORDS['pt']}){_near('pt')}(?:continuam (?:a faltar|faltando|desaparecid[oa]s)|ainda faltam"
        r"|não foram (?:restaurad|recuperad)[oa]s)"
        rf"|(?:ainda faltam|faltam ainda) (?:os |as |todos os |todas as )?(?:{_RECORDS['pt']})"
        rf"|(?:restaurad|recuperad|voltaram)\w*,? mas não (?:os |as )?(?:{_RECORDS['pt']})",
    ),
    (
        "pt",
        "refund_request",
        r"reembols\w*|estorno|estornar|devolução (?:do|da) (?:segund[oa] )?(?:valor|dinheiro|pagamento|cobrança)"
        r"|devolv\w* (?:o |os )?(?:dinheiro|valor|pagamento|montante)|dinheiro de volta",
    ),
    (
        "pt",
        "billing_dispute",
        rf"(?:(?:nos|me) )?cobr(?:ad[oa]s?|aram|ou){_near('pt')}(?:duas vezes|em dobro|a mais do que|mais do que)"
        r"|cobrança (?:duplicada|indevida|em dobro|em duplicado)|mais do que o (?:combinado|acordado|contratado)"
        r"|pagamentos? (?:em )?duplicad[oa]s?|(?:debitad|descontad|cobrad)[oa]s? (?:em duplicado|a dobrar)"
        rf"|(?:debitad|descontad)[oa]s?{_near('pt')}duas vezes"
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
    (
        "pt",
        "fraud",
        r"fraude\w*|fraudulent\w*|golpe\w*|roubo de identidade|phishing"
        r"|(?:compras?|cobranças?|pagamentos?|transaç(?:ão|ões)|débitos?)"
        r" (?:não autorizad[oa]s?|que (?:eu |nós )?não (?:reconheço|reconhecemos|fiz|fizemos|autorizei|autorizamos))"
        r"|não (?:reconheço|autorizei) (?:estas?|essas?|estes?|esses?|as|os) (?:compras?|cobranças?|pagamentos?"
        r"|transaç\w+)",
    ),
    ("pt", "urgency", r"urgente\w*|urgência|imediatamente|o quanto antes|o mais rápido possível|com urgência"),
    # -- Italian
    (
        "it",
        "outage",
        r"non funziona (?:niente|nulla)|disservizio|guasto|fuori servizio"
        r"|irraggiungibile|non raggiungibile|bloccat[oa] per tutti",
    ),
    (
        "it",
        "data_loss",
        r"perdita di dati|dati (?:persi|cancellati|spariti)|abbiamo perso (?:i|tutti)"
        rf"|(?:{_RECORDS['it']}|ordini){_near('it')}(?:spari|scompars)\w*"
        rf"|(?:{_RECORDS['it']}){_near('it')}(?:mancano ancora|sono ancora (?:mancanti|spariti|scomparsi)"
        r"|non sono stat[ie] (?:ripristinat|recuperat)[ie])"
        rf"|mancano ancora (?:i |gli |le |tutti i |tutte le )?(?:{_RECORDS['it']})"
        rf"|(?:ripristinat|recuperat|tornat)\w*,? ma non (?:i |gli |le )?(?:{_RECORDS['it']})",
    ),
    (
        "it",
        "refund_request",
        r"rimbors\w*|restituzione (?:dell'importo|del denaro|dei soldi|del pagamento)"
        r"|restituite?\w* (?:i soldi|l'importo|il pagamento|il denaro)|soldi indietro",
    ),
    (
        "it",
        "billing_dispute",
        rf"(?:(?:ci|mi) (?:(?:avete|hanno|ha) )?)?(?:addebitat|fatturat|pagat)[oaie]{_near('it')}(?:due volte|in più"
        rf"|più del (?:concordato|pattuito|previsto))"
        r"|doppio (?:addebito|pagamento)|pagamento doppio|(?:addebit|pagament)[oi] duplicat[oi]"
        r"|addebiti? (?:non autorizzat[oi]|non dovut[oi]|errat[oi])"
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
    (
        "it",
        "fraud",
        r"frode|frodi|fraudolent\w*|truffa\w*|truffat\w*|furto d'identità|phishing"
        r"|(?:acquist|addebit|pagament|transazion|operazion|moviment)[oiae] (?:non autorizzat[oiae]"
        r"|che non (?:riconosco|riconosciamo|ho fatto|abbiamo fatto|ho autorizzato|abbiamo autorizzato))"
        r"|non riconosco (?:quest|quell|gli|i|le)\w* (?:acquist|addebit|pagament|transazion|operazion|moviment)[oiae]",
    ),
    ("it", "urgency", r"urgente\w*|urgenza|immediatamente|al più presto|quanto prima|il prima possibile"),
    # -- Dutch
    ("nl", "outage", r"niets werkt|storing\w*|ligt plat|onbereikbaar|niet bereikbaar|uitval|buiten gebruik|down"),
    (
        "nl",
        "data_loss",
        r"dataverlies|gegevens (?:zijn )?(?:kwijt|verloren|verwijderd)|data (?:is )?kwijt"
        rf"|(?:{_RECORDS['nl']}|bestellingen){_near('nl')}verdwenen"
        rf"|(?:{_RECORDS['nl']}){_near('nl')}(?:ontbreken (?:nog steeds|nog altijd|nog)"
        r"|zijn (?:nog steeds|nog altijd) (?:weg|kwijt|verdwenen)|zijn niet (?:hersteld|teruggezet|teruggekomen))"
        rf"|(?:hersteld|terug),? maar (?:de |onze )?(?:{_RECORDS['nl']}) niet"
        # The verb first, as after an opening phrase: "Na het herstel ontbreken de bijlagen nog steeds".
        rf"|ontbreken (?:nog steeds|nog altijd|steeds){_near('nl')}(?:{_RECORDS['nl']})"
        rf"|ontbreken{_near('nl')}(?:{_RECORDS['nl']}) (?:nog steeds|nog altijd)",
    ),
    ("nl", "refund_request", r"terugbetal\w*|restitutie|geld terug|terugstorten|terugstorting"),
    (
        "nl",
        "billing_dispute",
        r"dubbel (?:afgeschreven|gefactureerd|betaald|geïncasseerd)"
        rf"|twee keer{_near('nl')}(?:afgeschreven|gefactureerd|geïncasseerd|betaald)"
        rf"|meer dan (?:afgesproken|overeengekomen){_near('nl')}(?:afgeschreven|gefactureerd|gerekend|geïncasseerd"
        rf"|berekend)"
        rf"|(?:afgeschreven|gefactureerd|gerekend|geïncasseerd|berekend){_near('nl')}meer dan (?:afgesproken"
        rf"|overeengekomen)"
        r"|dubbele (?:afschrijving|betaling|incasso|boeking)\w*"
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
    (
        "nl",
        "fraud",
        r"fraude\w*|frauduleu\w*|oplichting|opgelicht|oplichter\w*|identiteitsfraude|phishing"
        r"|(?:aankop|afschrijving|betaling|transactie|boeking)\w* (?:die (?:ik|wij|we) niet (?:herken|herkennen"
        r"|heb gedaan"
        r"|hebben gedaan|heb geautoriseerd|hebben geautoriseerd)|(?:zijn )?niet geautoriseerd)"
        r"|niet door (?:mij|ons) (?:gedaan|geautoriseerd)|ongeautoriseerde (?:aankop|afschrijving|betaling"
        r"|transactie)\w*",
    ),
    ("nl", "urgency", r"dringend\w*|spoed\w*|urgent\w*|zo snel mogelijk|onmiddellijk|per direct"),
    # -- Polish (inflected: a stem with \w* takes the cases, "awaria", "awarii", "awarię")
    (
        "pl",
        "outage",
        r"awari\w*|nic nie działa|przestoj\w*|przestój|niedostępn\w*"
        r"|(?:system|serwis|serwer|sklep|stron|platform|aplikacj|panel|kas)\w*"
        r" (?:nie działa\w*|przesta\w* działać|leż[yą]|padł\w*)"
        r"|(?:płatnoś|logowani|zamówieni|transakcj)\w* (?:nie działa\w*|nie przechodz\w*)"
        r"|nie (?:przyjmuj[eą]|realizuj[eą]|przechodzą) (?:żadn\w* )?(?:płatnoś|zamówie|transakcj)\w*"
        r"|nikt nie może (?:się zalogować|się połączyć|wejść|korzystać|pracować|zapłacić)"
        r"|brak dostępu do (?:systemu|platformy|serwisu|sklepu|panelu)",
    ),
    (
        "pl",
        "data_loss",
        r"utrat\w* danych|dane (?:zostały |są )?(?:utracone|usunięte|skasowane|wymazane|stracone)"
        r"|dane zniknęły|straci\w* (?:wszystkie |nasze |moje )?dane"
        rf"|(?:dane|plik|kontakt|dokument|zamówieni|zdjęci|rekord|załącznik|notat|wpis)\w*{_near('pl')}zniknęł\w*"
        rf"|(?:{_RECORDS['pl']}){_near('pl')}(?:(?:nadal|wciąż|dalej) (?:brak|brakuje|nie ma)"
        r"|nie zostały (?:przywrócone|odzyskane))"
        rf"|(?:nadal|wciąż|dalej) (?:brak|brakuje|nie ma) (?:\w+ )?(?:{_RECORDS['pl']})"
        # The verb first: "Po przywróceniu brakuje nadal wszystkich załączników".
        rf"|brakuje (?:nadal|wciąż|dalej|ciągle){_near('pl')}(?:{_RECORDS['pl']})"
        rf"|(?:przywrócon|odzyskan|wrócił)\w*,? ale (?:nie|bez) (?:\w+ )?(?:{_RECORDS['pl']})",
    ),
    (
        "pl",
        "refund_request",
        r"zwrot\w* (?:\w+ )?(?:pieniędzy|środków|kosztów|płatności|opłat\w*|należności|kwoty|wpłaty)"
        r"|zwr[oó][cć]\w* (?:nam |mi )?(?:pieni\w*|środk\w*|kwot\w*|opłat\w*|należnoś\w*|wpłat\w*)|refundacj\w*",
    ),
    (
        "pl",
        "billing_dispute",
        r"(?:pobran|pobral|pobrał|obciążon|obciąży|naliczon|nalicz|zapłacił)\w*"
        r" (?:\w+ ){0,3}(?:dwa razy|podwójnie|dwukrotnie|więcej niż (?:uzgodniono|ustalono|umówiliśmy się))"
        r"|podwójn\w* (?:obciążeni|płatnoś|opłat|pobrani|naliczeni)\w*"
        r"|dwukrotnie (?:pobran|obciążon|naliczon|zaksięgowan)\w*|zdublowan\w* (?:płatnoś|obciąże|transakcj|opłat)\w*"
        r"|(?:niesłusznie|bezpodstawnie) (?:pobran|naliczon|obciążon)\w*|nieuzasadnion\w* (?:obciążeni|opłat)\w*"
        r"|(?:błędn|nieprawidłow)\w* faktur\w*|faktur\w* (?:jest )?(?:błędn|nieprawidłow)\w*|odszkodowani\w*",
    ),
    (
        "pl",
        "chargeback",
        r"chargeback\w*|obciążeni\w* zwrotn\w*"
        r"|(?:reklamacj|zgłoszeni)\w* (?:transakcji |płatności )?(?:w|do|przez) bank\w*",
    ),
    (
        "pl",
        "cancellation",
        r"z?rezygn\w*|wypowiedzeni\w*|wypowi\w* (?:umow|subskrypcj|abonament)\w*|rozwiąza\w* umow\w*"
        r"|anulowa\w* (?:subskrypcj|abonament)\w*",
    ),
    (
        "pl",
        "legal_action",
        r"prawnik\w*|adwokat\w*|radc\w* prawn\w*|kancelari\w* prawn\w*|sąd(?:u|zie|em|owi|y|ów)?|sądow\w*"
        r"|pozew|pozwu|pozwem|pozwać|pozwiemy|pozwę|krok\w* prawn\w*|wezwani\w* przedsądow\w*",
    ),
    (
        "pl",
        "regulator_complaint",
        r"(?-i:UODO|UOKiK|KNF)|urz\w* ochrony (?:danych|konkurencji)\w*|prezes\w* urzędu"
        r"|rzeczni\w* (?:praw konsumenta|konsumentów|finansow\w*)|organ\w* nadzorcz\w*",
    ),
    ("pl", "privacy_regulation", r"(?-i:RODO|GDPR)|dan\w* osobow\w*|ochron\w* danych"),
    (
        "pl",
        "fraud",
        r"oszust\w*|oszukańcz\w*|wyłudz\w*|kradzież\w* tożsamości|phishing\w*"
        r"|nieautoryzowan\w* (?:transakcj|płatnoś|logowa|dostęp)\w*"
        rf"|(?:transakcj|płatnoś|zakup|obciążen|pobrani|przelew)\w*{_near('pl')}bez (?:mojej|naszej) (?:zgody|wiedzy)"
        r"|nie (?:rozpoznaję|rozpoznajemy) (?:\w+ ){0,2}(?:transakcj|płatnoś|zakup|obciąże|przelew)\w*",
    ),
    (
        "pl",
        "churn_threat",
        r"(?:przejd|przejść|odejd|odejść|przenies|przenieść)\w* (?:się )?(?:do|na)"
        r" (?:konkurencj\w*|inn\w* (?:dostawc|platform|firm|operator)\w*)"
        r"|zmieni\w* dostawc\w*",
    ),
    ("pl", "urgency", r"piln(?:e|ie|y|a|ego|ej|ym|ą|ych)|natychmiast\w*|jak najszybciej|niezwłocznie"),
    (
        "pl",
        "repeat_contact",
        # The writer's writing or asking, as in the other languages: not "pobrano po raz drugi" (a charge taken
        # twice) nor "po raz kolejny nie działa" (a fault back).
        rf"(?:{_ASKING_VERBS_PL}) (?:\w+ ){{0,4}}(?:po raz (?:kolejny|drugi|trzeci|czwarty|piąty)"
        r"|(?:drugi|trzeci|czwarty|kolejny) raz)"
        rf"|(?:po raz (?:kolejny|drugi|trzeci|czwarty|piąty)|(?:drugi|trzeci|czwarty|kolejny) raz) (?:\w+ ){{0,2}}"
        rf"(?:{_ASKING_VERBS_PL})|wielokrotnie (?:\w+ ){{0,2}}(?:zgłasza|pisa|dzwoni|prosi)\w*"
        r"|(?:już|wcześniej) (?:zgłasza|pisa|dzwoni)\w*|(?:piszę|dzwonię) (?:ponownie|znowu)"
        r"|(?:nadal|wciąż|dalej) (?:bez odpowiedzi|brak odpowiedzi|nie (?:otrzymał|dostał)\w* (?:\w+ )?odpowiedzi)",
    ),
    # -- Swedish
    (
        "sv",
        "outage",
        r"driftstörning\w*|avbrott\w*|(?:är|ligger) nere|ingenting fungerar|inget fungerar|fungerar inte alls"
        r"|otillgänglig\w*|ur funktion|ingen kan (?:logga in|komma åt|betala)",
    ),
    (
        "sv",
        "data_loss",
        r"dataförlust\w*|data (?:har )?(?:försvunnit|raderats|förlorats)|förlorat (?:all |vår |våra |min )?data"
        rf"|(?:data|fil|kontakt|dokument|order|ordrar|bild|kunddata|uppgift)\w*{_near('sv')}(?:är borta"
        rf"|har försvunnit)"
        rf"|(?:{_RECORDS['sv']}){_near('sv')}(?:saknas (?:fortfarande|ännu|alltjämt)|är fortfarande borta"
        r"|har inte återställts)"
        rf"|(?:fortfarande|ännu) saknas (?:\w+ )?(?:{_RECORDS['sv']})"
        rf"|(?:återställ|tillbaka)\w*,? men inte (?:\w+ )?(?:{_RECORDS['sv']})",
    ),
    ("sv", "refund_request", r"återbetal\w*|återbäring|betala\w* tillbaka|pengar(?:na)? tillbaka"),
    (
        "sv",
        "billing_dispute",
        r"dubbel(?:debiter|fakturer)\w*"
        rf"|(?:debiterat|dragit|fakturerat|tagit betalt)s?{_near('sv')}(?:två gånger|dubbelt|mer än (?:avtalat"
        rf"|överenskommet))"
        r"|dubbla (?:debiteringar|dragningar|betalningar)|dubbel(?:betalning|dragning)\w*"
        r"|felaktig\w* (?:faktur|debiter)\w*|obehörig\w* (?:debiter|dragning)\w*|skadestånd\w*",
    ),
    ("sv", "chargeback", r"chargeback|återkrav\w*|bestrid\w* (?:köpet|debiteringen|betalningen)"),
    (
        "sv",
        "cancellation",
        r"säga upp|säger (?:vi |jag )?upp|sagt upp|uppsägning\w*|avsluta (?:avtalet|abonnemanget|prenumerationen)",
    ),
    (
        "sv",
        "legal_action",
        r"advokat\w*|jurist\w*|domstol\w*|tingsrätt\w*|stämma (?:er|dig|bolaget)|stämning|rättsliga åtgärder"
        r"|kronofogden",
    ),
    (
        "sv",
        "regulator_complaint",
        r"(?-i:IMY|ARN)|integritetsskyddsmyndighet\w*|datainspektion\w*|konsumentverket|allmänna reklamationsnämnden"
        r"|finansinspektionen",
    ),
    ("sv", "privacy_regulation", r"(?-i:GDPR)|dataskyddsförordning\w*|personuppgift\w*"),
    (
        "sv",
        "fraud",
        r"bedrägeri\w*|bedragare|identitetsstöld|nätfiske|phishing"
        r"|(?:köp|transaktion|betalning|dragning|debitering)\w* som (?:jag|vi) inte (?:har )?(?:godkänt|gjort"
        r"|känner igen)"
        r"|(?:inte godkända|obehöriga) (?:köp|transaktion|betalning|dragning|debitering)\w*"
        r"|känner inte igen (?:\w+ ){0,2}(?:köp|transaktion|betalning|dragning|debitering)\w*",
    ),
    (
        "sv",
        "churn_threat",
        r"(?:går|gå|byter|byta|flyttar|flytta) (?:vi |jag )?(?:över )?till (?:en )?(?:konkurrent\w*|annan leverantör)"
        r"|(?:byter|byta) leverantör",
    ),
    ("sv", "urgency", r"brådskande|bråttom|akut\w*|omedelbart|snarast(?: möjligt)?|så snart som möjligt"),
    # -- Danish
    (
        "da",
        "outage",
        r"driftsforstyrrel\w*|nedbrud\w*|(?:er|ligger) nede|intet virker|ingenting virker|virker slet ikke"
        r"|utilgængelig\w*|ude af drift|ingen kan (?:logge ind|komme ind|betale)",
    ),
    (
        "da",
        "data_loss",
        r"datatab\w*|data (?:er )?(?:forsvundet|slettet|tabt|mistet)|mistet (?:alle |vores |mine )?data"
        rf"|(?:filer|poster|dokumenter|kontakter|ordrer){_near('da')}(?:er )?forsvundet"
        rf"|(?:{_RECORDS['da']}){_near('da')}(?:mangler (?:stadig|fortsat|stadigvæk)|er stadig (?:væk|forsvundet)"
        r"|er ikke (?:blevet )?gendannet)"
        rf"|(?:gendannet|tilbage)\w*,? men ikke (?:\w+ )?(?:{_RECORDS['da']})",
    ),
    ("da", "refund_request", r"refusion\w*|refunder\w*|tilbagebetal\w*|penge(?:ne)? tilbage"),
    (
        "da",
        "billing_dispute",
        r"dobbelt(?:opkrævning|betaling|træk)\w*"
        rf"|(?:trukket|opkrævet|faktureret){_near('da')}(?:to gange|dobbelt|mere end (?:aftalt|det aftalte))"
        rf"|(?:betalt|debiteret|hævet){_near('da')}(?:to gange|dobbelt)"
        r"|dobbelte (?:betalinger|træk|opkrævninger|hævninger)|to (?:ens|identiske) (?:betalinger|træk|opkrævninger)"
        r"|forkert\w* faktura\w*|uberettiget\w* (?:opkrævning|træk)\w*|erstatning|erstatningskrav",
    ),
    ("da", "chargeback", r"chargeback|tilbageførsel\w*|tilbageføre betalingen"),
    ("da", "cancellation", r"opsig\w*|opsagt|afmelde abonnement\w*"),
    (
        "da",
        "legal_action",
        r"advokat\w*|(?:i|for|til) retten|byretten|landsretten|domstol\w*|sagsanlæg|sagsøg\w*|retslige skridt"
        r"|stævning\w*",
    ),
    (
        "da",
        "regulator_complaint",
        r"datatilsynet|forbrugerombudsmand\w*|forbrugerklagenævnet|finanstilsynet|ankenævn\w*",
    ),
    ("da", "privacy_regulation", r"(?-i:GDPR)|databeskyttelse\w*|persondata\w*|personoplysning\w*"),
    (
        "da",
        "fraud",
        r"svindel\w*|svindler\w*|bedrageri\w*|identitetstyveri|phishing"
        r"|(?:køb|transaktion|betaling|træk|hævning|opkrævning)\w* som (?:jeg|vi) ikke (?:har )?(?:godkendt|foretaget"
        r"|lavet)"
        r"|(?:ikke godkendte|uautoriserede?) (?:køb|transaktion|betaling|træk|hævning)\w*"
        r"|genkender ikke (?:\w+ ){0,2}(?:køb|transaktion|betaling|træk|hævning)\w*",
    ),
    ("da", "urgency", r"haster|hurtigst muligt|akut\w*|omgående|straks"),
    # -- Norwegian (Bokmål): Danish's neighbour, its own spelling ("nede", "refusjon", "advokat" are shared)
    (
        "nb",
        "outage",
        r"driftsforstyrrel\w*|driftsavbrudd\w*|(?:er|ligger|ligget|har vært) nede|ingenting (?:virker|fungerer)"
        r"|(?:virker|fungerer) ikke i det hele tatt|utilgjengelig\w*|ute av drift"
        r"|ingen kan (?:logge inn|logge på|komme inn|betale)",
    ),
    (
        "nb",
        "data_loss",
        r"datatap\w*|data (?:er |har )?(?:forsvunnet|slettet|tapt|mistet|gått tapt)"
        r"|mistet (?:alle |all |våre |mine )?data"
        rf"|(?:fil|post|dokument|kontakt|ordre|bilde)\w*{_near('nb')}(?:er |har )?(?:forsvunnet|borte)"
        rf"|(?:{_RECORDS['nb']}){_near('nb')}(?:mangler (?:fortsatt|stadig|ennå)|er fortsatt (?:borte|forsvunnet)"
        r"|er ikke (?:blitt )?gjenopprettet)"
        rf"|(?:gjenopprettet|tilbake)\w*,? men ikke (?:\w+ )?(?:{_RECORDS['nb']})",
    ),
    ("nb", "refund_request", r"refusjon\w*|refunder\w*|tilbakebetal\w*|penge(?:ne)? (?:mine |våre )?tilbake"),
    (
        "nb",
        "billing_dispute",
        r"dobbelt(?:belastning|trekk|betaling|fakturering)\w*"
        rf"|(?:trukket|belastet|fakturert|debitert){_near('nb')}(?:to ganger|dobbelt|mer enn (?:avtalt|det vi avtalte))"
        rf"|betalt{_near('nb')}(?:to ganger|dobbelt)"
        r"|doble (?:betalinger|trekk|belastninger)|to (?:like|identiske) (?:betalinger|trekk|belastninger)"
        r"|(?:feil|feilaktig)\w* faktura\w*|uberettiget\w* (?:belastning|trekk)\w*|erstatning|erstatningskrav",
    ),
    (
        "nb",
        "chargeback",
        r"chargeback|tilbakeføring av (?:betalingen|belastningen|trekket)|tilbakeføre (?:betalingen|belastningen)"
        r"|bestrid\w* (?:betalingen|belastningen|trekket|kjøpet)",
    ),
    (
        "nb",
        "cancellation",
        r"si opp|sier (?:vi |jeg |herved )?opp|sagt opp|oppsigelse\w*|avslutte (?:avtalen|abonnementet|kontrakten)",
    ),
    (
        "nb",
        "legal_action",
        r"advokat\w*|jurist\w*|(?:i|for|til) retten|tingrett\w*|lagmannsrett\w*|domstol\w*|søksmål\w*|saksøk\w*"
        r"|rettslige skritt|stevning\w*|forliksråd\w*",
    ),
    (
        "nb",
        "regulator_complaint",
        r"datatilsynet|forbrukertilsynet|forbrukerrådet|finanstilsynet|forbrukerklageutvalget|finansklagenemnda"
        r"|personvernnemnda|(?-i:Nkom|NKOM)",
    ),
    ("nb", "privacy_regulation", r"(?-i:GDPR)|personvern\w*|personopplysning\w*|persondata\w*"),
    (
        "nb",
        "fraud",
        r"svindel\w*|svindler\w*|bedrageri\w*|identitetstyveri|phishing|nettfiske"
        r"|(?:kjøp|transaksjon|betaling|trekk|belastning)\w*(?: \w+){0,3}? som (?:jeg|vi) ikke (?:har )?"
        r"(?:godkjent|gjort|foretatt)"
        r"|(?:ikke godkjente|uautoriserte?) (?:kjøp|transaksjon|betaling|trekk|belastning)\w*"
        r"|kjenner ikke igjen (?:\w+ ){0,2}(?:kjøp|transaksjon|betaling|trekk|belastning)\w*",
    ),
    (
        "nb",
        "urgency",
        r"haster|hastesak|snarest(?: mulig)?|så fort som mulig|så raskt som mulig|akutt\w*|umiddelbart|omgående|straks",
    ),
    # -- Finnish (inflected and compounded: stems with \w* take the cases, "veloitus", "veloituksen", "veloitettu";
    # negation is a verb of its own, "ei", "emme", "eivät", before the cue)
    (
        "fi",
        "outage",
        r"käyttökatko\w*|palvelukatko\w*|toimintahäiriö\w*|(?:on|ovat|ollut|olleet) alhaalla|mikään ei toimi"
        r"|ei toimi (?:lainkaan|ollenkaan)|kukaan ei pääse (?:kirjautumaan|sisään)|eikä kukaan pääse"
        r"|(?:järjestelmä|palvelu|sovellus|sivusto)\w* (?:on )?kaatu\w*",
    ),
    (
        "fi",
        "data_loss",
        r"tietojen (?:menety|menetys|katoami)\w*|tiedot (?:ovat )?(?:kadonneet|hävinneet|poistuneet)"
        r"|(?:menetimme|menetin|menettäneet) (?:kaikki )?(?:tiedot|datan|tietomme)"
        rf"|(?:{_RECORDS['fi']}){_near('fi')}(?:ovat )?(?:kadonneet|hävinneet|poistuneet|kadonnut)"
        rf"|(?:{_RECORDS['fi']}){_near('fi')}puuttu\w* (?:edelleen|yhä|vieläkin)",
    ),
    (
        "fi",
        "refund_request",
        r"hyvit\w*|takaisinmaksu\w*|rah\w* takaisin"
        r"|palaut\w* (?:rahat|rahamme|rahani|rahojen|maksu\w*|summa\w*|veloitu\w*)|(?:rahojen|maksun|summan) palaut\w*",
    ),
    (
        "fi",
        "billing_dispute",
        r"kaksoisveloit\w*|tuplaveloit\w*"
        r"|(?:veloit|laskutt)\w*(?: \w+){0,3}? (?:kahdesti|kahteen kertaan|kaksi kertaa|liikaa"
        r"|enemmän kuin (?:sovittiin|sovittu|sovimme))"
        r"|(?:kahdesti|kahteen kertaan) (?:veloit|laskutt)\w*"
        r"|(?:virheelli|väär|aiheeto|perusteeto)\w* (?:lasku|veloitu)\w*|vahingonkorvau\w*",
    ),
    (
        "fi",
        "chargeback",
        r"chargeback\w*|takaisinveloit\w*|(?:kiistä|kiisti|riitaut)\w*(?: \w+){0,2}? (?:maksu|veloitu|osto)\w*",
    ),
    (
        "fi",
        "cancellation",
        r"irtisano\w*|(?:peru|lopet|päät)\w* (?:tilaus|tilauksen|sopimus|sopimuksen|asiakkuu|jäsenyy)\w*",
    ),
    (
        "fi",
        "legal_action",
        r"asianajaj\w*|asianajotoimisto\w*|lakimie\w*|juristi\w*|oikeusteitse|oikeustoim\w*|oikeudenkäyn\w*"
        r"|käräjäoikeu\w*|kanne|kanteen|(?:vie|haast)\w*(?: \w+){0,2}? oikeuteen|haast\w* (?:teidät|yrityksenne)",
    ),
    (
        "fi",
        "regulator_complaint",
        r"tietosuojavaltuutet\w*|kuluttajaneuvon\w*|kuluttaja-asiamie\w*|kuluttajariitalautakun\w*"
        r"|kilpailu- ja kuluttajavira\w*|(?-i:KKV)|finanssivalvon\w*|traficom\w*",
    ),
    ("fi", "privacy_regulation", r"(?-i:GDPR)|tietosuoja\w*|henkilötie\w*"),
    (
        "fi",
        "fraud",
        r"huija\w*|petos|petoks\w*|identiteettivarkau\w*|tietojenkalastelu\w*|phishing"
        r"|(?:osto|maksu|veloitu|tapahtum)\w*(?: \w+){0,3}?,? (?:joita|jota) (?:en|emme) (?:ole )?"
        r"(?:tehnyt|tehneet|hyväksynyt|hyväksyneet|tunnista)"
        r"|luvattom\w* (?:osto|maksu|veloitu|tapahtum)\w*|(?:en|emme) tunnista (?:\w+ ){0,2}(?:osto|maksu|veloitu"
        r"|tapahtum)\w*",
    ),
    (
        "fi",
        "urgency",
        r"kiire\w*|pikaisesti|välittömästi|heti paikalla|mahdollisimman (?:pian|nopeasti)|asap",
    ),
    # -- Turkish (agglutinative: stems with \w* take the suffixes, "iadesini", "avukatımız"; its verbs negate by a
    # suffix, so a negated verb is another word: "kayboldu" lost, "kaybolmadı" not lost)
    (
        "tr",
        "outage",
        r"(?:hizmet|sistem|erişim|bağlantı|sunucu)\w* kesinti\w*|kesintiye uğra\w*|erişilemiyor|erişilemez\w*"
        r"|çöktü|çökmüş\w*|hiçbir şey çalışmıyor|(?:hiç|tamamen) çalışmıyor|kimse giriş yapamıyor|giriş yapamıyoruz"
        r"|hizmet dışı",
    ),
    (
        "tr",
        "data_loss",
        r"veri kayb\w*|veriler\w* (?:silindi|silinmiş|kayboldu|kaybolmuş|yok oldu)"
        rf"|(?:{_RECORDS['tr']}){_near('tr')}(?:silindi|silinmiş|kayboldu|kaybolmuş|yok oldu|hâlâ (?:eksik|yok))",
    ),
    (
        "tr",
        "refund_request",
        r"para iade\w*|ücret iade\w*|iade (?:edilmesini|etmenizi|edin|istiyor|talep)\w*|iadesini\w*|geri ödeme\w*"
        r"|para\w*(?: \w+){0,3}? geri (?:iste|isti|ver|öde|yatır|al)\w*",
    ),
    (
        "tr",
        "billing_dispute",
        r"(?:iki kez|iki defa|iki kere|mükerrer|çift) (?:ücret|tahsil|çekil|çekim|ödeme)\w*"
        r"|fazladan (?:ücret|tahsil|para)\w*|(?:hatalı|yanlış) fatura\w*|haksız (?:tahsilat|ücret)\w*|tazminat\w*",
    ),
    (
        "tr",
        "chargeback",
        r"chargeback\w*|ters ibraz\w*|harcama itiraz\w*|(?:ödeme|harcama|işlem)\w* (?:bankaya )?itiraz\w*",
    ),
    ("tr", "cancellation", r"iptal\w*|(?:aboneli|üyeli)\w* (?:sonlandır|bitir|kapat)\w*"),
    (
        "tr",
        "legal_action",
        r"avukat\w*|hukuk (?:bürosu|departman|birim)\w*|dava\w*|mahkeme\w*|(?:yasal|hukuki) (?:yol|işlem|süreç)\w*",
    ),
    (
        "tr",
        "regulator_complaint",
        r"kişisel verileri koruma kurul\w*|(?-i:KVKK)'(?:ya|ye) şikayet\w*|tüketici hakem heyet\w*|(?-i:BTK|BDDK)"
        r"|ticaret bakanlığ\w*",
    ),
    ("tr", "privacy_regulation", r"(?-i:GDPR|KVKK)|kişisel veri\w*|veri koruma\w*"),
    (
        "tr",
        "fraud",
        r"dolandır\w*|sahtekarlık\w*|sahte (?:işlem|ödeme|harcama)\w*|kimlik hırsızlığ\w*|oltalama|phishing"
        r"|(?:yapmadığı|onaylamadığı|tanımadığı)\w* (?:işlem|harcama|ödeme|çekim)\w*"
        r"|yetkisiz (?:işlem|harcama|ödeme)\w*",
    ),
    ("tr", "urgency", r"acil\w*|(?-i:ACİL)|ivedi\w*|derhal|en kısa sürede|bir an önce"),
    # -- Czech (inflected like Polish: a stem with \w* takes the cases, "výpadek", "výpadku")
    (
        "cs",
        "outage",
        r"výpad\w*|nic nefunguje|nefunguje (?:vůbec )?nic|mimo provoz|nedostupn\w*"
        r"|(?:systém|server|web|aplikac|stránk|e-shop|obchod|platform|portál)\w* (?:nefunguj\w*|spadl\w*|je dole"
        r"|neběží)|nikdo se nemůže (?:přihlásit|připojit)",
    ),
    (
        "cs",
        "data_loss",
        r"ztrát\w* dat|data (?:jsou |byla )?(?:ztracen|smazán|vymazán)\w*|přišli jsme o (?:všechna )?data"
        rf"|(?:{_RECORDS['cs']}){_near('cs')}(?:zmizel\w*|jsou pryč)|zmizel\w* (?:\w+ )?(?:{_RECORDS['cs']})"
        rf"|(?:{_RECORDS['cs']}){_near('cs')}(?:(?:stále|pořád|dosud|ještě) (?:chybí|nejsou)|nebyl\w* obnoven\w*)"
        rf"|(?:stále|pořád|dosud|ještě) chybí (?:\w+ )?(?:{_RECORDS['cs']})"
        rf"|(?:obnoven\w*|vrátil\w*|vrácen\w*|zpět),? ale (?:ne|bez) (?:\w+ )?(?:{_RECORDS['cs']})",
    ),
    (
        "cs",
        "refund_request",
        r"vrácení (?:\w+ )?(?:peněz|platby|částky|poplatku|plateb)"
        r"|vrátit (?:mi |nám )?(?:prosím )?(?:peníze|platbu|částku|poplatek)"
        r"|vraťte (?:mi |nám )?(?:prosím )?(?:peníze|platbu|částku)|refundac\w*|peníze zpět"
        r"|vrátíte (?:mi |nám )?(?:prosím )?(?:peníze|platbu|částku|poplatek)"
        rf"|(?:platb|částk|peníz|peněz)\w*{_near('cs')}vrácen\w*",
    ),
    (
        "cs",
        "billing_dispute",
        rf"(?:strh|stáh|stržen|účtova|účtován|naúčtova|zaúčtova|odečt|zaplati|zaplacen|platil)\w*{_near('cs')}(?:dvakrát|dvojmo|dvojitě"
        r"|víc(?:e)? než (?:bylo )?(?:dohodnuto|domluveno|sjednáno))"
        r"|dvakrát (?:strh|stáh|účtova|naúčtova|zaúčtova|odečt|zaplace)\w*"
        r"|dvoj(?:í|ité|itá|itou|ího|itého) (?:stržen|platb|účtován|poplat|odečt)\w*"
        r"|duplicitn\w* (?:platb|stržen|účtován|transakc|poplat)\w*|neoprávněn\w* (?:stržen|platb|poplat|účtován)\w*"
        r"|(?:chybn|nesprávn)\w* faktur\w*|odškodn\w*|náhrad\w* škody",
    ),
    ("cs", "chargeback", r"chargeback\w*|reklamac\w* (?:platby |transakce )?(?:u|přes) bank\w*"),
    (
        "cs",
        "cancellation",
        r"zruš\w* (?:předplatné\w*|smlouv\w*|účet|účtu|tarif\w*)|výpověď|vypověd\w*|vypovídám",
    ),
    (
        "cs",
        "legal_action",
        r"právník\w*|advokát\w*|právní\w* zástup\w*|soud|soudu|soudem|soudní\w*|žalob\w*|zažaluj\w*|žalovat"
        r"|právní kroky|předžalobní výzv\w*",
    ),
    (
        "cs",
        "regulator_complaint",
        r"(?-i:ÚOOÚ|ČOI|ČNB|ČTÚ)|úřad\w* pro ochranu osobních údajů|česk\w* obchodní inspekc\w*|finanční\w* arbitr\w*"
        r"|dozorov\w* úřad\w*",
    ),
    ("cs", "privacy_regulation", r"(?-i:GDPR)|osobní\w* údaj\w*|ochran\w* osobních údajů"),
    (
        "cs",
        "fraud",
        r"podvod\w*|krádež\w* identity|phishing\w*|neautorizovan\w* (?:platb|transakc|přihlášen)\w*"
        rf"|(?:platb|transakc|stržen)\w*{_near('cs')}bez (?:mého|našeho) (?:souhlasu|vědomí)"
        r"|nepoznávám (?:\w+ )?(?:platb|transakc)\w*",
    ),
    ("cs", "urgency", r"urgentn\w*|naléhav\w*|okamžitě|co nejdřív\w*|co nejrychleji|ihned|neprodleně"),
    # -- A leak, or another customer's data shown to us (in an export, a report, our account): a security fault in
    # the product as well as a breach of personal data (docs/labelling.md: tier 3). It speaks for the technical
    # trigger, and beside a privacy word the policy's legal.exposure reads the breach.
    (
        "fr",
        "security_incident",
        r"fuites? de données|violation de données|(?:données|informations|fichiers|factures|contacts)"
        r" (?:d'un autre client|d'une autre (?:entreprise|société)|d'autres (?:clients|entreprises|sociétés))",
    ),
    (
        "de",
        "security_incident",
        r"datenleck\w*|datenpanne\w*|daten (?:eines anderen (?:kunden|unternehmens)|einer anderen (?:firma|kundin)"
        r"|anderer (?:kunden|firmen|unternehmen))",
    ),
    (
        "es",
        "security_incident",
        r"fugas? de datos|filtraci(?:ón|ones) de datos|brecha de (?:datos|seguridad)"
        r"|datos de (?:otro cliente|otra empresa|otros clientes|otras empresas)",
    ),
    (
        "pt",
        "security_incident",
        r"vazamento de dados|fugas? de dados|violação de dados"
        r"|dados de (?:outro cliente|outra empresa|outros clientes|outras empresas)",
    ),
    (
        "it",
        "security_incident",
        r"fuga di dati|violazione dei dati|data breach"
        r"|dati di (?:un altro cliente|un'altra azienda|altri clienti|altre aziende)",
    ),
    (
        "nl",
        "security_incident",
        r"datalek\w*|gegevens van (?:een andere klant|een ander bedrijf|andere klanten|andere bedrijven)",
    ),
    (
        "pl",
        "security_incident",
        r"wyciek\w* danych|naruszeni\w* ochrony danych"
        r"|dan(?:e|ych) (?:innej firmy|innego klienta|innych klientów|innych firm)",
    ),
    (
        "sv",
        "security_incident",
        r"dataläck\w*|dataintrång|personuppgiftsincident\w*"
        r"|(?:uppgifter|data) (?:från|om|för|tillhörande) (?:en annan kund|ett annat företag|andra kunder"
        r"|andra företag)",
    ),
    (
        "da",
        "security_incident",
        r"datalæk\w*|databrud|brud på (?:persondata)?sikkerheden"
        r"|(?:data|oplysninger) (?:fra|om|for|tilhørende) (?:en anden kunde|et andet firma|en anden virksomhed"
        r"|andre kunder|andre virksomheder)",
    ),
    (
        "nb",
        "security_incident",
        r"datalekkasje\w*|databrudd|sikkerhetsbrudd|brudd på personopplysningssikkerheten"
        r"|(?:data|opplysninger) (?:fra|om|for|tilhørende) (?:en annen kunde|et annet firma|en annen virksomhet"
        r"|et annet selskap|andre kunder|andre virksomheter|andre selskaper)",
    ),
    (
        "fi",
        "security_incident",
        r"tietovuo\w*|tietoturvaloukkau\w*|tietomur\w*"
        r"|(?:toisen|muiden) (?:asiakka|yritykse|yrityste|yhtiö)\w* (?:tiedot|tietoja|datat|dataa)",
    ),
    (
        "tr",
        "security_incident",
        r"veri sızıntı\w*|veri ihlal\w*|güvenlik ihlal\w*"
        r"|(?:başka (?:bir )?|diğer )(?:müşteri|firma|şirket)\w* (?:veri|bilgi)\w*",
    ),
    (
        "cs",
        "security_incident",
        r"únik\w* (?:osobních )?(?:dat|údajů)"
        r"|(?:data|údaje) (?:jiné firmy|jiného zákazníka|jiných zákazníků|jiných firem)",
    ),
    # -- A fault that came back after a fix or an update (docs/labelling.md: "problems that earlier contacts or
    # fixes did not solve" escalate): the fault word near "is back", or "has started again". It speaks for the
    # technical trigger (triage.text.signals.TECHNICAL_SIGNALS lists "recurring_fault").
    (
        "fr",
        "recurring_fault",
        rf"(?:problème|erreur|bug|panne|souci|doublon)s?{_near('fr')}(?:est |sont )?(?:revenu|réapparu|revien|réappar"
        r"|recommenc)\w*|(?:le|la|les) (?:problème|erreur|bug|panne|souci|doublon)s? (?:a|ont) recommencé",
    ),
    (
        "de",
        "recurring_fault",
        rf"(?:fehler|problem|bug|störung)\w*{_near('de')}(?:wieder|erneut) (?:da|aufgetreten|aufgetaucht|auf)"
        r"|(?:tritt|treten|taucht|tauchen) (?:\w+ )?(?:wieder|erneut) auf|(?:wieder|erneut) aufgetreten",
    ),
    (
        "es",
        "recurring_fault",
        r"(?:ha|han) vuelto a (?:pasar|ocurrir|aparecer|fallar|duplicar)\w*"
        r"|vuelven? a (?:pasar|ocurrir|aparecer|fallar)"
        rf"|(?:problema|error|fallo)s?{_near('es')}(?:ha vuelto|volvió|reapareci\w*)",
    ),
    (
        "pt",
        "recurring_fault",
        r"volt(?:ou|aram) a (?:acontecer|ocorrer|aparecer|falhar|duplicar)\w*"
        rf"|(?:problema|erro|falha)s?{_near('pt')}(?:voltou|voltaram|reapareceu|reapareceram)",
    ),
    (
        "it",
        "recurring_fault",
        r"(?:è|sono) (?:ricominciat|ricompars)\w*|si (?:è |sono )?ripresentat?\w*"
        r"|di nuovo il (?:problema|difetto|guasto)"
        rf"|(?:problema|errore|guasto|difetto)\w*{_near('it')}(?:è tornat|ricompars)\w*",
    ),
    (
        "nl",
        "recurring_fault",
        rf"(?:probleem|fout|storing|bug)\w*{_near('nl')}(?:is |zijn )?(?:weer |opnieuw )?(?:terug|opgetreden)"
        r"|(?:treedt|treden) (?:weer|opnieuw) op",
    ),
    (
        "pl",
        "recurring_fault",
        rf"(?:problem|błąd|usterk|awari)\w*{_near('pl')}(?:wrócił|powrócił|pojawił\w* się ponownie|znowu się pojawi)\w*"
        r"|(?:znowu|ponownie|znów) (?:występuje|występują|się pojawia\w*)",
    ),
    (
        "sv",
        "recurring_fault",
        rf"(?:problem|fel|bugg)\w*{_near('sv')}(?:är tillbaka|har kommit tillbaka|har uppstått igen)"
        r"|har börjat igen",
    ),
    (
        "da",
        "recurring_fault",
        rf"(?:problem|fejl)\w*{_near('da')}(?:er tilbage|er kommet igen|er opstået igen)|er begyndt igen",
    ),
    (
        "nb",
        "recurring_fault",
        rf"(?:problem|feil)\w*{_near('nb')}(?:er tilbake|har kommet tilbake|er kommet igjen|har oppstått igjen)"
        r"|har begynt igjen",
    ),
    (
        "fi",
        "recurring_fault",
        rf"(?:ongelm|vik|virhe|bugi)\w*{_near('fi')}(?:on palannut|palasi|toistuu|ilmeni (?:taas|uudelleen))"
        r"|(?:on alkanut|alkoi) (?:taas|uudelleen)",
    ),
    (
        "tr",
        "recurring_fault",
        rf"(?:sorun|hata|arıza|problem)\w*{_near('tr')}(?:tekrar|yeniden) (?:başladı|ortaya çıktı|oluştu|geri geldi)"
        r"|(?:sorun|hata|arıza|problem)\w* geri (?:geldi|döndü)",
    ),
    (
        "cs",
        "recurring_fault",
        rf"(?:problém|chyb|závad|poruch|výpad)\w*{_near('cs')}(?:se )?(?:vrátil\w*|(?:znovu|opět) objevil\w*)"
        r"|(?:znovu|opět|zase) se (?:objevuje|objevují|objevil\w*|vyskytuje|vyskytl\w*)",
    ),
    # -- Termination rights invoked (docs/labelling.md: tier 3, legal): a termination for cause or with immediate
    # effect, or a breach of contract; not a plain cancellation ("ordentliche Kündigung zum 31.12.").
    (
        "fr",
        "termination_rights",
        rf"résili\w*{_near('fr')}(?:pour (?:faute|manquement|inexécution)|aux torts|de plein droit)"
        r"|(?:violation|rupture|inexécution) (?:du|de notre) contrat|manquements? (?:grave|contractuel)s?",
    ),
    (
        "de",
        "termination_rights",
        rf"(?:außerordentlich|fristlos)\w* kündig\w*|kündig\w*{_near('de')}(?:fristlos|aus wichtigem grund)"
        r"|vertragsbruch\w*|vertragsverletzung\w*|rücktritt vom vertrag",
    ),
    (
        "es",
        "termination_rights",
        r"resoluci[oó]n del contrato|resolver el contrato|incumplimiento (?:del contrato|contractual|grave)"
        rf"|(?:rescindir|rescisión|rescindimos)\w*{_near('es')}por incumplimiento",
    ),
    (
        "pt",
        "termination_rights",
        rf"(?:rescind|rescis)\w*{_near('pt')}(?:por justa causa|por (?:descumprimento|incumprimento|inadimplemento))"
        r"|(?:descumprimento|incumprimento|inadimplemento) (?:contratual|do contrato)|quebra de contrato",
    ),
    (
        "it",
        "termination_rights",
        r"risoluzione (?:del contratto|per inadempimento)|recesso per giusta causa|inadempimento (?:contrattuale|grave)"
        r"|violazione del contratto",
    ),
    (
        "nl",
        "termination_rights",
        rf"ontbind\w*{_near('nl')}(?:overeenkomst|contract)\w*|wanprestatie|contractbreuk"
        r"|(?:buitengewone|onmiddellijke) opzegging",
    ),
    (
        "pl",
        "termination_rights",
        rf"(?:wypowi|rozwiąz)\w*{_near('pl')}(?:ze skutkiem natychmiastowym|bez zachowania okresu wypowiedzenia)"
        r"|naruszeni\w* (?:warunków )?umowy|niewykonani\w* umowy",
    ),
    (
        "sv",
        "termination_rights",
        r"(?:häv\w*|hävning av) (?:avtalet|kontraktet)|avtalsbrott|kontraktsbrott"
        rf"|(?:uppsäg\w*|säger (?:vi )?upp){_near('sv')}med omedelbar verkan",
    ),
    (
        "da",
        "termination_rights",
        r"(?:ophæv\w*|ophævelse af) (?:aftalen|kontrakten)|misligholdelse|kontraktbrud"
        rf"|opsig\w*{_near('da')}med øjeblikkelig virkning",
    ),
    (
        "nb",
        "termination_rights",
        r"(?:heve|hever|hevet|heving av) (?:avtalen|kontrakten)|mislighold\w*|kontraktsbrudd|avtalebrudd"
        rf"|(?:si|sier|oppsigelse)(?: opp)?{_near('nb')}med umiddelbar virkning",
    ),
    (
        "fi",
        "termination_rights",
        r"pur\w* (?:sopimus|sopimuksen|sopimukset)|sopimuksen purku|sopimusrikko\w*|sopimusrikkomu\w*"
        r"|irtisano\w*(?: \w+){0,3}? välittömin vaikutuksin",
    ),
    (
        "tr",
        "termination_rights",
        r"haklı (?:sebeple|nedenle) fes\w*|sözleşme\w* ihlal\w*|sözleşmeye aykırı\w*|derhal fes\w*|tek taraflı fes\w*",
    ),
    (
        "cs",
        "termination_rights",
        rf"(?:vypov|ukonč)\w*{_near('cs')}(?:s okamžitou platností|bez výpovědní lhůty|pro porušení)"
        r"|porušení smlouvy|nedodržení smlouvy|odstoupení od smlouvy",
    ),
    # -- Identity misuse and charges nobody recognises (fraud, docs/labelling.md: a legal matter), in every language:
    # an account opened with the writer's data without their knowledge, someone using their identity or data,
    # charges called unknown. Not "the account in my name" (a routine change) nor "a subscription renewed without
    # my knowledge" (a billing question): the account is opened or created, the data used by someone.
    (
        "fr",
        "fraud",
        r"(?:compte|abonnement|contrat)s? (?:\w+ ){0,3}(?:ouvert|créé|souscrit)e?s? (?:\w+ ){0,3}"
        r"(?:à (?:mon|notre) insu|sans (?:mon|notre) (?:accord|consentement|autorisation)|avec mes données)"
        r"|(?:ouvert|créé|souscrit) (?:un|une) (?:compte|abonnement|contrat) (?:\w+ ){0,3}(?:à (?:mon|notre) insu"
        r"|sans (?:mon|notre) (?:accord|consentement|autorisation))"
        r"|(?:compte|abonnement)s? (?:que|qu'on) (?:je n'ai|nous n'avons) jamais (?:ouvert|créé|demandé)"
        r"|(?:quelqu'un|un inconnu|un tiers) a (?:ouvert|créé) (?:un|une) (?:compte|abonnement|contrat) "
        r"à (?:mon|notre) nom"
        r"|(?:prélèvement|débit|paiement|transaction|achat|opération)s? (?:\w+ ){0,2}que (?:je|nous) ne "
        r"(?:les? |la )?(?:reconnais|reconnaissons) pas"
        r"|(?:quelqu'un|un inconnu|un tiers) (?:\w+ ){0,2}(?:a utilisé|utilise|s'est servi de) (?:\w+ ){0,2}"
        r"(?:mon identité|mes données|mes coordonnées|mon nom)|se fait passer pour moi"
        r"|(?:prélèvements?|débits?|paiements?|transactions?|achats?|opérations?) inconnu(?:e|s|es)?",
    ),
    (
        "de",
        "fraud",
        r"(?:konto|account|abo|vertrag)\w* (?:\w+ ){0,4}(?:eröffnet|angelegt|erstellt|abgeschlossen) (?:\w+ ){0,3}?"
        r"(?:ohne (?:mein|unser)\w* (?:wissen|zustimmung|einverständnis)|mit meinen daten)"
        r"|ohne (?:mein|unser)\w* (?:wissen|zustimmung|einverständnis) (?:\w+ ){0,3}(?:konto|account|abo|vertrag)\w*"
        r" (?:\w+ ){0,3}(?:eröffnet|angelegt|erstellt|abgeschlossen)"
        r"|(?:konto|account)\w*,? (?:das|den) (?:ich|wir) (?:nie|niemals) (?:eröffnet|angelegt|erstellt|beantragt)"
        r"|jemand hat (?:ein|einen) (?:konto|account|vertrag|abo) auf (?:meinen|unseren) namen (?:eröffnet|angelegt"
        r"|erstellt|abgeschlossen)"
        r"|(?:abbuchung|zahlung|transaktion|belastung|lastschrift)\w*(?: \w+){0,3},? die (?:ich|wir) nicht (?:kenne"
        r"|kennen|erkenne"
        r"|erkennen|zuordnen können)"
        r"|jemand (?:\w+ ){0,3}(?:meine|unsere) (?:identität|daten|personalien|kartendaten|namen)\w* (?:\w+ ){0,2}"
        r"(?:benutzt|verwendet|missbraucht|genutzt)|gibt sich als (?:ich|mich) aus"
        r"|unbekannte\w* (?:abbuchung|zahlung|transaktion|belastung|buchung|lastschrift)\w*",
    ),
    (
        "es",
        "fraud",
        r"(?:cuenta|suscripción|contrato)s? (?:\w+ ){0,3}(?:abiert|cread|contratad)[oa]s? (?:\w+ ){0,3}"
        r"(?:sin (?:mi|nuestro) (?:conocimiento|consentimiento|autorización)|con mis datos)"
        r"|(?:abierto|creado|contratado|abrieron|crearon|contrataron|abrió|creó) (?:una|un) (?:cuenta|suscripción"
        r"|contrato) (?:\w+ ){0,3}"
        r"sin (?:mi|nuestro) (?:conocimiento|consentimiento|autorización)"
        r"|(?:cuenta|suscripción)s? que (?:yo |nosotros )?nunca (?:he |hemos )?(?:abierto|creado|abrí|creé|abrimos"
        r"|creamos|solicitado)"
        r"|alguien (?:\w+ ){0,2}(?:ha usado|usó|utilizó|ha utilizado|está usando|está utilizando) (?:\w+ ){0,2}"
        r"(?:mi identidad|mis datos|mi nombre)|se hace pasar por mí"
        r"|(?:cargos?|cobros?|pagos?|movimientos?|transacci(?:ón|ones)|compras?) desconocid[oa]s?"
        r"|alguien (?:ha abierto|abrió|ha creado|creó) (?:una|un) (?:cuenta|suscripción|contrato) "
        r"a (?:mi|nuestro) nombre"
        r"|(?:cargos?|cobros?|pagos?|movimientos?) que no (?:reconozco|reconocemos)",
    ),
    (
        "pt",
        "fraud",
        r"(?:conta|assinatura|contrato)s? (?:\w+ ){0,3}(?:abert|criad|contratad)[oa]s? (?:\w+ ){0,3}"
        r"(?:sem (?:o )?(?:meu|nosso) (?:conhecimento|consentimento|autorização)|com (?:os )?meus dados)"
        r"|(?:abriram|criaram|abriu|criou) (?:uma|um) (?:conta|assinatura|contrato) (?:\w+ ){0,3}"
        r"sem (?:o )?(?:meu|nosso) (?:conhecimento|consentimento|autorização)"
        r"|(?:conta|assinatura)s? que (?:eu |nós )?nunca (?:abri|criei|abrimos|criamos|solicitei|pedi)"
        r"|alguém (?:\w+ ){0,2}(?:usou|utilizou|está usando|está a usar|usa) (?:\w+ ){0,2}"
        r"(?:minha identidade|meus dados|meu nome)|se passando por mim"
        r"|alguém (?:abriu|criou) (?:uma|um) (?:conta|assinatura|contrato) (?:em|no) (?:meu|nosso) nome"
        r"|(?:cobranças?|débitos?|pagamentos?|lançamentos?) que não (?:reconheço|reconhecemos)"
        r"|(?:cobranças?|débitos?|pagamentos?|transaç(?:ão|ões)|compras?|lançamentos?) desconhecid[oa]s?",
    ),
    (
        "it",
        "fraud",
        r"(?:account|conto|abbonamento|contratto|profilo) (?:\w+ ){0,3}(?:apert|creat|attivat)[oiae] (?:\w+ ){0,3}"
        r"(?:a (?:mia|nostra) insaputa|senza il (?:mio|nostro) (?:consenso|permesso)|con i miei dati)"
        r"|(?:aperto|creato|attivato) (?:un|un') ?(?:account|conto|abbonamento|contratto) (?:\w+ ){0,3}"
        r"(?:a (?:mia|nostra) insaputa|senza il (?:mio|nostro) (?:consenso|permesso))"
        r"|(?:account|conto|abbonamento) che (?:non )?(?:ho|abbiamo) mai (?:aperto|creato|richiesto|attivato)"
        r"|qualcuno (?:\w+ ){0,2}(?:ha usato|ha utilizzato|usa|sta usando|sta utilizzando) (?:\w+ ){0,2}"
        r"(?:la mia identità|i miei dati|il mio nome)|si spaccia per me"
        r"|qualcuno (?:ha aperto|ha creato|ha attivato) (?:un|un') ?(?:account|conto|abbonamento|contratto) "
        r"(?:\w+ ){0,2}a (?:mio|nostro) nome"
        r"|(?:addebit|pagament|moviment)[oiae] che non (?:riconosco|riconosciamo)"
        r"|(?:addebit|pagament|transazion|moviment|acquist)[oiae] sconosciut[oiae]",
    ),
    (
        "nl",
        "fraud",
        r"(?:account|rekening|abonnement|contract) (?:\w+ ){0,3}(?:geopend|aangemaakt|afgesloten) (?:\w+ ){0,3}"
        r"(?:zonder (?:mijn|ons) (?:medeweten|toestemming)|met mijn gegevens)"
        r"|(?:account|rekening|abonnement) (?:is |werd )?(?:zonder (?:mijn|ons) (?:medeweten|toestemming)"
        r"|met mijn gegevens) (?:\w+ ){0,2}(?:geopend|aangemaakt|afgesloten)"
        r"|zonder (?:mijn|ons) (?:medeweten|toestemming) (?:\w+ ){0,3}(?:account|rekening|abonnement) (?:\w+ ){0,2}"
        r"(?:geopend|aangemaakt|afgesloten)"
        r"|iemand (?:\w+ ){0,2}(?:heeft|gebruikt|misbruikt) (?:\w+ ){0,2}(?:mijn identiteit|mijn gegevens|mijn naam)"
        r"|(?:geeft|doet) zich (?:uit )?voor als mij|doet zich voor als mij"
        r"|iemand heeft (?:een|het) (?:account|rekening|abonnement|contract) op (?:mijn|onze) naam (?:geopend"
        r"|aangemaakt|afgesloten)"
        r"|(?:afschrijving|betaling|transactie)\w* (?:\w+ ){0,3}die (?:ik|wij|we) niet (?:herken|herkennen)"
        r"|onbekende (?:afschrijving|betaling|transactie|boeking|incasso)\w*",
    ),
    (
        "pl",
        "fraud",
        r"(?:kont|subskrypcj|umow)\w* (?:\w+ ){0,3}(?:założon|utworzon|otwart|zarejestrowan)\w* (?:\w+ ){0,3}"
        r"(?:bez (?:mojej|naszej) (?:wiedzy|zgody)|na (?:moje|nasze) dane)"
        r"|(?:kont|subskrypcj)\w*,? (?:którego|której) (?:nigdy )?nie (?:zakładał|zakładała|zakładaliśmy|tworzył"
        r"|tworzyła|zamawiał|zamawiała)\w*"
        r"|ktoś (?:\w+ ){0,2}(?:użył|używa|wykorzystał|wykorzystuje) (?:\w+ ){0,2}(?:moich danych|mojego imienia"
        r"|mojej tożsamości|moich danych osobowych)|podszywa\w* się pod (?:mnie|nas)"
        r"|nieznan\w* (?:transakcj|płatnoś|obciąże|pobrani|przelew)\w*",
    ),
    (
        "sv",
        "fraud",
        r"(?:konto|abonnemang|avtal)\w* (?:\w+ ){0,3}(?:öppnat|skapat|registrerat|tecknat)s? (?:\w+ ){0,3}"
        r"(?:utan (?:min|vår) (?:vetskap|tillåtelse|medgivande)|med mina uppgifter)"
        r"|någon (?:\w+ ){0,2}(?:har )?(?:använt|använder|utnyttjat|utnyttjar) (?:\w+ ){0,2}(?:min identitet"
        r"|mina (?:person|kort)?uppgifter|mitt namn|våra kortuppgifter)|utger sig för att vara (?:mig|oss)"
        r"|okända (?:köp|transaktion|betalning|dragning|debitering)\w*",
    ),
    (
        "da",
        "fraud",
        r"(?:konto|abonnement|aftale)\w* (?:\w+ ){0,3}(?:oprettet|åbnet|tegnet) (?:\w+ ){0,3}"
        r"(?:uden (?:min|vores) (?:viden|tilladelse|samtykke)|med mine oplysninger)"
        r"|nogen (?:\w+ ){0,2}(?:har brugt|bruger|har misbrugt|misbruger) (?:\w+ ){0,2}(?:min identitet"
        r"|mine (?:person|kort)?oplysninger|mit navn)|udgiver sig for at være (?:mig|os)"
        r"|ukendte (?:køb|transaktion|betaling|træk|hævning|opkrævning)\w*",
    ),
    (
        "nb",
        "fraud",
        r"(?:konto|abonnement|avtale)\w* (?:\w+ ){0,3}(?:opprettet|åpnet|tegnet) (?:\w+ ){0,3}"
        r"(?:uten (?:min|vår) (?:viten|tillatelse|samtykke)|med mine opplysninger)"
        r"|noen (?:\w+ ){0,2}(?:har brukt|bruker|har misbrukt|misbruker) (?:\w+ ){0,2}(?:min identitet"
        r"|mine (?:person|kort)?opplysninger|mitt navn)|utgir seg for å være (?:meg|oss)"
        r"|ukjente (?:kjøp|transaksjon|betaling|trekk|belastning)\w*",
    ),
    (
        "fi",
        "fraud",
        r"(?:tili|tilin|tilini|käyttäjätili\w*|sopimus|tilaus) (?:\w+ ){0,3}(?:avattu|luotu|avattiin|luotiin|tehty) "
        r"(?:\w+ ){0,3}(?:tietämättäni|tietämättämme|luvatta|ilman lupaani|minun tiedoillani)"
        r"|(?:joku|tuntematon) (?:\w+ ){0,2}(?:on käyttänyt|käyttää|käytti) (?:\w+ ){0,2}(?:henkilöllisyyttäni"
        r"|tietojani|henkilötietojani|nimeäni)|esiintyy minuna"
        r"|tuntemat(?:on|onta|tomia|tomat|tomi)\w* (?:osto|maksu|veloitu|tapahtum)\w*",
    ),
    (
        "tr",
        "fraud",
        r"(?:bilgim|haberim|iznim|onayım|bilgimiz|haberimiz) (?:olmadan|dışında) (?:\w+ ){0,3}"
        r"(?:hesap|abonelik|üyelik)\w* (?:\w+ ){0,2}(?:açılmış|açılmıştır|açıldı|oluşturulmuş|oluşturuldu|açmış|açtı)"
        r"|(?:hesap|abonelik|üyelik)\w* (?:\w+ ){0,2}(?:bilgim|haberim|iznim) (?:olmadan|dışında) "
        r"(?:açılmış|açıldı|oluşturulmuş|oluşturuldu)"
        r"|(?:biri|birisi|birileri|başkası) (?:\w+ ){0,2}(?:kimliğimi|bilgilerimi|kişisel verilerimi|adımı)"
        r" (?:\w+ ){0,2}(?:kullanmış|kullandı|kullanıyor|kullanarak)"
        r"|(?:tanımadığımız|tanımadığım|bilinmeyen) (?:\w+ ){0,2}(?:işlem|harcama|ödeme|çekim|tahsilat)\w*",
    ),
    (
        "cs",
        "fraud",
        r"(?:účet|účtu|předplatné|smlouv\w*) (?:\w+ ){0,3}(?:založen|vytvořen|zřízen|otevřen)\w* (?:\w+ ){0,3}"
        r"(?:bez (?:mého|našeho) (?:vědomí|souhlasu)|na (?:moje|mé|naše) údaje)"
        r"|někdo (?:\w+ ){0,2}(?:použil|používá|zneužil|zneužívá) (?:\w+ ){0,2}(?:mou identitu|moji identitu"
        r"|moje (?:osobní )?údaje|mé (?:osobní )?údaje|moje jméno)|vydává se za (?:mě|mne|nás)"
        r"|neznám\w* (?:platb|transakc|stržen|poplat)\w*",
    ),
    # -- A repeat contact, said in words (the English signal's "the third time I'm writing", "I already reported
    # this on Monday", "still no answer"): the writer's own writing, asking or reporting, counted; not a charge
    # taken "a second time" (a billing matter) nor "again" alone (a first message says it too). Earlier turns in
    # the history are counted by triage.text.trajectory, whatever their language.
    (
        "fr",
        "repeat_contact",
        r"(?:écris|écrivons|contacte|contactons|relance|relançons|signale|signalons|demande|demandons)"
        r" (?:\w+ ){0,3}pour la (?:deuxième|seconde|troisième|quatrième|cinquième|énième|\d+e) fois"
        r"|(?:deuxième|troisième|quatrième|énième) (?:relance|message|mail|e-mail|courriel)"
        r"|(?:je vous ai|nous vous avons|j'ai|nous avons) déjà (?:\w+ ){0,2}(?:écrit|contacté|relancé|signalé|appelé)"
        r"|(?:toujours|encore) (?:aucune|pas de|sans) réponse"
        # Led by the negation itself, which the negation check would read as denying the cue after it.
        r"|(?:je n'ai|nous n'avons) toujours (?:pas|rien) (?:reçu|eu) (?:de |d'|aucune )?réponse",
    ),
    (
        "de",
        "repeat_contact",
        r"(?:schreibe|schreiben|melde|melden|wende|wenden|frage|fragen) (?:\w+ ){0,4}(?:zum|bereits zum|schon zum)"
        r" (?:zweiten|dritten|vierten|fünften|wiederholten|x-ten|\d+\.) mal"
        r"|zum (?:zweiten|dritten|vierten|wiederholten|x-ten) mal (?:schreibe|schreiben|melde|melden|frage|fragen)"
        r"|(?:habe|haben) (?:ihnen |euch )?(?:bereits|schon) (?:\w+ ){0,3}(?:geschrieben|gemeldet|kontaktiert"
        r"|angerufen|nachgefragt)"
        r"|(?:immer )?noch (?:keine|ohne) (?:antwort|rückmeldung|reaktion)"
        r"|(?:bis heute|bisher|bislang) (?:keine|noch keine) (?:antwort|rückmeldung|reaktion) (?:\w+ ){0,2}?"
        r"(?:erhalten|bekommen)"
        r"|(?:warte|warten) (?:noch immer|immer noch|noch|weiterhin) auf (?:eine |ihre |eure )?(?:antwort|rückmeldung)"
        r"|(?:zweite|dritte|vierte|wiederholte) (?:anfrage|nachricht|e-mail|erinnerung)",
    ),
    (
        "es",
        "repeat_contact",
        r"(?:escribo|escribimos|contacto|contactamos|reclamo|reclamamos|pregunto|preguntamos) (?:\w+ ){0,3}"
        r"por (?:segunda|tercera|cuarta|quinta|enésima) vez"
        r"|(?:segunda|tercera|cuarta|enésima) vez que (?:les? |os )?(?:escribo|escribimos|reclamo|pregunto|contacto"
        r"|llamo)"
        r"|ya (?:les? |os )?(?:he|hemos) (?:escrito|contactado|reclamado|llamado|avisado|reportado)"
        r"|ya (?:les? |os )?(?:escribí|escribimos|llamé|avisé|reclamé) (?:el|la|ayer|antes)"
        r"|(?:sigo|seguimos|todavía|aún) sin (?:recibir )?(?:ninguna )?(?:respuesta|contestación)"
        r"|(?:todavía|aún) no (?:he|hemos) (?:recibido|tenido) (?:ninguna )?(?:respuesta|contestación)",
    ),
    (
        "pt",
        "repeat_contact",
        r"(?:escrevo|escrevemos|contato|contacto|reclamo|pergunto) (?:\w+ ){0,3}pela (?:segunda|terceira|quarta"
        r"|quinta|enésima) vez"
        r"|(?:segunda|terceira|quarta|enésima) vez que (?:escrevo|escrevemos|entro em contato|peço|pergunto|ligo)"
        r"|já (?:lhes? |vos )?(?:escrevi|escrevemos|liguei|reclamei|entrei em contato|tinha escrito|reportei)"
        r"|(?:continuo|continuamos|ainda|sigo) sem (?:nenhuma )?(?:resposta|retorno)"
        r"|ainda não (?:recebi|recebemos|tive|tivemos) (?:nenhuma )?(?:resposta|retorno)",
    ),
    (
        "it",
        "repeat_contact",
        r"(?:scrivo|scriviamo|contatto|contattiamo|sollecito|sollecitiamo|chiedo|chiediamo) (?:\w+ ){0,3}"
        r"per la (?:seconda|terza|quarta|quinta|ennesima) volta"
        r"|(?:seconda|terza|quarta|ennesima) volta che (?:vi )?(?:scrivo|scriviamo|chiedo|chiediamo|segnalo|contatto)"
        r"|(?:vi |le )?(?:ho|abbiamo) già (?:\w+ )?(?:scritto|segnalato|contattato|chiamato|sollecitato)"
        r"|(?:ancora|sempre) (?:nessuna risposta|senza risposta)|(?:secondo|terzo|ennesimo) sollecito"
        r"|non (?:ho|abbiamo) ancora (?:ricevuto |avuto )?(?:nessuna |alcuna )?risposta",
    ),
    (
        "nl",
        "repeat_contact",
        r"(?:ik schrijf|ik mail|ik meld|wij schrijven|we schrijven|we mailen|wij mailen|ik neem|we nemen)"
        r" (?:\w+ ){0,4}voor de (?:tweede|derde|vierde|vijfde|zoveelste) keer"
        r"|(?:tweede|derde|vierde|zoveelste) keer dat (?:ik|wij|we) (?:\w+ ){0,3}(?:schrijf|schrijven|mail|mailen"
        r"|meld|melden|vraag|vragen)"
        r"|(?:heb|hebben) (?:jullie |u )?(?:al|eerder|reeds) (?:\w+ ){0,3}(?:gemaild|geschreven|gemeld|gebeld"
        r"|contact opgenomen)"
        r"|(?:nog steeds|nog altijd) geen (?:antwoord|reactie)",
    ),
    (
        "sv",
        "repeat_contact",
        r"(?:skriver|mejlar|mailar|kontaktar|hör av (?:mig|oss)|frågar|påminner) (?:\w+ ){0,3}"
        r"för (?:andra|tredje|fjärde|femte) gången"
        r"|(?:andra|tredje|fjärde) gången (?:jag|vi) (?:skriver|mejlar|mailar|kontaktar|hör av|frågar)"
        r"|(?:har|hade) (?:redan|tidigare) (?:\w+ ){0,2}(?:skrivit|mejlat|mailat|kontaktat|ringt|anmält|rapporterat)"
        r"|(?:fortfarande|ännu) (?:inget|utan) svar",
    ),
    (
        "da",
        "repeat_contact",
        r"(?:skriver|mailer|kontakter|henvender|spørger|rykker) (?:\w+ ){0,3}for (?:anden|tredje|fjerde|femte) gang"
        r"|(?:anden|tredje|fjerde) gang (?:jeg|vi) (?:skriver|mailer|kontakter|henvender|spørger|rykker)"
        r"|(?:har|havde) (?:allerede|tidligere) (?:\w+ ){0,2}(?:skrevet|mailet|kontaktet|ringet|henvendt|rykket"
        r"|rapporteret)"
        r"|(?:stadig|endnu) (?:intet|uden|ikke noget) svar",
    ),
    (
        "nb",
        "repeat_contact",
        r"(?:skriver|mailer|kontakter|tar kontakt|henvender|spør|purrer) (?:\w+ ){0,3}for (?:andre|tredje|fjerde"
        r"|femte) gang"
        r"|(?:andre|tredje|fjerde) gang (?:jeg|vi) (?:skriver|mailer|kontakter|tar kontakt|henvender|spør|purrer)"
        r"|(?:har|hadde) (?:allerede|tidligere) (?:\w+ ){0,2}(?:skrevet|mailet|kontaktet|ringt|henvendt|purret"
        r"|meldt|rapportert)"
        r"|(?:fortsatt|ennå|enda) (?:intet|uten|ikke noe) svar",
    ),
    (
        "fi",
        "repeat_contact",
        r"(?:kirjoitan|kirjoitamme|otan yhteyttä|otamme yhteyttä|kysyn|kysymme|muistutan) (?:\w+ ){0,2}"
        r"(?:jo )?(?:toista|kolmatta|neljättä|viidettä) kertaa"
        r"|(?:toista|kolmatta|neljättä|viidettä) kertaa (?:\w+ )?(?:kirjoitan|kirjoitamme|otan|otamme|kysyn|kysymme)"
        r"|(?:olen|olemme) (?:jo|aiemmin) (?:\w+ ){0,2}(?:kirjoittanut|kirjoittaneet|ottanut yhteyttä"
        r"|ottaneet yhteyttä|ilmoittanut|ilmoittaneet|soittanut|soittaneet)"
        r"|(?:en|emme) ole (?:vieläkään|edelleenkään) saan\w* (?:mitään )?vastaus\w*"
        r"|(?:vieläkään|edelleenkään) ei (?:ole )?(?:mitään )?vastaus\w*",
    ),
    (
        "tr",
        "repeat_contact",
        r"(?:ikinci|üçüncü|dördüncü|beşinci) (?:kez|kere|defa) (?:\w+ )?(?:yazıyorum|yazıyoruz|soruyorum|soruyoruz"
        r"|ulaşıyorum|ulaşıyoruz|arıyorum|bildiriyorum|bildiriyoruz)"
        r"|(?:daha önce|zaten|geçen hafta|(?:pazartesi|salı|çarşamba|perşembe|cuma)(?: günü)?) (?:de |da )?(?:\w+ )?"
        r"(?:yazmıştım|yazmıştık|bildirmiştim|bildirmiştik"
        r"|iletmiştim|iletmiştik|sormuştum|sormuştuk|aramıştım|aramıştık)"
        r"|(?:hâlâ|hala|henüz) (?:bir )?(?:yanıt|cevap|dönüş) (?:alamadım|alamadık|yok|gelmedi|verilmedi)",
    ),
    (
        "cs",
        "repeat_contact",
        r"(?:píšu|píšeme|obracím se|obracíme se|kontaktuji|kontaktujeme|urguji|urgujeme) (?:\w+ ){0,3}"
        r"(?:už |již )?(?:podruhé|potřetí|počtvrté|popáté)"
        r"|(?:podruhé|potřetí|počtvrté|popáté) (?:už |již )?(?:vám )?(?:píšu|píšeme|se obracím|se obracíme|urguji)"
        r"|(?:už|již) (?:jsem|jsme) (?:vám )?(?:\w+ )?(?:psal|psala|psali|volal|volala|volali|hlásil|hlásila"
        r"|hlásili|nahlásil|nahlásila|nahlásili|urgoval|urgovala|urgovali)"
        r"|(?:stále|pořád|dosud|ještě) (?:bez odpovědi|žádná odpověď|nemám odpověď|nemáme odpověď)",
    ),
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
NEGATORS: dict[str, frozenset[str]] = {
    "fr": frozenset({"pas", "sans", "aucun", "aucune", "jamais", "ni"}),
    "de": frozenset({"kein", "keine", "keinen", "keinem", "keiner", "nicht", "ohne", "nie", "niemals"}),
    "es": frozenset({"no", "sin", "ningún", "ninguna", "ninguno", "nunca", "ni"}),
    "pt": frozenset({"não", "nao", "sem", "nenhum", "nenhuma", "nunca", "nem"}),
    "it": frozenset({"non", "senza", "nessun", "nessuno", "nessuna", "mai", "né"}),
    "nl": frozenset({"geen", "niet", "zonder", "nooit"}),
    "pl": frozenset({"nie", "bez", "brak", "żaden", "żadna", "żadne", "żadnego", "żadnej", "żadnych", "nigdy", "ani"}),
    "sv": frozenset({"inte", "ej", "ingen", "inget", "inga", "utan", "aldrig"}),
    "da": frozenset({"ikke", "ingen", "intet", "uden", "aldrig"}),
    "nb": frozenset({"ikke", "ingen", "intet", "uten", "aldri"}),
    # Finnish negates with a verb of its own, conjugated: "emme tarvitse", "ette ole", "eivät ole".
    "fi": frozenset({"ei", "en", "et", "emme", "ette", "eivät", "eikä", "ilman"}),
    # Turkish negates its verbs by a suffix, after the cue (see _NOT_NEEDED_WORDS); before it only "none", "never".
    "tr": frozenset({"hiç", "hiçbir"}),
    # Czech negates its verbs with a prefix: the negated verbs of need and intent are negators themselves.
    "cs": frozenset(
        {"ne", "bez", "žádný", "žádná", "žádné", "žádného", "žádnou", "žádných", "žádnému", "žádném", "žádným"}
        | {"žádní", "žádnými", "nikdy", "ani", "není", "nejsou"}
        | {"nepotřebujeme", "nepotřebuji", "nepotřebuju", "nechceme", "nechci", "neplánujeme", "nebudeme", "nedošlo"}
    ),
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
            "nous",
            "me",
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
            "es",
            "necesario",
            "queremos",
            "quiero",
        ]
    ),
    "pt": frozenset(
        [
            "um",
            "uma",
            "o",
            "a",
            "os",
            "as",
            "de",
            "do",
            "da",
            "ao",
            "à",
            "precisamos",
            "preciso",
            "há",
            "houve",
            "teve",
            "é",
            "necessário",
        ]
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
            "necessario",
            "alcun",
        ]
    ),
    "nl": frozenset(["een", "de", "het", "naar", "voor", "nodig", "hebben"]),
    # Polish has no articles; "there was", "it came to" and "we need / intend" stand between: "nie doszło do
    # utraty danych", "nie potrzebujemy prawnika", "nie zamierzamy iść do sądu".
    "pl": frozenset(
        [
            "ma",
            "było",
            "była",
            "był",
            "jest",
            "doszło",
            "do",
            "w",
            "z",
            "na",
            "o",
            "się",
            "potrzebujemy",
            "potrzebuję",
            "potrzeba",
            "trzeba",
            "zamierzamy",
            "zamierzam",
            "planujemy",
            "iść",
            "chcemy",
            "chcę",
        ]
    ),
    "sv": frozenset(
        ["en", "ett", "någon", "något", "några", "behöver", "behövs", "finns", "har", "varit", "till", "med"]
    ),
    "da": frozenset(["en", "et", "nogen", "noget", "brug", "for", "behøver", "har", "der", "været", "til", "med"]),
    "nb": frozenset(
        [
            "en",
            "et",
            "ei",
            "noen",
            "noe",
            "behov",
            "for",
            "trenger",
            "har",
            "hatt",
            "det",
            "vært",
            "til",
            "med",
            "å",
            "gå",
        ]
    ),
    "fi": frozenset(
        ["ole", "ollut", "olleet", "tarvitse", "tarvita", "mitään", "yhtään", "tapahtunut", "aio", "halua", "vaadi"]
    ),
    "tr": frozenset(["bir", "şey", "herhangi"]),
    "cs": frozenset(
        ["je", "jsou", "byl", "byla", "bylo", "k", "ke", "s", "se", "na", "do", "o", "v", "potřeba", "třeba"]
    ),
}
# A condition before the negation makes a threat: "si vous ne me remboursez pas", "wenn Sie nicht zahlen".
_CONDITIONS: dict[str, frozenset[str]] = {
    "fr": frozenset({"si", "sinon", "faute"}),
    "de": frozenset({"wenn", "falls", "sofern", "andernfalls", "sonst"}),
    "es": frozenset({"si", "salvo"}),
    "pt": frozenset({"se", "caso", "senão"}),
    "it": frozenset({"se", "altrimenti", "qualora"}),
    "nl": frozenset({"als", "indien", "anders", "tenzij"}),
    "pl": frozenset({"jeśli", "jeżeli", "gdyby", "inaczej", "przeciwnym", "chyba"}),
    "sv": frozenset({"om", "annars", "såvida"}),
    "da": frozenset({"hvis", "ellers", "medmindre"}),
    "nb": frozenset({"hvis", "dersom", "ellers"}),
    "fi": frozenset({"jos", "mikäli", "muuten", "ellei", "ellette"}),
    "tr": frozenset({"eğer", "yoksa", "aksi"}),
    "cs": frozenset({"pokud", "jestli", "jestliže", "když", "jinak", "pakliže"}),
}
_NEGATION_WINDOW = 4  # words before the cue, within its clause
_CLAUSE_BREAK = re.compile(r"[,;:.!?¿¡()\n]")
_WORD = re.compile(r"[^\W\d_]+")

# A routine question: a sentence ending in "?" that opens with "how", "where", "when", "which", "can I", "how much"
# (after a greeting or not; not "can you": "Können Sie das bitte ansehen?" asks for help with a problem). Refunds and
# cancellations asked about in one are no requests.
_HOW_TO_OPENERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"comment", "où", "puis", "peux", "combien", "quand", "quel", "quelle"}),
    "de": frozenset({"wie", "wo", "wann", "kann", "wieviel", "welche", "welcher", "welches"}),
    "es": frozenset({"cómo", "como", "dónde", "donde", "puedo", "cuánto", "cuándo", "cuál"}),
    "pt": frozenset({"como", "onde", "posso", "quanto", "quando", "qual"}),
    "it": frozenset({"come", "dove", "posso", "quanto", "quando", "qual", "quale"}),
    "nl": frozenset({"hoe", "waar", "kan", "hoeveel", "wanneer", "welke"}),
    "pl": frozenset({"jak", "gdzie", "kiedy", "mogę", "ile", "jaki", "jaka", "jakie", "który", "która", "które"}),
    "sv": frozenset({"hur", "var", "när", "kan", "vilken", "vilket", "vilka"}),
    "da": frozenset({"hvordan", "hvor", "hvornår", "kan", "hvilken", "hvilket", "hvilke"}),
    "nb": frozenset({"hvordan", "hvor", "når", "kan", "hvilken", "hvilket", "hvilke"}),
    "fi": frozenset({"miten", "kuinka", "missä", "mistä", "milloin", "voinko", "voimmeko", "paljonko", "mikä"}),
    "tr": frozenset({"nasıl", "nerede", "nereden", "hangi", "kaç"}),
    "cs": frozenset({"jak", "kde", "kdy", "můžu", "mohu", "kolik", "jaký", "jaká", "jaké", "který", "která", "které"}),
}
_OPENING_WORDS = 6  # "Bonjour, est-ce que je peux ..."
# A question that asks whether something can be done opens a how-to question too: "Est-il possible de ...?", Finnish
# and Turkish asking by a particle ("Onko mahdollista saada hyvitys?", "Kartımı değiştirebilir miyim?"). Not "can
# you" ("Voisitteko ...?", "... misiniz?"): a request for help with a problem.
_ASKING_WORDS = {
    "fr": r"est-il possible|est-ce possible",
    "de": r"ist es möglich",
    "es": r"es posible",
    "pt": r"é possível",
    "it": r"è possibile",
    "nl": r"is het mogelijk",
    "pl": r"czy (?:to )?(?:jest )?możliwe",
    "sv": r"är det möjligt",
    "da": r"er det muligt",
    "nb": r"er det mulig",
    "fi": r"onko mahdollista|voiko|saako|saanko|saammeko|pitääkö|tarvitseeko",
    "tr": r"mümkün m[üu]|[ae]bilir mi(?:yim|yiz)",
    "cs": r"je (?:to )?možné|lze",
}
_ASKING = {language: _cue_pattern(words) for language, words in _ASKING_WORDS.items()}
# "How can it be that ...?" opens a complaint, not a how-to question: "Wie kann es sein, dass wir Daten anderer Kunden
# sehen?", "Comment est-il possible que ...". Not "could it be that" without the "how" ("Kan het zijn dat ...?").
_INDIGNANT_WORDS = {
    "fr": r"comment (?:est-il|est-ce) possible|comment se fait-il|comment se peut-il",
    "de": r"wie (?:kann es sein|ist es möglich|ist das möglich|kommt es)",
    "es": r"cómo (?:es posible|puede ser)",
    "pt": r"como (?:é possível|pode ser)",
    "it": r"come (?:è possibile|può essere)|com'è possibile",
    "nl": r"hoe (?:kan het|is het mogelijk)",
    "pl": r"jak to (?:jest )?możliwe|jak to może być",
    "sv": r"hur (?:kan det komma sig|är det möjligt|kommer det sig)",
    "da": r"hvordan (?:kan det være|er det muligt|kan det passe)",
    "nb": r"hvordan (?:kan det ha seg|kan det være|er det mulig)|hvordan går det an",
    "fi": r"(?:miten|kuinka) (?:on mahdollista|voi olla mahdollista|tämä on mahdollista|voi olla)",
    "tr": r"nasıl (?:olur|oluyor da|mümkün olabilir)|bu nasıl (?:iş|olabilir)",
    "cs": r"jak je (?:to )?možné|jak to, že",
}
# A full stop before a comma, a number or a small letter ends an abbreviation, not the sentence: "1,80 kr., vi
# betaler nu?", "ca. 0,2 %", "z o.o. w", "env. 140 fichiers".
_LOWER = "a-zßàâäçéèêëîïôöùûüÿæœåøąćęłńóśźżčďěňřšťůžíáýúşğı"
_SENTENCE = re.compile(rf"(?:[^.!?\n]|\.(?=[,;:]|[ \t]?[\d{_LOWER}]))+[.!?]?")
_INDIGNANT = {language: _cue_pattern(words) for language, words in _INDIGNANT_WORDS.items()}
_NOT_ASKED_ABOUT = frozenset({"refund_request", "cancellation", "security_incident"})
# A refund asked about as owed by us is a claim in a how-to question too: "Kdy mi vrátíte peníze?" (when will you
# give me my money back?).
_OWED_WHEN_ASKED = {"cs": _cue_pattern(r"vrátíte")}
# A charge or a fraud supposed in a condition and asked about is no claim: "Si le paiement est prélevé deux fois ...,
# comment le récupérer ?", "Jos veloitus tapahtuu kahdesti, miten ...?", "Wenn jemand meine Daten missbraucht hat,
# wie melde ich das?" (English reads it as a how-to question).
_HYPOTHETICAL_IN_QUESTION = frozenset({"billing_dispute", "fraud"})

# A routine request, politely put, with or without "?": to block or replace a card, change an address, send a copy
# of an invoice, a quote or a price. Asked in the forms of asking (infinitive, imperative, a noun: "bloquear la
# tarjeta", "sperren Sie meine Karte", "zmiana adresu"), not told in the past ("me han bloqueado la tarjeta", "Sie
# haben die Karte gesperrt": a problem). It counts as a how_to_question, which the policy's routine_ask keeps at the
# first tier with no trigger label unless a problem signal stands beside it: a money amount in one ("the last
# purchase was 23,40 €") is a detail, not money at stake. _GAP is up to three words between the verb and its object.
_GAP = r"\W{1,3}(?:\w+\W{1,3}){0,3}"
_ROUTINE_REQUESTS: dict[str, str] = {
    "fr": rf"(?:bloquer|bloquez|remplacer|remplacez|faire opposition sur){_GAP}cartes?"
    r"|nouvelle carte|carte de remplacement"
    rf"|(?:changer|modifier|changez|modifiez|mettre à jour){_GAP}adresses?|changement d'adresse"
    rf"|(?:copie|duplicata){_GAP}factures?|(?:envoyer|renvoyer|envoyez|renvoyez|transmettre|transmettez){_GAP}factures?"
    r"|(?:un|nouveau|demande de) devis|quel (?:est|serait) le (?:prix|tarif)|combien co[uû]te\w*",
    "de": rf"karte\w*{_GAP}sperren|sperren{_GAP}(?:\w*karte)|kartensperre|ersatzkarte|neue karte"
    rf"|(?:rechnungs|liefer|post)?adresse{_GAP}(?:ändern|aktualisieren)|(?:ändern|aktualisieren){_GAP}(?:\w*adresse)"
    rf"|adressänderung|rechnungskopie|rechnungsduplikat|(?:kopie|duplikat|zweitschrift){_GAP}rechnung"
    rf"|rechnung{_GAP}(?:zusenden|zuschicken|schicken|senden)|kostenvoranschlag"
    r"|(?:ein|einen|neues|unverbindliches) angebot|was kostet|wie viel kostet",
    "es": rf"bloque(?:ar\w*|en|e|éis|ad){_GAP}tarjetas?|tarjetas?{_GAP}bloque(?:ar|en)|(?:nueva|otra) tarjeta"
    rf"|tarjeta (?:nueva|de sustitución)|(?:cambiar|actualizar|modificar|cambien|cambiad|actualicen){_GAP}dirección"
    rf"|cambio de dirección|(?:copia|duplicado){_GAP}facturas?"
    rf"|(?:enviar|reenviar|mandar|envíen|enviad|reenvíen)\w*{_GAP}facturas?"
    r"|(?:un|nuevo|pedir|solicitar|solicito) presupuesto|cu[aá]nto cuesta\w*",
    "pt": rf"bloque(?:ar\w*|iem|ie){_GAP}cartão|cartão{_GAP}bloquear|(?:novo|outro) cartão|cartão (?:novo|substituto)"
    rf"|segunda via do cartão|(?:alterar|mudar|atualizar|trocar|alterem|atualizem){_GAP}endereço|mudança de endereço"
    rf"|(?:cópia|segunda via){_GAP}(?:fatura|nota fiscal|boleto)"
    rf"|(?:enviar|reenviar|mandar|enviem|reenviem|mandem)\w*{_GAP}(?:fatura|nota fiscal|boleto)"
    r"|(?:um|novo|pedir|solicitar|solicito) orçamento|quanto custa\w*",
    "it": rf"blocca(?:re\w*|te){_GAP}carta|carta{_GAP}bloccare|(?:nuova|altra) carta|carta (?:nuova|sostitutiva)"
    rf"|(?:cambiare|modificare|aggiornare|cambiate|modificate|aggiornate){_GAP}indirizzo|cambio (?:di |d')indirizzo"
    rf"|(?:copia|duplicato){_GAP}fattur\w*|(?:inviare|reinviare|mandare|inviate|mandate|inviarmi"
    rf"|mandarmi){_GAP}fattur\w*"
    r"|(?:un|nuovo|richiedere|chiedo) preventivo|quanto costa\w*",
    "nl": rf"(?:pas|kaart|bankpas|creditcard){_GAP}blokkeren|blokkeer{_GAP}(?:pas|kaart|bankpas|creditcard)"
    rf"|nieuwe (?:pas|kaart|bankpas)|vervangende (?:pas|kaart)|adres{_GAP}(?:wijzigen|aanpassen|veranderen|bijwerken)"
    rf"|(?:wijzig|verander){_GAP}adres|adreswijziging|(?:kopie|duplicaat){_GAP}factu\w*"
    rf"|factuur{_GAP}(?:opsturen|toesturen|sturen|mailen)"
    r"|(?:een|graag|nieuwe) offerte|prijsopgave|wat kost\w*|hoeveel kost\w*",
    "pl": rf"(?:zablokuj\w*|zablokowa(?:ć|nie)|zastrzec|zastrzeżenie){_GAP}kart\w*|kart\w*{_GAP}(?:zablokować|zastrzec)"
    rf"|now\w* kart\w*|kart\w* zastępcz\w*|(?:zmienić|zmieńcie|zmień|zmiana|zmianę|zmiany|zaktualizować){_GAP}adres\w*"
    rf"|(?:kopi\w*|duplikat\w*){_GAP}faktur\w*|(?:wysłać|przesłać|wyślijcie|prześlijcie|wyślij|prześlij|wysłanie"
    rf"|przesłanie)"
    rf"{_GAP}faktur\w*"
    r"|(?:o|przygotować|przesłać|wysłać) wycen\w*|ile kosztuj\w*|ile będzie kosztować",
    "sv": rf"spärra(?:s)?{_GAP}(?:\w*kort\w*)|(?:\w*kort\w*){_GAP}spärra(?:s)?|nytt kort|ersättningskort"
    rf"|(?:ändra|byta|uppdatera){_GAP}(?:\w*adress\w*)|adressändring|ny adress|(?:kopia|dubblett){_GAP}faktura\w*"
    rf"|fakturakopia|(?:skicka|mejla|maila){_GAP}faktura\w*|(?:en|ny|begära) offert|vad kostar|hur mycket kostar",
    "da": rf"spærre?{_GAP}(?:\w*kort\w*)|(?:\w*kort\w*){_GAP}spærres?|nyt kort|erstatningskort"
    rf"|(?:ændre|opdatere|skifte){_GAP}(?:\w*adresse\w*)|adresseændring|ny adresse|(?:kopi|dublet){_GAP}faktura\w*"
    rf"|fakturakopi|(?:sende|send|gensende){_GAP}faktura\w*"
    r"|(?:et|nyt) tilbud|prisoverslag|hvad koster|hvor meget koster",
    "nb": rf"sperre?{_GAP}(?:\w*kort\w*)|(?:\w*kort\w*){_GAP}sperres?|nytt kort|erstatningskort"
    rf"|(?:endre|oppdatere|bytte){_GAP}(?:\w*adresse\w*)|adresseendring|ny adresse|(?:kopi|duplikat){_GAP}faktura\w*"
    rf"|fakturakopi|(?:sende|send){_GAP}faktura\w*"
    r"|(?:et|nytt) tilbud|pristilbud|prisoverslag|hva koster|hvor mye koster",
    "fi": rf"(?:sulke\w*|sulje|estä\w*|lukit\w*){_GAP}(?:\w*kort\w*)|(?:\w*kort\w*){_GAP}(?:sulke\w*|estä\w*)"
    r"|(?:uusi|uuden|korvaava\w*) kort\w*"
    rf"|(?:muutta\w*|muuta|vaihta\w*|vaihda|päivittä\w*|päivitä){_GAP}(?:\w*osoit\w*)|osoit\w*muutos\w*"
    rf"|(?:kopio\w*){_GAP}(?:\w*lasku\w*)|laskukopio\w*|(?:lähettä\w*|lähetä\w*){_GAP}(?:\w*lasku\w*)"
    r"|tarjouspyyn\w*|(?:pyydän|pyydämme) tarjou\w*|hinta-arvio\w*|paljonko maksaa|(?:mitä|kuinka paljon) maksaa",
    "tr": rf"kart\w*{_GAP}(?:bloke|iptal) (?:edin|edebilir|etmek|ettirmek)\w*|kart\w*{_GAP}kapat(?:ın|abilir|mak)\w*"
    rf"|yeni (?:bir )?kart\w*|adres\w*{_GAP}(?:değiştir|güncelle)\w*|adres değişikliğ\w*"
    rf"|fatura\w*{_GAP}(?:kopya|suret)\w*"
    rf"|fatura\w*{_GAP}(?:gönder|ilet|yolla)\w*|fiyat teklif\w*|teklif (?:rica|iste)\w*|ne kadar|fiyatı nedir",
    "cs": rf"(?:zablokovat|zablokujte|zablokování){_GAP}kart\w*|kart\w*{_GAP}zablokovat|nov\w* kart\w*"
    rf"|náhradní kart\w*|(?:změnit|změňte|změna|změnu|aktualizovat){_GAP}adres\w*"
    rf"|(?:kopi\w*|duplikát\w*){_GAP}faktur\w*"
    rf"|(?:poslat|zaslat|pošlete|zašlete|přeposlat){_GAP}faktur\w*|cenov\w* nabídk\w*|kolik stojí|kolik by stál\w*",
}
# A ticket that names money at stake asks more than a routine change: a refund asked beside "please send the
# invoice copy" is no routine ask (the policy's routine_ask does not count refund_request as a problem).
_MONEY_AT_STAKE = frozenset({"refund_request", "billing_dispute", "chargeback"})
_ROUTINE_PATTERNS = {language: _cue_pattern(words) for language, words in _ROUTINE_REQUESTS.items()}


# A cue that its clause says is not needed after it: "eine Erstattung ist nicht nötig", "el reembolso no hace falta",
# "un avocat n'est pas nécessaire". Up to three words between ("ist für uns nicht nötig").
_NOT_NEEDED_WORDS: dict[str, str] = {
    "fr": r"n'est pas (?:nécessaire|utile)|pas nécessaire|(?:est )?inutile",
    "de": r"nicht (?:nötig|notwendig|erforderlich)|brauchen wir nicht|unnötig",
    "es": r"no (?:es|será|hace) (?:necesari[oa]|falta)|innecesari[oa]",
    "pt": r"não (?:é|será) (?:necessári[oa]|preciso)|desnecessári[oa]|não precisa",
    "it": r"non (?:è|sarà) necessari[oa]|non serve|non occorre",
    "nl": r"niet nodig|hoeft niet|overbodig",
    "pl": r"nie (?:jest|będzie) (?:potrzebn|konieczn|wymagan)\w*|niepotrzebn\w*",
    "sv": r"behövs inte|inte nödvändig\w*|onödig\w*",
    "da": r"ikke nødvendig\w*|behøves ikke|unødvendig\w*",
    "nb": r"ikke nødvendig\w*|trengs ikke|behøves ikke|unødvendig\w*",
    # Finnish puts the negated verb after its noun: "Tietovuotoa ei ole tapahtunut" (no leak happened).
    "fi": r"ei (?:ole )?(?:tarpeen|tarpeellinen|tarpeellista|välttämätön|välttämätöntä|tarvita)|tarpeeton\w*"
    r"|ei (?:ole )?(?:tapahtunut|sattunut)",
    # Turkish likewise: "avukata ihtiyacımız yok", "veri kaybı yaşanmadı", "iki kez ücret alınmadı".
    "tr": r"(?:ihtiyac\w*|gerek) yok|gerekmiyor|gerekli değil|yaşanmadı|olmadı|söz konusu değil|alınmadı|çekilmedi"
    r"|tahsil edilmedi",
    "cs": r"(?:není|nebude) (?:potřeba|nutn\w*|třeba)|zbytečn\w*",
}
_NOT_NEEDED = {
    language: re.compile(r"\A\W*+(?:\w++\W++){0,3}?(?:" + words.replace("'", "['’]") + r")\b", re.IGNORECASE)
    for language, words in _NOT_NEEDED_WORDS.items()
}
# A condition after it makes the not-needed a threat: "ein Anwalt ist nicht nötig, solange Sie zahlen - sonst ...".
_OTHERWISE = {
    language: _cue_pattern(words)
    for language, words in {
        "fr": r"sinon|tant que|à condition que|faute de quoi",
        "de": r"solange|sonst|andernfalls|anderenfalls|vorausgesetzt",
        "es": r"siempre que|de lo contrario|si no|en caso contrario",
        "pt": r"desde que|senão|caso contrário",
        "it": r"purché|finché|altrimenti|in caso contrario",
        "nl": r"zolang|anders|tenzij|mits",
        "pl": r"dopóki|pod warunkiem|w przeciwnym razie|inaczej",
        "sv": r"så länge|annars|förutsatt",
        "da": r"så længe|ellers|forudsat",
        "nb": r"så lenge|ellers|forutsatt|med mindre",
        "fi": r"kunhan|muuten|muussa tapauksessa|edellyttäen",
        "tr": r"sürece|aksi (?:halde|takdirde)|yoksa|şartıyla",
        "cs": r"pokud|jinak|dokud|za předpokladu|v opačném případě",
    }.items()
}
# Termination rights are a legal matter when invoked, not when asked about ("Dürfen wir fristlos kündigen?").
_COUNTS_AS = {"termination_rights": "legal_action"}

# A cue that counts only beside a word of its sentence: a thing "started again" is a fault come back only beside a
# fault word or the fix it undid ("le lezioni sono ricominciate": a term, no fault). Word stems: any ending.
_SENTENCE_NEEDS_WORDS: dict[str, dict[str, str]] = {
    "recurring_fault": {
        "fr": r"problème|erreur|bug|bogue|panne|souci|doublon|plantage|dysfonctionnement|corrig|résolu|réparé",
        "de": r"fehler|problem|bug|störung|absturz|abgestürzt|duplikat|doppelt|behoben|korrigiert|repariert",
        "es": r"problema|error|fallo|falla|bug|duplicad|duplicar|bloque|arreglad|solucionad|corregid",
        "pt": r"problema|erro|falha|falhar|bug|duplicad|duplicar|trava|corrigid|resolvid|consertad",
        "it": r"problema|errore|guasto|difetto|bug|duplicat|blocc|anomali|malfunzionament|risolt|corrett|sistemat",
        "nl": r"probleem|fout|storing|bug|crash|dubbel|vastlop|opgelost|verholpen|gerepareerd",
        "pl": r"problem|błąd|błęd|usterk|awari|duplikat|zduplikowan|zawiesz|naprawion|poprawion|rozwiązan",
        "sv": r"problem|fel|bugg|krasch|dubblett|hänger|åtgärdat|fixat|löst|rättat",
        "da": r"problem|fejl|nedbrud|crash|dublet|rettet|løst|fikset",
        "nb": r"problem|feil|nedbrudd|krasj|duplikat|dublett|rettet|løst|fikset|reparert",
        "fi": r"ongelm|vik|virhe|bugi|kaatu|jumi|duplikaat|tupla|korjat|korjaus|korjattu|ratkaist",
        "tr": r"sorun|hata|arıza|problem|çök|mükerrer|düzelt|çözül|giderild",
        "cs": r"problém|chyb|závad|poruch|výpad|duplicit|zasek|opraven|vyřešen",
    },
}
# A cue that its sentence makes routine. Records "gone" with thanks are a fix confirmed ("han desaparecido, muchas
# gracias"). A termination right said to be possible, after a move, asked about indirectly ("saber si", "czy", "ob")
# or breached by the customer's own side ("por nuestra parte") is no termination invoked. Polish payments asked
# about ("?") or of one kind ("płatności gotówkowych": a setting) are no outage. A leak supposed ("en cas de fuite de
# données") or a procedure for one is no incident, and neither is another company's file sent to us ("envoi par
# erreur"): a mail misdirected by a person is a breach for legal (legal.exposure reads it), not a product fault.
_SENTENCE_VETO_WORDS: dict[str, dict[str, str]] = {
    "data_loss": {
        "fr": r"merci",
        "de": r"danke|vielen dank",
        "es": r"gracias",
        "pt": r"obrigad[oa]",
        "it": r"grazie",
        "nl": r"bedankt|dank (?:je|u)",
        "pl": r"dziękuj\w*|dzięki",
        "sv": r"tack",
        "da": r"tak",
        "nb": r"takk",
        "fi": r"kiitos|kiitoksia|kiitämme",
        "tr": r"teşekkür\w*|sağ ?olun",
        "cs": r"děkuj\w*|díky",
    },
    "termination_rights": {
        "fr": r"possible|déménag\w*|(?:savoir|demander|confirmer|indiquer|préciser) si|de notre (?:part|côté)",
        "de": r"möglich|zulässig|sonderkündigung\w*|umzug\w*|ob|unsererseits|von unserer seite",
        "es": r"posible|mudanza|(?:saber|pregunt\w*|consultar|confirm\w*|indi\w*|aclar\w*) si|por nuestra parte",
        "pt": r"possível|mudança de (?:casa|endereço)|(?:saber|pergunt\w*|confirm\w*|inform\w*) se"
        r"|(?:da|de) nossa parte",
        "it": r"possibile|trasloco|(?:sapere|chied\w*|conferm\w*|capire|indicar\w*) se|da parte nostra",
        "nl": r"mogelijk|verhuizing|(?:weten|vragen|vraag|bevestigen) of|van onze kant|onzerzijds",
        "pl": r"możliw\w*|przeprowadzk\w*|czy|z naszej strony",
        "sv": r"möjlig\w*|flytt\w*|(?:veta|fråga|undrar|bekräfta) om|från vår sida",
        "da": r"mulig\w*|flytning|(?:vide|spørge|høre|bekræfte) om|fra vores side",
        "nb": r"mulig\w*|flytting|(?:vite|spørre|høre|bekrefte) om|fra vår side",
        "fi": r"mahdollis\w*|muutt\w*|voiko|voimmeko|onko|(?:meidän|omalta) puoleltamme",
        "tr": r"mümkün\w*|taşın\w*|(?:öğrenmek|sormak) ist\w*|bizim taraf\w*",
        "cs": r"možn\w*|stěhován\w*|zda|jestli|z naší strany",
    },
    "outage": {"pl": r"płatnoś\w* (?:gotówk|kart)\w*|płatnoś\w*(?=[^?]*\?)"},
    "security_incident": {
        "fr": r"en cas d[e']|si jamais|procédure|envoy\w*|envoi|par erreur",
        "de": r"im fall\w*|falls|für den fall|verfahren|vorgehen|geschickt|gesendet|zugeschickt|versehentlich",
        "es": r"en caso de|si alguna vez|procedimiento|enviad\w*|envío|por error",
        "pt": r"em caso de|se alguma vez|procedimento|enviad\w*|envio|por engano",
        "it": r"in caso di|se mai|procedura|inviat\w*|invio|per errore",
        "nl": r"in geval van|mocht|procedure|gestuurd|verstuurd|toegestuurd|per ongeluk",
        "pl": r"w (?:razie|przypadku)|procedur\w*|wysła\w*|przesła\w*|omyłkowo|przez pomyłkę",
        "sv": r"i händelse av|om det skulle|rutin\w*|skickat?|skickade|av misstag",
        "da": r"i tilfælde af|hvis der skulle|procedure\w*|sendt|tilsendt|ved en fejl",
        "nb": r"i tilfelle|hvis det skulle|rutine\w*|prosedyre\w*|sendt|tilsendt|ved en feil\w*",
        "fi": r"siinä tapauksessa|(?:jos|mikäli) (?:joskus|sattuisi)|menettely\w*|ohje\w*|lähetet\w*|lähetti\w*"
        r"|vahingossa",
        "tr": r"durumunda|halinde|olursa|prosedür\w*|gönderil\w*|yanlışlıkla",
        "cs": r"v případě|pro případ|postup\w*|posla\w*|zasla\w*|omylem",
    },
}
# A subject that makes records "gone" a fix: duplicates, errors or warnings that disappeared.
_SUBJECT_VETO_WORDS: dict[str, dict[str, str]] = {
    "data_loss": {
        "fr": r"doublon\w*|erreur\w*|avertissement\w*|alerte\w*",
        "de": r"duplikat\w*|doppelt\w*|fehler\w*|warnung\w*",
        "es": r"duplicad\w*|error\w*|aviso\w*|alerta\w*",
        "pt": r"duplicad\w*|erro\w*|aviso\w*|alerta\w*",
        "it": r"duplicat\w*|error\w*|avvis\w*",
        "nl": r"dubbel\w*|fout\w*|waarschuwing\w*",
        "pl": r"duplikat\w*|zdublowan\w*|błęd\w*|ostrzeżen\w*",
        "sv": r"dubblett\w*|fel(?:en|et|meddelande\w*)?|varning\w*",
        "da": r"dublet\w*|fejl\w*|advarsel\w*|advarsler",
        "nb": r"duplikat\w*|dublett\w*|feil\w*|advarsel\w*|advarsler",
        "fi": r"duplikaat\w*|tupla\w*|kaksoiskappale\w*|virhe\w*|varoitu\w*",
        "tr": r"mükerrer\w*|kopya\w*|hata\w*|uyarı\w*",
        # Whole forms of "chyba" (an error), not "chybí" (is missing), the verb the cue is built on.
        "cs": r"duplicit\w*|duplikát\w*|chyb(?:a|y|ě|u|o|ou|ám|ami|ách)?|chybov\w*|varování",
    },
}
_SENTENCE_NEEDS = {
    signal: {language: _cue_pattern(rf"(?:{words})\w*") for language, words in table.items()}
    for signal, table in _SENTENCE_NEEDS_WORDS.items()
}
_SENTENCE_VETOES = {
    signal: {language: _cue_pattern(words) for language, words in table.items()}
    for signal, table in _SENTENCE_VETO_WORDS.items()
}
_SUBJECT_VETOES = {
    signal: {language: _cue_pattern(words) for language, words in table.items()}
    for signal, table in _SUBJECT_VETO_WORDS.items()
}
# A chargeback, a refund or fraud named as a rate is the customer's own business figure, not a dispute
# (docs/labelling.md: "our chargeback rate is low"): "notre taux de rétrofacturation", "chargeback-rate på 0,2 %",
# "Erstattungsquote", "wskaźnik chargebacków". The rate word before the cue, after it, or ending its compound.
_RATES_OF = frozenset({"chargeback", "refund_request", "fraud"})
_RATE_BEFORE_WORDS = {
    "fr": r"taux (?:de |d')|pourcentage (?:de |d')|ratio (?:de |d')",
    "de": r"(?:quote|anteil|rate) (?:der|an)",
    "es": r"(?:tasa|índice|ratio|porcentaje) de",
    "pt": r"(?:taxa|índice|percentual|porcentagem|rácio) de",
    "it": r"(?:tasso|percentuale|indice) di",
    "nl": r"percentage|aandeel|ratio",
    "pl": r"wskaźnik\w*|odset\w*|poziom\w*|procent\w*",
    "sv": r"andel(?:en)?|nivå(?:n)?",
    "da": r"andel(?:en)?|niveau(?:et)?",
    "nb": r"andel(?:en)?|nivå(?:et)?",
    "fi": r"osuu\w*|taso\w*",
    "tr": r"oran\w*",
    "cs": r"mír\w*|podíl\w*|procent\w*",
}
_RATE_BEFORE = {
    language: re.compile(r"\b(?:" + words.replace("'", "['’]") + r")\s*\Z", re.IGNORECASE)
    for language, words in _RATE_BEFORE_WORDS.items()
}
_RATE_WORD = r"(?:rate|raten|ratio|quote|quoten|quota|andel|procent|percentage|niveau|oranı|oranımız)"
_RATE_AFTER = re.compile(rf"[ \t-]?{_RATE_WORD}\b", re.IGNORECASE)
_RATE_COMPOUND = re.compile(rf"{_RATE_WORD}\Z", re.IGNORECASE)
_RATE_REACH = 30  # characters before a cue looked at for its rate word

# A data-protection law or "personal data" named in a ticket that asks a how-to question is the customer's own
# compliance work ("our DPO wants all contacts exported under the GDPR: how do I export them?"), a routine ask, not a
# privacy request, unless the writer asks about their own data or invokes a right ("mes données", "Recht auf
# Löschung") or the ticket names a problem the law is cited for (a leak, a regulator, a lawsuit, fraud, lost data).
_OWN_DATA_WORDS = {
    "fr": r"mes données|me concernant|sur moi|droit (?:d'accès|à l'effacement|à l'oubli|d'opposition|de rectification)",
    "de": r"meine (?:\w+ )?\w*daten|über mich|recht auf (?:auskunft|löschung|vergessenwerden|berichtigung)"
    r"|auskunftsersuchen|datenauskunft|selbstauskunft",
    "es": r"mis datos|sobre mí|derecho (?:de|al) (?:acceso|supresión|rectificación|oposición|olvido)",
    "pt": r"meus dados|sobre mim|direito (?:de|ao|à) (?:acesso|eliminação|apagamento|retificação|esquecimento)",
    "it": r"miei dati|che mi riguardan\w*|diritto (?:di accesso|alla cancellazione|all'oblio|di rettifica)",
    "nl": r"mijn (?:\w+ )?\w*gegevens|over mij|inzageverzoek"
    r"|recht op (?:inzage|verwijdering|vergetelheid|rectificatie)",
    "pl": r"moich (?:\w+ )?danych|moje (?:\w+ )?dane|moimi (?:\w+ )?danymi|mnie dotycz\w*"
    r"|prawo do (?:dostępu|usunięcia|bycia zapomnianym|sprostowania)",
    "sv": r"mina (?:\w+ )?\w*uppgifter|min data|om mig|registerutdrag"
    r"|rätt(?:en)? (?:till|att) (?:tillgång|radering|bli bortglömd|rättelse)",
    "da": r"mine (?:\w+ )?\w*(?:data|oplysninger)|om mig|indsigtsanmodning"
    r"|ret(?:ten)? til (?:indsigt|sletning|at blive glemt|berigtigelse)",
    "nb": r"mine (?:\w+ )?\w*(?:data|opplysninger)|om meg|innsynsbegjæring|innsynskrav"
    r"|rett(?:en)? til (?:innsyn|sletting|å bli glemt|retting)",
    "fi": r"tietoni|henkilötietoni|(?:minua|minusta) (?:koskevat|tallennetut)|omat (?:\w+ )?tiedot"
    r"|oikeu\w* (?:tarkastaa|saada pääsy|tulla unohdetuksi)|tarkastusoikeu\w*|poistopyyn\w*",
    "tr": r"verilerim\w*|bilgilerim\w*|hakkımdaki|(?:silinme|erişim|unutulma) hakk\w*",
    "cs": r"(?:mých|moje|mé) (?:\w+ )?(?:údaj\w*|dat|data)|(?:mě|mne) týk\w*"
    r"|právo na (?:přístup|výmaz|opravu|být zapomenut)",
}
_CITED_FOR = frozenset({"security_incident", "regulator_complaint", "legal_action", "fraud", "data_loss"})
_OWN_DATA = {language: _cue_pattern(words) for language, words in _OWN_DATA_WORDS.items()}

# Technical evidence that no English signal reads in another language's ticket: a vendor's error code ("E-SFTP-13",
# "ORA-00942"), an HTTP client error with its English reason phrase ("429 Too Many Requests"; the server errors
# and "HTTP 500" are read by triage.text.language) or a failure message quoted between single quotes ('Export job
# failed'; not an apostrophe: "l'export"). Not alone: a case, an order or an invoice number has a code's shape
# ("RSD-4411/26", "PO-2231"), so it counts as an error code only with the language's word for a failure near it
# (_FAILURE_WORDS: "fallisce", "ne fonctionne plus", "çalışmıyor").
_TECHNICAL_CODE = re.compile(
    r"(?<![\w'’])'[^'\n]{0,60}?\b(?i:failed|failure|error|exception|timed out|timeout|denied|refused)\b"
    r"[^'\n]{0,60}'(?![\w'’])"
    r"|\b[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]{1,10}){0,2}-\d{2,6}\b(?![/.-]\d)"
    r"|\b4\d\d (?:Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Request Timeout|Conflict"
    r"|Payload Too Large|Unprocessable Entity|Too Many Requests)\b"
)
_FAILURE_WORDS = {
    "fr": r"échou\w*|en échec|ne (?:fonctionne|marche) (?:plus|pas)|erreurs?|plant\w*",
    # "fehl" is the particle of "schlägt ... fehl", however far from its verb.
    "de": r"fehlgeschlagen|fehl|scheiter\w*|funktioniert (?:\w+ )?nicht|fehler\w*|bricht (?:\w+ )?ab",
    "es": r"fall(?:a|an|ó|aron|ando|ido|ida)|no funciona\w*|error|errores",
    "pt": r"falh(?:a|am|ou|aram|ando|ado|ada)|não funciona\w*|erros?",
    "it": r"fallisc\w*|fallit\w*|non funziona\w*|errore|errori|in errore|si blocca\w*",
    "nl": r"mislukt\w*|faalt|falen|werkt\w* niet|fout(?:en|melding\w*)?",
    "pl": r"nie działa\w*|błąd|błędu|błędem|błędy|błędów|nie powiod\w*|niepowodzeni\w*",
    # Not the bare Swedish "fel", Danish "fejl" or Norwegian "feil", which also say "wrong" ("fel belopp").
    "sv": r"misslyck\w*|fungerar inte|felmeddelande\w*|felkod\w*|felet|kraschar|kraschade",
    "da": r"mislykke\w*|fejler|fejlede|virker ikke|fungerer ikke|fejlmeddelelse\w*|fejlkode\w*|fejlen",
    "nb": r"mislykke\w*|feiler|feilet|virker ikke|fungerer ikke|feilmelding\w*|feilkode\w*|feilen",
    "fi": r"epäonnistu\w*|ei toimi|eivät toimi|virhe\w*|kaatuu|kaatui",
    "tr": r"başarısız\w*|çalışmıyor\w*|hata\w*",
    "cs": r"selh\w*|nefunguj\w*|chyb(?:a|y|ou|ě|ami)|chybov\w*",
}
_FAILURE = {language: _cue_pattern(words) for language, words in _FAILURE_WORDS.items()}
_FAILURE_REACH = 200  # characters either side of a code looked at for a failure word
# A code named as a document is its identifier, whatever failure word is near ("la facture FAC-2026-0112 contient
# une erreur de TVA" is a billing mistake): the language's word for an invoice, an order, a contract or a customer
# number right before it, or a document's dated shape (a prefix, a year, a serial: "RE-2026-118").
_DOCUMENT_WORDS = {
    "fr": r"factures?|commandes?|contrats?|devis|avoir|numéro client|n° client|référence",
    "de": r"rechnung\w*|bestellung\w*|auftrag\w*|vertrag\w*|angebot\w*|gutschrift\w*|kundennummer",
    "es": r"facturas?|pedidos?|contratos?|presupuestos?|albarán|orden de compra|número de cliente",
    "pt": r"faturas?|nota fiscal|pedidos?|contratos?|orçamentos?|número de cliente",
    "it": r"fattur[ae]|ordin[ei]|contratt[oi]|preventiv[oi]|nota di credito|codice cliente",
    "nl": r"factu(?:u|r)\w*|bestelling\w*|order\w*|contract\w*|offerte\w*|klantnummer",
    "pl": r"faktur\w*|zamówieni\w*|umow\w*|numer klienta",
    "sv": r"faktura\w*|order\w*|beställning\w*|avtal\w*|kundnummer\w*",
    "da": r"faktura\w*|ordre\w*|bestilling\w*|aftale\w*|kundenummer\w*",
    "nb": r"faktura\w*|ordre\w*|bestilling\w*|avtale\w*|kundenummer\w*",
    "fi": r"lasku\w*|tilaus\w*|tilauksen|sopimus\w*|asiakasnumero\w*",
    "tr": r"fatura\w*|sipariş\w*|sözleşme\w*|müşteri numara\w*",
    "cs": r"faktur\w*|objednáv\w*|smlouv\w*|zákaznické číslo",
}
_NAMED_DOCUMENT = {
    language: re.compile(
        rf"\b(?:{words})(?:[ \t]*(?:n[°ºo]\.?|nr\.?|no\.?|nummer|número|numero|numer|číslo|#|:))?[ \t]*\Z",
        re.IGNORECASE,
    )
    for language, words in _DOCUMENT_WORDS.items()
}
_DATED_DOCUMENT = re.compile(r"[A-Z]{1,5}-(?:19|20)\d\d-\d{1,6}")
# A repeat contact is the writer's own with us: not a system that gets no answer ("Die API liefert noch keine
# Antwort", "El servidor todavía sin respuesta"), not a report made to the writer's own people ("Ya hemos reportado
# el problema a nuestro equipo interno", "Ho già segnalato il problema al mio responsabile") nor an answer awaited from
# a third party ("todavía no hemos recibido respuesta del banco", "van jullie endpoint"). In every language of the
# table: its system nouns, its "to our/my" team or manager (Finnish by the ending "-lleni", Czech and German by the
# dative possessive, in the cue or after it) and
# its "from our/my" or "from the bank, the customer, the supplier, the endpoint".
_SYSTEM_NOUNS = (
    r"api|apis|server\w*|servidor\w*|serveur\w*|webhook\w*|endpoint\w*|endpunkt\w*|schnittstelle|interfa\w*"
    r"|integra(?:tion|ción|ção|zione|tie|cja)\w*|script\w*|gateway\w*|rajapinta\w*|palvelin\w*|sunucu\w*"
)
_SYSTEM_SUBJECT = re.compile(rf"\b(?:{_SYSTEM_NOUNS})\b", re.IGNORECASE)
_PEOPLE = (
    r"equip\w*|team\w*|tým\w*|time|servi\w*|responsab\w*|manager\w*|chef\w*|jef[ea]s?|direc\w*|gerente\w*"
    r"|superv\w*|leidinggevende\w*|vorgesetzt\w*|abteilung\w*|afdeling\w*|avdelning\w*|departament\w*"
    r"|département\w*|dipartiment\w*|ufficio|oddělení|vedoucí\w*|collega\w*|colleg\w*|kolleg\w*|compañer\w*"
    r"|chefe\w*|it|ti|informati\w*|helpdesk|kierownik\w*|przełożon\w*|dział\w*"
)
_OWN_PEOPLE = re.compile(
    r"\b(?:(?:à|au|aux|a|al|ao|aos|alla|ai|an|bei|aan|bij|do|till|til|para (?:o|a)) (?:notre|nos|mon|ma|mes"
    r"|nuestr[oa]s?|mis?|mio|mia|miei|nostr[oaie]|meu|minha|nosso|nossa|unser\w*|mein\w*|ons|onze|mijn|moj\w*"
    r"|mojego|mojej|nasz\w*|min|mitt|vår|vårt|våra|våre|vores|mit) (?:\w+ )?(?:"
    rf"{_PEOPLE})"
    rf"|(?:našemu|našim|mému|mojemu|svému|unserem|unserer|meinem|meiner) (?:{_PEOPLE})|\w+(?:lleni|llemme))\b",
    re.IGNORECASE,
)
_OTHER_PARTY = re.compile(
    r"\b(?:de|del|de la|du|des|da|dal|dalla|dai|do|dos|von|vom|van|od|från|fra|frå) (?:(?:la|le|el|o|a|il|der"
    r"|dem|het|de|den|det|l'|os|los) )?(?:notre|nos|nuestr\w*|nosso\w*|nossa\w*|nostr\w*|unser\w*|ons|onze|nasz\w*"
    r"|vår\w*|vores|banc\w*|banque\w*|bank\w*|client\w*|kunde\w*|klant\w*|klient\w*|fornecedor\w*|proveedor\w*"
    rf"|fornitor\w*|fournisseur\w*|lieferant\w*|leverancier\w*|dostawc\w*|leverantör\w*|partner\w*|{_SYSTEM_NOUNS})\b",
    re.IGNORECASE,
)
# The word "unknown" of a fraud cue, in every language of the table, and a quotation mark opening a label or message.
_UNKNOWN = re.compile(
    r"inconnu|unbekannt|desconocid|desconhecid|sconosciut|onbekend|nieznan|okänd|ukend|ukjent|tuntemat|bilinmeyen"
    r"|neznám",
    re.IGNORECASE,
)
_OPENING_QUOTE = re.compile(r"[\"'„“«‚‘»]\s?\Z")
_DOCUMENT_REACH = 40  # characters before a code looked at for its document word

_SENTENCE_REACH = 200  # characters looked at either side of a cue for its sentence
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_SUBJECT_WORDS = 2  # words before a cue that may be its subject ("die doppelten Bestellungen sind verschwunden")


def multilingual_signals(text: str, language: str) -> dict[str, int]:
    """The escalation signals the table finds in ``text`` written in ``language`` (ISO 639-1); {} for a
    language the table does not cover."""
    if language not in LANGUAGES:
        return {}
    any_questions = _questions(text)
    questions = _how_to_questions(text, any_questions, language)
    supposed = [span for span in questions if _supposed(text, span, language)]
    found: dict[str, int] = {}
    for cue_language, signal, pattern in CUES:
        if cue_language != language:
            continue
        for match in pattern.finditer(text):
            owed = language in _OWED_WHEN_ASKED and _OWED_WHEN_ASKED[language].match(match.group()) is not None
            asked_about = (
                (signal in _NOT_ASKED_ABOUT and not owed and _inside(questions, match.start()))
                or (signal in _COUNTS_AS and _inside(any_questions, match.start()))
                or (signal in _HYPOTHETICAL_IN_QUESTION and _inside(supposed, match.start()))
            )
            if (
                asked_about
                or _negated(text, match.start(), language)
                or _not_needed(text, match.end(), language)
                or not _sentence_allows(text, match, signal, language)
                or (signal in _RATES_OF and _a_rate(text, match, language))
                or (signal == "repeat_contact" and _told_elsewhere(text, match))
                or (signal == "fraud" and _unknown_as_a_label(text, match, questions))
            ):
                continue
            name = _COUNTS_AS.get(signal, signal)
            found[name] = found.get(name, 0) + 1
    if (
        "privacy_regulation" in found
        and questions
        and not _CITED_FOR & found.keys()
        and _OWN_DATA[language].search(text) is None
    ):
        del found["privacy_regulation"]
    codes = _technical_codes(text, language)
    if codes:
        found["error_code"] = codes
    routine = len(questions)
    if not _MONEY_AT_STAKE & found.keys():
        routine += len(_ROUTINE_PATTERNS[language].findall(text))
    if routine:
        found["how_to_question"] = routine
    return found


def _technical_codes(text: str, language: str) -> int:
    """The error codes, client errors and quoted failure messages in ``text`` with a failure word of ``language``
    near them (see _TECHNICAL_CODE)."""
    found = 0
    for match in _TECHNICAL_CODE.finditer(text):
        if _DATED_DOCUMENT.fullmatch(match.group()) or _NAMED_DOCUMENT[language].search(
            text, max(0, match.start() - _DOCUMENT_REACH), match.start()
        ):
            continue
        near = text[max(0, match.start() - _FAILURE_REACH) : match.end() + _FAILURE_REACH]
        if _FAILURE[language].search(near) is not None:
            found += 1
    return found


def _told_elsewhere(text: str, match: re.Match[str]) -> bool:
    """Whether a repeat-contact cue is about someone else's answer or report (see _SYSTEM_SUBJECT, _OWN_PEOPLE,
    _OTHER_PARTY)."""
    before = _CLAUSE_BREAK.split(text[max(0, match.start() - 80) : match.start()])[-1]
    subject = " ".join(_WORD.findall(before)[-_SUBJECT_WORDS:])
    after = _CLAUSE_BREAK.split(text[match.end() : match.end() + 80], maxsplit=1)[0]
    return (
        _SYSTEM_SUBJECT.search(subject) is not None
        or _OWN_PEOPLE.search(match.group() + after) is not None
        or _OTHER_PARTY.search(after) is not None
    )


def _unknown_as_a_label(text: str, match: re.Match[str], how_to: list[tuple[int, int]]) -> bool:
    """Whether "unknown payments" is a product's word, not charges the writer does not recognise: quoted as a
    message or a category ("der Fehler „Unbekannte Buchungsart“") or asked about in a how-to question ("¿Cómo marco
    un pago desconocido en la conciliación?")."""
    if _UNKNOWN.search(match.group()) is None:
        return False
    opening = text[max(0, match.start() - 2) : match.start()]
    return _OPENING_QUOTE.search(opening) is not None or _inside(how_to, match.start())


def _negated(text: str, start: int, language: str) -> bool:
    clause = _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]
    words = [word.lower() for word in _WORD.findall(clause)][-_NEGATION_WINDOW:]
    negations = [index for index, word in enumerate(words) if word in NEGATORS[language]]
    if not negations:
        return False
    last = negations[-1]
    between_fillers = all(word in _NEGATION_FILLERS[language] for word in words[last + 1 :])
    return between_fillers and not any(word in _CONDITIONS[language] for word in words[:last])


def _sentence_allows(text: str, match: re.Match[str], signal: str, language: str) -> bool:
    """Whether the words around a cue let it count (see _SENTENCE_NEEDS, _SENTENCE_VETOES, _SUBJECT_VETOES)."""
    start, end = match.span()
    before = text[max(0, start - _SENTENCE_REACH) : start]
    opening = _SENTENCE_BREAK.split(before)[-1]
    closing = _SENTENCE_BREAK.split(text[end : end + _SENTENCE_REACH], maxsplit=1)[0]
    question_mark = text[end + len(closing) : end + len(closing) + 1]
    sentence = opening + match.group() + closing + question_mark
    needed = _SENTENCE_NEEDS.get(signal, {}).get(language)
    if needed is not None and needed.search(sentence) is None:
        return False
    veto = _SENTENCE_VETOES.get(signal, {}).get(language)
    if veto is not None and veto.search(sentence) is not None:
        return False
    subject_veto = _SUBJECT_VETOES.get(signal, {}).get(language)
    if subject_veto is None:
        return True
    subject = " ".join(_WORD.findall(_CLAUSE_BREAK.split(before)[-1])[-_SUBJECT_WORDS:]) + " " + match.group()
    return subject_veto.search(subject) is None


def _a_rate(text: str, match: re.Match[str], language: str) -> bool:
    """Whether a cue names a rate (see _RATES_OF)."""
    start, end = match.span()
    return (
        _RATE_COMPOUND.search(match.group()) is not None
        or _RATE_AFTER.match(text, end) is not None
        or _RATE_BEFORE[language].search(text[max(0, start - _RATE_REACH) : start]) is not None
    )


def _not_needed(text: str, end: int, language: str) -> bool:
    clause = _CLAUSE_BREAK.split(text[end : end + 80], maxsplit=1)[0]
    if _NOT_NEEDED[language].match(clause) is None:
        return False
    rest_of_sentence = _SENTENCE_BREAK.split(text[end : end + _SENTENCE_REACH], maxsplit=1)[0]
    return _OTHERWISE[language].search(rest_of_sentence) is None


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of ``spans`` (sorted, not overlapping): a binary search, so a long text
    of many questions and cues stays linear."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and position < spans[index][1]


def _questions(text: str) -> list[tuple[int, int]]:
    return [sentence.span() for sentence in _SENTENCE.finditer(text) if sentence.group().endswith("?")]


def _how_to_questions(text: str, questions: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """The spans of the routine questions among ``questions`` (the spans of the questions in ``text``), in order."""
    spans = []
    for start, end in questions:
        words = [word.lower() for word in _WORD.findall(text[start:end])]
        opening = words[:_OPENING_WORDS]
        if _opens_with_condition(words, language):
            # The question opens its main clause: "Wenn ich ... belastet werde, wie bekomme ich ...?"
            main_clause = _CLAUSE_BREAK.split(text[start:end], maxsplit=1)[-1]
            opening += [word.lower() for word in _WORD.findall(main_clause)[:_OPENING_WORDS]]
        indignant = _INDIGNANT[language].search(text, start, end) is not None
        if not indignant and (
            _asks_whether_possible(text, start, end, language) or set(opening) & _HOW_TO_OPENERS[language]
        ):
            spans.append((start, end))
    return spans


def _opens_with_condition(words: list[str], language: str) -> bool:
    return bool(words) and words[0] in _CONDITIONS[language]


def _asks_whether_possible(text: str, start: int, end: int, language: str) -> bool:
    return language in _ASKING and _ASKING[language].search(text, start, end) is not None


def _supposed(text: str, span: tuple[int, int], language: str) -> bool:
    """Whether a how-to question supposes what it names: it opens with a condition ("Si le paiement est prélevé deux
    fois ..., comment ...?") or asks whether it is possible under one ("Est-il possible que ... si je change de carte
    ?"). Not "Kdy mi vrátíte peníze, když ...?": "když" there reports what happened."""
    start, end = span
    words = [word.lower() for word in _WORD.findall(text[start:end])]
    if _opens_with_condition(words, language):
        return True
    return _asks_whether_possible(text, start, end, language) and bool(set(words) & _CONDITIONS[language])
