"""Share links of a campaign's report (application/report_shares.py): made, listed and revoked by
the org's owners and managers; the public page read through them, without signing in."""

from datetime import UTC, datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response, status

from gateway.adapters.report_reader import MetricsReports
from gateway.adapters.security import service_context
from gateway.adapters.service_reader import UpstreamReader
from gateway.api.dependencies import (
    SHOWS_SECRET_ONCE,
    Caller,
    UnitOfWorkDep,
    client_address,
    limit_anonymous,
    settings_of,
)
from gateway.api.report_share_schemas import ReportShareCreate, ReportShareCreated, ReportSharePublic
from gateway.application import report_shares
from gateway.domain.routing import Action
from servicekit.pagination import Page
from servicekit.problems import Problem

router = APIRouter(prefix="/api/v1", tags=["report shares"])
# secrets.token_urlsafe(32): 43 characters; anything else is no link we made (the same 404).
TOKEN = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]


def _reader(request: Request, caller: Caller) -> UpstreamReader:
    settings = settings_of(request)
    headers = service_context(caller, Action.READ).headers(settings.internal_secret)
    return UpstreamReader(
        request.app.state.upstreams, headers, settings.overview_part_timeout_s, caller.rate_limit_identity
    )


def _public(share: object) -> ReportSharePublic:
    return ReportSharePublic.model_validate(share, from_attributes=True)


@router.post(
    "/campaigns/{campaign_id}/report-shares", status_code=status.HTTP_201_CREATED, dependencies=[SHOWS_SECRET_ONCE]
)
async def create_report_share(
    campaign_id: UUID, body: ReportShareCreate, caller: Caller, uow: UnitOfWorkDep, request: Request, response: Response
) -> ReportShareCreated:
    """A read-only link to the campaign's report that works without signing in until it expires
    (7 days unless set, at most 90) or is revoked. The token is shown once."""
    share, token = await report_shares.create(
        uow, _reader(request, caller), caller, campaign_id, days=body.expires_in_days, now=datetime.now(UTC)
    )
    response.headers["Location"] = f"/api/v1/report-shares/{share.id}"
    url = f"{settings_of(request).public_url.rstrip('/')}/api/v1/shared-reports/{token}"
    return ReportShareCreated(**_public(share).model_dump(), token=token, url=url)


@router.get("/campaigns/{campaign_id}/report-shares")
async def list_report_shares(
    campaign_id: UUID, caller: Caller, uow: UnitOfWorkDep, request: Request
) -> Page[ReportSharePublic]:
    """The campaign's share links, newest first, revoked and expired ones too (never their tokens)."""
    shares = await report_shares.of_campaign(uow, _reader(request, caller), caller, campaign_id)
    return Page(items=[_public(share) for share in shares])


@router.delete("/report-shares/{share_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_report_share(share_id: UUID, caller: Caller, uow: UnitOfWorkDep) -> None:
    """The link stops working at once, on every replica (each request looks it up)."""
    await report_shares.revoke(uow, caller, share_id, datetime.now(UTC))


@router.get(
    "/shared-reports/{token}",
    response_class=Response,
    dependencies=[limit_anonymous("auth")],
    responses={
        200: {
            "description": "The shared campaign report: a page, or its PDF",
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
            },
        },
        404: {"description": "No such link, or it expired or was revoked"},
    },
)
async def shared_report(
    token: TOKEN,
    uow: UnitOfWorkDep,
    request: Request,
    format: Annotated[Literal["html", "pdf"] | None, Query(description="html or pdf; else Accept decides")] = None,
) -> Response:
    """A campaign's report through a share link: no sign-in, read-only, the org's figures."""
    accept = request.headers.get("accept", "")
    if format is None and "application/pdf" not in accept:
        format = "html"  # the link shows the page or its PDF, nothing else
    reports = MetricsReports(
        request.app.state.upstreams, settings_of(request).internal_secret, f"ip:{client_address(request)}"
    )
    fetched = await report_shares.open_shared(uow, reports, token, format=format, accept=accept, now=datetime.now(UTC))
    if fetched.status >= 500 and fetched.status != 503:  # 503: the PDF renderer is missing, and says what
        raise Problem(502, f"the metrics service answered {fetched.status}", upstream="metrics")
    return Response(
        fetched.body, status_code=fetched.status, media_type=fetched.content_type or None, headers=fetched.headers
    )
