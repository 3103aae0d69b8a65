#!/usr/bin/env bash
# Runs every test project, one after another (the QEMU tests would starve each other on a
# 2-core machine if run side by side), and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

if [ -x tests/guest/build.sh ]; then
  FABRIC_GUEST_DIR=$(tests/guest/build.sh | tail -n 1) || { echo "test: the test guest did not build; see the output above" >&2; echo "0 passed, 1 failed"; exit 1; }
  export FABRIC_GUEST_DIR
fi

if ! dotnet build Fabric.sln -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "test: the build failed; see the errors above" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*.Tests/*.Tests.csproj tests/chaos/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done

if [ "$passed" -eq 0 ]; then
  echo "test: no test ran" >&2
  status=1
fi
[ "$failed" -eq 0 ] || status=1
# Skipped tests are counted, never hidden: a skip is a test that did not run.
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
