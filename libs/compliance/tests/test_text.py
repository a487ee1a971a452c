"""Reading a caption the way the platforms do: folding, hashtags, mentions, links, the trailing block, X's count."""

import pytest

from compliance import Caption, Span
from compliance.labels import find_labels
from compliance.text import canonical_link
from compliance.x_weight import overflow_index, weighted_length


def tags(text: str) -> list[str]:
    return [t.value for t in Caption(text).hashtags]


def written(text: str, span: Span) -> str:
    return text[span.start : span.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#ad", ["ad"]),
        ("#AD is first", ["ad"]),
        ("#ad, #ad. #ad! (#ad)", ["ad", "ad", "ad", "ad"]),
        ("#adidas #advent #ad_free", ["adidas", "advent", "ad_free"]),
        ("# ad", []),
        ("word#ad", []),
        ("&#ad;", []),
        ("#2024 #2024goals", ["2024goals"]),
        ("#ad🔥#sale", ["ad", "sale"]),
        ("＃ｗｅｒｂｕｎｇ", ["werbung"]),
        ("#Straße", ["strasse"]),
        ("#café #cafe\u0301", ["café", "café"]),
        ("#a\u200bd", ["ad"]),
        ("https://shop.test/#ad and #real", ["real"]),
        ("#ad\n#werbung", ["ad", "werbung"]),
    ],
)
def test_hashtags_end_at_space_punctuation_or_emoji(text: str, expected: list[str]) -> None:
    assert tags(text) == expected


@pytest.mark.parametrize(
    "before",
    ["", "Straße ", "İstanbul ", "👩\u200d💻 ", "cafe\u0301 ", "ﬁne ", "𝐁𝐨𝐥𝐝 ", "🄐 ", "ｶﾞ "],
)
def test_spans_point_at_the_caption_as_written_whatever_folding_did(before: str) -> None:
    # "İ" lower-cases to two characters; "ß", "ﬁ" and "🄐" fold to several; "ｶﾞ" to one.
    text = before + "＃ＡＤ and #a\u200bd then #Werbung"
    hashtags = Caption(text).hashtags
    assert [t.value for t in hashtags] == ["ad", "ad", "werbung"]
    assert [written(text, t.span) for t in hashtags] == ["＃ＡＤ", "#a\u200bd", "#Werbung"]


def test_mentions_are_handles_not_email_addresses() -> None:
    caption = Caption("Thanks @Nike.Running, mail me at ann@acme.test or ping @glossier.")
    assert [t.value for t in caption.mentions] == ["nike.running", "glossier"]


def test_links_with_and_without_scheme() -> None:
    caption = Caption("Shop https://www.Nike.com/spring?utm=ig, or nike.com/sale. Not a link: e.g. file.txt")
    assert [t.value for t in caption.urls] == ["https://www.nike.com/spring?utm=ig", "nike.com/sale"]
    assert canonical_link("HTTPS://www.Nike.com/Spring/") == "nike.com/Spring"


@pytest.mark.parametrize(
    ("text", "block_starts_at", "hashtags"),
    [
        ("Great run today #run #fit #ad", "#run", 3),
        ("Great run today\n.\n.\n#run #fit\n#gym @nike #ad ✨", "#run", 4),
        ("#ad Great run today #run", "#run", 1),
        ("Great run #run today", None, 0),
        ("Great run today https://nike.com #run", "#run", 1),
        ("#a #b #c", "#a", 3),
        ("No hashtags at all", None, 0),
    ],
)
def test_the_trailing_block_is_the_run_of_hashtags_the_caption_ends_with(
    text: str, block_starts_at: str | None, hashtags: int
) -> None:
    block = Caption(text).trailing_block
    if block_starts_at is None:
        assert block is None
        return
    assert block is not None
    assert (block.start, block.hashtags) == (text.index(block_starts_at), hashtags)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Ad | new bag", ["ad"]),
        ("[Ad] new bag", ["ad"]),
        ("New bag (ad)", ["ad"]),
        ("New bag. Ad", ["ad"]),
        ("I saw an ad for this bag", []),
        ("Ad campaigns everywhere", ["ad"]),
        ("This is an advert for @asos", ["ad"]),
        ("This is not an advert", []),
        ("not sponsored, just love it", []),
        ("Sponsored | by nobody else", ["sponsored"]),
        ("I work in advertising", []),
        ("Keine Werbung, nur Liebe", []),
        ("unbezahlte Werbung", ["unbezahlte_werbung"]),
        ("Werbungskosten sind absetzbar", []),
        ("#werbung und Werbung", ["werbung", "werbung"]),
        ("Paid partnership with @nike", ["paid_partnership"]),
        ("in partnership with @nike", ["collab"]),
        ("nike.com/werbung", []),
    ],
)
def test_words_count_as_labels_only_where_they_stand_as_labels(text: str, labels: list[str]) -> None:
    assert [label.label for label in find_labels(Caption(text))] == labels


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("hello", 5),
        ("", 0),
        ("café", 4),
        ("字字", 4),
        ("👍", 2),
        ("👩\u200d💻", 2),
        ("🇩🇪", 2),
        ("👍🏽", 2),
        ("see https://example.com/a/very/long/path/indeed", 4 + 23),
        ("see nike.com", 4 + 23),
        ("1\ufe0f\u20e3 go", 2 + 3),
        ("😀🇩🇪👩\u200d💻", 6),
        ("नमस्ते", 6),
    ],
)
def test_x_counts_weighted_characters(text: str, weight: int) -> None:
    assert weighted_length(text) == weight


@pytest.mark.parametrize(
    ("text", "limit", "index"),
    [
        ("abc", 3, 3),
        ("abcd", 3, 3),
        ("ab 👩\u200d💻 cd", 4, 3),
        ("ab 👩\u200d💻 cd", 5, 6),
        ("go https://example.com/a/b/c now", 20, 3),
        ("go https://example.com/a/b/c now", 26, 28),
        ("字" * 200, 280, 140),
        (("word " * 100) + "字字", 501, 500),
    ],
)
def test_where_an_x_post_passes_its_limit(text: str, limit: int, index: int) -> None:
    assert overflow_index(text, limit) == index
    assert weighted_length(text[:index]) <= limit


def test_a_hashtag_inside_a_link_that_holds_another_link_is_no_hashtag() -> None:
    assert tags("nike.com/x,#ad,https://glossier.com #run") == ["run"]
