"""Checks rendered kustomize output: `python check_manifests.py [--self-contained] [--no-secrets] FILE`.

FILE is what `kustomize build` printed for one overlay. Exits 1 and names every problem found.
"""

import argparse
import json
import re
import sys
from collections import Counter
from urllib.parse import urlsplit

import yaml

API_VERSIONS = {
    "Namespace": "v1",
    "ServiceAccount": "v1",
    "Service": "v1",
    "EndpointSlice": "discovery.k8s.io/v1",
    "ConfigMap": "v1",
    "Secret": "v1",
    "Deployment": "apps/v1",
    "StatefulSet": "apps/v1",
    "Job": "batch/v1",
    "HorizontalPodAutoscaler": "autoscaling/v2",
    "PodDisruptionBudget": "policy/v1",
    "NetworkPolicy": "networking.k8s.io/v1",
    "ServiceMonitor": "monitoring.coreos.com/v1",
    "PrometheusRule": "monitoring.coreos.com/v1",
    "ExternalSecret": "external-secrets.io/v1",
}
WORKLOADS = ("Deployment", "StatefulSet", "Job")
PLATFORM_COMPONENTS = ("gateway", "service")
ENV_REFERENCE = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")
# A pod's /tmp is a small emptyDir for what libraries scribble; media need a volume of their own.
TMP = "/tmp"


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def __call__(self, where: str, problem: str) -> None:
        self.problems.append(f"{where}: {problem}")


def name_of(doc: dict) -> str:
    return f"{doc['kind']}/{doc['metadata']['name']}"


def pod_spec(doc: dict) -> dict:
    return doc["spec"]["template"]["spec"]


def pod_labels(doc: dict) -> dict:
    return doc["spec"]["template"]["metadata"].get("labels", {})


def selects(selector: dict, labels: dict) -> bool:
    """A Service's plain map, or a LabelSelector (matchLabels, matchExpressions)."""
    if not selector:
        return False
    structured = "matchLabels" in selector or "matchExpressions" in selector
    match_labels = selector.get("matchLabels", {}) if structured else selector
    if any(labels.get(key) != value for key, value in match_labels.items()):
        return False
    for expression in selector.get("matchExpressions", []):
        present = expression["key"] in labels
        value = labels.get(expression["key"])
        operator = expression["operator"]
        if operator == "In" and value not in expression["values"]:
            return False
        if operator == "NotIn" and value in expression["values"]:
            return False
        if operator == "Exists" and not present:
            return False
        if operator == "DoesNotExist" and present:
            return False
    return True


def check_container(report: Report, where: str, container: dict, needs_probes: bool) -> None:
    where = f"{where} container {container.get('name')}"
    if not container.get("image"):
        report(where, "no image")
    security = container.get("securityContext", {})
    if security.get("allowPrivilegeEscalation") is not False:
        report(where, "securityContext.allowPrivilegeEscalation is not false")
    if security.get("readOnlyRootFilesystem") is not True:
        report(where, "securityContext.readOnlyRootFilesystem is not true")
    if security.get("privileged"):
        report(where, "privileged")
    if "ALL" not in security.get("capabilities", {}).get("drop", []):
        report(where, "capabilities are not all dropped")
    resources = container.get("resources", {})
    for kind in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if resource not in resources.get(kind, {}):
                report(where, f"no resources.{kind}.{resource}")
    if needs_probes:
        for probe in ("livenessProbe", "readinessProbe"):
            if probe not in container:
                report(where, f"no {probe}")


def check_workload(report: Report, doc: dict, config_maps: dict[str, dict]) -> None:
    where = name_of(doc)
    spec = pod_spec(doc)
    security = spec.get("securityContext", {})
    if security.get("runAsNonRoot") is not True:
        report(where, "pod securityContext.runAsNonRoot is not true")
    if security.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        report(where, "pod seccompProfile is not RuntimeDefault")
    if spec.get("automountServiceAccountToken") is not False:
        report(where, "mounts a service account token it does not need")
    for container in spec.get("initContainers", []):
        check_container(report, where, container, needs_probes=False)
        check_env_references(report, where, container, config_maps)
    for container in spec["containers"]:
        check_container(report, where, container, needs_probes=doc["kind"] != "Job")
        check_env_references(report, where, container, config_maps)
    mounts = {m["mountPath"] for c in spec["containers"] for m in c.get("volumeMounts", [])}
    if "/tmp" not in mounts:
        report(where, "no writable /tmp (the root filesystem is read-only)")
    labels = pod_labels(doc)
    if labels.get("app.kubernetes.io/part-of") != "influencer-platform":
        report(where, "pod template lacks app.kubernetes.io/part-of=influencer-platform")
    if doc["kind"] == "Deployment":
        check_platform_deployment(report, doc)


