#!/usr/bin/env bash
# Builds the release for publishing into dist/ (installs what is missing first):
#   1. Trunk: the stylesheet and the icon. Its Rust step is skipped (`data-trunk-skip` on a
#      copy of index.html): Trunk cannot split the wasm before wasm-bindgen (trunk#1022);
#   2. scripts/build_wasm.py: cargo (with `--cfg iij_split`: the Japanese table and the quoted
#      source lines left out, fetched on demand; `--cfg iij_wasm_split`: every view but the
#      Overview a split point), wasm-split-cli, wasm-bindgen, wasm-opt, into target/wasm-release;
#   3. the prerender step (native, Leptos ssr): every view's first screen in both languages,
#      the texts fetched on demand, the preview image and the icons, into target/prerender;
#   4. scripts/postbuild.py: the hashed wasm files, pages, boot script, SRI, CSP, service
#      worker, manifest, offline file, zip and the precompressed .gz/.br files;
#   5. scripts/hosts.py: the nginx, Caddy and _headers configurations with the build's policy,
#      for the sub-path BASE_PATH (default /ir/explorer/), into hosting/ (not published);
#   6. the size report and the size budgets (budgets.json): a guard exceeded fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
release_html=.release-index.html
trap 'rm -f "$release_html"' EXIT
sed 's/<link data-trunk rel="rust"/<link data-trunk data-trunk-skip rel="rust"/' index.html > "$release_html"
grep -q 'data-trunk-skip' "$release_html" || { echo "build: index.html has no Rust link to skip" >&2; exit 1; }
trunk build --release true "$release_html"
python3 scripts/build_wasm.py target/wasm-release
cargo run --locked --quiet --features prerender --bin prerender -- target/prerender
python3 scripts/postbuild.py dist target/prerender target/wasm-release
python3 scripts/hosts.py dist hosting --base "${BASE_PATH:-/ir/explorer/}"
python3 scripts/size_report.py dist
