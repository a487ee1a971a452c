from enum import StrEnum


class InfluencerDetailEngagementRateSourceType0(StrEnum):
    COMPUTED = "computed"
    REPORTED = "reported"

    def __str__(self) -> str:
        return str(self.value)
