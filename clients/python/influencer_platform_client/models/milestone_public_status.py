from enum import StrEnum


class MilestonePublicStatus(StrEnum):
    PAID = "paid"
    PENDING = "pending"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
