"""Read the canonical JSON format, with errors that name the file and the field."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from renja.domain import FORMAT, Renja
from renja.errors import FormatError


def load(path: str | Path) -> Renja:
    """Read a ``renja/1`` JSON file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path.name}: not UTF-8 text (byte {exc.start + 1})",
                          f"{path.name}: bukan teks UTF-8 (bita ke-{exc.start + 1})") from exc
    except OSError as exc:
        raise FormatError(f"{path.name}: cannot be read ({exc.strerror})",
                          f"{path.name}: tidak dapat dibaca ({exc.strerror})") from exc
    return loads(text, name=path.name)


def loads(text: str, name: str = "<json>") -> Renja:
    """Parse ``renja/1`` JSON text; ``name`` is used in error messages."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"{name}: line {exc.lineno}: not valid JSON ({exc.msg})",
            f"{name}: baris {exc.lineno}: bukan JSON yang sah ({exc.msg})",
        ) from exc
    except RecursionError as exc:
        raise FormatError(f"{name}: not a Renja JSON file: nested too deeply",
                          f"{name}: bukan berkas JSON Renja: bersarang terlalu dalam") from exc
    except ValueError as exc:  # an integer of thousands of digits
        raise FormatError(f"{name}: not a Renja JSON file: a number is too long",
                          f"{name}: bukan berkas JSON Renja: ada angka yang terlalu panjang") \
            from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise FormatError(
            f"{name}: not a Renja JSON file: expected \"format\": \"{FORMAT}\", "
            + (f"found {found!r}" if found is not None else "it has none"),
            f"{name}: bukan berkas JSON Renja: seharusnya \"format\": \"{FORMAT}\", "
            + (f"tertulis {found!r}" if found is not None else "tidak ada"),
        )
    try:
        return Renja.model_validate(data)
    except ValidationError as exc:
        raise FormatError(_describe(name, exc, "en"), _describe(name, exc, "id")) from exc


def _describe(name: str, exc: ValidationError, lang: str) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(root)"
    more = len(exc.errors()) - 1
    tail = ""
    if more:
        tail = f" (and {more} more)" if lang == "en" else f" (dan {more} lainnya)"
    found = first.get("input")
    shown = "" if isinstance(found, dict | list) else f", found {found!r}"
    if lang == "id":
        shown = shown.replace(", found", ", tertulis")
    return f"{name}: {where}: {first['msg']}{shown}{tail}"
