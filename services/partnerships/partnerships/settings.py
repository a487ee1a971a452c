from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class PartnershipsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PARTNERSHIPS_", extra="ignore")

    service_name: str = "partnerships"
    database_url: str = "sqlite+aiosqlite:///var/partnerships.db"
