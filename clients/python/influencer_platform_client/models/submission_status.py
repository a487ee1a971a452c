from enum import StrEnum


class SubmissionStatus(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    SUBMITTED = "submitted"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
