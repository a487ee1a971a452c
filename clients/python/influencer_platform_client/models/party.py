from enum import StrEnum


class Party(StrEnum):
    BRAND = "brand"
    CREATOR = "creator"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
