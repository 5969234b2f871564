#!/usr/bin/env bash
# The last Kotlin 1.9 compiler, to prove that the generated Kotlin compiles for apps that have not
# moved to Kotlin 2 (the pinned 2.x compiler refuses -language-version 1.9). The commands of
# test/toolchain/kotlin.sh (install, ready, classpath, kotlinc ARGS), with the pom.xml beside this
# script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec bash "$here/../../toolchain/kotlin.sh" --pom "$here/pom.xml" "$@"
