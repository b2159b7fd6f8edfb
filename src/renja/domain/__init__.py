"""The Renja as plain data: pydantic models with no I/O and no framework."""

from renja.domain.plan import (
    Agregasi,
    Belanja,
    Indikator,
    Jumlah,
    KolomTahun,
    PlanNode,
    Polaritas,
    Rencana,
)
from renja.domain.provenance import Source, Traced
from renja.domain.renja import (
    FORMAT,
    TAHAPAN,
    Bab,
    Bagian,
    Pasal,
    Pemda,
    Penandatangan,
    Persetujuan,
    PerangkatDaerah,
    Peraturan,
    Renja,
    Tahapan,
)
from renja.domain.tables import (
    DaftarItem,
    DaftarProgram,
    IndikatorTarget,
    NilaiTahun,
    Tc29,
    Tc29Indikator,
    Tc29Row,
    Tc30,
    Tc30Row,
    Tc31,
    Tc31Row,
    Tc31Side,
    Tc32,
    TujuanSasaran,
    TujuanSasaranRow,
    Usulan,
)
from renja.domain.target import Target, format_target, parse_target

__all__ = [
    "FORMAT", "TAHAPAN", "Agregasi", "Bab", "Bagian", "Belanja", "DaftarItem", "DaftarProgram",
    "Indikator", "IndikatorTarget", "Jumlah", "KolomTahun", "NilaiTahun", "Pasal", "Pemda",
    "Penandatangan", "PerangkatDaerah", "Persetujuan", "Peraturan", "PlanNode", "Polaritas", "Rencana", "Renja",
    "Source", "Tahapan", "Target", "Tc29", "Tc29Indikator", "Tc29Row", "Tc30", "Tc30Row", "Tc31",
    "Tc31Row", "Tc31Side", "Tc32", "Traced", "TujuanSasaran", "TujuanSasaranRow", "Usulan",
    "format_target", "parse_target",
]
