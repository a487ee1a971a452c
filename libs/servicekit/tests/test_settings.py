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
    monkeypatch.setenv("EXAMPLE_OUTBOX_BATCH_SIZE", "100")
    monkeypatch.setenv("OTHER_OUTBOX_BATCH_SIZE", "200")
    assert ExampleSettings().outbox_batch_size == 100


def test_shared_variables_apply_to_every_service_unless_prefixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-a:9092")
    assert ExampleSettings().kafka_bootstrap_servers == "kafka-a:9092"
    monkeypatch.setenv("EXAMPLE_KAFKA_BOOTSTRAP_SERVERS", "kafka-b:9092")
    assert ExampleSettings().kafka_bootstrap_servers == "kafka-b:9092"


def test_managed_kafka_security_is_passed_to_clients() -> None:
    assert ExampleSettings().kafka_security() == {}
    sasl = ExampleSettings(
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="svc",
        kafka_sasl_password="pw",
    ).kafka_security()
    assert sasl["security_protocol"] == "SASL_SSL"
    assert sasl["sasl_mechanism"] == "SCRAM-SHA-512"
    assert sasl["sasl_plain_username"] == "svc"
    assert "ssl_context" in sasl


def test_sasl_without_credentials_is_refused() -> None:
    with pytest.raises(ValueError, match="needs kafka_sasl_mechanism"):
        ExampleSettings(kafka_security_protocol="SASL_PLAINTEXT").kafka_security()


@pytest.mark.parametrize(
    "field",
    ["port", "admin_port", "service_host", "admin_service_port", "service_port_http", "port_8000_tcp_addr"],
)
def test_a_setting_that_a_service_link_could_set_is_refused(field: str) -> None:
    with pytest.raises(TypeError, match=f"'{field}'.*Kubernetes"):
        type("Captured", (ServiceSettings,), {"__annotations__": {field: int}, field: 1})
