from enum import StrEnum


class ReportFormat(StrEnum):
    CSV = "csv"
    HTML = "html"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
