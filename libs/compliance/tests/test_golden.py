"""The library finds exactly the golden findings: same codes, severities, rules, messages, spans and markets.

golden.json.gz (see golden.py) was made by the code before the speed work; a change meant to make the checks
faster must leave every finding, change and detection as it is. Regenerate it only for a rule changed on purpose.
"""

from collections import Counter
from typing import Any

import pytest

from compliance import BrandIndex, Collaboration, Format, Market, Platform
from compliance.detection import Basis

from .golden import brands_from, context_from, outcome, read

# Every finding code the README lists: the golden cases must exercise each one.
CODES = {
    "disclosure.missing", "disclosure.vague", "disclosure.wrong_language", "disclosure.gift_label_insufficient",
    "disclosure.below_fold", "disclosure.buried_in_hashtags", "disclosure.not_up_front",
    "disclosure.in_video_unconfirmed", "disclosure.repeat_during_live", "giveaway.no_entry_method",
    "giveaway.no_end_date", "giveaway.no_eligibility", "giveaway.no_platform_disclaimer",
    "affiliate.commission_undisclosed", "brief.hashtag_missing", "brief.mention_missing", "brief.link_missing",
    "brief.forbidden_word", "limits.caption_too_long", "limits.too_many_hashtags", "limits.too_many_mentions",
    "limits.forbidden_character", "live.disclosure_removed", "live.disclosure_moved", "live.hashtag_removed",
    "live.mention_removed", "live.link_removed", "live.link_added", "live.text_changed",
}  # fmt: skip


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    return read()


def test_the_golden_cases_cover_every_rule_market_platform_format_and_basis(golden: dict[str, Any]) -> None:
    seen: Counter[str] = Counter()
    for case in golden["cases"]:
        if "context" in case:
            context = context_from(golden["contexts"][case["context"]])
            seen.update(("platform:" + context.platform, "format:" + context.format))
            seen.update("market:" + m for m in context.markets)
            seen["collaboration:" + context.collaboration] += 1
        for finding in case.get("findings", []) + case.get("changes", []):
            seen["code:" + finding[0]] += 1
            seen["market:" + str(finding[5])] += 1
        if "detection" in case:
            seen["basis:" + case["detection"][2]] += 1
    wanted = (
        {"code:" + code for code in CODES}
        | {"platform:" + p for p in Platform}
        | {"format:" + f for f in Format}
        | {"market:" + m for m in Market}
        | {"collaboration:" + c for c in Collaboration}
        | {"basis:" + b for b in Basis if b is not Basis.PLATFORM_LABEL}
    )
    assert wanted - {key for key, count in seen.items() if count >= 3} == set()


def test_every_caption_gets_the_golden_findings_changes_and_detection(golden: dict[str, Any]) -> None:
    indexes = [BrandIndex(brands_from(brands)) for brands in golden["brand_sets"]]
    contexts = [context_from(context) for context in golden["contexts"]]
    rules: dict[str, list[str]] = {}
    texts = {-1: "", **{number: case["text"] for number, case in enumerate(golden["cases"])}}
    differing = []
    for number, case in enumerate(golden["cases"]):
        context = contexts[case["context"]] if "context" in case else None
        index = indexes[case["brands"]] if "brands" in case else None
        approved = None if "approved" not in case else texts[case["approved"]]
        found = outcome(case["text"], context, approved, index, rules)
        expected = {key: case[key] for key in ("findings", "changes", "detection") if key in case}
        if found != expected:
            differing.append((number, case["text"], expected, found))
    assert not differing, f"{len(differing)} cases differ, the first: {differing[0]}"
    assert rules == golden["rules"]
