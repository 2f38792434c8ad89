"""The host configurations' generator (scripts/hosts.py): its checks of the sub-path and the
policy, and the _headers file's rule that no header is set twice for one file (Netlify and
Cloudflare Pages would join the values). The configurations themselves are run by real nginx
and Caddy servers in tests/e2e/hosts.test.mjs."""

import re
import unittest

from hosts import HostError, caddyfile, check_base, check_csp, headers_file, nginx

CSP = "default-src 'none'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'"
FILES = ["index.html", "sw.js", "manifest.webmanifest", "main-0123456789abcdef_bg.wasm", "main-0123456789abcdef.js",
         "view_ratios-fedcba9876543210.wasm", "style-123456789abc.css", "icon-192.png", "iij-explorer.xlsx"]


def rules(text):
    """_headers as (path pattern, {header: value})."""
    out, current = [], None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            current[1][name] = value
        else:
            current = (line, {})
            out.append(current)
    return out


def matches(pattern, path):
    return re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), path) is not None


class Hosts(unittest.TestCase):
    def test_a_sub_path_is_checked(self):
        for good in ["/", "/ir/explorer/", "/a-b/c_d/~e/"]:
            self.assertEqual(check_base(good), good)
        for bad in ["ir/explorer/", "/ir/explorer", "/ir explorer/", "/ir/../x/", '/ir/"x/', "/ir/;x/", ""]:
            with self.assertRaises(HostError, msg=bad):
                check_base(bad)

    def test_a_policy_that_cannot_be_quoted_or_lacks_frame_ancestors_is_refused(self):
        self.assertEqual(check_csp(CSP), CSP)
        for bad in ['default-src "x"; frame-ancestors none', "default-src 'none'", "a\nframe-ancestors 'none'"]:
            with self.assertRaises(HostError):
                check_csp(bad)

    def test_headers_every_file_gets_one_cache_rule_and_the_policy_once(self):
        parsed = rules(headers_file(CSP, "/ir/explorer/", FILES))
        for f in FILES + [""]:
            path = "/ir/explorer/" + f
            set_by = {}
            for pattern, headers in parsed:
                if matches(pattern, path):
                    for name in headers:
                        set_by.setdefault(name, []).append(pattern)
            self.assertEqual(sorted(set_by), ["Cache-Control", "Content-Security-Policy", "X-Content-Type-Options"], path)
            for name, patterns in set_by.items():
                self.assertEqual(len(patterns), 1, f"{path}: {name} set by {patterns}")
        cache = {p: h["Cache-Control"] for p, h in parsed if "Cache-Control" in h}
        self.assertEqual(cache["/ir/explorer/main-0123456789abcdef_bg.wasm"], "public, max-age=31536000, immutable")
        self.assertEqual(cache["/ir/explorer/view_ratios-fedcba9876543210.wasm"], "public, max-age=31536000, immutable")
        for f in ["index.html", "sw.js", "manifest.webmanifest", "icon-192.png", "iij-explorer.xlsx"]:
            self.assertEqual(cache["/ir/explorer/" + f], "no-cache", f)

    def test_nginx_quotes_its_regex_and_repeats_the_headers_in_the_nested_location(self):
        conf = nginx(CSP, "/ir/explorer/", "/srv/x/")
        self.assertIn('location ~ "-[0-9a-f]{12,16}(_bg)?\\.(js|css|wasm|txt|svg)$" {', conf)
        self.assertEqual(conf.count(f'add_header Content-Security-Policy "{CSP}" always;'), 2)
        self.assertNotIn("set $", conf)

    def test_caddy_sets_cache_control_by_opposite_matchers(self):
        conf = caddyfile(CSP, "/ir/explorer/", "/srv/x/", "example.com")
        self.assertIn("@mutable not path_regexp", conf)
        self.assertNotRegex(conf, r'\n\t\theader Cache-Control')


if __name__ == "__main__":
    unittest.main()
