"""Output formats of the whole Renja, registered by name (`renja render --to NAME`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from renja.clean import without_controls
from renja.domain import Renja
from renja.errors import RenjaError
from renja.rules.finding import Finding


@dataclass(frozen=True)
class Renderer:
    name: str
    suffix: str
    description: str
    write: Callable[[Renja, Path, Sequence[Finding] | None], None]


def _bytes(build: Callable[[Renja, Sequence[Finding] | None], bytes | str]
           ) -> Callable[[Renja, Path, Sequence[Finding] | None], None]:
    def write(renja: Renja, out: Path, findings: Sequence[Finding] | None) -> None:
        data = build(renja, findings)
        if isinstance(data, str):
            out.write_text(data, encoding="utf-8")
        else:
            out.write_bytes(data)

    return write


def _docx(renja: Renja, findings: Sequence[Finding] | None) -> bytes:
    from renja.io.docx.write import render_docx

    return render_docx(renja, findings)


def _pdf(renja: Renja, findings: Sequence[Finding] | None) -> bytes:
    from renja.io.pdf.write import render_pdf

    return render_pdf(renja, findings)


def _xlsx(renja: Renja, findings: Sequence[Finding] | None) -> bytes:
    from renja.io.xlsx.write import render_xlsx

    return render_xlsx(renja, findings)


def _html(renja: Renja, findings: Sequence[Finding] | None) -> str:
    from renja.io.html.write import render_html

    return render_html(renja, findings)


def _text(renja: Renja, findings: Sequence[Finding] | None) -> str:
    from renja.io.text.write import render_text

    return render_text(renja)


def _datapackage(renja: Renja, out: Path, findings: Sequence[Finding] | None) -> None:
    from renja.io.datapackage.write import write_datapackage

    write_datapackage(renja, out)


RENDERERS: dict[str, Renderer] = {
    "docx": Renderer("docx", ".docx", "the document, editable in Word/LibreOffice",
                     _bytes(_docx)),
    "pdf": Renderer("pdf", ".pdf", "the document as PDF, fonts embedded", _bytes(_pdf)),
    "xlsx": Renderer("xlsx", ".xlsx", "one sheet per table, with live formulas",
                     _bytes(_xlsx)),
    "html": Renderer("html", ".html", "one self-contained web page", _bytes(_html)),
    "text": Renderer("text", ".txt", "text as extracted from a PDF (tables tab-separated)",
                     _bytes(_text)),
    "datapackage": Renderer("datapackage", "", "open data: datapackage.json + CSV (a folder, "
                            "or a .zip)", _datapackage),
}


def render(renja: Renja, fmt: str, out: str | Path,
           findings: Sequence[Finding] | None = None) -> Path:
    if fmt not in RENDERERS:
        names = ", ".join(RENDERERS)
        raise RenjaError(f"unknown format '{fmt}': expected one of {names}",
                         f"format '{fmt}' tidak dikenal: pilih salah satu dari {names}")
    path = Path(out)
    RENDERERS[fmt].write(printable(renja), path, findings)
    return path


def printable(renja: Renja) -> Renja:
    """``renja`` itself, or a copy without the control characters that DOCX and XLSX cannot
    hold (a value typed with ``\x0b`` would make every export fail)."""
    return without_controls(renja)[0]
