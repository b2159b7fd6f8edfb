"""Write the canonical JSON format and its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from renja.domain import Renja


def dumps(renja: Renja) -> str:
    """``renja/1`` JSON text; absent values are left out, so the file stays readable."""
    return renja.model_dump_json(indent=2, exclude_none=True) + "\n"


def dump(renja: Renja, path: str | Path) -> None:
    Path(path).write_text(dumps(renja), encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of the ``renja/1`` format."""
    result = Renja.model_json_schema(mode="serialization")
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    result["$id"] = "https://renja.id/schema/renja-1.json"
    result["title"] = "Renja Perangkat Daerah (renja/1)"
    return result


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
