"""The words every service shares: one enum per concept, used by the event models and by each
service's domain (a new value is added here once, and the wire and every domain learn it).

The enums carry no docstrings on purpose: their JSON schema (in the AsyncAPI document and in each
service's OpenAPI) is their values and name only.
"""

from enum import StrEnum


# A campaign only moves forward: draft, active, then completed or cancelled.
class CampaignState(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Objective(StrEnum):
    AWARENESS = "awareness"
    ENGAGEMENT = "engagement"
    CONVERSIONS = "conversions"


class CollaborationType(StrEnum):
    SPONSORED_POST = "sponsored_post"
    PRODUCT_REVIEW = "product_review"
    GIVEAWAY = "giveaway"
    AMBASSADORSHIP = "ambassadorship"
    AFFILIATE = "affiliate"


class FeeKind(StrEnum):
    FIXED = "fixed"
    PER_DELIVERABLE = "per_deliverable"
    COMMISSION = "commission"
    GIFTING = "gifting"


# When a payment milestone of a contract falls due.
class MilestoneTrigger(StrEnum):
    ON_SIGNING = "on_signing"
    ON_APPROVAL = "on_approval"
    ON_PUBLISH = "on_publish"


# Who acts on a partnership: the brand, the creator, or the platform itself.
class Party(StrEnum):
    BRAND = "brand"
    CREATOR = "creator"
    SYSTEM = "system"


# How a published deliverable is amplified: a paid boost of the creator's post, or the brand reposting it.
class AmplificationKind(StrEnum):
    PAID_BOOST = "paid_boost"
    BRAND_REPOST = "brand_repost"
