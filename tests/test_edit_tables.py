import pytest

from renja.edit_tables import add_usulan, cells, remove_usulan, set_cell
from renja.errors import RenjaError
from renja.io.read import read_plan
from renja.rules import run_checks
from tests.io.text.test_example import EXAMPLE


@pytest.fixture
def renja():
    return read_plan(EXAMPLE).renja


def test_a_tc29_ratio_is_corrected_and_its_finding_goes(renja):
    index = next(i for i, r in enumerate(renja.tc29.rows)
                 if r.nama == "Pengadaan Peralatan dan Mesin Lainnya")
    assert ("indikator.0.tingkat_realisasi_n2", "0%") in cells(renja, "tc29", index)
    before = [f for f in run_checks(renja, only=["E001"]) if f.kode == "5.03.01.2.07.0006"]
    set_cell(renja, "tc29", index, "indikator.0.tingkat_realisasi_n2", "100%")
    after = [f for f in run_checks(renja, only=["E001"]) if f.kode == "5.03.01.2.07.0006"]
    assert (len(before), len(after)) == (1, 0)


def test_cells_are_read_by_their_type(renja):
    set_cell(renja, "tc31", 3, "kebutuhan.pagu", "9.100.000")
    set_cell(renja, "tc31", 3, "catatan", "Disesuaikan dengan pagu")
    set_cell(renja, "tujuan_sasaran", 0, "target_n", "70,07")
    assert renja.tc31.rows[3].kebutuhan.pagu == 9_100_000
    assert renja.tc31.rows[3].catatan == "Disesuaikan dengan pagu"
    assert str(renja.tujuan_sasaran.rows[0].target_n.value) == "70.07"


def test_a_bad_value_or_cell_is_refused_in_bahasa_indonesia(renja):
    with pytest.raises(RenjaError) as exc:
        set_cell(renja, "tc31", 3, "kebutuhan.pagu", "sembilan juta")
    assert exc.value.message("id") == "'sembilan juta' bukan angka"
    with pytest.raises(RenjaError) as exc:
        set_cell(renja, "tc31", 3, "provenance", "x")
    assert exc.value.message("id") == "baris 4 tc31 tidak memiliki kolom 'provenance'"


def test_proposals_are_added_and_removed(renja):
    add_usulan(renja, "Pelatihan kepemimpinan")
    set_cell(renja, "tc32", 0, "volume", "40 org")
    assert (renja.tc32.nihil, renja.tc32.rows[0].volume.text) == (False, "40 org")
    remove_usulan(renja, 0)
    assert renja.tc32.nihil is True


def test_a_proposal_is_linked_to_a_plan_row_or_refused_with_a_reason(renja):
    from renja.review import usulan_catatan

    add_usulan(renja, "Pelatihan kepemimpinan")
    set_cell(renja, "tc32", 0, "pengusul", "pokir")
    set_cell(renja, "tc32", 0, "diterima", "ya")
    set_cell(renja, "tc32", 0, "kode", "5.03.02.2.03.0002")
    assert usulan_catatan(renja.tc32.rows[0], renja).startswith("Diakomodir pada 5.03.02.2.03")
    with pytest.raises(RenjaError) as exc:
        set_cell(renja, "tc32", 0, "pengusul", "bupati")
    assert exc.value.message("id") == "'bupati' tidak dapat diisikan pada kolom 'pengusul'"
    with pytest.raises(RenjaError) as exc:
        set_cell(renja, "tc32", 0, "diterima", "mungkin")
    assert exc.value.message("id") == "'mungkin': jawab ya atau tidak"
