"""A table as a grid of cells, whatever file it came from.

Thin readers (text lines split on tabs, XLSX sheets with merges resolved) produce
:class:`Block` objects; the table recognisers in :mod:`renja.io.tables` read only these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renja.domain import Source

_MARKUP = re.compile(r"</?(?:i|b|em|strong|u|sup|sub)>", re.IGNORECASE)


def clean(text: str) -> str:
    """Cell text without inline markup and with single spaces."""
    if "<" in text:
        text = _MARKUP.sub("", text)
    return " ".join(text.split())  # split() also splits on no-break spaces


class Cell:
    """A cell's text and where it was read; a text cell makes its Source only when asked."""

    __slots__ = ("_at", "_source", "text")

    def __init__(self, text: str, source: Source | None = None,
                 at: tuple[str, int, int] | None = None) -> None:
        self.text = text
        self._source = source
        self._at = at  # (file, line, column): most cells are never cited, so no Source yet

    @property
    def source(self) -> Source:
        if self._source is None:
            file, line, column = self._at or (None, None, None)
            self._source = Source(file=file, line=line, column=column)
        return self._source

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and (self.text, self.source) == (other.text, other.source)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Cell({self.text!r}, {self.source.describe()!r})"


@dataclass
class GridRow:
    """One row of a table: its cells (possibly empty strings) and where it was read."""

    cells: list[Cell]
    source: Source
    after_break: bool = False
    """True for the first data row after a repeated page header (names may spill into it)."""

    def text(self, index: int) -> str:
        return self.cells[index].text if 0 <= index < len(self.cells) else ""

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def filled(self) -> list[tuple[int, Cell]]:
        """The non-empty cells with their column index."""
        return [(i, c) for i, c in enumerate(self.cells) if c.text]

    def source_at(self, index: int) -> Source:
        return self.cells[index].source if 0 <= index < len(self.cells) else self.source

    def is_empty(self) -> bool:
        return not any(c.text for c in self.cells)


@dataclass
class Block:
    """A table as found in a file: caption lines, header rows and data rows."""

    caption: list[str] = field(default_factory=list)
    header: list[GridRow] = field(default_factory=list)
    rows: list[GridRow] = field(default_factory=list)
    notes: list[tuple[Source, str]] = field(default_factory=list)
    """Lines near the table that are not rows, e.g. ``Nama Perangkat Daerah : BKPSDM``."""
    source: Source | None = None
    repeated: list[GridRow] = field(default_factory=list)
    """The header rows printed again after each page break (a year may differ there)."""

    @property
    def caption_text(self) -> str:
        return " ".join(self.caption)

    def header_text(self) -> str:
        return " ".join(c.text for row in self.header for c in row.cells if c.text)

    def columns(self) -> int:
        return max((len(r.cells) for r in [*self.header, *self.rows]), default=0)

    def column_labels(self) -> list[str]:
        """Each column's header text, group labels carried over the blank cells they span."""
        width = self.columns()
        labels = [""] * width
        rows = [row for row in self.header if not is_column_number_row(row)]
        for number, row in enumerate(rows):
            carry = number < len(rows) - 1  # upper rows hold group labels over several columns
            carried = ""
            for i in range(width):
                text = row.text(i)
                if text:
                    carried = text
                    labels[i] = f"{labels[i]} {text}".strip()
                elif carry and carried:
                    labels[i] = f"{labels[i]} {carried}".strip()
        return labels


_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?(?:\s*=\s*\(?[\d/+\-x* ]+\)?)?$")


def is_column_number_row(row: GridRow) -> bool:
    """``(1) (2) (3) …`` or ``1 2 3 … 8=(7/6)``: the row that numbers the columns."""
    filled = [c.text for _, c in row.filled()]
    if len(filled) < 3:
        return False
    if not all(_COLUMN_NUMBER.match(text) for text in filled):
        return False
    numbers = [int(re.match(r"\(?(\d+)", text).group(1)) for text in filled]  # type: ignore[union-attr]
    return numbers[0] in (0, 1) and numbers == sorted(numbers)


def column_numbers(block: Block) -> dict[int, int]:
    """Official column number (1, 2, … from the ``(1) (2) …`` row) of each cell index."""
    for row in block.header:
        if is_column_number_row(row):
            return {i: int(re.match(r"\(?(\d+)", c.text).group(1))  # type: ignore[union-attr]
                    for i, c in row.filled()}
    return {i: i + 1 for i in range(block.columns())}
