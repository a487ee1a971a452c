from enum import StrEnum


class ImportJobPublicKind(StrEnum):
    POSTS = "posts"
    PROFILES = "profiles"

    def __str__(self) -> str:
        return str(self.value)
