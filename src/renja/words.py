"""The words people read for the codes renja keeps: stages, statuses, audit actions, columns.

Bahasa Indonesia, as planning staff say them ("Forum Perangkat Daerah", not ``forum_pd``).
"""

from __future__ import annotations

STAGES = {"persiapan": "Persiapan", "rancangan_awal": "Rancangan awal", "rancangan": "Rancangan",
          "forum_pd": "Forum Perangkat Daerah", "rancangan_akhir": "Rancangan akhir",
          "penetapan": "Penetapan", "perubahan": "Perubahan"}
STATUSES = {"draf": "Draf", "menunggu_kepala": "Menunggu persetujuan Kepala OPD",
            "diajukan": "Diajukan ke Bappeda", "dikembalikan": "Dikembalikan",
            "diterima": "Diterima", "ditetapkan": "Ditetapkan"}
QUARTER_STATUSES = {"draf": "Draf", "diajukan": "Diajukan ke Bappeda",
                    "dikembalikan": "Dikembalikan", "diterima": "Diterima"}
AUDIT = {
    "renja.nilai.ubah": "Nilai diubah",
    "renja.renja.propose": "Diajukan ke Kepala OPD",
    "renja.renja.decline": "Dikembalikan Kepala OPD",
    "renja.renja.submit": "Disetujui Kepala OPD dan diajukan ke Bappeda",
    "renja.renja.return": "Dikembalikan", "renja.renja.accept": "Diterima",
    "renja.renja.set": "Ditetapkan", "renja.renja.perubahan": "Perubahan dibuka",
    "renja.renja.impor": "Diimpor", "renja.renja.buka": "Renja tahun baru dibuka",
    "renja.catatan.tambah": "Catatan verifikasi ditambahkan",
    "renja.realisasi.ubah": "Realisasi diisi",
    "renja.realisasi.ajukan": "Laporan triwulan diajukan",
    "renja.realisasi.kembalikan": "Laporan triwulan dikembalikan",
    "renja.realisasi.terima": "Laporan triwulan diterima",
    "renja.catatan.balas": "Catatan dibalas", "renja.catatan.selesai": "Catatan diselesaikan",
    "pemda.perangkat_daerah.tambah": "Perangkat daerah ditambahkan",
    "pemda.pagu.ubah": "Pagu indikatif diubah", "pemda.pengguna.tambah": "Pengguna dibuat",
    "pemda.pengguna.sandi": "Kata sandi diatur ulang",
    "pemda.ranwal.muat": "Ranwal RKPD dimuat", "pemda.jadwal.ubah": "Jadwal tahapan diubah",
    "pemda.predikat.ubah": "Skala predikat diubah",
    "pemda.pagu_rkpd.ubah": "Total pagu RKPD diubah",
    "pemda.perangkat_daerah.mandat": "Bidang urusan perangkat daerah diubah",
    "renja.nomenklatur.pindah": "Kode dipindahkan ke nomenklatur baru",
}
VIA = {"ui": "lewat aplikasi", "api": "lewat API", "import": "lewat impor",
       "cli": "lewat baris perintah"}
FIELDS = {"lokasi": "Lokasi", "sumber_dana": "Sumber dana", "catatan": "Catatan",
          "indikator": "Indikator", "nama": "Nama", "status": "Tahapan/status",
          "revisi": "Revisi", "kode": "Kode", "row": "Baris", "satuan": "Satuan",
          "polaritas": "Polaritas"}
BELANJA = {"operasi": "Belanja operasi", "pegawai": "Belanja pegawai",
           "barang_jasa": "Belanja barang dan jasa", "modal": "Belanja modal",
           "bunga": "Belanja bunga", "subsidi": "Belanja subsidi", "hibah": "Belanja hibah",
           "bantuan_sosial": "Belanja bantuan sosial", "tidak_terduga": "Belanja tidak terduga",
           "transfer": "Belanja transfer"}


ROW_FIELDS = ("nama", "indikator", "lokasi", "target_n", "pagu_n", "sumber_dana", "catatan",
              "target_n1", "pagu_n1", "belanja_operasi_n", "belanja_modal_n")
