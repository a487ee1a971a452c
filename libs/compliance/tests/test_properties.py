"""Properties the checks keep for any caption, not only the ones in the table."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import Caption, CheckContext, Collaboration, Market, Platform, Severity, Span, check, compare
from compliance.labels import find_labels
from compliance.rules import DENIAL_HASHTAGS, HASHTAG_LABELS, PHRASE_LABELS
from compliance.text import Token, fold, outside

NEGATIONS = {"not", "no", "non", "never", "nicht", "kein", "keine", "keinerlei", "ohne"}
VOCABULARY = [
    "Loving", "my", "new", "trainers", "from", "@nike", "so", "comfy", "😍", "✨", "👩\u200d💻", "Straße", "café",
    "run", "today", "link", "below", "!", ".", ",", "—", "(", ")", "\n", "Heute", "Laufen", "https://nike.com/run",
]  # fmt: skip
words = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(st.characters(categories=["L", "N", "So"]), min_size=1, max_size=8).filter(
        lambda w: fold(w).text not in NEGATIONS
    ),
)
prose = st.lists(words, max_size=30).map(" ".join)
CLEAR_US = ["#ad", "#AD", "#sponsored", "Advertisement", "Paid partnership with Acme", "Ad |", "#Ad:"]
# Words a giveaway's or an affiliate's terms use, as hashtags: they state no terms.
TERMS_AS_TAGS = ["comment", "tagafriend", "win", "ends", "tomorrow", "worldwide", "commission", "instagram", "18"]
unrelated_tags = st.lists(
    st.one_of(
        st.sampled_from(TERMS_AS_TAGS),
        st.from_regex(r"[a-z][a-z0-9]{1,12}", fullmatch=True).filter(
            lambda t: t not in HASHTAG_LABELS and t not in DENIAL_HASHTAGS and not t.endswith(("partner", "ambassador"))
        ),
    ),
    min_size=1,
    max_size=15,
)
US_INSTAGRAM = CheckContext(platform=Platform.INSTAGRAM, markets=(Market.US,))


@settings(max_examples=300, deadline=None)  # no timed assertion: the machine is shared
@given(st.data(), st.sampled_from(CLEAR_US), prose)
def test_a_clear_disclosure_in_the_first_125_characters_is_never_missing(
    data: st.DataObject, label: str, rest: str
) -> None:
    before = data.draw(prose.filter(lambda p: len(p) + 1 + len(label) <= 125))
    caption = f"{before} {label} {rest}" if before else f"{label} {rest}"
    assert "disclosure.missing" not in check(Caption(caption), US_INSTAGRAM).codes()


@settings(max_examples=300, deadline=None)  # no timed assertion: the machine is shared
@given(prose, st.sampled_from(["", "#ad ", "#collab ", "Werbung "]), unrelated_tags, st.sampled_from([" ", "\n\n"]))
def test_unrelated_hashtags_at_the_end_never_remove_a_blocking_finding(
    text: str, label: str, tags: list[str], separator: str
) -> None:
    caption = label + text
    for markets in ((Market.US,), (Market.UK, Market.DE)):
        context = CheckContext(platform=Platform.INSTAGRAM, markets=markets, collaboration=Collaboration.GIVEAWAY)
        before = {
            (f.code, f.market, f.span.start if f.span else None)
            for f in check(Caption(caption), context).findings
            if f.severity is Severity.BLOCKING
        }
        longer = caption + separator + " ".join(f"#{t}" for t in tags)
        after = {(f.code, f.market, f.span.start if f.span else None) for f in check(Caption(longer), context).findings}
        assert before <= after


@given(prose, st.sampled_from(["#ad", "#Werbung", "＃ＡＤ", "#a\u200bd"]), prose)
def test_a_label_span_covers_exactly_what_the_author_wrote(before: str, label: str, after: str) -> None:
    text = f"{before} {label} {after}"
    found = [lab for lab in find_labels(Caption(text)) if lab.hashtag]
    assert found, text
    assert fold(found[0].written).text.replace("\u200b", "") in {"#ad", "#werbung"}
    assert text[found[0].span.start : found[0].span.end] == found[0].written


def _still_a_word_once_folded(suffix: str) -> bool:
    # Captions are read folded (NFKC, so that "＃ＡＤ" and "#𝐚𝐝" are "#ad"): a few letters fold
    # to a space first (U+FC5E, an Arabic ligature, is " " and two marks), and "#adﱞ" reads "#ad".
    return re.match(r"\w", fold(suffix).text) is not None


@given(
    st.text(st.characters(categories=["L", "Nd"], include_characters="_"), min_size=1, max_size=6).filter(
        _still_a_word_once_folded
    )
)
def test_ad_followed_by_more_word_is_never_the_ad_label(suffix: str) -> None:
    assert all(lab.label != "ad" for lab in find_labels(Caption(f"#ad{suffix} new drop")))


def test_a_letter_that_folds_to_a_space_ends_the_hashtag() -> None:
    assert [lab.label for lab in find_labels(Caption("#ad\ufc5e new drop"))] == ["ad"]


@given(st.text(max_size=300))
def test_any_text_is_checked_without_error_and_a_caption_matches_itself(text: str) -> None:
    for platform in Platform:
        context = CheckContext(platform=platform, markets=tuple(Market))
        report = check(Caption(text), context)
        for finding in report.findings:
            assert finding.span is None or 0 <= finding.span.start <= finding.span.end <= len(text)
        assert compare(Caption(text), Caption(text), context) == []


@pytest.mark.parametrize(("words", "phrase"), [(words, phrase) for words, phrase, _, _ in PHRASE_LABELS])
def test_whatever_a_phrase_matches_holds_one_of_its_words(words: str, phrase: str) -> None:
    """Only phrases whose words the caption holds are looked for: each match must hold one."""
    pattern = re.compile(phrase)

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def holds_a_word(text: str) -> None:
        match = pattern.search(text)
        assert match is not None
        assert any(word in match.group() for word in words.split("|")), match.group()

    holds_a_word()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=8),
    st.lists(st.integers(0, 100), max_size=30),
)
def test_outside_finds_what_no_token_holds_even_where_links_overlap(
    pieces: list[tuple[int, int]], positions: list[int]
) -> None:
    """One walk over positions and tokens (in order of their starts) gives what testing every token gives;
    links can overlap ("nike.com/x,https://glossier.com" holds a second link)."""
    tokens = tuple(
        Token("url", "", start, start + length, Span(start, start + length)) for start, length in sorted(pieces)
    )
    starts = sorted(positions)
    assert outside(starts, tokens) == [not any(t.start <= s < t.end for t in tokens) for s in starts]
