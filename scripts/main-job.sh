#!/usr/bin/env bash
# The main job: installs missing prerequisites, then runs the sss command line on this checkout.
# It is meant to verify every test vector (`./sss vectors`) and, once the conformance suite
# exists, to run it (`./sss conform`). While those verbs are not wired in, it prints the list of
# commands the command line offers.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/prereqs.sh
source "$repo/scripts/lib/prereqs.sh"
sss_install_prereqs

exec "$repo/sss" --help
