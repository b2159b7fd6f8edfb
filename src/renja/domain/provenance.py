"""Where a value came from, so findings can point at the printed cell."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Source(BaseModel):
    """A place in an input file: a line (text) or a sheet and cell (XLSX)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str | None = None
    line: int | None = Field(default=None, ge=1, description="1-based line of a text file")
    column: int | None = Field(default=None, ge=1, description="1-based tab-separated column")
    sheet: str | None = None
    cell: str | None = Field(default=None, description="XLSX cell such as G48")
    page: int | None = Field(default=None, ge=1, description="1-based page of a PDF")

    def at(self, lang: str = "id") -> str:
        """`` (baris 12)`` or `` (hlm. 3)`` after a value read elsewhere; empty if unknown."""
        if self.page is not None:
            return f" (hlm. {self.page})" if lang == "id" else f" (page {self.page})"
        if self.line is not None:
            return f" (baris {self.line})" if lang == "id" else f" (line {self.line})"
        return ""

    def describe(self) -> str:
        """``file:line``, ``file, hlm. 3`` (PDF) or ``file!sheet!cell``, for messages."""
        where = self.file or ""
        if self.page is not None:
            where += f", hlm. {self.page}"
        elif self.line is not None:
            where += f":{self.line}"
        if self.sheet is not None:
            where += f"!{self.sheet}"
        if self.cell is not None:
            where += f"!{self.cell}"
        return where


class Model(BaseModel):
    """Base of all domain models: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Traced(Model):
    """A model whose fields can each carry their :class:`Source`."""

    provenance: dict[str, Source] = Field(
        default_factory=dict,
        description="Where each field's value was read, keyed by field name",
    )

    def trace(self, field: str, source: Source | None) -> None:
        """Record where ``field`` was read (does nothing for ``None``)."""
        if source is not None:
            self.provenance[field] = source

    def source_of(self, field: str) -> Source | None:
        """Where ``field`` was read, falling back to where the row itself was read."""
        return self.provenance.get(field) or self.provenance.get("row")