def check_platform_deployment(report: Report, doc: dict) -> None:
    """The gateway and the services: the probes and settings their code expects."""
    where = name_of(doc)
    name = doc["metadata"]["name"]
    labels = pod_labels(doc)
    if labels.get("app.kubernetes.io/name") != name:
        report(where, f"pod label app.kubernetes.io/name is not {name!r}")
    if labels.get("app.kubernetes.io/component") not in PLATFORM_COMPONENTS:
        report(where, f"pod label app.kubernetes.io/component is not one of {PLATFORM_COMPONENTS}")
    container = pod_spec(doc)["containers"][0]
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        actual = container.get(probe, {}).get("httpGet", {}).get("path")
        if actual != path:
            report(where, f"{probe} checks {actual!r}, not {path!r}")
    if f"{name}.main:create_app" not in container.get("args", []):
        report(where, f"does not start {name}.main:create_app")
    env = {e["name"] for e in container.get("env", [])}
    for variable in (f"{name.upper()}_DATABASE_URL", "PLATFORM_INTERNAL_SECRET"):
        if variable not in env:
            report(where, f"does not set {variable}")
    annotations = doc["spec"]["template"]["metadata"].get("annotations", {})
    port = str(container["ports"][0]["containerPort"])
    if annotations.get("prometheus.io/scrape") != "true" or annotations.get("prometheus.io/port") != port:
        report(where, "no prometheus.io scrape annotations for its port")


def check_env_references(report: Report, where: str, container: dict, config_maps: dict[str, dict]) -> None:
    """Every $(VAR) in an env value must be defined before it (envFrom, or earlier in env)."""
    defined: set[str] = set()
    for source in container.get("envFrom", []):
        ref = source.get("configMapRef")
        if ref and ref["name"] in config_maps:
            defined |= set(config_maps[ref["name"]].get("data", {}))
    for variable in container.get("env", []):
        for reference in ENV_REFERENCE.findall(variable.get("value", "")):
            if reference not in defined:
                report(
                    f"{where} container {container['name']}",
                    f"{variable['name']} uses $({reference}), defined nowhere before it",
                )
        defined.add(variable["name"])


def container_env(container: dict, config_maps: dict[str, dict]) -> dict[str, str | None]:
    """The variables a container gets: a ConfigMap's value or a literal, None when from a Secret."""
    env: dict[str, str | None] = {}
    for source in container.get("envFrom", []):
        ref = source.get("configMapRef")
        if ref and ref["name"] in config_maps:
            env.update(config_maps[ref["name"]].get("data", {}))
    for variable in container.get("env", []):
        env[variable["name"]] = variable.get("value")
    return env


def egress_allowed(policies: list[dict], labels: dict, port: int) -> bool:
    """Whether pods with these labels may open TCP connections to `port` (anywhere): policies add up,
    and a pod no Egress policy selects may go anywhere."""
    selecting = [
        p
        for p in policies
        if "Egress" in p["spec"].get("policyTypes", [])
        and (p["spec"]["podSelector"] == {} or selects(p["spec"]["podSelector"], labels))
    ]
    if not selecting:
        return True
    for policy in selecting:
        for rule in policy["spec"].get("egress", []):
            ports = rule.get("ports")
            if not ports or any(p.get("protocol", "TCP") == "TCP" and p.get("port") == port for p in ports):
                return True
    return False


