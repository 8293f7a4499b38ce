#!/usr/bin/env python3
"""Render each page of a PDF to a PNG, for the docs (scripts/print-pages runs it).

Usage: python scripts/pdf_pages.py PDF OUT_PREFIX [WIDTH]

Writes OUT_PREFIX-page-1.png, OUT_PREFIX-page-2.png, ... (WIDTH pixels wide, 800 by default) and
first removes any OUT_PREFIX-page-N.png left from an earlier run with more pages. Rendered by
MuPDF (PyPI's pymupdf), in grey: the documents are black on white, and grey PNGs are about half
the size. Prints one line per PNG written.
"""

import glob
import os
import re
import sys

import pymupdf


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    pdf, prefix = sys.argv[1], sys.argv[2]
    width = int(sys.argv[3]) if len(sys.argv) == 4 else 800
    for old in glob.glob(glob.escape(prefix) + "-page-*.png"):
        if re.fullmatch(r"-page-\d+\.png", old[len(prefix):]):
            os.remove(old)
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc, start=1):
            zoom = width / page.rect.width
            pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY)
            path = f"{prefix}-page-{number}.png"
            pixmap.save(path)
            print(f"{path}: page {number} of {doc.page_count}, {pixmap.width} x {pixmap.height} px")


if __name__ == "__main__":
    main()
