"""Tables of a Renja as CSV (and as JSON rows): ``renja export PLAN --table T``."""

from renja.io.csv.write import EXPORTS, table_csv, table_json

__all__ = ["EXPORTS", "table_csv", "table_json"]
