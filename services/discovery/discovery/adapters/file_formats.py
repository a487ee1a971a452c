"""Files as uploads come: CSV, TSV or NDJSON bytes in UTF-8 (with or without BOM), UTF-16,
Windows-1252 or Latin-1, read into named columns and records by line (domain.imports.RecordSource).
What the columns mean is the domain's (domain/column_mapping.py); a new file format is a reader
here and nothing else."""

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum

import orjson

from discovery.domain.imports import ImportFile, RecordSource, SourceRecord, unique_columns
from discovery.domain.limits import NUL
from servicekit.errors import InvalidField

csv.field_size_limit(1 << 20)

# The records the column mapping reads the values of, besides the headers.
SAMPLE_RECORDS = 200


class ImportFormat(StrEnum):
    CSV = "csv"
    TSV = "tsv"
    NDJSON = "ndjson"


CONTENT_TYPES = {
    "text/csv": ImportFormat.CSV,
    "application/csv": ImportFormat.CSV,
    "text/tab-separated-values": ImportFormat.TSV,
    "application/x-ndjson": ImportFormat.NDJSON,
    "application/ndjson": ImportFormat.NDJSON,
    "application/jsonl": ImportFormat.NDJSON,
    "application/x-jsonlines": ImportFormat.NDJSON,
}
EXTENSIONS = {
    ".csv": ImportFormat.CSV,
    ".tsv": ImportFormat.TSV,
    ".tab": ImportFormat.TSV,
    ".ndjson": ImportFormat.NDJSON,
    ".jsonl": ImportFormat.NDJSON,
}


def detect_format(content_type: str | None, filename: str | None, explicit: str | None) -> ImportFormat:
    if explicit:
        try:
            return ImportFormat(explicit.lower())
        except ValueError:
            raise InvalidField("format", "one of csv, tsv, ndjson") from None
    if filename:
        for extension, fmt in EXTENSIONS.items():
            if filename.lower().endswith(extension):
                return fmt
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type in CONTENT_TYPES:
        return CONTENT_TYPES[media_type]
    raise InvalidField(
        "format", "cannot tell the format: send text/csv, text/tab-separated-values or application/x-ndjson"
    )


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def read_records(text: str, fmt: ImportFormat) -> RecordSource:
    if fmt is ImportFormat.NDJSON:
        return _read_ndjson(text)
    return _read_delimited(text, "\t" if fmt is ImportFormat.TSV else ",")


def _read_delimited(text: str, delimiter: str) -> RecordSource:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    for row in reader:
        if any(cell.strip() for cell in row):
            header = unique_columns([" ".join(cell.split()) for cell in row])
            break

    def records() -> Iterator[SourceRecord]:
        width = len(header)
        last_line = reader.line_num
        for row in reader:
            line = last_line + 1
            last_line = reader.line_num
            if not (row and row[0].strip()) and not any(cell.strip() for cell in row):
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                yield SourceRecord(line, None, f"row: has {len(row)} cells, the header has {width}")
                continue
            yield SourceRecord(line, dict(zip(header, row, strict=False)))

    return RecordSource(header, records())


def _read_ndjson(text: str) -> RecordSource:
    lines = text.splitlines()
    columns: dict[str, None] = {}
    for raw in lines[:1000]:
        try:
            value = orjson.loads(raw) if raw.strip() else None
        except orjson.JSONDecodeError:
            continue
        if isinstance(value, dict):
            columns.update(dict.fromkeys(value))

    def records() -> Iterator[SourceRecord]:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield SourceRecord(number, None, f"line: not JSON (it breaks at character {exc.colno})")
                continue
            if not isinstance(value, dict):
                yield SourceRecord(number, None, "line: not a JSON object")
                continue
            yield SourceRecord(number, value)

    return RecordSource(list(columns), records())


def read_upload(
    content: bytes, *, filename: str | None, content_type: str | None, format_name: str | None
) -> ImportFile:
    """An upload's format, encoding and columns, refused at once when it has none of them."""
    fmt = detect_format(content_type, filename, format_name)
    text, encoding = decode(content)
    source = read_records(text, fmt)
    if not source.columns:
        raise InvalidField("file", "the file has no header row or records")
    samples = tuple(r.values for r in itertools.islice(source.records, SAMPLE_RECORDS) if r.values is not None)
    return ImportFile(
        content=content,
        format=fmt.value,
        encoding=encoding,
        columns=source.columns,
        filename=filename,
        samples=samples,
    )


def read_file(content: bytes, format_name: str) -> RecordSource:
    """The records of a stored upload, in the format its job recorded."""
    text, _ = decode(content)
    source = read_records(text, ImportFormat(format_name))
    # Rows are checked for NUL characters only when their file holds any (few do).
    return replace(source, may_hold_nul=NUL in text or "\\u0000" in text)
