#!/usr/bin/env bash
# Installs what the tests need on top of scripts/setup.sh, skipping what is there: Debian's
# Chromium and ChromeDriver (never a tool's own browser download) and the end-to-end suite's
# npm packages (playwright-core, from tests/e2e/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

say() { printf '==> %s\n' "$*"; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! cargo clippy --version >/dev/null 2>&1; then
  say "adding clippy (the no-panic lints)"
  rustup component add clippy
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing the end-to-end suite's npm packages"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
say "test tools ready: $(chromium --version 2>/dev/null | head -n1), $(chromedriver --version | cut -d' ' -f1-2)"
