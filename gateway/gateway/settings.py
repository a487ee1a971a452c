from pydantic import model_validator
from pydantic_settings import SettingsConfigDict

from servicekit.settings import PLACEHOLDER_SECRETS, ServiceSettings

DEV_JWT_SECRET = "dev-jwt-secret-change-me-0123456789abcdef"


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    service_name: str = "gateway"
    port: int = 8000
    database_url: str = "sqlite+aiosqlite:///var/gateway.db"

    discovery_url: str = "http://127.0.0.1:8001"
    partnerships_url: str = "http://127.0.0.1:8002"
    content_url: str = "http://127.0.0.1:8003"
    metrics_url: str = "http://127.0.0.1:8004"
    upstream_timeout_s: float = 10.0
    upstream_connect_timeout_s: float = 2.0
    max_request_bytes: int = 10 * 1024 * 1024

    # Signing keys by key id; tokens are signed with the active one and verified with any.
    jwt_keys: dict[str, str] = {"dev": DEV_JWT_SECRET}
    jwt_active_kid: str = "dev"
    jwt_audience: str = "influencer-platform"
    jwt_issuer: str = "influencer-platform-gateway"
    access_token_ttl_s: int = 900
    refresh_token_ttl_s: int = 30 * 24 * 3600
    # argon2id cost; the defaults are argon2-cffi's (RFC 9106 low-memory profile).
    password_time_cost: int = 3
    password_memory_kib: int = 65536

    @model_validator(mode="after")
    def _refuse_placeholder_keys(self) -> "GatewaySettings":
        if self.jwt_active_kid not in self.jwt_keys:
            raise ValueError(f"jwt_active_kid {self.jwt_active_kid!r} is not among jwt_keys")
        if self.environment != "development":
            weak = [kid for kid, key in self.jwt_keys.items() if key in PLACEHOLDER_SECRETS | {DEV_JWT_SECRET}]
            short = [kid for kid, key in self.jwt_keys.items() if len(key) < 32]
            if weak or short:
                raise ValueError(f"JWT keys {sorted(set(weak + short))} are placeholders or shorter than 32 chars")
        return self

    def upstream_urls(self) -> dict[str, str]:
        return {
            "discovery": self.discovery_url,
            "partnerships": self.partnerships_url,
            "content": self.content_url,
            "metrics": self.metrics_url,
        }
