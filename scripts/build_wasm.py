#!/usr/bin/env python3
"""The release build's Rust step, in place of Trunk's (which cannot split a module before
wasm-bindgen: trunk-rs/trunk#1022). Four steps, each a function with its inputs and outputs
and one log line:

  1. cargo:    the app for wasm32 with `--cfg iij_wasm_split` (its views become split points,
               src/ui/chunks.rs) and relocations kept (`--emit-relocs`), which the splitter
               reads;
  2. split:    wasm-split-cli cuts the module at the split points into the main module, one
               module per split point and chunks of code shared by several, and writes the
               loader `__wasm_split.js`;
  3. bindgen:  wasm-bindgen on the main module (the glue `main.js`, `main_bg.wasm`);
  4. opt:      wasm-opt -Oz on the main module and every chunk.

Writes OUT/manifest.json for scripts/postbuild.py: the glue, the main module, the loader, and
for every split point (a view) the files its loader fetches. Usage: build_wasm.py OUT
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where cargo puts the wasm (CARGO_TARGET_DIR, when set, moves it).
TARGET_WASM = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "wasm32-unknown-unknown" / "release" / "iij-explorer.wasm"
# The features index.html gives Trunk's wasm-opt, which every browser the suite runs has.
WASM_OPT_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
                     "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]
RUSTFLAGS = "--cfg erase_components --cfg iij_split --cfg iij_wasm_split -Clink-args=--emit-relocs"


def log(step: str, what: str) -> None:
    print(f"==> wasm {step}: {what}", flush=True)


def run(*cmd, env=None, quiet=()) -> None:
    """Runs `cmd`; its error output is passed on but for lines holding any of `quiet`."""
    done = subprocess.run(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    for line in done.stderr.splitlines():
        if not any(q in line for q in quiet):
            print(line, file=sys.stderr)
    if done.returncode != 0:
        sys.exit(f"build_wasm: {cmd[0]} failed (exit {done.returncode})")


def kb(path: Path) -> str:
    return f"{path.stat().st_size:,} B"


def cargo() -> Path:
    """The app's wasm, split points and relocations in it."""
    env = dict(os.environ)
    # The environment variable replaces the rustflags of .cargo/config.toml, so it repeats them.
    env["CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"] = RUSTFLAGS
    run("cargo", "build", "--locked", "--release", "--target", "wasm32-unknown-unknown", "--bin", "iij-explorer", env=env)
    log("cargo", f"{TARGET_WASM} {kb(TARGET_WASM)}")
    return TARGET_WASM


def split(wasm: Path, out: Path) -> Path:
    """The main module, the split modules and chunks, and their loader, into `out`."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    run("wasm-split-cli", "--target", "web", "--out-name", "main", str(wasm), str(out))
    modules = sorted(p.name for p in out.glob("*.wasm") if p.name != "main.wasm")
    if not modules or not (out / "__wasm_split.js").exists():
        sys.exit("build_wasm: the splitter wrote no split modules or no loader (are the split points compiled in?)")
    log("split", f"main.wasm {kb(out / 'main.wasm')} and {len(modules)} modules: {', '.join(modules)}")
    return out


def bindgen(split_dir: Path, out: Path) -> None:
    """The glue and the main module wasm-bindgen makes of the split's main module."""
    run("wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
        "--out-name", "main", "--out-dir", str(out), str(split_dir / "main.wasm"))
    log("bindgen", f"main.js {kb(out / 'main.js')}, main_bg.wasm {kb(out / 'main_bg.wasm')}")


def opt(paths: list) -> None:
    """wasm-opt -Oz on each module, in place."""
    for path in paths:
        before = path.stat().st_size
        # The splitter writes a name subsection binaryen does not know; it is dropped anyway.
        run("wasm-opt", "-Oz", *WASM_OPT_FEATURES, str(path), "-o", str(path), quiet=("unknown name subsection",))
        log("opt", f"{path.name} {before:,} -> {path.stat().st_size:,} B")


def loader_graph(loader_js: str) -> dict:
    """For every split point, the files its loader fetches, read from the splitter's loader:
    `const __chunk_N = makeLoad(<fetch "./F.wasm">, [])` declares a shared chunk and
    `export const __wasm_split_load_M = wrapAsyncCb(makeLoad(<fetch "./F.wasm">, [__chunk_N, …]))`
    a split point's own module with the chunks it needs."""
    chunks = {}
    graph = {}
    for m in re.finditer(r"const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\(\"\./([\w.-]+)\.wasm\"", loader_js):
        chunks[m.group(1)] = m.group(2)
    for m in re.finditer(r"export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?)\}\s*, \[([^\]]*)\]\)\)", loader_js, re.S):
        own = re.search(r"new URL\(\"\./([\w.-]+)\.wasm\"", m.group(2))
        deps = [chunks[d.strip()] for d in m.group(3).split(",") if d.strip()]
        graph[m.group(1)] = ([own.group(1)] if own else []) + deps
    if not graph:
        sys.exit("build_wasm: no split point found in the loader __wasm_split.js (has the splitter's output changed?)")
    return graph


def main(out_dir: str) -> None:
    out = ROOT / out_dir
    wasm = cargo()
    split_dir = split(wasm, ROOT / "target" / "wasm-split")
    if out.exists():
        shutil.rmtree(out)
    bindgen(split_dir, out)
    modules = sorted(p for p in split_dir.glob("*.wasm") if p.name != "main.wasm")
    for module in modules:
        shutil.copyfile(module, out / module.name)
    opt([out / "main_bg.wasm"] + [out / m.name for m in modules])
    loader = (split_dir / "__wasm_split.js").read_text(encoding="utf-8")
    (out / "__wasm_split.js").write_text(loader, encoding="utf-8")
    manifest = {
        "glue": "main.js",
        "wasm": "main_bg.wasm",
        "loader": "__wasm_split.js",
        "modules": [m.stem for m in modules],
        "splits": loader_graph(loader),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    log("manifest", f"{out.relative_to(ROOT)}/manifest.json: {json.dumps(manifest['splits'])}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_wasm.py OUT")
    main(sys.argv[1])
