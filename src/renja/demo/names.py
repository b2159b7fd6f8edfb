"""The names of the demo corpus's print conventions and planted mistakes, with what each is:
kept apart from the code that makes them so that `renja demo-data --help` (and every other
command) starts without loading it."""

from __future__ import annotations

CONVENTIONS = {
    "ribuan": "T-C.31 and T-C.33 printed in thousands under '(Rp.000)' (text)",
    "total-kode": "the JUMLAH TOTAL label printed in the Kode column (text)",
    "baru-n1": "a sub kegiatan that starts only in year n+1: '-' under year n",
    "dua-baris": "a hand-typed T-C.33 workbook with a two-row merged header (.xlsx)",
    "sipd-xls": "SIPD's 'Download Excel': an HTML table named .xls (T-C.33)",
    "sipd-ri": "the 17-column Renja table of SIPD-RI instead of T-C.33 (text)",
    "pdf": "the whole document as a text PDF",
    "pdf-word": "a Word-like PDF of T-C.33 (landscape, two-row header)",
}

DEFECT_NAMES: dict[str, tuple[str, str]] = {
    "judul-tahun": ("H006", "a table title keeps the year of an older document"),
    "nomor-lompat": ("H008", "the chapter-3 list skips a number"),
    "nama-salah-ketik": ("L008", "a name in the chapter-3 list mistyped"),
    "kegiatan-kosong": ("U008", "a kegiatan with a pagu and no sub kegiatan"),
    "pagu-induk": ("U001", "a program's pagu is not the sum of its kegiatan"),
    "realisasi-beda": ("L005", "the same indicator's realisasi differs between tables"),
    "bagian-100": ("T006", "shares of one whole that no longer add up to 100 %"),
}
"""Planted mistake → (the rule that finds it, what it is)."""
