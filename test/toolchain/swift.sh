#!/usr/bin/env bash
# Provides a Swift 6 toolchain for compiling and running the generated Swift.
#
# Debian bookworm has no Swift; its next release (trixie) ships `swiftlang`. We build a minimal
# trixie root once with debootstrap, install Swift inside it and reuse that root on every later
# run. Commands then run inside the root with chroot, with /proc, /dev and /sys mounted only for
# the duration of the command.
#
# Usage:
#   swift.sh install          build the root if it is missing (idempotent, prints progress)
#   swift.sh path             print the root folder
#   swift.sh run DIR CMD...   copy DIR into the root, run CMD inside it (cwd = the copy), clean up
#
# The root lives outside the checkout so that it survives fresh clones:
#   PUSH_EXTRAS_SWIFT_ROOT (default /var/cache/push-extras/swift-trixie)
set -euo pipefail

ROOT="${PUSH_EXTRAS_SWIFT_ROOT:-/var/cache/push-extras/swift-trixie}"
MIRROR="${PUSH_EXTRAS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SWIFT_LIB=/usr/libexec/swift/lib/swift/linux
SELF="$(readlink -f "$0")"

log() { printf 'swift toolchain: %s\n' "$*" >&2; }

is_ready() { [ -x "$ROOT/usr/bin/swiftc" ] && [ -f "$ROOT/.push-extras-ready" ]; }

install_root() {
  if is_ready; then
    log "reusing $ROOT"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    log "building the Swift root needs root (debootstrap and chroot)"
    exit 2
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    apt-get update -qq -o DPkg::Lock::Timeout=900
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 debootstrap >/dev/null
  fi
  # A half-built root from an interrupted run is thrown away rather than trusted.
  # Mounts left by a killed run are released first; --one-file-system keeps rm inside the root.
  for fs in proc dev sys; do umount -l "$ROOT.partial/$fs" 2>/dev/null || true; done
  rm -rf --one-file-system "$ROOT.partial"
  mkdir -p "$(dirname "$ROOT")"
  log "debootstrap trixie into $ROOT.partial (a few minutes)"
  debootstrap --variant=minbase trixie "$ROOT.partial" "$MIRROR" >/tmp/push-extras-debootstrap.log 2>&1 || {
    log "debootstrap failed; see /tmp/push-extras-debootstrap.log"
    exit 2
  }
  log "installing swiftlang inside the root (about 450 MB)"
  with_mounts "$ROOT.partial" chroot "$ROOT.partial" /bin/sh -c \
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends swiftlang libc6-dev libstdc++-14-dev >/dev/null'
  touch "$ROOT.partial/.push-extras-ready"
  rm -rf "$ROOT"
  mv "$ROOT.partial" "$ROOT"
  log "ready: $("$0" run /dev/null swiftc --version 2>&1 | head -n 1)"
}

# Runs a command with /proc, /dev and /sys of the host mounted in the root. The mounts are made in
# a private mount namespace (unshare), so they vanish with the command and runs that overlap (test
# files run in parallel) never unmount each other's. Where unshare is not allowed, runs take turns
# under a lock and unmount what they mounted.
with_mounts() {
  local root="$1"
  shift
  cp -f /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  if unshare --mount --propagation private true 2>/dev/null; then
    unshare --mount --propagation private bash "$SELF" __mounted "$root" "$@"
    return $?
  fi
  (
    flock 9
    mounted=()
    cleanup() {
      for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
    }
    trap cleanup EXIT
    for fs in proc dev sys; do
      mkdir -p "$root/$fs"
      if ! mountpoint -q "$root/$fs"; then
        mount --bind "/$fs" "$root/$fs"
        mounted+=("$root/$fs")
      fi
    done
    set +e
    "$@"
  ) 9>"$root.lock"
}

# Inside the private mount namespace: mount, then become the command.
mount_and_exec() {
  local root="$1"
  shift
  for fs in proc dev sys; do
    mkdir -p "$root/$fs"
    mount --bind "/$fs" "$root/$fs"
  done
  exec "$@"
}

run_in_root() {
  local src="$1"
  shift
  if ! is_ready; then
    log "no Swift root at $ROOT; run: bash test/toolchain/swift.sh install"
    exit 2
  fi
  local work
  work="$(mktemp -d "$ROOT/tmp/push-extras.XXXXXX")"
  if [ -d "$src" ]; then
    cp -R "$src/." "$work/"
  fi
  local inner="/tmp/$(basename "$work")"
  local quoted
  quoted="$(printf '%q ' "$@")"
  set +e
  with_mounts "$ROOT" chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp \
    LD_LIBRARY_PATH="$SWIFT_LIB" /bin/sh -c "cd '$inner' && $quoted"
  local status=$?
  set -e
  rm -rf "$work"
  return $status
}

case "${1:-}" in
  install) install_root ;;
  path) echo "$ROOT" ;;
  ready) is_ready ;;
  __mounted)
    shift
    mount_and_exec "$@"
    ;;
  run)
    shift
    [ $# -ge 2 ] || { echo "usage: swift.sh run DIR CMD..." >&2; exit 2; }
    run_in_root "$@"
    ;;
  *)
    echo "usage: swift.sh install | path | ready | run DIR CMD..." >&2
    exit 2
    ;;
esac
