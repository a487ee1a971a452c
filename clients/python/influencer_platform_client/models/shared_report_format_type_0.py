from enum import StrEnum


class SharedReportFormatType0(StrEnum):
    HTML = "html"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
