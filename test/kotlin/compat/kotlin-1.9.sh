#!/usr/bin/env bash
# Provides the last Kotlin 1.9 compiler, to prove that the generated Kotlin compiles for apps that
# have not moved to Kotlin 2 (the pinned 2.x compiler of test/toolchain/kotlin.sh refuses
# -language-version 1.9). Same layout as kotlin.sh: jars from Maven Central, cached outside the checkout.
#
# Usage:
#   kotlin-1.9.sh install        fetch the compiler if it is missing (idempotent)
#   kotlin-1.9.sh ready          exit 0 when it is installed
#   kotlin-1.9.sh stdlib         print the path of its standard library jar
#   kotlin-1.9.sh kotlinc ARGS   run the compiler with ARGS
#
#   PUSH_EXTRAS_KOTLIN19_HOME (default ~/.cache/push-extras/kotlin-<version>)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
VERSION="$(sed -n 's:.*<version>\(1\.9\.[0-9]*\)</version>.*:\1:p' "$here/pom.xml" | head -n 1)"
HOME_DIR="${PUSH_EXTRAS_KOTLIN19_HOME:-${HOME:-/root}/.cache/push-extras/kotlin-$VERSION}"

log() { printf 'kotlin %s toolchain: %s\n' "$VERSION" "$*" >&2; }

is_ready() { [ -f "$HOME_DIR/.ready" ]; }

install() {
  if is_ready; then
    log "reusing $HOME_DIR"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || { log "Maven (mvn) is required to fetch the compiler"; exit 2; }
  rm -rf "$HOME_DIR.partial"
  mkdir -p "$HOME_DIR.partial"
  log "fetching kotlin-compiler-embeddable $VERSION from Maven Central"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$HOME_DIR.partial/lib" -DincludeScope=runtime >/tmp/push-extras-kotlin-1.9.log 2>&1 || {
    log "Maven failed; see /tmp/push-extras-kotlin-1.9.log"
    exit 2
  }
  touch "$HOME_DIR.partial/.ready"
  rm -rf "$HOME_DIR"
  mv "$HOME_DIR.partial" "$HOME_DIR"
  log "ready in $HOME_DIR"
}

require_ready() {
  is_ready || { log "not installed; run: bash test/kotlin/compat/kotlin-1.9.sh install"; exit 2; }
}

case "${1:-}" in
  install) install ;;
  ready) is_ready ;;
  stdlib) require_ready; printf '%s\n' "$HOME_DIR/lib/kotlin-stdlib-$VERSION.jar" ;;
  kotlinc)
    shift
    require_ready
    cp=""
    for jar in "$HOME_DIR"/lib/*.jar; do cp="${cp:+$cp:}$jar"; done
    exec java -Xss8m -cp "$cp" org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -no-reflect -no-stdlib -classpath "$HOME_DIR/lib/kotlin-stdlib-$VERSION.jar" "$@"
    ;;
  *)
    echo "usage: kotlin-1.9.sh install | ready | stdlib | kotlinc ARGS" >&2
    exit 2
    ;;
esac
