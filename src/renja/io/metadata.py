"""A plan's metadata from title lines, when there is no regulation front part to read."""

from __future__ import annotations

import re

from renja.domain import Pemda, PerangkatDaerah, Renja, Source
from renja.errors import FormatError
from renja.io.text.front import read_title
from renja.text import title_case

_PEMDA = re.compile(
    r"\b((?:KABUPATEN|Kabupaten|KOTA|Kota|PROVINSI|Provinsi)"
    r"(?:\s+(?!TAHUN\b|Tahun\b|NAMA\b|Nama\b|DAN\b|dan\b)[A-Z][A-Za-z-]*){1,3})")
_AGENCY = re.compile(r"^Nama\s+(?:Perangkat Daerah|OPD|SKPD)\s*:\s*(.+)$", re.IGNORECASE)
_YEAR = re.compile(r"\bTAHUN\s+(20\d\d)\b", re.IGNORECASE)


def plan_from_titles(titles: list[str], header_years: list[int], name: str) -> Renja:
    """An empty plan with year, pemda and agency read from table titles and notes."""
    joined = " ".join(titles)
    title = read_title(joined)
    tahun = title.tahun or (min(header_years) if header_years else None)
    if tahun is None:
        match = _YEAR.search(joined)
        tahun = int(match.group(1)) if match else None
    if tahun is None:
        raise FormatError(
            f"{name}: the plan year was not found: expected a title like 'RENCANA KERJA "
            f"<perangkat daerah> KABUPATEN <nama> TAHUN <tahun>' or a T-C.33 header "
            f"'Rencana Tahun <tahun>'",
            f"{name}: tahun rencana tidak ditemukan: seharusnya ada judul seperti 'RENCANA "
            f"KERJA <perangkat daerah> KABUPATEN <nama> TAHUN <tahun>' atau judul kolom T-C.33 "
            f"'Rencana Tahun <tahun>'")
    pemda = title.pemda
    if pemda is None:
        pemda = next((m.group(1) for t in titles if (m := _PEMDA.search(t))), None)
    pemda_nama = title_case(pemda or "")
    jenis = pemda_nama.split()[0].lower() if pemda_nama else None
    return Renja(
        tahun=tahun,
        pemda=Pemda(nama=pemda_nama,
                    jenis=jenis if jenis in ("kabupaten", "kota", "provinsi") else None),
        perangkat_daerah=PerangkatDaerah(nama=title_case(title.agency or ""),
                                         singkatan=_singkatan(titles)),
        sumber=Source(file=name),
    )


def _singkatan(titles: list[str]) -> str | None:
    for text in titles:
        match = _AGENCY.match(text)
        if match:
            return match.group(1).strip()
    return None
