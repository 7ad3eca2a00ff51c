"""Regenerate `data/world_110m.json` from a Natural Earth 1:110m countries shapefile.

Natural Earth is public domain. The shapefile used is the one the geopandas 0.14 wheel ships as
`geopandas/datasets/naturalearth_lowres/` (`pip download --no-deps geopandas==0.14.4`, unzip):
`python -m bot.reports.pictures.make_world DIR/naturalearth_lowres`. Run by hand, never at run time.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).with_name("data") / "world_110m.json"
# Natural Earth marks a few countries' ISO code -99 (disputed or overseas parts): by name.
_BY_NAME = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    count, header, size = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    at = 32
    while data[at] != 0x0D:
        name = data[at : at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[at + 16]))
        at += 32
    rows = []
    for i in range(count):
        record = data[header + i * size : header + (i + 1) * size]
        offset, row = 1, {}
        for name, width in fields:
            row[name] = record[offset : offset + width].decode("utf-8", "replace").strip()
            offset += width
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings as (lon, lat) lists; shape types 5 (polygon) only."""
    data = path.read_bytes()
    at = 100
    shapes: list[list[list[tuple[float, float]]]] = []
    while at < len(data):
        _, words = struct.unpack(">ii", data[at : at + 8])
        content = data[at + 8 : at + 8 + 2 * words]
        at += 8 + 2 * words
        (kind,) = struct.unpack("<i", content[:4])
        if kind != 5:
            shapes.append([])
            continue
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44 : 44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        xy = struct.unpack(f"<{2 * points}d", content[base : base + 16 * points])
        rings = []
        for a, b in zip(starts, starts[1:], strict=False):
            rings.append([(xy[2 * k], xy[2 * k + 1]) for k in range(a, b)])
        shapes.append(rings)
    return shapes


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Coordinates at 0.1° (about 11 km, finer than the 1:110m source): duplicates dropped."""
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 1), round(lat, 1)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def main(argv: list[str]) -> int:
    base = Path(argv[0])
    rows = read_dbf(base.with_suffix(".dbf"))
    shapes = read_polygons(base.with_suffix(".shp"))
    world: dict[str, list[list[list[float]]]] = {}
    for row, rings in zip(rows, shapes, strict=True):
        if row.get("continent") == "Antarctica":
            continue
        code = _BY_NAME.get(row["name"])
        if code is None:
            country = pycountry.countries.get(alpha_3=row["iso_a3"])
            if country is None:
                print(f"skipped: {row['name']} ({row['iso_a3']})", file=sys.stderr)  # noqa: T201
                continue
            code = country.alpha_2
        world.setdefault(code, []).extend(r for r in map(simplify, rings) if len(r) >= 4)
    note = "Natural Earth 1:110m admin-0 countries (public domain), simplified by make_world.py"
    OUT.write_text(json.dumps({"source": note, "countries": world}, separators=(",", ":")))
    print(f"{len(world)} countries -> {OUT}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
