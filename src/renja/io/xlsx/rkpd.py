"""The RKPD table as a workbook: plan rows as the agencies' plans give them, and live sums:
each perangkat daerah adds up its programs, each bidang its perangkat daerah, each urusan its
bidang and the TOTAL its urusan. A second sheet holds each agency's pagu against its ceilings."""

from __future__ import annotations

import io
from collections import defaultdict

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from renja.io.xlsx.cached import with_values
from renja.io.xlsx.write import MONEY, _as_text, _draw
from renja.render.layout import TableLayout
from renja.render.rkpd import Columns
from renja.rkpd.compile import Rkpd

GROUPS = {"unit": "program", "bidang": "unit", "urusan": "bidang"}


def render_rkpd_xlsx(rkpd: Rkpd, table: TableLayout, origin: list[int | None],
                     cols: Columns) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "RKPD"
    positions = _draw(sheet, table)
    _as_text(sheet)
    at = {index: positions[line] for line, index in enumerate(origin)
          if index is not None and line in positions}
    under: dict[int, list[int]] = defaultdict(list)
    for index, row in enumerate(rkpd.rows):
        if row.parent is not None and GROUPS.get(rkpd.rows[row.parent].kind) == row.kind:
            under[row.parent].append(at[index])
    urusan = [at[i] for i, row in enumerate(rkpd.rows) if row.kind == "urusan"]
    for index, row in enumerate(rkpd.rows):
        parts = urusan if row.kind == "total" else under.get(index)
        if row.kind not in (*GROUPS, "total") or not parts:
            continue
        for column in (cols.pagu, cols.pagu_n1):
            letter = get_column_letter(column + 1)
            cell = sheet.cell(at[index], column + 1,
                              "=SUM(" + ",".join(f"{letter}{r}" for r in parts) + ")")
            cell.number_format = MONEY
    _ceilings(workbook.create_sheet("Pagu"), rkpd)
    out = io.BytesIO()
    workbook.save(out)
    return with_values(workbook, out.getvalue())


def _ceilings(sheet: object, rkpd: Rkpd) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    sheet.append(["Perangkat Daerah", "Sumber Dana", "Pagu Indikatif Renja (Rp)",
                  "Pagu (Rp)", "Selisih (Rp)", "Keterangan"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for ceiling in rkpd.ceilings:
        if ceiling.sumber_dana is not None and ceiling.ceiling is None:
            continue
        r = sheet.max_row + 1
        sheet.append([ceiling.unit.nama, ceiling.sumber_dana or "Total", ceiling.pagu,
                      ceiling.ceiling, None,
                      "Melebihi pagu" if ceiling.over else
                      ("Belum ada Renja" if ceiling.unit.plan is None else "")])
        if ceiling.pagu is not None and ceiling.ceiling is not None:
            sheet.cell(r, 5, f"=D{r}-C{r}")
        for column in (3, 4, 5):
            sheet.cell(r, column).number_format = MONEY
    for letter, width in zip("ABCDEF", (48, 14, 20, 20, 20, 18), strict=True):
        sheet.column_dimensions[letter].width = width
