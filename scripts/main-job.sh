#!/usr/bin/env bash
# The main job: installs missing prerequisites, then verifies every test vector in spec/vectors/
# against the reference implementation (`./sss vectors`: one line per file, then
# `vectors: N passed, M failed`; exit code 1 when any fails). Once the conformance suite exists,
# the main job becomes `./sss conform`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/prereqs.sh
source "$repo/scripts/lib/prereqs.sh"
sss_install_prereqs

exec "$repo/sss" vectors
