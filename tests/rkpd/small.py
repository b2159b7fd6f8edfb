"""Hand-made plans of a small pemda, each value chosen so that sums can be told apart."""

from __future__ import annotations

from renja.domain import Indikator, Pemda, PerangkatDaerah, PlanNode, Renja, parse_target
from renja.rkpd.model import Unit


def sub(kode: str, nama: str, pagu: int, sumber: str | None = None) -> PlanNode:
    return PlanNode(level="sub_kegiatan", kode=kode, nama=nama, pagu_n=pagu,
                    pagu_n1=pagu * 2, sumber_dana=sumber, lokasi="Kab. Contoh",
                    indikator=[Indikator(nama=f"Jumlah {nama}", target_n=parse_target("3 dok"),
                                         target_n1=parse_target("4 dok"))])


def branch(program: str, nama: str, kegiatan: str, subs: list[PlanNode],
           target: str = "80%", sumber: str | None = "APBD") -> PlanNode:
    total = sum(s.pagu_n or 0 for s in subs)
    k = PlanNode(level="kegiatan", kode=kegiatan, nama=f"Kegiatan {kegiatan}", pagu_n=total,
                 pagu_n1=total * 2, children=subs)
    return PlanNode(level="program", kode=program, nama=nama, pagu_n=total, pagu_n1=total * 2,
                    sumber_dana=sumber, children=[k],
                    indikator=[Indikator(nama="Persentase layanan tuntas",
                                         target_n=parse_target(target))])


def plan(nama: str, singkatan: str, bidang: str, programs: list[PlanNode],
         tahun: int = 2025) -> Renja:
    renja = Renja(tahun=tahun, pemda=Pemda(nama="Kabupaten Contoh"),
                  perangkat_daerah=PerangkatDaerah(nama=nama, singkatan=singkatan,
                                                   bidang=bidang))
    renja.rencana.rows = [PlanNode(level="bidang", kode=bidang, nama=bidang,
                                   children=programs)]
    return renja


def dinkes() -> Unit:
    return Unit("Dinas Kesehatan", "DINKES", ("1.02",), plan("Dinas Kesehatan", "DINKES", "1.02", [
        branch("1.02.01", "PROGRAM PENUNJANG", "1.02.01.2.01", [
            sub("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan", 10_000_000, "DAU")]),
        branch("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "1.02.02.2.01", [
            sub("1.02.02.2.01.0001", "Pembangunan Rumah Sakit", 700_000_000, "DAK Fisik"),
            sub("1.02.02.2.01.0002", "Pembangunan Puskesmas", 300_000_000)]),
    ]))


def rsud() -> Unit:
    return Unit("RSUD Bangil", "RSUD", ("1.02",), plan("RSUD Bangil", "RSUD", "1.02", [
        branch("1.02.01", "PROGRAM PENUNJANG", "1.02.01.2.01", [
            sub("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan", 2_000_000)]),
        branch("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "1.02.02.2.01", [
            sub("1.02.02.2.01.0003", "Rehabilitasi Rumah Sakit", 40_000_000)]),
    ]))


def kecamatan(nama: str, pagu: int) -> Unit:
    return Unit(nama, None, ("7.01",), plan(nama, "", "7.01", [
        branch("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN KECAMATAN", "7.01.02.2.01", [
            sub("7.01.02.2.01.0001", "Koordinasi Kecamatan", pagu)])]))
