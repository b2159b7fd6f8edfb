"""Read a Renja from text extracted from its PDF (tables as tab-separated lines)."""

from __future__ import annotations

import re
from pathlib import Path

from renja.codes import parse_kode
from renja.domain import Pemda, PerangkatDaerah, Renja, Source
from renja.errors import FormatError
from renja.io.polarity import apply_stated_polarity
from renja.io.report import ImportResult, Report
from renja.io.tables.assemble import TableSet
from renja.io.text.approval import read_approval
from renja.io.text.blocks import Line, Segment, build_block, segments
from renja.io.text.chapters import (
    daftar_items,
    find_section,
    is_chapter,
    numbered_items,
    read_chapters,
)
from renja.io.text.front import read_front, read_title
from renja.text import title_case

MAX_BYTES = 3 * 1024 * 1024  # the text of a large Renja is well under 1 MB
YEARS = (2000, 2100)  # what the model accepts (renja.domain.Renja.tahun)
CONTOH = "CONTOH, DATA SINTETIS"
_CAPTION_START = re.compile(r"^Tabel\b", re.IGNORECASE)
_AGENCY_NOTE = re.compile(r"^Nama\s+(?:Perangkat Daerah|OPD|SKPD)\s*:\s*(.+)$", re.IGNORECASE)


