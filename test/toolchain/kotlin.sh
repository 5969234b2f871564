#!/usr/bin/env bash
# Provides a pinned Kotlin compiler for compiling and running the generated Kotlin.
#
# The compiler is kotlin-compiler-embeddable from Maven Central, at the version pinned in a small
# pom.xml (by default kotlin/pom.xml beside this script: the current Kotlin 2.x). Its jars are copied
# once into a cache folder outside the checkout and run with plain `java`, which avoids a Gradle or
# Maven build on every test run. test/kotlin/compat/kotlin-1.9.sh runs this script with its own pom.
#
# Usage:
#   kotlin.sh [--pom FILE] install        fetch the compiler if it is missing (idempotent)
#   kotlin.sh [--pom FILE] ready          exit 0 when it is installed
#   kotlin.sh [--pom FILE] classpath      print the compiler's classpath (its stdlib runs compiled code too)
#   kotlin.sh [--pom FILE] kotlinc ARGS   run the compiler (K2JVMCompiler) with ARGS
#
#   PUSH_EXTRAS_CACHE (default ~/.cache/push-extras): the compiler goes to kotlin-<version> in it
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
POM="$here/kotlin/pom.xml"
if [ "${1:-}" = --pom ]; then
  POM="${2:?--pom needs a file}"
  shift 2
fi
# The compiler's version: the only dotted x.y.z version in the pom (its own version is a plain 1).
VERSION="$(sed -n 's:.*<version>\([0-9]*\.[0-9]*\.[0-9]*\)</version>.*:\1:p' "$POM" | head -n 1)"
[ -n "$VERSION" ] || { echo "kotlin toolchain: no compiler version in $POM" >&2; exit 2; }
HOME_DIR="${PUSH_EXTRAS_CACHE:-${HOME:-/root}/.cache/push-extras}/kotlin-$VERSION"
MAVEN_LOG="/tmp/push-extras-kotlin-$VERSION.log"

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
  mvn -q -B -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$HOME_DIR.partial/lib" -DincludeScope=runtime >"$MAVEN_LOG" 2>&1 || {
    log "Maven failed; see $MAVEN_LOG"
    exit 2
  }
  touch "$HOME_DIR.partial/.ready"
  rm -rf "$HOME_DIR"
  mv "$HOME_DIR.partial" "$HOME_DIR"
  log "ready in $HOME_DIR"
}

classpath() {
  is_ready || { log "not installed in $HOME_DIR; run: bash test/toolchain/install.sh"; exit 2; }
  local cp=""
  for jar in "$HOME_DIR"/lib/*.jar; do cp="${cp:+$cp:}$jar"; done
  printf '%s\n' "$cp"
}

case "${1:-}" in
  install) install ;;
  ready) is_ready ;;
  classpath) classpath ;;
  kotlinc)
    shift
    cp="$(classpath)"
    exec java -Xss8m -cp "$cp" org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -no-reflect -no-stdlib -classpath "$HOME_DIR/lib/kotlin-stdlib-$VERSION.jar" "$@"
    ;;
  *)
    echo "usage: kotlin.sh [--pom FILE] install | ready | classpath | kotlinc ARGS" >&2
    exit 2
    ;;
esac
