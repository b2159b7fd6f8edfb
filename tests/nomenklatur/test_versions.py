"""A new nomenclature version from a decree's annex (update and delete lists, CSV and XLSX),
its change report with every kind of change, the catalogue written and read back with the
years each version is in force, and a plan of the 2021 list moved to it row by row."""

from __future__ import annotations

import pytest

from renja.errors import RenjaError
from renja.nomenklatur.annex import read_annex
from renja.nomenklatur.migrate import accept, propose
from tests.nomenklatur.later import LATER, later_catalogue, plan_2021


def test_the_report_names_every_kind_of_change(tmp_path):
    _, report = later_catalogue(tmp_path)
    changed = [(c.kind, c.kode_lama, c.kode_baru) for c in report.changes if c.kind != "tetap"]
    assert changed == [
        ("ganti_nama", "X.XX.01.2.01.0001", "X.XX.01.2.01.0001"),
        ("ganti_nama", "5.03.02.2.01.0002", "5.03.02.2.01.0002"),
        ("pindah", "5.03.02.2.01.0003", "5.03.02.2.01.0013"),
        ("pindah", "5.03.02.2.01.0004", "5.03.02.2.02.0004"),
        ("gabung", "5.03.02.2.01.0005", "5.03.02.2.01.0014"),
        ("gabung", "5.03.02.2.01.0006", "5.03.02.2.01.0014"),
        ("hapus", "5.03.02.2.01.0007", None),
        ("baru", None, "5.03.02.2.02.0005"),
    ]
    assert report.counts() == {"tetap": 2600, "ganti_nama": 2, "pindah": 2, "gabung": 2,
                               "hapus": 1, "baru": 1}
    removed = report.of("hapus")[0]
    assert removed.kandidat[0].kode == "5.03.02.2.01.0014"  # Pengelolaan Pemberhentian ASN


def test_the_catalogue_holds_both_versions_each_for_its_years(tmp_path):
    catalogue, _ = later_catalogue(tmp_path)
    assert [(v.id, v.berlaku_mulai, v.berlaku_sampai) for v in catalogue.versions] == [
        ("kepmendagri-050-5889-2021", 2022, 2023), ("contoh-2025", 2025, None)]
    assert catalogue.get("5.03.02.2.01.0013", 2025).nama == \
        "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK"
    assert catalogue.get("5.03.02.2.01.0013", 2023) is None
    assert catalogue.get("5.03.02.2.01.0003", 2025) is None


def test_a_plan_of_the_2021_list_is_moved_row_by_row(tmp_path):
    catalogue, _ = later_catalogue(tmp_path)
    renja = plan_2021()
    proposals = {p.kode_lama: p for p in propose(renja, LATER.id, catalogue)}
    assert {k: (p.jenis, p.kode_baru) for k, p in proposals.items()} == {
        "5.03.01": ("tetap", "5.03.01"), "5.03.01.2.01": ("tetap", "5.03.01.2.01"),
        "5.03.01.2.01.0001": ("ganti_nama", "5.03.01.2.01.0001"),
        "5.03.02": ("tetap", "5.03.02"), "5.03.02.2.01": ("tetap", "5.03.02.2.01"),
        "5.03.02.2.01.0002": ("ganti_nama", "5.03.02.2.01.0002"),
        "5.03.02.2.01.0003": ("pindah", "5.03.02.2.01.0013"),
        "5.03.02.2.01.0004": ("pindah", "5.03.02.2.02.0004"),
        "5.03.02.2.01.0005": ("gabung", "5.03.02.2.01.0014"),
        "5.03.02.2.01.0006": ("gabung", "5.03.02.2.01.0014"),
        "5.03.02.2.01.0007": ("hapus", None),
        "5.03.02.2.02": ("tetap", "5.03.02.2.02"),
        "5.03.02.2.02.0001": ("tetap", "5.03.02.2.02.0001")}
    assert proposals["5.03.01.2.01.0001"].nama_baru == \
        "Penyusunan Dokumen Perencanaan Perangkat Daerah (Renstra dan Renja)"
    assert proposals["5.03.02.2.01.0007"].kandidat[0] == ("5.03.02.2.01.0014",
                                                           "Pengelolaan Pemberhentian ASN")
    before = renja.model_dump()
    assert renja.model_dump() == before  # proposing changes nothing
    for kode in ("5.03.01.2.01.0001", "5.03.02.2.01.0002", "5.03.02.2.01.0003",
                 "5.03.02.2.01.0004", "5.03.02.2.01.0005", "5.03.02.2.01.0006"):
        assert accept(renja, proposals[kode], catalogue=catalogue, target=LATER.id) == \
            (kode, proposals[kode].kode_baru)
    assert renja.nomenklatur_versi == "kepmendagri-050-5889-2021"  # one row still open
    with pytest.raises(RenjaError) as refused:
        accept(renja, proposals["5.03.02.2.01.0007"], catalogue=catalogue, target=LATER.id)
    assert refused.value.id == "5.03.02.2.01.0007: pilih kode baru untuknya"
    accept(renja, proposals["5.03.02.2.01.0007"], "5.03.02.2.01.0014", catalogue=catalogue,
           target=LATER.id)
    assert renja.nomenklatur_versi == LATER.id
    codes = [n.kode for n in renja.rencana.walk() if n.level == "sub_kegiatan"]
    assert codes == ["5.03.01.2.01.0001", "5.03.02.2.01.0002", "5.03.02.2.01.0013",
                     "5.03.02.2.02.0004", "5.03.02.2.01.0014", "5.03.02.2.01.0014",
                     "5.03.02.2.01.0014", "5.03.02.2.02.0001"]
    assert all(not p.needs_review for p in propose(renja, LATER.id, catalogue))


