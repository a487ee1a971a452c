from enum import StrEnum


class CreativeFreedom(StrEnum):
    GUIDED = "guided"
    OPEN = "open"
    SCRIPTED = "scripted"

    def __str__(self) -> str:
        return str(self.value)
