"""The split wasm as published (issue 25): the files scripts/build_wasm.py wrote, renamed by
their content's hash, and the splitter's loader rewritten so that it

- fetches every module through the page's `iijChunk(name)` (defined by the boot script of the
  hosted edition: the hashed file with its integrity checked, fetched once, a failure not
  remembered; by the offline file: the module from inside the page, no fetch), and
- reaches the main module's exports through `globalThis.iijInitSync` (the glue's `initSync`,
  set by the boot script) instead of importing the glue: the glue imports the loader, so a
  loader importing the glue by its hashed name would make each file's name depend on the
  other's.

Pure functions of text and bytes; scripts/test_postbuild.py tests them on the host.
"""
import hashlib
import json
import re
from pathlib import Path

# The splitter's fetch of a module (wasm_split_cli_support 0.2.4, target web).
FETCHER = re.compile(
    r'const src = fetch\(new URL\("\./([\w.-]+)\.wasm", import\.meta\.url\)\);\s*'
    r"src\.catch\(\(\) => \{\}\);\s*"
    r"return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);"
)
MAIN_IMPORT = 'import { initSync } from "./main.js";'
INIT_SYNC = "const initSync = (...args) => globalThis.iijInitSync(...args);"
# The glue imports the loader once per split point (`import * as import1 from "./__wasm_split.js"`)
# and names it again as the wasm's import module (`"./__wasm_split.js": import1`), which must stay.
LOADER_IMPORT = re.compile(r"""^import \* as (\w+) from (['"])\./__wasm_split\.js\2;?[ \t]*$""", re.M)


class SplitError(Exception):
    """The splitter's or wasm-bindgen's output is not of the form these rewrites expect."""


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def rewrite_loader(loader: str, modules: list) -> str:
    """The loader fetching through `iijChunk` and reaching the main module through
    `iijInitSync`; every module in `modules` must be fetched exactly once in it."""
    if loader.count(MAIN_IMPORT) != 1:
        raise SplitError("the loader does not import initSync from ./main.js once")
    out = loader.replace(MAIN_IMPORT, INIT_SYNC)
    found = []

    def fetch(m: re.Match) -> str:
        found.append(m.group(1))
        return (
            f'const src = globalThis.iijChunk("{m.group(1)}", true);\n'
            "    src.catch(() => {});\n"
            "    return async (imports) => WebAssembly.instantiate(await src, imports);"
        )

    out = FETCHER.sub(fetch, out)
    if sorted(found) != sorted(modules):
        raise SplitError(f"the loader fetches {sorted(found)}, the splitter wrote {sorted(modules)}")
    return out


def glue_importing(glue: str, loader_name: str) -> str:
    """The glue with its imports of the loader pointing at `loader_name`."""
    out, n = LOADER_IMPORT.subn(lambda m: f"import * as {m.group(1)} from {m.group(2)}./{loader_name}{m.group(2)};", glue)
    if n == 0:
        raise SplitError("the glue does not import ./__wasm_split.js")
    return out


def inline_module(glue: str, loader: str) -> str:
    """The glue and the (rewritten) loader as one module body, for the offline file: the
    loader's exports become constants, the glue's import of them an object, and the loader
    calls the glue's own `initSync`."""
    names = re.findall(r"^export const (\w+) = ", loader, re.M)
    if loader.count(INIT_SYNC) != 1:
        raise SplitError("the loader was not rewritten (rewrite_loader) before it is inlined")
    body = re.sub(r"^export const ", "const ", loader.replace(INIT_SYNC, ""), flags=re.M)
    glue, n = LOADER_IMPORT.subn(lambda m: f"const {m.group(1)} = {{ {', '.join(names)} }};", glue)
    if n == 0 or re.search(r"^import ", glue, re.M):
        raise SplitError("the glue's imports are not all of the loader, as `import * as …`")
    glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
    glue = re.sub(r"^export (class|function|const|let) ", r"\1 ", glue, flags=re.M)
    glue = re.sub(r"^export default \w+;?\s*$", "", glue, flags=re.M)
    return body + "\n" + glue


# Split points that are not views but that every view in a chunk needs before it can be drawn
# (src/ui/chunks.rs, `preload_start`): the whole dataset, of which the main module holds only
# the Overview's records. (The chart drawing is not: the page's own drawings stand until it
# has loaded, after the takeover.)
NEEDED_BY_EVERY_VIEW = ("dataset",)
# Split points the app loads on its own schedule: the chart drawing, first thing after the
# takeover.
LOADED_APART = ("chart_drawing",)


def view_modules(splits: dict) -> dict:
    """For each view's slug, the modules it fetches (`view_statements` → `statements`): its
    split point's, and those of the split points every view needs."""
    shared = []
    for split in NEEDED_BY_EVERY_VIEW:
        shared += [m for m in splits.get(split, []) if m not in shared]
    out = {}
    for split, modules in splits.items():
        if split in NEEDED_BY_EVERY_VIEW or split in LOADED_APART:
            continue
        if not split.startswith("view_"):
            raise SplitError(f"a split point that is neither a view nor needed by every view: {split}")
        out[split[len("view_"):]] = modules + [m for m in shared if m not in modules]
    return out


def read(wasm_dir: Path) -> dict:
    """What scripts/build_wasm.py wrote: the manifest, and the texts and bytes it names."""
    manifest = json.loads((wasm_dir / "manifest.json").read_text(encoding="utf-8"))
    return {
        "glue": (wasm_dir / manifest["glue"]).read_text(encoding="utf-8"),
        "wasm": (wasm_dir / manifest["wasm"]).read_bytes(),
        "loader": (wasm_dir / manifest["loader"]).read_text(encoding="utf-8"),
        "modules": {m: (wasm_dir / f"{m}.wasm").read_bytes() for m in manifest["modules"]},
        "views": view_modules(manifest["splits"]),
    }
