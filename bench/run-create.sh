#!/bin/sh
# Measures VM creation throughput of a cluster (one silo, simulated hosts as agent processes, REST and
# FabricClient callers); results go to bench/results/create.json (and create-profile.txt with --profile).
# Usage: bench/run-create.sh [--vms N] [--clients 16,64] [--surfaces rest,client] [--storage in-memory,redis]
#                            [--hosts N] [--name create] [--profile]
# --profile records the silo's counters and sampled stacks during every run (the tracing slows the silo:
# take throughput figures from a run without it).
set -eu
cd "$(dirname "$0")/.."
tools=bench/.tools
for tool in dotnet-counters dotnet-trace dotnet-gcdump; do
  # Also used without --profile: dotnet-gcdump forces a full GC before each silo memory reading.
  if [ ! -x "$tools/$tool" ]; then
    dotnet tool install --tool-path "$tools" "$tool" >/dev/null
  fi
done
dotnet build -c Release bench/Fabric.Create.Bench -nologo -v q -clp:ErrorsOnly >/dev/null
exec dotnet bench/Fabric.Create.Bench/bin/Release/net10.0/Fabric.Create.Bench.dll --out bench/results --tools "$tools" "$@"
