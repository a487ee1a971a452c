from enum import StrEnum


class ConversionInType(StrEnum):
    CANCELLATION = "cancellation"
    ORDER = "order"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)
