"""Swedish and Danish frustration cue tables: annoyance, anger, repeat contact, demands, being stonewalled and
threats to leave heard at the labelling guide's levels, and twins that must not move: a negated cue, a resend asked
with "igen", the customer's own step not taken yet, the customer's own slip, a routine cancellation notice, a
prospect moving from another supplier, "immediately" describing a crash. Every sentence is our own invention."""

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
