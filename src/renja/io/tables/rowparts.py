"""Reading the left part of a coded table row (kode, nama, indikator) and joining spills."""

from __future__ import annotations

import re
from dataclasses import dataclass

from renja.domain import Source, Target, parse_target
from renja.errors import TargetError
from renja.io.grid import GridRow
from renja.io.report import Report
from renja.io.tables.cells import belanja_label, classify, looks_like_kode
from renja.text import join_wrapped


@dataclass
class LeftPart:
    kode: str
    nama: str
    indikator: str
    rest: int
    """Index of the first cell after the left part."""


def code_columns(labels: list[str]) -> int:
    """How many leading columns hold the code (SIPD-style sheets split it over several)."""
    count = 0
    for label in labels:
        if not label.lower().startswith("kode"):
            break
        count += 1
    return max(count, 1)


def left_part(row: GridRow, width: int = 3, code_cols: int = 1) -> LeftPart:
    """Split ``kode | nama | indikator | …``, coping with a row shifted one cell left."""
    if code_cols > 1:
        parts = [row.text(i) for i in range(code_cols) if row.text(i)]
        kode = ".".join(parts) if all(looks_like_kode(p) for p in parts) else ""
        return _cut(row, LeftPart(kode, row.text(code_cols), row.text(code_cols + 1),
                                  code_cols + 2), start=code_cols)
    first = row.text(0)
    if first and not looks_like_kode(first) and not is_total_label(first):
        # no kode column in this row: everything sits one cell to the left
        return _cut(row, LeftPart("", first, row.text(1), 2), start=0)
    if first and not row.text(1) and _is_words(row.text(2)) and _is_words(row.text(3)):
        # an empty cell after the kode: everything sits one cell to the right
        return _cut(row, LeftPart(first, row.text(2), row.text(3), width + 1), start=2)
    return _cut(row, LeftPart(first, row.text(1), row.text(2), width), start=1)


_TOTAL = re.compile(r"^(jumlah|total)(\s+(total|keseluruhan|seluruhnya|pagu|indikatif|anggaran|"
                    r"kebutuhan|dana))*\s*:?$", re.IGNORECASE)


def is_total_label(text: str) -> bool:
    """``JUMLAH TOTAL``, ``JUMLAH``, ``TOTAL``, ``Total Pagu Indikatif :`` and the like: the
    label of a table's total row, wherever it is printed (Kode column included)."""
    return bool(_TOTAL.match(text.strip()))


def _is_words(text: str) -> bool:
    """Text that can be a name or an indicator (not a value, label or location code)."""
    return len(text) > 3 and classify(text, 0).kind == "text" and not belanja_label(text)


def _cut(row: GridRow, part: LeftPart, start: int) -> LeftPart:
    """Stop the left part at a cell that holds money or a belanja label (a shifted row)."""
    names = [part.nama, part.indikator]
    for offset, text in enumerate(names):
        if text and (belanja_label(text) or classify(text, 0).kind in ("money", "colon")):
            index = start + offset
            kept = names[:offset] + [""] * (2 - offset)
            return LeftPart(part.kode, kept[0], kept[1], index)
    return part


def join_spill(head: str, tail: str) -> str:
    """Join a name with the part that spilled onto the next page, dropping repeated words."""
    if not head:
        return tail
    if not tail:
        return head
    a, b = head.split(), tail.split()
    for k in range(min(len(a), len(b)), 1, -1):
        if [w.lower() for w in a[-k:]] == [w.lower() for w in b[:k]]:
            return " ".join(a + b[k:])
    return join_wrapped(head, tail)


def read_target(text: str, source: Source, report: Report) -> Target:
    """Parse a target cell; a malformed one is kept as text and reported."""
    try:
        return parse_target(text)
    except TargetError as exc:
        hint_en = f" ({exc.hint('en')})" if exc.hint("en") else ""
        hint_id = f" ({exc.hint('id')})" if exc.hint("id") else ""
        report.add(source, exc.message("en") + hint_en, exc.message("id") + hint_id, "error")
        return Target(text=" ".join(text.split()))
