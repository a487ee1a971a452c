from enum import StrEnum


class OrgKind(StrEnum):
    AGENCY = "agency"
    BRAND = "brand"
    CREATOR = "creator"

    def __str__(self) -> str:
        return str(self.value)
