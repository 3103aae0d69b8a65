#!/bin/sh
# Measures failover (issue: high availability): a cluster from `fabric up --hosts 3 --silos 3`, HA VMs on the
# test guest, faults injected on hosts and the control plane, watched from outside (process table, guest agent,
# REST). Real QEMU trials with cold boots of the same guest measured beside them, a soak with every CPU
# saturated and no fault, then trials with the simulated driver. Results go to bench/results/failover.json.
# Needs root (network namespaces per host). Full run: about an hour on 2 cores; --short is a quick look.
# Usage: bench/failover/run.sh [--real-trials 21] [--simulated-trials 210] [--soak-minutes 10] [--boots 3]
#                              [--vms 3] [--out bench/results/failover.json] [--short]
set -eu
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "bench/failover/run.sh: needs root: each host runs in its own network namespace so a host's network can be cut" >&2
  exit 2
fi
FABRIC_GUEST_DIR=$(tests/guest/build.sh | tail -n 1)
export FABRIC_GUEST_DIR
dotnet build Fabric.sln -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
exec dotnet tests/chaos/Fabric.Chaos/bin/Release/net10.0/Fabric.Chaos.dll "$@"
