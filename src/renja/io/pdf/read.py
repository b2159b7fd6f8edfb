"""Read a Renja from a text PDF: its tables by their ruling lines, its prose by lines.

Each page becomes lines of text in reading order: prose lines as they are, every table
row as one tab-separated line (a cell's wrapped lines joined by spaces, a merged cell's
continuation left empty). That text goes through the same recognisers as text copied from
a PDF (:func:`renja.io.text.read.parse_text`), so tables split across pages, repeated
headers, money in thousands and every other convention are read the same way. Every
source then also names its page.

pdfplumber finds a table by the lines drawn around its cells, which is how Word,
LibreOffice and renja print a Renja; ``pdftotext -layout`` keeps only spaces between
columns, so a wrapped cell cannot be told from a new row (docs/formats.md, measured).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from renja.domain import Source
from renja.errors import FormatError
from renja.io.report import ImportResult
from renja.io.text.read import parse_text
from renja.text import join_wrapped

MAX_PAGES = 400  # a Renja with every annex is well under 200 pages
MIN_TEXT = 200  # characters: fewer on every page means the PDF is a scan


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: list[int]  # the page (1-based) of each line of ``text``


def read_pdf(path: str | Path) -> ImportResult:
    path = Path(path)
    extracted = pdf_text(path)
    result = parse_text(extracted.text, path.name)
    _attach_pages(result, extracted.pages)
    return result


def pdf_text(path: Path) -> PdfText:
    """The PDF as tab-separated text, with the page of every line."""
    import pdfplumber  # loaded only for PDFs: pdfminer is slow to import
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    lines: list[str] = []
    pages: list[int] = []
    items_pages: list[int] = []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise FormatError(
                    f"{path.name}: {len(pdf.pages)} pages is more than a Renja (at most "
                    f"{MAX_PAGES})",
                    f"{path.name}: {len(pdf.pages)} halaman lebih banyak dari sebuah Renja "
                    f"(paling banyak {MAX_PAGES})")
            items: list[_Prose | list[str]] = []
            for number, page in enumerate(pdf.pages, start=1):
                for _, _, item in _page_items(page, number):
                    if isinstance(item, list):
                        items.append(item)
                        items_pages.extend([number] * len(item))
                    else:
                        items.append(item)
            rows = iter(items_pages)
            for text, page_number in _paragraphs(items):
                lines.append(text)
                pages.append(next(rows) if page_number < 0 else page_number)
    except FormatError:
        raise
    except (PdfminerException, PDFException, PSException, OSError) as exc:
        raise FormatError(
            f"{path.name}: not a readable PDF (damaged, cut short, or locked with a password)",
            f"{path.name}: PDF tidak dapat dibaca (rusak, terpotong, atau dikunci kata sandi)",
        ) from exc
    if sum(len(x.strip()) for x in lines) < MIN_TEXT:
        raise FormatError(
            f"{path.name}: the PDF has no text (a scan?): renja reads the text of a PDF; "
            f"open the original Word or Excel file, or run OCR first",
            f"{path.name}: PDF ini tidak berisi teks (hasil pindai?): renja membaca teks PDF; "
            f"gunakan berkas Word atau Excel aslinya, atau jalankan OCR terlebih dahulu")
    return PdfText("\n".join(lines), pages)


@dataclass
class _Prose:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    left: float  # the left edge of this page's prose
    right: float  # the right edge of this page's prose

    @property
    def char(self) -> float:
        return max(self.x1 - self.x0, 1.0) / max(len(self.text), 1)

    @property
    def centred(self) -> bool:
        """A centred title or a signature block: as far from both margins, or far right."""
        before, after = self.x0 - self.left, self.right - self.x1
        if before > 0.2 * (self.right - self.left):
            return True
        return before > 2 * self.char and abs(before - after) < 2 * self.char

    @property
    def full(self) -> bool:
        return self.right - self.x1 < 2 * self.char


_MARKER = re.compile(
    r"^(?:[-•▪◦*]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|\d+(?:\.\d+)+\.?\s|BAB\b|Pasal\b|"
    r"Tabel\b|TABEL\b|Gambar\b|Menimbang\b|Mengingat\b|Menetapkan\b|MEMUTUSKAN\b)")
_PAGE_NUMBER = re.compile(r"^[-–\s]*(?:\d{1,3}|[ivxlc]{1,6})[-–\s]*$", re.IGNORECASE)
_MARGIN = 0.08  # of the page height: where page numbers and running heads are


def _page_items(page: Any, number: int) -> list[tuple[float, int, _Prose | list[str]]]:
    """A page's prose lines and tables, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, int, _Prose | list[str]]] = []
    for order, table in enumerate(tables):
        rows = ["\t".join(_cell(c) for c in row) for row in table.extract()]
        items.append((table.bbox[1], order, [r if r.strip() else "\t" for r in rows]))
    prose = []
    for line in page.extract_text_lines():
        middle_x = (line["x0"] + line["x1"]) / 2
        middle_y = (line["top"] + line["bottom"]) / 2
        if any(x0 <= middle_x <= x1 and top <= middle_y <= bottom
               for x0, top, x1, bottom in boxes):
            continue
        in_margin = (line["bottom"] < page.height * _MARGIN
                     or line["top"] > page.height * (1 - _MARGIN))
        if in_margin and _PAGE_NUMBER.match(line["text"]):
            continue
        prose.append(line)
    left = min((line["x0"] for line in prose), default=0.0)
    right = max((line["x1"] for line in prose), default=0.0)
    for line in prose:
        items.append((line["top"], len(tables), _Prose(
            number, line["text"].strip(), line["x0"], line["x1"], line["top"], line["bottom"],
            left, right)))
    items.sort(key=lambda item: (item[0], item[1]))
    return items


