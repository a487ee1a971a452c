"""Files as uploads come: CSV, TSV or NDJSON bytes in UTF-8 (with or without BOM), UTF-16,
Windows-1252 or Latin-1, read into named columns and records by line (domain.imports.RecordSource).
What the columns mean is the domain's (domain/column_mapping.py); a new file format is a reader
here and nothing else."""

import csv
import io
import itertools
import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from typing import Any

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


# Posts come as the files above, or as a zip of one JSON file per post (instaloader's, plain or
# .json.xz as it saves them by default). A zip is refused whole when it would unpack to more than
# ZIP_MAX_UNPACKED bytes, holds more than ZIP_MAX_FILES files, or packs a file more than
# ZIP_MAX_RATIO times (a zip bomb); a member is never read past the size its header declares.
ZIP_FORMAT = "zip"
ZIP_CONTENT_TYPES = frozenset({"application/zip", "application/x-zip-compressed", "application/x-zip"})
ZIP_MAX_FILES = 200_000
ZIP_MAX_UNPACKED = 1 << 30
ZIP_MAX_RATIO = 100
ZIP_MAX_MEMBER = 4 << 20
POST_FORMATS = (*(f.value for f in ImportFormat), ZIP_FORMAT)


def _is_zip(content: bytes, content_type: str | None, filename: str | None, explicit: str | None) -> bool:
    if explicit:
        return explicit.lower() == ZIP_FORMAT
    if filename and filename.lower().endswith(".zip"):
        return True
    return (content_type or "").split(";")[0].strip().lower() in ZIP_CONTENT_TYPES or content.startswith(b"PK\x03\x04")


def _zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = [
        m
        for m in archive.infolist()
        if not m.is_dir() and not m.filename.startswith("__MACOSX/") and m.filename.lower().endswith(_JSON_NAMES)
    ]
    if len(archive.infolist()) > ZIP_MAX_FILES:
        raise InvalidField("file", f"the zip holds more than {ZIP_MAX_FILES} files")
    if sum(m.file_size for m in members) > ZIP_MAX_UNPACKED:
        raise InvalidField("file", f"the zip unpacks to more than {ZIP_MAX_UNPACKED} bytes")
    for m in members:
        if m.file_size > ZIP_MAX_MEMBER or m.file_size > ZIP_MAX_RATIO * max(m.compress_size, 1024):
            raise InvalidField("file", f"{m.filename} unpacks to {m.file_size} bytes: refused as a zip bomb")
    return sorted(members, key=lambda m: m.filename)


_JSON_NAMES = (".json", ".json.xz")


def _member_json(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Any:
    data = archive.read(member)
    if member.filename.lower().endswith(".xz"):
        unpacker = lzma.LZMADecompressor()
        data = unpacker.decompress(data, max_length=ZIP_MAX_MEMBER)
        if not unpacker.eof:
            raise ValueError(f"unpacks to more than {ZIP_MAX_MEMBER} bytes")
    return orjson.loads(data)


# What reading one member may raise: bad JSON, a damaged or encrypted member, an unknown method.
_UNREADABLE = (
    ValueError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile, lzma.LZMAError, zlib.error, OSError
)  # fmt: skip


def _read_zip(content: bytes) -> RecordSource:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = _zip_members(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError, struct.error):
        raise InvalidField("file", "not a zip file we can read") from None
    if not members:
        raise InvalidField("file", "the zip holds no .json or .json.xz file")

    def records() -> Iterator[SourceRecord]:
        for number, member in enumerate(members, start=1):
            try:
                value = _member_json(archive, member)
            except _UNREADABLE as exc:
                yield SourceRecord(number, None, f"file: {member.filename} cannot be read ({exc})")
                continue
            if not isinstance(value, dict):
                yield SourceRecord(number, None, f"file: {member.filename} does not hold one JSON object")
                continue
            yield SourceRecord(number, value)

    return RecordSource(["instaloader post JSON"], records())


def read_posts_upload(
    content: bytes, *, filename: str | None, content_type: str | None, format_name: str | None
) -> ImportFile:
    """A posts upload: a zip of post JSON files, else a file as read_upload reads it."""
    if not _is_zip(content, content_type, filename, format_name):
        return read_upload(content, filename=filename, content_type=content_type, format_name=format_name)
    source = _read_zip(content)
    samples = tuple(r.values for r in itertools.islice(source.records, SAMPLE_RECORDS) if r.values is not None)
    return ImportFile(
        content=content,
        format=ZIP_FORMAT,
        encoding="binary",
        columns=source.columns,
        filename=filename,
        samples=samples,
    )


def read_posts_file(content: bytes, format_name: str) -> RecordSource:
    """The records of a stored posts upload."""
    return _read_zip(content) if format_name == ZIP_FORMAT else read_file(content, format_name)
