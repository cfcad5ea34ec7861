"""Frustration cues: hand-written calm, annoyed, frustrated and angry texts keep their order, scores stay in
[0, 1], and FrustrationCues honours the scikit-learn contract."""

from __future__ import annotations

import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks

from triage.text.frustration import FEATURES, TICKET_VALENCES, FrustrationCues, lexicon_frustration


def cues_for(text: str) -> list[str]:
    return lexicon_frustration([text])[0][2]


CALM = [
    "Hi, how do I export my invoices to CSV? Thanks!",
    "Could you add a second admin to our workspace? Much appreciated.",
    "Quick question: does the Pro plan include SSO?",
    "Hello team, the new dashboard looks great. Where can I find the usage report?",
    "Please update our billing address to 12 Main Street. Thank you.",
    "Dear Support, pursuant to clause 12 of our agreement, our client reserves the right to pursue legal "
    "action unless the records are returned within 14 days. Kind regards, Counsel for Acme Ltd.",
]
ANNOYED = [
    "This is a bit annoying, the export keeps timing out.",
    "I'm disappointed that the report still shows last week's numbers.",
    "The sync failed again this morning, can someone take a look?",
    "Slightly irritated that I had to reset my password twice today.",
    "The new editor is confusing and I can't find the save button.",
    "Not great that the invoice arrived late again.",
]
FRUSTRATED = [
    "I'm frustrated, this is the third time I'm asking and it's still not fixed.",
    "This is unacceptable. We have been waiting two weeks for a reply!!",
    "I am fed up with the constant outages, this is a waste of our time.",
    "How many times do I have to explain this? The import is still broken.",
    "Honestly this is ridiculous, every update breaks something new.",
    "I already told you the steps twice. Nothing works and I'm sick of it.",
]
ANGRY = [
    "THIS IS RIDICULOUS!!! YOUR APP DELETED EVERYTHING AND NOBODY ANSWERS. I WILL SUE YOU!!!",
    "Thanks for nothing. Great job... not. Worst support ever, you clowns.",
    "I hate this new colour, it is the ugliest thing I have ever seen, absolutely unacceptable!!!",
    "What a joke. You idiots charged me twice and I'll leave a 1-star review on Trustpilot.",
    "This is the worst service I have ever paid for. Fix it today or I will cancel and tell everyone!!!",
    "ARE YOU KIDDING ME??? FOURTH TIME I AM WRITING. THIS IS DISGUSTING AND COMPLETELY USELESS.",
]
LEVELS = [(0, text) for text in CALM] + [(1, text) for text in ANNOYED]
LEVELS += [(2, text) for text in FRUSTRATED] + [(3, text) for text in ANGRY]


@pytest.mark.parametrize(("expected", "text"), LEVELS, ids=[f"{level}:{text[:30]}" for level, text in LEVELS])
def test_level_is_within_one_of_the_hand_label(expected: int, text: str) -> None:
    [(score, level, _)] = lexicon_frustration([text])
    assert 0.0 <= score <= 1.0
    assert abs(level - expected) <= 1, (score, level)


def test_levels_are_monotonic_on_average() -> None:
    means = [
        np.mean([score for score, _, _ in lexicon_frustration(group)]) for group in (CALM, ANNOYED, FRUSTRATED, ANGRY)
    ]
    assert means == sorted(means)
    assert means[3] - means[0] > 0.5


def test_every_angry_text_outscores_every_calm_text() -> None:
    calm = max(score for score, _, _ in lexicon_frustration(CALM))
    angry = min(score for score, _, _ in lexicon_frustration(ANGRY))
    assert angry > calm


def test_extremes_get_the_extreme_levels() -> None:
    lawyer_letter, caps_rant = CALM[-1], ANGRY[0]
    [(_, lawyer_level, _), (_, rant_level, _)] = lexicon_frustration([lawyer_letter, caps_rant])
    assert lawyer_level <= 1
    assert rant_level == 3


def test_cues_are_readable() -> None:
    cues = cues_for(ANGRY[0])
    assert '"ridiculous"' in cues
    assert "all-caps shouting" in cues
    assert "threatens legal action" in cues
    assert any(cue.startswith("sarcasm") for cue in cues_for(ANGRY[1]))
    assert any(cue.startswith("repeat contact") for cue in cues_for(FRUSTRATED[0]))
    assert cues_for("Hi, how do I export my invoices?") == []


@pytest.mark.parametrize(
    "text",
    [
        "I cancelled last month and you still took $49. I want that money back.",
        "If it's not refunded by Friday I will dispute it with my bank.",
        "Five calls and nobody calls back.",
        "Did you sell my data to these people?",
        "That's not what we agreed on the sales call.",
    ],
)
def test_demands_and_accusations_are_frustration_cues(text: str) -> None:
    [(score, level, cues)] = lexicon_frustration([text])
    assert any(cue.startswith("demands or accusations") for cue in cues), cues
    assert level >= 1


