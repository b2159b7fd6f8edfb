"""renja: the Rencana Kerja (Renja) of an Indonesian regional agency as structured data."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("renja")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
