from collections.abc import Callable, Collection, Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, NamedTuple, TypeVar
from uuid import UUID

import orjson
from fastapi import APIRouter, Query, Request, Response, status
from starlette.datastructures import UploadFile

from contracts.money import Currency
from discovery.adapters.file_formats import CONTENT_TYPES, ImportFormat, read_file, read_upload
from discovery.api import presenters
from discovery.api.dependencies import ActorDep, CanRead, CanWrite, SettingsDep, UnitOfWorkDep
from discovery.api.schemas import ImportJobPublic, ImportPreviewPublic, RejectionPublic
from discovery.application import imports
from discovery.domain.imports import ImportJob
from discovery.domain.profiles import Platform
from discovery.domain.search import Visibility
from servicekit.pagination import Page, Pagination, bad_cursor, encode_cursor
from servicekit.problems import Problem
from servicekit.schemas import SINGLE_LINE

router = APIRouter(tags=["imports"])

MAPPING_MAX_LENGTH = 10_000
E = TypeVar("E")
F = TypeVar("F", bound=StrEnum)


def _field_problem(status_code: int, field: str, message: str) -> Problem:
    return Problem(
        status_code,
        f"Invalid fields: {field}",
        errors=[{"field": field, "message": message, "type": "value_error"}],
    )


def _too_large(limit: int) -> Problem:
    return Problem(413, f"the upload is larger than {limit} bytes")


