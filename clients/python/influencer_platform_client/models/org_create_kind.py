from enum import StrEnum


class OrgCreateKind(StrEnum):
    AGENCY = "agency"
    BRAND = "brand"

    def __str__(self) -> str:
        return str(self.value)
