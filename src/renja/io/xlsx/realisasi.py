"""The workbook an agency fills in with its quarterly realisation: one line per indicator of
each program, kegiatan and sub kegiatan of the plan, with its target; ``Realisasi TW I`` …
``IV`` for the indicator and, on a sub kegiatan's first line, its pagu and ``Anggaran TW I`` …
``IV``. What is already reported is filled in. :func:`renja.io.realisasi.read_realisasi` reads
it back."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from renja.domain import Renja
from renja.domain.realisasi import QUARTERS, Realisasi
from renja.io.xlsx.write import MONEY

ROMAN = ("I", "II", "III", "IV")
HEADER = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "Target",
          *[f"Realisasi TW {r}" for r in ROMAN], "Pagu", *[f"Anggaran TW {r}" for r in ROMAN]]
WIDTHS = [20, 40, 40, 10, 10, *[11] * 4, 16, *[16] * 4]
TYPED = PatternFill("solid", fgColor="FFF8E1")  # the cells a person fills in


def realisasi_template(renja: Renja, realisasi: Realisasi | None = None) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Realisasi"
    sheet.append([f"Realisasi Renja {renja.perangkat_daerah.nama} {renja.pemda.nama} "
                  f"Tahun {renja.tahun}"])
    sheet.append(["Isi sel berwarna: realisasi kinerja per triwulan (satuan indikator) dan "
                  "realisasi anggaran sub kegiatan (Rupiah). Jangan mengubah kode dan nama "
                  "indikator."])
    sheet.append(HEADER)
    for c in range(1, len(HEADER) + 1):
        sheet.cell(3, c).font = Font(bold=True)
        sheet.cell(3, c).alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(c)].width = WIDTHS[c - 1]
    sheet["A1"].font = Font(bold=True)
    for node in renja.rencana.walk():
        if node.level not in ("program", "kegiatan", "sub_kegiatan"):
            continue
        kode = node.kode or node.kode_asal or ""
        money = realisasi.of_money(kode) if realisasi else None
        for i, ind in enumerate(node.indikator or [None]):
            done = realisasi.of_indicator(kode, ind.nama) if realisasi and ind else None
            target = ind.target_n if ind else None
            line = [kode, node.nama if i == 0 else "", ind.nama if ind else "",
                    (ind.satuan or (target.satuan if target else "") or "") if ind else "",
                    target.text if target else "",
                    *[float(v) if v is not None else None
                      for v in (done.triwulan if done else [None] * QUARTERS)],
                    node.pagu_n if i == 0 and node.level == "sub_kegiatan" else None,
                    *[v if i == 0 else None
                      for v in (money.triwulan if money else [None] * QUARTERS)]]
            sheet.append(line)
            r = sheet.max_row
            if ind is not None:
                for c in range(6, 10):
                    sheet.cell(r, c).fill = TYPED
            if i == 0 and node.level == "sub_kegiatan":
                sheet.cell(r, 10).number_format = MONEY
                for c in range(11, 15):
                    sheet.cell(r, c).fill = TYPED
                    sheet.cell(r, c).number_format = MONEY
    sheet.freeze_panes = "D4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
