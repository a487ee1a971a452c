"""The wire types of report share links."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from gateway.domain.report_shares import DEFAULT_DAYS, MAX_DAYS
from servicekit.schemas import RequestModel


class ReportShareCreate(RequestModel):
    expires_in_days: int = Field(DEFAULT_DAYS, ge=1, le=MAX_DAYS, description="How long the link works")


class ReportSharePublic(BaseModel):
    id: UUID
    campaign_id: UUID
    created_by: UUID | None
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


class ReportShareCreated(ReportSharePublic):
    token: str = Field(description="Shown once: only its hash is kept")
    url: str = Field(description="The public page: `GET /api/v1/shared-reports/{token}` (add `?format=pdf`)")
