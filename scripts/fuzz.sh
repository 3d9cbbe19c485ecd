#!/usr/bin/env bash
# Runs every fuzz target briefly: scripts/fuzz.sh [duration per target, default 10s].
#
# A target that fails prints go test's output, and the failing input is
# left in the package's testdata/fuzz/ to commit as a regression case. A
# failure of the fuzzing engine itself that recorded no input (a worker
# killed or starved on a loaded machine) is retried once; a second such
# failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-10s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/func //' | sort -u); do
    for try in 1 2; do
      again=""; [[ $try == 2 ]] && again=", again"
      echo "fuzz $pkg $f ($t$again)"
      if go test "$pkg" -run '^$' -fuzz "^$f\$" -fuzztime "$t" >"$log" 2>&1; then
        break
      fi
      cat "$log"
      if grep -q 'Failing input written to' "$log" || [[ $try == 2 ]]; then
        echo "FAIL: fuzz $pkg $f" >&2
        exit 1
      fi
      echo "(no failing input was recorded: trying $f once more)"
    done
  done
done
