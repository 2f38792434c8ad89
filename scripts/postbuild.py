#!/usr/bin/env python3
"""Turns Trunk's release output and the prerender step's pages into what we publish.

Usage: postbuild.py DIST PRERENDERED WASM

DIST is Trunk's output (its index.html is the template; Trunk built the stylesheet and the
icon, not the wasm); PRERENDERED is the prerender step's directory (src/bin/prerender.rs: every
view's body in both languages, titles and descriptions, the Japanese table, the quoted source
lines, the preview image and icons); WASM is scripts/build_wasm.py's output (the split wasm:
the glue, the main module, the loader and a module per view and shared chunk).

Hosted edition (for any static host and sub-path):
- One page per view and language, each holding that view's first screen as the app's own
  components draw it (`index.html` is the Overview in English; `ratios.html`,
  `ratios.ja.html`, `index.ja.html` …), with its own title, description, Open Graph and
  Twitter card tags (the preview image og-trend.png is drawn from the trend chart). A small
  inline head script (allowed by its hash) applies the stored theme before the first paint
  and, when the URL's fragment asks for another view, parameters or language than the page
  holds, hides the prerendered content behind a neutral loading line, so a deep link never
  shows another view first. The app replaces either in one step when it starts. Without
  JavaScript the pages read as they are, linked to each other; a `<noscript>` note says what
  needs JavaScript.
- The Japanese table, the quoted source lines and the two transcriptions (the Documents view)
  are hashed files (ja-<hash>.txt, lines-<hash>.txt, notice-<hash>.txt, forum-<hash>.txt)
  fetched with their integrity checked when needed, not part of the first load.
- The split wasm (scripts/wasm_assets.py): main-<hash>.js (the glue), main-<hash>_bg.wasm,
  split-<hash>.js (the splitter's loader) and one <module>-<hash>.wasm per view and shared
  chunk, fetched with their integrity checked the first time a view needs them: the boot
  script starts a deep link's modules beside the main module, and the app fetches the others
  when the browser is idle after the takeover.
- An external boot-<hash>.js starts the app; the import map pinning the
  glue JS's integrity and the head script are the only inline scripts, allowed by hash.
  Subresource integrity on every script, stylesheet, the wasm and the fetched texts.
- A strict Content-Security-Policy meta tag (no 'unsafe-inline' or 'unsafe-eval').
- sw.js, a service worker that caches one whole release (a new release is installed beside
  the old one and replaces it at once, after the visitor accepts "A new version is
  available"), and manifest.webmanifest with PNG icons, so the app opens from cache and is
  installable.
- Every text asset also as .gz and .br, for hosts that serve precompressed files.

Offline edition (iij-explorer-offline.html): one self-contained file with the CSS, favicon,
glue JS, the texts and the wasm (gzip-compressed, base64) inside; it opens from file://.

Also iij-explorer.zip: the hosted edition. Writes target/publish.json: which files the first
load fetches and which are fetched on demand, for scripts/size_report.py.
"""
import base64
import gzip
import hashlib
import html as htmlmod
import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import wasm_assets

try:
    import brotli  # type: ignore
except ImportError:
    sys.exit("postbuild: the Python brotli module is missing (scripts/setup.sh installs it)")

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_NAME = "iij-explorer-offline.html"
ZIP_NAME = "iij-explorer.zip"
PRODUCT = "IIJ Financial Explorer"
THEME_COLOUR = "#0b4f8a"
CSP_COMMON = "default-src 'none'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'"
PRECOMPRESSED = (".html", ".js", ".css", ".wasm", ".svg", ".txt", ".json", ".webmanifest")

# Runs before the first paint, identical on every page (one CSP hash): the stored theme, the
# view a fragment-less page stands for, and whether the prerendered content fits the URL. A
# fragment shaped like an element id that names no view (`#main-content`, the skip link
# followed before the app has taken over) is an in-page anchor: the page stands for its own
# view and the fragment is left alone (the app reads it the same way: route::anchor_id).
# Where a page's release goes (filled in once the release is known; see the service worker).
RELEASE_MARK = "%IIJ-RELEASE%"
VIEW_SLUGS = ("overview", "statements", "ratios", "scenarios", "charts", "sources", "documents")
HEAD_SCRIPT = r"""(function(){var d=document.documentElement,v=d.getAttribute('data-pre'),l=d.lang;
function get(k){try{return localStorage.getItem(k)}catch(e){return null}}
var th=get('iij-explorer/theme');
if(th==='dark'||th==='light')d.setAttribute('data-theme',th);
else if(window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches)d.setAttribute('data-theme','dark');
var h=location.hash,own='#/'+v+(l!=='en'?'?lang='+l:'');
if(/^#[A-Za-z][\w-]*$/.test(h)&&!/^#(VIEW_SLUGS)$/i.test(h))h=own;
else if(!h||h==='#'||h==='#/'){h=own;if(v!=='overview'||l!=='en')history.replaceState(null,'',h)}
var m=/^#\/([a-z]+)(?:\?(.*))?$/.exec(h),ok=false;
if(m){var q=m[2]?m[2].split('&'):[],lang=null,extra=false;
for(var i=0;i<q.length;i++){if(q[i].indexOf('lang=')===0)lang=q[i].slice(5);else if(q[i])extra=true}
if(lang===null){var s=get('iij-explorer/lang');lang=s==='ja'?'ja':'en'}
ok=m[1]===v&&lang===l&&!extra}
if(!ok)d.classList.add('pre-off')})();""".replace("VIEW_SLUGS", "|".join(VIEW_SLUGS))

