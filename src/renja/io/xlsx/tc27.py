"""Tabel T-C.27 as a workbook: the layout drawn like every other table, money as numbers, and
live sums: each row's Rp at the end of the period is the sum of its five years (where the
Renstra states no total of its own), and the Jumlah row adds up the programs."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from renja.domain.renstra import Renstra
from renja.io.xlsx.cached import with_values
from renja.io.xlsx.write import MONEY, _as_text, _draw
from renja.render.layout import TableLayout
from renja.render.renstra import AKHIR_RP, YEAR_RP


def render_tc27_xlsx(renstra: Renstra, table: TableLayout) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "T-C.27"
    rows = _draw(sheet, table)
    _as_text(sheet)
    programs: list[int] = []
    lines = [(i, row) for i, row in enumerate(table.rows)]
    for index, row in lines:
        r = rows.get(index)
        if r is None:
            continue
        if row.kind == "program":
            programs.append(r)
        if row.kode and row.values.get(AKHIR_RP) is None:
            years = ",".join(f"{get_column_letter(c + 1)}{r}" for c in YEAR_RP)
            cell = sheet.cell(r, AKHIR_RP + 1, f'=IF(COUNT({years})=0,"",SUM({years}))')
            cell.number_format = MONEY
        if row.kind == "total" and programs:
            for column in (*YEAR_RP, AKHIR_RP):
                letter = get_column_letter(column + 1)
                cell = sheet.cell(r, column + 1,
                                  "=SUM(" + ",".join(f"{letter}{p}" for p in programs) + ")")
                cell.number_format = MONEY
    out = io.BytesIO()
    workbook.save(out)
    return with_values(workbook, out.getvalue())
