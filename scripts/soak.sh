#!/usr/bin/env bash
# The soak (issue 27) at full length: N actions (default 10,010) of driver changes, language and
# theme switches and view changes in one page of the release build, then 1,000 language
# switches; prints the heap, DOM and wasm memory at each checkpoint (docs/performance.md).
# The suite runs the same test with 1,040 actions.
#
#   bash scripts/soak.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test.sh
bash scripts/build.sh
cd tests/e2e
IIJ_SOAK="${1:-10010}" node --test soak.test.mjs 2>&1 | grep -vE '^\s+(duration_ms|\.\.\.|---)'
