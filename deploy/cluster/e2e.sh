#!/usr/bin/env bash
# make k8s-e2e: deploy/k8s proven on a real single-node Kubernetes built on this machine.
#
# Builds the image, starts the cluster (cluster.sh), applies the Prometheus Operator CRDs and
# dry-runs every overlay on the server, applies overlays/e2e (dev, but for Kafka and PostgreSQL,
# which run on the host), waits for every Deployment, runs the README's first contact and one
# campaign's event flow through the gateway's Service (shortlist to signed contract, then its
# content: a medium uploaded, a version approved, the post published), restarts every Deployment
# under a request loop (no 5xx), drains the node against the gateway's PodDisruptionBudget, and has a real
# Prometheus scrape through the ServiceMonitors and load the rules and the dashboard's queries.
# Prints each stage's time. Everything it starts is stopped at the end, also on failure.
#
#   deploy/cluster/e2e.sh [STAGE...]      all stages, or only those named (see ALL_STAGES)
#   E2E_KEEP=1 deploy/cluster/e2e.sh ...  leave the cluster, Kafka, PostgreSQL and Prometheus running
#                                         (stop them with E2E_KEEP= deploy/cluster/e2e.sh stop)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NAMESPACE=influencer-dev
COMPONENTS=(gateway discovery partnerships content metrics)
KUBERNETES_VALIDATE_VERSION=${KUBERNETES_VALIDATE_VERSION:-1.37.0}
python=$repo/.venv/bin/python
[[ -x $python ]] || die "needs the repo's .venv (make install)"
export KUBECTL="$k8s_bin/kubectl --kubeconfig $kubeconfig" NAMESPACE
started_all=$(date +%s)

datastores_env() {
  export KAFKA_HOST=$NODE_IP KAFKA_PORT=$E2E_KAFKA_PORT KAFKA_CONTROLLER_PORT=$E2E_KAFKA_CONTROLLER_PORT
  export PG_PORT=$E2E_PG_PORT PG_HOST=127.0.0.1,$NODE_IP PG_CLIENTS=$POD_CIDR PG_DATA=$E2E_RUN/postgres
}

