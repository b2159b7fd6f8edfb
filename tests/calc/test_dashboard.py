"""The dashboard's figures: absorption per quarter against the pagu spread over the year,
capaian per program against the Renja targets, the indicators behind the quarter's share of
their target, and the pemda's predikat distribution."""

from __future__ import annotations

from decimal import Decimal

from renja.calc.dashboard import BELUM_DINILAI, agency, predikat_counts
from renja.calc.e81 import evaluate
from tests.calc.test_e81 import plan, reported

D = Decimal


def test_absorption_is_cumulative_up_to_the_quarter_against_the_pagu_spread_evenly() -> None:
    dash = agency(evaluate(plan(), reported(), 2, dasar="renja"))
    assert [(s.triwulan, s.rencana, s.realisasi) for s in dash.serapan] == [
        (1, 37_500_000, 30_000_000), (2, 75_000_000, 65_000_000),
        (3, 112_500_000, None), (4, 150_000_000, None)]
    assert dash.serapan[1].persen is not None
    assert round(dash.serapan[1].persen, 4) == D("43.3333")
    assert (dash.pagu, dash.anggaran) == (150_000_000, 65_000_000)


def test_a_program_s_capaian_is_the_mean_of_its_branch_s_indicators_against_renja_targets(
) -> None:
    dash = agency(evaluate(plan(), reported(), 2))
    [program] = dash.program
    # 70/80 = 87,5; 5/10 = 50; 6/12 = 50; lower is better 5/6 = 83,33…
    assert program.capaian is not None
    assert round(program.capaian, 4) == D("67.7083")
    assert program.predikat == "Sedang"
    assert (program.pagu, program.anggaran) == (150_000_000, 65_000_000)
    assert dash.rata_rata_capaian == program.capaian


def test_indicators_behind_are_judged_against_the_quarter_s_share_of_a_cumulative_target(
) -> None:
    dash = agency(evaluate(plan(), reported(), 2))
    # Dokumen 5 of 10 and laporan 6 of 12 are on track at mid-year (due 5 and 6); the level
    # indicators are judged on their whole target, the disiplin one lower-is-better.
    assert [(t.kode, t.seharusnya, t.realisasi, round(t.capaian, 2)) for t in dash.tertinggal] == [
        ("2.15.02.2.01.0002", D(5), D(6), D("83.33")),
        ("2.15.02", D(80), D(70), D("87.50"))]


def test_a_quarter_not_reported_leaves_absorption_and_capaian_empty() -> None:
    renja = plan()
    empty = reported().model_copy(update={"indikator": [], "anggaran": []})
    dash = agency(evaluate(renja, empty, 1))
    assert [s.realisasi for s in dash.serapan] == [None, None, None, None]
    assert (dash.rata_rata_capaian, dash.predikat, dash.tertinggal) == (None, None, ())
    assert dash.program[0].capaian is None


def test_the_predikat_distribution_counts_agencies_not_yet_judged_separately() -> None:
    judged = agency(evaluate(plan(), reported(), 2))
    order = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
    assert predikat_counts([judged, judged, None], order) == {
        "Sangat Tinggi": 0, "Tinggi": 0, "Sedang": 2, "Rendah": 0, "Sangat Rendah": 0,
        BELUM_DINILAI: 1}


def test_a_quarter_without_money_reported_is_not_shown_as_last_quarter_s_sum() -> None:
    realisasi = reported()
    for line in realisasi.anggaran:
        line.triwulan[1] = None
    dash = agency(evaluate(plan(), realisasi, 3))
    assert [s.realisasi for s in dash.serapan] == [30_000_000, None, 67_000_000, None]
