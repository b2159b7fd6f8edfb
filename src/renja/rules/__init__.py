"""Validation rules: a registry of small checks, each with a stable code and a message."""

from renja.rules.finding import SEVERITIES, TABLES, Finding, Severity
from renja.rules.registry import FAMILIES, RULES, Rule, run_checks

__all__ = ["FAMILIES", "RULES", "SEVERITIES", "TABLES", "Finding", "Rule", "Severity",
           "run_checks"]
