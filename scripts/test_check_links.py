"""The dead-link check finds what it should (run by scripts/test.sh)."""

import tempfile
import unittest
from pathlib import Path

from check_links import anchors, dead_links


class DeadLinks(unittest.TestCase):
    def test_it_finds_a_missing_file_and_a_missing_heading_and_passes_the_rest(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            (root / "docs").mkdir()
            (root / "README.md").write_text(
                "# Title\n\n[ok](docs/a.md) [gone](docs/gone.md) [head](docs/a.md#the-analysts-workbooks)\n"
                "[bad head](docs/a.md#nope) [web](https://example.com/x) [self](#title)\n"
                "```\n[in code](nowhere.md)\n```\n![pic](docs/pic.png)\n"
            )
            (root / "docs" / "a.md").write_text("# A\n\n## The analyst's workbooks\n\n[up](../README.md#title)\n")
            dead = dead_links(root)
            self.assertEqual(len(dead), 3, dead)
            self.assertTrue(any("docs/gone.md" in x and "no such file" in x for x in dead))
            self.assertTrue(any("#nope" in x and "no such heading" in x for x in dead))
            self.assertTrue(any("docs/pic.png" in x for x in dead))

    def test_it_makes_anchors_as_github_does(self):
        with tempfile.TemporaryDirectory() as d:
            md = Path(d) / "x.md"
            md.write_text("# Sources & checks\n## The URL scheme\n## The URL scheme\n")
            self.assertEqual(anchors(md), {"sources--checks", "the-url-scheme", "the-url-scheme-1"})


if __name__ == "__main__":
    unittest.main()
