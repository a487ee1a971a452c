from enum import StrEnum


class ImportFormat(StrEnum):
    CSV = "csv"
    NDJSON = "ndjson"
    TSV = "tsv"

    def __str__(self) -> str:
        return str(self.value)
