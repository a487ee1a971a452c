from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class MetricsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="METRICS_", extra="ignore")

    service_name: str = "metrics"
    database_url: str = "sqlite+aiosqlite:///var/metrics.db"
