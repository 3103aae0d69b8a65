#!/usr/bin/env bash
# Packs what a .NET program references to use a Fabric cluster, Fabric.Contracts and Fabric.Client,
# into a folder that works as a NuGet feed (default: artifacts/packages, which samples/nuget.config names).
#   scripts/pack.sh [--output DIR] [--version VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
output=artifacts/packages
version=
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    *) echo "pack: unknown argument '$1'; use --output DIR and --version VERSION" >&2; exit 2 ;;
  esac
done
properties=()
[ -n "$version" ] && properties+=("-p:Version=$version")
for project in src/Fabric.Contracts/Fabric.Contracts.csproj src/Fabric.Client/Fabric.Client.csproj; do
  dotnet pack "$project" -c Release -nologo -v q -clp:ErrorsOnly -o "$output" "${properties[@]}"
done
echo "packed into $output:"
ls -1 "$output"/Fabric.*.nupkg
