"""Annoyance the customer plays down ("a bit disappointed", "slightly annoying", "a little frustrating") is level 1
by the labelling guide, alone and beside a learned head; the same word unqualified, or beside another cue, keeps
its score. Sentences written for this test."""

import pytest

from triage.text.frustration import UNDERSTATED_CEILING, analyse_cues, level_beside_a_head


def _analysis(text: str):
    return analyse_cues([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "The nightly export has failed twice this week, which is a little frustrating. Could you check the job?",
        "I'm a bit disappointed that the new dashboard dropped the weekly view. Is it coming back?",
        "It's slightly annoying that the form forgets the billing country each time. Is there a setting?",
        "Honestly, it's a bit of a pain that the CSV loses its last column. Any workaround?",
        "C'est un peu décevant que le tableau de bord ait perdu la vue hebdomadaire. Est-elle prévue ?",
        "Es un poco frustrante y un poco molesto que el formulario olvide el país. ¿Hay alguna opción?",
        "Es ist etwas ärgerlich, dass das Formular das Land vergisst. Gibt es eine Einstellung dafür?",
    ],
)
def test_understated_annoyance_is_level_one(text):
    analysis = _analysis(text)
    assert analysis.cues.understated
    assert analysis.level == 1
    assert level_beside_a_head(analysis.score) == 1


@pytest.mark.parametrize(
    ("understated", "plain"),
    [
        (
            "The nightly export has failed twice this week, which is a little frustrating. Could you check it?",
            "The nightly export has failed twice this week, which is frustrating. Could you check it?",
        ),
        (
            "Es un poco frustrante y un poco molesto que el formulario olvide el país.",
            "Es un poco frustrante y molesto que el formulario olvide el país.",
        ),
    ],
)
def test_the_word_unqualified_keeps_its_score(understated, plain):
    played_down, said = _analysis(understated), _analysis(plain)
    assert not said.cues.understated or said.cues.understated != said.cues.mild_words
    assert played_down.score <= UNDERSTATED_CEILING < said.score
    assert level_beside_a_head(said.score) == 2


def test_the_word_said_again_unqualified_is_not_played_down():
    text = "The sync is a bit disappointing today. Disappointing, since it broke the same way last week."
    assert "disappointing" not in _analysis(text).cues.understated


@pytest.mark.parametrize(
    "text",
    [
        # Another cue beside the understated word: the ceiling does not hold.
        "It's slightly annoying that the form resets, and this is the third time I am writing about it.",
        "It's a little frustrating that the export fails AGAIN!!! Please fix it today.",
    ],
)
def test_understatement_beside_another_cue_is_no_ceiling(text):
    analysis = _analysis(text)
    assert analysis.cues.understated
    assert analysis.score > UNDERSTATED_CEILING
    assert level_beside_a_head(analysis.score) >= 2


def test_a_bit_without_annoyance_is_no_cue():
    analysis = _analysis("I'm not disappointed at all, just a bit lost: where did the export button go?")
    assert not analysis.cues.understated
    assert analysis.level == 0
