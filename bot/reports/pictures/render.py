"""PNG pictures drawn with matplotlib's object API (no pyplot state): safe in a worker thread.

Pure: every function takes ready data and ready (translated) words and returns PNG bytes.
Sizes are chosen for a phone: about 1200 px wide, text at least 13 pt.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib import colormaps, patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.colors import LogNorm, Normalize
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter
from matplotlib.transforms import Bbox

from bot.reports.pictures.geometry import anchor, project, world

DPI = 100
FONT = "DejaVu Sans"  # ships with matplotlib; has Cyrillic glyphs
_HALO = [patheffects.withStroke(linewidth=3, foreground="white")]
_KIND_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
LABELLED = 8  # countries named on the map


@dataclass(frozen=True, slots=True)
class Words:
    """The words a picture shows, already in the reader's language."""

    title: str
    subtitle: str = ""
    empty: str = ""
    legend: str = ""


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    return fig


def _png(fig: Figure) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def _head(fig: Figure, words: Words) -> None:
    """Title and subtitle in a fixed band of about 110 px at the top, whatever the height."""
    height = fig.get_figheight() * DPI
    fig.suptitle(words.title, fontsize=22, fontweight="bold", family=FONT, y=1 - 12 / height,
                 va="top")  # fmt: skip
    if words.subtitle:
        fig.text(0.5, 1 - 52 / height, words.subtitle, ha="center", va="top", fontsize=14,
                 color="#444", family=FONT)  # fmt: skip


def _empty(ax: object, text: str) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=18, color="#666",
            transform=ax.transAxes, family=FONT, wrap=True)  # fmt: skip


def render_map(counts: Sequence[tuple[str, int]], names: Mapping[str, str], words: Words) -> bytes:
    """Countries shaded by their number of partners; the top ones named with their count.

    `counts` holds (ISO alpha-2, partners), largest first; countries too small for the outlines
    get a circle at their capital's area.
    """
    fig = _figure(12, 7.2)
    _head(fig, words)
    ax = fig.add_axes((0.01, 0.15, 0.98, 0.72))
    ax.set_axis_off()
    ax.set_aspect("equal")
    shapes = world()
    by_code = dict(counts)
    top = max(by_code.values(), default=0)
    norm: Normalize = (
        LogNorm(vmin=1, vmax=top) if top >= 10 else Normalize(vmin=0, vmax=max(top, 1))
    )
    cmap = colormaps["YlOrRd"]
    polys, colours = [], []
    for code, country in shapes.items():
        n = by_code.get(code, 0)
        colour = cmap(0.15 + 0.85 * float(norm(n))) if n else "#e6e6e6"
        for ring in country.rings:
            polys.append(ring)
            colours.append(colour)
    ax.add_collection(PolyCollection(polys, facecolors=colours, edgecolors="white", linewidths=0.4))
    for code, n in counts:
        if code not in shapes and (point := anchor(code)) is not None:
            ax.scatter([point[0]], [point[1]], s=60, color=cmap(0.15 + 0.85 * float(norm(n))),
                       edgecolors="#333", linewidths=0.8, zorder=3)  # fmt: skip
    left, _ = project(-180, 0)
    right, _ = project(180, 0)
    ax.set_xlim(left, right)
    ax.set_ylim(project(0, -57)[1], project(0, 84)[1])
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's canvas has it
    placed: list[Bbox] = []
    for code, n in counts[:LABELLED]:
        point = anchor(code)
        if point is None:
            continue
        label = f"{names.get(code, code)}: {n}"
        # A small country's circle stays visible: its label goes above or below it.
        offsets = (16, -16, 30, -30, 44) if code not in shapes else (0, -14, 14, -28, 28, -42, 42)
        for dy in offsets:
            text = ax.annotate(label, point, xytext=(0, dy), textcoords="offset points",
                               ha="center", va="center", fontsize=13, fontweight="bold",
                               family=FONT, path_effects=_HALO, zorder=4)  # fmt: skip
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()
    if not counts:
        _empty(ax, words.empty)
    else:
        bar = fig.add_axes((0.3, 0.095, 0.4, 0.025))
        from matplotlib.cm import ScalarMappable

        colourbar = fig.colorbar(
            ScalarMappable(norm=norm, cmap=cmap), cax=bar, orientation="horizontal"
        )
        colourbar.set_label(words.legend, fontsize=13, family=FONT)
        colourbar.ax.tick_params(labelsize=12)
        if isinstance(norm, LogNorm):
            steps = [t for t in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if t <= top]
            colourbar.set_ticks([*steps, top] if top >= steps[-1] * 1.6 else steps)
            colourbar.ax.xaxis.set_major_formatter(StrMethodFormatter("{x:.0f}"))
            colourbar.ax.minorticks_off()
        else:
            colourbar.ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            colourbar.ax.xaxis.set_major_formatter(StrMethodFormatter("{x:.0f}"))
    return _png(fig)


