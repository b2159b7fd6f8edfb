"""Rule families; importing this package registers every rule."""

from renja.rules.families import (
    codes,
    crosstable,
    evaluation,
    money,
    numbering,
    structure,
    targets,
    text,
)

__all__ = ["codes", "crosstable", "evaluation", "money", "numbering", "structure", "targets",
           "text"]
