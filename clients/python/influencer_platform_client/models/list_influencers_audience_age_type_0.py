from enum import StrEnum


class ListInfluencersAudienceAgeType0(StrEnum):
    VALUE_0 = "13-17"
    VALUE_1 = "18-24"
    VALUE_2 = "25-34"
    VALUE_3 = "35-44"
    VALUE_4 = "45-54"
    VALUE_5 = "55-64"
    VALUE_6 = "65+"

    def __str__(self) -> str:
        return str(self.value)