diagnose() {
  [[ -f $kubeconfig ]] || return 0
  log "diagnostics:"
  kubectl get nodes,pods,deploy -A -o wide 2>&1 | sed 's/^/    /' || true
  local pod
  for pod in $(kubectl -n "$NAMESPACE" get pods -o name 2>/dev/null); do
    log "--- $pod"
    kubectl -n "$NAMESPACE" logs "$pod" --tail=25 --all-containers 2>&1 | sed 's/^/    /' || true
  done
  kubectl -n "$NAMESPACE" get events --sort-by=.lastTimestamp 2>/dev/null | tail -25 | sed 's/^/    /' || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  ((rc == 0)) || diagnose
  stage_name=cleanup
  if [[ -n ${E2E_KEEP:-} ]]; then
    log "left running (E2E_KEEP): KUBECONFIG=$kubeconfig; stop with: deploy/cluster/e2e.sh stop"
    exit "$rc"
  fi
  if [[ -f $E2E_RUN/prometheus.pid ]]; then
    kill "$(cat "$E2E_RUN/prometheus.pid")" 2>/dev/null || true
    rm -f "$E2E_RUN/prometheus.pid"
  fi
  bash "$cluster_dir/cluster.sh" stop || true
  (datastores_env && bash "$repo/deploy/local/kafka.sh" stop >/dev/null && bash "$repo/deploy/local/postgres.sh" stop >/dev/null) || true
  stage_name=
  if ((${#stage_times[@]})); then
    echo
    echo "k8s-e2e stages:"
    printf '  %s\n' "${stage_times[@]}"
  fi
  echo "k8s-e2e $( ((rc == 0)) && echo passed || echo FAILED) in $(($(date +%s) - started_all))s"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The Go builds use the CPU, debootstrap and pip mostly the network: on a cold machine they overlap.
builds() {
  bash "$cluster_dir/tools.sh" packages
  local started=$SECONDS go_rc=0 image_rc=0
  bash "$cluster_dir/tools.sh" builds >"$E2E_RUN/tools.log" 2>&1 &
  local go_pid=$!
  bash "$cluster_dir/image.sh" all || image_rc=$?
  log "image built in $((SECONDS - started))s"
  wait "$go_pid" || go_rc=$?
  log "Go builds (Kubernetes, CoreDNS, Prometheus, CRDs) done in $((SECONDS - started))s"
  ((go_rc == 0)) || { tail -n 30 "$E2E_RUN/tools.log"; return "$go_rc"; }
  return "$image_rc"
}

offline_checks() {
  "$repo/.venv/bin/pip" install -q "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  local minor=${K8S_VERSION#v}
  # With promtool (alert rules and their tests) and strict schemas of the cluster's minor version.
  PATH=$repo/.venv/bin:$prometheus_bin:$PATH SCHEMA_VERSION=${minor%.*}.0 bash "$repo/deploy/k8s/check.sh"
}

cluster_up() {
  bash "$cluster_dir/cluster.sh" stop >/dev/null 2>&1 || true
  bash "$cluster_dir/cluster.sh" start
  bash "$cluster_dir/cluster.sh" load "$E2E_RUN/images/platform.tar"
}

datastores() {
  datastores_env
  bash "$repo/deploy/local/kafka.sh" reset >/dev/null
  bash "$repo/deploy/local/kafka.sh" start
  bash "$repo/deploy/local/postgres.sh" stop >/dev/null 2>&1 || true
  rm -rf "$PG_DATA"
  bash "$repo/deploy/local/postgres.sh" start
  # What the dev overlay's postgresql-init Job does, with its script and the overlay's passwords.
  local -a passwords
  mapfile -t passwords < <(kubectl kustomize "$repo/deploy/k8s/overlays/e2e" | "$python" -c '
import base64, re, sys, yaml
for doc in yaml.safe_load_all(sys.stdin):
    match = doc and doc["kind"] == "Secret" and re.fullmatch(r"(\w+)-database(-\w+)?", doc["metadata"]["name"])
    if match:
        print(f"DATABASE_PASSWORD_{match[1].upper()}=" + base64.b64decode(doc["data"]["password"]).decode())')
  ((${#passwords[@]} == ${#COMPONENTS[@]})) || die "expected ${#COMPONENTS[@]} database passwords in the overlay"
  env "${passwords[@]}" DATABASES="${COMPONENTS[*]}" PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER=postgres \
    PGDATABASE=postgres bash "$repo/deploy/k8s/components/postgresql/create-databases.sh" | grep ready
}

crds() {
  kubectl apply --server-side -f "$crds_dir" >/dev/null
  kubectl wait --for=condition=Established crd --all --timeout=60s >/dev/null
  kubectl get crd -o name | sed 's/^/    /'
}

# Server-side dry runs need the overlays' namespaces: those that do not exist yet are made for the
# check and removed afterwards.
dry_run() {
  local overlay ns rendered made=()
  for overlay in "$repo"/deploy/k8s/overlays/*/; do
    rendered=$E2E_RUN/rendered-$(basename "$overlay").yaml
    kubectl kustomize "$overlay" >"$rendered"
    for ns in $("$python" -c 'import sys, yaml; print(*{d["metadata"]["name"] for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] == "Namespace"})' "$rendered"); do
      if ! kubectl get namespace "$ns" >/dev/null 2>&1; then
        kubectl create namespace "$ns" --save-config >/dev/null
        made+=("$ns")
      fi
    done
    kubectl apply --dry-run=server -f "$rendered" >"$rendered.out"
    log "overlay $(basename "$overlay"): $(wc -l <"$rendered.out") objects pass the API server's dry run"
  done
  for ns in "${made[@]}"; do kubectl delete namespace "$ns" --timeout=120s >/dev/null; done
}

apply() {
  kubectl apply -f "$E2E_RUN/rendered-e2e.yaml" >/dev/null
  kubectl -n "$NAMESPACE" wait --for=condition=Available deploy --all --timeout=300s
  kubectl -n "$NAMESPACE" get pods -o wide
  local uid written
  uid=$(kubectl -n "$NAMESPACE" exec deploy/gateway -- id -u)
  written=$(kubectl -n "$NAMESPACE" exec deploy/gateway -- touch /opt/venv/probe 2>&1 || true)
  [[ $uid == 10001 && $written == *"Read-only file system"* ]] || die "gateway runs as $uid, writing /opt/venv: $written"
  log "the gateway runs as uid $uid on a read-only root (${written%%$'\n'*})"
  # The service links the pods got, so the run shows the variables that once crash-looped them.
  kubectl -n "$NAMESPACE" exec deploy/gateway -- env | grep -E '^GATEWAY_(PORT|SERVICE_HOST)=' | sed 's/^/    in the gateway pod: /'
}

gateway_url() { echo "http://$(kubectl -n "$NAMESPACE" get service gateway -o jsonpath='{.spec.clusterIP}'):8000"; }

prometheus_start() {
  local out=$E2E_RUN/monitoring
  # A fresh TSDB: the checks must see this run's data only.
  rm -rf "$E2E_RUN/prometheus" "$out"
  kubectl get servicemonitors,prometheusrules -A -o json >"$E2E_RUN/monitoring.json"
  "$python" "$cluster_dir/monitoring_checks.py" configure "$E2E_RUN/monitoring.json" "$kubeconfig" "$out"
  "$prometheus_bin/promtool" check config "$out/prometheus.yml" | sed 's/^/    /'
  "$prometheus_bin/prometheus" --config.file="$out/prometheus.yml" --storage.tsdb.path="$E2E_RUN/prometheus" \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$E2E_RUN/logs/prometheus.log" 2>&1 &
  echo $! >"$E2E_RUN/prometheus.pid"
}

monitoring() {
  "$python" "$cluster_dir/monitoring_checks.py" check "http://127.0.0.1:$PROMETHEUS_PORT" "$E2E_RUN/monitoring" \
    "$repo/deploy/k8s/components/monitoring/dashboards/influencer-platform.json" "${COMPONENTS[@]}"
}

flows() { "$python" "$cluster_dir/platform_flows.py" "$1" "$(gateway_url)" "${@:2}"; }

run_stage() {
  case $1 in
    tools-and-image) stage tools-and-image builds ;;
    offline-checks) stage offline-checks offline_checks ;;
    cluster) stage cluster cluster_up ;;
    datastores) stage datastores datastores ;;
    crds) stage crds crds ;;
    dry-run) stage dry-run-overlays dry_run ;;
    apply) stage apply-e2e-overlay apply ;;
    prometheus) stage prometheus prometheus_start ;;
    first-contact) stage first-contact flows first-contact ;;
    campaign-flow) stage campaign-flow flows campaign-flow ;;
    rollouts) stage rollout-restarts flows rollouts "${COMPONENTS[@]}" ;;
    drain) stage drain-pdb flows drain e2e-node ;;
    monitoring) stage monitoring monitoring ;;
    stop) ;;
    *) die "unknown stage $1" ;;
  esac
}

mkdir -p "$E2E_RUN"
ALL_STAGES=(tools-and-image offline-checks cluster datastores crds dry-run apply prometheus first-contact campaign-flow
  rollouts drain monitoring)
for name in "${@:-${ALL_STAGES[@]}}"; do run_stage "$name"; done
