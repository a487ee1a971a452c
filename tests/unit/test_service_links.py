"""Every component starts in a Kubernetes pod: the service-link variables the kubelet injects for the
Services of deploy/k8s (GATEWAY_PORT=tcp://..., KAFKA_SERVICE_HOST=...) change none of its settings."""

from pathlib import Path

import pytest
import yaml
from pydantic_settings import BaseSettings

from content.settings import ContentSettings
from discovery.settings import DiscoverySettings
from gateway.settings import GatewaySettings
from metrics.settings import MetricsSettings
from partnerships.settings import PartnershipsSettings

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
COMPONENT_SETTINGS = [GatewaySettings, DiscoverySettings, PartnershipsSettings, ContentSettings, MetricsSettings]


def manifest_services() -> dict[str, list[dict[str, object]]]:
    services = {}
    for path in K8S.rglob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text()):
            if isinstance(doc, dict) and doc.get("kind") == "Service":
                services[doc["metadata"]["name"]] = doc["spec"]["ports"]
    return services


def service_link_env(name: str, ports: list[dict[str, object]]) -> dict[str, str]:
    """What the kubelet sets for one Service (pkg/kubelet/envvars), with a made-up cluster address."""
    prefix, address = name.upper().replace("-", "_"), "10.96.92.203"
    env = {
        f"{prefix}_SERVICE_HOST": address,
        f"{prefix}_SERVICE_PORT": str(ports[0]["port"]),
        f"{prefix}_PORT": f"tcp://{address}:{ports[0]['port']}",
    }
    for port in ports:
        number, proto = port["port"], str(port.get("protocol", "TCP"))
        if "name" in port:
            env[f"{prefix}_SERVICE_PORT_{str(port['name']).upper().replace('-', '_')}"] = str(number)
        link = f"{prefix}_PORT_{number}_{proto}"
        env[link] = f"{proto.lower()}://{address}:{number}"
        env[f"{link}_PROTO"] = proto.lower()
        env[f"{link}_PORT"] = str(number)
        env[f"{link}_ADDR"] = address
    return env


def test_the_manifests_define_the_services_a_pod_sees() -> None:
    assert {"gateway", "discovery", "partnerships", "content", "metrics", "kafka", "postgresql"} <= set(
        manifest_services()
    )


@pytest.mark.parametrize("settings_class", COMPONENT_SETTINGS, ids=lambda c: c.__name__)
def test_service_links_change_no_setting(settings_class: type[BaseSettings], monkeypatch: pytest.MonkeyPatch) -> None:
    before = settings_class().model_dump()
    for name, ports in manifest_services().items():
        for variable, value in service_link_env(name, ports).items():
            monkeypatch.setenv(variable, value)
    assert settings_class().model_dump() == before
