"""Tabel E.81 as a workbook: the layout drawn like every other table, the realisation as
numbers, and columns (12), (13) and (14) as live formulas of the cells a person types, each
following its indicator's kind (quarters summed, the last one, or their mean) and polarity."""

from __future__ import annotations

import io
from collections.abc import Iterator

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from renja.calc.e81 import E81, E81Indikator, E81Row
from renja.io.xlsx.cached import with_values
from renja.io.xlsx.write import MONEY, _as_text, _draw
from renja.render.e81 import COLUMNS as COLUMNS_REGULATION
from renja.render.e81 import K_RP, RENJA_K, RENJA_RP
from renja.render.layout import TableLayout


def render_e81_xlsx(e81: E81, table: TableLayout) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "E.81"
    rows = _draw(sheet, table)
    _as_text(sheet)
    extra = table.columns > COLUMNS_REGULATION
    for index, (row, ind, first) in enumerate(_lines(e81)):
        _fill(sheet, rows[index], row, ind, first)
        if extra:
            _fill_renja(sheet, rows[index], ind, first)
    last = max(rows.values()) + 2
    for i, text in enumerate(table.closing):
        sheet.cell(last, 3 + 10 * i, text)
    out = io.BytesIO()
    workbook.save(out)
    return with_values(workbook, out.getvalue())


def _fill_renja(sheet: Worksheet, r: int, ind: E81Indikator | None, first: bool) -> None:
    """The optional (16): tingkat capaian Renja = (12)/(7), live, following the polarity."""
    def at(column: int, kind: int) -> str:
        return f"{get_column_letter(K_RP[column][kind] + 1)}{r}"
    if ind is not None:
        top, bottom = (at(12, 0), at(7, 0)) if ind.polaritas == "positif" else \
            (at(7, 0), at(12, 0))
        sheet.cell(r, RENJA_K + 1, f'=IF(OR({top}="",{bottom}="",{bottom}=0),"",'
                                   f"ROUND({top}/{bottom}*100,2))")
    if first:
        spent, pagu = at(12, 1), at(7, 1)
        sheet.cell(r, RENJA_RP + 1, f'=IF(OR({spent}="",{pagu}="",{pagu}=0),"",'
                                    f"ROUND({spent}/{pagu}*100,2))")


def _lines(e81: E81) -> Iterator[tuple[E81Row, E81Indikator | None, bool]]:
    """Each table line's evaluation row, indicator, and whether it is the row's first line
    (the one that carries its money), in the layout's order."""
    for row in e81.rows:
        indicators: list[E81Indikator | None] = list(row.indikator) or [None]
        for i, ind in enumerate(indicators):
            yield row, ind, i == 0


def _fill(sheet: Worksheet, r: int, row: E81Row, ind: E81Indikator | None,
          first: bool) -> None:
    def at(column: int, kind: int) -> str:
        return f"{get_column_letter(K_RP[column][kind] + 1)}{r}"
    if ind is not None:
        for column, value in ((5, ind.target_renstra), (6, ind.realisasi_renstra_lalu),
                              (7, ind.target), *((8 + q, ind.triwulan[q]) for q in range(4))):
            sheet[at(column, 0)] = float(value) if value is not None else None
        quarters = ",".join(at(8 + q, 0) for q in range(4))
        counted = f'IF(COUNT({quarters})=0,""'
        sheet[at(12, 0)] = {
            "jumlah": f"={counted},SUM({quarters}))",
            "rata_rata": f"={counted},AVERAGE({quarters}))",
            "terakhir": "=" + "".join(f'IF({at(8 + q, 0)}<>"",{at(8 + q, 0)},'
                                      for q in (3, 2, 1, 0)) + '""' + ")" * 4,
        }[ind.agregasi]
        year, before, target = at(12, 0), at(6, 0), at(5, 0)
        to_date = at(13, 0)
        sheet[to_date] = (f'=IF(OR({before}="",{year}=""),"",{before}+{year})'
                          if ind.agregasi == "jumlah" else
                          f'=IF({year}<>"",{year},IF({before}<>"",{before},""))')
        top, bottom = (to_date, target) if ind.polaritas == "positif" else (target, to_date)
        sheet[at(14, 0)] = (f'=IF(OR({top}="",{bottom}="",{bottom}=0),"",'
                            f"ROUND({top}/{bottom}*100,2))")
    if first:
        money = ",".join(at(8 + q, 1) for q in range(4))
        sheet[at(12, 1)] = f'=IF(COUNT({money})=0,"",SUM({money}))'
        sheet[at(12, 1)].number_format = MONEY
