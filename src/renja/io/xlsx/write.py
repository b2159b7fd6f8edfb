"""Workbooks in the official layout: one sheet per table, live formulas, ready to print.

Roll-up rows, belanja operasi, the total row and the T-C.29 ratios are written as formulas
wherever the plan's printed numbers agree with them (so the workbook stays live when staff
edit it); a printed number that disagrees is kept as printed, for `renja check` to report.
`renja import` reads the workbook back.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from renja.calc.evaluation import tc29_expected
from renja.calc.rollup import belanja_total, operasi_parts
from renja.domain import Belanja, Jumlah, PlanNode, Renja, Target, Tc29Indikator, format_target
from renja.domain.plan import BELANJA_OPERASI_PARTS
from renja.io.xlsx.cached import with_values
from renja.io.xlsx.texts import TITLE as TEXT_TITLE
from renja.io.xlsx.texts import write_texts
from renja.render.layout import BELANJA_LINES, Row, TableLayout, layout
from renja.rules.finding import Finding

MONEY = "#,##0;-#,##0;\"-\""
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
BOLD_ROWS = ("program", "urusan", "bidang", "total", "group")
SHEETS = (("tc33", "T-C.33"), ("tc29", "T-C.29"), ("tc30", "T-C.30"), ("tc31", "T-C.31"),
          ("tc32", "T-C.32"), ("tujuan_sasaran", "Tabel 3.2"))


def render_xlsx(renja: Renja, findings: Sequence[Finding] | None = None) -> bytes:
    workbook = Workbook()
    info = workbook.worksheets[0]
    info.title = "Info"
    _info(info, renja)
    for key, title in SHEETS:
        sheet = workbook.create_sheet(title)
        table = layout(renja, key)
        rows = _draw(sheet, table)
        _as_text(sheet)
        if key == "tc33":
            _tc33_formulas(sheet, table, rows)
        elif key == "tc29":
            _tc29_formulas(sheet, renja, rows)
    _indicator_sheet(workbook.create_sheet("Indikator"), renja)
    write_texts(workbook.create_sheet(TEXT_TITLE), renja)
    if findings is not None:
        _findings_sheet(workbook.create_sheet("Temuan"), findings)
    for sheet in (info, *workbook.worksheets[len(SHEETS) + 1:]):
        _as_text(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return with_values(workbook, out.getvalue())


INFO_FIELDS = (("format", "renja/1"),)


def _info(sheet: Worksheet, renja: Renja) -> None:
    rows = [
        ("Rencana Kerja", f"RENCANA KERJA {renja.perangkat_daerah.nama.upper()} "
                          f"{renja.pemda.nama.upper()} TAHUN {renja.tahun}"),
        ("format", "renja/1"),
        ("tahun", renja.tahun),
        ("tahapan", renja.tahapan or ""),
        ("pemda", renja.pemda.nama),
        ("jenis_pemda", renja.pemda.jenis or ""),
        ("provinsi", renja.pemda.provinsi or ""),
        ("perangkat_daerah", renja.perangkat_daerah.nama),
        ("singkatan", renja.perangkat_daerah.singkatan or ""),
        ("bidang", renja.perangkat_daerah.bidang or ""),
        ("nomenklatur_versi", renja.nomenklatur_versi or ""),
    ]
    for key, value in rows:
        sheet.append([key, value])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90


INDICATOR_HEADER = ["tabel", "kode", "indikator", "polaritas", "agregasi"]


def _indicator_sheet(sheet: Worksheet, renja: Renja) -> None:
    """How each indicator is evaluated (polarity, aggregation): not printed in the tables."""
    sheet.append(["Sifat indikator (polaritas: positif = makin tinggi makin baik; agregasi: "
                  "jumlah / terakhir / rata_rata)"])
    sheet.append(INDICATOR_HEADER)
    for node in renja.rencana.walk():
        for ind in node.indikator:
            if ind.polaritas or ind.agregasi:
                sheet.append(["tc33", node.kode, ind.nama, ind.polaritas, ind.agregasi])
    for row in renja.tc29.rows:
        for t29 in row.indikator:
            if t29.polaritas or t29.agregasi:
                sheet.append(["tc29", row.kode, t29.nama, t29.polaritas, t29.agregasi])
    for column, width in zip("ABCDE", (8, 22, 70, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width


def _findings_sheet(sheet: Worksheet, findings: Sequence[Finding]) -> None:
    sheet.append(["Hasil pemeriksaan renja check"])
    sheet.append(["aturan", "tingkat", "tabel", "kode", "kolom", "seharusnya", "tertulis",
                  "baris", "sel", "temuan"])
    for f in findings:
        source = f.source
        sheet.append([f.rule, f.severity, f.table, f.kode, f.field, f.expected, f.actual,
                      source.line if source else None, source.cell if source else None,
                      f.message])
    sheet.column_dimensions["J"].width = 120


def _draw(sheet: Worksheet, table: TableLayout) -> dict[int, int]:
    """Write the table; returns layout row index → worksheet row number."""
    sheet.append([table.label])
    sheet.append([table.title])
    sheet.append([table.note or ""])
    sheet.cell(1, 1).font = Font(bold=True)
    sheet.cell(2, 1).font = Font(bold=True)
    top = 5
    _header(sheet, table, top)
    first = top + len(table.header) + 1
    positions = {}
    styles = _BodyStyles(sheet)
    r = first - 1
    for i, row in enumerate(table.rows):
        if row.kind == "belanja" and all(v is None for v in row.values.values()):
            continue  # a belanja line the plan does not state: leave it out of the workbook
        r += 1
        positions[i] = r
        for c, text in enumerate(row.cells[: table.columns], start=1):
            cell = sheet.cell(r, c, _value(row, c - 1, text, table))
            money = isinstance(cell.value, int) and c - 1 in row.values
            cell._style = styles.of(row.kind in BOLD_ROWS, row.kind == "kegiatan",
                                    c - 1 in table.numeric, money)
    _page_setup(sheet, table, top, first)
    return positions


class _BodyStyles:
    """The few styles of body cells, each built once per workbook: setting a new Font and
    Alignment on every cell made openpyxl hash them 50,000 times for a pemda's RKPD."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.made: dict[tuple[bool, bool, bool, bool], Any] = {}

    def of(self, bold: bool, italic: bool, right: bool, money: bool) -> Any:
        key = (bold, italic, right, money)
        if key not in self.made:
            at = self.sheet.max_row + 50
            scratch: Any = self.sheet.cell(at, 1)
            scratch.border = BOX
            scratch.alignment = Alignment(wrap_text=True, vertical="top",
                                          horizontal="right" if right else None)
            scratch.font = Font(bold=bold, italic=italic, size=9)
            if money:
                scratch.number_format = MONEY
            self.made[key] = scratch._style
            del self.sheet._cells[(at, 1)]
        return copy(self.made[key])


