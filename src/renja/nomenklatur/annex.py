"""A new version of the nomenclature from the files people have: a CSV or XLSX of a decree's
annex, either the full list or the lists of what it adds or renames (with, if the decree gives
one, the old code each new one replaces) and of what it deletes. Every refusal names the file
and the row; nothing is written until the whole version reads."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from renja.codes import parse_kode
from renja.errors import FormatError, RenjaError
from renja.io.csv.read import decode
from renja.nomenklatur.catalogue import Catalogue, Entry, Version
from renja.nomenklatur.changes import Report, compare

HEADER_ROWS = 15
_KODE = re.compile(r"^kode\b(?!.*(lama|asal|semula|induk))", re.IGNORECASE)
_OLD = re.compile(r"^kode\s*(lama|asal|semula)", re.IGNORECASE)
_NAMA = re.compile(r"nomenklatur|^nama|uraian|program|sub\s*kegiatan", re.IGNORECASE)


@dataclass(frozen=True)
class AnnexRow:
    kode: str
    nama: str
    kode_lama: tuple[str, ...]
    row: int


def _cells(path: Path) -> list[tuple[int, list[str]]]:
    """Every row of the file as texts, numbered as a spreadsheet numbers them."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise FormatError(f"{path.name}: not a readable XLSX workbook ({exc})",
                              f"{path.name}: bukan buku kerja XLSX yang terbaca ({exc})") from exc
        sheet = book.worksheets[0]
        return [(i, ["" if v is None else str(v).strip() for v in values])
                for i, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    if suffix in (".csv", ".txt"):
        text = decode(path.read_bytes(), path.name)
        delimiter = ";" if text.count(";") > text.count(",") else ","
        return [(i, [c.strip() for c in row])
                for i, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter),
                                        start=1)]
    raise FormatError(f"{path.name}: an annex is read from CSV or XLSX",
                      f"{path.name}: lampiran dibaca dari CSV atau XLSX")


def _header(path: Path, rows: list[tuple[int, list[str]]], need_name: bool
            ) -> tuple[int, int, int | None, int | None]:
    for at, (number, cells) in enumerate(rows[:HEADER_ROWS]):
        kode = next((i for i, c in enumerate(cells) if _KODE.search(c)), None)
        if kode is None:
            continue
        nama = next((i for i, c in enumerate(cells) if i != kode and _NAMA.search(c)), None)
        old = next((i for i, c in enumerate(cells) if _OLD.search(c)), None)
        if nama is None and need_name:
            raise RenjaError(f"{path.name}: row {number}: no name column (nomenklatur, nama)",
                             f"{path.name}: baris {number}: tidak ada kolom nama "
                             f"(nomenklatur, nama, uraian)")
        return at, kode, nama, old
    raise RenjaError(f"{path.name}: no header row with a 'kode' column in the first "
                     f"{HEADER_ROWS} rows",
                     f"{path.name}: tidak ada baris judul dengan kolom 'kode' pada "
                     f"{HEADER_ROWS} baris pertama")


def annex_code(text: str) -> str:
    """A code as decrees print it, canonical: ``1.01.01.02.01.0001`` (level of government
    written with two digits) is ``1.01.01.2.01.0001``."""
    parts = text.strip().rstrip(".").split(".")
    if len(parts) >= 5 and parts[3] in ("01", "02"):
        parts[3] = parts[3][1]
    return parse_kode(".".join(parts)).canonical


def read_annex(path: Path, need_name: bool = True) -> list[AnnexRow]:
    """The coded rows of an annex (rows without a code, such as headings and column numbers,
    are skipped)."""
    rows = _cells(path)
    at, kode_col, nama_col, old_col = _header(path, rows, need_name)
    found: list[AnnexRow] = []
    seen: dict[str, int] = {}
    for number, cells in rows[at + 1:]:
        raw = cells[kode_col] if kode_col < len(cells) else ""
        filled = [c for c in cells if c]
        if not raw or (len(filled) > 1 and all(c.isdigit() for c in filled)):
            continue  # an empty line, a heading without a code, or the column-number row
        try:
            kode = annex_code(raw)
            old = tuple(annex_code(t) for t in re.split(r"[;,\s]+", cells[old_col])
                        if t) if old_col is not None and old_col < len(cells) else ()
        except RenjaError as exc:
            raise RenjaError(f"{path.name}: row {number}: {exc.message('en')}",
                             f"{path.name}: baris {number}: {exc.message('id')}") from exc
        nama = " ".join(cells[nama_col].split()) if nama_col is not None and \
            nama_col < len(cells) else ""
        if need_name and not nama:
            raise RenjaError(f"{path.name}: row {number}: {kode} has no name",
                             f"{path.name}: baris {number}: {kode} tidak bernama")
        if kode in seen:
            raise RenjaError(f"{path.name}: row {number}: {kode} again (first at row "
                             f"{seen[kode]})",
                             f"{path.name}: baris {number}: {kode} tercantum lagi (pertama "
                             f"di baris {seen[kode]})")
        seen[kode] = number
        found.append(AnnexRow(kode, nama, old, number))
    if not found:
        raise RenjaError(f"{path.name}: no coded rows", f"{path.name}: tidak ada baris berkode")
    return found


