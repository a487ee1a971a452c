from enum import StrEnum


class DeliverableState(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    CHANGES_REQUESTED = "changes_requested"
    DRAFT = "draft"
    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
