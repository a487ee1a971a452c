"""Earned media value: what the attention a campaign earned would have cost as advertising, with
values each org sets per action (per thousand actions, in minor units of the org's EMV currency,
so that a like worth 0.02 EUR is 2000 per mille):

    EMV = sum over actions of count(action) * value_per_mille(action) / 1000

rounded half to even to a minor unit; an action without a value adds nothing. No org value set:
no EMV (null).
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal

EMV_ACTIONS = ("impressions", "reach", "views", "likes", "comments", "shares", "saves", "clicks")


def emv_minor(counts: Mapping[str, int], per_mille_minor: Mapping[str, int]) -> int:
    total = sum((Decimal(counts.get(action, 0)) * value for action, value in per_mille_minor.items()), Decimal(0))
    return int((total / 1000).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
