"""Host tests of the build's post-processing helpers (python3 -m unittest, from scripts/)."""
import os
import re
import unittest
from unittest import mock

import postbuild
import wasm_assets

# The splitter's loader as wasm_split_cli_support 0.2.4 writes it (target web), cut to two
# modules: a shared chunk and one view's own module.
LOADER = """import { initSync } from "./main.js";

let sharedImports = undefined;
/* view_charts, view_ratios */
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./chunk_6.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_view_charts = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_view_charts.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]));
"""


class SiteUrl(unittest.TestCase):
    def test_unset_gives_no_absolute_links(self):
        with mock.patch.dict(os.environ, {}, clear=True):
            self.assertIsNone(postbuild.site_url())
        self.assertEqual(postbuild.site_links(None, "ratios.html", "en", "ja", "ratios.ja.html"), "")

    def test_a_trailing_slash_is_added(self):
        with mock.patch.dict(os.environ, {"SITE_URL": "https://ir.example.com/explorer"}):
            self.assertEqual(postbuild.site_url(), "https://ir.example.com/explorer/")

    def test_a_relative_or_odd_address_is_refused_with_a_message(self):
        for bad in ("/explorer/", "ir.example.com", "ftp://ir.example.com/", "https://ir.example.com/x?y=1", 'https://a/"b'):
            with mock.patch.dict(os.environ, {"SITE_URL": bad}), self.assertRaises(SystemExit) as e:
                postbuild.site_url()
            self.assertIn("SITE_URL must be an absolute http(s) address", str(e.exception))

    def test_links_of_a_japanese_page(self):
        links = postbuild.site_links("https://ir.example.com/x/", "ratios.ja.html", "ja", "en", "ratios.html")
        self.assertIn('<link rel="canonical" href="https://ir.example.com/x/ratios.ja.html">', links)
        self.assertIn('<link rel="alternate" hreflang="en" href="https://ir.example.com/x/ratios.html">', links)
        self.assertIn('<link rel="alternate" hreflang="ja" href="https://ir.example.com/x/ratios.ja.html">', links)
        self.assertIn('<link rel="alternate" hreflang="x-default" href="https://ir.example.com/x/ratios.html">', links)

    def test_the_english_overview_is_the_folder(self):
        links = postbuild.site_links("https://ir.example.com/x/", "index.html", "en", "ja", "index.ja.html")
        self.assertIn('<link rel="canonical" href="https://ir.example.com/x/">', links)
        self.assertIn('hreflang="ja" href="https://ir.example.com/x/index.ja.html"', links)
        self.assertIn('<meta property="og:url" content="https://ir.example.com/x/">', links)


class SplitLoader(unittest.TestCase):
    def test_every_module_is_fetched_through_the_page_and_the_glue_is_not_imported(self):
        out = wasm_assets.rewrite_loader(LOADER, ["split_view_charts", "chunk_6"])
        self.assertNotIn("fetch(", out)
        self.assertNotIn('from "./main.js"', out)
        self.assertIn('globalThis.iijChunk("chunk_6", true)', out)
        self.assertIn('globalThis.iijChunk("split_view_charts", true)', out)
        self.assertEqual(out.count("WebAssembly.instantiate(await src, imports)"), 2)
        self.assertIn("const initSync = (...args) => globalThis.iijInitSync(...args);", out)

    def test_a_module_the_loader_does_not_fetch_stops_the_build(self):
        with self.assertRaises(wasm_assets.SplitError):
            wasm_assets.rewrite_loader(LOADER, ["split_view_charts", "chunk_6", "chunk_7"])
        with self.assertRaises(wasm_assets.SplitError):
            wasm_assets.rewrite_loader(LOADER.replace('import { initSync } from "./main.js";', ""), ["split_view_charts", "chunk_6"])

    def test_the_glue_imports_the_hashed_loader(self):
        glue = ('import * as import1 from "./__wasm_split.js"\nimport * as import2 from "./__wasm_split.js"\n'
                'const imports = { "./__wasm_split.js": import1 };\n')
        self.assertEqual(wasm_assets.glue_importing(glue, "split-0123456789abcdef.js"),
                         'import * as import1 from "./split-0123456789abcdef.js";\nimport * as import2 from "./split-0123456789abcdef.js";\n'
                         'const imports = { "./__wasm_split.js": import1 };\n')
        with self.assertRaises(wasm_assets.SplitError):
            wasm_assets.glue_importing("let wasm;", "split-0123456789abcdef.js")

    def test_the_offline_module_holds_the_loader_before_the_glue_with_no_import_or_export(self):
        glue = ('import * as import1 from "./__wasm_split.js"\n'
                "const imports = { './__wasm_split.js': import1 };\n"
                "function initSync(module) { return wasm; }\n"
                "export { initSync };\nexport default __wbg_init;\n")
        loader = wasm_assets.rewrite_loader(LOADER, ["split_view_charts", "chunk_6"])
        out = wasm_assets.inline_module(glue, loader)
        self.assertNotRegex(out, r"(?m)^(import|export) ")
        self.assertIn("const import1 = { __wasm_split_load_view_charts };", out)
        self.assertIn("const imports = { './__wasm_split.js': import1 };", out)
        self.assertLess(out.index("const __wasm_split_load_view_charts"), out.index("const import1"))
        # One initSync, the glue's: the loader's call reaches it in the same module.
        self.assertEqual(len(re.findall(r"(const|function) initSync\b", out)), 1)
        self.assertIn("initSync(undefined, undefined)", wasm_assets.inline_module(glue, loader.replace(
            "let sharedImports", "const shared = initSync(undefined, undefined);\nlet sharedImports")))

    def test_views_are_named_by_their_slug_and_fetch_the_whole_dataset_too(self):
        self.assertEqual(wasm_assets.view_modules({"view_charts": ["split_view_charts", "chunk_6"], "dataset": ["split_dataset"],
                                                   "view_ratios": ["split_view_ratios"], "chart_drawing": ["split_chart_drawing"]}),
                         {"charts": ["split_view_charts", "chunk_6", "split_dataset"], "ratios": ["split_view_ratios", "split_dataset"]})
        with self.assertRaises(wasm_assets.SplitError):
            wasm_assets.view_modules({"monte_carlo": ["split_monte_carlo"]})


if __name__ == "__main__":
    unittest.main()
