"""Formulas that also carry their value: viewers that do not recalculate (phone previews, web
mail, pandas, LibreOffice in some modes) show the numbers, and Excel still recalculates.

openpyxl writes a formula cell with an empty value (``<f>G12+G15</f><v></v>``). After saving,
each formula is computed here with the same evaluator that reads workbooks
(:mod:`renja.io.xlsx.formula`) and its value is written into the sheet's XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from functools import partial
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja.io.xlsx.formula import FormulaError, evaluate

_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>')


def computed(sheet: Worksheet) -> dict[str, str]:
    """Each formula cell's value as the XML writes a number; cells that cannot be computed are
    left out (they stay empty until a spreadsheet recalculates)."""
    done: dict[str, Any] = {}

    def value(ref: str) -> Any:
        if ref not in done:
            done[ref] = None  # a circular reference reads as empty
            raw = sheet[ref].value
            done[ref] = evaluate(raw, value) if isinstance(raw, str) and \
                sheet[ref].data_type == "f" else raw
        return done[ref]

    found = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type != "f":
                continue
            try:
                result = value(cell.coordinate)
            except FormulaError:
                continue
            if isinstance(result, Decimal | int | float) and not isinstance(result, bool):
                found[cell.coordinate] = _number(result)
    return found


def _number(value: Decimal | int | float) -> str:
    number = Decimal(str(value)).normalize()
    text = format(number, "f")
    return text


def with_values(workbook: Workbook, data: bytes) -> bytes:
    """The saved workbook ``data`` with every computable formula's value filled in."""
    values = {f"xl/worksheets/sheet{i + 1}.xml": computed(sheet)
              for i, sheet in enumerate(workbook.worksheets)}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            cells = values.get(item.filename)
            if cells:
                content = _FORMULA_CELL.sub(partial(_fill, cells=cells), content)
            target.writestr(item, content)
    return out.getvalue()


def _fill(match: re.Match[bytes], cells: dict[str, str]) -> bytes:
    coordinate = match.group(1).decode()
    if coordinate not in cells:
        return match.group(0)
    return (b'<c r="' + match.group(1) + b'"' + match.group(2) + b"><f>" + match.group(3)
            + b"</f><v>" + cells[coordinate].encode() + b"</v></c>")
