#!/usr/bin/env bash
# Coverage-guided fuzzing (issue 27) of every parser a visitor or a file can feed: the URL
# fragment and query, stored settings, scenario links and saved scenarios, the dataset reader,
# formulas. cargo-fuzz (libFuzzer; its sanitizer flags need nightly, which RUSTC_BOOTSTRAP=1
# enables on the pinned compiler). Installs cargo-fuzz if it is missing.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET ...]    # default: 60 seconds, every target
#
# Each target starts from the seeds (examples/fuzz_seeds.rs) and the corpus kept in
# fuzz/corpus/TARGET (committed; minimized after the run with `cargo fuzz cmin`, finds over
# 16 KB dropped). A crash
# leaves its input in fuzz/artifacts/TARGET: make it a regression test (tests/fuzz_found.rs)
# and keep it. Prints each target's executions and the coverage reached.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fragment settings scenario_link dataset formula)
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi
if [ ! -d fuzz/corpus/fragment ]; then
  cargo run --quiet --example fuzz_seeds -- fuzz/corpus
fi
for t in "${targets[@]}"; do
  echo "==> $t for ${seconds}s"
  log=$(mktemp)
  cargo fuzz run --sanitizer none "$t" "fuzz/corpus/$t" -- -max_total_time="$seconds" -print_final_stats=1 2>&1 | tee "$log" | grep -E "^#[0-9]+\s+(INITED|DONE)|ERROR|panicked" || true
  status=${PIPESTATUS[0]}
  execs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" || echo "?")
  cov=$(grep -E "^#[0-9]+\s+DONE" "$log" | grep -oE "cov: [0-9]+ ft: [0-9]+" | tail -1 || echo "?")
  echo "$t: $execs executions, $cov"
  rm -f "$log"
  [ "$status" -eq 0 ] || { echo "fuzz: $t found a failure: see fuzz/artifacts/$t" >&2; exit 1; }
  cargo fuzz cmin --sanitizer none "$t" "fuzz/corpus/$t" >/dev/null 2>&1 || true
  # The repository keeps the seeds and the finds under 16 KB (a mutated dataset is as large as
  # the dataset: 315 of them were 35 MB).
  find "fuzz/corpus/$t" -type f ! -name 'seed-*' -size +16k -delete
done
