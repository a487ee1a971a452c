from typing import Literal

from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class ContentSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CONTENT_", extra="ignore")

    service_name: str = "content"
    database_url: str = "sqlite+aiosqlite:///var/content.db"
    # Where uploaded media live: a directory (development) or an S3-compatible bucket.
    blob_store: Literal["local", "s3"] = "local"
    blob_dir: str = "var/content-media"
    s3_bucket: str = "content-media"
    s3_endpoint_url: str | None = None  # None: AWS itself; else MinIO, R2, s3proxy...
    s3_region: str = "us-east-1"
    # None: botocore's credential chain (environment, files, instance or pod role).
    s3_access_key_id: str | None = None
    s3_secret_access_key: str | None = None
    s3_create_bucket: bool = False
    # How often the overdue job looks (it tells each overdue deliverable once, whatever this is).
    overdue_interval_s: float = 60.0
