from enum import StrEnum


class Objective(StrEnum):
    AWARENESS = "awareness"
    CONVERSIONS = "conversions"
    ENGAGEMENT = "engagement"

    def __str__(self) -> str:
        return str(self.value)
