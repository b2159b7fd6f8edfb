"""Calculations: roll-ups, evaluation formulas, capaian, predikat, daya serap. Pure functions."""
