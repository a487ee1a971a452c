from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class DiscoverySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DISCOVERY_", extra="ignore")

    service_name: str = "discovery"
    port: int = 8001
    database_url: str = "sqlite+aiosqlite:///var/discovery.db"
