#!/usr/bin/env python3
"""Post-processes Trunk's release output in place. Usage: postbuild.py DIST

- Drops the `integrity` attribute from the wasm `<link rel="preload" as="fetch">`: Chromium
  ignores it there and logs a console warning on every load (crbug.com/981419), which the
  end-to-end suite counts as a problem.
"""
import re
import sys
from pathlib import Path


def main(dist: str) -> None:
    index = Path(dist) / "index.html"
    html = index.read_text(encoding="utf-8")
    fixed, n = re.subn(r'(<link rel="preload"[^>]*?) integrity="[^"]*"', r"\1", html)
    if n != 1:
        sys.exit(f"postbuild: expected one wasm preload link with integrity in {index}, found {n}")
    index.write_text(fixed, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
