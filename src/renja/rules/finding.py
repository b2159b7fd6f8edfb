"""A finding: which rule, where (table, kode, field, file line), expected vs found, message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from renja.domain import Source

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
TABLES = ("tc29", "tc30", "tc31", "tc32", "tc33", "tujuan_sasaran", "daftar_program", "narasi",
          "hukum", "rkpd")
TABLE_LABELS = {
    "tc29": "T-C.29", "tc30": "T-C.30", "tc31": "T-C.31", "tc32": "T-C.32", "tc33": "T-C.33",
    "tujuan_sasaran": "Tabel 3.2", "daftar_program": "Daftar 3.3", "narasi": "Teks",
    "hukum": "Dasar hukum", "rkpd": "RKPD",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    family: str
    severity: Severity
    table: str
    kode: str | None
    field: str | None
    expected: str | None
    actual: str | None
    message: str
    source: Source | None
    hint: str | None = None
    perangkat_daerah: str | None = None
    """The agency a cross-agency (pemda) finding is about."""

    def to_json(self) -> dict[str, Any]:
        source = self.source or Source()
        agency = {"perangkat_daerah": self.perangkat_daerah} if self.perangkat_daerah else {}
        return {
            **agency, "rule": self.rule, "family": self.family, "severity": self.severity,
            "table": self.table, "kode": self.kode, "field": self.field,
            "expected": self.expected, "actual": self.actual, "message": self.message,
            "source": {"file": source.file, "line": source.line, "sheet": source.sheet,
                       "cell": source.cell},
        }
