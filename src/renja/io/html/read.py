"""Read a Renja from an HTML table saved as ``.xls``: what SIPD-based tools give for
"Download Excel", and what Excel itself writes as "Web Page".

Every ``<table>`` becomes a sheet (its ``colspan``/``rowspan`` as merged cells, the text
before it as title rows) and the workbook goes through the XLSX reader, so the same header,
caption and table recognisers apply. A cell Excel marked as a number (``x:num``) is a number;
every other cell is its text, read as the document prints it (``1.234.567,00``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path

from openpyxl import Workbook

from renja.errors import FormatError
from renja.io.report import ImportResult
from renja.io.text.chapters import is_chapter
from renja.io.text.read import decode_text, parse_text, read_bounded
from renja.text import clean_text

MAX_BYTES = 20 * 1024 * 1024
MAX_CELLS = 200_000
MAX_SPAN = 100
MAX_TITLE = 200  # characters: a longer line above a table is prose, not its title
TITLE_LINES = 4
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "br", "caption", "title", "li",
               "figcaption", "figure", "section", "tr", "hr"}
_SKIP_TAGS = {"script", "style", "head"}


@dataclass
class HtmlCell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    number: Decimal | None = None


@dataclass
class HtmlTable:
    titles: list[str]
    rows: list[list[HtmlCell]] = field(default_factory=list)


def read_html(path: str | Path) -> ImportResult:
    from renja.io.xlsx.read import read_workbook  # openpyxl is slow to import

    path = Path(path)
    text, _ = decode_text(read_bounded(path, MAX_BYTES, "HTML", "HTML"))
    parser = _Parser(path.name)
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.tables if t.rows]
    if any(is_chapter(line) for line in parser.lines):  # a whole document: read as its text
        return parse_text("\n".join(_text_lines(parser)), path.name)
    if not tables:
        raise FormatError(f"{path.name}: an HTML page without a table: not a Renja export",
                          f"{path.name}: halaman HTML tanpa tabel: bukan ekspor Renja")
    workbook = to_workbook(tables)
    return read_workbook(workbook, workbook, path.name)


def _text_lines(parser: _Parser) -> list[str]:
    """The page as text from a PDF: prose lines, each table row tab-separated (a spanned
    cell's other columns and rows left empty)."""
    lines: list[str] = []
    for item in parser.flow:
        if isinstance(item, str):
            lines.append(item)
        else:
            lines.extend("\t".join(" ".join(c.split()) for c in row) or "\t"
                         for row in _grid(item))
    return lines


def _grid(table: HtmlTable) -> list[list[str]]:
    grid: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(table.rows):
        column = 0
        for cell in cells:
            while (r, column) in grid:
                column += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[(r + dr, column + dc)] = cell.text if dr == dc == 0 else ""
            column += cell.colspan
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(table.rows))]


def _titles(table: HtmlTable, first: bool) -> list[str]:
    """The short lines just above a table (its caption), and for the first table also the
    page's heading (the plan's title); the prose of chapters is not a title."""
    short = [t for t in table.titles if len(t) <= MAX_TITLE]
    if first and len(short) > 2 * TITLE_LINES:
        return short[:TITLE_LINES] + short[-TITLE_LINES:]
    return short[-2 * TITLE_LINES:] if first else short[-TITLE_LINES:]


def to_workbook(tables: list[HtmlTable]) -> Workbook:
    """One sheet per table: title rows, then the table with its spans merged."""
    workbook = Workbook()
    for sheet in list(workbook.worksheets):
        workbook.remove(sheet)
    for index, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(f"Tabel {index}")
        table.titles = _titles(table, index == 1)
        for row, title in enumerate(table.titles, start=1):
            sheet.cell(row, 1, title)
        top = len(table.titles) + 1
        taken: set[tuple[int, int]] = set()
        for r, cells in enumerate(table.rows):
            column = 1
            for cell in cells:
                while (r, column) in taken:
                    column += 1
                target = sheet.cell(top + r, column)
                if cell.number is not None:
                    target.value = cell.number
                    target.number_format = "#,##0" if cell.number == cell.number.to_integral() \
                        else "#,##0.00"
                elif cell.text:
                    target.value = cell.text
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, column + dc))
                if cell.rowspan > 1 or cell.colspan > 1:
                    sheet.merge_cells(start_row=top + r, start_column=column,
                                      end_row=top + r + cell.rowspan - 1,
                                      end_column=column + cell.colspan - 1)
                column += cell.colspan
    return workbook


class _Parser(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.tables: list[HtmlTable] = []
        self.depth = 0  # nested tables are read as text of their cell
        self.skip = 0
        self.cell: HtmlCell | None = None
        self.buffer: list[str] = []
        self.titles: list[str] = []
        self.lines: list[str] = []  # every line outside tables
        self.flow: list[str | HtmlTable] = []  # lines and tables in page order
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "table":
            if self.depth == 0:
                self._flush_title()
            self.depth += 1
            if self.depth == 1:
                self.tables.append(HtmlTable(self.titles))
                self.flow.append(self.tables[-1])
                self.titles = []
        elif self.depth == 1 and tag == "tr":
            self.tables[-1].rows.append([])
        elif self.depth == 1 and tag in ("td", "th"):
            self._close_cell()
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise FormatError(
                    f"{self.name}: more than {MAX_CELLS:,} table cells: not a Renja",
                    f"{self.name}: lebih dari {MAX_CELLS:,} sel tabel: bukan Renja")
            values = dict(attrs)
            self.cell = HtmlCell(colspan=_span(values.get("colspan")),
                                 rowspan=_span(values.get("rowspan")),
                                 number=_number(values.get("x:num")))
            if not self.tables[-1].rows:
                self.tables[-1].rows.append([])
            self.tables[-1].rows[-1].append(self.cell)
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "table":
            if self.depth == 1:
                self._close_cell()
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th", "tr"):
            self._close_cell()
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if not self.skip:  # a line break in the source is a space; <br> is the break
            self.buffer.append(clean_text(data.replace("\r", " ").replace("\n", " ")))

    def close(self) -> None:
        super().close()
        self._close_cell()
        self._flush_title()

    def _newline(self) -> None:
        if self.depth == 0:
            self._flush_title()
        else:
            self.buffer.append("\n")

    def _flush_title(self) -> None:
        if self.depth != 0:
            return
        for line in "".join(self.buffer).split("\n"):  # newlines kept by white-space: pre-line
            text = " ".join(line.split())
            if text:
                self.titles.append(text)
                self.lines.append(text)
                self.flow.append(text)
        self.buffer = []

    def _close_cell(self) -> None:
        if self.cell is not None:
            self.cell.text = re.sub(r"[ \t\r\f\v\xa0]+", " ", "".join(self.buffer))
            self.cell.text = "\n".join(x.strip() for x in self.cell.text.split("\n")).strip()
            self.cell = None
        if self.depth == 1:
            self.buffer = []


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _number(value: str | None) -> Decimal | None:
    if value is None or not value.strip():
        return None
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) < Decimal(10) ** 18 else None
