"""A Renja as text the way it comes out of a PDF: prose lines, tables as tab-separated lines.

Used to produce test and benchmark corpora that `renja import` reads like real documents.
"""

from __future__ import annotations

from collections.abc import Iterator

from renja.domain import Renja
from renja.render.layout import TableLayout
from renja.render.outline import Heading, PageBreak, Paragraph, Table, outline

ROWS_PER_PAGE = 40


def render_text(renja: Renja) -> str:
    lines: list[str] = []
    for block in outline(renja, front=False):
        if isinstance(block, Heading):
            lines += [block.text, ""]
        elif isinstance(block, Paragraph):
            if block.style == "signature":  # a block of short lines, as signed
                lines += [*block.text.split("\n"), ""]
            else:
                lines += [block.text.replace("\n", " "), ""]
        elif isinstance(block, PageBreak):
            lines.append("")
        elif isinstance(block, Table):
            lines += list(_table(block.layout))
    return "\n".join(lines) + "\n"


def _table(table: TableLayout) -> Iterator[str]:
    yield table.label
    yield ""
    yield table.title
    yield ""
    if table.note:
        yield table.note
        yield ""
    header = list(_header(table))
    for start in range(0, max(len(table.rows), 1), ROWS_PER_PAGE):
        yield from header
        for row in table.rows[start:start + ROWS_PER_PAGE]:
            cells = row.cells + [""] * (table.columns - len(row.cells))
            yield "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)
        yield ""
    yield ""


def _header(table: TableLayout) -> Iterator[str]:
    """Header rows with spans written as a label followed by empty cells, then the numbers."""
    taken: set[tuple[int, int]] = set()
    for r, header_row in enumerate(table.header):
        cells = [""] * table.columns
        c = 0
        for cell in header_row:
            while (r, c) in taken:
                c += 1
            cells[c] = cell.text
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    taken.add((rr, cc))
            c += cell.colspan
        yield "\t".join(cells)
    yield "\t".join(table.numbers)
