#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints one line CI can count:
#   tests: N passed, M failed[, K skipped]
# computed from the TRX files the runs wrote. Exits non-zero on a build error or any failed test.
# Set CONNECTORS_TEST_FILTER to pass a --filter expression to every test run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration="${CONFIGURATION:-Release}"
results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> dotnet build Connectors.sln -c $configuration"
if ! dotnet build Connectors.sln -c "$configuration" -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

filter_args=()
if [ -n "${CONNECTORS_TEST_FILTER:-}" ]; then
  filter_args=(--filter "$CONNECTORS_TEST_FILTER")
fi

status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "==> dotnet test $name"
  if ! dotnet test "$project" -c "$configuration" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --blame-hang-timeout 10m "${filter_args[@]}"; then
    status=1
  fi
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p="$(value passed)"; f="$(value failed)"; e="$(value error)"; t="$(value timeout)"; a="$(value aborted)"
  total="$(value total)"; executed="$(value executed)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  # xunit's skipped tests are not executed, yet VSTest leaves notExecuted at 0: count them as total - executed.
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

expected=$(ls tests/*.Tests/*.Tests.csproj | wc -l)
if [ "$files" -lt "$expected" ]; then
  echo "only $files of $expected test projects wrote results (a test host crashed?)"
  failed=$((failed + expected - files))
  status=1
fi
if [ "$failed" -gt 0 ]; then status=1; fi

line="tests: $passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
exit "$status"
