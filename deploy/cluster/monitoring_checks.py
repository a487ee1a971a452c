"""The monitoring half of deploy/cluster/e2e.sh, on a real Prometheus without the Prometheus Operator:

python monitoring_checks.py configure OBJECTS.json KUBECONFIG OUT_DIR
    writes OUT_DIR/prometheus.yml and OUT_DIR/rules.yml from the ServiceMonitors and
    PrometheusRules read back from the cluster (`kubectl get servicemonitors,prometheusrules -A -o json`),
    the way the operator turns them into scrape jobs (Kubernetes EndpointSlice discovery)
python monitoring_checks.py check PROMETHEUS_URL OUT_DIR DASHBOARD.json JOB...
    every discovered target up (and each JOB among them), every rule loaded and evaluated
    without error, every dashboard query (and template variable) parsing and returning data
"""

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import yaml

# Grafana's variables, as a dashboard user on the platform's namespace and every component sees them.
RATE_INTERVAL = "2m"  # $__rate_interval: 4 x the 30 s scrape interval


def say(message: str) -> None:
    print(f"  {message}", flush=True)


def label_name(key: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_]", "_", key)


def selector_relabelings(selector: dict) -> list[dict]:
    rules = []
    for key, value in sorted(selector.get("matchLabels", {}).items()):
        rules.append(
            {
                "action": "keep",
                "source_labels": [f"__meta_kubernetes_service_label_{label_name(key)}"],
                "regex": re.escape(value),
            }
        )
    for expression in selector.get("matchExpressions", []):
        key, operator = label_name(expression["key"]), expression["operator"]
        values = "|".join(re.escape(v) for v in expression.get("values", []))
        present = f"__meta_kubernetes_service_labelpresent_{key}"
        if operator in ("In", "NotIn"):
            rules.append(
                {
                    "action": "keep" if operator == "In" else "drop",
                    "source_labels": [f"__meta_kubernetes_service_label_{key}", present],
                    "regex": f"({values});true",
                }
            )
        elif operator in ("Exists", "DoesNotExist"):
            rules.append(
                {"action": "keep" if operator == "Exists" else "drop", "source_labels": [present], "regex": "true"}
            )
    return rules


def scrape_jobs(monitor: dict, kubeconfig: str) -> list[dict]:
    namespace, name, spec = monitor["metadata"]["namespace"], monitor["metadata"]["name"], monitor["spec"]
    namespaces = spec.get("namespaceSelector", {}).get("matchNames") or [namespace]
    jobs = []
    for index, endpoint in enumerate(spec["endpoints"]):
        job_label = spec.get("jobLabel")
        job_source = (
            f"__meta_kubernetes_service_label_{label_name(job_label)}"
            if job_label
            else "__meta_kubernetes_service_name"
        )
        relabel = [
            *selector_relabelings(spec.get("selector", {})),
            {
                "action": "keep",
                "source_labels": ["__meta_kubernetes_endpointslice_port_name"],
                "regex": endpoint["port"],
            },
            {"source_labels": ["__meta_kubernetes_namespace"], "target_label": "namespace"},
            {"source_labels": ["__meta_kubernetes_service_name"], "target_label": "service"},
            {"source_labels": ["__meta_kubernetes_pod_name"], "target_label": "pod"},
            {"source_labels": ["__meta_kubernetes_pod_container_name"], "target_label": "container"},
            {"source_labels": [job_source], "target_label": "job"},
            {"target_label": "endpoint", "replacement": endpoint["port"]},
        ]
        job = {
            "job_name": f"serviceMonitor/{namespace}/{name}/{index}",
            "honor_labels": endpoint.get("honorLabels", False),
            "metrics_path": endpoint.get("path", "/metrics"),
            "scheme": endpoint.get("scheme", "http"),
            "kubernetes_sd_configs": [
                {"role": "endpointslice", "kubeconfig_file": kubeconfig, "namespaces": {"names": namespaces}}
            ],
            "relabel_configs": relabel,
        }
        for ours, theirs in (("scrape_interval", "interval"), ("scrape_timeout", "scrapeTimeout")):
            if theirs in endpoint:
                job[ours] = endpoint[theirs]
        jobs.append(job)
    return jobs