def check_content_media(
    report: Report, doc: dict, config_maps: dict[str, dict], policies: list[dict], *, autoscaled: bool
) -> None:
    """Content keeps uploaded media in its blob store: an S3 bucket the pods may reach, or a directory
    on a writable volume of its own that one replica alone writes (others would not see its media)."""
    where = name_of(doc)
    container = pod_spec(doc)["containers"][0]
    env = container_env(container, config_maps)
    store = env.get("CONTENT_BLOB_STORE") or "local"
    if store == "s3":
        if not env.get("CONTENT_S3_BUCKET"):
            report(where, "CONTENT_BLOB_STORE=s3 without CONTENT_S3_BUCKET")
        endpoint = urlsplit(env.get("CONTENT_S3_ENDPOINT_URL") or "https://s3.amazonaws.com")
        port = endpoint.port or (80 if endpoint.scheme == "http" else 443)
        if not egress_allowed(policies, pod_labels(doc), port):
            report(where, f"its network policies allow no egress to the media bucket's port {port}")
        return
    if store != "local":
        report(where, f"CONTENT_BLOB_STORE is {store!r}, not local or s3")
        return
    directory = env.get("CONTENT_BLOB_DIR") or "var/content-media"
    if not directory.startswith("/"):
        report(where, f"media go to {directory!r} under the working directory, on the read-only root filesystem")
        return
    mounts = [
        m for m in container.get("volumeMounts", []) if (directory + "/").startswith(m["mountPath"].rstrip("/") + "/")
    ]
    mount = max(mounts, key=lambda m: len(m["mountPath"]), default=None)
    if mount is None or mount.get("readOnly"):
        report(where, f"CONTENT_BLOB_DIR {directory} is on no writable volume")
    elif mount["mountPath"] == TMP:
        report(where, f"CONTENT_BLOB_DIR {directory} is on the small {TMP} volume, not a volume of its own")
    if autoscaled or doc["spec"].get("replicas", 1) != 1:
        report(where, "keeps media on a local volume, so it must run exactly one replica (each would keep its own)")


PUBLIC_URLS = {"gateway": "GATEWAY_PUBLIC_URL", "metrics": "METRICS_PUBLIC_URL"}


def check_public_url(report: Report, doc: dict, config_maps: dict[str, dict]) -> None:
    """The gateway's mails and metrics' short links carry the platform's public address; left at its
    development default they would send users to 127.0.0.1:8000."""
    where = name_of(doc)
    env = container_env(pod_spec(doc)["containers"][0], config_maps)
    if (env.get("PLATFORM_ENV") or "development") == "development":
        return
    name = PUBLIC_URLS[doc["metadata"]["name"]]
    url = urlsplit(env.get(name) or "")
    if url.scheme != "https" or not url.hostname or url.hostname in ("127.0.0.1", "localhost"):
        report(where, f"{name} must be the platform's public https address, not {env.get(name)!r}")


def referenced_objects(doc: dict) -> tuple[set[str], set[str]]:
    """ConfigMaps and Secrets that a workload's pods need (a Secret marked optional is not needed)."""
    config_maps: set[str] = set()
    secrets: set[str] = set()
    spec = pod_spec(doc)
    for container in spec.get("initContainers", []) + spec["containers"]:
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                config_maps.add(source["configMapRef"]["name"])
            if "secretRef" in source:
                secrets.add(source["secretRef"]["name"])
        for variable in container.get("env", []):
            value_from = variable.get("valueFrom", {})
            if "configMapKeyRef" in value_from:
                config_maps.add(value_from["configMapKeyRef"]["name"])
            if "secretKeyRef" in value_from and not value_from["secretKeyRef"].get("optional"):
                secrets.add(value_from["secretKeyRef"]["name"])
    for volume in spec.get("volumes", []):
        if "configMap" in volume:
            config_maps.add(volume["configMap"]["name"])
        if "secret" in volume:
            secrets.add(volume["secret"]["secretName"])
    return config_maps, secrets


def check_monitoring(report: Report, doc: dict) -> None:
    where = name_of(doc)
    if doc["kind"] == "PrometheusRule":
        for group in doc["spec"]["groups"]:
            for rule in group["rules"]:
                if not rule.get("expr", "").strip():
                    report(where, f"rule {rule.get('alert') or rule.get('record')} has no expr")
                if "alert" in rule and "severity" not in rule.get("labels", {}):
                    report(where, f"alert {rule['alert']} has no severity label")
    if doc["kind"] == "ConfigMap" and doc["metadata"].get("labels", {}).get("grafana_dashboard"):
        for key, text in doc.get("data", {}).items():
            try:
                dashboard = json.loads(text)
            except json.JSONDecodeError as exc:
                report(where, f"{key} is not JSON: {exc}")
                continue
            for panel in dashboard.get("panels", []):
                if panel.get("type") != "row" and not all(t.get("expr") for t in panel.get("targets", [{}])):
                    report(where, f"{key} panel {panel.get('title')!r} has a target without expr")


