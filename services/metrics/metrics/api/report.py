"""GET /campaigns/{id}/report: the campaign's report as a page (HTML), a PDF of that page, or the
CSV, by `?format=` or else the Accept header (HTML when it names none of them)."""

import asyncio
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from metrics.adapters.pdf import PdfUnavailable, html_to_pdf
from metrics.api.dependencies import UnitOfWorkDep
from metrics.api.measurements import csv_report
from metrics.api.report_page import render_report
from metrics.application.campaign_report import campaign_report
from servicekit.problems import Problem

router = APIRouter(prefix="/api/v1", tags=["metrics"])

# Nothing from elsewhere: no script, font, stylesheet or image is fetched (inline SVG and styles).
_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


class ReportFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"
    CSV = "csv"


_MEDIA = {"text/html": ReportFormat.HTML, "application/pdf": ReportFormat.PDF, "text/csv": ReportFormat.CSV}


def negotiate(accept: str) -> ReportFormat:
    """The format of the highest-ranked media type the Accept header names that we make; HTML else."""
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media.lower() in _MEDIA and quality > 0:
            ranked.append((-quality, position, _MEDIA[media.lower()]))
    return min(ranked)[2] if ranked else ReportFormat.HTML


@router.get(
    "/campaigns/{campaign_id}/report",
    response_class=Response,
    responses={
        200: {
            "description": "The report as a page, a PDF or CSV",
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
        503: {"description": "A PDF was asked for and this deployment cannot make one (the problem says why)"},
    },
)
async def get_report(
    campaign_id: UUID,
    uow: UnitOfWorkDep,
    request: Request,
    format: Annotated[
        ReportFormat | None, Query(description="html, pdf or csv; without it the Accept header decides")
    ] = None,
) -> Response:
    """The campaign's report: headline KPIs against targets, spend against budget, daily charts, top
    posts and partnerships, per-platform and per-influencer tables and each figure's formula. The
    same figures as `GET /campaigns/{id}/metrics`."""
    chosen = format or negotiate(request.headers.get("accept", ""))
    now = datetime.now(UTC)
    if chosen is ReportFormat.CSV:
        return await csv_report(uow, campaign_id, now)
    report = await campaign_report(uow, campaign_id, now=now)
    page = await asyncio.to_thread(render_report, report)
    headers = {"Vary": "Accept", "Content-Security-Policy": _PAGE_POLICY, "Cache-Control": "private, no-store"}
    if chosen is ReportFormat.HTML:
        return Response(page, media_type="text/html; charset=utf-8", headers=headers)
    try:
        pdf = await asyncio.to_thread(html_to_pdf, page)
    except PdfUnavailable as missing:
        raise Problem(
            503, str(missing), errors=[{"field": "query.format", "message": str(missing), "type": "unavailable"}]
        ) from None
    filename = f"campaign-{campaign_id}.pdf"
    headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return Response(pdf, media_type="application/pdf", headers=headers)
