"""Generate reference docs from the code: ``python -m renja.docs`` rewrites docs/cli.md."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from renja.cli import cli
from renja.rkpd.checks import PEMDA_RULES, PemdaRule
from renja.rules import FAMILIES, RULES, Rule

HEADER = """# CLI reference

Generated from `renja --help` by `python -m renja.docs` (run `make docs`); do not edit by hand.
A test fails when this file and the commands disagree.
"""


def _commands(group: click.Group, prefix: list[str]) -> list[tuple[list[str], click.Command]]:
    found: list[tuple[list[str], click.Command]] = [(prefix, group)]
    ctx = click.Context(group, info_name=prefix[-1])
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            found.extend(_commands(command, [*prefix, name]))
        elif command is not None:
            found.append(([*prefix, name], command))
    return found


def _help(path: list[str], command: click.Command) -> str:
    parent: click.Context | None = None
    for name in path[:-1]:
        parent = click.Context(cli, info_name=name, parent=parent)
    ctx = click.Context(command, info_name=path[-1], parent=parent, terminal_width=100,
                        help_option_names=["-h", "--help"],
                        max_content_width=100)
    return command.get_help(ctx)


def cli_markdown() -> str:
    """docs/cli.md: every command's ``--help``."""
    parts = [HEADER]
    for path, command in _commands(cli, ["renja"]):
        parts.append(f"\n## `{' '.join(path)}`\n\n```\n{_help(path, command)}\n```\n")
    return "".join(parts)


def rules_markdown() -> str:
    """docs/rules.md: every rule of the registry, by family."""
    importlib.import_module("renja.rules.families")
    parts = [
        "# Rules reference\n\n",
        "Generated from the rule registry by `python -m renja.docs` (run `make docs`); do not "
        "edit by hand. A test fails when a rule is missing here.\n\n",
        "`renja check` runs every rule. Severity: **error** (the document is wrong), "
        "**warning** (probably wrong, or needs a look), **info** (worth knowing). Messages are in "
        "Bahasa Indonesia; `--lang en` gives English.\n",
    ]
    every: dict[str, Rule | PemdaRule] = {**RULES, **PEMDA_RULES}
    for family, (title_id, title_en) in FAMILIES.items():
        parts.append(f"\n## {title_id} ({title_en}): `{family}`\n\n")
        if family == "pemda":
            parts.append("Run by `renja check --pemda` and Bappeda's RKPD page over all "
                         "agencies' plans of a year, not by `renja check` on one plan.\n\n")
        parts.append("| code | severity | checks | example finding |\n|---|---|---|---|\n")
        for code in sorted(every):
            rule = every[code]
            if rule.family != family:
                continue
            example = rule.example.replace("|", "\\|")
            parts.append(f"| {code} | {rule.severity} | {rule.title_id} — *{rule.title_en}* | "
                         f"{example} |\n")
    return "".join(parts)


DOCS = {"cli.md": cli_markdown, "rules.md": rules_markdown}


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")
    root.mkdir(parents=True, exist_ok=True)
    for name, build in DOCS.items():
        (root / name).write_text(build(), encoding="utf-8")
        print(f"wrote {root / name}")


if __name__ == "__main__":
    main()