def test_a_stale_proposal_is_refused(tmp_path):
    catalogue, _ = later_catalogue(tmp_path)
    renja = plan_2021()
    proposal = next(p for p in propose(renja, LATER.id, catalogue)
                    if p.kode_lama == "5.03.02.2.01.0003")
    renja.rencana.rows[0].children[1].children[0].children[1].kode = "5.03.02.2.01.0009"
    with pytest.raises(RenjaError) as refused:
        accept(renja, proposal, catalogue=catalogue)
    assert refused.value.id == f"baris {proposal.path} bukan lagi 5.03.02.2.01.0003; muat ulang"


def test_an_annex_row_with_a_bad_code_is_refused_with_its_row(tmp_path):
    path = tmp_path / "ubah.csv"
    path.write_text("Kode,Nomenklatur\n5.03.02.2.01.0013,Baru\n5.03.2x,Rusak\n")
    with pytest.raises(RenjaError) as refused:
        read_annex(path)
    assert refused.value.id.startswith("ubah.csv: baris 3: '5.03.2x' bukan kode yang sah")


def test_an_annex_without_a_code_column_is_refused(tmp_path):
    path = tmp_path / "ubah.csv"
    path.write_text("Nomor,Nama\n1,Apa\n")
    with pytest.raises(RenjaError) as refused:
        read_annex(path)
    assert refused.value.id == ("ubah.csv: tidak ada baris judul dengan kolom 'kode' pada 15 "
                                "baris pertama")


def test_candidates_for_an_unknown_cross_cutting_code_are_in_the_agencys_bidang(tmp_path):
    catalogue, _ = later_catalogue(tmp_path)
    renja = plan_2021()
    row = renja.rencana.rows[0].children[0].children[0].children[0]
    row.kode, row.nama = "5.03.01.2.04.0010", "Sosialisasi Peraturan Perundang-Undangan"
    proposal = next(p for p in propose(renja, LATER.id, catalogue)
                    if p.kode_lama == "5.03.01.2.04.0010")
    assert proposal.jenis == "tidak_dikenal"
    assert proposal.kandidat[0] == ("5.03.01.2.05.0010",
                                    "Sosialisasi Peraturan Perundang-Undangan")


def test_an_accepted_move_renames_the_row_in_every_table_that_names_it(tmp_path):
    from renja.domain import DaftarItem, Tc29Row, Tc31Row, Tc31Side

    catalogue, _ = later_catalogue(tmp_path)
    renja = plan_2021()
    old = ("Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan untuk Pelaksanaan Pengadaan "
           "ASN")
    new = "Penyusunan Rencana Kebutuhan ASN"
    renja.tc29.rows.append(Tc29Row(level="sub_kegiatan", kode="5.03.02.2.01.0002", nama=old))
    renja.tc31.rows.append(Tc31Row(kode="5.03.02.2.01.0002", ranwal=Tc31Side(nama=old),
                                   kebutuhan=Tc31Side(nama="Rencana kebutuhan ASN 2025")))
    renja.daftar_program.rows.append(DaftarItem(level="sub_kegiatan", nama=old))
    proposal = next(p for p in propose(renja, LATER.id, catalogue)
                    if p.kode_lama == "5.03.02.2.01.0002")
    accept(renja, proposal, catalogue=catalogue)
    assert (renja.tc29.rows[0].kode, renja.tc29.rows[0].nama) == ("5.03.02.2.01.0002", new)
    assert renja.tc31.rows[0].ranwal.nama == new
    assert renja.tc31.rows[0].kebutuhan.nama == "Rencana kebutuhan ASN 2025"  # its own words
    assert renja.daftar_program.rows[0].nama == new
