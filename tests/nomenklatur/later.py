"""A later version of the nomenclature made by hand from the 2021 list, the way a decree's
annex prints its changes: one of each kind (renamed, moved with the decree's old code, moved
found by name, merged, removed, added, a cross-cutting code renamed), and a plan of BKPSDM
written against the 2021 list that uses every changed code."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from renja.domain import Pemda, PerangkatDaerah, PlanNode, Renja
from renja.nomenklatur import Version, default_catalogue, load_catalogue
from renja.nomenklatur.annex import build_version, read_annex, write_version

LATER = Version("contoh-2025", "Contoh pemutakhiran (uji)", 2025, None)
UBAH = """LAMPIRAN II KEPUTUSAN MENTERI DALAM NEGERI (contoh untuk pengujian)
PERUBAHAN KLASIFIKASI, KODEFIKASI DAN NOMENKLATUR
KODE;NOMENKLATUR URUSAN/PROGRAM/KEGIATAN/SUB KEGIATAN;KODE LAMA
1;2;3
5.03.02.02.01.0002;Penyusunan Rencana Kebutuhan ASN;
5.03.02.2.01.0013;Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK;5.03.02.2.01.0003
5.03.02.2.01.0014;Pengelolaan Pemberhentian ASN;5.03.02.2.01.0005, 5.03.02.2.01.0006
5.03.02.2.02.0004;Evaluasi Pengadaan ASN dan Pengadaan ASN;
5.03.02.2.02.0005;Pengelolaan Talenta ASN;
X.XX.01.2.01.0001;Penyusunan Dokumen Perencanaan Perangkat Daerah (Renstra dan Renja);
"""
HAPUS = ["5.03.02.2.01.0007", "5.03.02.2.01.0004"]


def annex_files(folder: Path) -> tuple[Path, Path]:
    ubah = folder / "lampiran-ubah.csv"
    ubah.write_text(UBAH, encoding="utf-8")
    hapus = folder / "lampiran-hapus.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Daftar kode yang dihapus"])
    sheet.append(["No", "Kode", "Nomenklatur"])
    for i, kode in enumerate(HAPUS, start=1):
        sheet.append([i, kode, ""])
    book.save(hapus)
    return ubah, hapus


def later_catalogue(folder: Path):  # type: ignore[no-untyped-def]
    """The shipped catalogue with the later version added, written and read back."""
    ubah, hapus = annex_files(folder)
    shipped = default_catalogue()
    base = shipped.versions[-1]
    entries, report = build_version(LATER, shipped.version_entries(base.id),
                                    updates=read_annex(ubah),
                                    deletes=read_annex(hapus, need_name=False))
    write_version(folder / "katalog", shipped, LATER, entries)
    return load_catalogue(folder / "katalog"), report


def node(level: str, kode: str, nama: str, *children: PlanNode) -> PlanNode:
    return PlanNode(level=level, kode=kode, kode_asal=kode, nama=nama, pagu_n=1_000_000,
                    children=list(children))


def plan_2021() -> Renja:
    sub = [node("sub_kegiatan", f"5.03.02.2.01.{n}", nama) for n, nama in (
        ("0002", "Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan untuk Pelaksanaan "
                 "Pengadaan ASN"),
        ("0003", "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK"),
        ("0004", "Evaluasi Pengadaan ASN dan Pengadaan ASN"),
        ("0005", "Perumusan Bahan Kebijakan Pemberhentian ASN"),
        ("0006", "Koordinasi Pelaksanaan Administrasi Pemberhentian"),
        ("0007", "Evaluasi Pemberhentian ASN"))]
    renja = Renja(tahun=2025, pemda=Pemda(nama="Kabupaten Contoh"),
                  perangkat_daerah=PerangkatDaerah(nama="BKPSDM", bidang="5.03"),
                  nomenklatur_versi="kepmendagri-050-5889-2021")
    renja.rencana.rows = [node("bidang", "5.03", "KEPEGAWAIAN", node(
        "program", "5.03.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        node("kegiatan", "5.03.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja "
             "Perangkat Daerah", node("sub_kegiatan", "5.03.01.2.01.0001",
                                      "Penyusunan Dokumen Perencanaan Perangkat Daerah"))),
        node("program", "5.03.02", "PROGRAM KEPEGAWAIAN DAERAH",
             node("kegiatan", "5.03.02.2.01", "Pengadaan, Pemberhentian dan Informasi "
                  "Kepegawaian ASN", *sub),
             node("kegiatan", "5.03.02.2.02", "Mutasi dan Promosi ASN",
                  node("sub_kegiatan", "5.03.02.2.02.0001", "Pengelolaan Mutasi ASN"))))]
    return renja
