#!/usr/bin/env bash
# The main job: installs missing prerequisites, verifies every test vector in spec/vectors/ against
# the reference implementation (`./sss vectors`: one line per file, then `vectors: N passed, M
# failed`), then runs the conformance scenarios against the embedded reference implementation and
# prints where their reports are. Exit code non-zero when a vector or a scenario fails. Once the
# suite's runner exists, the main job becomes `./sss conform`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/prereqs.sh
source "$repo/scripts/lib/prereqs.sh"
sss_install_prereqs

"$repo/sss" vectors

cd "$repo"
mvn -B -q -pl conformance -am test -Dtest=RunConformanceScenariosTest -Dsurefire.failIfNoSpecifiedTests=false
reports="$repo/conformance/target/conformance"
echo "conformance scenarios: passed against the embedded reference implementation"
echo "reports: $reports/scenarios.html $reports/scenarios.json $reports/scenarios-junit.xml"
