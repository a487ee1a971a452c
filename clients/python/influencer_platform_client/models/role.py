from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    CREATOR = "creator"
    MANAGER = "manager"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
