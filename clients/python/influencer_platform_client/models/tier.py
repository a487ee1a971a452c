from enum import StrEnum


class Tier(StrEnum):
    MACRO = "macro"
    MEGA = "mega"
    MICRO = "micro"
    MID = "mid"
    NANO = "nano"

    def __str__(self) -> str:
        return str(self.value)
