#!/usr/bin/env python3
"""Copy-ready host configurations for the hosted edition (issue 26), with the exact
Content-Security-Policy of the build filled in, for the sub-path the site is published under:

  nginx-location.conf  an nginx `location` block (paste it into a `server`; brotli needs
                       Debian's libnginx-mod-http-brotli-static, loaded in the main context)
  Caddyfile            a Caddy site
  _headers             Netlify's and Cloudflare Pages' headers file (copy it to the root of
                       the published site; it names every file of this build)

Every response carries the policy as a header (with `frame-ancestors`, which a meta tag cannot
carry) and `X-Content-Type-Options: nosniff`; files whose names hold their content's hash are
cached for a year (`immutable`); everything else (the pages, `sw.js`, the manifest, icons,
workbooks) is revalidated (`no-cache`), so a new release reaches every visitor; `.br`/`.gz`
are served to a client that accepts them; the wasm is `application/wasm`; a missing file is a
404, never the app.

  python3 scripts/hosts.py DIST OUT [--base /ir/explorer/] [--root /srv/iij-explorer/] [--site example.com]

The build runs it (scripts/build.sh: OUT is `hosting/`, beside `dist/`, not published; BASE_PATH
sets the sub-path); the hosts' tests (tests/e2e/hosts.test.mjs) run it with their own root and
address and start the real servers with what it writes.
"""

import argparse
import json
import re
import sys
from pathlib import Path

