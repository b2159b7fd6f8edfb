"""Map a table's columns to fields by their header labels or official numbers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from renja.io.grid import Block

YEAR = re.compile(r"\b(20\d\d)\b")


def by_label(block: Block, rules: Sequence[tuple[str, str]]) -> dict[int, str]:
    """Cell index → field, the first rule whose pattern is found in the column's label."""
    mapping: dict[int, str] = {}
    for index, label in enumerate(block.column_labels()):
        low = label.lower()
        for pattern, name in rules:
            if re.search(pattern, low):
                mapping[index] = name
                break
    return mapping


def year_of(label: str) -> int | None:
    """The last year named in a header label (``… Tahun 2024`` → 2024)."""
    years = YEAR.findall(label)
    return int(years[-1]) if years else None
