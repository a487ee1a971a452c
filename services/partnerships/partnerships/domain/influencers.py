"""What partnerships knows of discovery's influencers: who each is and who may see the profile,
kept from discovery's `influencer.profiles.changed` events. A brand may propose only to an
influencer known here whose profile it may see (the shared catalogue's, or its org's own)."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from partnerships.domain.partnerships import InfluencerProfile
from servicekit.errors import InvalidField


@dataclass(frozen=True)
class KnownInfluencer:
    id: UUID
    # The org whose private profile this is; None: the shared catalogue, which every org sees.
    org_id: UUID | None
    platform: str
    handle: str
    display_name: str | None
    # Discovery's version of the profile: a later change has a later time.
    version: datetime

    def visible_to(self, tenant_id: UUID) -> bool:
        return self.org_id is None or self.org_id == tenant_id


class UnknownInfluencer(InvalidField):
    """Not known here, or not the proposing org's to see (one answer for both: another org's
    private profiles stay unseen). A profile just added to discovery may not have reached
    partnerships yet, so the client may try again shortly."""

    RETRY_AFTER_S = 5

    def __init__(self) -> None:
        super().__init__(
            "influencer_id",
            "no influencer profile with this id that your org may see is known here; a profile added "
            f"in the last seconds may not have reached partnerships yet: try again in {self.RETRY_AFTER_S} s",
        )


def proposable(known: KnownInfluencer | None, tenant_id: UUID) -> KnownInfluencer:
    """The influencer an org proposes to, if it may."""
    if known is None or not known.visible_to(tenant_id):
        raise UnknownInfluencer()
    return known


def addressed(known: KnownInfluencer, given: InfluencerProfile) -> InfluencerProfile:
    """How the partnership names the influencer: as the brand said, else as discovery has it."""
    return InfluencerProfile(
        platform=given.platform or known.platform,
        handle=given.handle or known.handle,
        display_name=given.display_name or known.display_name,
    )
