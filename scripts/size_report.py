#!/usr/bin/env python3
"""Size report of a release build, and the size budgets.

Usage: size_report.py DIST [NAMED_WASM]

- Every file of DIST raw, gzip (level 9) and brotli (quality 11, when the brotli module is
  installed), and the two figures the budgets are about: the first load of the hosted
  edition (the files target/publish.json names: index.html, the boot and glue JS, the wasm,
  the stylesheets) and the offline file; the texts fetched on demand (the Japanese table,
  the quoted source lines) are listed apart.
- Which crates the wasm's code comes from: NAMED_WASM is the wasm before wasm-bindgen and
  wasm-opt (target/wasm32-unknown-unknown/release/iij-explorer.wasm), which still has its
  "name" section; each function body's size is credited to the crate its name starts with.
  (The published wasm is smaller after wasm-opt; the shares are what this shows.)
- The budgets in budgets.json: the issue's budgets are reported as met or over; the guard
  budgets (the measured size plus 5%) fail the build when exceeded, so that no change grows
  the app unnoticed.

Writes target/size-report.json and exits non-zero when a guard budget is exceeded.
"""
import gzip
import json
import re
import sys
from pathlib import Path

try:
    import brotli  # type: ignore
except ImportError:  # brotli is optional: the report says so
    brotli = None

ROOT = Path(__file__).resolve().parent.parent


def sizes(data: bytes) -> dict:
    out = {"raw": len(data), "gzip": len(gzip.compress(data, 9, mtime=0))}
    if brotli is not None:
        out["brotli"] = len(brotli.compress(data, quality=11))
    return out


def leb(buf: bytes, i: int):
    result, shift = 0, 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def name_at(buf: bytes, i: int):
    n, i = leb(buf, i)
    return buf[i:i + n].decode("utf-8", "replace"), i + n


def limits(buf: bytes, i: int) -> int:
    flags, i = leb(buf, i)
    _, i = leb(buf, i)
    if flags & 1:
        _, i = leb(buf, i)
    return i


def crate_of(symbol: str) -> str:
    """The crate a Rust symbol belongs to: the first path segment of a legacy-mangled name
    (`_ZN12rust_decimal3ops3div17h…E`), or of the type in an impl (`_ZN…_$LT$tachys..view…`)."""
    if symbol.startswith("_ZN"):
        m = re.match(r"_ZN(\d+)", symbol)
        if m:
            start = m.end()
            ident = symbol[start:start + int(m.group(1))]
            ident = ident.lstrip("_").replace("$LT$", "").replace("$RF$", "").lstrip("_")
            return re.split(r"\.\.|\$", ident)[0] or "(impl)"
    m = re.match(r"[<&]*([A-Za-z_][A-Za-z0-9_]*)::", symbol)
    if m:
        return m.group(1)
    return "(other: " + (symbol.split("(")[0][:20] or "no name") + ")" if symbol else "(no name)"


LEGACY_ESCAPES = {"$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$C$": ",", "$u20$": " ", "$u27$": "'",
                  "$u5b$": "[", "$u5d$": "]", "$u7b$": "{", "$u7d$": "}", "$u7e$": "~", "$SP$": "@", "$u3b$": ";",
                  "$u21$": "!", "$u22$": '"', "$u2b$": "+", "$u3d$": "=", "$LP$": "(", "$RP$": ")"}


def demangle(symbol: str) -> str:
    """A legacy-mangled Rust symbol (`_ZN4core3ptr13drop_in_place17h…E`) as a path, without its
    hash (`core::ptr::drop_in_place`); other names as they are."""
    if not symbol.startswith("_ZN") or not symbol.endswith("E"):
        return symbol
    parts, i, body = [], 0, symbol[3:-1]
    while i < len(body) and body[i].isdigit():
        j = i
        while body[j].isdigit():
            j += 1
        n = int(body[i:j])
        parts.append(body[j:j + n])
        i = j + n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    out = "::".join(p[1:] if p.startswith("_$") else p for p in parts)
    for k, v in LEGACY_ESCAPES.items():
        out = out.replace(k, v)
    return out.replace("..", "::")


def generic_base(name: str) -> str:
    """A function's path with its generic arguments elided: monomorphized copies share it."""
    out, depth = [], 0
    for ch in name:
        if ch == "<":
            depth += 1
            if depth == 1:
                out.append("<…>")
        elif ch == ">":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def function_sizes(path: Path) -> list:
    """(bytes, symbol) of every function body, from the wasm's code and name sections."""
    buf = path.read_bytes()
    i, imported, bodies, names = 8, 0, [], {}
    while i < len(buf):
        sid = buf[i]
        size, i = leb(buf, i + 1)
        end = i + size
        if sid == 2:  # imports: count the functions, which come first in the index space
            count, j = leb(buf, i)
            for _ in range(count):
                _, j = name_at(buf, j)
                _, j = name_at(buf, j)
                kind = buf[j]
                j += 1
                if kind == 0:
                    _, j = leb(buf, j)
                    imported += 1
                elif kind == 1:
                    j = limits(buf, j + 1)
                elif kind == 2:
                    j = limits(buf, j)
                elif kind == 3:
                    j += 2
                elif kind == 4:
                    j += 1
                    _, j = leb(buf, j)
        elif sid == 10:  # code: one body per defined function
            count, j = leb(buf, i)
            for _ in range(count):
                n, k = leb(buf, j)
                bodies.append(n + (k - j))
                j = k + n
        elif sid == 0:
            name, j = name_at(buf, i)
            if name == "name":
                while j < end:
                    sub = buf[j]
                    sub_size, j = leb(buf, j + 1)
                    if sub == 1:
                        count, k = leb(buf, j)
                        for _ in range(count):
                            idx, k = leb(buf, k)
                            fname, k = name_at(buf, k)
                            names[idx] = fname
                    j += sub_size
        i = end
    # Type descriptors, which wasm-bindgen reads and removes, do not ship.
    shipped = lambda sym: not sym.startswith("__wbindgen_describe") and "WasmDescribe" not in demangle(sym)  # noqa: E731
    return [(body, names.get(imported + n, "")) for n, body in enumerate(bodies) if shipped(names.get(imported + n, ""))]


