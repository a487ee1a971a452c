from typing import Literal

from pydantic_settings import SettingsConfigDict

from servicekit.settings import ServiceSettings


class DiscoverySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DISCOVERY_", extra="ignore")

    service_name: str = "discovery"
    database_url: str = "sqlite+aiosqlite:///var/discovery.db"
    # tfidf (scikit-learn, default) or embedding (needs the optional `embeddings` extra).
    text_similarity: Literal["tfidf", "embedding"] = "tfidf"
    # Candidates each retrieval query of ranked search and lookalikes may return (up to 3 queries).
    ranking_pool: int = 300
    import_max_bytes: int = 50 * 1024 * 1024
    import_chunk_rows: int = 2000
    # On PostgreSQL, files from this size on are parsed by a child process while the worker writes
    # (import_pipeline); above import_max_bytes: never.
    import_pipeline_min_bytes: int = 1024 * 1024
    import_worker_enabled: bool = True
    # A running job whose worker sent no heartbeat for this long is taken over and resumed.
    import_lease_s: float = 60.0
    import_poll_interval_s: float = 2.0
    default_currency: str = "USD"