def read_bounded(path: Path, limit: int, kind_en: str, kind_id: str) -> bytes:
    """A file's bytes, refused in one line when larger than a Renja can be (``limit``)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise FormatError(
                f"{path.name}: {size // 1024} KB of {kind_en} is more than a Renja "
                f"(at most {limit // 1024} KB)",
                f"{path.name}: {kind_id} {size // 1024} KB lebih besar dari sebuah "
                f"Renja (paling besar {limit // 1024} KB)")
        return path.read_bytes()
    except OSError as exc:
        raise FormatError(f"{path.name}: cannot be read ({exc.strerror})",
                          f"{path.name}: tidak dapat dibaca ({exc.strerror})") from exc


def read_text(path: str | Path) -> ImportResult:
    path = Path(path)
    text, unreadable = decode_text(read_bounded(path, MAX_BYTES, "text", "teks"))
    result = parse_text(text, path.name)
    if unreadable:
        result.report.add(Source(file=path.name), f"{unreadable} byte(s) are neither UTF-8 nor "
                          f"Windows-1252 and were replaced by �",
                          f"{unreadable} bita bukan UTF-8 maupun Windows-1252 dan diganti �",
                          "warning")
    return result


def decode_text(data: bytes) -> tuple[str, int]:
    """The text of a file saved as UTF-8 or Windows-1252, and how many bytes were neither.

    A byte that fits neither is replaced by U+FFFD rather than refusing the whole document;
    of the two readings, the one that replaces fewer is taken (a UTF-8 file with one stray byte
    stays UTF-8)."""
    try:
        return data.decode("utf-8-sig"), 0
    except UnicodeDecodeError:
        pass
    readings = [data.decode(encoding, errors="replace") for encoding in ("utf-8-sig", "cp1252")]
    text = min(readings, key=lambda t: t.count("\ufffd"))
    return text, text.count("\ufffd")


def parse_text(text: str, name: str) -> ImportResult:
    lines = [Line(i + 1, t) for i, t in enumerate(text.splitlines())]
    report = Report()
    segs = segments(lines)
    if not any(s.kind == "table" for s in segs) and not any(is_chapter(x.text) for x in lines):
        raise FormatError(
            f"{name}: not a Renja: no chapter (BAB I …) and no table (tab-separated lines) found",
            f"{name}: bukan Renja: tidak ada bab (BAB I …) maupun tabel (baris dipisah tab)")
    placed: set[int] = set()
    tables = TableSet(report, name)
    singkatan = _read_tables(segs, name, tables, placed)
    prose = [line for s in segs if s.kind == "prose" for line in s.lines
             if line.number not in placed]
    first_bab = next((i for i, x in enumerate(prose) if is_chapter(x.text)), len(prose))
    front = read_front(prose[:first_bab], name)
    placed |= front.placed
    approval, signed = read_approval(prose[first_bab:], name)
    chapters, by_section = read_chapters(
        [line for line in prose[first_bab:] if line.number not in signed], name)
    renja = _renja(front, prose[:first_bab], singkatan, name, report)
    for line in prose[:first_bab]:
        if line.text.strip().upper().startswith(CONTOH):  # synthetic demo data, as printed
            renja.contoh = True
            placed.add(line.number)
    renja.bab = chapters
    renja.persetujuan = approval
    _lists(renja, by_section, name)
    tables.finish(renja)
    apply_stated_polarity(renja, report, name)
    _report_unplaced(prose[:first_bab], placed, front.placed, report, name)
    return ImportResult(renja, report)


def _read_tables(segs: list[Segment], name: str, tables: TableSet, placed: set[int]) -> str | None:
    singkatan = None
    for index, seg in enumerate(segs):
        if seg.kind != "table":
            continue
        caption, notes = _caption(segs[index - 1] if index else None, placed)
        for note in notes:
            singkatan = singkatan or note
        tables.add(build_block(seg.lines, name, caption))
        placed.update(line.number for line in seg.lines)
    return singkatan


def _caption(prose: Segment | None, placed: set[int]) -> tuple[list[str], list[str]]:
    """The caption lines just above a table (from the nearest ``Tabel …`` line down)."""
    if prose is None or prose.kind != "prose":
        return [], []
    tail = [x for x in prose.lines[-8:] if x.text.strip()]
    start = next((i for i in range(len(tail) - 1, -1, -1)
                  if _CAPTION_START.match(tail[i].text.strip())), None)
    if start is None:
        return [], []
    while start > 0 and _CAPTION_START.match(tail[start - 1].text.strip()):
        start -= 1
    caption, notes = [], []
    for line in tail[start:]:
        text = line.text.strip()
        note = _AGENCY_NOTE.match(text)
        if note:
            notes.append(note.group(1).strip())
        else:
            caption.append(text)
        placed.add(line.number)
    return caption, notes


def _renja(front, lines: list[Line], singkatan: str | None, name: str,  # type: ignore[no-untyped-def]
           report: Report) -> Renja:
    title = front.title
    if title.tahun is None:  # a Renja set by the head of the agency: title lines only
        title = read_title(" ".join(x.text for x in lines))
    if title.tahun is None:
        raise FormatError(
            f"{name}: the plan year was not found: expected a title like "
            f"'RENCANA KERJA <perangkat daerah> KABUPATEN <nama> TAHUN <tahun>'",
            f"{name}: tahun rencana tidak ditemukan: seharusnya ada judul seperti "
            f"'RENCANA KERJA <perangkat daerah> KABUPATEN <nama> TAHUN <tahun>'")
    if not YEARS[0] <= title.tahun <= YEARS[1]:
        raise FormatError(
            f"{name}: the plan year {title.tahun} in the title is not a year between "
            f"{YEARS[0]} and {YEARS[1]}",
            f"{name}: tahun rencana {title.tahun} pada judul bukan tahun antara {YEARS[0]} dan "
            f"{YEARS[1]}")
    pemda_nama = title_case(title.pemda or "")
    jenis = pemda_nama.split()[0].lower() if pemda_nama else None
    renja = Renja(
        tahun=title.tahun,
        tahapan="penetapan" if front.peraturan is not None else None,
        pemda=Pemda(nama=pemda_nama, jenis=jenis if jenis in ("kabupaten", "kota",
                                                               "provinsi") else None,
                    provinsi=title.provinsi),
        perangkat_daerah=PerangkatDaerah(nama=title_case(title.agency or ""),
                                         singkatan=singkatan),
        dasar_hukum=front.peraturan,
        sumber=Source(file=name),
    )
    return renja


def _lists(renja: Renja, by_section: dict[str, list[Line]], name: str) -> None:
    isu = find_section(renja.bab, r"\bisu")
    if isu is not None and isu.nomor:
        renja.isu_penting = numbered_items(by_section.get(isu.nomor, []))
    kebijakan = find_section(renja.bab, r"kebijakan")
    if kebijakan is not None and kebijakan.nomor:
        renja.kebijakan = numbered_items(by_section.get(kebijakan.nomor, []))
    daftar = find_section(renja.bab, r"^program.*kegiatan")
    if daftar is not None and daftar.nomor:
        renja.daftar_program.rows = daftar_items(by_section.get(daftar.nomor, []), name)


def _report_unplaced(front: list[Line], placed: set[int], front_placed: set[int],
                     report: Report, name: str) -> None:
    for line in front:
        if line.text.strip() and line.number not in placed and line.number not in front_placed:
            if _is_title_line(line.text):
                continue
            report.unplaced(Source(file=name, line=line.number), line.text.strip())


def _is_title_line(text: str) -> bool:
    """Upper-case title lines of the annex cover (RENCANA KERJA / <AGENCY> / KABUPATEN …)."""
    stripped = text.strip()
    return stripped.upper() == stripped and len(stripped) < 120


def bidang_code(text: str | None) -> str | None:
    if not text:
        return None
    try:
        kode = parse_kode(text)
    except ValueError:
        return None
    return f"{kode.urusan}.{kode.bidang}" if kode.bidang else None
