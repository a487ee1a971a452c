# Shared by the single-node cluster scripts (sourced, not run). Every address and port the cluster
# uses is here: its own bridge and ranges, ports away from those of make run and the test tiers, and
# below Linux's ephemeral range (32768-60999): an outgoing connection's local port never takes one.
# shellcheck shell=bash
cluster_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$cluster_dir/../.." && pwd)

K8S_VERSION=${K8S_VERSION:-v1.34.4}
COREDNS_VERSION=${COREDNS_VERSION:-v1.14.7}
PROMETHEUS_VERSION=${PROMETHEUS_VERSION:-v0.316.0}
PROMETHEUS_OPERATOR_VERSION=${PROMETHEUS_OPERATOR_VERSION:-v0.95.2}
CONTROLLER_TOOLS_VERSION=${CONTROLLER_TOOLS_VERSION:-v0.23.0}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}

# Built binaries (keyed by version), the Go caches and the image base survive between runs here.
E2E_CACHE=${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/influencer-platform/k8s-e2e}
# What one run starts and writes: pid files, logs, certificates, etcd and containerd state.
E2E_RUN=${E2E_RUN:-/tmp/influencer-k8s-e2e}

BRIDGE=${E2E_BRIDGE:-infl-e2e0}
NODE_IP=${E2E_NODE_IP:-10.217.0.1}
POD_CIDR=${E2E_POD_CIDR:-10.217.0.0/24}
SERVICE_CIDR=${E2E_SERVICE_CIDR:-10.217.64.0/20}
KUBERNETES_SERVICE_IP=${E2E_KUBERNETES_SERVICE_IP:-10.217.64.1}
CLUSTER_DNS_IP=$NODE_IP
ETCD_PORT=${E2E_ETCD_PORT:-26379}
APISERVER_PORT=${E2E_APISERVER_PORT:-26443}
KUBELET_PORT=${E2E_KUBELET_PORT:-26250}
KUBE_PROXY_HEALTH_PORT=${E2E_KUBE_PROXY_HEALTH_PORT:-26256}
PROMETHEUS_PORT=${E2E_PROMETHEUS_PORT:-26090}
# Kafka and PostgreSQL run on the host, on the bridge address, behind selector-less Services.
E2E_KAFKA_PORT=${E2E_KAFKA_PORT:-26092}
E2E_KAFKA_CONTROLLER_PORT=${E2E_KAFKA_CONTROLLER_PORT:-26093}
E2E_PG_PORT=${E2E_PG_PORT:-26432}

k8s_bin=$E2E_CACHE/bin/kubernetes-$K8S_VERSION
coredns_bin=$E2E_CACHE/bin/coredns-$COREDNS_VERSION
prometheus_bin=$E2E_CACHE/bin/prometheus-$PROMETHEUS_VERSION
crds_dir=$E2E_CACHE/crds/prometheus-operator-$PROMETHEUS_OPERATOR_VERSION
kubeconfig=$E2E_RUN/pki/admin.kubeconfig

export GOCACHE=$E2E_CACHE/go/build GOMODCACHE=$E2E_CACHE/go/mod GOTOOLCHAIN=local GOFLAGS=-mod=mod
export PATH=/usr/local/go/bin:$PATH

log() { printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "${stage_name:-k8s-e2e}" "$*"; }
die() { log "FAILED: $*" >&2; exit 1; }

# stage NAME COMMAND...: runs one step and prints how long it took (the brief of CI: every step timed).
stage() {
  local name=$1 started rc=0
  shift
  started=$(date +%s)
  stage_name=$name
  log "start"
  # In a subshell outside any || list, so that errexit holds inside the stage's functions.
  set +e
  (
    set -e
    "$@"
  )
  rc=$?
  set -e
  log "$( ((rc == 0)) && echo done || echo "FAILED (exit $rc)") in $(($(date +%s) - started))s"
  stage_times+=("$(printf '%-28s %5ss %s' "$name" "$(($(date +%s) - started))" "$( ((rc == 0)) || echo FAILED)")")
  stage_name=
  return "$rc"
}
stage_times=()

kubectl() { "$k8s_bin/kubectl" --kubeconfig "$kubeconfig" "$@"; }
