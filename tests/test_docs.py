from pathlib import Path

from renja.docs import cli_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_the_cli_reference_is_up_to_date():
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == cli_markdown(), "docs/cli.md is stale: run `make docs`"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("renja import", "renja export", "renja schema", "renja kode",
                    "renja nomenklatur search", "renja nomenklatur show"):
        assert command in readme, f"README does not mention `{command}`"
