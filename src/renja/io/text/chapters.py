"""Chapters (BAB I–V), their numbered sections, and the lists read out of them."""

from __future__ import annotations

import re

from renja.codes import Level
from renja.domain import Bab, Bagian, DaftarItem, Source
from renja.io.text.blocks import Line

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
_BAB = re.compile(r"^BAB\s+([IVX]+)(?:\s*[:\-–]?\s+([A-Z][^.]*))?$")
_SECTION = re.compile(r"^(\d+)\.(\d+)\.?\s+(\S.*)$")
_LIST_ITEM = re.compile(r"^[-•*\s]*(\d+(?:\.\d+)*)\.?\s+(.+)$")
_NUMBERED = re.compile(r"^[-•\s]*(\d+)[.)]\s+(.+)$")
LIST_LEVELS: dict[int, Level] = {1: "program", 2: "kegiatan", 3: "sub_kegiatan"}


def is_chapter(text: str) -> bool:
    match = _BAB.match(text.strip())
    return bool(match) and match.group(1) in ROMAN  # type: ignore[union-attr]


def read_chapters(lines: list[Line], file: str) -> tuple[list[Bab], dict[str, list[Line]]]:
    """Chapters from prose lines (tables and captions taken out), and each section's lines."""
    chapters: list[Bab] = []
    by_section: dict[str, list[Line]] = {}
    section: Bagian | None = None
    expect_title = False
    paragraphs: list[str] = []
    for line in lines:
        text = line.text.strip()
        match = _BAB.match(text)
        if match and match.group(1) in ROMAN:
            _flush(chapters, section, paragraphs)
            chapters.append(Bab(nomor=match.group(1), judul=match.group(2) or ""))
            chapters[-1].trace("row", Source(file=file, line=line.number))
            section, paragraphs, expect_title = None, [], not match.group(2)
            continue
        if not chapters or not text:
            continue
        if expect_title:
            chapters[-1].judul, expect_title = text, False
            continue
        heading = _section(text, chapters[-1], section)
        if heading is not None:
            _flush(chapters, section, paragraphs)
            section, paragraphs = heading, []
            section.trace("row", Source(file=file, line=line.number))
            chapters[-1].bagian.append(section)
            continue
        if section is not None and section.nomor:
            by_section.setdefault(section.nomor, []).append(line)
        if _add_paragraph(paragraphs, text):
            holder = section if section is not None else chapters[-1]
            holder.trace(f"teks.{len(paragraphs) - 1}", Source(file=file, line=line.number))
    _flush(chapters, section, paragraphs)
    return chapters, by_section


def _section(text: str, chapter: Bab, current: Bagian | None) -> Bagian | None:
    match = _SECTION.match(text)
    if not match or len(text) > 250 or text.endswith((";", ",")):
        return None
    if int(match.group(1)) != ROMAN[chapter.nomor]:
        return None
    number = int(match.group(2))
    if current is not None and current.nomor is not None and \
            number <= int(current.nomor.split(".")[1]):
        return None
    return Bagian(nomor=f"{match.group(1)}.{match.group(2)}", judul=match.group(3).strip())


def _add_paragraph(paragraphs: list[str], text: str) -> bool:
    """A new paragraph (True), unless the text continues one a page break cut in two."""
    if paragraphs and not paragraphs[-1].endswith((".", ":", ";", "!", "?")) and \
            text[:1].islower():
        paragraphs[-1] = f"{paragraphs[-1]} {text}"
        return False
    paragraphs.append(text)
    return True


def _flush(chapters: list[Bab], section: Bagian | None, paragraphs: list[str]) -> None:
    if not chapters or not paragraphs:
        return
    body = "\n\n".join(paragraphs)
    if section is not None:
        section.teks = body
    else:
        chapters[-1].teks = body


def numbered_items(lines: list[Line]) -> list[str]:
    """The first numbered list (1. … 2. …) in a section's lines."""
    items: list[str] = []
    for line in lines:
        match = _NUMBERED.match(line.text.strip())
        if match and int(match.group(1)) == len(items) + 1:
            items.append(match.group(2).strip())
        elif items and (match or len(items) > 1):
            break
    return items


def find_section(chapters: list[Bab], pattern: str) -> Bagian | None:
    for chapter in chapters:
        for section in chapter.bagian:
            if re.search(pattern, section.judul, re.IGNORECASE):
                return section
    return None


def daftar_items(lines: list[Line], file: str) -> list[DaftarItem]:
    """The numbered program/kegiatan/sub kegiatan list of section 3.3."""
    items: list[DaftarItem] = []
    for line in lines:
        match = _LIST_ITEM.match(line.text.strip())
        if not match:
            continue
        nomor = match.group(1)
        depth = len(nomor.split("."))
        name = match.group(2).strip().strip("*").strip()
        if depth in LIST_LEVELS and name:
            item = DaftarItem(nomor=nomor, level=LIST_LEVELS[depth], nama=name)
            item.trace("row", Source(file=file, line=line.number))
            items.append(item)
    return items
