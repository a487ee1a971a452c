#!/usr/bin/env bash
# A single-node Kubernetes on this machine, for deploy/cluster/e2e.sh: etcd, the control plane,
# containerd, kubelet, kube-proxy (nftables, its own tables) and CoreDNS, on a bridge of its own.
# Every process is recorded by pid and stopped by `stop`, which also removes the bridge, the
# nftables tables, the mounts and the cgroups it made. Nothing is pulled: images go in with
# `cluster.sh load ARCHIVE...`.
#
#   deploy/cluster/cluster.sh start|stop|load ARCHIVE...|status
set -euo pipefail
source "$(dirname "$0")/lib.sh"

pki=$E2E_RUN/pki
pids=$E2E_RUN/pids
logs=$E2E_RUN/logs
containerd_sock=$E2E_RUN/containerd/containerd.sock
NODE_NAME=e2e-node
CGROUP_ROOT=influencer-e2e

ctr() { command ctr --address "$containerd_sock" --namespace k8s.io "$@"; }

# run NAME COMMAND...: starts a daemon in the background, its pid in $pids/NAME.
run() {
  local name=$1
  shift
  "$@" >"$logs/$name.log" 2>&1 &
  echo $! >"$pids/$name"
}

wait_for() {
  local what=$1 seconds=$2
  shift 2
  for ((i = 0; i < seconds * 5; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "$what not ready after ${seconds}s (logs in $logs)"
}

certificate() {
  local name=$1 subject=$2 sans=${3:-}
  openssl req -new -newkey rsa:2048 -nodes -keyout "$pki/$name.key" -subj "$subject" -out "$pki/$name.csr" 2>/dev/null
  local ext=$pki/$name.ext
  echo "basicConstraints=CA:FALSE" >"$ext"
  echo "keyUsage=critical,digitalSignature,keyEncipherment" >>"$ext"
  echo "extendedKeyUsage=serverAuth,clientAuth" >>"$ext"
  [[ -n $sans ]] && echo "subjectAltName=$sans" >>"$ext"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
    -extfile "$ext" -out "$pki/$name.crt" 2>/dev/null
}

kubeconfig_for() {
  local name=$1 file=$pki/$1.kubeconfig
  KUBECONFIG=$file "$k8s_bin/kubectl" config set-cluster e2e --server="https://$NODE_IP:$APISERVER_PORT" \
    --certificate-authority="$pki/ca.crt" --embed-certs >/dev/null
  KUBECONFIG=$file "$k8s_bin/kubectl" config set-credentials "$name" --client-certificate="$pki/$name.crt" \
    --client-key="$pki/$name.key" --embed-certs >/dev/null
  KUBECONFIG=$file "$k8s_bin/kubectl" config set-context e2e --cluster=e2e --user="$name" >/dev/null
  KUBECONFIG=$file "$k8s_bin/kubectl" config use-context e2e >/dev/null
}

make_pki() {
  mkdir -p "$pki"
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -subj "/CN=influencer-e2e-ca" -days 2 \
    -out "$pki/ca.crt" 2>/dev/null
  certificate apiserver "/CN=kube-apiserver" \
    "IP:$NODE_IP,IP:$KUBERNETES_SERVICE_IP,IP:127.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  certificate apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  certificate kubelet-serving "/CN=$NODE_NAME" "IP:$NODE_IP,DNS:$NODE_NAME"
  certificate admin "/O=system:masters/CN=e2e-admin"
  certificate kube-controller-manager "/CN=system:kube-controller-manager"
  certificate kube-scheduler "/CN=system:kube-scheduler"
  certificate kubelet "/O=system:nodes/CN=system:node:$NODE_NAME"
  certificate kube-proxy "/CN=system:kube-proxy"
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  for user in admin kube-controller-manager kube-scheduler kubelet kube-proxy; do kubeconfig_for "$user"; done
}

network() {
  ip link add "$BRIDGE" type bridge
  ip addr add "$NODE_IP/${POD_CIDR#*/}" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  # Service addresses are reached through the bridge only; kube-proxy's DNAT then picks a pod.
  ip route add "$SERVICE_CIDR" dev "$BRIDGE" src "$NODE_IP"
  # Forwarding on this bridge alone (pod -> Service -> pod), not for the host's other interfaces.
  sysctl -qw "net.ipv4.conf.$BRIDGE.forwarding=1"
  mkdir -p "$E2E_RUN/cni/net.d"
  cat >"$E2E_RUN/cni/net.d/10-e2e.conflist" <<JSON
{"cniVersion": "0.4.0", "name": "influencer-e2e", "plugins": [
  {"type": "bridge", "bridge": "$BRIDGE", "isGateway": true, "ipMasq": false, "hairpinMode": true,
   "ipam": {"type": "host-local", "ranges": [[{"subnet": "$POD_CIDR", "gateway": "$NODE_IP"}]],
            "routes": [{"dst": "0.0.0.0/0"}], "dataDir": "$E2E_RUN/cni/ipam"}}]}
JSON
}

etcd() {
  run etcd /usr/bin/etcd --name e2e --data-dir "$E2E_RUN/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" \
    --initial-cluster "e2e=http://127.0.0.1:$((ETCD_PORT + 1))"
  wait_for etcd 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/$ETCD_PORT"
}

control_plane() {
  run kube-apiserver "$k8s_bin/kube-apiserver" --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address="$NODE_IP" --advertise-address="$NODE_IP" --secure-port="$APISERVER_PORT" \
    --service-cluster-ip-range="$SERVICE_CIDR" --tls-cert-file="$pki/apiserver.crt" \
    --tls-private-key-file="$pki/apiserver.key" --client-ca-file="$pki/ca.crt" \
    --kubelet-client-certificate="$pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key="$pki/apiserver-kubelet-client.key" --kubelet-certificate-authority="$pki/ca.crt" \
    --kubelet-preferred-address-types=InternalIP \
    --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --authorization-mode=Node,RBAC --profiling=false --event-ttl=30m
  wait_for kube-apiserver 90 kubectl get --raw /readyz
  run kube-controller-manager "$k8s_bin/kube-controller-manager" \
    --kubeconfig="$pki/kube-controller-manager.kubeconfig" --leader-elect=false --secure-port=0 \
    --use-service-account-credentials=true --service-account-private-key-file="$pki/sa.key" \
    --root-ca-file="$pki/ca.crt" --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
    --allocate-node-cidrs=false --profiling=false
  run kube-scheduler "$k8s_bin/kube-scheduler" --kubeconfig="$pki/kube-scheduler.kubeconfig" \
    --leader-elect=false --secure-port=0 --profiling=false
}

containerd() {
  mkdir -p "$E2E_RUN/containerd"
  cat >"$E2E_RUN/containerd/config.toml" <<TOML
version = 2
root = "$E2E_RUN/containerd/root"
state = "$E2E_RUN/containerd/state"
disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.tracing.processor.v1.otlp"]
[grpc]
  address = "$containerd_sock"
[ttrpc]
  address = "$containerd_sock.ttrpc"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "localhost/pause:e2e"
  # This machine gives root no CAP_SYS_RESOURCE: never lower a container's oom_score_adj.
  restrict_oom_score_adj = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  netns_mounts_under_state_dir = true
  enable_selinux = false
  disable_apparmor = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$E2E_RUN/cni/net.d"
TOML
  run containerd /usr/bin/containerd --config "$E2E_RUN/containerd/config.toml"
  wait_for containerd 30 ctr version
}

load() {
  local archive
  for archive in "$@"; do
    ctr images import --no-unpack "$archive" >/dev/null
  done
}

kubelet() {
  # Pods resolve through the cluster DNS only: no upstream, no query leaves the bridge.
  : >"$E2E_RUN/resolv.conf"
  local controller
  for controller in /sys/fs/cgroup/*/; do
    [[ -d $controller && ! -L ${controller%/} && $controller != */unified/ ]] && mkdir -p "$controller$CGROUP_ROOT"
  done
  cat >"$E2E_RUN/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: $KUBELET_PORT
readOnlyPort: 0
healthzPort: 0
tlsCertFile: $pki/kubelet-serving.crt
tlsPrivateKeyFile: $pki/kubelet-serving.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: false}
  x509: {clientCAFile: $pki/ca.crt}
