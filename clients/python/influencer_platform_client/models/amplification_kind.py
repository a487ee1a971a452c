from enum import StrEnum


class AmplificationKind(StrEnum):
    BRAND_REPOST = "brand_repost"
    PAID_BOOST = "paid_boost"

    def __str__(self) -> str:
        return str(self.value)
