#!/usr/bin/env bash
# Installs Debian's Prometheus 2.42 (prometheus + promtool) into the project, without touching the system:
# the package is downloaded with apt-get and unpacked with dpkg -x, so no service is started and root is not
# needed once the package lists exist. Prints the folder holding the binaries. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${RELANCE_TOOLS:-$root/.tools}/prometheus"
if [ -x "$dest/usr/bin/prometheus" ] && [ -x "$dest/usr/bin/promtool" ]; then
  echo "$dest/usr/bin"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download prometheus >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null
  fi
  apt-get download prometheus >/dev/null 2>&1 || {
    echo "Cannot download Debian's prometheus package (apt-get download prometheus failed)" >&2
    exit 1
  }
fi
mkdir -p "$dest.partial"
dpkg -x prometheus_*.deb "$dest.partial"
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "$dest/usr/bin"
