"""renja: the Rencana Kerja (Renja) of an Indonesian regional agency as structured data."""

__version__ = "0.1.0"
"""The one place the version is written (pyproject reads it): importing
``importlib.metadata`` to look it up cost `renja --version` 70 ms."""
