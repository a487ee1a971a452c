#!/usr/bin/env bash
# Builds the platform image (deploy/docker/Dockerfile) with buildah, without pulling anything: the
# base is Debian made by debootstrap (cached as a tarball keyed by its inputs) and imported under a
# local tag. Also builds the pause image the kubelet needs. Writes OCI archives for containerd.
#
#   deploy/cluster/image.sh [base|platform|pause|all]
#
# Cold: the base 3.5 min, the platform image 1-10 min (pip; more under load). Outputs in $E2E_RUN/images/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Pango and a font: metrics makes the campaign report's PDF with WeasyPrint (without them: a 503).
BASE_PACKAGES=python3,python3-venv,python-is-python3,ca-certificates,libpango-1.0-0,libpangoft2-1.0-0,fonts-dejavu-core
# The dev overlay's image, under the name the container runtime gives `influencer-platform:dev`.
PLATFORM_IMAGE=docker.io/library/influencer-platform:dev
PAUSE_IMAGE=localhost/pause:e2e
images=$E2E_RUN/images
buildah_root=$E2E_CACHE/buildah
buildah() {
  command buildah --root "$buildah_root/storage" --runroot "$E2E_RUN/buildah" --storage-driver overlay "$@"
}

base_key() {
  { echo "$DEBIAN_SUITE $BASE_PACKAGES"; sed -n '/^base()/,/^}/p' "$0"; } | sha256sum | cut -c1-12
}
base_tag() { echo "localhost/influencer-base:$DEBIAN_SUITE-$(base_key)"; }

base() {
  local tag tarball root
  tag=$(base_tag)
  tarball=$E2E_CACHE/base/debian-$DEBIAN_SUITE-$(base_key).tar
  buildah inspect --type image "$tag" >/dev/null 2>&1 && return 0
  if [[ ! -f $tarball ]]; then
    root=$(mktemp -d "$E2E_RUN/debootstrap.XXXX")
    log "debootstrap $DEBIAN_SUITE ($BASE_PACKAGES)"
    debootstrap --variant=minbase --include="$BASE_PACKAGES" "$DEBIAN_SUITE" "$root" http://deb.debian.org/debian \
      >"$E2E_RUN/debootstrap.log" 2>&1 || { tail -20 "$E2E_RUN/debootstrap.log"; return 1; }
    # What a runtime image does not need: package caches and lists, documentation, locales.
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
      "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/*
    find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'en*' -exec rm -rf {} +
    mkdir -p "$(dirname "$tarball")"
    tar --numeric-owner -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$root"
  fi
  local ctr
  ctr=$(buildah from scratch)
  buildah add "$ctr" "$tarball" / >/dev/null
  buildah config --cmd '["python3"]' --env LANG=C.UTF-8 "$ctr"
  buildah commit -q "$ctr" "$tag" >/dev/null
  buildah rm "$ctr" >/dev/null
}

platform() {
  base
  # The host's CA bundle and pip settings are mounted into the build's RUN steps only (pip reaches
  # PyPI through them here); nothing of the host ends up in the image.
  local mounts=(-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)
  [[ -f /etc/pip.conf ]] && mounts+=(-v /etc/pip.conf:/etc/pip.conf:ro)
  buildah build --isolation chroot --pull=never --layers -q "${mounts[@]}" \
    --build-arg BASE_IMAGE="$(base_tag)" -f "$repo/deploy/docker/Dockerfile" -t "$PLATFORM_IMAGE" "$repo" >/dev/null
  mkdir -p "$images"
  rm -f "$images/platform.tar"
  buildah push -q "$PLATFORM_IMAGE" "docker-archive:$images/platform.tar:$PLATFORM_IMAGE"
  log "$PLATFORM_IMAGE: $(buildah inspect --type image -f '{{.FromImageID}}' "$PLATFORM_IMAGE" | cut -c1-12)," \
    "$(buildah images --format '{{.Size}}' "$PLATFORM_IMAGE" | head -n 1)"
}

# The pod sandbox: a static binary that waits for a signal and reaps children, on an empty image.
pause() {
  mkdir -p "$images" "$E2E_RUN/pause"
  [[ -f $images/pause.tar ]] && return 0
  cat >"$E2E_RUN/pause/pause.c" <<'C'
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static void stop(int sig) { (void)sig; _exit(0); }
static void reap(int sig) { (void)sig; while (waitpid(-1, NULL, WNOHANG) > 0) {} }
int main(void) {
  struct sigaction term = {.sa_handler = stop}, child = {.sa_handler = reap, .sa_flags = SA_NOCLDSTOP};
  sigaction(SIGINT, &term, NULL);
  sigaction(SIGTERM, &term, NULL);
  sigaction(SIGCHLD, &child, NULL);
  for (;;) pause();
}
C
  cc -static -Os -o "$E2E_RUN/pause/pause" "$E2E_RUN/pause/pause.c"
  local ctr
  ctr=$(buildah from scratch)
  buildah copy "$ctr" "$E2E_RUN/pause/pause" /pause >/dev/null
  buildah config --entrypoint '["/pause"]' --user 65535:65535 "$ctr"
  buildah commit -q "$ctr" "$PAUSE_IMAGE" >/dev/null
  buildah rm "$ctr" >/dev/null
  buildah push -q "$PAUSE_IMAGE" "docker-archive:$images/pause.tar:$PAUSE_IMAGE"
}

mkdir -p "$E2E_RUN"
case "${1:-all}" in
  base) base ;;
  platform) platform ;;
  pause) pause ;;
  all) pause; platform ;;
  *) echo "usage: $0 [base|platform|pause|all]" >&2; exit 2 ;;
esac
