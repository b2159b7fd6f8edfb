from pathlib import Path

from renja.docs import cli_markdown, rules_markdown
from renja.rules import RULES

ROOT = Path(__file__).resolve().parents[1]


def test_the_cli_reference_is_up_to_date():
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == cli_markdown(), "docs/cli.md is stale: run `make docs`"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("renja import", "renja export", "renja check", "renja render",
                    "renja serve", "renja schema", "renja kode", "renja nomenklatur search",
                    "renja nomenklatur show", "renja tabel", "renja backup",
                    "renja restore", "renja pemda-export", "renja plan act"):
        assert command in readme, f"README does not mention `{command}`"


def test_the_rules_reference_is_up_to_date():
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), "docs/rules.md is stale: run `make docs`"


def test_every_rule_is_documented_with_an_example():
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert len(RULES) >= 25
    for code, rule in RULES.items():
        assert f"| {code} | {rule.severity} |" in written
        assert rule.example
