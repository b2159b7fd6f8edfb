"""Codes of the national nomenclature: parsing, formatting, hierarchy."""

from renja.codes.kode import (
    LEVELS,
    DamagedKode,
    Kode,
    Level,
    parse_kode,
    parse_kode_or_damaged,
)

__all__ = ["LEVELS", "DamagedKode", "Kode", "Level", "parse_kode", "parse_kode_or_damaged"]
