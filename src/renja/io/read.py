"""Read any supported file into a Renja, detecting its format."""

from __future__ import annotations

from pathlib import Path

from renja.errors import FormatError
from renja.io import json as renja_json
from renja.io.report import ImportResult, Report
from renja.io.text.read import read_text

FORMATS = ("html", "json", "pdf", "text", "xlsx")


def detect(path: Path) -> str:
    """``json``, ``xlsx``, ``pdf``, ``html`` or ``text``, from the file's name and first
    bytes."""
    try:
        head = path.open("rb").read(2048)
    except OSError as exc:
        raise FormatError(f"{path}: cannot be read ({exc.strerror})",
                          f"{path}: tidak dapat dibaca ({exc.strerror})") from exc
    suffix = path.suffix.lower()
    name = path.name
    if head.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if head.lstrip(b"\x00\r\n\t ").startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError(
            f"{name}: an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and "
            f"save it as .xlsx",
            f"{name}: buku kerja Excel 97-2003 (.xls): buka di Excel atau LibreOffice lalu "
            f"simpan sebagai .xlsx")
    if _is_html(head):
        return "html"
    if suffix == ".json" or head.lstrip().startswith(b"{"):
        return "json"
    if b"\x00" in head:
        raise FormatError(f"{name}: not a text, JSON or XLSX file (binary content)",
                          f"{name}: bukan berkas teks, JSON, atau XLSX (isi biner)")
    return "text"


def _is_html(head: bytes) -> bool:
    """An HTML page, whatever its name (SIPD's "Excel" downloads are HTML named .xls)."""
    start = head.lstrip(b"\xef\xbb\xbf\r\n\t ").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<?xml")) and (
        b"<table" in head.lower() or b"<html" in head.lower())


def read_plan(path: str | Path) -> ImportResult:
    """Import a Renja from a file in any supported format."""
    path = Path(path)
    if not path.exists():
        raise FormatError(f"{path}: no such file", f"{path}: berkas tidak ditemukan")
    kind = detect(path)
    if kind == "json":
        return ImportResult(renja_json.load(path), Report())
    if kind == "xlsx":
        from renja.io.xlsx.read import read_xlsx  # openpyxl is slow to import: only for XLSX

        return read_xlsx(path)
    if kind == "html":
        from renja.io.html.read import read_html

        return read_html(path)
    if kind == "pdf":
        from renja.io.pdf.read import read_pdf  # pdfminer is slow to import: only for PDF

        return read_pdf(path)
    return read_text(path)
