#!/usr/bin/env bash
# Builds the release into dist/ for publishing (installs what is missing first), then prints
# the size of each file, raw and gzip.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release
python3 scripts/postbuild.py dist
python3 scripts/sizes.py dist
