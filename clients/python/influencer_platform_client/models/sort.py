from enum import StrEnum


class Sort(StrEnum):
    CREATED_AT = "created_at"
    ENGAGEMENT_RATE = "engagement_rate"
    FOLLOWERS = "followers"
    VALUE_0 = "-followers"
    VALUE_2 = "-engagement_rate"
    VALUE_4 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
