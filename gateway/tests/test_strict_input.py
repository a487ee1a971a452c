"""The gateway's own request bodies are held to servicekit's RequestModel rules, like the services'."""

from devstack.bad_input import NAIVE_TIME, misanswered, probes
from gateway.main import create_app
from gateway.settings import GatewaySettings
from servicekit.app import lax_request_bodies

from .conftest import GatewayFactory, sign_up


def test_every_json_body_of_the_gateway_is_a_request_model() -> None:
    app = create_app(GatewaySettings())
    # The token endpoint takes an OAuth2 form (RFC 6749): fields arrive as text, as query parameters do.
    assert [lax for lax in lax_request_bodies(app.app) if not lax.startswith("/api/v1/auth/token:")] == []


async def test_a_time_without_its_offset_is_refused_naming_the_field(make_gateway: GatewayFactory) -> None:
    async with make_gateway() as gateway:
        owner = await sign_up(gateway)
        own = gateway.app.app.openapi()  # type: ignore[attr-defined]
        refused = [probe for probe in probes(own, {"org_id": owner.org_id}) if probe.refused]
        failures = []
        for probe in refused:
            headers = {**owner.auth, "content-type": probe.content_type} if probe.content_type else owner.auth
            response = await gateway.request(
                probe.method, probe.path, params=probe.params, content=probe.content, headers=headers
            )
            if (wrong := misanswered(probe, response)) is not None:
                failures.append(wrong)
    assert [probe.what for probe in refused] == [f"POST /api/v1/api-keys body.expires_at = {NAIVE_TIME}"]
    assert failures == []
