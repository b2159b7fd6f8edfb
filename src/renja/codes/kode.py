"""Parse and format program/kegiatan/sub kegiatan codes (Permendagri 90/2019).

Canonical form ``U.BB.PP.L.KK.SSSS``: urusan, bidang, program, level of government
(1 provinsi, 2 kab/kota), kegiatan and a 4-digit sub kegiatan. Documents print codes
dotted or undotted, with 2- or 4-digit sub kegiatan, with the cross-cutting
``X.XX`` prefix, or damaged by Excel (``5,03E+09``); :func:`parse_kode` reads them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

from renja.errors import CodeError

Level = Literal["urusan", "bidang", "program", "kegiatan", "sub_kegiatan"]
LEVELS: tuple[Level, ...] = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")

# Number of digits of an undotted code, and the level it denotes.
_UNDOTTED: dict[int, Level] = {1: "urusan", 3: "bidang", 5: "program", 8: "kegiatan"}
_UNDOTTED_SUB = (10, 12)
_EXPECTED_LENGTHS = "1 (urusan), 3 (bidang), 5 (program), 8 (kegiatan), 10 or 12 (sub kegiatan)"
_EXPECTED_LENGTHS_ID = (
    "1 (urusan), 3 (bidang), 5 (program), 8 (kegiatan), 10 atau 12 (sub kegiatan)"
)

_DAMAGED = re.compile(r"^(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})$")
_URUSAN = re.compile(r"^[1-8X]$")


@dataclass(frozen=True, order=True)
class Kode:
    """A parsed code; absent parts are ``None``. ``X``/``XX`` mark the cross-cutting program."""

    urusan: str
    bidang: str | None = None
    program: str | None = None
    tingkat: str | None = None  # level of government: "1" provinsi, "2" kab/kota
    kegiatan: str | None = None
    sub_kegiatan: str | None = None  # always 4 digits

    @property
    def level(self) -> Level:
        if self.sub_kegiatan is not None:
            return "sub_kegiatan"
        if self.kegiatan is not None:
            return "kegiatan"
        if self.program is not None:
            return "program"
        if self.bidang is not None:
            return "bidang"
        return "urusan"

    @cached_property
    def parts(self) -> tuple[str, ...]:
        values = (self.urusan, self.bidang, self.program, self.tingkat, self.kegiatan,
                  self.sub_kegiatan)
        return tuple(p for p in values if p is not None)

    @cached_property
    def canonical(self) -> str:
        """Dotted, 4-digit sub kegiatan: ``5.03.02.2.01.0002``."""
        return ".".join(self.parts)

    @property
    def compact(self) -> str:
        """Undotted with a 2-digit sub kegiatan, as many documents print it: ``5030220102``."""
        parts = list(self.parts)
        if self.sub_kegiatan is not None and self.sub_kegiatan.startswith("00"):
            parts[-1] = self.sub_kegiatan[2:]
        return "".join(parts)

    @property
    def is_cross_cutting(self) -> bool:
        """True for ``X.XX…``: the program every agency runs under its own bidang."""
        return self.urusan == "X"

    @property
    def parent(self) -> Kode | None:
        if self.sub_kegiatan is not None:
            return Kode(self.urusan, self.bidang, self.program, self.tingkat, self.kegiatan)
        if self.kegiatan is not None:
            return Kode(self.urusan, self.bidang, self.program)
        if self.program is not None:
            return Kode(self.urusan, self.bidang)
        if self.bidang is not None:
            return Kode(self.urusan)
        return None

    def is_under(self, other: Kode) -> bool:
        """True when ``other`` is this code or one of its ancestors."""
        theirs = other.parts
        return self.parts[: len(theirs)] == theirs

    def with_bidang(self, bidang: str | Kode) -> Kode:
        """Replace ``X.XX`` with an agency's own bidang (``5.03``)."""
        if not self.is_cross_cutting:
            return self
        target = bidang if isinstance(bidang, Kode) else parse_kode(bidang)
        if target.bidang is None or target.is_cross_cutting:
            raise CodeError(
                f"'{target.canonical}' is not a bidang code such as '5.03'",
                f"'{target.canonical}' bukan kode bidang seperti '5.03'",
            )
        return Kode(target.urusan, target.bidang, self.program, self.tingkat, self.kegiatan,
                    self.sub_kegiatan)

    def as_cross_cutting(self) -> Kode:
        """The ``X.XX`` form of a code of program 01 (the cross-cutting program)."""
        if self.program != "01":
            return self
        return Kode("X", "XX", self.program, self.tingkat, self.kegiatan, self.sub_kegiatan)

    def __str__(self) -> str:
        return self.canonical


@dataclass(frozen=True)
class DamagedKode:
    """A code Excel turned into a number in scientific notation, e.g. ``5,03E+09``.

    ``prefix`` holds the leading digits that survived (rounded by Excel, so the last
    one may be off by one) and ``digits`` the length of the original undotted code.
    """

    text: str
    prefix: str
    digits: int

    @property
    def level(self) -> Level | None:
        if self.digits in _UNDOTTED_SUB:
            return "sub_kegiatan"
        return _UNDOTTED.get(self.digits)

    def could_be(self, kode: Kode) -> bool:
        """True when ``kode`` printed undotted and shown by Excel would give this text."""
        for text in {kode.compact, "".join(kode.parts)}:
            if len(text) == self.digits and _scientific(text, len(self.prefix)) == self.prefix:
                return True
        return False


