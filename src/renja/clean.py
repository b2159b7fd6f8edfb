"""A plan without the control characters that no document format or PostgreSQL can hold."""

from __future__ import annotations

from typing import Any

from renja.domain import Renja
from renja.text import clean_data, has_controls


def without_controls(renja: Renja) -> tuple[Renja, dict[str, Any]]:
    """``renja`` (or a cleaned copy when it held control characters) and its renja/1 data."""
    raw = renja.model_dump(mode="json", exclude_none=True)
    if not has_controls(raw):
        return renja, raw
    data: dict[str, Any] = clean_data(raw)  # type: ignore[assignment]
    return (renja if data == raw else Renja.model_validate(data)), data
