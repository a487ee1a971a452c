"""The compliance check on a table of real-looking captions per platform and market.

Each row names the findings it expects: code, market (None: not a market's rule) and where in the
caption (the text the span covers, an explicit Span, or None for a finding about the video).
"""

from dataclasses import dataclass, field
from typing import Any, TypeAlias

import pytest

from compliance import Brand, BriefRequirements, Caption, CheckContext, Collaboration, Format, Market, Platform, Span
from compliance import check as run_check

US, UK, DE = Market.US, Market.UK, Market.DE
IG, TT, YT, X = Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE, Platform.X
GIVEAWAY, AFFILIATE = Collaboration.GIVEAWAY, Collaboration.AFFILIATE
FILLER = "Honestly the comfiest pair I have owned in years, and I have tried them all on long runs and short ones. "
NIKE = Brand("Nike", ("@nike",))

Where: TypeAlias = str | Span | None


@dataclass
class Row:
    id: str
    platform: Platform
    markets: tuple[Market, ...]
    caption: str
    expected: list[tuple[str, Market | None, Where]]
    context: dict[str, Any] = field(default_factory=dict)


def at(caption: str, where: Where, occurrence: int = 1) -> Span | None:
    if where is None or isinstance(where, Span):
        return where
    index = -1
    for _ in range(occurrence):
        index = caption.index(where, index + 1)
    return Span(index, index + len(where))


BURIED = (
    "Morning run in my new trainers, feeling fast!\n.\n.\n"
    "#run #running #fitness #fit #ad #gym #workout #training #motivation #health #sport #shoes"
)
LONG_THEN_AD = FILLER + "Grab them now, seriously, before they sell out #ad"
UK_LATE_AD = "My new @asos dress, so obsessed with the fit and colour honestly #ad"
DE_LATE = "Mein neues Lieblingsparfum von @dior riecht einfach traumhaft #werbung"
GIVEAWAY_BARE = "#ad GIVEAWAY! Win a year of coffee from @lavazza ☕️"
GIVEAWAY_FULL = (
    "#ad GIVEAWAY! To enter: follow @lavazza and tag a friend below. Ends 31 May at 23:59 GMT. "
    "Open to UK residents aged 18+. This giveaway is in no way sponsored, endorsed or administered by Instagram."
)
GIVEAWAY_DE = (
    "Werbung | GEWINNSPIEL! So nimmst du teil: Folge @lavazza und markiere eine Freundin. "
    "Teilnahmeschluss: 31.05.2025. Teilnahme ab 18, nur in Deutschland. "
    "Instagram steht in keiner Verbindung zu diesem Gewinnspiel."
)
YT_LATE = (
    "In this video I review the new Pixel 9 camera against my old phone, shooting in low light, "
    "portraits and zoom. This video is sponsored by Google."
)
YT_TAGS = "#ad My setup tour\n" + " ".join(f"#tag{n}" for n in range(1, 17))
X_LONG = "#ad " + "a" * 277
X_CJK = "#ad " + "字" * 139
BRIEF = BriefRequirements(
    required_hashtags=("#NikeRun",),
    required_mentions=("@nike",),
    required_links=("nike.com/spring",),
    forbidden_words=("cure",),
)

