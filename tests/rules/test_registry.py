import importlib
from pathlib import Path

from renja.rules import FAMILIES, RULES, run_checks
from renja.rules.finding import TABLES

HERE = Path(__file__).parent


def test_every_rule_has_a_test_that_names_it():
    tests = " ".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    importlib.import_module("renja.rules.families")  # fills the registry
    untested = [code for code in RULES if f'"{code}"' not in tests]
    assert untested == []


def test_every_rule_has_a_known_family_and_severity():
    for rule in RULES.values():
        assert rule.family in FAMILIES
        assert rule.severity in ("error", "warning", "info")
        assert rule.code[0] in "KUELTHR" and rule.code[1:].isdigit()


def test_findings_name_a_known_table():
    from renja.io.read import read_plan

    example = HERE.parent / "fixtures" / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"
    findings = run_checks(read_plan(example).renja)
    assert {f.table for f in findings} <= set(TABLES)
