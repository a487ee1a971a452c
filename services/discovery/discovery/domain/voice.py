"""Voice match: how close a draft caption is to the creator's own organic captions, so that a
reviewer sees whether sponsored content still sounds like them.

closeness = the mean similarity of the draft to its (up to) three nearest organic captions, by the
text similarity ranking uses (domain/text.py). Verdicts: `close` from 0.25, `partly` from 0.10,
else `distant`; without organic captions to compare, `not_assessed`.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from discovery.domain.text import ProfileText, TextSimilarity

NEAREST = 3
CLOSE = 0.25
PARTLY = 0.10
MAX_CAPTION = 2_200  # Instagram's limit on a caption
VERDICTS = {
    "close": "sounds like the creator's own posts",
    "partly": "shares some of the creator's words and themes, not their usual voice",
    "distant": "does not sound like the creator's own posts",
    "not_assessed": "no organic captions of this creator to compare with",
}


@dataclass(frozen=True)
class NearCaption:
    caption: str
    similarity: float


@dataclass(frozen=True)
class VoiceMatch:
    closeness: float | None
    verdict: str
    nearest: list[NearCaption]
    compared: int

    @property
    def explanation(self) -> str:
        return VERDICTS[self.verdict]


def voice_match(draft: str, organic: Sequence[str], similarity: TextSimilarity) -> VoiceMatch:
    captions = [c for c in dict.fromkeys(organic) if c.strip()]
    if not captions:
        return VoiceMatch(closeness=None, verdict="not_assessed", nearest=[], compared=0)
    scores = similarity.similarities(ProfileText.of(draft), [ProfileText.of(c) for c in captions])
    ranked = sorted(zip(captions, map(float, scores), strict=True), key=lambda cs: -cs[1])[:NEAREST]
    closeness = sum(s for _, s in ranked) / len(ranked)
    verdict = "close" if closeness >= CLOSE else "partly" if closeness >= PARTLY else "distant"
    return VoiceMatch(
        closeness=closeness,
        verdict=verdict,
        nearest=[NearCaption(c, s) for c, s in ranked],
        compared=len(captions),
    )
