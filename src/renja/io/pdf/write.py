"""The Renja as PDF, typeset with Typst (fonts embedded; tables on landscape pages).

The document is written as Typst source from the same outline as DOCX and HTML; all text goes
in as string literals, so nothing in a plan can break the markup.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

import typst

from renja.domain import Renja
from renja.render.layout import Row, TableLayout
from renja.render.outline import Block, Heading, PageBreak, Paragraph, Table, outline
from renja.rules.finding import Finding

PREAMBLE = """#set document(title: {title})
#set page(paper: "a4", margin: (x: 2cm, y: 2cm), numbering: "1", number-align: center)
#set text(font: ("DejaVu Sans", "Libertinus Serif", "New Computer Modern"), size: 10pt, lang: "id")
#set par(justify: true)
#show table.cell.where(y: 0): set text(weight: "bold")
"""


def s(text: str) -> str:
    """A Typst string literal."""
    return json.dumps(text, ensure_ascii=False)


def _paragraph(block: Paragraph) -> str:
    if block.style == "bold_center":
        return f"#align(center, text(weight: \"bold\", {s(block.text)}))\n"
    if block.style == "center":
        return f"#align(center, {s(block.text)})\n"
    if block.style == "signature":
        lines = ", ".join(s(line) for line in block.text.split("\n"))
        return (f"#v(0.5em)\n#align(right, block(width: 45%, align(center, "
                f"stack(spacing: 0.6em, {lines}))))\n")
    if block.style == "item":
        return f"#pad(left: 1.5em, {s(block.text)})\n"
    return f"#par({s(block.text)})\n"


def _heading(block: Heading) -> str:
    size = {0: "14pt", 1: "12pt", 2: "10.5pt"}[min(block.level, 2)]
    if block.level == 2:
        return f"#v(0.6em)\n#text(weight: \"bold\", size: {size}, {s(block.text)})\n"
    return f"#align(center, text(weight: \"bold\", size: {size}, {s(block.text)}))\n"


def _cell(text: str, row: Row, index: int, table: TableLayout) -> str:
    value = s(text)
    if row.kind in ("program", "urusan", "bidang", "total", "group"):
        value = f"text(weight: \"bold\", {value})"
    elif row.kind == "kegiatan":
        value = f"emph({value})"
    if index in table.numeric:
        return f"table.cell(align: right, {value})"
    return value


def _table(table: TableLayout) -> str:
    columns = ", ".join(f"{w}fr" for w in table.widths)
    header_cells = []
    for header_row in table.header:
        for cell in header_row:
            header_cells.append(f"table.cell(colspan: {cell.colspan}, rowspan: {cell.rowspan}, "
                                f"align: center + horizon, {s(cell.text)})")
    header_cells += [f"table.cell(align: center, text(size: 6pt, {s(n)}))"
                     for n in table.numbers]
    body = []
    for row in table.rows:
        cells = row.cells + [""] * (table.columns - len(row.cells))
        body.append(", ".join(_cell(c, row, i, table) for i, c in enumerate(cells)))
    note = f"#text(size: 8pt, {s(table.note)})\n" if table.note else ""
    return (
        "#page(flipped: true, margin: (x: 1.2cm, y: 1.5cm))[\n"
        f"#align(center, text(weight: \"bold\", {s(table.label)}))\n"
        f"#align(center, text(weight: \"bold\", {s(table.title)}))\n{note}"
        f"#set text(size: {table.font_size}pt, hyphenate: false)\n#set par(justify: false)\n"
        f"#table(columns: ({columns}), inset: 3pt, stroke: 0.4pt,\n"
        f"  table.header(repeat: true, {', '.join(header_cells)}),\n"
        + "".join(f"  {line},\n" for line in body)
        + ")\n" + _closing(table.closing) + "]\n"
    )


def _closing(blocks: list[str]) -> str:
    """Signature blocks side by side under a table."""
    if not blocks:
        return ""
    cells = ", ".join(
        "align(center, stack(spacing: 0.7em, " + ", ".join(s(line) for line in text.split("\n"))
        + "))" for text in blocks)
    return (f"#v(1.2em)\n#set text(size: 9pt)\n#block(breakable: false, grid(columns: "
            f"({', '.join(['1fr'] * len(blocks))}), {cells}))\n")


def typst_source(renja: Renja, findings: Sequence[Finding] | None = None) -> str:
    title = f"Renja {renja.perangkat_daerah.nama} {renja.pemda.nama} {renja.tahun}"
    return blocks_source(outline(renja, findings), title)


def blocks_source(blocks: Sequence[Block], title: str) -> str:
    """Typst source of a document made of these blocks."""
    parts = [PREAMBLE.format(title=s(title))]
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(_heading(block))
        elif isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, PageBreak):
            parts.append("#pagebreak(weak: true)\n")
        elif isinstance(block, Table):
            parts.append(_table(block.layout))
    return "".join(parts)


LARGE = 500_000
"""Typst sources longer than this (a pemda's RKPD, a plan of hundreds of rows) are typeset in
a child process: Typst keeps what it laid out in memory for the next compile, and in one
long-lived process every further large document came out slower (4 s, then 6, then 8)."""

_CHILD = "import sys, typst; sys.stdout.buffer.write(typst.compile(sys.stdin.buffer.read()))"


def compile_pdf(source: bytes) -> bytes:
    if len(source) <= LARGE:
        return bytes(typst.compile(source))
    done = subprocess.run([sys.executable, "-c", _CHILD], input=source, capture_output=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError("typst failed: " + done.stderr.decode("utf-8", "replace")[-2000:])
    return done.stdout


def render_blocks(blocks: Sequence[Block], title: str) -> bytes:
    """A PDF document made of these blocks."""
    return compile_pdf(blocks_source(blocks, title).encode("utf-8"))


def render_pdf(renja: Renja, findings: Sequence[Finding] | None = None) -> bytes:
    return compile_pdf(typst_source(renja, findings).encode("utf-8"))
