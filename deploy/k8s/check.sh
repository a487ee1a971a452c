#!/usr/bin/env bash
# Renders every overlay, and the base with each component, then checks the output with
# check_manifests.py, and when they are installed with promtool (alert rules and their tests) and
# kubernetes-validate (strict schemas). CI runs it.
#
# Renderer, first found: $KUSTOMIZE (a kustomize binary), `kubectl kustomize`, `kustomize` on PATH,
# or kustomize $KUSTOMIZE_VERSION installed with `go install` into $KUSTOMIZE_CACHE.
# Python: the repo's .venv (PyYAML comes with uvicorn[standard]), else python3 with PyYAML.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
KUSTOMIZE_VERSION=${KUSTOMIZE_VERSION:-v5.8.1}
SCHEMA_VERSION=${SCHEMA_VERSION:-1.31.0}
KUSTOMIZE_CACHE=${KUSTOMIZE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/influencer-platform/kustomize-$KUSTOMIZE_VERSION}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pick_renderer() {
  if [[ -n "${KUSTOMIZE:-}" ]]; then
    renderer=("$KUSTOMIZE" build)
  elif command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
    renderer=(kubectl kustomize)
  elif command -v kustomize >/dev/null 2>&1; then
    renderer=(kustomize build)
  else
    if [[ ! -x "$KUSTOMIZE_CACHE/kustomize" ]]; then
      command -v go >/dev/null 2>&1 || { echo "check.sh: needs kubectl, kustomize or go" >&2; exit 1; }
      echo "installing kustomize $KUSTOMIZE_VERSION into $KUSTOMIZE_CACHE"
      mkdir -p "$KUSTOMIZE_CACHE"
      GOBIN="$KUSTOMIZE_CACHE" GOTOOLCHAIN=local GOFLAGS=-mod=mod \
        go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
    fi
    renderer=("$KUSTOMIZE_CACHE/kustomize" build)
  fi
}

pick_python() {
  for candidate in "$repo/.venv/bin/python" python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then
      python=$candidate
      return
    fi
  done
  echo "check.sh: needs Python with PyYAML (run make install for .venv)" >&2
  exit 1
}

# Each component on the base alone, in a scratch kustomization (kustomize wants relative paths).
component_kustomization() {
  local component=$1 dir="$work/components/$1"
  mkdir -p "$dir"
  local to_k8s
  to_k8s=$("$python" -c 'import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' "$here" "$dir")
  cat >"$dir/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $to_k8s/base
components:
  - $to_k8s/components/$component
EOF
  echo "$dir"
}

indent() {
  local line
  while IFS= read -r line; do printf '%s%s\n' "$1" "$line"; done
}

# promtool (when installed) checks the alert rules: it wants the PrometheusRule's spec as a plain file.
check_rules() {
  local rendered=$1 rules="$work/rules.yaml" output
  command -v promtool >/dev/null 2>&1 || return 0
  "$python" - "$rendered" "$rules" <<'EOF'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] == "PrometheusRule"]
yaml.safe_dump({"groups": [g for d in docs for g in d["spec"]["groups"]]}, open(sys.argv[2], "w"))
EOF
  if ! output=$(promtool check rules "$rules" 2>&1); then
    indent "  promtool: " <<<"$output"
    echo "  FAIL promtool check rules"
    return 1
  fi
  cp "$here/components/monitoring/tests/rules-test.yaml" "$work/"
  if ! output=$(cd "$work" && promtool test rules rules-test.yaml 2>&1); then
    indent "  promtool: " <<<"$output"
    echo "  FAIL promtool test rules"
    return 1
  fi
  echo "  promtool: rules valid, $(grep -c '^  - name:' "$work/rules-test.yaml") alert test cases pass"
}

# kubernetes-validate (pip), when installed: strict schema validation of the built-in kinds.
check_schemas() {
  local rendered=$1 output
  command -v kubernetes-validate >/dev/null 2>&1 || return 0
  output=$(kubernetes-validate --strict --quiet --no-warn -k "$SCHEMA_VERSION" "$rendered" 2>&1) || true
  if grep -q ERROR <<<"$output"; then
    indent "  " <<<"$output"
    echo "  FAIL schema (Kubernetes $SCHEMA_VERSION)"
    return 1
  fi
  echo "  kubernetes-validate: valid against Kubernetes $SCHEMA_VERSION"
}

renderer_version() {
  case ${renderer[0]} in
    kubectl) kubectl version --client 2>/dev/null | grep -i kustomize || true ;;
    *) "${renderer[0]}" version 2>/dev/null || true ;;
  esac
}

pick_renderer
pick_python
echo "rendering with: ${renderer[*]} ($(renderer_version))"

failed=0
targets=()
for overlay in "$here"/overlays/*/; do
  targets+=("overlay:$(basename "$overlay")")
done
for component in "$here"/components/*/; do
  targets+=("component:$(basename "$component")")
done

for target in "${targets[@]}"; do
  kind=${target%%:*} name=${target#*:}
  flags=()
  if [[ $kind == overlay ]]; then
    dir="$here/overlays/$name"
    # dev (and e2e, dev on deploy/cluster) must run as it is; production must not carry any Secret.
    [[ $name == dev || $name == e2e ]] && flags=(--self-contained) || flags=(--no-secrets)
  else
    dir=$(component_kustomization "$name")
  fi
  out="$work/$kind-$name.yaml"
  echo "$kind $name"
  if ! "${renderer[@]}" "$dir" >"$out" 2>"$out.err"; then
    sed 's/^/  /' "$out.err"
    echo "  FAIL does not render"
    failed=1
    continue
  fi
  "$python" "$here/check_manifests.py" "${flags[@]}" "$out" || failed=1
  check_schemas "$out" || failed=1
  if grep -q '^kind: PrometheusRule' "$out"; then
    check_rules "$out" || failed=1
  fi
done

if [[ $failed -ne 0 ]]; then
  echo "check.sh: FAILED"
  exit 1
fi
echo "check.sh: every overlay and component renders and passes"
