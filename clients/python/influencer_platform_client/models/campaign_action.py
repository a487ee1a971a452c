from enum import StrEnum


class CampaignAction(StrEnum):
    CANCEL = "cancel"
    COMPLETE = "complete"
    LAUNCH = "launch"

    def __str__(self) -> str:
        return str(self.value)
