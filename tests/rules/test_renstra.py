"""The Renja against its Renstra: each rule with exact messages, a cross-cutting code matched
through the agency's bidang, notes that excuse a difference, and no findings without a
Renstra."""

from __future__ import annotations

from decimal import Decimal

from renja.domain import Tc31Row
from renja.domain.renstra import Renstra, RenstraIndikator, RenstraRow
from renja.domain.target import parse_target
from renja.rules.registry import run_checks
from tests.calc.test_e81 import plan


def renstra(**changes: object) -> Renstra:
    """The Renstra 2023–2027 of the plan in tests.calc.test_e81 (2025 is year 3)."""
    def ind(nama: str, *targets: str, akhir: str) -> RenstraIndikator:
        return RenstraIndikator(nama=nama, target=[parse_target(t) for t in targets],
                                kondisi_akhir=parse_target(akhir))
    rows = [
        RenstraRow(level="tujuan", nama="Meningkatnya keselamatan"),
        RenstraRow(level="program", kode="2.15.02", nama="Program Lalu Lintas",
                   indikator=[ind("Persentase ruas jalan berambu", "70%", "75%", "80%", "85%",
                                  "90%", akhir="90%")],
                   pagu=[140_000_000, 145_000_000, 150_000_000, 155_000_000, 160_000_000]),
        RenstraRow(level="kegiatan", kode="2.15.02.2.01", nama="Pengendalian",
                   indikator=[ind("Jumlah dokumen pengendalian", "10 dok", "10 dok", "10 dok",
                                  "10 dok", "10 dok", akhir="50 dok")],
                   pagu=[150_000_000] * 5),
    ]
    return Renstra(**{"tahun_awal": 2023, "rows": rows, **changes})  # type: ignore[arg-type]


def renstra_findings(renja, found: Renstra | None):  # type: ignore[no-untyped-def]
    return [f for f in run_checks(renja, renstra=found) if f.family == "renstra"]


def test_without_a_renstra_the_family_says_nothing() -> None:
    assert renstra_findings(plan(), None) == []


def test_a_plan_that_follows_its_renstra_has_no_findings() -> None:
    renja = plan()
    renja.rencana.rows[0].children[0].children = []  # only what the Renstra has
    assert renstra_findings(renja, renstra()) == []


def test_rows_and_indicators_the_renstra_lacks_are_named() -> None:
    renja = plan()
    renja.rencana.rows[0].indikator[0].nama = "Indeks keselamatan jalan"
    found = renstra_findings(renja, renstra())
    assert [f.rule for f in found] == ["R003"]
    messages = [f.message for f in found]
    # the Renstra has no sub kegiatan rows: the plan's sub kegiatan are not judged
    assert messages == [
        "T-C.33 2.15.02 (Program Lalu Lintas): indikator 'Indeks keselamatan jalan' tidak ada "
        "dalam Renstra; Renstra memuat 'Persentase ruas jalan berambu'"]
    with_subs = renstra()
    with_subs.rows.append(RenstraRow(level="sub_kegiatan", kode="2.15.02.2.01.0001",
                                     nama="Penyusunan laporan"))
    found = renstra_findings(plan(), with_subs)
    assert [f.rule for f in found] == ["R002", "R003"]
    messages = [f.message for f in found]
    assert ("T-C.33 2.15.02.2.01.0001 (Penyusunan laporan): indikator 'Jumlah laporan yang "
            "disusun' tidak ada dalam Renstra; Renstra tidak memuat indikator untuk baris ini"
            ) in messages
    assert ("T-C.33 2.15.02.2.01.0002 (Penegakan disiplin): sub kegiatan tidak ada dalam "
            "T-C.27 Renstra 2023–2027") in messages


def test_a_target_and_a_pagu_that_depart_without_a_note_are_found() -> None:
    renja = plan()
    renja.rencana.rows[0].children[0].children = []
    program = renja.rencana.rows[0]
    program.indikator[0].target_n = parse_target("82%")
    program.pagu_n = 160_000_000
    found = renstra_findings(renja, renstra())
    assert [(f.rule, f.expected, f.actual) for f in found] == [
        ("R004", "80%", "82%"), ("R005", "150.000.000", "160.000.000")]
    assert found[0].message == (
        "T-C.33 2.15.02 (Program Lalu Lintas): target 2025 '82%' berbeda dari Renstra '80%' "
        "tanpa catatan di T-C.31 atau T-C.33")
    renja.tc31.rows = [Tc31Row(kode="2.15.02", catatan="Disesuaikan dengan pagu RKPD")]
    assert renstra_findings(renja, renstra()) == []


def test_a_cross_cutting_renstra_code_matches_the_agency_s_own_bidang() -> None:
    renja = plan()
    renja.rencana.rows[0].children[0].children = []
    cross = renstra()
    cross.rows[1].kode = "X.XX.02"
    cross.rows[2].kode = "X.XX.02.2.01"
    assert renstra_findings(renja, cross) == []


def test_a_plan_outside_the_period_is_one_error() -> None:
    found = renstra_findings(plan(), renstra(tahun_awal=2019))
    assert [(f.rule, f.severity, f.message) for f in found] == [
        ("R001", "error", "Renja tahun 2025 berada di luar periode Renstra 2019–2023")]


def test_tc29_s_target_at_the_end_of_the_period_is_the_renstra_s() -> None:
    renja = plan()
    renja.rencana.rows[0].children[0].children = []
    renja.tc29.rows[0].indikator[0].target_renstra = parse_target("45 dok")
    found = renstra_findings(renja, renstra())
    assert [(f.rule, f.message) for f in found] == [
        ("R006", "T-C.29 2.15.02.2.01 (Pengendalian), indikator 'Jumlah dokumen pengendalian': "
                 "target akhir Renstra (4) '45 dok', Renstra '50 dok'")]
    assert Decimal(50) == renstra().rows[2].indikator[0].kondisi_akhir.value  # type: ignore[union-attr]
