"""Split text-from-PDF into prose and tables, and turn table lines into a :class:`Block`.

A table is a run of tab-separated lines, possibly interrupted by blank lines and page
numbers; its header (up to the ``(1) (2) …`` row) repeats after every page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from renja.domain import Source
from renja.io.grid import Block, Cell, GridRow, clean, is_column_number_row

_PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")


@dataclass(frozen=True)
class Line:
    number: int
    text: str

    @property
    def is_table(self) -> bool:
        return "\t" in self.text and bool(self.text.strip())

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Segment:
    kind: str  # "prose" or "table"
    lines: list[Line]


def segments(lines: list[Line]) -> list[Segment]:
    """Consecutive prose lines and consecutive table lines (blanks and page numbers inside)."""
    result: list[Segment] = []
    i = 0
    while i < len(lines):
        if lines[i].is_table:
            j = i
            end = i
            while j < len(lines) and (lines[j].is_table or _filler(lines[j])):
                if lines[j].is_table:
                    end = j
                j += 1
            result.append(Segment("table", lines[i:end + 1]))
            i = end + 1
        else:
            if result and result[-1].kind == "prose":
                result[-1].lines.append(lines[i])
            else:
                result.append(Segment("prose", [lines[i]]))
            i += 1
    return result


def _filler(line: Line) -> bool:
    return line.is_blank or bool(_PAGE_NUMBER.match(line.text))


def grid_row(line: Line, file: str) -> GridRow:
    parts = line.text.rstrip("\n").split("\t")
    cells = [Cell(clean(p), at=(file, line.number, i + 1)) for i, p in enumerate(parts)]
    while cells and not cells[-1].text:
        cells.pop()
    return GridRow(cells, Source(file=file, line=line.number))


def build_block(lines: list[Line], file: str, caption: list[str]) -> Block:
    """A block from table lines: header rows, then data rows without repeated headers."""
    return block_from_rows([grid_row(line, file) for line in lines if line.is_table], caption)


def block_from_rows(rows: list[GridRow], caption: list[str]) -> Block:
    """Header rows (up to the column-number row), then data rows without repeated headers."""
    rows = [r for r in rows if not r.is_empty()]
    block = Block(caption=caption, source=rows[0].source if rows else None)
    size = _header_size(rows)
    block.header = rows[:size]
    signature = _signature(rows[0]) if size else None
    i, after_break = size, False
    while i < len(rows):
        row = rows[i]
        if signature is not None and _signature(row) == signature:
            repeat = _repeat_size(rows, i, size)
            block.repeated.extend(rows[i:i + repeat])
            i += repeat
            after_break = True
            continue
        row.after_break = after_break
        after_break = False
        block.rows.append(row)
        i += 1
    return block


def _signature(row: GridRow) -> tuple[str, ...]:
    """The first two header cells, letters only (spacing differs between pages)."""
    return tuple(re.sub(r"[^a-z0-9]", "", c.text.lower())[:12] for _, c in row.filled()[:2])


def _header_size(rows: list[GridRow]) -> int:
    """Rows up to the column-number row; without one, one row (two when it has group cells)."""
    for i, row in enumerate(rows[:6]):
        if is_column_number_row(row):
            return i + 1
    if not rows:
        return 0
    first = rows[0]
    gaps = len(first.cells) - len(first.filled())
    if gaps and len(rows) > 1 and not any(ch.isdigit() for ch in " ".join(rows[1].texts())):
        return 2
    return 1


def _repeat_size(rows: list[GridRow], start: int, size: int) -> int:
    """A repeated header ends at its column-number row (or after as many rows as the first)."""
    for k in range(start, min(start + size + 2, len(rows))):
        if is_column_number_row(rows[k]):
            return k - start + 1
    return size