# fmt: off
ROWS = [
    # Instagram, US: FTC
    Row("ig-us-ad-first-word", IG, (US,), "#AD New drop from @nike! These trainers are unreal", []),
    Row("ig-us-ad-emoji-around", IG, (US,), "🔥#ad🔥 new drop from @nike", []),
    Row("ig-us-ad-fullwidth", IG, (US,), "＃ＡＤ new drop from @nike", []),
    Row("ig-us-ad-zero-width-space", IG, (US,), "#a\u200bd new drop from @nike", []),
    Row("ig-us-ad-after-zwj-emoji", IG, (US,), "👩\u200d💻 #ad working from home with @dell", []),
    Row("ig-us-advertisement", IG, (US,), "Advertisement: my morning routine with @clinique", []),
    Row("ig-us-ad-label-bar", IG, (US,), "Ad | my morning routine with @clinique", []),
    Row("ig-us-paid-partnership", IG, (US,), "Paid partnership with Sephora. My fave lipstick 💄", []),
    Row("ig-us-sponsored-by", IG, (US,), "Sponsored by @hellofresh: dinner in 20 minutes", []),
    Row("ig-us-brand-ambassador", IG, (US,), "#NikeAmbassador life. Long run today", [], {"brand": NIKE}),
    Row("ig-us-ad-at-end-of-sentence", IG, (US,), "Dinner in 20 minutes with @hellofresh. Ad", []),
    Row("ig-us-buried", IG, (US,), BURIED, [
        ("disclosure.buried_in_hashtags", US, "#ad"),
        ("limits.too_many_hashtags", None, Span(BURIED.index("#gym"), len(BURIED))),
    ]),
    Row("ig-us-below-fold", IG, (US,), LONG_THEN_AD, [("disclosure.below_fold", US, "#ad")]),
    Row("ig-us-collab-alone", IG, (US,), "#collab with @glossier on my skincare routine ✨", [
        ("disclosure.vague", US, "#collab"),
    ]),
    Row("ig-us-sp", IG, (US,), "New season, new bag #sp", [("disclosure.vague", US, "#sp")]),
    Row("ig-us-spon", IG, (US,), "#spon Loving my new bag from @coach", [("disclosure.vague", US, "#spon")]),
    Row("ig-us-thanks-to", IG, (US,), "Thanks to @nike for these!", [("disclosure.vague", US, "Thanks to")]),
    Row("ig-us-ambassador-alone", IG, (US,), "#ambassador life with my new watch", [
        ("disclosure.vague", US, "#ambassador"),
    ]),
    Row("ig-us-partner-alone", IG, (US,), "#partner My favourite protein bar", [("disclosure.vague", US, "#partner")]),
    Row("ig-us-says-not-an-ad", IG, (US,), "This is not an ad, I just love this serum", [
        ("disclosure.missing", US, Span(0, 41)),
    ]),
    Row("ig-us-adidas-is-not-ad", IG, (US,), "#adidas drop day", [("disclosure.missing", US, Span(0, 16))]),
    Row("ig-us-advent-is-not-ad", IG, (US,), "#advent calendar from @lego", [("disclosure.missing", US, Span(0, 27))]),
    Row("ig-us-hash-space-ad", IG, (US,), "# ad my new bag", [("disclosure.missing", US, Span(0, 15))]),
    Row("ig-us-an-ad-in-a-sentence", IG, (US,), "I saw an ad for this bag", [("disclosure.missing", US, Span(0, 24))]),
    Row("ig-us-gifted-but-paid", IG, (US,), "Obsessed with this serum #gifted", [
        ("disclosure.gift_label_insufficient", US, "#gifted"),
    ]),
    Row("ig-us-gifted-gift", IG, (US,), "Obsessed with this serum #gifted", [], {"fee_is_gift": True}),
    Row("ig-us-reel-unconfirmed", IG, (US,), "#ad my new routine", [("disclosure.in_video_unconfirmed", US, None)], {
        "format": Format.REEL,
    }),
    Row("ig-us-live", IG, (US,), "#ad live unboxing now", [("disclosure.repeat_during_live", US, None)], {
        "format": Format.LIVE,
        "in_video_disclosure_confirmed": True,
    }),
    # Instagram, UK: CAP Code / ASA-CMA
    Row("ig-uk-ad-bar", IG, (UK,), "Ad | My new @asos dress", []),
    Row("ig-uk-sponsored-is-vague", IG, (UK,), "#sponsored by @asos, loving it", [
        ("disclosure.vague", UK, "#sponsored"),
    ]),
    Row("ig-uk-paid-partnership-vague", IG, (UK,), "Paid partnership with Nike", [
        ("disclosure.vague", UK, "Paid partnership with"),
    ]),
    Row("ig-uk-not-up-front", IG, (UK,), UK_LATE_AD, [("disclosure.not_up_front", UK, "#ad")]),
    Row("ig-uk-gifted-with-control", IG, (UK,), "#gifted by @glossier", [
        ("disclosure.gift_label_insufficient", UK, "#gifted"),
    ], {"fee_is_gift": True}),
    Row("ig-uk-gifted-no-control", IG, (UK,), "#gifted by @glossier", [], {
        "fee_is_gift": True,
        "brand_controls_content": False,
    }),
    Row("ig-uk-ad-and-gifted", IG, (UK,), "Ad #gifted by @glossier", []),
    Row("ig-us-uk-sponsored", IG, (US, UK), "#sponsored New drop from @asos", [("disclosure.vague", UK, "#sponsored")]),
    # Instagram, Germany: UWG / MStV
    Row("ig-de-werbung-bar", IG, (DE,), "Werbung | Mein neues Lieblingsparfum von @dior", []),
    Row("ig-de-anzeige-hashtag", IG, (DE,), "#anzeige Mein neues Lieblingsparfum", []),
    Row("ig-de-anzeige-caps", IG, (DE,), "ANZEIGE: Neue Kollektion von @zara", []),
    Row("ig-de-ad-is-english", IG, (DE,), "#ad Mein neues Parfum", [("disclosure.wrong_language", DE, "#ad")]),
    Row("ig-de-not-up-front", IG, (DE,), DE_LATE, [("disclosure.not_up_front", DE, "#werbung")]),
    Row("ig-de-unpaid-label-on-paid", IG, (DE,), "unbezahlte Werbung | Mein Lieblingsparfum", [
        ("disclosure.gift_label_insufficient", DE, "unbezahlte Werbung"),
    ]),
    Row("ig-de-unpaid-label-gift", IG, (DE,), "unbezahlte Werbung | Mein Lieblingsparfum", [], {"fee_is_gift": True}),
    Row("ig-de-keine-werbung", IG, (DE,), "Ich mache hier keine Werbung, ich liebe es", [
        ("disclosure.missing", DE, Span(0, 42)),
    ]),
    Row("ig-de-kooperation", IG, (DE,), "In Kooperation mit @zara: mein Herbstlook", [
        ("disclosure.vague", DE, "In Kooperation mit"),
    ]),
    Row("ig-de-us-both-labels", IG, (DE, US), "Werbung / #ad Mein neues Parfum von @dior", []),
    Row("ig-de-us-only-werbung", IG, (US, DE), "Werbung | Mein neues Parfum", [
        ("disclosure.wrong_language", US, "Werbung"),
    ]),
    # TikTok: every post is a video; the whole caption shows
    Row("tt-us-unconfirmed", TT, (US,), "#ad new dance with @gymshark", [
        ("disclosure.in_video_unconfirmed", US, None),
    ]),
    Row("tt-us-tags-only", TT, (US,), "#fyp #foryou #ad #dance #viral", [
        ("disclosure.buried_in_hashtags", US, "#ad"),
    ], {"in_video_disclosure_confirmed": True}),
    Row("tt-us-long-caption-ad-late", TT, (US,), FILLER * 3 + "#ad and that is it.", [], {
        "in_video_disclosure_confirmed": True,
    }),
    Row("tt-uk-two-markets-unconfirmed", TT, (US, UK), "#ad haul", [
        ("disclosure.in_video_unconfirmed", US, None),
        ("disclosure.in_video_unconfirmed", UK, None),
    ]),
    # YouTube: description above the fold (100), video disclosure confirmed separately
    Row("yt-us-sponsored-below-fold", YT, (US,), YT_LATE, [("disclosure.below_fold", US, "video is sponsored")], {
        "in_video_disclosure_confirmed": True,
    }),
    Row("yt-us-paid-promotion", YT, (US,), "Includes paid promotion. My desk setup for 2025", [], {
        "in_video_disclosure_confirmed": True,
    }),
    Row("yt-us-angle-bracket", YT, (US,), "#ad I <3 this keyboard", [("limits.forbidden_character", None, "<")], {
        "in_video_disclosure_confirmed": True,
    }),
    Row("yt-us-too-many-hashtags", YT, (US,), YT_TAGS, [
        ("limits.too_many_hashtags", None, Span(YT_TAGS.index("#tag15"), len(YT_TAGS))),
    ], {"in_video_disclosure_confirmed": True}),
    # X: 280 weighted characters
    Row("x-us-ad", X, (US,), "#ad Loving @nike's new running range", []),
    Row("x-us-too-long", X, (US,), X_LONG, [("limits.caption_too_long", None, Span(280, 281))]),
    Row("x-us-cjk-weighs-two", X, (US,), X_CJK, [("limits.caption_too_long", None, Span(142, 143))]),
    # Giveaways
    Row("ig-uk-giveaway-bare", IG, (UK,), GIVEAWAY_BARE, [
        ("giveaway.no_entry_method", None, Span(0, len(GIVEAWAY_BARE))),
        ("giveaway.no_end_date", None, Span(0, len(GIVEAWAY_BARE))),
        ("giveaway.no_eligibility", None, Span(0, len(GIVEAWAY_BARE))),
        ("giveaway.no_platform_disclaimer", None, Span(0, len(GIVEAWAY_BARE))),
    ], {"collaboration": GIVEAWAY}),
    Row("ig-uk-giveaway-full", IG, (UK,), GIVEAWAY_FULL, [], {"collaboration": GIVEAWAY}),
    Row("ig-de-giveaway-full", IG, (DE,), GIVEAWAY_DE, [], {"collaboration": GIVEAWAY}),
    # Affiliate
    Row("ig-us-affiliate-no-commission", IG, (US,), "#ad My fave serum, link in bio", [
        ("affiliate.commission_undisclosed", US, Span(0, 30)),
    ], {"collaboration": AFFILIATE}),
    Row("ig-us-affiliate-commission", IG, (US,), "#ad My fave serum. I earn a commission if you buy through my link",
        [], {"collaboration": AFFILIATE}),
    # The brief
    Row("ig-us-brief-met", IG, (US,), "#ad Running season with @Nike #nikerun https://www.nike.com/spring?utm_source=ig",
        [], {"brief": BRIEF}),
    Row("ig-us-brief-broken", IG, (US,), "#ad This cream will cure your acne", [
        ("brief.hashtag_missing", None, Span(0, 34)),
        ("brief.mention_missing", None, Span(0, 34)),
        ("brief.link_missing", None, Span(0, 34)),
        ("brief.forbidden_word", None, "cure"),
    ], {"brief": BRIEF}),
]
# fmt: on


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_caption(row: Row) -> None:
    context = CheckContext(platform=row.platform, markets=row.markets, **row.context)
    report = run_check(Caption(row.caption), context)
    found = [(f.code, f.market, f.span) for f in report.findings]
    assert found == [(code, market, at(row.caption, where)) for code, market, where in row.expected]
    assert report.blocking == any(f.severity == "blocking" for f in report.findings)


def test_the_table_covers_every_platform_and_market() -> None:
    assert len(ROWS) >= 40
    assert {r.platform for r in ROWS} == set(Platform)
    assert {m for r in ROWS for m in r.markets} == set(Market)
