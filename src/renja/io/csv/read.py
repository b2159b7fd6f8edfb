"""Small CSV files people make in a spreadsheet: the ranwal RKPD of an agency, and proposals
(musrenbang, pokir DPRD) for T-C.32. Comma or semicolon separated, UTF-8 or Windows-1252;
every error names the file and the line."""

from __future__ import annotations

import csv
import io

from renja.codes import parse_kode
from renja.domain import parse_target
from renja.errors import FormatError, RenjaError
from renja.numbers import parse_rupiah
from renja.review import RanwalItem

RANWAL_COLUMNS = ("kode", "nama", "indikator", "target", "pagu", "lokasi")
USULAN_COLUMNS = ("program_kegiatan", "lokasi", "indikator", "volume", "pengusul")
MAX_ROWS = 20_000
MAX_FIELD = 5_000


def decode(data: bytes, name: str) -> str:
    """The text of a CSV saved as UTF-8 (with or without BOM) or by Excel as Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FormatError(f"{name}: not a text file in UTF-8 or Windows-1252",
                      f"{name}: bukan berkas teks UTF-8 atau Windows-1252; simpan ulang sebagai "
                      f"CSV UTF-8")


def read_rows(data: bytes | str, name: str, required: tuple[str, ...],
              known: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a small CSV with its required columns, values stripped."""
    text = decode(data, name) if isinstance(data, bytes) else data
    if "\x00" in text:
        raise FormatError(f"{name}: binary content, not a CSV",
                          f"{name}: isi biner, bukan CSV")
    csv.field_size_limit(MAX_FIELD)
    reader = csv.DictReader(io.StringIO(text), delimiter=";" if text.count(";") >
                            text.count(",") else ",")
    try:
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        reader.fieldnames = fields
        missing = [c for c in required if c not in fields]
        if missing:
            used = f"; kolom yang dipakai: {','.join(known)}" if known else ""
            raise RenjaError(f"{name}: columns missing: {', '.join(missing)}",
                             f"{name}: kolom tidak ada: {', '.join(missing)}{used}")
        rows = []
        for row in reader:
            if reader.line_num > MAX_ROWS:
                raise RenjaError(f"{name}: more than {MAX_ROWS} lines",
                                 f"{name}: lebih dari {MAX_ROWS} baris")
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()
                                           if isinstance(k, str) and isinstance(v, str)}))
    except csv.Error as exc:
        raise FormatError(f"{name}: line {reader.line_num}: {exc}",
                          f"{name}: baris {reader.line_num}: CSV tidak terbaca ({exc})") from exc
    return rows


def _at(name: str, line: int, exc: RenjaError) -> RenjaError:
    return RenjaError(f"{name}: line {line}: {exc.message('en')}",
                      f"{name}: baris {line}: {exc.message('id')}")


def read_ranwal(data: bytes | str, name: str) -> list[RanwalItem]:
    """Lines of a ranwal RKPD CSV (kode,nama,indikator,target,pagu,lokasi)."""
    items = []
    for line, raw in read_rows(data, name, ("kode", "nama", "pagu"), RANWAL_COLUMNS):
        try:
            kode = parse_kode(raw["kode"]).canonical
            target = raw.get("target", "")
            pagu = parse_rupiah(raw["pagu"]) if raw.get("pagu") else None
            items.append(RanwalItem(kode=kode, nama=raw.get("nama", "")[:500],
                                    indikator=raw.get("indikator", "")[:500],
                                    target=parse_target(target) if target else None,
                                    pagu=pagu, lokasi=raw.get("lokasi", "")[:200]))
        except RenjaError as exc:
            raise _at(name, line, exc) from exc
    return items


def read_usulan(data: bytes | str, name: str) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a proposals CSV: program_kegiatan and optionally lokasi, indikator,
    volume, pengusul (musrenbang/pokir/lainnya)."""
    return read_rows(data, name, ("program_kegiatan",), USULAN_COLUMNS)
