"""Template filters that turn renja's codes into the words people read (renja.words)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from renja import words
from renja.numbers import format_number, format_rupiah
from renja.rules.finding import TABLE_LABELS

register = template.Library()
register.filter("tahapan", words.stage)
register.filter("status_renja", words.status)
register.filter("aksi", words.audit_action)
register.filter("lewat", words.via)
register.filter("sel", words.cell_title)
register.filter("tabel", lambda key: TABLE_LABELS.get(key, key))


@register.filter
def kolom(field: str | None, tahun: int | None = None) -> str:
    return words.field_title(field, tahun)


@register.filter
def rupiah(value: object) -> str:
    """``1234567`` → ``1.234.567`` (negative with a minus); anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "" if value is None else str(value)
    return format_rupiah(value, dash_for_zero=False) if value >= 0 else \
        "-" + format_rupiah(-value, dash_for_zero=False)


@register.filter
def angka(value: object) -> str:
    """``Decimal("1234.5")`` → ``1.234,5``; anything else as it is."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format_number(Decimal(value).quantize(Decimal("0.01")).normalize()
                             if isinstance(value, Decimal) else value)
    return "" if value is None else str(value)


@register.filter
def get(mapping: dict[str, str], key: str) -> str:
    """``{{ labels|get:code }}``: a label by its code."""
    return mapping.get(key, key)
