"""The gateway takes on an upload path what the service behind it takes: content's largest medium
fits the gateway's body limit for media uploads, and other paths keep the small limit."""

import uuid

from content.domain.media import LARGEST
from gateway.settings import GatewaySettings


def test_a_media_upload_may_be_as_large_as_contents_largest_medium() -> None:
    settings = GatewaySettings()
    media_path = f"/api/v1/deliverables/{uuid.uuid4()}/media"
    assert settings.body_limit(media_path) == settings.max_upload_bytes
    assert settings.body_limit(media_path) >= LARGEST
    assert settings.body_limit("/api/v1/influencers/import") == settings.max_upload_bytes
    assert settings.body_limit(f"/api/v1/deliverables/{uuid.uuid4()}/submissions") == settings.max_request_bytes
