from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visibility import Visibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cell_warning_public import CellWarningPublic
    from ..models.column_choice_public import ColumnChoicePublic
    from ..models.import_preview_public_checks import ImportPreviewPublicChecks
    from ..models.import_preview_public_mapping import ImportPreviewPublicMapping
    from ..models.rejection_public import RejectionPublic


T = TypeVar("T", bound="ImportPreviewPublic")


@_attrs_define
class ImportPreviewPublic:
    """What the import would do, nothing written: confirm it by importing with `mapping`.

    Attributes:
        format_ (str):
        encoding (None | str):
        platform (None | str):
        visibility (Visibility):
        columns (list[ColumnChoicePublic]):
        mapping (ImportPreviewPublicMapping): Canonical field -> column: pass it as the import's mapping
        checks (ImportPreviewPublicChecks): Field -> a second column of the same figure, checked against it
        unmapped_columns (list[str]):
        rows_read (int):
        rows_imported (int): Rows that would be created, updated or left unchanged
        rows_created (int):
        rows_updated (int):
        rows_unchanged (int):
        rows_rejected (int):
        rejected (list[RejectionPublic]): The first rows that would be rejected
        warnings (int):
        warned (list[CellWarningPublic]): The first warnings
        dry_run (bool | Unset):  Default: True.
    """

    format_: str
    encoding: None | str
    platform: None | str
    visibility: Visibility
    columns: list[ColumnChoicePublic]
    mapping: ImportPreviewPublicMapping
    checks: ImportPreviewPublicChecks
    unmapped_columns: list[str]
    rows_read: int
    rows_imported: int
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    rejected: list[RejectionPublic]
    warnings: int
    warned: list[CellWarningPublic]
    dry_run: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        encoding: None | str
        encoding = self.encoding

        platform: None | str
        platform = self.platform

        visibility = self.visibility.value

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        mapping = self.mapping.to_dict()

        checks = self.checks.to_dict()

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

        warnings = self.warnings

        warned = []
        for warned_item_data in self.warned:
            warned_item = warned_item_data.to_dict()
            warned.append(warned_item)

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "encoding": encoding,
                "platform": platform,
                "visibility": visibility,
                "columns": columns,
                "mapping": mapping,
                "checks": checks,
                "unmapped_columns": unmapped_columns,
                "rows_read": rows_read,
                "rows_imported": rows_imported,
                "rows_created": rows_created,
                "rows_updated": rows_updated,
                "rows_unchanged": rows_unchanged,
                "rows_rejected": rows_rejected,
                "rejected": rejected,
                "warnings": warnings,
                "warned": warned,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell_warning_public import CellWarningPublic  # noqa: PLC0415
        from ..models.column_choice_public import ColumnChoicePublic  # noqa: PLC0415
        from ..models.import_preview_public_checks import ImportPreviewPublicChecks  # noqa: PLC0415
        from ..models.import_preview_public_mapping import ImportPreviewPublicMapping  # noqa: PLC0415
        from ..models.rejection_public import RejectionPublic  # noqa: PLC0415

        d = dict(src_dict)
        format_ = d.pop("format")

        def _parse_encoding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        encoding = _parse_encoding(d.pop("encoding"))

        def _parse_platform(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform = _parse_platform(d.pop("platform"))

        visibility = Visibility(d.pop("visibility"))

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = ColumnChoicePublic.from_dict(columns_item_data)

            columns.append(columns_item)

        mapping = ImportPreviewPublicMapping.from_dict(d.pop("mapping"))

        checks = ImportPreviewPublicChecks.from_dict(d.pop("checks"))

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

        warnings = d.pop("warnings")

        warned = []
        _warned = d.pop("warned")
        for warned_item_data in _warned:
            warned_item = CellWarningPublic.from_dict(warned_item_data)

            warned.append(warned_item)

        dry_run = d.pop("dry_run", UNSET)

        import_preview_public = cls(
            format_=format_,
            encoding=encoding,
            platform=platform,
            visibility=visibility,
            columns=columns,
            mapping=mapping,
            checks=checks,
            unmapped_columns=unmapped_columns,
            rows_read=rows_read,
            rows_imported=rows_imported,
            rows_created=rows_created,
            rows_updated=rows_updated,
            rows_unchanged=rows_unchanged,
            rows_rejected=rows_rejected,
            rejected=rejected,
            warnings=warnings,
            warned=warned,
            dry_run=dry_run,
        )

        import_preview_public.additional_properties = d
        return import_preview_public

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
