#!/usr/bin/env bash
# Installs what the tests need on top of scripts/setup.sh, skipping what is there: Debian's
# Chromium and ChromeDriver (never a tool's own browser download), Firefox ESR, WebKitGTK's
# MiniBrowser and WebKitWebDriver with xvfb, LibreOffice Calc, and the end-to-end suite's npm packages
# (playwright-core, puppeteer-core, axe-core, lighthouse, from tests/e2e/package-lock.json).
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

# The other two engines of the end-to-end suite (engines.test.mjs): Firefox ESR, driven by
# puppeteer-core over WebDriver BiDi, and WebKitGTK's MiniBrowser through WebKitWebDriver in a
# virtual display (xvfb-run); a Japanese font for the README's screenshots.
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || [ ! -x "$MINIBROWSER" ] \
   || ! command -v xvfb-run >/dev/null || [ ! -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ]; then
  say "installing firefox-esr, webkit2gtk-driver, xvfb and fonts-ipafont-gothic from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth fonts-ipafont-gothic >/dev/null
fi

# A real spreadsheet engine for the workbooks' test (tests/workbook.rs, run with --ignored):
# LibreOffice Calc without its GUI.
if ! command -v soffice >/dev/null; then
  say "installing libreoffice-calc-nogui from Debian (the workbooks' spreadsheet engine)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

# The hosts' tests (tests/e2e/hosts.test.mjs) start real servers on loopback with the generated
# configurations: Debian's nginx with its brotli_static module, and Caddy; the Nu HTML Checker
# (npm vnu-jar, below) runs on Debian's headless Java.
if ! command -v nginx >/dev/null || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
   || ! command -v caddy >/dev/null || ! command -v java >/dev/null; then
  say "installing nginx, libnginx-mod-http-brotli-static, caddy and default-jre-headless from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    nginx libnginx-mod-http-brotli-static caddy default-jre-headless >/dev/null
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
   || [ ! -d tests/e2e/node_modules/puppeteer-core ] || [ ! -d tests/e2e/node_modules/vnu-jar ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "installing the end-to-end suite's npm packages"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
say "test tools ready: $(chromium --version 2>/dev/null | head -n1), $(chromedriver --version | cut -d' ' -f1-2), $(firefox-esr --version 2>/dev/null | head -n1), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"
