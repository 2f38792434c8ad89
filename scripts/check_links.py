#!/usr/bin/env python3
"""Dead relative links in the project's Markdown (README.md, docs/, data/): a link to a file
that does not exist, or to a heading (`file.md#anchor`, `#anchor`) that the file does not have
(GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens).
Links to other sites are not followed. Exits 1 and lists them when there is one.

  python3 scripts/check_links.py [ROOT]
"""

import re
import sys
from pathlib import Path

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\(([^)\s]+)\)")
SKIP_DIRS = {"node_modules", "target", "dist", "hosting", ".git"}


def anchors(md: Path) -> set:
    """The anchors GitHub gives the headings of `md`."""
    out, seen = set(), {}
    in_code = False
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if in_code or not line.startswith("#"):
            continue
        text = line.lstrip("#").strip()
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def markdown_files(root: Path) -> list:
    return sorted(p for p in root.rglob("*.md") if not SKIP_DIRS.intersection(p.relative_to(root).parts))


def dead_links(root: Path) -> list:
    dead = []
    for md in markdown_files(root):
        in_code = False
        for n, line in enumerate(md.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("```"):
                in_code = not in_code
            if in_code:
                continue
            for m in LINK.finditer(line):
                target = m.group(1) or m.group(2)
                if re.match(r"[a-z][a-z0-9+.-]*:", target):
                    continue
                path, _, anchor = target.partition("#")
                file = (md.parent / path).resolve() if path else md
                where = f"{md.relative_to(root)}:{n}: {target}"
                if not file.exists():
                    dead.append(f"{where} (no such file)")
                elif anchor and file.suffix == ".md" and anchor not in anchors(file):
                    dead.append(f"{where} (no such heading)")
    return dead


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    dead = dead_links(root)
    for d in dead:
        print(d)
    files = len(markdown_files(root))
    if dead:
        sys.exit(f"check_links: {len(dead)} dead relative link(s) in {files} Markdown files")
    print(f"check_links: every relative link in {files} Markdown files leads somewhere")


if __name__ == "__main__":
    main()
