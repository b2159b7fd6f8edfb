"""What a table cell holds, judged by its content (money, target, belanja label, …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from renja.codes import DamagedKode, Kode, parse_kode_or_damaged
from renja.errors import CodeError, NumberError, TargetError
from renja.numbers import is_zero_dash, parse_rupiah

CellKind = Literal["label", "colon", "money", "dash", "sumber_dana", "target", "text"]

# "Belanja operasi", "Belanja barang dan jasa", "Belanja Barang & Jasa", … → field of Belanja
BELANJA_LABELS: dict[str, str] = {
    "operasi": "operasi",
    "pegawai": "pegawai",
    "barang dan jasa": "barang_jasa",
    "barang jasa": "barang_jasa",
    "barang & jasa": "barang_jasa",
    "barang/jasa": "barang_jasa",
    "bunga": "bunga",
    "subsidi": "subsidi",
    "hibah": "hibah",
    "bantuan sosial": "bantuan_sosial",
    "bansos": "bantuan_sosial",
    "modal": "modal",
    "tidak terduga": "tidak_terduga",
    "transfer": "transfer",
}
_LABEL = re.compile(
    r"^belanja\s+(" + "|".join(re.escape(k) for k in BELANJA_LABELS) + r")\s*(?::\s*(.*))?$",
    re.IGNORECASE,
)
_MONEY = re.compile(r"^(?:Rp\.?\s*)?\(?-?\d{1,3}(?:\.\d{3})+(?:,-|,00)?\)?$", re.IGNORECASE)
_SUMBER_DANA = re.compile(
    r"^(?:APBD|APBN|DAU|DAK|DBH|DID|BLUD|BOS|PAD|BK|BKK|Bankeu|Otsus|Hibah|Dana Desa|"
    r"Pendapatan Asli Daerah|Dana Alokasi Umum|Dana Alokasi Khusus|Dana Bagi Hasil|"
    r"Bantuan Keuangan|Pinjaman Daerah|SILPA)\b.*$",
    re.IGNORECASE,
)
_TARGET = re.compile(r"^(?:[-+]?\d[\d.,]*\s*\S*.*|(?:AA|A|BB|B|CC|C|D)\s*\(\s*[\d.,]+\s*\))$")


@dataclass(frozen=True)
class Token:
    """A classified cell: ``kind``, the text, and for labels the belanja field and value."""

    kind: CellKind
    text: str
    index: int
    field: str | None = None
    value: str | None = None


def belanja_label(text: str) -> tuple[str, str | None] | None:
    """``Belanja operasi : 1.234`` → ``("operasi", "1.234")``; None when not a label."""
    match = _LABEL.match(text.strip())
    if not match:
        return None
    value = (match.group(2) or "").strip() or None
    return BELANJA_LABELS[match.group(1).lower()], value


def is_money(text: str) -> bool:
    """An amount of Rupiah as printed: dotted thousands (``1.234``), at least 1.000."""
    return bool(_MONEY.match(text.strip()))


def money_value(text: str) -> int:
    """The amount of a money or dash cell (``: 1.234`` and ``: -`` accepted)."""
    return parse_rupiah(text.strip().lstrip(":").strip())


def classify(text: str, index: int) -> Token:
    stripped = text.strip()
    label = belanja_label(stripped)
    if label is not None:
        return Token("label", stripped, index, field=label[0], value=label[1])
    if stripped == ":":
        return Token("colon", stripped, index)
    if stripped.startswith(":"):
        rest = stripped[1:].strip()
        if is_zero_dash(rest):
            return Token("dash", rest, index)
        if is_money(rest):
            return Token("money", rest, index)
    if is_zero_dash(stripped):
        return Token("dash", stripped, index)
    if is_money(stripped):
        return Token("money", stripped, index)
    if _SUMBER_DANA.match(stripped):
        return Token("sumber_dana", stripped, index)
    if _TARGET.match(stripped):
        return Token("target", stripped, index)
    return Token("text", stripped, index)


def read_kode(text: str) -> Kode | DamagedKode | None:
    """A code cell; None when the cell does not hold a code (even a malformed one)."""
    text = text.strip()
    if not text or not re.match(r"^[\dX][\dX.,Ee+ ]*$", text):
        return None
    try:
        return parse_kode_or_damaged(text)
    except CodeError:
        return None


def looks_like_kode(text: str) -> bool:
    """Digits and dots only (or Excel damage): a code, perhaps a malformed one."""
    return bool(re.match(r"^(?:[\dX][\dX.]*|\d[.,]\d+[Ee]\+?\d+)$", text.strip()))


def try_money(text: str) -> int | None:
    try:
        return money_value(text)
    except NumberError:
        return None


__all__ = ["BELANJA_LABELS", "CellKind", "NumberError", "TargetError", "Token", "belanja_label",
           "classify", "is_money", "looks_like_kode", "money_value", "read_kode", "try_money"]
