#!/usr/bin/env bash
# Builds the release into dist/ for publishing (installs what is missing first):
#   1. Trunk: the wasm with `--cfg iij_split` (the Japanese table and the quoted source lines
#      left out, fetched on demand), the glue JS and the CSS;
#   2. the prerender step (native, Leptos ssr): every view's first screen in both languages,
#      the texts fetched on demand, the preview image and the icons, into target/prerender;
#   3. scripts/postbuild.py: the pages, boot script, SRI, CSP, service worker, manifest,
#      offline file, zip and the precompressed .gz/.br files;
#   4. the size report and the size budgets (budgets.json): a guard exceeded fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# The environment variable replaces the rustflags of .cargo/config.toml, so it repeats them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg iij_split"
trunk build --release
cargo run --locked --quiet --features prerender --bin prerender -- target/prerender
python3 scripts/postbuild.py dist target/prerender
python3 scripts/size_report.py dist
