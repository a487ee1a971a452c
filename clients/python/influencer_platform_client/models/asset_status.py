from enum import StrEnum


class AssetStatus(StrEnum):
    EXPIRED = "expired"
    NO_RIGHTS = "no_rights"
    USABLE = "usable"

    def __str__(self) -> str:
        return str(self.value)
