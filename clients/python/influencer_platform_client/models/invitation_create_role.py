from enum import StrEnum


class InvitationCreateRole(StrEnum):
    ANALYST = "analyst"
    MANAGER = "manager"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