"""The columns of a T-C.33 row a verifier can comment on."""


def row_fields(tahun: int) -> list[tuple[str, str]]:
    """(field, column title) of a T-C.33 row, for the verifier's choice."""
    return [(name, field_title(name, tahun)) for name in ROW_FIELDS]


PERIODS = {f"triwulan_{q}": f"Pengisian realisasi triwulan {r}"
           for q, r in enumerate(("I", "II", "III", "IV"), start=1)}
"""Scheduled periods that are not stages of the plan: the quarters' reporting."""


def stage(code: str | None) -> str:
    return STAGES.get(code or "", PERIODS.get(code or "", code or ""))


def status(code: str | None) -> str:
    return STATUSES.get(code or "", code or "")


def quarter_status(code: str | None) -> str:
    return QUARTER_STATUSES.get(code or "", code or "")


def audit_action(code: str | None) -> str:
    return AUDIT.get(code or "", code or "")


def via(code: str | None) -> str:
    return VIA.get(code or "", code or "")


def field_title(field: str | None, tahun: int | None = None) -> str:
    """``pagu_n`` → ``Pagu 2024``, ``belanja_modal_n1`` → ``Belanja modal 2025``,
    ``indikator 1 target_n`` → ``Indikator 1: target 2024``."""
    if not field:
        return ""
    if field.startswith("indikator ") and len(field.split()) == 3:
        _, number, rest = field.split()
        return f"Indikator {number}: {field_title(rest, tahun).lower()}"
    base, year = _year(field, tahun)
    if base.startswith("belanja_") and base.removeprefix("belanja_") in BELANJA:
        label = BELANJA[base.removeprefix("belanja_")]
    else:
        label = {"pagu": "Pagu", "target": "Target", "belanja": "Rincian belanja"}.get(
            base, FIELDS.get(base, base.replace("_", " ")))
    return f"{label} {year}" if year else label


def _year(field: str, tahun: int | None) -> tuple[str, str]:
    for suffix, offset in (("_n1", 1), ("_n", 0)):
        if field.endswith(suffix):
            base = field.removesuffix(suffix)
            return base, str(tahun + offset) if tahun else ("n+1" if offset else "n")
    return field, ""


CELLS = {"nama": "Nama", "indikator": "Indikator", "target_renstra": "(4) Target Renstra",
         "realisasi_sd_n3": "(5) Realisasi s/d n-3", "target_n2": "(6) Target n-2",
         "realisasi_n2": "(7) Realisasi n-2", "tingkat_realisasi_n2": "(8) Tingkat realisasi",
         "target_n1": "(9) Target n-1", "realisasi_sd_n1": "(10) Realisasi s/d n-1",
         "capaian_renstra": "(11) Capaian Renstra", "catatan": "Catatan", "pagu": "Pagu",
         "target": "Target", "lokasi": "Lokasi", "uraian": "Tujuan/sasaran",
         "proyeksi_n1": "Proyeksi n-1", "target_n": "Target n", "nilai": "Nilai",
         "program_kegiatan": "Program/kegiatan", "volume": "Besaran/volume", "nomor": "No",
         "spm": "SPM", "ikk": "IKK"}


def cell_title(path: str) -> str:
    """A cell of T-C.29 … Tabel 3.2 by its path in words: ``indikator.0.realisasi_n2`` →
    ``(7) Realisasi n-2 #1``."""
    parts = path.split(".")
    label = CELLS.get(parts[-1], parts[-1])
    if len(parts) > 1 and parts[-1] == "nama" and parts[-3:-2] == ["indikator"]:
        label = "Indikator"  # an indicator's name, not the row's
    numbers = [str(int(p) + 1) for p in parts if p.isdigit()]
    prefix = "kebutuhan: " if parts[0] == "kebutuhan" else ""
    if parts[0] in ("target_renstra", "realisasi", "proyeksi"):
        prefix = parts[0].replace("_", " ") + " "
    return prefix + label + (f" #{numbers[0]}" if numbers else "")
