# Sourced by the scripts next to this directory: installs the Debian packages that the build and
# the tests need, only those that are missing, so that a second run costs nothing.
#   libsodium23  the native library behind the optional libsodium crypto provider
#   graphviz     `dot`, which renders spec/diagrams/sss.svg
#   libpcap0.8   the system libpcap that Pcap4J loads to write the pcap files of the conformance
#                suite's evidence bundles (without it the suite falls back to its own pcap writer)
#   tshark       Wireshark's command line, which the tools tests run with the generated Lua dissector
#                tools/wireshark/sss.lua over pcaps/ (its wireshark-common asks whether non-root users
#                may capture; the answer is preseeded to "no" so that the install never waits for it)
# Maven and a JDK 17 are expected to be installed already.

SSS_DEBIAN_PACKAGES=(libsodium23 graphviz libpcap0.8 tshark)

sss_install_prereqs() {
  local missing=() pkg tool
  for tool in java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "prereqs: $tool is not installed; SSS needs a JDK 17 and Maven" >&2
      return 1
    fi
  done
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "prereqs: not a Debian system; make sure these are installed: ${SSS_DEBIAN_PACKAGES[*]}" >&2
    return 0
  fi
  for pkg in "${SSS_DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "prereqs: missing ${missing[*]}; run as root or install them with apt-get" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "prereqs: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  if [[ " ${missing[*]} " == *" tshark "* ]] && command -v debconf-set-selections >/dev/null 2>&1; then
    echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo[@]}" debconf-set-selections
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}
