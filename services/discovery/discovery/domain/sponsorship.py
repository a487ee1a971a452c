"""Was a post sponsored, and by whom? The platform's own word first, then the caption read by the
compliance library's detection (libs/compliance `detect_sponsorship`: the same disclosure labels and
commercial cues the content check reads; none are written here).

In order: the paid-partnership label; else the sponsors the platform tags on the post
(instaloader's edge_media_to_sponsor_user); else a clear disclosure in the caption (#ad, "paid
partnership with", "Werbung"...; a gift disclosure counts); else a brand the post names (an
@mention or a sponsor tag, or a past sponsor of the profile) with commercial cues (a discount code,
"link in bio", an affiliate link, "partnered with"), or a vague label (#spon). Each answer keeps
the reason the detection gave."""

from collections.abc import Iterable, Sequence
from functools import lru_cache

from compliance import Basis, Brand, BrandIndex, detect_sponsorship
from discovery.domain.posts import MAX_POST_BRANDS, Sponsorship, SponsorSignal

_SIGNALS: dict[Basis, SponsorSignal] = {
    Basis.PLATFORM_LABEL: SponsorSignal.PAID_PARTNERSHIP_LABEL,
    Basis.DISCLOSURE: SponsorSignal.DISCLOSURE,
    Basis.BRAND_WITH_CUES: SponsorSignal.BRAND_WITH_CUES,
    Basis.VAGUE_LABEL: SponsorSignal.VAGUE_LABEL,
}


@lru_cache(maxsize=4096)
def _brands(named: tuple[str, ...], past_sponsors: tuple[str, ...]) -> BrandIndex:
    """The brands a post names and its profile's past sponsors, indexed once for the posts that
    share them (most of a profile's posts name none but its past sponsors)."""
    return BrandIndex([Brand(m, (f"@{m}",)) for m in named] + [Brand(s) for s in past_sponsors if s])


def detect(
    caption: str | None,
    *,
    paid_partnership: bool | None,
    sponsor_tags: Sequence[str] = (),
    mentions: Sequence[str] = (),
    past_sponsors: Iterable[str] = (),
) -> Sponsorship:
    """Whether a post was sponsored, on which signal and why, with the brands it names as partners
    (its sponsor tags, else the accounts it mentions, else the brand the detection found)."""
    named = tuple(dict.fromkeys([*sponsor_tags, *mentions]))[:MAX_POST_BRANDS]
    if not paid_partnership and sponsor_tags:
        tags = ", ".join(f"@{t}" for t in sponsor_tags)
        return Sponsorship(True, SponsorSignal.SPONSOR_TAG, f"the platform tags its sponsor: {tags}", named)
    brands = () if paid_partnership else _brands(named, tuple(past_sponsors))
    detection = detect_sponsorship(caption or "", platform_label=bool(paid_partnership), known_brands=brands)
    signal = _SIGNALS.get(detection.basis)
    if not detection.sponsored or signal is None:
        return Sponsorship(False, SponsorSignal.NONE, detection.reason, ())
    partners = named or ((detection.brand.lower(),) if detection.brand else ())
    return Sponsorship(True, signal, detection.reason, partners)