def _entry(kode: str, nama: str, versi: str, kode_lama: tuple[str, ...] = ()) -> Entry:
    parsed = parse_kode(kode)
    parent = parsed.parent
    induk = None if parent is None or (parsed.is_cross_cutting and parsed.level == "program") \
        else parent.canonical
    return Entry(kode, parsed.level, nama, induk, versi, kode_lama)


def build_version(version: Version, base: list[Entry], *, full: list[AnnexRow] | None = None,
                  updates: Sequence[AnnexRow] = (), deletes: Sequence[AnnexRow] = (),
                  ) -> tuple[list[Entry], Report]:
    """The entries of ``version`` and what changed from ``base``: from a full list (parents
    it leaves out are taken from ``base``), or ``base`` with the updates and deletes applied
    (deleting a code deletes what is under it; a new code's old codes are replaced)."""
    explicit: dict[str, list[str]] = {}
    if full is not None:
        entries = {r.kode: _entry(r.kode, r.nama, version.id, r.kode_lama) for r in full}
        explicit = {r.kode: list(r.kode_lama) for r in full if r.kode_lama}
    else:
        entries = {e.kode: Entry(e.kode, e.level, e.nama, e.kode_induk, version.id)
                   for e in base}
        removed = {r.kode for r in deletes}
        for row in updates:
            explicit[row.kode] = list(row.kode_lama)
            removed |= {k for k in row.kode_lama if k != row.kode}
        removed -= {r.kode for r in updates}
        entries = {k: e for k, e in entries.items()
                   if not any(k == r or k.startswith(r + ".") for r in removed)}
        for row in updates:
            entries[row.kode] = _entry(row.kode, row.nama, version.id, row.kode_lama)
    base_by = {e.kode: e for e in base}
    missing = sorted({e.kode_induk for e in entries.values()
                      if e.kode_induk and e.kode_induk not in entries})
    for kode in list(missing):
        if kode in base_by:  # a full list of sub kegiatan only: its parents from the base
            old = base_by[kode]
            entries[kode] = Entry(kode, old.level, old.nama, old.kode_induk, version.id)
            missing.remove(kode)
    missing = sorted({e.kode_induk for e in entries.values()
                      if e.kode_induk and e.kode_induk not in entries})
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise RenjaError(f"{len(missing)} parent codes are in neither the list nor the base "
                         f"version: {shown}",
                         f"{len(missing)} kode induk tidak ada di daftar maupun versi dasar: "
                         f"{shown}")
    ordered = sorted(entries.values(), key=lambda e: _order(e.kode))
    return ordered, compare(base, ordered, explicit)


def _order(kode: str) -> tuple[str, ...]:
    return tuple(p.zfill(4) if p.isdigit() else "0" + p for p in kode.split("."))


def write_version(folder: Path, catalogue: Catalogue, version: Version,
                  entries: list[Entry]) -> Path:
    """``folder`` as a catalogue (versions.json and one CSV per version) holding every version
    of ``catalogue`` and the new one; the version in force before it now ends the year before
    it begins."""
    folder.mkdir(parents=True, exist_ok=True)
    listed = []
    for old in catalogue.versions:
        if old.id == version.id:
            continue
        ends = old.berlaku_sampai
        if version.berlaku_mulai is not None and (old.berlaku_mulai or 0) < \
                version.berlaku_mulai and (ends is None or ends >= version.berlaku_mulai):
            ends = version.berlaku_mulai - 1
        name = f"nomenklatur_{old.id}.csv"
        _write_csv(folder / name, catalogue.version_entries(old.id))
        listed.append(_listed(old, name, ends))
    name = f"nomenklatur_{version.id}.csv"
    _write_csv(folder / name, entries)
    listed.append(_listed(version, name, version.berlaku_sampai))
    path = folder / "versions.json"
    path.write_text(json.dumps(listed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _listed(version: Version, file: str, ends: int | None) -> dict[str, object]:
    return {"id": version.id, "judul": version.judul, "file": file, "tingkat": version.tingkat,
            "berlaku_mulai": version.berlaku_mulai, "berlaku_sampai": ends}


def _write_csv(path: Path, entries: list[Entry]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        moved = any(e.kode_lama for e in entries)
        writer.writerow(["kode", "level", "nama", "kode_induk"] + (["kode_lama"] if moved else []))
        for e in entries:
            writer.writerow([e.kode, e.level, e.nama, e.kode_induk or ""] +
                            ([";".join(e.kode_lama)] if moved else []))