def _paragraphs(items: list[_Prose | list[str]]) -> list[tuple[str, int]]:
    """Prose lines joined into paragraphs, table rows as they are; each with its page."""
    out: list[tuple[str, int]] = []
    previous: _Prose | None = None
    for item in items:
        if isinstance(item, list):
            out.extend((row, -1) for row in item)
            previous = None
            continue
        if previous is not None and _continues(previous, item):
            text, page = out[-1]
            out[-1] = (join_wrapped(text, item.text), page)
        else:
            out.append((item.text, item.page))
        previous = item
    return out


def _continues(previous: _Prose, line: _Prose) -> bool:
    """Whether ``line`` wraps the paragraph ``previous`` ends (the reflow rule of e-readers:
    the previous line was full, the line is no list item or heading, and no gap between)."""
    if _MARKER.match(line.text) or not previous.text or previous.centred:
        return False
    if line.centred:  # the second line of a title too wide for one line
        return previous.full and previous.text.isupper() and line.text.isupper()
    height = previous.bottom - previous.top
    if line.page == previous.page and line.top - previous.bottom > 0.9 * height:
        return False
    width = max(previous.x1 - previous.x0, 1.0)
    char = width / max(len(previous.text), 1)
    first_word = len(line.text.split()[0]) if line.text.split() else 0
    return previous.x1 + char * (first_word + 1) > previous.right


def _cell(text: str | None) -> str:
    """A cell's wrapped lines as one line."""
    if not text:
        return ""
    lines = [" ".join(x.split()) for x in text.replace("\t", " ").splitlines()]
    joined = ""
    for line in filter(None, lines):
        joined = join_wrapped(joined, line) if joined else line
    return joined


def _attach_pages(result: ImportResult, pages: list[int]) -> None:
    """Name the page of every source that points at a line of the extracted text."""
    def paged(source: Source) -> Source:
        if source.line is None or source.page is not None or source.line > len(pages):
            return source
        return source.model_copy(update={"page": pages[source.line - 1]})

    seen: set[int] = set()

    def visit(obj: object) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, BaseModel):
            provenance = getattr(obj, "provenance", None)
            if isinstance(provenance, dict):
                for key, value in provenance.items():
                    if isinstance(value, Source):
                        provenance[key] = paged(value)
            for name in type(obj).model_fields:
                value = getattr(obj, name)
                if isinstance(value, Source):
                    object.__setattr__(obj, name, paged(value))
                elif name != "provenance":
                    visit(value)
        elif isinstance(obj, list | tuple):
            for item in obj:
                visit(item)
        elif isinstance(obj, dict):
            for item in obj.values():
                visit(item)

    visit(result.renja)
    result.report.notices = [replace(n, source=paged(n.source)) for n in result.report.notices]
