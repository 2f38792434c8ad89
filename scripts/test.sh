#!/usr/bin/env bash
# Installs what is missing, then runs every test layer; stops at the first failure.
#   1. host:    cargo test (the model, charts, exports, i18n, the workbooks, natively; the
#               workbooks recalculated by LibreOffice), clippy's no-panic
#               lints, the native benchmark
#   2. browser: wasm-bindgen-test of the components in headless Chromium
#   3. e2e:     the release build in dist/ (with its prerender step), served on 127.0.0.1
#               under /ir/explorer/, driven by headless Chromium through playwright-core
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test.sh
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

say "1/3 host tests, the no-panic lints and the native benchmark"
cargo test --locked
# The workbooks recalculated by LibreOffice (headless), against the model's exact values.
cargo test --locked --test workbook -- --ignored
(cd scripts && python3 -m unittest -q test_postbuild test_check_links test_hosts)
# No dead relative link in the README and docs/.
python3 scripts/check_links.py
# No unwrap, expect or panic in the library, and no overflowing operator arithmetic in the
# model (the lints are denied in src/lib.rs and src/model/mod.rs), for both targets.
cargo clippy --locked --lib
cargo clippy --locked --lib --target wasm32-unknown-unknown
cargo clippy --locked --lib --features prerender
cargo bench --locked --bench engine

say "2/3 browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --locked --target wasm32-unknown-unknown --test web

say "3/3 end-to-end tests of the release build"
bash scripts/build.sh
(cd tests/e2e && node --test --test-concurrency=1)
