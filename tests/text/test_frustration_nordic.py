"""Swedish, Danish, Norwegian, Finnish and Turkish frustration cue tables: annoyance, anger, repeat contact, demands,
being stonewalled and threats to leave heard at the labelling guide's levels, and twins that must not move: a negated
cue (Turkish negates after the word: "öfkeli değilim"), a resend asked with "igen", the customer's own step not taken
yet, the customer's own slip, a routine cancellation notice, a prospect moving from another supplier, "immediately"
describing a crash. Every sentence is our own invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration
from triage.text.language import detect_language

# (language, text, cues heard, lowest level)
HEARD = [
    (
        "sv",
        "Hej, det här är tredje gången jag skriver om samma faktura och ingen har svarat. Det är helt oacceptabelt.",
        ["oacceptabelt", "tredje gången", "ingen har svarat"],
        3,
    ),
    (
        "sv",
        "Det är skandal och jag är förbannad. Jag kräver att få prata med en chef i dag.",
        ["skandal", "förbannad", "jag kräver"],
        3,
    ),
    (
        "sv",
        "Jag har fortfarande inte fått mina pengar tillbaka trots att ni lovade mig en återbetalning förra veckan.",
        ["fortfarande inte", "ni lovade mig"],
        2,
    ),
    ("sv", "Jag är ärligt talat ganska besviken, synkroniseringen misslyckades igen i morse.", ["besviken"], 1),
    (
        "sv",
        "Om inget händer före månadsskiftet kommer vi att säga upp avtalet och byta leverantör.",
        ["threatens to leave"],
        1,
    ),
    (
        "da",
        "Hej. Det er tredje gang, jeg skriver til jer om den samme faktura, og ingen har svaret mig endnu. Det er helt "
        "uacceptabelt, og jeg forventer en forklaring hurtigst muligt.",
        ["uacceptabelt", "tredje gang", "ingen har svaret", "hurtigst muligt"],
        3,
    ),
    (
        "da",
        "Det er en skandale, og jeg er rasende over jeres håndtering af sagen. Jeg kræver at tale med en chef i dag, "
        "ellers finder vi en anden leverandør.",
        ["skandale", "rasende", "jeg kræver", "threatens to leave"],
        3,
    ),
    (
        "da",
        "Jeg har stadig ikke fået mine penge tilbage, selvom I lovede mig en refusion i sidste uge. Hvornår kommer "
        "pengene?",
        ["stadig ikke", "i lovede mig"],
        2,
    ),
    (
        "da",
        "Jeg er skuffet over, at opdateringen endnu en gang har slettet vores indstillinger. Det er ikke i orden.",
        ["skuffet", "endnu en gang"],
        1,
    ),
    (
        "da",
        "Hvis intet sker inden udgangen af måneden, vil vi skifte leverandør. Vi har ventet længe nok på en løsning.",
        ["threatens to leave"],
        1,
    ),
    # Norwegian, Finnish and Turkish (Turkish negates after the word: "öfkeli değilim")
    (
        "nb",
        "Hei, dette er tredje gang jeg skriver om den samme fakturaen, og ingen har svart meg. Det er helt "
        "uakseptabelt.",
        ["uakseptabelt", "tredje gang", "ingen har svart"],
        3,
    ),
    ("nb", "Jeg er ærlig talt ganske skuffet, synkroniseringen feilet igjen i morges.", ["skuffet"], 1),
    (
        "nb",
        "Jeg har fortsatt ikke fått pengene tilbake, selv om dere lovet meg en refusjon forrige uke.",
        ["fortsatt ikke", "dere lovet meg"],
        2,
    ),
    (
        "nb",
        "Hvis ingenting skjer før månedsskiftet, kommer vi til å si opp avtalen og bytte leverandør.",
        ["threatens to leave"],
        1,
    ),
    (
        "fi",
        "Hei, kirjoitan nyt kolmatta kertaa samasta laskusta, eikä kukaan ole vastannut. Tämä on täysin kestämätöntä.",
        ["kolmatta kertaa", "eikä kukaan ole vastannut", "kestämätöntä"],
        3,
    ),
    ("fi", "Olen todella pettynyt, synkronointi kaatui taas tänä aamuna.", ["pettynyt"], 1),
    (
        "fi",
        "En ole vieläkään saanut rahojani takaisin, vaikka lupasitte minulle hyvityksen viime viikolla.",
        ["en ole vieläkään", "lupasitte minulle"],
        2,
    ),
    (
        "fi",
        "Jos asia ei ratkea kuun loppuun mennessä, joudumme irtisanomaan sopimuksen ja vaihtamaan toimittajaa.",
        ["threatens to leave"],
        1,
    ),
    (
        "tr",
        "Merhaba, aynı fatura için üçüncü kez yazıyorum ve hâlâ hiçbir yanıt alamadım. Bu kabul edilemez.",
        ["üçüncü kez", "hiçbir yanıt alamadım", "kabul edilemez"],
        3,
    ),
    ("tr", "Açıkçası biraz hayal kırıklığına uğradım, senkronizasyon bu sabah yine çöktü.", ["hayal kırıklığı"], 1),
    (
        "tr",
        "Paramı hâlâ geri alamadım, oysa geçen hafta iade edeceğinize söz vermiştiniz.",
        ["söz vermiştiniz"],
        2,
    ),
    ("tr", "Bu hafta sorun çözülmezse başka bir sağlayıcıya geçeceğiz.", ["threatens to leave"], 1),
]

CALM = [
    ("sv", "Hej! Kan ni skicka fakturan igen? Jag hittar den inte i mejlen. Tack på förhand."),
    ("sv", "Det är ingen katastrof, men kan ni titta på exporten när ni hinner?"),
    ("sv", "Jag är inte arg, bara lite förvirrad över hur rabatten räknas ut."),
    ("sv", "Vi har fortfarande inte hunnit testa den nya versionen, så vi återkommer nästa vecka."),
    ("sv", "Jag har återigen glömt mitt lösenord, förlåt! Kan ni återställa det?"),
    ("sv", "Jag vill säga upp mitt abonnemang från och med nästa månad. Vänliga hälsningar."),
    ("sv", "Vi har bytt till er från en annan leverantör och undrar hur vi importerar våra kunder."),
    ("sv", "Appen kraschar omedelbart efter inloggning på min telefon. Vilken version behöver jag?"),
    (
        "da",
        "Hej, kan I sende fakturaen for november igen? Jeg kan ikke finde den i min indbakke, og vores bogholder "
        "skal bruge den. På forhånd tak.",
    ),
    (
        "da",
        "Det er ingen katastrofe, men vil I kigge på eksporten af vores ordrer, når I har tid? Den mangler nogle "
        "kolonner.",
    ),
    (
        "da",
        "Hej, jeg er ikke vred, bare lidt forvirret over, hvordan rabatten bliver beregnet på vores seneste faktura. "
        "Kan I forklare det?",
    ),
    (
        "da",
        "Vi har stadig ikke nået at teste den nye version af integrationen, så vi vender tilbage til jer i næste uge.",
    ),
    (
        "da",
        "Hej, jeg har endnu en gang glemt min adgangskode, undskyld! Kan I nulstille den, så jeg kan logge ind på "
        "kontoen? Mange tak.",
    ),
    (
        "da",
        "Vi tager mødet om opsætningen en anden gang, det passer os bedre i næste uge. Tak for hjælpen indtil videre.",
    ),
    (
        "da",
        "Jeg vil gerne opsige mit abonnement fra næste måned, da vi lukker butikken. Med venlig hilsen og tak for "
        "samarbejdet.",
    ),
    (
        "da",
        "Vi er skiftet til jer fra en anden leverandør og vil gerne vide, hvordan vi importerer vores kunder fra det "
        "gamle system.",
    ),
    (
        "da",
        "Appen lukker øjeblikkeligt ned, når jeg logger ind på min telefon. Hvilken version af appen skal jeg bruge?",
    ),
    # Norwegian, Finnish and Turkish (Turkish negates after the word: "öfkeli değilim")
    ("nb", "Hei! Kan dere sende fakturaen igjen? Jeg finner den ikke i innboksen. Takk på forhånd."),
    ("nb", "Jeg er ikke sint, bare litt forvirret over hvordan rabatten blir regnet ut på fakturaen."),
    ("nb", "Vi har fortsatt ikke rukket å teste den nye versjonen, så vi kommer tilbake til dere neste uke."),
    (
        "nb",
        "Jeg ønsker å si opp abonnementet mitt fra neste måned, siden vi legger ned butikken. Takk for samarbeidet.",
    ),
    ("fi", "Hei! Voisitteko lähettää marraskuun laskun uudelleen? En löydä sitä sähköpostistani. Kiitos jo etukäteen."),
    ("fi", "En ole vihainen, vain hieman hämmentynyt siitä, miten alennus lasketaan laskullamme."),
    ("fi", "Emme ole vielä ehtineet testata uutta versiota, joten palaamme asiaan ensi viikolla."),
    ("fi", "Irtisanomme sopimuksen päättymään vuoden lopussa, koska lopetamme toimintamme. Kiitos yhteistyöstä."),
    ("tr", "Merhaba, kasım faturasını tekrar gönderebilir misiniz? Gelen kutumda bulamıyorum. Şimdiden teşekkürler."),
    ("tr", "Öfkeli değilim, sadece indirimin faturada nasıl hesaplandığını tam olarak anlamadım."),
    (
        "tr",
        "Yıl sonunda mağazayı kapattığımız için aboneliğimizi iptal etmek istiyoruz. İş birliğiniz için teşekkürler.",
    ),
]


@pytest.mark.parametrize(("language", "text", "heard", "min_level"), HEARD, ids=lambda value: str(value)[:30])
def test_nordic_cues_are_heard_at_the_guides_level(language: str, text: str, heard: list[str], min_level: int) -> None:
    # The tables are read only for a detected language: a sentence the detector misreads tests nothing.
    assert detect_language(text).code == language
    score, level, reasons = lexicon_frustration([text])[0]
    cues = analyse_cues([text])[0].cues
    said = " | ".join(
        [*cues.mild_words, *cues.strong_words, *cues.repeat_contact, *cues.demands, *cues.grievances]
        + [*cues.pressure, *cues.threats]
    )
    for cue in heard:
        assert cue in said, (cue, reasons)
    assert level >= min_level, (score, reasons)


@pytest.mark.parametrize(("language", "text"), CALM, ids=lambda value: str(value)[:30])
def test_nordic_twins_stay_calm(language: str, text: str) -> None:
    assert detect_language(text).code == language
    score, level, reasons = lexicon_frustration([text])[0]
    assert level == 0 and not reasons, (score, reasons)