def configure(objects_path: str, kubeconfig: str, out_dir: str) -> None:
    items = json.loads(Path(objects_path).read_text())["items"]
    monitors = [i for i in items if i["kind"] == "ServiceMonitor"]
    rules = [i for i in items if i["kind"] == "PrometheusRule"]
    if not monitors or not rules:
        raise SystemExit(f"expected ServiceMonitors and PrometheusRules, found {len(monitors)} and {len(rules)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    groups = [group for rule in rules for group in rule["spec"]["groups"]]
    (out / "rules.yml").write_text(yaml.safe_dump({"groups": groups}, sort_keys=False))
    config = {
        "global": {"scrape_interval": "30s", "evaluation_interval": "15s"},
        "rule_files": [str(out / "rules.yml")],
        "scrape_configs": [job for monitor in monitors for job in scrape_jobs(monitor, kubeconfig)],
    }
    (out / "prometheus.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    count = sum(len(group["rules"]) for group in groups)
    (out / "expected.json").write_text(json.dumps({"rules": count}))
    say(f"{len(config['scrape_configs'])} scrape jobs from {len(monitors)} ServiceMonitors, {count} rules")


def api(client: httpx.Client, path: str, **params: str | list[str]) -> dict | list:
    response = client.get(f"/api/v1/{path}", params=params)
    body = response.json()
    if response.status_code != 200 or body.get("status") != "success":
        raise AssertionError(f"{path} {params}: {response.status_code} {body.get('error', body)}")
    return body["data"]


def wait(what: str, timeout_s: float, probe: Callable[[], tuple[bool, object]]) -> object:
    deadline, last = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        ok, last = probe()
        if ok:
            return last
        time.sleep(2)
    raise AssertionError(f"{what} not reached in {timeout_s:.0f}s: {last}")


def check_targets(client: httpx.Client, jobs: list[str]) -> None:
    def probe() -> tuple[bool, object]:
        active = api(client, "targets", state="active")["activeTargets"]
        down = [
            f"{t['labels'].get('job')} {t['scrapeUrl']}: {t['health']} {t['lastError']}"
            for t in active
            if t["health"] != "up"
        ]
        seen = {t["labels"].get("job") for t in active}
        return bool(active) and not down and set(jobs) <= seen, down or sorted(seen)

    wait("every target up", 150, probe)
    active = api(client, "targets", state="active")["activeTargets"]
    say(f"{len(active)} targets up: {', '.join(sorted(t['labels']['job'] + '/' + t['labels']['pod'] for t in active))}")


def check_rules(client: httpx.Client, expected: int) -> None:
    def probe() -> tuple[bool, object]:
        rules = [r for g in api(client, "rules")["groups"] for r in g["rules"]]
        unevaluated = [r["name"] for r in rules if not r.get("lastEvaluation", "").startswith("20")]
        broken = [f"{r['name']}: {r.get('lastError')}" for r in rules if r.get("health") == "err"]
        return len(rules) == expected and not unevaluated and not broken, broken or unevaluated or len(rules)

    wait(f"{expected} rules loaded and evaluated", 90, probe)
    alerts = [r["name"] for g in api(client, "rules", type="alert")["groups"] for r in g["rules"]]
    say(f"{expected} rules loaded and evaluated without error; alerts: {', '.join(alerts)}")


def dashboard_queries(dashboard: dict) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    variables = [
        (v["name"], v["definition"])
        for v in dashboard.get("templating", {}).get("list", [])
        if v.get("type") == "query"
    ]
    panels = [(p["title"], t["expr"]) for p in dashboard["panels"] for t in p.get("targets", []) if t.get("expr")]
    return variables, panels


def substitute(expr: str, namespace: str, range_s: int) -> str:
    return (
        expr.replace("$namespace", namespace)
        .replace("$service", ".*")
        .replace("$__rate_interval", RATE_INTERVAL)
        .replace("$__range", f"{range_s}s")
    )


def check_dashboard(client: httpx.Client, dashboard: dict, namespace: str, range_s: int) -> None:
    variables, panels = dashboard_queries(dashboard)
    empty = []
    for name, definition in variables:
        match = re.fullmatch(r"label_values\((.+),\s*(\w+)\)", definition)
        assert match, f"variable {name}: {definition}"
        values = api(client, f"label/{match[2]}/values", **{"match[]": [substitute(match[1], namespace, range_s)]})
        say(f"variable {name}: {values}")
        if not values:
            empty.append(f"variable {name}")

    def probe() -> tuple[bool, object]:
        missing = []
        for title, expr in panels:
            result = api(client, "query", query=substitute(expr, namespace, range_s))["result"]
            if not result:
                missing.append(title)
        return not missing, missing

    wait("data in every dashboard panel", 90, probe)
    assert not empty, empty
    say(f"{len(panels)} dashboard queries parse and return data")


def check(url: str, out_dir: str, dashboard_path: str, jobs: list[str]) -> None:
    expected = json.loads((Path(out_dir) / "expected.json").read_text())
    dashboard = json.loads(Path(dashboard_path).read_text())
    namespace = "influencer-dev"
    with httpx.Client(base_url=url, timeout=10) as client:
        check_targets(client, jobs)
        check_rules(client, expected["rules"])
        # $__range: the run's last 15 minutes, as a dashboard opened at its end would show them.
        check_dashboard(client, dashboard, namespace, range_s=900)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("configure", "check"):
        raise SystemExit(__doc__)
    if sys.argv[1] == "configure":
        configure(*sys.argv[2:5])
    else:
        check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
