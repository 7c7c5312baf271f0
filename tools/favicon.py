#!/usr/bin/env python3
"""Write static/favicon.svg and static/favicon.ico: the site's icon, a white "L" on the accent
colour of leerrecht.css in a rounded square. Both come from the shapes below, drawn by this
script (no image library, no third-party file); run it again after changing them.

The .ico holds one 32x32 image as a 32-bit BMP (what browsers ask for at /favicon.ico and show
from file://); the SVG is for browsers that take an SVG icon."""
import struct
from pathlib import Path

SIZE = 32
RADIUS = 6
ACCENT = (0x00, 0x56, 0x6B)  # --kleur-accent
WHITE = (0xFF, 0xFF, 0xFF)
# The "L" as two rectangles (x, y, width, height) in a 32x32 grid.
LETTER = [(10, 7, 4, 18), (10, 21, 13, 4)]

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    f'<rect width="32" height="32" rx="{RADIUS}" fill="#{"".join(f"{c:02x}" for c in ACCENT)}"/>'
    '<path d="M10 7h4v14h9v4H10z" fill="#fff"/></svg>\n'
)


def inside_square(x, y):
    """Whether the pixel centre (x + .5, y + .5) lies in the rounded square."""
    cx, cy = x + 0.5, y + 0.5
    nx = min(max(cx, RADIUS), SIZE - RADIUS)
    ny = min(max(cy, RADIUS), SIZE - RADIUS)
    return (cx - nx) ** 2 + (cy - ny) ** 2 <= RADIUS**2


def pixel(x, y):
    """(r, g, b, a) of the pixel at column x, row y (row 0 at the top)."""
    if not inside_square(x, y):
        return (0, 0, 0, 0)
    for lx, ly, w, h in LETTER:
        if lx <= x < lx + w and ly <= y < ly + h:
            return (*WHITE, 255)
    return (*ACCENT, 255)


def ico():
    rows = []
    for y in reversed(range(SIZE)):  # a BMP stores the bottom row first
        rows.append(b"".join(struct.pack("<BBBB", b, g, r, a) for r, g, b, a in (pixel(x, y) for x in range(SIZE))))
    pixels = b"".join(rows)
    mask = bytes(SIZE * SIZE // 8)  # the AND mask: all 0, the alpha channel decides
    header = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    image = header + pixels + mask
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


if __name__ == "__main__":
    static = Path(__file__).resolve().parent.parent / "static"
    (static / "favicon.svg").write_text(SVG)
    (static / "favicon.ico").write_bytes(ico())
