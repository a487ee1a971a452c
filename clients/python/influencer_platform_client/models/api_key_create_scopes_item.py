from enum import StrEnum


class ApiKeyCreateScopesItem(StrEnum):
    CAMPAIGNSREAD = "campaigns:read"
    CAMPAIGNSWRITE = "campaigns:write"
    CONTENTREAD = "content:read"
    CONTENTWRITE = "content:write"
    CONVERSIONSREAD = "conversions:read"
    CONVERSIONSWRITE = "conversions:write"
    INFLUENCERSREAD = "influencers:read"
    INFLUENCERSWRITE = "influencers:write"
    INSIGHTSREAD = "insights:read"
    INSIGHTSWRITE = "insights:write"
    METRICSREAD = "metrics:read"
    METRICSWRITE = "metrics:write"
    PARTNERSHIPSREAD = "partnerships:read"
    PARTNERSHIPSWRITE = "partnerships:write"
    SHORTLISTSREAD = "shortlists:read"
    SHORTLISTSWRITE = "shortlists:write"
    TRACKING_LINKSREAD = "tracking-links:read"
    TRACKING_LINKSWRITE = "tracking-links:write"
    WEBHOOKSREAD = "webhooks:read"
    WEBHOOKSWRITE = "webhooks:write"

    def __str__(self) -> str:
        return str(self.value)
