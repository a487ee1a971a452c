from enum import StrEnum


class Market(StrEnum):
    DE = "DE"
    UK = "UK"
    US = "US"

    def __str__(self) -> str:
        return str(self.value)
