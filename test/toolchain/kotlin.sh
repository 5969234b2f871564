#!/usr/bin/env bash
# Provides a pinned Kotlin 2.x compiler for compiling and running the generated Kotlin.
#
# The compiler is kotlin-compiler-embeddable from Maven Central (version pinned in
# kotlin/pom.xml). Its jars are copied once into a cache folder outside the checkout and run with
# plain `java`, which avoids a Gradle or Maven build on every test run.
#
# Usage:
#   kotlin.sh install        fetch the compiler if it is missing (idempotent)
#   kotlin.sh kotlinc ARGS   run the compiler (K2JVMCompiler) with ARGS
#   kotlin.sh classpath      print the compiler's classpath (its stdlib runs compiled code too)
#
#   PUSH_EXTRAS_KOTLIN_HOME (default ~/.cache/push-extras/kotlin-<version>)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
VERSION="$(sed -n 's:.*<version>\(2\.[0-9.]*\)</version>.*:\1:p' "$here/kotlin/pom.xml" | head -n 1)"
HOME_DIR="${PUSH_EXTRAS_KOTLIN_HOME:-${HOME:-/root}/.cache/push-extras/kotlin-$VERSION}"

log() { printf 'kotlin toolchain: %s\n' "$*" >&2; }

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
  mvn -q -B -f "$here/kotlin/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$HOME_DIR.partial/lib" -DincludeScope=runtime >/tmp/push-extras-kotlin.log 2>&1 || {
    log "Maven failed; see /tmp/push-extras-kotlin.log"
    exit 2
  }
  touch "$HOME_DIR.partial/.ready"
  rm -rf "$HOME_DIR"
  mv "$HOME_DIR.partial" "$HOME_DIR"
  log "ready: Kotlin $VERSION in $HOME_DIR"
}

classpath() {
  is_ready || { log "no Kotlin compiler at $HOME_DIR; run: bash test/toolchain/kotlin.sh install"; exit 2; }
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
    echo "usage: kotlin.sh install | ready | classpath | kotlinc ARGS" >&2
    exit 2
    ;;
esac
