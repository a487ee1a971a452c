from enum import StrEnum


class CollaborationType(StrEnum):
    AFFILIATE = "affiliate"
    AMBASSADORSHIP = "ambassadorship"
    GIVEAWAY = "giveaway"
    PRODUCT_REVIEW = "product_review"
    SPONSORED_POST = "sponsored_post"

    def __str__(self) -> str:
        return str(self.value)
