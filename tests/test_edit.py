import pytest

from renja.edit import (
    add_indicator,
    add_row,
    node_at,
    paths,
    remove_row,
    set_polaritas,
    set_section_text,
    set_value,
)
from renja.errors import RenjaError
from renja.io.read import read_plan
from renja.numbers import format_rupiah
from tests.io.text.test_example import EXAMPLE


def test_a_leaf_pagu_rolls_up_to_every_parent_and_the_total():
    renja = read_plan(EXAMPLE).renja
    set_value(renja, "0.0.0.0", "belanja_barang_jasa_n", "10.058.600")
    assert node_at(renja, "0.0.0.0").pagu_n == 10_058_600
    assert node_at(renja, "0.0.0").pagu_n == 23_382_600
    assert node_at(renja, "0.0").pagu_n == 11_344_868_330
    assert renja.rencana.total.pagu_n == 22_146_310_718
    assert renja.rencana.total.belanja_n.barang_jasa == 13_226_070_848


def test_a_parent_pagu_cannot_be_typed_over_its_children():
    renja = read_plan(EXAMPLE).renja
    with pytest.raises(RenjaError) as exc:
        set_value(renja, "0.0", "pagu_n", "1.000")
    assert exc.value.message("id") == ("pagu baris ini adalah jumlah baris di bawahnya; ubah "
                                       "pagu sub kegiatannya")


def test_a_derived_pagu_typed_as_it_is_changes_nothing_and_another_value_is_refused():
    renja = read_plan(EXAMPLE).renja
    row = next(p for p, n, _ in paths(renja) if not n.children and not n.belanja_n.is_empty())
    pagu = node_at(renja, row).pagu_n
    set_value(renja, row, "pagu_n", format_rupiah(pagu))
    assert node_at(renja, row).pagu_n == pagu
    with pytest.raises(RenjaError) as exc:
        set_value(renja, row, "pagu_n", "1.000")
    assert exc.value.message("id") == ("pagu baris ini adalah jumlah rincian belanjanya; ubah "
                                       "rincian belanja")


def test_rows_are_added_from_the_nomenclature_under_their_parent():
    renja = read_plan(EXAMPLE).renja
    kegiatan = next(p for p, n, _ in paths(renja) if n.kode == "5.03.02.2.01")
    path = add_row(renja, kegiatan, "5.03.02.2.01.0001", "Perumusan Bahan Kebijakan Pengadaan ASN")
    assert path == f"{kegiatan}.0"
    assert node_at(renja, path).kode == "5.03.02.2.01.0001"
    with pytest.raises(RenjaError) as exc:
        add_row(renja, kegiatan, "5030220102", "Penyusunan Rencana Kebutuhan")
    assert exc.value.message("id") == "5.03.02.2.01.0002 sudah ada dalam Renja"
    with pytest.raises(RenjaError) as exc:
        add_row(renja, kegiatan, "5.03.02.2.03.0002", "Pengelolaan Assessment Center")
    assert exc.value.message("id") == (
        "5.03.02.2.03.0002 tidak dapat ditempatkan di bawah 5.03.02.2.01")


def test_rows_can_be_removed_and_the_sums_follow():
    renja = read_plan(EXAMPLE).renja
    before = renja.rencana.total.pagu_n
    removed = node_at(renja, "0.0.0.0").pagu_n
    remove_row(renja, "0.0.0.0")
    assert renja.rencana.total.pagu_n == before - removed


def test_indicators_polarity_and_texts_are_edited():
    renja = read_plan(EXAMPLE).renja
    add_indicator(renja, "0.0.0.0", "Persentase dokumen tepat waktu")
    set_polaritas(renja, "0.0.0.0", 1, "negatif")
    assert node_at(renja, "0.0.0.0").indikator[1].polaritas == "negatif"
    set_section_text(renja, "II", "2.3", "Isu satu.\r\n\r\n\r\nIsu dua.")
    assert renja.bab[1].bagian[2].teks == "Isu satu.\n\nIsu dua."
    with pytest.raises(RenjaError) as exc:
        set_section_text(renja, "II", "2.9", "x")
    assert exc.value.message("id") == "bagian 2.9 tidak ada"