def _value(row: Row, column: int, text: str, table: TableLayout) -> Any:
    """Money as numbers, targets as numbers with their unit in the number format, else text."""
    if column in row.values:
        return row.values[column]
    return text or None


def _header(sheet: Worksheet, table: TableLayout, top: int) -> None:
    taken: set[tuple[int, int]] = set()
    for r, header_row in enumerate(table.header):
        c = 0
        for cell in header_row:
            while (r, c) in taken:
                c += 1
            row, col = top + r, c + 1
            sheet.cell(row, col, cell.text)
            if cell.colspan > 1 or cell.rowspan > 1:
                sheet.merge_cells(start_row=row, start_column=col,
                                  end_row=row + cell.rowspan - 1,
                                  end_column=col + cell.colspan - 1)
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    taken.add((rr, cc))
            c += cell.colspan
    numbers = top + len(table.header)
    for c, text in enumerate(table.numbers, start=1):
        sheet.cell(numbers, c, text)
    for sheet_row in sheet.iter_rows(min_row=top, max_row=numbers, max_col=table.columns):
        for box in sheet_row:
            box.font = Font(bold=(box.row or 0) < numbers, size=9)
            box.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            box.fill = HEADER_FILL
            box.border = BOX


def _page_setup(sheet: Worksheet, table: TableLayout, top: int, first: int) -> None:
    total = sum(table.widths)
    for c, width in enumerate(table.widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(6, 160 * width / total)
    sheet.freeze_panes = f"A{first}"
    sheet.print_title_rows = f"{top}:{first - 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


# --- formulas ---------------------------------------------------------------------------



def _as_text(sheet: Worksheet) -> None:
    """Every text written so far stays text: a value a person typed that starts with ``=``
    (``=HYPERLINK(…)``) must not become a live formula. Called before our own formulas go in."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _tc33_formulas(sheet: Worksheet, table: TableLayout, rows: dict[int, int]) -> None:
    where: dict[int, int] = {}
    breakdown: dict[tuple[int, str], int] = {}
    for i, row in enumerate(table.rows):
        if i not in rows:
            continue
        if row.node is not None and row.belanja is None:
            where[id(row.node)] = rows[i]
        elif row.node is not None and row.belanja is not None:
            breakdown[(id(row.node), row.belanja)] = rows[i]
    for i, row in enumerate(table.rows):
        owner = row.node
        if owner is None or i not in rows:
            continue
        for year, col in _money_columns(table).items():
            letter = get_column_letter(col)
            formula = _formula(owner, row.belanja, year, letter, where, breakdown, table)
            if formula:
                sheet.cell(rows[i], col).value = formula


def _money_columns(table: TableLayout) -> dict[str, int]:
    """The sheet columns of pagu n and n+1: (6) and (10) in T-C.33, (9) and (16) in SIPD-RI."""
    first, last = sorted(table.numeric)
    return {"n": first + 1, "n1": last + 1}


def _formula(owner: PlanNode | Jumlah, belanja: str | None, year: str, letter: str,
             where: dict[int, int], breakdown: dict[tuple[int, str], int],
             table: TableLayout) -> str | None:
    b: Belanja = getattr(owner, f"belanja_{year}")
    children = _parts_of(owner, table)
    if belanja is None:
        printed = getattr(owner, f"pagu_{year}")
        if children and printed is not None and _sum(children, year) == printed:
            return "=" + "+".join(f"{letter}{where[id(c)]}" for c in children)
        lines = [f for f in ("operasi", "modal", "tidak_terduga", "transfer")
                 if (id(owner), f) in breakdown and getattr(b, f) is not None]
        if lines and printed is not None and belanja_total(b) == printed:
            return "=" + "+".join(f"{letter}{breakdown[(id(owner), f)]}" for f in lines)
        return None
    printed = getattr(b, belanja)
    if printed is None:
        return None
    kids = [c for c in children if (id(c), belanja) in breakdown]
    if children and len(kids) == len(children) and \
            _sum_field(children, year, belanja) == printed:
        return "=" + "+".join(f"{letter}{breakdown[(id(c), belanja)]}" for c in kids)
    if belanja == "operasi":
        parts = [f for f in BELANJA_OPERASI_PARTS if (id(owner), f) in breakdown and
                 getattr(b, f) is not None]
        if parts and operasi_parts(b) == printed:
            return "=" + "+".join(f"{letter}{breakdown[(id(owner), f)]}" for f in parts)
    return None


def _parts_of(owner: PlanNode | Jumlah, table: TableLayout) -> list[PlanNode]:
    if isinstance(owner, Jumlah):
        return [r.node for r in table.rows if isinstance(r.node, PlanNode) and
                r.belanja is None and r.node.level == "program"]
    return list(owner.children)


def _sum(nodes: list[PlanNode], year: str) -> int | None:
    values = [getattr(n, f"pagu_{year}") for n in nodes]
    return None if any(v is None for v in values) else sum(values)


def _sum_field(nodes: list[PlanNode], year: str, name: str) -> int | None:
    values = [getattr(getattr(n, f"belanja_{year}"), name) for n in nodes]
    return None if any(v is None for v in values) else sum(values)


def _tc29_formulas(sheet: Worksheet, renja: Renja, rows: dict[int, int]) -> None:
    """(8) = 7/6 and (11) = 10/4 as formulas where the printed ratios agree with them."""
    from renja.rules.families.evaluation import agrees

    index = 0
    for row in renja.tc29.rows:
        indikator: list[Tc29Indikator | None] = list(row.indikator) or [None]
        for ind in indikator:
            r = rows[index]
            index += 1
            if ind is None:
                continue
            expected = tc29_expected(ind)
            for field, col, num, den in (("tingkat_realisasi_n2", 8, "G", "F"),
                                         ("capaian_renstra", 11, "J", "D")):
                printed: Target | None = getattr(ind, field)
                value: Decimal | None = getattr(expected, field)
                if printed is None or printed.value is None or value is None or \
                        printed.satuan != "%" or not agrees(printed.value, value):
                    continue
                numerator = _number(sheet, r, num)
                denominator = _number(sheet, r, den)
                if numerator is None or denominator is None:
                    continue
                places = max(0, -printed.value.as_tuple().exponent)  # type: ignore[operator]
                sheet.cell(r, col).value = f"=ROUND({num}{r}/{den}{r}*100,{places})"
                sheet.cell(r, col).number_format = '0.##"%"' if places else '0"%"'


def _number(sheet: Worksheet, row: int, column: str) -> bool | None:
    """Put a target cell's number in the cell (unit in the number format) so formulas can use it."""
    cell = sheet[f"{column}{row}"]
    if not isinstance(cell.value, str):
        return None
    from renja.domain import parse_target
    from renja.errors import TargetError

    try:
        target = parse_target(cell.value)
    except TargetError:
        return None
    if target.value is None or target.grade or format_target(target) != cell.value:
        return None
    cell.value = int(target.value) if target.value == target.value.to_integral_value() \
        else float(target.value)
    suffix = "%" if target.satuan == "%" else (f" {target.satuan}" if target.satuan else "")
    cell.number_format = f'General"{suffix}"' if suffix else "General"
    return True


__all__ = ["BELANJA_LINES", "render_xlsx"]