def _scientific(digits: str, significant: int) -> str:
    """The mantissa digits Excel shows for an integer given as a digit string."""
    if not digits.isdigit() or significant < 1:
        return ""  # a cross-cutting code (X.XX…) has no number Excel could have shown
    drop = len(digits) - significant
    if drop <= 0:
        return digits
    shown, rest = divmod(int(digits), 10**drop)
    return str(shown + (1 if 2 * rest >= 10**drop else 0))  # Excel rounds half away from 0


@lru_cache(maxsize=1 << 16)
def parse_kode(text: str, bidang: str | None = None) -> Kode:
    """Parse a code in any printed form; ``bidang`` replaces a cross-cutting ``X.XX``.

    Raises :class:`CodeError` with the reason when ``text`` is not a code, and also for a
    code damaged by Excel (use :func:`parse_kode_or_damaged` to accept those). Remembers the
    codes it parsed (a :class:`Kode` cannot change): checks parse each plan's codes many times.
    """
    raw = text
    text = text.strip().rstrip(".")
    if not text:
        raise CodeError("'' is not a valid code: it is empty", "'' bukan kode yang sah: kosong")
    if _DAMAGED.match(text.replace(" ", "")):
        raise CodeError(
            f"'{raw}' is not a valid code: damaged by Excel (scientific notation)",
            f"'{raw}' bukan kode yang sah: rusak oleh Excel (notasi ilmiah)",
            hint="recover it from the name or the other tables",
            hint_id="pulihkan dari nama atau dari tabel lain",
        )
    kode = _parse_dotted(raw, text) if "." in text else _parse_undotted(raw, text)
    if bidang is not None and kode.is_cross_cutting:
        kode = kode.with_bidang(bidang)
    return kode


def parse_kode_or_damaged(text: str, bidang: str | None = None) -> Kode | DamagedKode:
    """Like :func:`parse_kode`, but returns a :class:`DamagedKode` for Excel-damaged codes."""
    match = _DAMAGED.match(text.strip().replace(" ", ""))
    if match:
        head, tail, exponent = match.groups()
        return DamagedKode(text=text.strip(), prefix=head + (tail or ""), digits=int(exponent) + 1)
    return parse_kode(text, bidang)


def _invalid(raw: str, reason_en: str, reason_id: str) -> CodeError:
    return CodeError(
        f"'{raw}' is not a valid code: {reason_en}",
        f"'{raw}' bukan kode yang sah: {reason_id}",
    )


def _parse_undotted(raw: str, text: str) -> Kode:
    if not text.isdigit():
        raise _invalid(raw, "it must contain only digits and dots",
                       "kode hanya boleh berisi angka dan titik")
    n = len(text)
    if n not in _UNDOTTED and n not in _UNDOTTED_SUB:
        raise _invalid(raw, f"{n} digits, expected {_EXPECTED_LENGTHS}",
                       f"{n} digit, seharusnya {_EXPECTED_LENGTHS_ID}")
    parts = [text[0], text[1:3], text[3:5], text[5:6], text[6:8], text[8:]]
    return _build(raw, [p for p in parts if p])


def _parse_dotted(raw: str, text: str) -> Kode:
    parts = [p.strip() for p in text.split(".")]
    if len(parts) > 6:
        raise _invalid(raw, f"{len(parts)} parts, at most 6 (U.BB.PP.L.KK.SSSS)",
                       f"{len(parts)} bagian, paling banyak 6 (U.BB.PP.L.KK.SSSS)")
    if len(parts) == 4:
        raise _invalid(raw, "the kegiatan number is missing after the level digit",
                       "nomor kegiatan tidak ada setelah digit tingkat pemerintahan")
    return _build(raw, parts)


_WIDTHS = (1, 2, 2, 1, 2)
_NAMES_EN = ("urusan", "bidang", "program", "level", "kegiatan", "sub kegiatan")
_NAMES_ID = ("urusan", "bidang", "program", "tingkat", "kegiatan", "sub kegiatan")


def _build(raw: str, parts: list[str]) -> Kode:
    for i, part in enumerate(parts):
        _check_part(raw, i, part)
    if len(parts) == 6:
        parts[5] = parts[5].zfill(4)
    values: list[str | None] = [*parts, *([None] * (6 - len(parts)))]
    return Kode(parts[0], values[1], values[2], values[3], values[4], values[5])


def _check_part(raw: str, i: int, part: str) -> None:
    cross = (i == 0 and part == "X") or (i == 1 and part == "XX")
    if i == 0 and not _URUSAN.match(part):
        raise _invalid(raw, f"urusan '{part}' must be one digit 1-8 or X",
                       f"urusan '{part}' harus satu digit 1-8 atau X")
    if i == 3 and part not in ("1", "2"):
        raise _invalid(raw, f"level '{part}' must be 1 (provinsi) or 2 (kab/kota)",
                       f"tingkat '{part}' harus 1 (provinsi) atau 2 (kab/kota)")
    if i == 5:
        if not (part.isdigit() and 1 <= len(part) <= 4):
            raise _invalid(raw, f"sub kegiatan '{part}' must be 1 to 4 digits",
                           f"sub kegiatan '{part}' harus 1 sampai 4 digit")
        return
    if not cross and not (part.isdigit() and len(part) == _WIDTHS[i]):
        unit = "digit" if _WIDTHS[i] == 1 else "digits"
        raise _invalid(raw, f"{_NAMES_EN[i]} '{part}' must be {_WIDTHS[i]} {unit}",
                       f"{_NAMES_ID[i]} '{part}' harus {_WIDTHS[i]} digit")
