from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from gateway.domain.idempotency import KEY_TTL_S
from gateway.domain.rate_limit import Limit
from gateway.domain.routing import takes_uploads
from servicekit.idempotency import MAX_KEY_TTL
from servicekit.settings import PLACEHOLDER_SECRETS, ServiceSettings

DEV_JWT_SECRET = "dev-jwt-secret-change-me-0123456789abcdef"


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    service_name: str = "gateway"
    database_url: str = "sqlite+aiosqlite:///var/gateway.db"

    discovery_url: str = "http://127.0.0.1:8001"
    partnerships_url: str = "http://127.0.0.1:8002"
    content_url: str = "http://127.0.0.1:8003"
    metrics_url: str = "http://127.0.0.1:8004"
    upstream_timeout_s: float = 10.0
    upstream_connect_timeout_s: float = 2.0
    # Kept-alive connections to a service idle longer than this are not reused: under uvicorn's
    # own 5 s, so the gateway never sends on a connection the service is closing.
    upstream_idle_timeout_s: float = 4.0
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
    api_key_cache_ttl_s: float = 30.0
    # How often each replica reads the revocations the others wrote (access taken away ends on
    # every replica within about this long).
    revocation_sync_interval_s: float = Field(default=1.0, gt=0)

    # Mail (sign-up confirmations, invitations): through SMTP when smtp_server is set, else each
    # message is a file in mail_dir and a log line (development and tests). One "host[:port]"
    # setting: GATEWAY_SMTP_PORT is a name Kubernetes gives a Service "gateway-smtp"'s link.
    mail_from: str = "Influencer platform <no-reply@localhost>"
    mail_dir: str = "var/mail"
    smtp_server: str | None = Field(default=None, description="host or host:port (port 587 unless given)")
    smtp_security: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_username: str | None = None
    smtp_password: str | None = None
    # The API as a mail's reader reaches it, and the front end whose /confirm and /join pages
    # take a token from the URL fragment (without one, mails show the API call).
    public_url: str = "http://127.0.0.1:8000"
    frontend_url: str | None = None
    signup_ttl_s: int = Field(default=24 * 3600, gt=0)
    invitation_ttl_s: int = Field(default=7 * 24 * 3600, gt=0)

    # Token buckets per caller and route class, held across replicas: each replica hands the others
    # what it used every rate_limit_share_interval_s through the database (0: each on its own).
    rate_limit_share_interval_s: float = 1.0
    rate_limits: dict[str, dict[str, int]] = {
        "read": {"per_minute": 1200, "burst": 200},
        "brand_write": {"per_minute": 300, "burst": 60},
        "creator_write": {"per_minute": 300, "burst": 60},
        "partner_write": {"per_minute": 3000, "burst": 500},
        "public": {"per_minute": 6000, "burst": 1000},  # the tracking redirect, per client address
        "auth": {"per_minute": 30, "burst": 10},  # sign-up and token, per client address
        "personal": {"per_minute": 60, "burst": 20},  # a person answering invitations to them
    }
    trust_forwarded_for: bool = False
    cors_origins: list[str] = []

    max_upload_bytes: int = 50 * 1024 * 1024  # influencer imports; content's media (videos up to 50 MiB)
    upstream_retries: int = 2
    # Concurrent visits of /r/{code} travel to metrics together: at most this many in one call,
    # waiting at most this long for company while a call is on its way (none when idle).
    redirect_batch_max: int = Field(default=64, ge=1, le=1000)
    redirect_batch_wait_ms: float = Field(default=0.5, ge=0)
    breaker_threshold: int = 5
    breaker_cooldown_s: float = 10.0
    breaker_min_callers: int = 2  # the faults that open it come from this many callers (or none)
    breaker_window_s: float = 30.0
    overview_part_timeout_s: float = 3.0
    # Forwarded to the services, which keep their record of a key as long (at most MAX_KEY_TTL).
    idempotency_ttl_s: int = Field(default=KEY_TTL_S, ge=1, le=int(MAX_KEY_TTL.total_seconds()))
    # A key whose request has not answered after this long is taken over by the next request
    # with it (the replica running it died); longer than any request runs (upstream timeouts).
    idempotency_lease_s: float = 60.0

    webhook_max_attempts: int = 8
    webhook_timeout_s: float = 10.0
    webhook_retry_base_s: float = 5.0
    # Off outside development and test: a subscriber must not make us call our own network.
    webhook_allow_private_targets: bool | None = None

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

    @model_validator(mode="after")
    def _lease_outlasts_requests(self) -> "GatewaySettings":
        longest = (self.upstream_connect_timeout_s + self.upstream_timeout_s) * (1 + self.upstream_retries)
        if self.idempotency_lease_s <= longest:
            raise ValueError(
                f"idempotency_lease_s ({self.idempotency_lease_s}) must be over the longest a proxied request "
                f"may take ({longest} s: connect and upstream timeouts, with retries)"
            )
        return self

    @property
    def smtp_address(self) -> tuple[str, int] | None:
        """The mail server's host and port, or None: mail goes to files."""
        if not self.smtp_server:
            return None
        host, colon, port = self.smtp_server.rpartition(":")
        return (host, int(port)) if colon else (self.smtp_server, 587)

    @field_validator("smtp_server")
    @classmethod
    def _host_and_port(cls, server: str | None) -> str | None:
        if server:
            host, colon, port = server.rpartition(":")
            if colon and (not host or not port.isdigit() or not 0 < int(port) < 65536):
                raise ValueError(f"smtp_server is host or host:port, not {server!r}")
        return server

    @property
    def allow_private_webhook_targets(self) -> bool:
        if self.webhook_allow_private_targets is not None:
            return self.webhook_allow_private_targets
        return self.environment in ("development", "test")

    def body_limit(self, path: str) -> int:
        """The largest request body the gateway takes for this path."""
        return self.max_upload_bytes if takes_uploads(path) else self.max_request_bytes

    def limits(self) -> dict[str, Limit]:
        return {name: Limit(per_minute=v["per_minute"], burst=v["burst"]) for name, v in self.rate_limits.items()}

    def upstream_urls(self) -> dict[str, str]:
        return {
            "discovery": self.discovery_url,
            "partnerships": self.partnerships_url,
            "content": self.content_url,
            "metrics": self.metrics_url,
        }
