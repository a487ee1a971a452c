from enum import StrEnum


class MemberUpdateRole(StrEnum):
    ANALYST = "analyst"
    MANAGER = "manager"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
