from pathlib import Path

from click.testing import CliRunner

from renja.cli import cli
from renja.demo.corpus import agencies, pemda_plans
from renja.io.read import read_plan
from renja.io.text.read import parse_text
from renja.io.text.write import render_text
from renja.rules import run_checks
from tests.render.test_workbook import same


def test_a_pemda_has_forty_distinct_agencies():
    names = agencies(40)
    assert len({n for n, _, _ in names}) == 40
    assert names[0] == ("Dinas Pendidikan", "PD01", "1.01")


def test_generated_plans_are_deterministic_and_consistent():
    first = list(pemda_plans("Kota Contoh", 3, seed=5))
    again = list(pemda_plans("Kota Contoh", 3, seed=5))
    assert first == again
    for renja in first:
        assert [f for f in run_checks(renja) if f.severity != "info"] == []


def test_a_generated_plan_survives_text_export_and_import():
    renja = next(pemda_plans("Kota Contoh", 1, seed=2))
    back = parse_text(render_text(renja), "x.txt").renja

    def tables(p):  # type: ignore[no-untyped-def]
        return [p.rencana.rows, p.rencana.total, p.tc31.rows, p.tc32.nihil, p.tahun,
                p.pemda.nama, p.perangkat_daerah.nama]

    assert same(tables(renja), tables(back)) == []


def test_the_cli_writes_a_corpus(tmp_path: Path):
    result = CliRunner().invoke(cli, ["demo-data", "-o", str(tmp_path), "--plans", "3",
                                      "--format", "text"])
    assert result.exit_code == 0
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["00001-PD01.txt", "00002-PD02.txt", "00003-PD03.txt"]
    assert read_plan(files[0]).renja.perangkat_daerah.nama == "Dinas Pendidikan"


def test_a_generated_plan_has_the_number_of_sub_kegiatan_asked_for():
    from renja.demo.generate import Spec, generate

    for asked in (20, 80, 150):
        renja = generate(Spec(bidang="1.01", sub_kegiatan=asked, seed=4, tahun=2025))
        assert sum(1 for n in renja.rencana.walk() if n.level == "sub_kegiatan") == asked


def test_generated_percentages_round_halves_up_as_excel_does():
    from decimal import Decimal

    from renja.demo.generate import _percent

    assert _percent(58, 80) == Decimal(73)  # 72.5: Python's round() would give 72
    assert _percent(1, 3) == Decimal(33)
    assert _percent(5, 0) == Decimal(0)


def test_generated_plans_plan_only_what_their_agency_would():
    from renja.demo.generate import Spec, generate

    for bidang, agency in (("1.01", "Dinas Pendidikan"), ("1.02", "Dinas Kesehatan")):
        renja = generate(Spec(agency=agency, bidang=bidang, sub_kegiatan=120, seed=9))
        names = [n.nama for n in renja.rencana.walk()]
        assert not [n for n in names if "DPRD" in n or "Kepala Daerah" in n], agency
        assert renja.contoh is True