authorization: {mode: AlwaysAllow}
containerRuntimeEndpoint: unix://$containerd_sock
cgroupDriver: cgroupfs
cgroupRoot: /$CGROUP_ROOT
failCgroupV1: false
failSwapOn: false
oomScoreAdj: 0
clusterDNS: [$CLUSTER_DNS_IP]
clusterDomain: cluster.local
resolvConf: $E2E_RUN/resolv.conf
# The images cannot be pulled again: never collect them.
imageGCHighThresholdPercent: 100
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%, nodefs.inodesFree: 1%}
serializeImagePulls: false
maxPods: 60
# No iptables chains of the kubelet's (KUBE-FIREWALL would hook every packet of the host).
makeIPTablesUtilChains: false
YAML
  run kubelet "$k8s_bin/kubelet" --config="$E2E_RUN/kubelet.yaml" --kubeconfig="$pki/kubelet.kubeconfig" \
    --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" --root-dir="$E2E_RUN/kubelet"
  wait_for "node $NODE_NAME" 90 kubectl get node "$NODE_NAME"
}

kube_proxy() {
  cat >"$E2E_RUN/kube-proxy.yaml" <<YAML
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: nftables
clientConnection: {kubeconfig: $pki/kube-proxy.kubeconfig}
hostnameOverride: $NODE_NAME
clusterCIDR: $POD_CIDR
# Replies from a Service's pod go back through the host, so no bridge netfilter is needed.
nftables: {masqueradeAll: true}
healthzBindAddress: $NODE_IP:$KUBE_PROXY_HEALTH_PORT
metricsBindAddress: $NODE_IP:$((KUBE_PROXY_HEALTH_PORT - 7))
nodePortAddresses: [$NODE_IP/32]
# Leave the host's conntrack settings alone.
conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
YAML
  run kube-proxy "$k8s_bin/kube-proxy" --config="$E2E_RUN/kube-proxy.yaml"
}

