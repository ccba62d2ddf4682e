#!/usr/bin/env bash
# The main job: installs missing prerequisites, verifies every test vector in spec/vectors/ against
# the reference implementation (`./sss vectors`: one line per file, then `vectors: N passed, M
# failed`), then runs the conformance suite against the embedded reference implementation
# (`./sss conform`: a progress bar, a table by SPEC.md section, the paths of the HTML, JUnit XML,
# JSON and traceability reports under target/conformance-report, and an evidence bundle for each
# failed scenario). Exit code non-zero when a vector or a MUST scenario fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/prereqs.sh
source "$repo/scripts/lib/prereqs.sh"
sss_install_prereqs

cd "$repo"
"$repo/sss" vectors
"$repo/sss" conform "$@"
