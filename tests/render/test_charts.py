"""Dashboard charts: SVG that reads without scripts, with the figures in its description and
Indonesian numbers on its axes, and the same chart as a PNG image."""

from __future__ import annotations

import io
from decimal import Decimal

from PIL import Image

from renja.calc.dashboard import agency
from renja.calc.e81 import evaluate
from renja.render import charts
from tests.calc.test_e81 import plan, reported


def dashboard():  # type: ignore[no-untyped-def]
    return agency(evaluate(plan(), reported(), 2))


def test_amounts_on_an_axis_read_as_indonesians_write_them() -> None:
    assert [charts.rupiah_short(v) for v in (850_000_000, 1_250_000_000, 2.1e12, 950, None)] == [
        "850 jt", "1,25 M", "2,1 T", "950", ""]
    assert charts.percent(Decimal("43.3333")) == "43,33%"


def test_the_absorption_chart_is_svg_without_scripts_and_describes_its_figures() -> None:
    svg = charts.absorption(dashboard())
    assert svg.startswith("<svg") and "<script" not in svg
    assert "Daya serap anggaran Dinas Perhubungan 2025 (kumulatif)" in svg
    assert ("<desc>Daya serap anggaran Dinas Perhubungan 2025 (kumulatif). s/d triwulan I: "
            "rencana 37,5 jt, realisasi 30 jt; s/d triwulan II: rencana 75 jt, realisasi 65 jt; "
            "s/d triwulan III: rencana 112,5 jt, realisasi belum dilaporkan;") in svg
    assert "s/d TW IV" in svg and "Rencana (pagu dibagi rata per triwulan)" in svg


def test_the_program_chart_names_each_program_with_its_capaian_and_predikat() -> None:
    svg = charts.program_capaian(dashboard())
    assert "2.15.02 Program Lalu Lintas" in svg
    assert "Program Lalu Lintas: 67,71% (Sedang)" in svg
    assert charts.PREDIKAT_COLOURS["Sedang"] in svg


def test_a_name_with_markup_stays_text() -> None:
    svg = charts.agencies_absorption(["Dinas <A&B>"], [Decimal(50)], "Daya serap <semua>")
    assert "<A&B>" not in svg and "Dinas &lt;A&amp;B&gt;" in svg
    assert "<desc>Daya serap &lt;semua&gt;. Dinas &lt;A&amp;B&gt;: 50,00%.</desc>" in svg


def test_a_chart_downloads_as_a_png_image() -> None:
    data = charts.png(charts.absorption(dashboard()))
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size[0] == 1280  # 640 pt at 144 ppi
    assert 600 < image.size[1] < 720


def test_a_long_program_name_is_cut_beside_its_bar_but_whole_in_the_description() -> None:
    dash = dashboard()
    long = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    program = dash.program[0].__class__(**{**dash.program[0].__dict__, "nama": long})
    svg = charts.program_capaian(dash.__class__(**{**dash.__dict__, "program": (program,)}))
    assert ">2.15.02 Program Penunjang Urusan Pe…<" in svg  # 35 characters and …
    assert f"{long}: 67,71% (Sedang)" in svg


def test_the_same_figures_draw_the_same_chart() -> None:
    assert charts.absorption(dashboard()) == charts.absorption(dashboard())
    assert charts.absorption(dashboard()) != charts.absorption(dashboard(), titled=False)
