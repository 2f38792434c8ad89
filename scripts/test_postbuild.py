"""Host tests of the build's post-processing helpers (python3 -m unittest, from scripts/)."""
import os
import unittest
from unittest import mock

import postbuild


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


if __name__ == "__main__":
    unittest.main()