def check(path: str, *, self_contained: bool, no_secrets: bool) -> list[str]:
    report = Report()
    with open(path) as stream:
        docs = [d for d in yaml.safe_load_all(stream) if d is not None]
    if not docs:
        return [f"{path}: nothing rendered"]
    for doc in docs:
        if not isinstance(doc, dict) or not {"apiVersion", "kind", "metadata"} <= doc.keys():
            report(path, f"not a Kubernetes object: {str(doc)[:80]}")
            return report.problems
        expected = API_VERSIONS.get(doc["kind"])
        if expected is None:
            report(name_of(doc), "kind unknown to this check (add it to API_VERSIONS)")
        elif doc["apiVersion"] != expected:
            report(name_of(doc), f"apiVersion {doc['apiVersion']}, expected {expected}")
    for (kind, name), count in Counter((d["kind"], d["metadata"]["name"]) for d in docs).items():
        if count > 1:
            report(f"{kind}/{name}", f"rendered {count} times")

    by_kind: dict[str, dict[str, dict]] = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], {})[doc["metadata"]["name"]] = doc
    config_maps = by_kind.get("ConfigMap", {})
    workloads = [d for d in docs if d["kind"] in WORKLOADS]
    autoscaled = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", {}).values()}

    missing_secrets: set[str] = set()
    for doc in workloads:
        check_workload(report, doc, config_maps)
        wanted_config_maps, wanted_secrets = referenced_objects(doc)
        for name in sorted(wanted_config_maps - config_maps.keys()):
            report(name_of(doc), f"reads ConfigMap {name}, which is not rendered")
        missing_secrets |= wanted_secrets - by_kind.get("Secret", {}).keys()
        account = pod_spec(doc).get("serviceAccountName")
        if account and account not in by_kind.get("ServiceAccount", {}):
            report(name_of(doc), f"runs as ServiceAccount {account}, which is not rendered")
        if doc["kind"] == "Deployment" and doc["metadata"]["name"] in autoscaled and "replicas" in doc["spec"]:
            report(name_of(doc), "sets replicas although an HPA scales it (every apply would reset it)")
        if doc["kind"] == "Deployment" and doc["metadata"]["name"] in PUBLIC_URLS:
            check_public_url(report, doc, config_maps)
        if doc["kind"] == "Deployment" and doc["metadata"]["name"] == "content":
            policies = list(by_kind.get("NetworkPolicy", {}).values())
            check_content_media(report, doc, config_maps, policies, autoscaled="content" in autoscaled)

    slices = [d for d in docs if d["kind"] == "EndpointSlice"]
    sliced = {s["metadata"].get("labels", {}).get("kubernetes.io/service-name") for s in slices}
    for service in by_kind.get("Service", {}).values():
        if "selector" not in service["spec"]:
            if service["metadata"]["name"] not in sliced:
                report(name_of(service), "has no selector and no EndpointSlice")
            continue
        targets = [w for w in workloads if selects(service["spec"]["selector"], pod_labels(w))]
        if not targets:
            report(name_of(service), "selects no pod")
        ports = {p.get("name") for w in targets for c in pod_spec(w)["containers"] for p in c.get("ports", [])}
        for port in service["spec"]["ports"]:
            if isinstance(port.get("targetPort"), str) and port["targetPort"] not in ports:
                report(name_of(service), f"targetPort {port['targetPort']} is no container port of its pods")
    for hpa in by_kind.get("HorizontalPodAutoscaler", {}).values():
        target = hpa["spec"]["scaleTargetRef"]
        if target["name"] not in by_kind.get(target["kind"], {}):
            report(name_of(hpa), f"scales {target['kind']}/{target['name']}, which is not rendered")
        if hpa["spec"].get("minReplicas", 1) > hpa["spec"]["maxReplicas"]:
            report(name_of(hpa), "minReplicas above maxReplicas")
    for pdb in by_kind.get("PodDisruptionBudget", {}).values():
        if not any(selects(pdb["spec"]["selector"], pod_labels(w)) for w in workloads):
            report(name_of(pdb), "selects no pod")
    for doc in docs:
        check_monitoring(report, doc)

    if self_contained and missing_secrets:
        report(path, f"references Secrets it does not render: {sorted(missing_secrets)}")
    if no_secrets and "Secret" in by_kind:
        report(path, f"renders Secrets {sorted(by_kind['Secret'])}: production secrets are created, never committed")
    kinds = Counter(d["kind"] for d in docs)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"  {len(docs)} objects: {summary}")
    if missing_secrets and no_secrets:
        print(f"  Secrets to create before deploying: {', '.join(sorted(missing_secrets))}")
    return report.problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--self-contained", action="store_true", help="every referenced Secret must be rendered")
    parser.add_argument("--no-secrets", action="store_true", help="no Secret may be rendered")
    args = parser.parse_args()
    problems = check(args.file, self_contained=args.self_contained, no_secrets=args.no_secrets)
    for problem in problems:
        print(f"  FAIL {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