def crate_sizes(functions: list) -> dict:
    """Bytes of function bodies per crate."""
    totals: dict = {}
    for body, symbol in functions:
        crate = crate_of(symbol)
        if crate == "T":
            crate = "(generic impls: leptos, tachys, std)"
        elif symbol.startswith("_R"):
            crate = "(v0-mangled: std)"
        totals[crate] = totals.get(crate, 0) + body
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def main(dist: str, named_wasm: str) -> int:
    dist_path = Path(dist)
    # The precompressed copies are the same files again.
    files = {p.name: sizes(p.read_bytes()) for p in sorted(dist_path.iterdir()) if p.is_file() and p.suffix not in (".gz", ".br")}
    publish = json.loads((ROOT / "target" / "publish.json").read_text())
    first_load_names = publish["first_load"]
    first_load = {k: sum(files[n].get(k, 0) for n in first_load_names) for k in ("raw", "gzip", "brotli") if all(k in files[n] for n in first_load_names)}
    on_demand = {k: files[n] for k, n in publish["on_demand"].items()}
    offline = files.get("iij-explorer-offline.html", {})
    width = max(len(n) for n in files)
    print(f"{'file':<{width}}  {'raw B':>9}  {'gzip B':>9}  {'brotli B':>9}")
    for n, s in files.items():
        print(f"{n:<{width}}  {s['raw']:>9}  {s['gzip']:>9}  {s.get('brotli', '-'):>9}")
    print(f"{'first load (' + ' + '.join(first_load_names) + ')'}")
    print(f"{'  = first load':<{width}}  {first_load.get('raw', 0):>9}  {first_load.get('gzip', 0):>9}  {first_load.get('brotli', '-'):>9}")
    for k, s in on_demand.items():
        print(f"{'  on demand: ' + k:<{width}}  {s['raw']:>9}  {s['gzip']:>9}  {s.get('brotli', '-'):>9}")
    print(f"(every text file also ships as .gz and .br beside it)")
    if brotli is None:
        print("(brotli: the Python brotli module is not installed; scripts/setup-test.sh installs it)")

    crates, top, generics = {}, [], []
    if named_wasm and Path(named_wasm).exists():
        functions = function_sizes(Path(named_wasm))
        crates = crate_sizes(functions)
        total = sum(crates.values()) or 1
        print("\nwasm code by crate (function bodies before wasm-opt):")
        for crate, b in list(crates.items())[:15]:
            print(f"  {crate:<28} {b:>9} B  {100 * b / total:5.1f}%")
        top = sorted(((b, demangle(sym)) for b, sym in functions), reverse=True)[:20]
        print("\nthe 20 largest functions (bodies before wasm-opt):")
        for b, name in top:
            print(f"  {b:>7} B  {100 * b / total:4.1f}%  {name[:130]}")
        groups: dict = {}
        for b, sym in functions:
            g = groups.setdefault(generic_base(demangle(sym)), [0, 0])
            g[0] += b
            g[1] += 1
        generics = sorted(((b, n, name) for name, (b, n) in groups.items() if n > 1), reverse=True)[:10]
        print("\nthe 10 generic functions with the most code in their monomorphized copies:")
        for b, n, name in generics:
            print(f"  {b:>7} B  {n:>4} copies  {name[:120]}")

    budgets = json.loads((ROOT / "budgets.json").read_text())
    measured = {"first_load_gzip": first_load.get("gzip", 0), "offline_gzip": offline.get("gzip", 0)}
    failed = False
    print()
    for key, value in measured.items():
        issue = budgets["issue"][key]
        guard = budgets["guard"][key]
        state = "within" if value <= issue else f"OVER by {value - issue} B"
        print(f"{key}: {value} B; issue budget {issue} B: {state}; guard {guard} B: {'ok' if value <= guard else 'EXCEEDED'}")
        failed |= value > guard
    report = {"files": files, "first_load_files": first_load_names, "first_load": first_load, "on_demand": on_demand, "offline": offline, "crates_before_wasm_opt": crates, "largest_functions": [[b, n] for b, n in top], "largest_generics": [[b, c, n] for b, c, n in generics], "budgets": budgets, "measured": measured}
    out = ROOT / "target" / "size-report.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    if failed:
        print("A guard budget is exceeded: the build grew past its guard (measured + 5%, see budgets.json).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist", sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "target/wasm32-unknown-unknown/release/iij-explorer.wasm")))
