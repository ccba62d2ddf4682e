#!/usr/bin/env bash
# The test command: installs missing prerequisites, then builds every module and runs all tests.
# Extra arguments go to Maven, e.g. ./scripts/test.sh -pl tools -am
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/prereqs.sh
source "$repo/scripts/lib/prereqs.sh"
sss_install_prereqs

cd "$repo"
exec mvn -B verify "$@"
