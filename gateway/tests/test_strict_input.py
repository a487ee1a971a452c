"""The gateway's own request bodies are held to servicekit's RequestModel rules, like the services'."""

from gateway.main import create_app
from gateway.settings import GatewaySettings
from servicekit.app import lax_request_bodies


def test_every_json_body_of_the_gateway_is_a_request_model() -> None:
    app = create_app(GatewaySettings())
    # The token endpoint takes an OAuth2 form (RFC 6749): fields arrive as text, as query parameters do.
    assert [lax for lax in lax_request_bodies(app.app) if not lax.startswith("/api/v1/auth/token:")] == []
