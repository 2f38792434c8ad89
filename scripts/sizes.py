#!/usr/bin/env python3
"""Prints each file of a build folder with its size raw and gzip (level 9), and the totals
by kind. Usage: sizes.py DIR"""
import gzip
import sys
from pathlib import Path


def main(root: str) -> None:
    rows = []
    for path in sorted(Path(root).rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            rows.append((str(path.relative_to(root)), len(data), len(gzip.compress(data, 9, mtime=0))))
    width = max((len(r[0]) for r in rows), default=4)
    print(f"{'file':<{width}}  {'raw B':>9}  {'gzip B':>9}")
    for name, raw, gz in rows:
        print(f"{name:<{width}}  {raw:>9}  {gz:>9}")
    kinds = {}
    for name, raw, gz in rows:
        kind = Path(name).suffix or name
        r, g = kinds.get(kind, (0, 0))
        kinds[kind] = (r + raw, g + gz)
    for kind, (raw, gz) in sorted(kinds.items()):
        print(f"{'total ' + kind:<{width}}  {raw:>9}  {gz:>9}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
