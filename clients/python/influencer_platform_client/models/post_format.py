from enum import StrEnum


class PostFormat(StrEnum):
    CSV = "csv"
    NDJSON = "ndjson"
    TSV = "tsv"
    ZIP = "zip"

    def __str__(self) -> str:
        return str(self.value)
