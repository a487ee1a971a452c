from enum import StrEnum


class PartnershipState(StrEnum):
    ACCEPTED = "accepted"
    ACTIVE = "active"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    COUNTERED = "countered"
    DECLINED = "declined"
    DRAFT = "draft"
    PROPOSED = "proposed"
    SIGNED = "signed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
