"""A single self-contained HTML page of the whole Renja (inline CSS, no external files)."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

from renja.domain import Renja
from renja.render.outline import Heading, PageBreak, Paragraph, Table, outline
from renja.rules.finding import Finding

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 2em auto;
       max-width: 1200px; color: #111; }
h1 { text-align: center; font-size: 14pt; margin: .2em 0; }
h2 { text-align: center; font-size: 13pt; margin: 1.2em 0 .2em; }
h3 { font-size: 11.5pt; margin: 1em 0 .4em; }
p { text-align: justify; margin: .4em 0; }
p.center, p.bold_center { text-align: center; } p.bold_center { font-weight: bold; }
p.signature { white-space: pre-line; margin-left: 55%; text-align: center; }
p.item { margin-left: 2em; }
figure { margin: 1.5em 0; overflow-x: auto; }
figcaption { text-align: center; font-weight: bold; margin-bottom: .4em; }
.note { font-size: 9pt; margin: .2em 0; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
th { background: #e8e8e8; text-align: center; }
tr.numbers th { font-weight: normal; font-size: 7pt; }
td.num { text-align: right; white-space: nowrap; }
tr.program td, tr.urusan td, tr.bidang td, tr.total td { font-weight: bold; }
tr.kegiatan td { font-style: italic; }
tr.belanja td { color: #333; font-size: 7.5pt; border-top: none; border-bottom: none; }
tr.group td { font-weight: bold; }
hr.page { border: none; border-top: 1px dashed #aaa; margin: 2em 0; }
@media print { hr.page { page-break-after: always; border: none; } }
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{{ title }}</title><style>{{ css }}</style></head>
<body>
{% for block in blocks %}
{%- if block.kind == "heading" -%}
<h{{ block.level + 1 }}>{{ block.text }}</h{{ block.level + 1 }}>
{%- elif block.kind == "paragraph" -%}
<p class="{{ block.style }}">{{ block.text | lines }}</p>
{%- elif block.kind == "page" -%}
<hr class="page">
{%- else -%}
<figure id="{{ block.t.key }}"><figcaption>{{ block.t.label }}<br>{{ block.t.title }}
</figcaption>{% if block.t.note %}<p class="note">{{ block.t.note }}</p>{% endif %}
<table><thead>
{% for header_row in block.t.header %}<tr>{% for cell in header_row -%}
<th colspan="{{ cell.colspan }}" rowspan="{{ cell.rowspan }}">{{ cell.text }}</th>
{%- endfor %}</tr>
{% endfor %}<tr class="numbers">{% for n in block.t.numbers %}<th>{{ n }}</th>{% endfor %}</tr>
</thead><tbody>
{% for row in block.t.rows %}<tr class="{{ row.kind }}">{% for cell in row.cells -%}
<td{% if loop.index0 in block.t.numeric %} class="num"{% endif %}>{{ cell }}</td>
{%- endfor %}</tr>
{% endfor %}</tbody></table></figure>
{%- endif %}
{% endfor %}
</body></html>
"""


def _lines(text: str) -> Markup:
    """A paragraph's line breaks as ``<br>`` (a list inside a pasal, a signature block)."""
    return Markup("<br>\n").join(escape(line) for line in text.split("\n"))


def _blocks(renja: Renja, findings: Sequence[Finding] | None) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for block in outline(renja, findings):
        if isinstance(block, Heading):
            out.append({"kind": "heading", "level": min(block.level, 2), "text": block.text})
        elif isinstance(block, Paragraph):
            out.append({"kind": "paragraph", "style": block.style, "text": block.text})
        elif isinstance(block, PageBreak):
            out.append({"kind": "page"})
        elif isinstance(block, Table):
            out.append({"kind": "table", "t": block.layout})
    return out


def render_html(renja: Renja, findings: Sequence[Finding] | None = None) -> str:
    env = Environment(autoescape=select_autoescape(default=True), trim_blocks=True)
    env.filters["lines"] = _lines
    template = env.from_string(TEMPLATE)
    title = f"Renja {renja.perangkat_daerah.nama} {renja.pemda.nama} {renja.tahun}"
    return template.render(title=title, css=CSS, blocks=_blocks(renja, findings))
