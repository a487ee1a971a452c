#!/usr/bin/env bash
# Installs (Debian) and builds (Go module proxy) what the single-node cluster needs, each built
# binary cached under $E2E_CACHE keyed by its version, so that only the first run pays.
#
#   deploy/cluster/tools.sh [packages|kubernetes|coredns|prometheus|crds|builds|all]
#
# Cold, measured on 2 cores shared with other builds and test suites (load ~15): Kubernetes 30 min,
# CoreDNS 15 min, Prometheus 5 min, CRDs 2.5 min (Kubernetes alone ~8 min on a quiet machine).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DEBIAN_PACKAGES=(buildah debootstrap etcd-server containerd runc containernetworking-plugins
  nftables postgresql docker-compose)

packages() {
  local missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the daemons it installs; the cluster runs its own, on its own sockets.
  for unit in containerd etcd; do systemctl disable --now "$unit" >/dev/null 2>&1 || true; done
}

# A scratch module requiring k8s.io/kubernetes, each of its staging modules replaced by the
# published v0.x of the same release (`go install` refuses the replace directives of its go.mod).
kubernetes() {
  [[ -f $k8s_bin/.complete ]] && return 0
  local src=$E2E_CACHE/src/kubernetes-$K8S_VERSION staging=v0${K8S_VERSION#v1}
  mkdir -p "$src" "$k8s_bin"
  cd "$src"
  [[ -f go.mod ]] || go mod init local/kubernetes-build >/dev/null 2>&1
  go mod edit -require="k8s.io/kubernetes@$K8S_VERSION"
  local gomod
  gomod=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')
  grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging' "$gomod" | awk '{print $1}' | while read -r module; do
    go mod edit -replace="$module=$module@$staging"
  done
  printf 'package tools\n\nimport (\n\t_ "k8s.io/kubernetes/cmd/kube-apiserver/app"\n)\n' >tools.go
  go mod tidy >/dev/null 2>&1 || true
  local version=k8s.io/component-base/version minor=${K8S_VERSION#v1.}
  minor=${minor%%.*}
  CGO_ENABLED=0 go build -trimpath -o "$k8s_bin/" -ldflags "-s -w -X $version.gitVersion=$K8S_VERSION \
    -X $version.gitMajor=1 -X $version.gitMinor=$minor -X $version.gitTreeState=clean" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-proxy \
    k8s.io/kubernetes/cmd/kubectl
  touch "$k8s_bin/.complete"
}

coredns() {
  [[ -x $coredns_bin/coredns ]] && return 0
  mkdir -p "$coredns_bin"
  CGO_ENABLED=0 GOBIN=$coredns_bin go install -trimpath -ldflags "-s -w" "github.com/coredns/coredns@$COREDNS_VERSION"
}

# Prometheus with Kubernetes service discovery only (the build tags drop the other providers), and
# promtool. Debian's prometheus (2.42) has no Kubernetes discovery of EndpointSlices by this name.
prometheus() {
  [[ -x $prometheus_bin/prometheus && -x $prometheus_bin/promtool ]] && return 0
  mkdir -p "$prometheus_bin"
  CGO_ENABLED=0 GOBIN=$prometheus_bin go install -trimpath -tags remove_all_sd,enable_kubernetes_sd \
    -ldflags "-s -w -X github.com/prometheus/common/version.Version=${PROMETHEUS_VERSION#v0.}" \
    "github.com/prometheus/prometheus/cmd/prometheus@$PROMETHEUS_VERSION" \
    "github.com/prometheus/prometheus/cmd/promtool@$PROMETHEUS_VERSION"
}

# The Prometheus Operator's CRDs, generated from its API types with controller-gen, so that
# `kubectl apply --dry-run=server` checks ServiceMonitor and PrometheusRule against their schemas.
crds() {
  [[ -f $crds_dir/.complete ]] && return 0
  local tools=$E2E_CACHE/bin/controller-tools-$CONTROLLER_TOOLS_VERSION src=$E2E_CACHE/src/crds-$PROMETHEUS_OPERATOR_VERSION
  local api=github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring
  [[ -x $tools/controller-gen ]] || GOBIN=$tools go install "sigs.k8s.io/controller-tools/cmd/controller-gen@$CONTROLLER_TOOLS_VERSION"
  mkdir -p "$src" "$crds_dir"
  cd "$src"
  [[ -f go.mod ]] || go mod init local/crds >/dev/null 2>&1
  printf 'package crds\n\nimport _ "%s/v1"\n' "$api" >crds.go
  go get "$api@$PROMETHEUS_OPERATOR_VERSION" >/dev/null 2>&1
  "$tools/controller-gen" crd:crdVersions=v1,maxDescLen=0,allowDangerousTypes=true "paths=$api/v1" \
    "output:crd:dir=$crds_dir"
  touch "$crds_dir/.complete"
}

case "${1:-all}" in
  packages) packages ;;
  kubernetes) kubernetes ;;
  coredns) coredns ;;
  prometheus) prometheus ;;
  crds) crds ;;
  builds) kubernetes; coredns; prometheus; crds ;;
  all) packages; kubernetes; coredns; prometheus; crds ;;
  *) echo "usage: $0 [packages|kubernetes|coredns|prometheus|crds|builds|all]" >&2; exit 2 ;;
esac
