#!/usr/bin/env bash
# The side-by-side benchmarks: installs what the loss workload needs when it is missing (nftables and
# ethtool; ip comes with iproute2), then runs `./sss bench` with the arguments given, e.g.
#   scripts/bench.sh --repetitions 5 --seconds 3
# The loss workload makes a network namespace whose loopback drops packets with nftables, so it
# needs root; run as another user, the loss figures are reported n/a with the reason and everything
# else runs. The report goes to tools/target/bench/ (compare.md, compare.json, goodput.png).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bench_install_impairment_tools() {
  local missing=() pkg
  if [[ $(id -u) -ne 0 ]]; then
    echo "bench: not root; the loss workload will be reported n/a" >&2
    return 0
  fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "bench: not a Debian system; the loss workload needs ip, nft and ethtool" >&2
    return 0
  fi
  for pkg in iproute2 nftables ethtool; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "bench: installing ${missing[*]}" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

bench_install_impairment_tools
cd "$repo"
exec "$repo/sss" bench "$@"
