"""Errors raised by the core, each with an English and an Indonesian message.

Every error says what was wrong with which value; the CLI and the web app choose
the language (``str(error)`` is English, ``error.message("id")`` Indonesian).
"""

from __future__ import annotations


class RenjaError(Exception):
    """Base of every error the core raises on bad input."""

    code = "renja"

    def __init__(
        self, en: str, id: str | None = None, hint: str | None = None, hint_id: str | None = None
    ) -> None:
        super().__init__(en)
        self.en = en
        self.id = id or en
        self.hint_en = hint
        self.hint_id = hint_id or hint

    def message(self, lang: str = "en") -> str:
        return self.id if lang == "id" else self.en

    def hint(self, lang: str = "en") -> str | None:
        return self.hint_id if lang == "id" else self.hint_en


class CodeError(RenjaError, ValueError):
    """A program/kegiatan/sub kegiatan code that cannot be parsed."""

    code = "kode"


class NumberError(RenjaError, ValueError):
    """A number, amount or percentage that cannot be parsed."""

    code = "angka"


class TargetError(RenjaError, ValueError):
    """A target (value and satuan) that cannot be parsed."""

    code = "target"


class FormatError(RenjaError):
    """A file that is not in the format it claims to be."""

    code = "format"