coredns() {
  cat >"$E2E_RUN/Corefile" <<COREFILE
.:53 {
  bind $NODE_IP
  errors
  kubernetes cluster.local in-addr.arpa ip6.arpa {
    kubeconfig $pki/admin.kubeconfig e2e
    pods insecure
    fallthrough in-addr.arpa ip6.arpa
  }
  cache 10
}
COREFILE
  run coredns "$coredns_bin/coredns" -conf "$E2E_RUN/Corefile"
}

start() {
  [[ -f $k8s_bin/.complete && -x $coredns_bin/coredns ]] || die "run deploy/cluster/tools.sh first"
  if [[ -d $pids ]] && ls "$pids"/* >/dev/null 2>&1; then die "a cluster is already recorded in $E2E_RUN: stop it first"; fi
  rm -rf "$E2E_RUN/etcd" "$E2E_RUN/cni" "$pki"
  mkdir -p "$pids" "$logs"
  make_pki
  network
  etcd
  control_plane
  containerd
  load "$E2E_RUN/images/pause.tar"
  kubelet
  kube_proxy
  coredns
  wait_for "node Ready" 120 kubectl wait --for=condition=Ready "node/$NODE_NAME" --timeout=1s
  log "cluster up: kubectl --kubeconfig $kubeconfig (API https://$NODE_IP:$APISERVER_PORT)"
}

stop_pid() {
  local name=$1 file=$pids/$1 pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# Everything `start` made, in reverse, each step tolerant of what is already gone.
stop() {
  [[ -d $E2E_RUN ]] || return 0
  stop_pid kube-proxy
  stop_pid coredns
  stop_pid kubelet
  if [[ -S $containerd_sock ]]; then
    # The containers' shims outlive containerd: stop every task first, by containerd's own record.
    local task
    for task in $(ctr tasks ls -q 2>/dev/null); do
      ctr tasks kill -s KILL "$task" >/dev/null 2>&1 || true
    done
    sleep 1
    for task in $(ctr tasks ls -q 2>/dev/null); do ctr tasks delete -f "$task" >/dev/null 2>&1 || true; done
    for task in $(ctr containers ls -q 2>/dev/null); do ctr containers delete "$task" >/dev/null 2>&1 || true; done
  fi
  # Whatever is left of the containers and their shims, by the pids containerd recorded.
  local pidfile
  for pidfile in "$E2E_RUN"/containerd/state/io.containerd.runtime.v2.task/k8s.io/*/{init,shim}.pid; do
    [[ -f $pidfile ]] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  stop_pid containerd
  stop_pid kube-scheduler
  stop_pid kube-controller-manager
  stop_pid kube-apiserver
  stop_pid etcd
  # Mounts under our directory (pod volumes, overlay rootfs, network namespaces), deepest first.
  local mount
  for mount in $(awk -v root="$E2E_RUN/" 'index($2, root) == 1 {print $2}' /proc/self/mounts | sort -r); do
    umount -l "$mount" 2>/dev/null || true
  done
  nft delete table ip kube-proxy 2>/dev/null || true
  nft delete table ip6 kube-proxy 2>/dev/null || true
  local veth
  for veth in $(ip -o link show master "$BRIDGE" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
    ip link delete "$veth" 2>/dev/null || true
  done
  if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link delete "$BRIDGE"; fi
  find /sys/fs/cgroup/*/"$CGROUP_ROOT" -depth -type d -exec rmdir {} + 2>/dev/null || true
  rm -rf "$E2E_RUN/containerd/state" "$E2E_RUN/kubelet" "$E2E_RUN/cni"
  log "cluster stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  load) shift; load "$@" ;;
  status) kubectl get nodes,pods -A -o wide ;;
  *) echo "usage: $0 start|stop|load ARCHIVE...|status" >&2; exit 2 ;;
esac
