"""Reading uploads: encodings, formats, records by line (adapters/file_formats.py)."""

import pytest

from discovery.adapters.file_formats import ImportFormat, decode, detect_format, read_file, read_records, read_upload
from servicekit.errors import InvalidField

from .conftest import DATASETS


def test_encodings() -> None:
    assert decode("\ufeffhandle,país\n".encode()) == ("handle,país\n", "utf-8-sig")
    assert decode("handle,país\n".encode()) == ("handle,país\n", "utf-8")
    assert decode("handle,país\n".encode("latin-1")) == ("handle,país\n", "latin-1")
    assert decode("“quoted”".encode("cp1252")) == ("“quoted”", "cp1252")
    assert decode("handle\tpaís\n".encode("utf-16")) == ("handle\tpaís\n", "utf-16")


def test_the_youtube_export_is_latin_1_and_the_instagram_one_has_a_bom() -> None:
    _, youtube = decode((DATASETS / "youtube_global_2023.csv").read_bytes())
    text, instagram = decode((DATASETS / "instagram_top200.csv").read_bytes())
    assert youtube == "latin-1"
    assert instagram == "utf-8-sig"
    assert text.startswith("rank,")


def test_formats_from_name_type_or_word() -> None:
    assert detect_format("text/csv; charset=utf-8", None, None) is ImportFormat.CSV
    assert detect_format("application/octet-stream", "export.TSV", None) is ImportFormat.TSV
    assert detect_format("application/x-ndjson", None, None) is ImportFormat.NDJSON
    assert detect_format(None, None, "ndjson") is ImportFormat.NDJSON
    with pytest.raises(InvalidField) as error:
        detect_format("application/pdf", "x.pdf", None)
    assert error.value.field == "format"


def test_csv_records_carry_their_line_numbers() -> None:
    text = 'handle,bio,followers\n\na,"two\nlines",10\nb,x,20,extra\nc,,30,\n'
    source = read_records(text, ImportFormat.CSV)
    records = list(source.records)
    assert source.columns == ["handle", "bio", "followers"]
    assert [(r.line, r.problem is None) for r in records] == [(3, True), (5, False), (6, True)]
    assert records[0].values == {"handle": "a", "bio": "two\nlines", "followers": "10"}
    assert records[1].problem == "row: has 4 cells, the header has 3"


def test_ndjson_records_and_bad_lines() -> None:
    source = read_records('{"handle": "a", "followers": 1}\n\nnot json\n[1]\n{"handle": "b"}\n', ImportFormat.NDJSON)
    records = list(source.records)
    assert source.columns == ["handle", "followers"]
    assert [r.line for r in records] == [1, 3, 4, 5]
    assert records[1].problem is not None
    assert records[1].problem.startswith("line: not JSON")
    assert records[2].problem == "line: not a JSON object"


def test_a_line_that_is_not_json_says_where_without_the_parsers_words() -> None:
    records = list(read_records('{"handle": "a"}\n{"handle": nope}\n', ImportFormat.NDJSON).records)
    assert records[1].problem == "line: not JSON (it breaks at character 12)"


def test_an_upload_without_a_header_is_refused_at_once() -> None:
    with pytest.raises(InvalidField) as error:
        read_upload(b"\n\n", filename="empty.csv", content_type=None, format_name=None)
    assert error.value.field == "file"
    upload = read_upload("handle,país\n".encode("latin-1"), filename=None, content_type="text/csv", format_name=None)
    assert (upload.format, upload.encoding, upload.columns) == ("csv", "latin-1", ["handle", "país"])


def test_only_a_file_holding_a_nul_character_has_its_rows_checked_for_one() -> None:
    assert not read_file(b"handle,followers\na,1\n", "csv").may_hold_nul
    assert read_file(b"handle,followers\na\x00,1\n", "csv").may_hold_nul
    assert read_file(b'{"handle": "a\\u0000", "followers": 1}\n', "ndjson").may_hold_nul
