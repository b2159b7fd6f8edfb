"""The canonical JSON format of a whole Renja (``"format": "renja/1"``)."""

from renja.io.json.read import load, loads
from renja.io.json.write import dump, dumps, schema, schema_text

__all__ = ["dump", "dumps", "load", "loads", "schema", "schema_text"]
