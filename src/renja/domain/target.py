"""A target or realisation as printed: value and satuan in one cell.

``496 dok``, ``49 org/bln``, ``84%``, ``A (81,64)``, ``36,5``, ``-`` (zero), ``WTP``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from renja.domain.provenance import Model
from renja.errors import NumberError, TargetError
from renja.numbers import format_number, is_zero_dash, parse_decimal

GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")
_GRADE_WITH_SCORE = re.compile(r"^(AA|A|BB|B|CC|C|D)\s*\(\s*([\d.,]+)\s*\)$")
_GRADE_ONLY = re.compile(r"^(AA|A|BB|B|CC|C|D)$")
_NUMBER_FIRST = re.compile(r"^([-+]?\(?[\d][\d.,]*\)?)\s*(.*)$")
_CURRENCY_FIRST = re.compile(r"^(Rp\.?)\s*([\d][\d.,]*)$", re.IGNORECASE)
# Units seen in Renja documents; a letter standing for a digit before one of these
# (``Idok`` for ``1 dok``) is a typing error, not a qualitative target.
KNOWN_SATUAN = frozenset(
    {
        "dok", "dokumen", "lap", "laporan", "org", "orang", "unit", "paket", "keg", "kegiatan",
        "bln", "bulan", "jenis", "layanan", "lbg", "lembaga", "kali", "hari", "tahun", "thn",
        "set", "buah", "bh", "eks", "eksemplar", "kab", "desa", "kel", "kec", "titik", "lokasi",
        "ruas", "km", "m", "m2", "m3", "ha", "ton", "kg", "liter", "ls", "kelompok", "klp",
        "sekolah", "siswa", "peserta", "pegawai", "asn", "perda", "perbup", "sk", "rekomendasi",
        "aplikasi", "sistem", "indeks", "nilai", "persen", "pkt",
    }
)
LOOKALIKE_DIGITS = {"I": "1", "l": "1", "|": "1", "O": "0", "o": "0"}


SATUAN_SYNONYMS = {
    "dokumen": "dok", "laporan": "lap", "orang": "org", "kegiatan": "keg", "lembaga": "lbg",
    "buah": "bh", "eksemplar": "eks", "bulan": "bln", "tahun": "thn", "kelompok": "klp",
    "persen": "%", "pkt": "paket",
}


def same_satuan(a: str | None, b: str | None) -> bool:
    """Units compared the way readers do: ``dok`` = ``Dokumen``, ``org`` = ``orang``."""
    def norm(s: str | None) -> str:
        s = (s or "").strip().lower().rstrip(".")
        return SATUAN_SYNONYMS.get(s, s)

    return norm(a) == norm(b)


class Target(Model):
    """A printed value: ``text`` as printed, the number, its satuan and a grade letter."""

    text: str
    value: Decimal | None = None
    satuan: str | None = None
    grade: str | None = None

    @property
    def is_qualitative(self) -> bool:
        """True when the cell holds words (``WTP``, ``Baik``) rather than a number."""
        return self.value is None and self.grade is None

    @property
    def is_percent(self) -> bool:
        return self.satuan == "%"


def parse_target(text: str) -> Target:
    """Parse a target cell; raises :class:`TargetError` for typos such as ``Idok``."""
    raw = " ".join(text.split())
    if not raw:
        raise TargetError("'' is not a valid target: it is empty",
                          "'' bukan target yang sah: kosong")
    if is_zero_dash(raw):
        return Target(text=raw, value=Decimal(0))
    if match := _GRADE_WITH_SCORE.match(raw):
        return Target(text=raw, value=_number(raw, match.group(2)), grade=match.group(1))
    if match := _GRADE_ONLY.match(raw):
        return Target(text=raw, grade=match.group(1))
    if match := _CURRENCY_FIRST.match(raw):
        return Target(text=raw, value=_number(raw, match.group(2)), satuan="Rp")
    if match := _NUMBER_FIRST.match(raw):
        satuan = match.group(2).strip() or None
        return Target(text=raw, value=_number(raw, match.group(1)), satuan=satuan)
    _refuse_lookalike(raw)
    return Target(text=raw)


def _number(raw: str, digits: str) -> Decimal:
    try:
        return parse_decimal(digits)
    except NumberError as exc:
        raise TargetError(
            f"'{raw}' is not a valid target: '{digits}' is not a number",
            f"'{raw}' bukan target yang sah: '{digits}' bukan angka",
        ) from exc


def _refuse_lookalike(raw: str) -> None:
    first, rest = raw[0], raw[1:].strip()
    if first in LOOKALIKE_DIGITS and rest.lower() in KNOWN_SATUAN:
        digit = LOOKALIKE_DIGITS[first]
        raise TargetError(
            f"'{raw}' is not a valid target: the letter '{first}' stands where a number "
            f"should be",
            f"'{raw}' bukan target yang sah: huruf '{first}' tertulis di tempat angka",
            hint=f"did you mean '{digit} {rest}'?",
            hint_id=f"maksudnya '{digit} {rest}'?",
        )


def format_target(target: Target | None) -> str:
    """Print a target the way documents do: ``496 dok``, ``84%``, ``A (81,64)``."""
    if target is None:
        return ""
    if target.value is None:
        return target.grade or target.text
    number = format_number(target.value)
    if target.grade:
        return f"{target.grade} ({number})"
    if target.satuan == "%":
        return number + "%"
    if target.satuan == "Rp":
        return f"Rp {number}"
    return f"{number} {target.satuan}" if target.satuan else number
