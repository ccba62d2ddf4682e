#!/usr/bin/env bash
# Regenerates the capture corpus in pcaps/ (pcaps/README.md): for every workload of `sss capture`,
# NAME.pcap and NAME.keylog from a fixed seed, then NAME.expected.json (`sss dissect --json --keylog`),
# and handshake.txt (the text dissection, for people).
#
#   scripts/regenerate-pcaps.sh                    # everything (new captures: new timing, new ports)
#   scripts/regenerate-pcaps.sh --dissections-only # only the expected dissections, from the committed
#                                                  # pcaps and keylogs (after a change to sss dissect)
#   scripts/regenerate-pcaps.sh NAME...            # only these workloads (captures and dissections)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pcaps="$repo/pcaps"
sss="$repo/sss"

# One fixed seed per capture: keys, nonces, payloads and the relay's drops follow from it.
declare -A SEEDS=(
  [handshake]=6101 [bulk]=6102 [substreams]=6103 [records-datagrams]=6104 [priorities]=6105
  [loss]=6106 [detach-attach]=6107 [rekey]=6108 [close]=6109 [replayed-hello]=6110
  [replayed-initiate]=6111 [replayed-message]=6112 [amplification]=6113 [malformed]=6114
)
ORDER=(handshake bulk substreams records-datagrams priorities loss detach-attach rekey close
  replayed-hello replayed-initiate replayed-message amplification malformed)

dissections_only=false
names=()
for arg in "$@"; do
  case "$arg" in
    --dissections-only) dissections_only=true ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "regenerate-pcaps.sh: unknown option $arg" >&2; exit 2 ;;
    *)
      if [[ -z "${SEEDS[$arg]+x}" ]]; then
        echo "regenerate-pcaps.sh: unknown workload $arg (one of: ${ORDER[*]})" >&2
        exit 2
      fi
      names+=("$arg") ;;
  esac
done
if [[ ${#names[@]} -eq 0 ]]; then
  names=("${ORDER[@]}")
fi

dissect() {
  local name="$1"
  "$sss" dissect --json --keylog "$pcaps/$name.keylog" "$pcaps/$name.pcap" > "$pcaps/$name.expected.json.tmp"
  mv "$pcaps/$name.expected.json.tmp" "$pcaps/$name.expected.json"
  if [[ "$name" == handshake ]]; then
    "$sss" dissect --keylog "$pcaps/$name.keylog" "$pcaps/$name.pcap" > "$pcaps/$name.txt"
  fi
  echo "regenerate-pcaps.sh: $name.expected.json"
}

for name in "${names[@]}"; do
  if [[ "$dissections_only" == false ]]; then
    echo "regenerate-pcaps.sh: $name, seed ${SEEDS[$name]}"
    "$sss" capture "$name" --seed "${SEEDS[$name]}" --pcap "$pcaps/$name.pcap" --keylog "$pcaps/$name.keylog"
  elif [[ ! -f "$pcaps/$name.pcap" ]]; then
    echo "regenerate-pcaps.sh: $name.pcap is missing; run without --dissections-only first" >&2
    exit 1
  fi
  dissect "$name"
done
