#!/usr/bin/env bash
# Installs what building and serving the explorer needs, skipping what is already there:
# the wasm32 target, Trunk 0.21.14, wasm-bindgen-cli equal to the crate's wasm-bindgen,
# wasm-split-cli 0.2.4 (the release build splits the wasm after cargo), and
# wasm-opt 132 (binaryen from npm; Trunk cannot download it here, Debian's is too old), the
# Python brotli module and the DejaVu font for the release build's post-processing.
# Safe to run any number of times; quick when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
# The splitter of the release build (scripts/build_wasm.py); its format matches the
# wasm_split_helpers 0.2.3 that Leptos brings in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132
# The CLI must equal the crate version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lockfile names a crate version this registry lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support, about 2 minutes)"
  cargo install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# The prerender step draws the preview image's text in DejaVu Sans.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing fonts-dejavu-core from Debian (text of the link-preview image)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

# postbuild.py writes a .br beside every text asset.
if ! python3 -c "import brotli" 2>/dev/null; then
  say "installing the Python brotli module (precompressed .br files)"
  python3 -m pip install --quiet --user brotli==1.1.0 2>/dev/null || python3 -m pip install --quiet brotli==1.1.0
fi

say "toolchain ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version)"