async def _read_capped(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_mapping(raw: str | None, field: str) -> dict[str, str | None]:
    if raw is None or not raw.strip():
        return {}
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        value = None
    if not isinstance(value, dict) or not all(isinstance(v, str | None) for v in value.values()):
        raise _field_problem(422, field, 'a JSON object of field -> column name (or null), e.g. {"followers": "Subs"}')
    return value


class Received(NamedTuple):
    content: bytes
    filename: str | None
    content_type: str
    # The other fields of a multipart form (none for a raw body).
    fields: dict[str, str]


async def receive_upload(request: Request, limit: int, *, media_types: Collection[str]) -> Received:
    """The uploaded file: a multipart form's `file` (with the form's other fields), or the raw body
    in one of `media_types`; at most `limit` bytes (413), never empty (422)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise _too_large(limit)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form(max_files=1, max_fields=20)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise _field_problem(422, "body.file", "send the file in a form field named file")
        content = await upload.read(limit + 1)
        if len(content) > limit:
            raise _too_large(limit)
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        received = Received(content, upload.filename, upload.content_type or "", fields)
    else:
        media_type = content_type.split(";")[0].strip().lower()
        if "format" not in request.query_params and media_type not in media_types:
            raise Problem(415, f"send multipart/form-data with a file, or the file itself as {', '.join(media_types)}")
        received = Received(await _read_capped(request, limit), None, content_type, {})
    if not received.content.strip():
        raise _field_problem(422, "body.file", "the file is empty")
    return received


def with_form(
    fields: Mapping[str, str], mapping: str | None, platform: Platform | None, format: F | None, formats: type[F]
) -> tuple[dict[str, str | None], Platform | None, F | None]:
    """The mapping, platform and format given in the query, else in the upload's form."""
    mapping_field = "query.mapping"
    if "mapping" in fields and mapping is None:
        mapping, mapping_field = fields["mapping"], "body.mapping"
    if "platform" in fields and platform is None:
        platform = form_choice(fields, "platform", Platform, "unknown platform")
    if "format" in fields and format is None:
        format = form_choice(fields, "format", formats, f"one of {', '.join(f.value for f in formats)}")
    return parse_mapping(mapping, mapping_field), platform, format


def upload_body(media_types: Sequence[str]) -> dict[str, Any]:
    """An upload's OpenAPI request body: a multipart `file`, or the raw body in one of `media_types`."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
                **{media: {"schema": {"type": "string"}} for media in media_types},
            },
        }
    }


def form_choice(fields: Mapping[str, str], name: str, choices: Callable[[str], E], message: str) -> E:
    try:
        return choices(fields[name])
    except ValueError:
        raise _field_problem(422, f"body.{name}", message) from None


@router.post(
    "/api/v1/influencers/import",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ImportJobPublic,
    dependencies=[CanWrite],
    responses={
        200: {"model": ImportPreviewPublic, "description": "dry_run=true: what the import would do, nothing written"},
        415: {"description": "Neither a multipart file nor a CSV, TSV or NDJSON body"},
    },
    openapi_extra=upload_body(CONTENT_TYPES),
)
async def import_influencers(
    request: Request,
    uow: UnitOfWorkDep,
    actor: ActorDep,
    settings: SettingsDep,
    response: Response,
    platform: Annotated[Platform | None, Query(description="Platform of rows without a platform column")] = None,
    format: Annotated[ImportFormat | None, Query(description="Otherwise from the file name or content type")] = None,
    currency: Annotated[Currency | None, Query(description="Currency of prices")] = None,
    visibility: Annotated[Visibility | None, Query(description="shared: platform admins only")] = None,
    mapping: Annotated[
        str | None,
        Query(
            max_length=MAPPING_MAX_LENGTH,
            pattern=SINGLE_LINE,
            description='JSON: canonical field -> column, e.g. {"followers": "#Subs", "bio": null}',
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        Query(description="Only preview: the mapping of each column, the rows imported, warned of and rejected"),
    ] = False,
) -> ImportJobPublic | Response:
    """Upload CSV, TSV or NDJSON (multipart `file`, or the raw body): 202 with the queued job; with
    `dry_run=true`, 200 with a preview of the import, nothing written (confirm with its `mapping`)."""
    received = await receive_upload(request, settings.import_max_bytes, media_types=CONTENT_TYPES)
    content, filename, content_type, fields = received
    given, platform, format = with_form(fields, mapping, platform, format, ImportFormat)
    options = imports.ImportOptions(
        platform=platform,
        currency=currency or settings.default_currency,
        mapping=given,
        visibility=visibility,
    )
    upload = read_upload(
        content, filename=filename, content_type=content_type, format_name=format.value if format else None
    )
    if dry_run:
        found = await imports.preview(
            uow,
            actor,
            upload,
            read_file(upload.content, upload.format),
            options,
            chunk_rows=settings.import_chunk_rows,
            shown=presenters.PREVIEW_SHOWN,
        )
        return preview_response(found)
    return queued(request, uow, response, await imports.submit(uow, actor, upload, options))


def preview_response(found: imports.ImportPreview) -> Response:
    return Response(presenters.import_preview(found).model_dump_json(), media_type="application/json")


def queued(request: Request, uow: UnitOfWorkDep, response: Response, job: ImportJob) -> ImportJobPublic:
    """The answer to an upload whose job is queued: the job, where to read it, the worker woken
    once the job is committed."""
    worker = getattr(request.app.state, "import_worker", None)
    if worker is not None:
        uow.after_commit(worker.wake)
    response.headers["Location"] = f"/api/v1/import-jobs/{job.id}"
    return presenters.import_job(job, [])


@router.get("/api/v1/import-jobs/{job_id}", dependencies=[CanRead])
async def get_import_job(job_id: UUID, uow: UnitOfWorkDep) -> ImportJobPublic:
    """An import's state and progress: rows read, imported, rejected with each line and reason."""
    job = await imports.job_of_org(uow, job_id)
    rejections = await imports.rejections(uow, job, limit=presenters.REJECTIONS_SHOWN + 1, after_line=None)
    warnings = await imports.warnings(uow, job, limit=presenters.WARNINGS_SHOWN)
    return presenters.import_job(job, rejections, warnings)


@router.get("/api/v1/import-jobs/{job_id}/rejections", dependencies=[CanRead])
async def list_rejections(job_id: UUID, uow: UnitOfWorkDep, page: Pagination) -> Page[RejectionPublic]:
    """Every rejected row of an import, in file order."""
    job = await imports.job_of_org(uow, job_id)
    after_line = None
    if page.after:
        if not isinstance(page.after[0], int):
            raise bad_cursor()
        after_line = page.after[0]
    found = await imports.rejections(uow, job, limit=page.limit + 1, after_line=after_line)
    shown = found[: page.limit]
    next_cursor = encode_cursor([shown[-1].line]) if len(found) > page.limit else None
    return Page(items=[presenters.rejection(r) for r in shown], next_cursor=next_cursor)
