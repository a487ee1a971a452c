from enum import StrEnum


class UsageRightsTermsChannelsItem(StrEnum):
    EMAIL = "email"
    ORGANIC_SOCIAL = "organic_social"
    OUT_OF_HOME = "out_of_home"
    PAID_SOCIAL = "paid_social"
    PRINT = "print"
    TV = "tv"
    WEBSITE = "website"

    def __str__(self) -> str:
        return str(self.value)
