from enum import StrEnum


class MilestoneTrigger(StrEnum):
    ON_APPROVAL = "on_approval"
    ON_PUBLISH = "on_publish"
    ON_SIGNING = "on_signing"

    def __str__(self) -> str:
        return str(self.value)
