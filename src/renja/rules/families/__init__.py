"""Rule families; importing this package registers every rule."""

from renja.rules.families import (
    codes,
    counts,
    crosstable,
    evaluation,
    money,
    numbering,
    renstra,
    shares,
    structure,
    targets,
    text,
)

__all__ = ["codes", "counts", "crosstable", "evaluation", "money", "numbering", "renstra", "shares",
           "structure", "targets", "text"]
