from enum import StrEnum


class FindingPublicSeverity(StrEnum):
    BLOCKING = "blocking"
    INFO = "info"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