# What a host that looks for `404.html` (Cloudflare Pages, Netlify) sends for a missing file:
# without one, Cloudflare Pages would answer every missing file with the app's index.html.
NOT_FOUND_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="robots" content="noindex">
<title>Not found · IIJ Financial Explorer</title>
</head>
<body>
<main>
<h1>Not found</h1>
<p>This address is not part of the IIJ Financial Explorer. <a href="./">Open the explorer</a>.</p>
<p lang="ja">このアドレスは IIJ Financial Explorer にありません。<a href="./index.ja.html">Explorer を開く</a></p>
</main>
</body>
</html>
"""

# Shared by both editions: a WebAssembly trap (a panic, when the panic hook cannot run) or a
# failed start replaces the page with the same "Something went wrong" page as the panic hook.
CRASH_JS = r"""const crashed = (err) => {
  if (document.getElementById('crash')) return;
  console.error(`IIJ Financial Explorer stopped: ${err}`);
  const el = (tag, text) => { const e = document.createElement(tag); if (text) e.textContent = text; return e; };
  const section = el('section'); section.id = 'crash'; section.className = 'crash'; section.setAttribute('role', 'alert');
  const link = el('a', 'Reload the explorer'); link.href = location.href.split('#')[0];
  section.append(el('h1', 'Something went wrong'), el('p', 'The IIJ Financial Explorer hit an internal error and stopped. Nothing you entered has been sent anywhere.'), link, el('pre', String(err)));
  document.body.replaceChildren(section);
  link.focus();
};
// The wasm could not be fetched or started (network, integrity): a prerendered page stays
// readable and says so; a page without one gets the crash page.
const startFailed = (err) => {
  const pre = document.getElementById('prerender');
  if (!pre) return crashed(err);
  console.error(`IIJ Financial Explorer could not start: ${err}`);
  const ja = document.documentElement.lang === 'ja';
  // Under the neutral state the page shows no view: it must not claim to show one.
  const hidden = document.documentElement.classList.contains('pre-off');
  const note = document.createElement('p');
  note.id = 'start-failed'; note.className = 'start-failed'; note.setAttribute('role', 'alert');
  note.textContent = ja
    ? `対話型の Explorer を起動できませんでした（${err}）。${hidden ? '' : 'このページは公開時の初期画面です。'}`
    : `The interactive explorer could not be started (${err}). ${hidden ? '' : 'This page shows its first screen as published.'}`;
  // Try again: the whole page anew (the browser fetches what failed again; a release changed
  // meanwhile is then had whole).
  const again = document.createElement('button');
  again.type = 'button'; again.className = 'action small'; again.dataset.testid = 'start-retry';
  again.textContent = ja ? '再試行' : 'Try again';
  again.addEventListener('click', () => location.reload());
  note.append(' ', again);
  const wait = document.getElementById('pre-wait');
  if (wait && hidden) wait.replaceWith(note);
  else document.body.prepend(note);
};
addEventListener('error', (e) => { if (e.error instanceof WebAssembly.RuntimeError) crashed(e.error); });
addEventListener('unhandledrejection', (e) => { if (e.reason instanceof WebAssembly.RuntimeError) crashed(e.reason); });
"""

# Shared by both editions: the skip link moves focus to the content without touching the
# fragment (which holds the route), before the app has taken over as after (the app's own
# handler does the same).
SKIP_LINK_JS = r"""document.addEventListener('click', (e) => {
  const link = e.target instanceof Element && e.target.closest('a.skip-link');
  const main = link && document.getElementById('main-content');
  if (!main) return;
  e.preventDefault();
  main.focus();
});
"""

# The hosted edition's service worker client: register (http(s) only), and when a new release
# has been installed beside the one in use, offer to reload into it. It runs once the app has
# replaced the prerendered page: registered earlier, the worker's install would fetch the
# wasm and the rest of the release while the page's own first load is still on the wire.
SW_CLIENT_JS = r"""const keepForOffline = () => {
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  let accepted = false, reloading = false;
  const reload = () => { if (!reloading) { reloading = true; location.reload(); } };
  const offer = (worker) => {
    if (document.getElementById('update-banner')) return;
    const ja = document.documentElement.lang === 'ja';
    const bar = document.createElement('div');
    bar.id = 'update-banner'; bar.className = 'update-banner'; bar.setAttribute('role', 'status');
    const button = document.createElement('button');
    button.type = 'button'; button.className = 'action small';
    button.textContent = ja ? '再読み込み' : 'Reload';
    // Reload once the new release is the active one: told by controllerchange, or by the
    // worker itself (a busy browser can activate it before this page hears of the change),
    // or at once if it already is.
    button.addEventListener('click', () => {
      accepted = true;
      if (worker.state === 'activated') return reload();
      worker.addEventListener('statechange', () => { if (worker.state === 'activated') reload(); });
      worker.postMessage('skip-waiting');
    });
    bar.append(ja ? '新しいバージョンがあります。 ' : 'A new version is available. ', button);
    document.body.append(bar);
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (accepted) reload(); });
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' }).then((reg) => {
    if (!reg) return;
    const watch = (worker) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    if (reg.installing) watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
  }, (err) => console.warn(`The explorer could not be kept for offline use: ${err}`));
}
};
// After the takeover (the prerendered page gone), in a task of its own.
const whenTakenOver = (then) => {
  const go = () => setTimeout(then, 0);
  if (!document.getElementById('prerender')) return go();
  const watch = new MutationObserver(() => {
    if (!document.getElementById('prerender')) { watch.disconnect(); go(); }
  });
  watch.observe(document.body, { childList: true });
};
"""

# The hosted edition's modules of the split wasm: `iijChunk(name)` fetches one (hashed, its
# integrity checked) once, keeping the bytes until the splitter's loader takes them (`take`),
# so a deep link's or the idle prefetch's early fetch is the one the loader uses. A failure is
# not remembered: the next call fetches again ("Try again").
CHUNK_JS = r"""// A module's bytes, their integrity checked here (SHA-384 of what arrived against the build's)
// rather than by fetch's `integrity`: the page preloads the modules it needs first, and a
// preload of a fetch carries no integrity, so a fetch with one would not take the preloaded
// response but fetch the module again. Without crypto.subtle (a page on plain http) the
// browser checks it, at the cost of the preload.
const verified = async (file, sri) => {
  const url = new URL(file, import.meta.url);
  const r = await (crypto.subtle ? fetch(url) : fetch(url, { integrity: sri })).catch((e) => {
    throw new Error(e instanceof TypeError ? `network error or integrity check failed (${file})` : String(e));
  });
  if (!r.ok) throw new Error(`HTTP ${r.status} (${file})`);
  const bytes = await r.arrayBuffer();
  if (crypto.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    let bin = '';
    for (const b of digest) bin += String.fromCharCode(b);
    if (`sha384-${btoa(bin)}` !== sri) throw new Error(`integrity check failed (${file})`);
  }
  return bytes;
};
const chunkBytes = new Map();
globalThis.iijChunk = (name, take) => {
  let bytes = chunkBytes.get(name);
  if (!bytes) {
    const c = chunks[name];
    bytes = !c ? Promise.reject(new Error(`no module ${name}`)) : verified(c[0], c[1]);
    chunkBytes.set(name, bytes);
    bytes.catch(() => { if (chunkBytes.get(name) === bytes) chunkBytes.delete(name); });
  }
  if (take) chunkBytes.delete(name);
  return bytes;
};
// Whether the host now serves another release than this page's (a module that cannot be
// fetched may be gone with the release that named it): this page asked again, past the HTTP
// cache (a service worker answers from its release), names another build.
globalThis.iijReleaseChanged = async () => {
  const mine = document.querySelector('meta[name="iij-build"]')?.content;
  if (!mine) return false;
  try {
    const r = await fetch(location.pathname, { cache: 'no-store' });
    const found = r.ok && (await r.text()).match(/<meta name="iij-build" content="([^"]+)">/);
    return !!found && found[1] !== mine;
  } catch {
    return false;
  }
};
"""

SW_JS = r"""// The IIJ Financial Explorer's service worker: one release, cached whole at install, served
// from that cache alone. A new release installs into its own cache beside the old one and
// takes over when the page accepts ("skip-waiting"); it then deletes the old cache, so a page
// never mixes files of two releases.
const RELEASE = '%RELEASE%';
const FILES = %FILES%;
const CACHE = `iij-explorer-${RELEASE}`;
self.addEventListener('install', (e) => {
  // A hashed file's name changes with its content, so the copy the page has just fetched (in
  // the HTTP cache) is this release's; every other file is revalidated with the host.
  const fresh = (f) => (/-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(f) ? 'default' : 'no-cache');
  // Every page must be of this release: a deploy still under way (the worker copied before the
  // pages) fails the install, and the browser tries again at a later visit.
  e.waitUntil(caches.open(CACHE).then(async (c) => {
    await c.addAll(FILES.map((f) => new Request(f, { cache: fresh(f) })));
    for (const f of FILES.filter((f) => f.endsWith('.html'))) {
      const page = await c.match(f);
      if (!page || !(await page.text()).includes(`<meta name="iij-build" content="${RELEASE}">`)) {
        await caches.delete(CACHE);
        throw new Error(`${f} is not of release ${RELEASE}: the host is being updated`);
      }
    }
  }));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('iij-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('message', (e) => { if (e.data === 'skip-waiting') self.skipWaiting(); });
self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  e.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    if (req.mode === 'navigate' && url.pathname.endsWith('/')) {
      const index = await cache.match(new URL('index.html', url));
      if (index) return index;
    }
    return fetch(req);
  }));
});
"""

NOSCRIPT = {
    "en": "This page shows the explorer's first screen as published. Choosing units, statements and ratio groups, the source inspector, scenarios, exports and the language and theme switches need JavaScript and WebAssembly.",
    "ja": "このページは公開時の初期画面を表示しています。単位・表・指標グループの切り替え、出典の表示、シナリオ、ダウンロード、言語とテーマの切り替えには JavaScript と WebAssembly が必要です。",
}
WAIT = {"en": "Loading the IIJ Financial Explorer…", "ja": "IIJ Financial Explorer を読み込んでいます…"}
OTHER_LANG = {"en": ("ja", "日本語"), "ja": ("en", "English")}
LOCALE = {"en": "en_US", "ja": "ja_JP"}


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def one(pattern: str, text: str, what: str) -> re.Match:
    found = list(re.finditer(pattern, text, re.S))
    if len(found) != 1:
        sys.exit(f"postbuild: expected one {what} in Trunk's index.html, found {len(found)}")
    return found[0]


def esc(text: str) -> str:
    return htmlmod.escape(text, quote=True)


def read_pages(pre: Path) -> list:
    pages = []
    for line in (pre / "pages.tsv").read_text(encoding="utf-8").splitlines():
        file, view, lang, title, description = line.split("\t")
        body = (pre / f"{file}.body.html").read_text(encoding="utf-8")
        pages.append({"file": file, "view": view, "lang": lang, "title": title, "description": description, "body": body})
    return pages


def page_file(pages: list, view: str, lang: str) -> str:
    return next(p["file"] for p in pages if p["view"] == view and p["lang"] == lang)


def static_body(pages: list, page: dict, styles: dict) -> str:
    """The prerendered body, made to stand alone: inline style attributes (which the CSP
    refuses in markup) become classes of the prerender stylesheet, and links to views lead to
    their pages (with the fragment kept for the app)."""
    def style_class(m: re.Match) -> str:
        decl = m.group(1)
        name = styles.setdefault(decl, f"pre-s{len(styles)}")
        return f'data-pre-style="{name}"'

    # `<!>` is the empty marker Leptos's server rendering writes for hydration; the app
    # replaces the page instead of hydrating it, and HTML reads the marker as a bogus comment.
    body = re.sub(r'style="([^"]*)"', style_class, page["body"].replace("<!>", ""))

    def link(m: re.Match) -> str:
        view = m.group(1)
        try:
            target = page_file(pages, view, page["lang"])
        except StopIteration:
            return m.group(0)
        return f'href="./{target}#/{view}{m.group(2)}"'

    return re.sub(r'href="#/([a-z]+)([^"]*)"', link, body)


def pre_css(styles: dict) -> str:
    return "".join(f'[data-pre-style="{name}"]{{{decl}}}\n' for decl, name in styles.items())


def publish_wasm(dist: Path, wasm_dir: Path) -> dict:
    """The split wasm into DIST under hashed names: the glue (importing the loader by its
    hashed name), the main module, the rewritten loader and every module. Returns the names,
    contents and the modules each view fetches."""
    built = wasm_assets.read(wasm_dir)
    try:
        loader = wasm_assets.rewrite_loader(built["loader"], list(built["modules"])).encode()
        loader_name = f"split-{short_hash(loader)}.js"
        js = wasm_assets.glue_importing(built["glue"], loader_name).encode()
        inline = wasm_assets.inline_module(built["glue"], loader.decode("utf-8"))
    except wasm_assets.SplitError as e:
        sys.exit(f"postbuild: {e}")
    wasm = built["wasm"]
    out = {"js_name": f"main-{short_hash(js)}.js", "js": js, "wasm_name": f"main-{short_hash(wasm)}_bg.wasm", "wasm": wasm,
           "loader_name": loader_name, "loader": loader, "views": built["views"], "modules": {}, "inline": inline}
    for name, data in [(out["js_name"], js), (out["wasm_name"], wasm), (loader_name, loader)]:
        (dist / name).write_bytes(data)
    for module, data in built["modules"].items():
        name = f"{module}-{short_hash(data)}.wasm"
        (dist / name).write_bytes(data)
        out["modules"][module] = (name, data)
    return out


def main(dist_dir: str, pre_dir: str, wasm_dir: str) -> None:
    dist, pre = Path(dist_dir), Path(pre_dir)
    index = dist / "index.html"
    template = index.read_text(encoding="utf-8")
    # Trunk gives the favicon's link an `integrity`, which HTML allows only on stylesheet,
    # preload and modulepreload links (the Nu HTML Checker's error; browsers ignore it there).
    template = re.sub(r'(<link rel="icon"[^>]*?)\s+integrity="[^"]*"', r"\1", template)
    # The Rust link Trunk was told to skip (build.sh) stays in its output, without an href.
    template = re.sub(r'\s*<link data-trunk[^>]*>', "", template)
    if "boot-" in template:
        sys.exit("postbuild: index.html was already processed; run trunk build first")
    if "_bg.wasm" in template:
        sys.exit("postbuild: Trunk built the wasm; the release build skips Trunk's Rust step (scripts/build.sh)")
    pages = read_pages(pre)
    if sorted({p["view"] for p in pages}) != sorted(VIEW_SLUGS):
        sys.exit(f"postbuild: the pages' views {sorted({p['view'] for p in pages})} are not VIEW_SLUGS {sorted(VIEW_SLUGS)}")

    css_name = one(r'<link rel="stylesheet" href="\./([^"]+\.css)"', template, "stylesheet").group(1)
    icon_name = one(r'<link rel="icon" href="\./([^"]+)"', template, "favicon").group(1)
    css, icon = ((dist / n).read_bytes() for n in (css_name, icon_name))
    split = publish_wasm(dist, Path(wasm_dir))
    js_name, js, wasm_name, wasm = split["js_name"], split["js"], split["wasm_name"], split["wasm"]
    loader_name, loader_js = split["loader_name"], split["loader"]

    # ----- the texts fetched on demand, and the pictures -----
    assets = {}
    for key, src in (("ja", "ja.txt"), ("lines", "lines.txt"), ("notice", "notice.txt"), ("forum", "forum.txt")):
        data = (pre / src).read_bytes()
        name = f"{key}-{short_hash(data)}.txt"
        (dist / name).write_bytes(data)
        assets[key] = (name, data)
    for name in ("og-trend.png", "icon-192.png", "icon-512.png", "iij-explorer.xlsx", "iij-explorer-ja.xlsx"):
        shutil.copyfile(pre / name, dist / name)

    # ----- the prerendered pages' stylesheet (their inline styles as classes) -----
    styles: dict = {}
    bodies = {p["file"]: static_body(pages, p, styles) for p in pages}
    pcss = pre_css(styles).encode()
    pcss_name = f"pre-{short_hash(pcss)}.css"
    (dist / pcss_name).write_bytes(pcss)

    # ----- boot script, shared by every page -----
    asset_map = {k: [f"./{n}", sri(d)] for k, (n, d) in assets.items()}
    chunk_map = {m: [f"./{n}", sri(d)] for m, (n, d) in split["modules"].items()}
    boot = (
        f"import init, {{ initSync }} from './{js_name}';\n"
        "globalThis.iijInitSync = initSync;\n"
        f"{CRASH_JS}{SKIP_LINK_JS}"
        f"const chunks = {json.dumps(chunk_map)};\n"
        f"const viewChunks = {json.dumps(split['views'])};\n"
        f"{CHUNK_JS}"
        f"const assets = {json.dumps(asset_map)};\n"
        "globalThis.iijAsset = (name) => {\n"
        "  const a = assets[name];\n"
        "  if (!a) return Promise.reject(new Error(`no file ${name}`));\n"
        "  return fetch(new URL(a[0], import.meta.url), { integrity: a[1] }).then((r) => {\n"
        "    if (!r.ok) throw new Error(`HTTP ${r.status}`);\n"
        "    return r.text();\n"
        "  }, (e) => { throw new Error(e instanceof TypeError ? 'network error or integrity check failed' : String(e)); });\n"
        "};\n"
        f"{SW_CLIENT_JS}"
        "// The main module, preloaded by the page: on a phone its download is most of the wait for\n"
        "// the first tap.\n"
        f"const wasm = verified('./{wasm_name}', '{sri(wasm)}');\n"
        "wasm.catch(() => {});\n"
        "// The prerendered page is painted, and its largest paint recorded, before the app takes\n"
        "// over: on a fast connection the app would otherwise replace the page before its first\n"
        "// paint was presented, and the largest contentful paint would wait for the app. A hidden\n"
        "// tab gets no frames: it starts at once, or when hidden; a browser without paint timing\n"
        "// waits two frames; none waits past 3 s.\n"
        "await new Promise((ok) => {\n"
        "  if (document.hidden) return ok();\n"
        "  const go = () => setTimeout(ok, 0);\n"
        "  const types = (globalThis.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];\n"
        "  const type = ['largest-contentful-paint', 'paint'].find((t) => types.includes(t));\n"
        "  if (type) new PerformanceObserver((_, obs) => { obs.disconnect(); go(); }).observe({ type, buffered: true });\n"
        "  else requestAnimationFrame(() => requestAnimationFrame(go));\n"
        "  setTimeout(ok, 3000);\n"
        "  document.addEventListener('visibilitychange', ok, { once: true });\n"
        "});\n"

        "// A deep link's view: its modules are fetched beside the main module, once the page is\n"
        "// painted (Lighthouse's simulation charges every download that starts before the largest\n"
        "// paint to it; the link is busy with the main module until then anyway).\n"
        "const linked = /^#\\/([a-z]+)/.exec(location.hash);\n"
        "for (const c of viewChunks[linked ? linked[1] : document.documentElement.dataset.pre] || []) iijChunk(c).catch(() => {});\n"
        "await init({ module_or_path: wasm }).then(() => whenTakenOver(keepForOffline), startFailed);\n"
    ).encode()
    boot_name = f"boot-{short_hash(boot)}.js"
    (dist / boot_name).write_bytes(boot)

    importmap = json.dumps({"integrity": {f"./{js_name}": sri(js), f"./{loader_name}": sri(loader_js)}}, separators=(",", ":"))
    csp_hosted = (
        f"{CSP_COMMON}; script-src 'self' {csp_hash(importmap)} {csp_hash(HEAD_SCRIPT)} 'wasm-unsafe-eval'; "
        "style-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'"
    )

    # ----- the pages -----
    head_tpl = template
    head_tpl = re.sub(r'\s*<script type="module">.*?</script>', "", head_tpl, flags=re.S)
    head_tpl = re.sub(r'<link rel="modulepreload"[^>]*>', "", head_tpl)
    head_tpl = re.sub(r'<link rel="preload"[^>]*>', "", head_tpl)
    head_tpl = re.sub(r"\s*<title>.*?</title>", "", head_tpl, flags=re.S)
    head_tpl = re.sub(r'\s*<meta name="description"[^>]*>', "", head_tpl)
    head_tpl = re.sub(r"\s*<noscript>.*?</noscript>", "", head_tpl, flags=re.S)
    site = site_url()
    release_files = []
    for p in pages:
        lang, other = p["lang"], OTHER_LANG[p["lang"]]
        other_file = page_file(pages, p["view"], other[0])
        head = (
            f'<meta http-equiv="Content-Security-Policy" content="{csp_hosted}">\n'
            f'    <title>{esc(p["title"])}</title>\n'
            f'    <meta name="description" content="{esc(p["description"])}">\n'
            f'    <meta name="theme-color" content="{THEME_COLOUR}">\n'
            f'    <link rel="manifest" href="./manifest.webmanifest">\n'
            f'    <link rel="apple-touch-icon" href="./icon-192.png">\n'
            f"{site_links(site, p['file'], lang, other[0], other_file)}"
            f'    <meta property="og:type" content="website">\n'
            f'    <meta property="og:site_name" content="{PRODUCT}">\n'
            f'    <meta property="og:title" content="{esc(p["title"])}">\n'
            f'    <meta property="og:description" content="{esc(p["description"])}">\n'
            f'    <meta property="og:image" content="{site or "./"}og-trend.png">\n'
            f'    <meta property="og:image:width" content="1200">\n'
            f'    <meta property="og:image:height" content="630">\n'
            f'    <meta property="og:image:alt" content="{esc("Revenues and operating income FY2004–FY2007, the FY2008 forecast and the mid-term target")}">\n'
            f'    <meta property="og:locale" content="{LOCALE[lang]}">\n'
            f'    <meta name="twitter:card" content="summary_large_image">\n'
            f'    <meta name="twitter:title" content="{esc(p["title"])}">\n'
            f'    <meta name="twitter:description" content="{esc(p["description"])}">\n'
            f'    <meta name="twitter:image" content="{site or "./"}og-trend.png">\n'
            f'    <meta name="iij-build" content="{RELEASE_MARK}">\n'
            f'    <script>{HEAD_SCRIPT}</script>\n'
            f'    <script type="importmap">{importmap}</script>\n'
            f'    <link rel="modulepreload" href="./{js_name}" integrity="{sri(js)}" crossorigin="anonymous">\n'
            f'    <link rel="modulepreload" href="./{loader_name}" integrity="{sri(loader_js)}" crossorigin="anonymous">\n'
            f"{wasm_preload(wasm_name)}"
            f'    <script type="module" src="./{boot_name}" integrity="{sri(boot)}" crossorigin="anonymous"></script>\n'
            f'    <link rel="stylesheet" href="./{pcss_name}" integrity="{sri(pcss)}" crossorigin="anonymous">\n'
        )
        page = head_tpl.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + head, 1)
        page = page.replace('<html lang="en">', f'<html lang="{lang}" data-pre="{p["view"]}">', 1)
        body = (
            f'<noscript><p class="noscript">{esc(NOSCRIPT[lang])} <a href="./{other_file}" lang="{other[0]}">{other[1]}</a></p></noscript>\n'
            f'<div id="prerender">{bodies[p["file"]]}</div>\n'
            f'<p id="pre-wait" class="pre-wait" role="status">{esc(WAIT[lang])}</p>\n'
        )
        page = re.sub(r"<body>\s*", lambda _m: "<body>\n" + body, page, count=1)
        (dist / p["file"]).write_text(page, encoding="utf-8")
        release_files.append(p["file"])
    (dist / "404.html").write_text(NOT_FOUND_PAGE, encoding="utf-8")

    # ----- manifest and service worker -----
    manifest = {
        "name": PRODUCT,
        "short_name": "IIJ Explorer",
        "description": next(p["description"] for p in pages if p["file"] == "index.html"),
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": "./icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": "./icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": f"./{icon_name}", "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    (dist / "manifest.webmanifest").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    release_files += [boot_name, js_name, loader_name, wasm_name, *(n for n, _ in split["modules"].values()), css_name, pcss_name, icon_name, "manifest.webmanifest", "icon-192.png", "icon-512.png"]
    # Not the workbooks (254 and 264 KB, already zip-compressed): every first visit would fetch
    # half a megabyte of downloads few visitors take. They are in the zip beside the offline file.
    release_files += [n for n, _ in assets.values()]
    release = hashlib.sha256(b"".join((dist / f).read_bytes() for f in release_files)).hexdigest()[:16]
    # Each page names its release (computed with the mark in place), which the service worker
    # checks when it installs: a worker copied to the host before the pages never keeps old ones.
    for p in pages:
        page_path = dist / p["file"]
        page_path.write_text(page_path.read_text(encoding="utf-8").replace(RELEASE_MARK, release, 1), encoding="utf-8")
    sw = SW_JS.replace("%RELEASE%", release).replace("%FILES%", json.dumps([f"./{f}" for f in release_files]))
    (dist / "sw.js").write_text(sw, encoding="utf-8")

    # ----- offline edition -----
    # The main module and every other module one after the other, compressed as one: apart,
    # each module would lose what it shares with the others (measured: +16 KB).
    blob, at = bytearray(wasm), {}
    for m, (_, d) in split["modules"].items():
        at[m] = [len(blob), len(d)]
        blob += d
    loader = (
        f"{split['inline']}\n{CRASH_JS}{SKIP_LINK_JS}"
        "globalThis.iijAsset = (name) => {\n"
        "  const el = document.getElementById(`asset-${name}`);\n"
        "  return el ? Promise.resolve(el.textContent) : Promise.reject(new Error(`no text ${name} in this file`));\n"
        "};\n"
        "const unpack = (b64) => {\n"
        "  const bin = atob(b64);\n"
        "  const bytes = new Uint8Array(bin.length);\n"
        "  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n"
        "  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n"
        "};\n"
        "// The views' modules are inside this file: no fetch from file://.\n"
        f'const packed = "{base64.b64encode(gzip.compress(bytes(blob), 9, mtime=0)).decode()}";\n'
        f"const modules = {json.dumps(at)};\n"
        "let unpacked;\n"
        "globalThis.iijChunk = (name) => {\n"
        "  const m = modules[name];\n"
        "  return m ? unpacked.then((all) => all.slice(m[0], m[0] + m[1])) : Promise.reject(new Error(`no module ${name} in this file`));\n"
        "};\n"
        "if (typeof DecompressionStream === 'undefined') {\n"
        "  document.body.insertAdjacentHTML('beforeend', '<p role=\"alert\">This browser is too old to open the offline IIJ Financial Explorer (it lacks DecompressionStream). Please use a current browser, or the hosted edition.</p>');\n"
        "} else {\n"
        "  unpacked = unpack(packed);\n"
        f"  await __wbg_init({{ module_or_path: (await unpacked).slice(0, {len(wasm)}) }}).catch(crashed);\n"
        "}\n"
    )
    texts = ""
    for key, (_, data) in assets.items():
        text = data.decode("utf-8")
        if re.search(r"</script|<!--", text, re.I):
            sys.exit(f"postbuild: the {key} text holds '</script' or '<!--' and cannot sit in a script element")
        texts += f'<script type="text/plain" id="asset-{key}">{text}</script>\n'
    style = css.decode("utf-8")
    csp_offline = f"{CSP_COMMON}; script-src {csp_hash(loader)} 'wasm-unsafe-eval'; style-src {csp_hash(style)}"
    icon_uri = "data:image/svg+xml;base64," + base64.b64encode(icon).decode()
    offline = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp_offline}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{PRODUCT}</title>
<link rel="icon" href="{icon_uri}">
<style>{style}</style>
</head>
<body>
<noscript>The IIJ Financial Explorer needs JavaScript and WebAssembly. Please enable JavaScript and reload.</noscript>
{texts}<script type="module">{loader}</script>
</body>
</html>
"""
    (dist / OFFLINE_NAME).write_text(offline, encoding="utf-8")

    # ----- zip of the hosted edition, then the precompressed files -----
    with zipfile.ZipFile(dist / ZIP_NAME, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in sorted(dist.iterdir()):
            if path.is_file() and path.name != ZIP_NAME:
                z.write(path, f"iij-explorer/{path.name}")
    for path in sorted(dist.iterdir()):
        if path.is_file() and path.suffix in PRECOMPRESSED:
            data = path.read_bytes()
            (dist / f"{path.name}.gz").write_bytes(gzip.compress(data, 9, mtime=0))
            (dist / f"{path.name}.br").write_bytes(brotli.compress(data, quality=11))

    publish = {
        "first_load": ["index.html", boot_name, js_name, loader_name, wasm_name, css_name, pcss_name],
        # What a view fetches besides the first load (a deep link: at once; otherwise when needed).
        "views": {v: [split["modules"][m][0] for m in ms] for v, ms in split["views"].items()},
        "modules": [n for n, _ in split["modules"].values()],
        "on_demand": {k: n for k, (n, _) in assets.items()},
        "pages": [p["file"] for p in pages],
        "release": release,
        "offline": OFFLINE_NAME,
        # For hosts that set headers: the same policy, where frame-ancestors also works.
        "csp_header": f"{csp_hosted}; frame-ancestors 'none'",
    }
    (ROOT / "target").mkdir(exist_ok=True)
    (ROOT / "target" / "publish.json").write_text(json.dumps(publish, indent=2))
    print(f"Content-Security-Policy header for hosts that set headers:\n  {publish['csp_header']}")


def wasm_preload(wasm_name: str) -> str:
    """The preload of the main module: its download, most of a phone's wait for its first tap,
    starts with the page's first requests, not once the page is parsed and its boot script runs.
    The boot script's fetch (same URL and mode) takes the preloaded response and checks its
    integrity itself (CHUNK_JS). A view's own modules are not preloaded: Lighthouse's
    simulation would charge them to the largest paint (measured: Statements 95, Scenarios 82)."""
    return f'    <link rel="preload" href="./{wasm_name}" as="fetch" crossorigin="anonymous">\n'


def site_url():
    """SITE_URL, the address the hosted edition is published at (https://host/path/), or None.

    Search engines take canonical and language-alternate links only as absolute URLs, and link
    previews want an absolute image URL: with SITE_URL the pages carry them; without it they
    carry no canonical or alternate links (a relative one is invalid) and a relative preview.
    """
    url = os.environ.get("SITE_URL", "").strip()
    if not url:
        return None
    if not re.fullmatch(r"https?://[^\s/?#\"'<>]+(/[^\s?#\"'<>]*)?", url):
        sys.exit(f"SITE_URL must be an absolute http(s) address such as https://ir.example.com/explorer/, not {url!r}")
    return url if url.endswith("/") else url + "/"


def site_links(site, file, lang, other_lang, other_file):
    """The canonical and language-alternate links of a page, when the site's address is known."""
    if not site:
        return ""
    # The English Overview is the folder's own address.
    url = lambda f: site if f == "index.html" else site + f  # noqa: E731
    en, ja = (file, other_file) if lang == "en" else (other_file, file)
    return (
        f'    <link rel="canonical" href="{url(file)}">\n'
        f'    <link rel="alternate" hreflang="en" href="{url(en)}">\n'
        f'    <link rel="alternate" hreflang="ja" href="{url(ja)}">\n'
        f'    <link rel="alternate" hreflang="x-default" href="{url(en)}">\n'
        f'    <meta property="og:url" content="{url(file)}">\n'
    )


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: postbuild.py DIST PRERENDERED WASM")
    main(sys.argv[1], sys.argv[2], sys.argv[3])
