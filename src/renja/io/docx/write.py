"""The Renja as DOCX, editable in Word and LibreOffice: tables in landscape sections with their
header rows repeated on every page, page numbers in the footer."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from renja.domain import Renja
from renja.render.layout import TableLayout
from renja.render.outline import Block, Heading, PageBreak, Paragraph, Table, outline
from renja.rules.finding import Finding

BOLD_ROWS = ("program", "urusan", "bidang", "total", "group")


def render_docx(renja: Renja, findings: Sequence[Finding] | None = None) -> bytes:
    return render_blocks(outline(renja, findings))


def render_blocks(blocks: Sequence[Block]) -> bytes:
    """A DOCX document made of these blocks."""
    document = Document()
    _styles(document)
    _page_numbers(document)
    for block in blocks:
        if isinstance(block, Heading):
            _heading(document, block)
        elif isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, PageBreak):
            document.add_page_break()  # type: ignore[no-untyped-call]
        elif isinstance(block, Table):
            _landscape(document, True)
            _table(document, block.layout)
            _landscape(document, False)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))


def _page_numbers(document: DocxDocument) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _heading(document: DocxDocument, block: Heading) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(block.text)
    run.bold = True
    run.font.size = Pt({0: 14, 1: 13, 2: 11}[min(block.level, 2)])
    if block.level < 2:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _paragraph(document: DocxDocument, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    if block.style == "signature":
        paragraph.paragraph_format.left_indent = Cm(9)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, line in enumerate(block.text.split("\n")):
            run = paragraph.add_run(line)
            if i < len(block.text.split("\n")) - 1:
                run.add_break()
        return
    run = paragraph.add_run(block.text)
    if block.style in ("center", "bold_center"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.bold = block.style == "bold_center"
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.style == "item":
        paragraph.paragraph_format.left_indent = Cm(1)


def _landscape(document: DocxDocument, landscape: bool) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Cm(29.7), Cm(21)
    section.page_width = long_side if landscape else short_side
    section.page_height = short_side if landscape else long_side
    margin = Cm(1.5) if landscape else Cm(2.2)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, margin)


def _caption(document: DocxDocument, text: str, bold: bool = True,
             size: int = 11) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _table(document: DocxDocument, table: TableLayout) -> None:
    """The table written as WordprocessingML in one go (python-docx's cell API is too slow)."""
    _caption(document, table.label)
    _caption(document, table.title)
    if table.note:
        note = document.add_paragraph()
        note.add_run(table.note).font.size = Pt(9)
    total = sum(table.widths)
    widths = [int(TWIPS_WIDE * w / total) for w in table.widths]
    rows = [*_header_rows(table, widths), _number_row(table, widths)]
    for row in table.rows:
        cells = row.cells + [""] * (table.columns - len(row.cells))
        rows.append("<w:tr>" + "".join(
            _tc(text, widths[c], bold=row.kind in BOLD_ROWS, italic=row.kind == "kegiatan",
                align="right" if c in table.numeric else None)
            for c, text in enumerate(cells[: table.columns])) + "</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    xml = (f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
           f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           f"<w:tblBorders>{BORDERS}</w:tblBorders>"
           f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
           + "".join(rows) + "</w:tbl>")
    after = document.add_paragraph()  # inserted where the table belongs (before sectPr)
    after._p.addprevious(parse_xml(xml))
    if table.closing:
        _closing(document, table.closing)


def _closing(document: DocxDocument, blocks: list[str]) -> None:
    """Signature blocks side by side under a table, in a table without borders."""
    width = TWIPS_WIDE // len(blocks)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        + "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
                  f"{escape(line)}</w:t></w:r></w:p>" for line in text.split("\n"))
        + "</w:tc>" for text in blocks)
    xml = (f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblW w:w=\"{width * len(blocks)}\" "
           f'w:type="dxa"/><w:jc w:val="center"/></w:tblPr><w:tblGrid>'
           + "".join(f'<w:gridCol w:w="{width}"/>' for _ in blocks)
           + f"</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>")
    after = document.add_paragraph()
    after._p.addprevious(parse_xml(xml))


TWIPS_WIDE = 15100  # 26.7 cm of landscape A4 between the margins
BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _header_rows(table: TableLayout, widths: list[int]) -> list[str]:
    """Header rows with merged cells: gridSpan across, vMerge down; repeated on each page."""
    taken: dict[tuple[int, int], bool] = {}
    out = []
    for r, header_row in enumerate(table.header):
        cells: dict[int, str] = {}
        c = 0
        for cell in header_row:
            while (r, c) in taken:
                c += 1
            width = sum(widths[c:c + cell.colspan])
            merge = "restart" if cell.rowspan > 1 else None
            cells[c] = _tc(cell.text, width, bold=True, align="center", span=cell.colspan,
                           vmerge=merge)
            for rr in range(r + 1, r + cell.rowspan):
                taken[(rr, c)] = True
                for cc in range(c + 1, c + cell.colspan):
                    taken[(rr, cc)] = False
            for cc in range(c + 1, c + cell.colspan):
                taken[(r, cc)] = False
            c += cell.colspan
        for (rr, cc), first in taken.items():
            if rr == r and first:
                cells[cc] = _tc("", widths[cc], vmerge="continue")
        out.append(f"<w:tr>{REPEAT}" + "".join(cells[k] for k in sorted(cells)) + "</w:tr>")
    return out


REPEAT = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>'


def _number_row(table: TableLayout, widths: list[int]) -> str:
    return f"<w:tr>{REPEAT}" + "".join(
        _tc(n, widths[c], align="center", size=7) for c, n in enumerate(table.numbers)
    ) + "</w:tr>"


def _tc(text: str, width: int, bold: bool = False, italic: bool = False,
        align: str | None = None, size: int = 8, span: int = 1,
        vmerge: str | None = None) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        properties += "<w:vMerge/>"
    paragraph = f'<w:pPr><w:spacing w:after="0"/><w:jc w:val="{align}"/></w:pPr>' if align \
        else '<w:pPr><w:spacing w:after="0"/></w:pPr>'
    run = ""
    if text:
        style = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + \
            f'<w:sz w:val="{size * 2}"/>'
        run = f'<w:r><w:rPr>{style}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{paragraph}{run}</w:p></w:tc>"
