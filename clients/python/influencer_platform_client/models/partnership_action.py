from enum import StrEnum


class PartnershipAction(StrEnum):
    ACCEPT = "accept"
    ACTIVATE = "activate"
    CANCEL = "cancel"
    COMPLETE = "complete"
    COUNTER = "counter"
    DECLINE = "decline"
    PROPOSE = "propose"
    SIGN = "sign"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
