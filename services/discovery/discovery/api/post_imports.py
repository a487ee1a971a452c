from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from discovery.adapters.file_formats import (
    CONTENT_TYPES,
    ZIP_CONTENT_TYPES,
    read_posts_file,
    read_posts_upload,
)
from discovery.api import presenters
from discovery.api.dependencies import ActorDep, CanWrite, SettingsDep, UnitOfWorkDep
from discovery.api.imports import (
    MAPPING_MAX_LENGTH,
    preview_response,
    queued,
    receive_upload,
    upload_body,
    with_form,
)
from discovery.api.post_schemas import PostFormat
from discovery.api.schemas import ImportJobPublic, ImportPreviewPublic
from discovery.application import post_imports
from discovery.domain.profiles import Platform
from discovery.domain.search import Visibility
from servicekit.schemas import SINGLE_LINE

router = APIRouter(tags=["imports"])

MEDIA_TYPES = (*CONTENT_TYPES, *sorted(ZIP_CONTENT_TYPES))


@router.post(
    "/api/v1/influencers/posts/import",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ImportJobPublic,
    dependencies=[CanWrite],
    responses={
        200: {"model": ImportPreviewPublic, "description": "dry_run=true: what the import would do, nothing written"},
        415: {"description": "Neither a multipart file nor a CSV, TSV, NDJSON or zip body"},
    },
    openapi_extra=upload_body(MEDIA_TYPES),
)
async def import_posts(
    request: Request,
    uow: UnitOfWorkDep,
    actor: ActorDep,
    settings: SettingsDep,
    response: Response,
    platform: Annotated[Platform | None, Query(description="Platform of rows without a platform or URL")] = None,
    format: Annotated[PostFormat | None, Query(description="Otherwise from the file name or content type")] = None,
    visibility: Annotated[Visibility | None, Query(description="shared: platform admins only")] = None,
    mapping: Annotated[
        str | None,
        Query(
            max_length=MAPPING_MAX_LENGTH,
            pattern=SINGLE_LINE,
            description='JSON: post field -> column, e.g. {"likes": "Hearts", "caption": null}',
        ),
    ] = None,
    dry_run: Annotated[bool, Query(description="Only preview: the posts imported, warned of and rejected")] = False,
) -> ImportJobPublic | Response:
    """Upload posts of profiles you can see (CSV, TSV or NDJSON rows, instaloader's post JSON as
    NDJSON or a zip of one file per post): 202 with the queued import job, read at
    /api/v1/import-jobs/{id}; `dry_run=true`: 200 with a preview, nothing written."""
    content, filename, content_type, fields = await receive_upload(
        request, settings.import_max_bytes, media_types=MEDIA_TYPES
    )
    given, platform, format = with_form(fields, mapping, platform, format, PostFormat)
    options = post_imports.PostImportOptions(platform=platform, mapping=given, visibility=visibility)
    upload = read_posts_upload(
        content, filename=filename, content_type=content_type, format_name=format.value if format else None
    )
    if dry_run:
        found = await post_imports.preview(
            uow,
            actor,
            upload,
            read_posts_file(upload.content, upload.format),
            options,
            chunk_rows=settings.import_chunk_rows,
            shown=presenters.PREVIEW_SHOWN,
        )
        return preview_response(found)
    return queued(request, uow, response, await post_imports.submit(uow, actor, upload, options))
