"""World country outlines (Natural Earth 1:110m, shipped in `data/`) in the Equal Earth projection.

Loaded once per process from the package; nothing is fetched at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Equal Earth (Šavrič, Patterson, Jenny 2018) polynomial coefficients.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2

# Countries too small for the 1:110m outlines: a point (lon, lat) to put their circle on.
SMALL_COUNTRIES: dict[str, tuple[float, float]] = {
    "SG": (103.8, 1.35), "HK": (114.2, 22.3), "MO": (113.5, 22.2), "BH": (50.5, 26.0),
    "MT": (14.4, 35.9), "LU": (6.1, 49.8), "AD": (1.5, 42.5), "MC": (7.4, 43.7),
    "LI": (9.55, 47.15), "SM": (12.45, 43.94), "VA": (12.45, 41.9), "MV": (73.5, 4.2),
    "MU": (57.55, -20.3), "SC": (55.45, -4.6), "BB": (-59.55, 13.2), "KM": (43.3, -11.7),
    "CV": (-23.6, 15.1), "ST": (6.6, 0.3), "TO": (-175.2, -21.2), "WS": (-172.1, -13.7),
}  # fmt: skip


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth x, y (unit sphere) of a longitude and latitude in degrees."""
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2 * math.sqrt(3) * math.radians(lon) * math.cos(theta)
        / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    )  # fmt: skip
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # projected outlines
    anchor: tuple[float, float]  # projected label point: centre of the largest ring


def _area_centre(ring: tuple[tuple[float, float], ...]) -> tuple[float, float, float]:
    """|area| and centroid of a closed ring (shoelace)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


@cache
def world() -> dict[str, Country]:
    """Every country with outlines, by ISO 3166-1 alpha-2 code (Antarctica left out)."""
    raw = json.loads(
        resources.files("bot.reports.pictures").joinpath("data/world_110m.json").read_text("utf-8")
    )
    out: dict[str, Country] = {}
    for code, rings in raw["countries"].items():
        projected = tuple(tuple(project(lon, lat) for lon, lat in ring) for ring in rings)
        best = max((_area_centre(r) for r in projected), key=lambda c: c[0])
        out[code] = Country(code, projected, (best[1], best[2]))
    return out


def anchor(code: str) -> tuple[float, float] | None:
    """Where a country's label or circle goes on the map, or None if it is not on it."""
    country = world().get(code)
    if country is not None:
        return country.anchor
    point = SMALL_COUNTRIES.get(code)
    return project(*point) if point else None
