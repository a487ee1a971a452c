from enum import StrEnum


class Origin(StrEnum):
    API = "api"
    SHORTLIST = "shortlist"

    def __str__(self) -> str:
        return str(self.value)
