"""The national nomenclature catalogue: look up codes, search names."""

from renja.nomenklatur.catalogue import (
    Catalogue,
    Entry,
    Match,
    Version,
    default_catalogue,
    load_catalogue,
    normalise_name,
)

__all__ = ["Catalogue", "Entry", "Match", "Version", "default_catalogue", "load_catalogue",
           "normalise_name"]
