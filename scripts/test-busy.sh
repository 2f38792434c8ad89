#!/usr/bin/env bash
# The end-to-end suite on a busy machine (issue 27): builds once, then runs the whole suite N
# times in a row (default 3) while a CPU hog keeps every core busy; the hog is started here
# and stopped when the runs end (and killed after HOG_SECONDS at the latest, default 2 hours).
# Stops at the first failing run. Each run's summary goes to target/busy-run-K.log.
#
#   bash scripts/test-busy.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bash scripts/setup-test.sh
bash scripts/build.sh
cores=$(nproc)
hogs=()
for _ in $(seq "$cores"); do
  timeout "${HOG_SECONDS:-7200}" sh -c 'while :; do :; done' &
  hogs+=("$!")
done
trap 'kill "${hogs[@]}" 2>/dev/null || true' EXIT
echo "==> $cores CPU hogs running (pids ${hogs[*]})"
for k in $(seq "$runs"); do
  start=$(date +%s)
  echo "==> busy run $k of $runs"
  if (cd tests/e2e && IIJ_BUSY=1 node --test --test-concurrency=1) > "target/busy-run-$k.log" 2>&1; then
    echo "run $k passed in $(( $(date +%s) - start )) s: $(grep -E '^# (pass|fail)' "target/busy-run-$k.log" | tr '\n' ' ')"
  else
    echo "run $k FAILED after $(( $(date +%s) - start )) s: $(grep -E '^# (pass|fail)' "target/busy-run-$k.log" | tr '\n' ' ')" >&2
    grep -E "^\s+not ok|error:" "target/busy-run-$k.log" | head -20 >&2
    exit 1
  fi
done