@pytest.mark.parametrize(
    "calm",
    [
        "Could you send the invoice again? We need it for our records. If it is not too much trouble, thanks.",
        "Please fix this.",
        "Unless you tell me otherwise, I will send the signed contract tomorrow.",
        "If it is not too late, we will add two seats.",
        "We need the money back in the sub-account before payroll.",
    ],
)
def test_requests_are_not_demands(calm: str) -> None:
    assert not any(cue.startswith("demands") for cue in cues_for(calm))


def test_acronyms_are_not_shouting() -> None:
    assert "all-caps shouting" not in cues_for("Our GDPR and HIPAA audit needs the API and SSO logs in CSV.")


def test_empty_and_whitespace_texts_are_calm() -> None:
    assert [result[:2] for result in lexicon_frustration(["", "   \n"])] == [(0.0, 0), (0.0, 0)]


def test_long_texts_score_their_ends() -> None:
    filler = " ".join(f"Step {i} of the import was fine." for i in range(50))
    [(score, level, _)] = lexicon_frustration([f"THIS IS UNACCEPTABLE!!! {filler} I AM FURIOUS!!!"])
    assert level >= 2 and 0.0 <= score <= 1.0


# --- FrustrationCues --------------------------------------------------------------------------------------

TEXTS = CALM + ANNOYED + FRUSTRATED + ANGRY + [""]


@parametrize_with_checks([FrustrationCues()])
def test_sklearn_checks(estimator, check) -> None:  # noqa: ANN001
    # With string input tags, scikit-learn runs only the checks that apply to raw-text estimators (as for
    # its own HashingVectorizer); the contract tests below cover the rest on text.
    check(estimator)


@pytest.mark.parametrize(
    "check_name",
    [
        "check_no_attributes_set_in_init",
        "check_get_params_invariance",
        "check_set_params",
        "check_parameters_default_constructible",
        "check_valid_tag_types",
        "check_estimator_repr",
        "check_mixin_order",
        "check_do_not_raise_errors_in_init_or_set_params",
    ],
)
def test_sklearn_api_checks_that_need_no_numeric_data(check_name: str) -> None:
    getattr(estimator_checks, check_name)("FrustrationCues", FrustrationCues())


def test_transform_shape_names_and_ranges() -> None:
    features = FrustrationCues().fit(TEXTS).transform(TEXTS)
    names = list(FrustrationCues().get_feature_names_out())
    assert features.shape == (len(TEXTS), len(FEATURES)) == (len(TEXTS), len(names))
    assert features.dtype == np.float64 and np.isfinite(features).all()
    score = features[:, names.index("frustration:lexicon_score")]
    assert ((score >= 0) & (score <= 1)).all()
    np.testing.assert_allclose(score, [s for s, _, _ in lexicon_frustration(TEXTS)])


def test_transform_is_stateless_and_row_independent() -> None:
    model = FrustrationCues()
    whole = model.transform(TEXTS)  # nothing to learn: usable without fit
    assert vars(model) == vars(FrustrationCues().fit(TEXTS))
    np.testing.assert_array_equal(whole, np.vstack([model.transform([text]) for text in TEXTS]))
    np.testing.assert_array_equal(model.transform(pd.Series(TEXTS)), whole)
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(model)).transform(TEXTS), whole)
    np.testing.assert_array_equal(clone(model).transform(TEXTS), whole)


def test_rejects_what_is_not_a_batch_of_texts() -> None:
    with pytest.raises(ValueError, match="string object received"):
        FrustrationCues().transform("one string")
    with pytest.raises(TypeError, match="text 0"):
        FrustrationCues().transform([3.5])


# --- VADER sentiment (our vectorised re-implementation) ----------------------------------------------------

VADER_EXAMPLES = [
    "VADER is smart, handsome, and funny.",
    "VADER is very smart, handsome, and funny!!!",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is not smart, handsome, nor funny.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "No problem at all, thanks.",
    "The job failed again and nobody told us, which is bad.",
    "Don't ruin it for him??",
    "Thanks, the fix works :) but the export is still slow :(",
]


@pytest.mark.parametrize("text", VADER_EXAMPLES)
def test_sentiment_agrees_with_vader_sentiment(text: str) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    analyser.lexicon.update(TICKET_VALENCES)  # the words a ticket reads differently ("problem" is the stakes)
    expected = analyser.polarity_scores(text)
    [row] = FrustrationCues().transform([text])[:, :4]
    np.testing.assert_allclose(row, [expected[key] for key in ("neg", "neu", "pos", "compound")], atol=0.01)


def test_sentiment_lexicon_loads_on_first_use_not_at_import() -> None:
    code = "import sys, triage.text.frustration; print('vaderSentiment' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_angry_and_annoyed_emoji_are_cues_and_friendly_ones_are_not():
    angry, annoyed, friendly = (lexicon_frustration([f"Where is my order {emoji}"])[0] for emoji in "😡🙄🙂")
    assert angry[1] >= 2 and '"😡"' in angry[2]
    assert annoyed[1] >= 1 and '"🙄"' in annoyed[2]
    assert friendly[1] == 0 and not friendly[2]