def render_overview(
    years: Sequence[tuple[int, Mapping[str, int]]],
    kinds: Mapping[str, str],
    countries: Sequence[tuple[str, int]],
    words: Words,
    years_title: str,
    countries_title: str,
) -> bytes:
    """Two panels, one above the other (a phone is taller than wide): agreements per year,
    stacked by kind (`kinds` maps kind → label, in stacking order), and partners by country."""
    fig = _figure(10, 12)
    _head(fig, words)
    top = fig.add_axes((0.1, 0.55, 0.86, 0.33))
    bottom = fig.add_axes((0.32, 0.05, 0.64, 0.4))
    top.set_title(years_title, fontsize=16, family=FONT, loc="left")
    if years:
        xs = [year for year, _ in years]
        base = [0] * len(xs)
        for colour, (kind, name) in zip(_KIND_COLOURS, kinds.items(), strict=False):
            values = [per.get(kind, 0) for _, per in years]
            if any(values):
                top.bar(xs, values, bottom=base, color=colour, label=name, width=0.7)
                base = [b + v for b, v in zip(base, values, strict=True)]
        top.legend(fontsize=12, frameon=False, loc="upper left")
        top.set_xticks(xs)
        top.tick_params(labelsize=12)
        top.tick_params(axis="x", rotation=45 if len(xs) > 8 else 0)
        top.yaxis.set_major_locator(MaxNLocator(integer=True))
        top.set_ylim(0, max(base) * 1.25 + 0.5)
        top.spines[["top", "right"]].set_visible(False)
    else:
        top.set_axis_off()
        _empty(top, words.empty)
    bottom.set_title(countries_title, fontsize=16, family=FONT, loc="left", x=-0.3)
    if countries:
        labels = [name for name, _ in countries][::-1]
        values = [n for _, n in countries][::-1]
        bars = bottom.barh(labels, values, color="#d95f0e")
        bottom.bar_label(bars, padding=3, fontsize=12)
        bottom.tick_params(labelsize=13)
        bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
        bottom.set_xlim(0, max(values) * 1.15 + 0.5)
        bottom.spines[["top", "right"]].set_visible(False)
    else:
        bottom.set_axis_off()
        _empty(bottom, words.empty)
    return _png(fig)


def render_timeline(
    mentions: Sequence[date], agreements: Sequence[tuple[date, str]], words: Words
) -> bytes:
    """A partner's articles per year (bars) and its signed documents (labelled markers)."""
    fig = _figure(12, 7)
    _head(fig, words)
    ax = fig.add_axes((0.08, 0.1, 0.88, 0.72))
    if not mentions and not agreements:
        ax.set_axis_off()
        _empty(ax, words.empty)
        return _png(fig)
    per_year: dict[int, int] = {}
    for day in mentions:
        per_year[day.year] = per_year.get(day.year, 0) + 1
    years = sorted(set(per_year) | {d.year for d, _ in agreements})
    xs = list(range(years[0], years[-1] + 1))
    heights = [per_year.get(x, 0) for x in xs]
    ax.bar(xs, heights, color="#9ecae1", width=0.7, label=words.legend)
    top = max(heights, default=0)
    stacked: dict[int, int] = {}
    for day, label in sorted(agreements):
        level = stacked.get(day.year, 0)
        stacked[day.year] = level + 1
        y = per_year.get(day.year, 0) + 0.35 + 0.6 * level
        x = day.year + (day.timetuple().tm_yday - 183) / 366 * 0.6
        ax.plot([x], [y], marker="v", markersize=12, color="#d62728", zorder=3)
        ax.annotate(label, (x, y), xytext=(8, 0), textcoords="offset points", va="center",
                    fontsize=12, family=FONT, path_effects=_HALO, zorder=4)  # fmt: skip
        top = max(top, int(y) + 1)
    ax.set_xticks(xs)
    ax.tick_params(labelsize=12)
    ax.tick_params(axis="x", rotation=45 if len(xs) > 10 else 0)
    ax.set_xlim(xs[0] - 0.8, xs[-1] + 1.2)
    ax.set_ylim(0, top * 1.2 + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=12, frameon=False, loc="upper left")
    return _png(fig)
