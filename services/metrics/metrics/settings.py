import hashlib
import hmac

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class MetricsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="METRICS_", extra="ignore")

    service_name: str = "metrics"
    database_url: str = "sqlite+aiosqlite:///var/metrics.db"
    # Where short links point: the gateway's public address (`/r/{code}` under it).
    public_url: str = "http://127.0.0.1:8000"
    # The topics clicks and insight snapshots are appended to, and the aggregator reads.
    clicks_topic: str = "metrics.clicks"
    insights_topic: str = "metrics.insights"
    # A click the broker has not taken in this long goes to the spool (the database) instead.
    click_send_timeout_ms: int = 1_500
    # After a failure, clicks go straight to the spool for this long before the broker is tried again.
    click_broker_retry_s: float = 2.0
    # The spool's bound: beyond it a click is counted lost (metrics_clicks_lost_total) and logged.
    click_spool_max_rows: int = 10_000_000
    # How often each replica reads the links the others made or changed.
    link_refresh_interval_s: float = 0.5
    # The aggregator: records per batch and how long the broker may hold an empty fetch.
    aggregator_batch_records: int = 10_000
    aggregator_fetch_max_wait_ms: int = 50
    # Batches start at most this often unless one is full: each costs a transaction, and under a
    # steady stream of clicks the aggregator would otherwise commit once per click flush.
    aggregator_min_interval_ms: int = Field(default=100, ge=0, le=1_000)
    # How often changed partnerships' performance and reached KPI targets are told.
    publish_interval_s: float = 2.0
    # Click ids and client hashes are keyed with this (default: derived from the internal secret).
    click_secret: str | None = None

    def click_key(self) -> bytes:
        secret = self.click_secret or self.internal_secret
        return hmac.new(secret.encode(), b"metrics click ids", hashlib.sha256).digest()

    def client_salt(self) -> bytes:
        secret = self.click_secret or self.internal_secret
        return hmac.new(secret.encode(), b"metrics client hash", hashlib.sha256).digest()
