"""A plan's JSON written as the text the domain model serialises (pydantic, in Rust), instead
of Python data that Django serialises again.

Measured on a 150-row plan (446 KB of JSON, PostgreSQL 15): changing values in place with
``jsonb_set`` costs 5–8 ms per call, as PostgreSQL takes apart and rebuilds the whole stored
(TOASTed, compressed) value each time, so the five rows a save touches cost 26 ms; writing the
whole text costs 7–10 ms. What was worth saving is the Python side: dumping the plan to Python
data, walking it for control characters and ``json.dumps`` took 15–20 ms of every save; one
``model_dump_json`` takes 2.
"""

from __future__ import annotations

from django.db import connection
from django.db.models.expressions import RawSQL


def json_text(text: str) -> RawSQL:
    """``text`` (JSON) as the value of a JSON field in ``update()``: PostgreSQL parses it into
    jsonb, SQLite keeps the text."""
    if connection.vendor == "postgresql":
        return RawSQL("%s::jsonb", [text])
    return RawSQL("%s", [text])
