from enum import StrEnum


class VoiceMatchPublicVerdict(StrEnum):
    CLOSE = "close"
    DISTANT = "distant"
    NOT_ASSESSED = "not_assessed"
    PARTLY = "partly"

    def __str__(self) -> str:
        return str(self.value)
