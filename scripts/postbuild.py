#!/usr/bin/env python3
"""Turns Trunk's release output into the two editions we publish. Usage: postbuild.py DIST

Hosted edition (dist/index.html and its assets, for any static host and sub-path):
- Trunk's inline loader script is replaced by an external boot-<hash>.js, so no inline
  script runs; the import map that pins the glue JS's integrity is the one inline script,
  allowed by its hash.
- Subresource integrity on every script and on the wasm: the boot script by `integrity`,
  the glue JS by the import map, the wasm by `fetch(..., {integrity})`, the CSS by Trunk.
- A strict Content-Security-Policy meta tag (see CSP_HOSTED): default-src 'none'; scripts from
  'self' or by hash plus 'wasm-unsafe-eval'; styles from 'self'; images from 'self', data:
  and blob:; no 'unsafe-inline' or 'unsafe-eval'.

Offline edition (dist/iij-explorer-offline.html): one self-contained file with the CSS, the
favicon, the glue JS and the wasm inlined; the wasm is stored gzip-compressed and base64-encoded
(a third of the size of plain base64, which gzip cannot shrink well), unpacked with the
browser's DecompressionStream and instantiated asynchronously,
so it opens by double-click from file:// with no network. Its CSP allows exactly its inline
script and style by hash.

Also dist/iij-explorer.zip: the hosted edition for people who host it themselves.
"""
import base64
import gzip
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

OFFLINE_NAME = "iij-explorer-offline.html"
ZIP_NAME = "iij-explorer.zip"

CSP_COMMON = "default-src 'none'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'"


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def one(pattern: str, text: str, what: str) -> re.Match:
    found = list(re.finditer(pattern, text, re.S))
    if len(found) != 1:
        sys.exit(f"postbuild: expected one {what} in Trunk's index.html, found {len(found)}")
    return found[0]


def main(dist_dir: str) -> None:
    dist = Path(dist_dir)
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    if "boot-" in html:
        sys.exit("postbuild: index.html was already processed; run trunk build first")

    js_name = one(r"import init, \* as bindings from '\./([^']+\.js)';", html, "glue import").group(1)
    wasm_name = one(r"module_or_path: '\./([^']+_bg\.wasm)'", html, "wasm path").group(1)
    css_name = one(r'<link rel="stylesheet" href="\./([^"]+\.css)"', html, "stylesheet").group(1)
    icon_name = one(r'<link rel="icon" href="\./([^"]+)"', html, "favicon").group(1)
    js = (dist / js_name).read_bytes()
    wasm = (dist / wasm_name).read_bytes()
    css = (dist / css_name).read_bytes()
    icon = (dist / icon_name).read_bytes()

    # ----- hosted edition -----
    boot = (
        f"import init from './{js_name}';\n"
        f"const wasm = fetch(new URL('./{wasm_name}', import.meta.url), {{ integrity: '{sri(wasm)}' }});\n"
        "await init({ module_or_path: wasm });\n"
    ).encode()
    boot_name = f"boot-{hashlib.sha256(boot).hexdigest()[:16]}.js"
    (dist / boot_name).write_bytes(boot)
    importmap = json.dumps({"integrity": {f"./{js_name}": sri(js)}}, separators=(",", ":"))
    csp_hosted = (
        f"{CSP_COMMON}; script-src 'self' {csp_hash(importmap)} 'wasm-unsafe-eval'; "
        "style-src 'self'; connect-src 'self'"
    )
    # Drop Trunk's inline loader and its preload links (the boot script starts both loads).
    html = one(r'\s*<script type="module">.*?</script>', html, "inline loader").re.sub("", html, count=1)
    html = re.sub(r'<link rel="modulepreload"[^>]*>', "", html)
    html = re.sub(r'<link rel="preload"[^>]*>', "", html)
    head_extra = (
        f'<meta http-equiv="Content-Security-Policy" content="{csp_hosted}">\n'
        f'    <script type="importmap">{importmap}</script>\n'
        f'    <script type="module" src="./{boot_name}" integrity="{sri(boot)}" crossorigin="anonymous"></script>\n'
    )
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + head_extra, 1)
    index.write_text(html, encoding="utf-8")

    # ----- offline edition -----
    glue = js.decode("utf-8")
    glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
    glue = re.sub(r"^export (class|function|const|let) ", r"\1 ", glue, flags=re.M)
    loader = (
        f"{glue}\n"
        f'const packed = "{base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode()}";\n'
        "if (typeof DecompressionStream === 'undefined') {\n"
        "  document.body.insertAdjacentHTML('beforeend', '<p role=\"alert\">This browser is too old to open the offline IIJ Financial Explorer (it lacks DecompressionStream). Please use a current browser, or the hosted edition.</p>');\n"
        "} else {\n"
        "  const bin = atob(packed);\n"
        "  const bytes = new Uint8Array(bin.length);\n"
        "  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n"
        "  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
        "  await __wbg_init({ module_or_path: await new Response(stream).arrayBuffer() });\n"
        "}\n"
    )
    style = css.decode("utf-8")
    csp_offline = f"{CSP_COMMON}; script-src {csp_hash(loader)} 'wasm-unsafe-eval'; style-src {csp_hash(style)}"
    icon_uri = "data:image/svg+xml;base64," + base64.b64encode(icon).decode()
    offline = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp_offline}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IIJ Financial Explorer</title>
<link rel="icon" href="{icon_uri}">
<style>{style}</style>
</head>
<body>
<noscript>The IIJ Financial Explorer needs JavaScript and WebAssembly. Please enable JavaScript and reload.</noscript>
<script type="module">{loader}</script>
</body>
</html>
"""
    (dist / OFFLINE_NAME).write_text(offline, encoding="utf-8")

    # ----- zip of the hosted edition -----
    with zipfile.ZipFile(dist / ZIP_NAME, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in sorted(dist.iterdir()):
            if path.is_file() and path.name not in (ZIP_NAME,):
                z.write(path, f"iij-explorer/{path.name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
