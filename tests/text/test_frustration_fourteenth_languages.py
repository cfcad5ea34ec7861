"""Norwegian, Finnish and Turkish frustration cue tables, in the structure of the Swedish and Danish ones: annoyance,
anger, repeat contact, demands, being stonewalled and threats to leave heard at the labelling guide's levels, and
twins that must not move: a resend asked for, a negated feeling (Turkish negates after the word: "öfkeli değilim"),
the customer's own step not taken yet, a routine cancellation notice. Every sentence is our own invention."""

from __future__ import annotations

import pytest

from triage.text.frustration import analyse_cues, lexicon_frustration
from triage.text.language import detect_language

# (language, text, cues heard, lowest level)
HEARD = [
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
def test_cues_are_heard_at_the_guides_level(language: str, text: str, heard: list[str], min_level: int) -> None:
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
def test_twins_stay_calm(language: str, text: str) -> None:
    assert detect_language(text).code == language
    score, level, reasons = lexicon_frustration([text])[0]
    assert level == 0 and not reasons, (score, reasons)
