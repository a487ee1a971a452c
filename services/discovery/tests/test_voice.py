"""Voice match of a draft caption against a creator's organic captions."""

from discovery.domain.text import TfidfSimilarity
from discovery.domain.voice import voice_match

ORGANIC = [
    "Sunrise trail run in the Black Forest, legs burning, heart full",
    "Trail run recovery: stretching, oats and a long nap",
    "Marathon training week 12, long run done in the rain",
    "Berlin cafe hopping with my sister",
]


def test_a_draft_in_the_creators_words_is_close_and_names_its_nearest_captions() -> None:
    match = voice_match("Early trail run in the forest before training, legs burning", ORGANIC, TfidfSimilarity())
    assert match.verdict == "close"
    assert match.closeness is not None
    assert match.closeness >= 0.25
    assert match.compared == 4
    assert len(match.nearest) == 3
    assert match.nearest[0].caption.startswith("Sunrise trail run")
    assert [n.similarity for n in match.nearest] == sorted((n.similarity for n in match.nearest), reverse=True)


def test_an_advert_unlike_the_creator_is_distant() -> None:
    match = voice_match("Buy the new SuperPhone X now, 20% off with code TECH", ORGANIC, TfidfSimilarity())
    assert match.verdict == "distant"
    assert match.closeness == 0.0


def test_without_organic_captions_it_says_so() -> None:
    match = voice_match("Early trail run", ["", "  "], TfidfSimilarity())
    assert match.verdict == "not_assessed"
    assert match.closeness is None
    assert match.nearest == []
    assert match.compared == 0
    assert "no organic captions" in match.explanation
