import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from servicekit.settings import DEV_INTERNAL_SECRET, ServiceSettings


class ExampleSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EXAMPLE_", extra="ignore")
    service_name: str = "example"


def test_development_runs_on_the_embedded_defaults() -> None:
    settings = ExampleSettings()
    assert settings.environment == "development"
    assert settings.internal_secret == DEV_INTERNAL_SECRET
    assert settings.events_topic == "example.events"
    assert settings.dlq_topic == "example.dlq"


@pytest.mark.parametrize("environment", ["test", "staging", "production"])
def test_placeholder_secret_is_refused_outside_development(environment: str) -> None:
    with pytest.raises(ValidationError, match="internal_secret is a placeholder"):
        ExampleSettings(environment=environment)


def test_real_secret_is_accepted_in_production() -> None:
    assert ExampleSettings(environment="production", internal_secret="s3cr3t-" * 6).environment == "production"


def test_prefixed_variables_configure_one_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXAMPLE_PORT", "9100")
    monkeypatch.setenv("OTHER_PORT", "9200")
    assert ExampleSettings().port == 9100


def test_shared_variables_apply_to_every_service_unless_prefixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-a:9092")
    assert ExampleSettings().kafka_bootstrap_servers == "kafka-a:9092"
    monkeypatch.setenv("EXAMPLE_KAFKA_BOOTSTRAP_SERVERS", "kafka-b:9092")
    assert ExampleSettings().kafka_bootstrap_servers == "kafka-b:9092"
