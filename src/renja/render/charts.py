"""Dashboard charts as SVG (pygal), readable without JavaScript, and as PNG for download.

pygal draws a chart in a few milliseconds from plain Python (measured against matplotlib and
Vega-Lite through vl-convert in ``docs/evaluation.md``); the SVG goes inline into the page.
PNG comes from the same SVG through Typst, which renja already uses for PDF, so no graphics
library is needed on the server.

Every chart has a title and a description for screen readers; numbers are Indonesian
(``1,2 M`` Rupiah, ``87,5%``); the page shows the same figures in a table beside the chart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from decimal import Decimal

import pygal
import typst
from pygal.style import Style

from renja.calc.dashboard import BELUM_DINILAI, AgencyDashboard
from renja.numbers import format_number

ROMAN = ("I", "II", "III", "IV")
PLAN = "#9fb3c8"
REALISED = "#123a63"
PREDIKAT_COLOURS = {
    "Sangat Tinggi": "#1b5e20", "Tinggi": "#43a047", "Sedang": "#f9a825", "Rendah": "#ef6c00",
    "Sangat Rendah": "#c62828", BELUM_DINILAI: "#9e9e9e"}
OTHER = "#607d8b"
WIDTH = 640


def _style(*colours: str) -> Style:
    return Style(font_family="DejaVu Sans, Arial, sans-serif", background="white",
                 plot_background="white", foreground="#1b1b1b", foreground_strong="#1b1b1b",
                 foreground_subtle="#8a94a6", colors=colours or (REALISED,),
                 title_font_size=15, label_font_size=11, major_label_font_size=11,
                 legend_font_size=12, value_font_size=10, tooltip_font_size=11)


def rupiah_short(value: float | int | None) -> str:
    """An amount as a chart axis reads it: ``850 jt``, ``1,25 M``, ``2,1 T``."""
    if value is None:
        return ""
    number = Decimal(str(value))
    for size, unit in ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "M"),
                       (Decimal(10) ** 6, "jt"), (Decimal(10) ** 3, "rb")):
        if abs(number) >= size:
            return f"{format_number((number / size).quantize(Decimal('0.01')))} {unit}"
    return format_number(number.quantize(Decimal(1)))


def percent(value: float | int | Decimal | None) -> str:
    if value is None:
        return ""
    return f"{format_number(Decimal(str(value)), 2)}%"


def short(label: str, size: int = 36) -> str:
    """A label cut to fit beside a bar (the table beside the chart has it whole)."""
    label = " ".join(label.split())
    return label if len(label) <= size else label[:size - 1].rstrip() + "…"


def _whole_percent(value: float | None) -> str:
    return "" if value is None else f"{format_number(round(value))}%"


_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _render(chart: pygal.graph.graph.Graph, description: str) -> str:
    """The SVG without pygal's configuration script (the page reads it without scripts and
    its content security policy allows none inline) or its generator comments, with a
    description for screen readers."""
    svg = _COMMENT.sub("", _SCRIPT.sub("", chart.render(is_unicode=True)))
    svg = svg.replace("<defs>", f"<desc>{_escape(description)}</desc><defs>", 1)
    # pygal names each chart with a random id (its styles are scoped by it): one from the
    # content instead, so that the same figures give the same page
    uuid = chart.uuid
    digest = hashlib.sha1(svg.replace(uuid, "").encode()).hexdigest()[:16]
    return svg.replace(uuid, digest)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _base(kind: type[pygal.graph.graph.Graph], title: str | None, height: int, *colours: str,
          **options: object) -> pygal.graph.graph.Graph:
    """A chart; without a title where the page prints it as a heading (it wraps on a phone,
    the SVG's would not)."""
    settings: dict[str, object] = {
        "js": [], "width": WIDTH, "height": height - (0 if title else 30), "title": title,
        "style": _style(*colours),
        "disable_xml_declaration": True, "explicit_size": False, "legend_at_bottom": True,
        "legend_at_bottom_columns": 2, "print_values": False, "truncate_label": -1,
        "truncate_legend": -1, "margin": 12}
    return kind(**(settings | options))


def absorption(dash: AgencyDashboard, titled: bool = True) -> str:
    """Money realised up to each quarter against the pagu spread over the year."""
    title = f"Daya serap anggaran {dash.perangkat_daerah} {dash.tahun} (kumulatif)"
    chart = _base(pygal.Bar, title if titled else None, 340, PLAN, REALISED,
                  value_formatter=rupiah_short,
                  max_scale=6)
    chart.x_labels = [f"s/d TW {ROMAN[s.triwulan - 1]}" for s in dash.serapan]
    chart.add("Rencana (pagu dibagi rata per triwulan)", [s.rencana for s in dash.serapan])
    chart.add("Realisasi", [s.realisasi for s in dash.serapan])
    shown = "; ".join(f"s/d triwulan {ROMAN[s.triwulan - 1]}: rencana "
                      f"{rupiah_short(s.rencana)}, realisasi "
                      f"{rupiah_short(s.realisasi) or 'belum dilaporkan'}"
                      for s in dash.serapan)
    return _render(chart, f"{title}. {shown}.")


def program_capaian(dash: AgencyDashboard, titled: bool = True) -> str:
    """Each program's capaian against its Renja targets, coloured by predikat."""
    title = f"Capaian kinerja per program s/d triwulan {ROMAN[dash.sampai_triwulan - 1]}"
    programs = list(dash.program)
    chart = _base(pygal.HorizontalBar, title if titled else None,
                  90 + 34 * max(len(programs), 1),
                  REALISED, value_formatter=_whole_percent, show_legend=False,
                  y_labels=[0, 25, 50, 75, 100, 125], print_values=True)
    # pygal draws the first bar at the bottom; the table beside reads from the top.
    chart.x_labels = [short(f"{p.kode} {p.nama}") for p in reversed(programs)]
    chart.add("Capaian", [
        {"value": float(p.capaian) if p.capaian is not None else None,
         "color": PREDIKAT_COLOURS.get(p.predikat or "", OTHER),
         "formatter": lambda v: percent(v)} for p in reversed(programs)])
    shown = "; ".join(f"{p.nama}: {percent(p.capaian) or 'belum ada realisasi'}"
                      f"{f' ({p.predikat})' if p.predikat else ''}" for p in programs)
    return _render(chart, f"{title}. {shown}.")


def agencies_absorption(names: Sequence[str], values: Sequence[Decimal | None],
                        title: str, titled: bool = True) -> str:
    """Daya serap of each agency of a pemda, one bar each."""
    chart = _base(pygal.HorizontalBar, title if titled else None,
                  90 + 24 * max(len(names), 1), REALISED,
                  value_formatter=_whole_percent, show_legend=False,
                  y_labels=[0, 25, 50, 75, 100], print_values=True)
    chart.x_labels = [short(name) for name in reversed(names)]
    chart.add("Daya serap", [{"value": float(v) if v is not None else None,
                              "formatter": lambda x: percent(x)} for v in reversed(values)])
    shown = "; ".join(f"{n}: {percent(v) or 'belum ada'}" for n, v in zip(names, values,
                                                                           strict=True))
    return _render(chart, f"{title}. {shown}.")


def predikat_distribution(counts: dict[str, int], title: str, titled: bool = True) -> str:
    """How many agencies earned each predikat."""
    chart = _base(pygal.Bar, title if titled else None, 320,
                  *[PREDIKAT_COLOURS.get(k, OTHER) for k in counts],
                  value_formatter=lambda v: format_number(int(v)) if v is not None else "",
                  show_legend=False, print_values=True)
    chart.x_labels = list(counts)
    chart.add("Perangkat daerah", [
        {"value": n, "color": PREDIKAT_COLOURS.get(k, OTHER)} for k, n in counts.items()])
    shown = "; ".join(f"{k}: {n}" for k, n in counts.items())
    return _render(chart, f"{title}. {shown}.")


def png(svg: str, ppi: int = 144) -> bytes:
    """The chart as a PNG image (white background), drawn by Typst from the SVG."""
    source = (b"#set page(width: auto, height: auto, margin: 0pt, fill: white)\n"
              b"#image(bytes(sys.inputs.svg), width: " + str(WIDTH).encode() + b"pt)\n")
    return bytes(typst.compile(source, format="png", ppi=ppi, sys_inputs={"svg": svg}))
