"""Findings as text (grouped by table, counts by severity) and as the JSON of `renja check`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from renja.rules.finding import SEVERITIES, TABLE_LABELS, Finding

SEVERITY_LABEL = {"id": {"error": "galat", "warning": "peringatan", "info": "info"},
                  "en": {"error": "error", "warning": "warning", "info": "info"}}
COUNT_LABEL = {"id": SEVERITY_LABEL["id"],
               "en": {"error": "errors", "warning": "warnings", "info": "info"}}


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}


def as_json(findings: Sequence[Finding], files: list[dict[str, object]] | None = None) -> str:
    """``{"findings": […], "summary": {…}}``, and ``"files": […]`` for several files."""
    data: dict[str, object] = {"findings": [f.to_json() for f in findings],
                               "summary": summary(findings)}
    if files is not None:
        data["files"] = files
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_text(findings: Sequence[Finding], lang: str = "id", name: str | None = None) -> str:
    labels = SEVERITY_LABEL[lang]
    lines: list[str] = []
    if name:
        lines.append(f"== {name}")
    for table in TABLE_LABELS:
        group = [f for f in findings if f.table == table]
        if not group:
            continue
        counts = summary(group)
        shown = ", ".join(f"{counts[s]} {COUNT_LABEL[lang][s]}" for s in SEVERITIES
                          if counts[s])
        lines.append(f"{TABLE_LABELS[table]} ({shown})")
        for f in group:
            where = f.source.describe() if f.source else ""
            lines.append(f"  {where}: [{labels[f.severity]}] {f.rule} {f.message}")
            if f.hint:
                lines.append(f"      {'petunjuk' if lang == 'id' else 'hint'}: {f.hint}")
    counts = summary(findings)
    total = ", ".join(f"{counts[s]} {COUNT_LABEL[lang][s]}" for s in SEVERITIES)
    lines.append(("Jumlah: " if lang == "id" else "Total: ") + total)
    return "\n".join(lines) + "\n"
