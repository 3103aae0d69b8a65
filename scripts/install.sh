#!/usr/bin/env bash
# Installs what Fabric needs on Debian 12 and builds it: apt packages, NuGet restore, the
# solution, and the offline test guest. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'install: %s\n' "$*" >&2; }

# Debian packages: Redis (cluster state), QEMU and qemu-img (the hypervisor), and what the
# test guest build uses (busybox-static, cpio-free initramfs via busybox, xorriso for the ISO),
# and Chromium, in which the dashboard tests run.
packages=(redis-server qemu-system-x86 qemu-utils busybox-static xorriso iproute2 curl ca-certificates chromium)
# The build runs 'npm ci' for the dashboard's xterm.js and noVNC and for Redocly CLI (the OpenAPI
# linter the tests run), and 'dotnet tool restore' for Kiota; Debian's npm unless one is installed.
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${missing[*]}; run this script as root or 'sudo apt-get install ${missing[*]}'"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian starts a system redis-server on 6379 when the package installs; Fabric runs its own
# on its own port and data folder, so the system one is left alone.

if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run this again"
  exit 1
fi

say "building Fabric (Release)"
dotnet build Fabric.sln -c Release -nologo -v q -clp:ErrorsOnly

if [ -x tests/guest/build.sh ]; then
  say "building the offline test guest (cached after the first run)"
  tests/guest/build.sh >/dev/null
fi
say "done"
