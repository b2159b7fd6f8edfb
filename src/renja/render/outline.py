"""The whole document as a sequence of blocks: front part, chapters, tables, findings annex."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from renja.domain import Renja
from renja.render.layout import HeaderCell, Row, TableLayout, layout
from renja.rules.finding import TABLE_LABELS, Finding

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
TABLE_AFTER = {"2.1": "tc29", "2.2": "tc30", "2.4": "tc31", "2.5": "tc32",
               "3.2": "tujuan_sasaran"}
CONTOH_LABEL = ("CONTOH, DATA SINTETIS: bukan Renja perangkat daerah yang sebenarnya "
                "(dibuat oleh renja demo-data)")
DEFAULT_CHAPTERS = (
    ("I", "PENDAHULUAN", ()),
    ("II", "HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU",
     (("2.1", "Evaluasi Pelaksanaan Renja Tahun Lalu dan Capaian Renstra"),
      ("2.2", "Analisis Kinerja Pelayanan Perangkat Daerah"),
      ("2.3", "Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah"),
      ("2.4", "Review terhadap Rancangan Awal RKPD"),
      ("2.5", "Penelaahan Usulan Program dan Kegiatan Masyarakat"))),
    ("III", "TUJUAN DAN SASARAN PERANGKAT DAERAH",
     (("3.1", "Telaahan terhadap Kebijakan Nasional"), ("3.2", "Tujuan dan Sasaran Renja"),
      ("3.3", "Program, Kegiatan dan Sub Kegiatan"))),
    ("IV", "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH", ()),
    ("V", "PENUTUP", ()),
)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0 document title, 1 chapter, 2 section


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["normal", "center", "bold_center", "item", "signature"] = "normal"


@dataclass(frozen=True)
class Table:
    layout: TableLayout


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Table | PageBreak


def date_text(value: object) -> str:
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"  # type: ignore[attr-defined]


def outline(renja: Renja, findings: Sequence[Finding] | None = None,
            front: bool = True) -> list[Block]:
    blocks: list[Block] = []
    if front and renja.dasar_hukum is not None:
        blocks.extend(_front(renja))
        blocks.append(PageBreak())
    blocks.extend(_cover(renja))
    blocks.extend(_chapters(renja))
    blocks.extend(_approval(renja))
    if findings is not None:
        blocks.append(PageBreak())
        blocks.extend(_findings(findings))
    return blocks


def _front(renja: Renja) -> Iterator[Block]:
    reg = renja.dasar_hukum
    assert reg is not None
    head = (reg.penandatangan.jabatan if reg.penandatangan and reg.penandatangan.jabatan
            else (reg.jenis or "").upper())
    yield Paragraph(head.upper(), "bold_center")
    if renja.pemda.provinsi:
        yield Paragraph(f"PROVINSI {renja.pemda.provinsi.upper()}", "bold_center")
    yield Paragraph(f"{(reg.jenis or 'PERATURAN').upper()} {_pemda_short(renja)}".strip(),
                    "bold_center")
    if reg.nomor or reg.tahun:
        yield Paragraph(f"NOMOR {reg.nomor or ''} TAHUN {reg.tahun or ''}", "bold_center")
    yield Paragraph("TENTANG", "bold_center")
    if reg.tentang:
        yield Paragraph(reg.tentang.upper(), "bold_center")
    yield Paragraph("DENGAN RAHMAT TUHAN YANG MAHA ESA", "bold_center")
    yield Paragraph(f"{head.upper()},", "bold_center")
    for title, items in (("Menimbang", reg.menimbang), ("Mengingat", reg.mengingat)):
        for i, item in enumerate(items):
            yield Paragraph(f"{title} : {item}" if i == 0 else item, "item")
    yield Paragraph("MEMUTUSKAN :", "bold_center")
    if reg.menetapkan:
        yield Paragraph(f"Menetapkan : {reg.menetapkan}")
    for pasal in reg.pasal:
        yield Paragraph(f"Pasal {pasal.nomor}", "bold_center")
        for line in pasal.teks.split("\n"):
            yield Paragraph(line)
    if reg.penutup:
        yield Paragraph(reg.penutup)
    yield from _signature("Ditetapkan di", reg.ditetapkan_di, reg.tanggal_ditetapkan,
                          reg.penandatangan)
    yield from _signature("Diundangkan di", reg.diundangkan_di, reg.tanggal_diundangkan,
                          reg.pengundang)
    if reg.berita_daerah:
        yield Paragraph(reg.berita_daerah, "bold_center")


def _pemda_short(renja: Renja) -> str:
    words = renja.pemda.nama.split()
    return " ".join(words[1:]).upper() if len(words) > 1 else renja.pemda.nama.upper()


def _signature(label: str, place: str | None, when: object, who: object) -> Iterator[Block]:
    if place is None and who is None:
        return
    lines = [f"{label} {place or ''}".strip(), f"pada tanggal {date_text(when)}".strip()]
    jabatan = getattr(who, "jabatan", None)
    nama = getattr(who, "nama", None)
    if jabatan:
        lines.append(f"{jabatan},")
    lines += ["ttd.", nama or ""]
    yield Paragraph("\n".join(lines), "signature")


def _approval(renja: Renja) -> Iterator[Block]:
    """The head of the agency's signature that closes a plan they approved:
    ``Pasuruan, 5 Agustus 2024 / KEPALA …, / ttd. / NAMA / pangkat / NIP. …``."""
    done = renja.persetujuan
    if done is None:
        return
    who = done.penandatangan
    lines = [", ".join(x for x in (done.tempat, date_text(done.tanggal)) if x)]
    if who.jabatan:
        lines.append(f"{who.jabatan},")
    lines += ["ttd.", who.nama or ""]
    if who.pangkat:
        lines.append(who.pangkat)
    if who.nip:
        lines.append(f"NIP. {who.nip}")
    yield Paragraph("\n".join(line for line in lines if line), "signature")


def _cover(renja: Renja) -> Iterator[Block]:
    reg = renja.dasar_hukum
    if reg is not None and reg.nomor:
        yield Paragraph(f"LAMPIRAN {(reg.jenis or '').upper()} {_pemda_short(renja)} NOMOR "
                        f"{reg.nomor} TAHUN {reg.tahun or ''}", "normal")
    yield Heading("RENCANA KERJA", 0)
    yield Heading(renja.perangkat_daerah.nama.upper(), 0)
    yield Heading(f"{renja.pemda.nama.upper()} TAHUN {renja.tahun}", 0)
    if renja.contoh:
        yield Paragraph(CONTOH_LABEL, "bold_center")


def _chapters(renja: Renja) -> Iterator[Block]:
    placed: set[str] = set()
    chapters = renja.bab or []
    if chapters:
        for bab in chapters:
            yield Heading(f"BAB {bab.nomor}", 1)
            yield Heading(bab.judul, 1)
            yield from _paragraphs(bab.teks)
            for bagian in bab.bagian:
                yield Heading(f"{bagian.nomor or ''} {bagian.judul}".strip(), 2)
                yield from _paragraphs(bagian.teks)
                key = TABLE_AFTER.get(bagian.nomor or "")
                if key and key not in placed:
                    placed.add(key)
                    yield Table(layout(renja, key))
            if bab.nomor == "IV" and "tc33" not in placed:
                placed.add("tc33")
                yield Table(layout(renja, "tc33"))
    else:
        for nomor, judul, sections in DEFAULT_CHAPTERS:
            yield Heading(f"BAB {nomor}", 1)
            yield Heading(judul, 1)
            for number, title in sections:
                yield Heading(f"{number} {title}", 2)
                yield from _lists(renja, number)
                key = TABLE_AFTER.get(number)
                if key:
                    placed.add(key)
                    yield Table(layout(renja, key))
            if nomor == "IV":
                placed.add("tc33")
                yield Table(layout(renja, "tc33"))
    for key in ("tc29", "tc30", "tc31", "tc32", "tujuan_sasaran", "tc33"):
        if key not in placed:
            yield Table(layout(renja, key))


def _lists(renja: Renja, section: str) -> Iterator[Block]:
    """The lists a plan keeps as data, printed in their section when the plan has no chapter
    text of its own (a plan made in the web app): isu penting (2.3), kebijakan (3.1), the
    program/kegiatan/sub kegiatan list (3.3)."""
    if section == "2.3":
        yield from (Paragraph(f"{i}. {text}", "item")
                    for i, text in enumerate(renja.isu_penting, start=1))
    elif section == "3.1":
        yield from (Paragraph(f"{i}. {text}", "item")
                    for i, text in enumerate(renja.kebijakan, start=1))
    elif section == "3.3":
        yield from (Paragraph(f"{item.nomor}. {item.nama}" if item.nomor else item.nama, "item")
                    for item in renja.daftar_program.rows)


def _paragraphs(text: str) -> Iterator[Block]:
    for paragraph in (text or "").split("\n\n"):
        if paragraph.strip():
            yield Paragraph(paragraph.strip())


def _findings(findings: Sequence[Finding]) -> Iterator[Block]:
    yield Heading("LAMPIRAN: HASIL PEMERIKSAAN", 1)
    header = [[HeaderCell("No"), HeaderCell("Aturan"), HeaderCell("Tingkat"),
               HeaderCell("Tabel"), HeaderCell("Kode"), HeaderCell("Baris"),
               HeaderCell("Temuan")]]
    severity = {"error": "galat", "warning": "peringatan", "info": "info"}
    rows = [Row([str(i), f.rule, severity[f.severity], TABLE_LABELS.get(f.table, f.table),
                 f.kode or "", str(f.source.line) if f.source and f.source.line else "",
                 f.message]) for i, f in enumerate(findings, start=1)]
    if not rows:
        rows = [Row(["", "", "", "", "", "", "Tidak ada temuan."])]
    yield Table(TableLayout("findings", "Temuan", "Hasil pemeriksaan renja check", header,
                            [f"({i})" for i in range(1, 8)], rows, [3, 5, 7, 7, 11, 5, 62]))
