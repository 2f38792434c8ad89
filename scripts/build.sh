#!/usr/bin/env bash
# Builds the release into dist/ for publishing (installs what is missing first), then prints
# the size report (raw, gzip, brotli; the wasm by crate) and checks the size budgets
# (budgets.json): the build fails when a guard budget is exceeded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release
python3 scripts/postbuild.py dist
python3 scripts/size_report.py dist
