from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_job_public_kind import ImportJobPublicKind
from ..models.import_job_public_state import ImportJobPublicState
from ..models.visibility import Visibility

if TYPE_CHECKING:
    from ..models.cell_warning_public import CellWarningPublic
    from ..models.import_job_public_mapping import ImportJobPublicMapping
    from ..models.rejection_public import RejectionPublic


T = TypeVar("T", bound="ImportJobPublic")


@_attrs_define
class ImportJobPublic:
    """
    Attributes:
        id (UUID):
        state (ImportJobPublicState):
        kind (ImportJobPublicKind): What the file holds: profiles, or posts of profiles
        format_ (str):
        filename (None | str):
        encoding (None | str):
        size_bytes (int):
        visibility (Visibility):
        platform (None | str):
        mapping (ImportJobPublicMapping): Canonical field -> the file's column
        unmapped_columns (list[str]):
        rows_read (int):
        rows_imported (int): Created + updated + unchanged
        rows_created (int):
        rows_updated (int):
        rows_unchanged (int):
        rows_rejected (int):
        rejected (list[RejectionPublic]): Each rejected row's line and reason (first 1000)
        rejected_truncated (bool):
        warnings (int): Cells read as empty (a spreadsheet error, an unreadable optional figure) or doubted (two columns
            of one figure apart), in rows imported all the same
        warned (list[CellWarningPublic]): The first warnings, each with its line and column
        error (None | str):
        attempts (int):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: UUID
    state: ImportJobPublicState
    kind: ImportJobPublicKind
    format_: str
    filename: None | str
    encoding: None | str
    size_bytes: int
    visibility: Visibility
    platform: None | str
    mapping: ImportJobPublicMapping
    unmapped_columns: list[str]
    rows_read: int
    rows_imported: int
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    rejected: list[RejectionPublic]
    rejected_truncated: bool
    warnings: int
    warned: list[CellWarningPublic]
    error: None | str
    attempts: int
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        state = self.state.value

        kind = self.kind.value

        format_ = self.format_

        filename: None | str
        filename = self.filename

        encoding: None | str
        encoding = self.encoding

        size_bytes = self.size_bytes

        visibility = self.visibility.value

        platform: None | str
        platform = self.platform

        mapping = self.mapping.to_dict()

        unmapped_columns = self.unmapped_columns

        rows_read = self.rows_read

        rows_imported = self.rows_imported

        rows_created = self.rows_created

        rows_updated = self.rows_updated

        rows_unchanged = self.rows_unchanged

        rows_rejected = self.rows_rejected

        rejected = []
        for rejected_item_data in self.rejected:
            rejected_item = rejected_item_data.to_dict()
            rejected.append(rejected_item)

        rejected_truncated = self.rejected_truncated

        warnings = self.warnings

        warned = []
        for warned_item_data in self.warned:
            warned_item = warned_item_data.to_dict()
            warned.append(warned_item)

        error: None | str
        error = self.error

        attempts = self.attempts

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "kind": kind,
                "format": format_,
                "filename": filename,
                "encoding": encoding,
                "size_bytes": size_bytes,
                "visibility": visibility,
                "platform": platform,
                "mapping": mapping,
                "unmapped_columns": unmapped_columns,
                "rows_read": rows_read,
                "rows_imported": rows_imported,
                "rows_created": rows_created,
                "rows_updated": rows_updated,
                "rows_unchanged": rows_unchanged,
                "rows_rejected": rows_rejected,
                "rejected": rejected,
                "rejected_truncated": rejected_truncated,
                "warnings": warnings,
                "warned": warned,
                "error": error,
                "attempts": attempts,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell_warning_public import CellWarningPublic  # noqa: PLC0415
        from ..models.import_job_public_mapping import ImportJobPublicMapping  # noqa: PLC0415
        from ..models.rejection_public import RejectionPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        state = ImportJobPublicState(d.pop("state"))

        kind = ImportJobPublicKind(d.pop("kind"))

        format_ = d.pop("format")

        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))

        def _parse_encoding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        encoding = _parse_encoding(d.pop("encoding"))

        size_bytes = d.pop("size_bytes")

        visibility = Visibility(d.pop("visibility"))

        def _parse_platform(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform = _parse_platform(d.pop("platform"))

        mapping = ImportJobPublicMapping.from_dict(d.pop("mapping"))

        unmapped_columns = cast(list[str], d.pop("unmapped_columns"))

        rows_read = d.pop("rows_read")

        rows_imported = d.pop("rows_imported")

        rows_created = d.pop("rows_created")

        rows_updated = d.pop("rows_updated")

        rows_unchanged = d.pop("rows_unchanged")

        rows_rejected = d.pop("rows_rejected")

        rejected = []
        _rejected = d.pop("rejected")
        for rejected_item_data in _rejected:
            rejected_item = RejectionPublic.from_dict(rejected_item_data)

            rejected.append(rejected_item)

        rejected_truncated = d.pop("rejected_truncated")

        warnings = d.pop("warnings")

        warned = []
        _warned = d.pop("warned")
        for warned_item_data in _warned:
            warned_item = CellWarningPublic.from_dict(warned_item_data)

            warned.append(warned_item)

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        import_job_public = cls(
            id=id,
            state=state,
            kind=kind,
            format_=format_,
            filename=filename,
            encoding=encoding,
            size_bytes=size_bytes,
            visibility=visibility,
            platform=platform,
            mapping=mapping,
            unmapped_columns=unmapped_columns,
            rows_read=rows_read,
            rows_imported=rows_imported,
            rows_created=rows_created,
            rows_updated=rows_updated,
            rows_unchanged=rows_unchanged,
            rows_rejected=rows_rejected,
            rejected=rejected,
            rejected_truncated=rejected_truncated,
            warnings=warnings,
            warned=warned,
            error=error,
            attempts=attempts,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        import_job_public.additional_properties = d
        return import_job_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
