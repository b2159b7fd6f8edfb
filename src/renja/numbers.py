"""Indonesian numbers as printed in planning documents, and back.

Thousands are separated with ``.`` and decimals with ``,`` (``1.802.940.203``, ``36,5``,
``64,09%``); ``-`` means zero; amounts may carry ``Rp.`` and a trailing ``,-``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from renja.errors import NumberError

_DASHES = {"-", "–", "—", "−"}
_EXCEL_SCIENTIFIC = re.compile(r"^[+-]?\d(?:[.,]\d+)?[eE][+-]?\d+$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(?:,\d{3}){2,}$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_CURRENCY = re.compile(r"^rp\.?\s*", re.IGNORECASE)


def is_zero_dash(text: str) -> bool:
    """True for the ``-`` that documents print for zero."""
    return text.strip() in _DASHES


MAX_DIGITS = 18  # Rupiah: far above any pemda's budget (the state's is ~10^15)
MAX_DECIMALS = 10


_PLAIN_MONEY = re.compile(r"\d{1,3}(?:\.\d{3})*\Z")  # 1.234.567 or 123


def _shown(text: str) -> str:
    """A value as a message quotes it: at most 40 characters."""
    return text if len(text) <= 40 else text[:39] + "…"


def parse_decimal(text: str) -> Decimal:
    """Parse ``1.802.940.203``, ``36,5``, ``-``, ``(1.000)``, ``-2,5`` into a Decimal."""
    if _PLAIN_MONEY.match(text) and len(text) <= MAX_DIGITS + 5:  # the common case, fast
        return Decimal(text.replace(".", ""))
    raw = _shown(text)
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        raise NumberError("'' is not a number: it is empty", "'' bukan angka: kosong")
    if s in _DASHES:
        return Decimal(0)
    if _EXCEL_SCIENTIFIC.match(s):
        raise NumberError(
            f"'{raw}' is not a number: damaged by Excel (scientific notation)",
            f"'{raw}' bukan angka: rusak oleh Excel (notasi ilmiah)",
            hint="type the full value again",
            hint_id="ketik ulang nilai lengkapnya",
        )
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s[:1] in _DASHES or s[:1] == "+":
        negative, s = s[:1] in _DASHES, s[1:]
    digits = _normalise(s)
    if digits is None:
        raise NumberError(f"'{raw}' is not a number", f"'{raw}' bukan angka")
    whole, _, fraction = digits.partition(".")
    if len(whole.lstrip("0")) > MAX_DIGITS or len(fraction) > MAX_DECIMALS:
        raise NumberError(f"'{raw}' is not a number: too many digits (at most {MAX_DIGITS}, "
                          f"and {MAX_DECIMALS} after the comma)",
                          f"'{raw}' bukan angka: terlalu banyak digit (paling banyak "
                          f"{MAX_DIGITS}, dan {MAX_DECIMALS} di belakang koma)")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by _normalise
        raise NumberError(f"'{raw}' is not a number", f"'{raw}' bukan angka") from exc
    return -value if negative else value


def _normalise(s: str) -> str | None:
    """Turn an Indonesian (or plain English) number into Python's notation, or None."""
    if "." in s and "," in s:
        if s.rfind(",") > s.rfind("."):  # 1.234,56 (Indonesian)
            whole, _, frac = s.rpartition(",")
            if not _THOUSANDS_DOT.match(whole) and not whole.isdigit():
                return None
            s = whole.replace(".", "") + "." + frac
        else:  # 1,234.56 (English)
            whole, _, frac = s.rpartition(".")
            if not re.match(r"^\d{1,3}(?:,\d{3})+$", whole):
                return None
            s = whole.replace(",", "") + "." + frac
    elif "." in s:
        if _THOUSANDS_DOT.match(s):
            s = s.replace(".", "")
    elif "," in s:
        s = s.replace(",", "") if _THOUSANDS_COMMA.match(s) else s.replace(",", ".")
    return s if _PLAIN.match(s) else None


def parse_rupiah(text: str) -> int:
    """Parse an amount of Rupiah: ``1.802.940.203``, ``Rp. 14.158.871.237,-``, ``-`` (0)."""
    s = _CURRENCY.sub("", text.strip())
    s = re.sub(r",-+$", "", s)
    value = parse_decimal(s)
    if value != value.to_integral_value():
        raise NumberError(
            f"'{text.strip()}' is not a whole amount of Rupiah",
            f"'{text.strip()}' bukan jumlah Rupiah yang bulat",
        )
    return int(value)


def parse_percent(text: str) -> Decimal:
    """Parse ``64,09%``, ``100 %`` or ``64,09`` into the percentage (64.09)."""
    s = text.strip()
    if s.endswith("%"):
        s = s[:-1]
    return parse_decimal(s)


def format_number(value: Decimal | int, decimals: int | None = None) -> str:
    """Indonesian notation: ``1.802.940.203``, ``36,5``; ``decimals`` fixes the places."""
    number = Decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals))
    negative = number < 0
    text = format(abs(number), "f")
    whole, _, frac = text.partition(".")
    if decimals is None and frac:
        frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    out = grouped + ("," + frac if frac else "")
    return "-" + out if negative else out


def format_rupiah(value: int | None, dash_for_zero: bool = True, prefix: str = "") -> str:
    """An amount as documents print it: ``1.802.940.203``; zero as ``-``; None as ``""``."""
    if value is None:
        return ""
    if value == 0 and dash_for_zero:
        return "-"
    return prefix + format_number(value)


def format_percent(value: Decimal | int | None, decimals: int | None = None) -> str:
    """``64,09%``; None as ``""``."""
    if value is None:
        return ""
    return format_number(value, decimals) + "%"


_MILLIONS = re.compile(r"juta", re.IGNORECASE)
_THOUSANDS_LABEL = re.compile(r"\.?\s*000\b|ribu", re.IGNORECASE)


_UNIT_LABEL = re.compile(
    r"\(\s*((?:dalam\s+)?(?:ribuan|jutaan)\s+rupiah|Rp\.?\s*(?:\.?\s*000|ribu|juta)"
    r"(?:\.000)?)\s*\)|\bRp\.?\s*\(\s*(?:\.?000|ribu|juta)\s*\)"
    r"|\bRp\.?\s*\.?000\b|\b(?:dalam\s+)?(?:ribuan|jutaan)\s+rupiah\b",
    re.IGNORECASE)


def money_unit_label(header: str) -> str | None:
    """The money unit a header names, as printed: ``Rp.000``, ``dalam ribuan rupiah``,
    ``Rp ribu``, ``Rp juta``; None when it names none (full Rupiah)."""
    match = _UNIT_LABEL.search(header)
    if match is None:
        return None
    return (match.group(1) or match.group(0)).strip()


def money_scale(label: str | None) -> int:
    """What a money header says the printed amounts are counted in: ``(Rp.000)``, ``(dalam
    ribuan rupiah)``, ``(Rp ribu)`` → 1000; ``(Rp juta)``, ``(dalam jutaan rupiah)`` →
    1000000; anything else → 1 (Rupiah)."""
    if not label:
        return 1
    if _MILLIONS.search(label):
        return 1_000_000
    return 1000 if _THOUSANDS_LABEL.search(label) else 1