# A file whose name holds its content's hash: `main-<hash>.js`, `main-<hash>_bg.wasm`,
# `view_ratios-<hash>.wasm`, `style-<hash>.css` (Trunk drops a hash's leading zeros: 12 to 16).
HASHED = r"-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm|txt|svg)$"
PUBLISH = Path(__file__).resolve().parent.parent / "target" / "publish.json"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Types the pages need beyond nginx's usual table, each with the charset where it is text.
TYPES = {
    "html": "text/html", "js": "text/javascript", "css": "text/css", "wasm": "application/wasm",
    "txt": "text/plain", "svg": "image/svg+xml", "png": "image/png", "json": "application/json",
    "webmanifest": "application/manifest+json", "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CHARSET_TYPES = "text/html text/javascript text/css text/plain image/svg+xml application/json application/manifest+json"


class HostError(Exception):
    pass


def check_base(base: str) -> str:
    """The sub-path as a URL path: `/`, or `/a/b/` (letters, digits, `-`, `_`, `.`, `~`)."""
    if not re.fullmatch(r"/(?:[A-Za-z0-9._~-]+/)*", base) or "/./" in base or "/../" in base:
        raise HostError(f"BASE_PATH {base!r} is not a path such as /ir/explorer/ (it starts and ends with /; letters, digits, - _ . ~)")
    return base


def check_csp(csp: str) -> str:
    if '"' in csp or "\n" in csp or "frame-ancestors" not in csp:
        raise HostError(f"the policy cannot be written into a configuration: {csp!r}")
    return csp


def nginx(csp: str, base: str, root: str) -> str:
    types = " ".join(f"{t} {ext};" for ext, t in TYPES.items())
    common = (
        f'        add_header Content-Security-Policy "{csp}" always;\n'
        '        add_header X-Content-Type-Options "nosniff" always;\n'
    )
    return (
        f"# The IIJ Financial Explorer under {base} (written by scripts/hosts.py for this build).\n"
        "# Paste into a `server` block. brotli_static needs Debian's libnginx-mod-http-brotli-static\n"
        "# (`load_module modules/ngx_http_brotli_static_module.so;` in the main context; without it\n"
        "# drop that line: gzip still works). A regex location holding `{` must be quoted, and a\n"
        "# nested location does not inherit add_header, so it repeats them.\n"
        f"location {base} {{\n"
        f"    alias {root};\n"
        "    index index.html;\n"
        "    gzip_static on;\n"
        "    gzip_vary on;\n"
        "    brotli_static on;\n"
        f"    types {{ {types} }}\n"
        "    charset utf-8;\n"
        f"    charset_types {CHARSET_TYPES};\n"
        f"{common.replace('        ', '    ')}"
        f'    add_header Cache-Control "{REVALIDATE}" always;\n'
        f'    location ~ "{HASHED}" {{\n'
        f"{common}"
        f'        add_header Cache-Control "{IMMUTABLE}" always;\n'
        "    }\n"
        "}\n"
    )


def caddyfile(csp: str, base: str, root: str, site: str) -> str:
    inner = base.rstrip("/")
    redirect = f"\tredir {inner} {base} 308\n" if inner else ""
    return (
        f"# The IIJ Financial Explorer under {base} (written by scripts/hosts.py for this build).\n"
        "# The two Cache-Control headers have opposite matchers: an unconditional one would win\n"
        "# over the hashed files' one.\n"
        f"{site} {{\n"
        f"{redirect}"
        f"\thandle_path {base}* {{\n"
        f"\t\troot * {root}\n"
        "\t\theader {\n"
        f'\t\t\tContent-Security-Policy "{csp}"\n'
        "\t\t\tX-Content-Type-Options nosniff\n"
        "\t\t\t# Every variant says it depends on Accept-Encoding (Caddy marks only the\n"
        "\t\t\t# compressed ones, where it then appears twice: the same), so a shared cache never\n"
        "\t\t\t# hands the plain copy to everyone. (Caddy 2.6 has no deferred header set.)\n"
        "\t\t\tVary Accept-Encoding\n"
        "\t\t}\n"
        f'\t\t@hashed path_regexp hashed "{HASHED}"\n'
        f'\t\t@mutable not path_regexp "{HASHED}"\n'
        f'\t\theader @hashed Cache-Control "{IMMUTABLE}"\n'
        f'\t\theader @mutable Cache-Control "{REVALIDATE}"\n'
        "\t\t@manifest path *.webmanifest\n"
        f"\t\theader @manifest Content-Type {TYPES['webmanifest']}\n"
        "\t\t@workbook path *.xlsx\n"
        f"\t\theader @workbook Content-Type {TYPES['xlsx']}\n"
        "\t\tfile_server {\n"
        "\t\t\tprecompressed br gzip\n"
        "\t\t}\n"
        "\t}\n"
        "}\n"
    )


def headers_file(csp: str, base: str, files: list) -> str:
    """Netlify and Cloudflare Pages join the values of a header that several matching rules
    set, so no header is set by two rules: the policy by the sub-path's catch-all (missing files
    included), Cache-Control by one rule per file of the build."""
    lines = [
        f"# The IIJ Financial Explorer under {base} (written by scripts/hosts.py for this build).",
        f"{base}*",
        f"  Content-Security-Policy: {csp}",
        "  X-Content-Type-Options: nosniff",
        "",
        base,
        f"  Cache-Control: {REVALIDATE}",
        "",
    ]
    for f in sorted(files):
        lines += [f"{base}{f}", f"  Cache-Control: {IMMUTABLE if re.search(HASHED, f) else REVALIDATE}", ""]
    return "\n".join(lines)


def published_files(dist: Path) -> list:
    """Every file a visitor can ask for (the precompressed copies are chosen by the server)."""
    return [p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")]


def write(dist: Path, out: Path, base: str, root: str, site: str) -> None:
    csp = check_csp(json.loads(PUBLISH.read_text()).get("csp_header", ""))
    base = check_base(base)
    root = root if root.endswith("/") else root + "/"
    out.mkdir(parents=True, exist_ok=True)
    (out / "nginx-location.conf").write_text(nginx(csp, base, root))
    (out / "Caddyfile").write_text(caddyfile(csp, base, root, site))
    (out / "_headers").write_text(headers_file(csp, base, published_files(dist)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dist")
    ap.add_argument("out")
    ap.add_argument("--base", default="/ir/explorer/")
    ap.add_argument("--root", default="/srv/iij-explorer/")
    ap.add_argument("--site", default="example.com")
    a = ap.parse_args()
    try:
        write(Path(a.dist).resolve(), Path(a.out), a.base, a.root, a.site)
    except (HostError, OSError, ValueError) as e:
        sys.exit(f"hosts: {e}")
    print(f"hosts: nginx-location.conf, Caddyfile and _headers for {a.base} in {a.out}")


if __name__ == "__main__":
    main()
