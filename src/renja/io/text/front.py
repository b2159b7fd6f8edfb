"""The legal front part of a Renja set by regulation (Perbup/Perwali/Pergub), and the title.

Reads the regulation's kind, number, year and subject, menimbang, mengingat, pasal,
where and when it was set and promulgated, and by whom; and from the title the agency,
the pemda and the plan year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from renja.domain import Pasal, Penandatangan, Peraturan, Source
from renja.io.text.blocks import Line
from renja.text import title_case

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
         "september", "oktober", "november", "desember"]
    )
}
_REGULATION = re.compile(
    r"^(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI\s?KOTA|GUBERNUR|KEPALA)\s+(.+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^NOMOR\s*:?\s*(\S+)\s+TAHUN\s+(\d{4})$", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
_ITEM = re.compile(r"^[-•\s]*(\d+|[a-z])[.)]\s+(.*)$")
_TITLE = re.compile(
    r"RENCANA KERJA\s+(.+?)\s+((?:KABUPATEN|KOTA|PROVINSI)\s+.+?)\s+TAHUN\s+(\d{4})",
    re.IGNORECASE)
BOILERPLATE = re.compile(
    r"^(DENGAN RAHMAT TUHAN YANG MAHA ESA|MEMUTUSKAN\s*:?|ttd\.?|TENTANG|"
    r"(BUPATI|WALI\s?KOTA|GUBERNUR)\s+[A-Z ]+,?|PROVINSI\s+[A-Z ]+|SEKRETARIS DAERAH|"
    r"(KABUPATEN|KOTA)\s+[A-Z ]+,)$", re.IGNORECASE)


@dataclass
class Title:
    agency: str | None = None
    pemda: str | None = None
    tahun: int | None = None
    provinsi: str | None = None


@dataclass
class FrontPart:
    peraturan: Peraturan | None
    title: Title
    placed: set[int] = field(default_factory=set)


def parse_date(text: str) -> datetime.date | None:
    match = _DATE.search(text)
    if not match or match.group(2).lower() not in MONTHS:
        return None
    day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# "RENCANA KERJA PERANGKAT DAERAH / DINAS X …": the generic words before the agency's name
_GENERIC_AGENCY = re.compile(
    r"^(?:\(?RENJA\)?\s+)?(?:PERANGKAT\s+DAERAH|OPD|SKPD)\b[\s:,–-]*(?=\S)", re.IGNORECASE)


def read_title(text: str) -> Title:
    """``RENCANA KERJA <agency> KABUPATEN X TAHUN 2024`` → agency, pemda, year."""
    match = _TITLE.search(" ".join(text.split()))
    if not match:
        return Title()
    return Title(agency=_GENERIC_AGENCY.sub("", match.group(1).strip()),
                 pemda=match.group(2).strip(), tahun=int(match.group(3)))


def read_front(lines: list[Line], file: str | None = None) -> FrontPart:
    """The front part: the lines before the annex (the first BAB)."""
    texts = [line.text.strip() for line in lines]
    placed: set[int] = set()
    start = next((i for i, t in enumerate(texts) if _REGULATION.match(t)), None)
    provinsi = next((t for t in texts[:12] if re.match(r"^PROVINSI\s+\S", t, re.I)), None)
    if start is None:
        title = read_title(" ".join(texts))
        title.provinsi = _provinsi(provinsi)
        return FrontPart(None, title, placed)
    reg = Peraturan(jenis=_kind(_REGULATION.match(texts[start])))
    placed.add(lines[start].number)
    cursor = start + 1
    cursor = _number(lines, texts, cursor, reg, placed)
    cursor = _tentang(lines, texts, cursor, reg, placed)
    _lists(lines, texts, cursor, reg, placed, file)
    _signatures(lines, texts, reg, placed)
    title = read_title(reg.tentang or "")
    title.provinsi = _provinsi(provinsi)
    for i, text in enumerate(texts):
        if text and BOILERPLATE.match(text):
            placed.add(lines[i].number)
    return FrontPart(reg, title, placed)


def _kind(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    return f"{match.group(1).title()} {match.group(2).title()}"


def _provinsi(text: str | None) -> str | None:
    return title_case(" ".join(text.split()[1:])) if text else None


def _number(lines: list[Line], texts: list[str], cursor: int, reg: Peraturan,
            placed: set[int]) -> int:
    for i in range(cursor, min(cursor + 4, len(texts))):
        match = _NUMBER.match(texts[i])
        if match:
            reg.nomor, reg.tahun = match.group(1), int(match.group(2))
            placed.add(lines[i].number)
            return i + 1
    return cursor


def _tentang(lines: list[Line], texts: list[str], cursor: int, reg: Peraturan,
             placed: set[int]) -> int:
    if cursor < len(texts) and texts[cursor].upper() == "TENTANG":
        placed.add(lines[cursor].number)
        cursor += 1
    parts = []
    while cursor < len(texts) and not re.match(r"^DENGAN RAHMAT", texts[cursor], re.I):
        if texts[cursor]:
            parts.append(texts[cursor])
            placed.add(lines[cursor].number)
        cursor += 1
    reg.tentang = " ".join(parts) or None
    return cursor


def _lists(lines: list[Line], texts: list[str], cursor: int, reg: Peraturan,
           placed: set[int], file: str | None) -> None:
    """Menimbang, mengingat, menetapkan and the pasal."""
    section = ""
    pasal: Pasal | None = None
    for i in range(cursor, len(texts)):
        text = texts[i]
        head = re.match(r"^[-\s]*(Menimbang|Mengingat)\s*:\s*(.*)$", text, re.I)
        if re.match(r"^(Ditetapkan|Diundangkan)\s+di\b", text, re.I):
            break
        if head:
            section, text = head.group(1).lower(), head.group(2)
        elif re.match(r"^MEMUTUSKAN", text, re.I):
            section = "memutuskan"
        elif re.match(r"^Menetapkan\s*:", text, re.I):
            reg.menetapkan = text.split(":", 1)[1].strip()
            placed.add(lines[i].number)
            continue
        elif re.match(r"^Agar setiap orang mengetahui", text, re.I):
            reg.penutup = text
            section = "penutup"
            placed.add(lines[i].number)
            continue
        elif re.match(r"^Pasal\s+\d+$", text, re.I):
            pasal = Pasal(nomor=text.split()[1], teks="")
            reg.pasal.append(pasal)
            section = "pasal"
            placed.add(lines[i].number)
            continue
        if not text:
            continue
        if section in ("menimbang", "mengingat"):
            items = getattr(reg, section)
            if _add_item(items, text):
                reg.trace(f"{section}.{len(items) - 1}", Source(file=file, line=lines[i].number))
            placed.add(lines[i].number)
        elif section == "pasal" and pasal is not None:
            pasal.teks = f"{pasal.teks}\n{text}".strip()
            placed.add(lines[i].number)


def _add_item(items: list[str], text: str) -> bool:
    """A new numbered item (True), or the continuation of the last one."""
    text = re.sub(r"^[-•]\s*", "", text)
    if _ITEM.match(text) or not items:
        items.append(text)
        return True
    items[-1] = f"{items[-1]} {text}"
    return False


def _signatures(lines: list[Line], texts: list[str], reg: Peraturan, placed: set[int]) -> None:
    for i, text in enumerate(texts):
        match = re.match(r"^(Ditetapkan|Diundangkan)\s+di\s+(.+)$", text, re.I)
        if match:
            _signature(lines, texts, i, match.group(1).lower(), match.group(2).strip(), reg,
                       placed)
        elif re.match(r"^BERITA DAERAH\b|^LEMBARAN DAERAH\b", text, re.I):
            reg.berita_daerah = text
            placed.add(lines[i].number)


def _signature(lines: list[Line], texts: list[str], start: int, kind: str, place: str,
               reg: Peraturan, placed: set[int]) -> None:
    placed.add(lines[start].number)
    date = None
    jabatan: list[str] = []
    name = None
    for i in range(start + 1, min(start + 12, len(texts))):
        text = texts[i]
        if not text:
            continue
        placed.add(lines[i].number)
        if date is None and re.match(r"^pada tanggal", text, re.I):
            date = parse_date(text)
        elif re.match(r"^ttd\.?$", text, re.I):
            continue
        elif name is None and jabatan and jabatan[-1].endswith(",") and text.upper() == text:
            name = text
            break
        else:
            jabatan.append(text)
    signer = Penandatangan(jabatan=" ".join(jabatan).rstrip(",") or None, nama=name)
    if kind == "ditetapkan":
        reg.ditetapkan_di, reg.tanggal_ditetapkan, reg.penandatangan = place, date, signer
    else:
        reg.diundangkan_di, reg.tanggal_diundangkan, reg.pengundang = place, date, signer
