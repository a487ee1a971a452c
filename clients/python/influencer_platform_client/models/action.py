from enum import StrEnum


class Action(StrEnum):
    APPROVE = "approve"
    CANCEL = "cancel"
    PUBLISH = "publish"
    REQUEST_CHANGES = "request_changes"
    SCHEDULE = "schedule"
    SUBMIT = "submit"

    def __str__(self) -> str:
        return str(self.value)
