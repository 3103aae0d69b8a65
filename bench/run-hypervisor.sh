#!/bin/sh
# Runs the hypervisor benchmarks against real QEMU and the test guest; results go to bench/results/.
# Usage: bench/run-hypervisor.sh [--runs N] [--only boot|disk]
set -eu
cd "$(dirname "$0")/.."
if [ ! -f "${FABRIC_GUEST_DIR:-$HOME/.cache/fabric/guest/current}/vmlinuz" ]; then
  echo "test guest missing: run tests/guest/build.sh first" >&2
  exit 1
fi
dotnet build -c Release bench/Fabric.Hypervisor.Bench >/dev/null
exec dotnet bench/Fabric.Hypervisor.Bench/bin/Release/net10.0/Fabric.Hypervisor.Bench.dll --out bench/results "$@"
