#!/usr/bin/env bash
# Installs everything the tests need beyond npm packages, once; later runs reuse it:
#   - the Kotlin compiler (test/toolchain/kotlin.sh, from Maven Central, cached in ~/.cache)
#   - the Swift toolchain (test/toolchain/swift.sh, a Debian trixie root, needs root)
#   - Chromium for the HTML docs test (Debian's package, needs root)
# Set PUSH_EXTRAS_SKIP_TOOLCHAINS=1 to skip it (tests that need a missing toolchain then fail and say so).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ "${PUSH_EXTRAS_SKIP_TOOLCHAINS:-}" = 1 ] && exit 0

log() { printf 'toolchains: %s\n' "$*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    log "installing chromium (Debian package)"
    apt-get update -qq -o DPkg::Lock::Timeout=900
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 chromium >/dev/null
  else
    log "chromium is missing and installing it needs root: sudo apt-get install chromium"
  fi
fi
bash "$here/kotlin.sh" install
# The oldest Kotlin that app toolchains still use, to prove the generated file compiles there too.
bash "$here/../kotlin/compat/kotlin-1.9.sh" install
bash "$here/swift.sh" install
