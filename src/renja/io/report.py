"""What an importer could not place, or placed with a guess: the import report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from renja.domain import Renja, Source

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Notice:
    """One thing the importer says about an input line or cell."""

    source: Source
    en: str
    id: str
    severity: Severity = "warning"
    text: str | None = None
    """The input text concerned, when it was not placed in the model."""

    def message(self, lang: str = "id") -> str:
        return self.id if lang == "id" else self.en


@dataclass
class Report:
    notices: list[Notice] = field(default_factory=list)

    def add(self, source: Source, en: str, id: str, severity: Severity = "warning",
            text: str | None = None) -> None:
        self.notices.append(Notice(source, en, id, severity, text))

    def unplaced(self, source: Source, text: str) -> None:
        """A line or row that could not be placed in the model."""
        self.add(source, "not understood, left out", "tidak dikenali, tidak dimasukkan",
                 "warning", text)

    def count(self, severity: Severity) -> int:
        return sum(1 for n in self.notices if n.severity == severity)


@dataclass
class ImportResult:
    renja: Renja
    report: Report
