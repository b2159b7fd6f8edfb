"""The architecture as a test: the core imports no Django; pages, the API and the CLI write
only through the actions; the web layer has no import knots."""

from __future__ import annotations

import ast
from pathlib import Path

import renja

SRC = Path(renja.__file__).parent
LAYERS = ("web", "cli.py")  # everything else is the core
WRITES = {"save", "create", "delete", "update", "bulk_create", "update_or_create",
          "get_or_create", "store", "create_user", "create_from"}
ENTRANCES = ["web/plans/views.py", "web/plans/editor.py", "web/plans/tables.py",
             "web/plans/notices.py", "web/plans/realisasi.py", "web/plans/renstra.py",
             "web/plans/dashboard.py", "web/plans/rkpd.py", "web/plans/nomenklatur.py",
             "web/plans/texts.py", "web/plans/cycle.py", "web/plans/imports.py",
             "web/accounts/views.py", "web/accounts/admin_pemda.py", "web/api.py",
             "web/cli_plans.py"]


def modules(under: Path = SRC) -> list[Path]:
    return [p for p in under.rglob("*.py") if "migrations" not in p.parts]


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def test_the_core_imports_no_django():
    core = [p for p in modules() if not str(p.relative_to(SRC)).startswith(LAYERS)]
    assert len(core) > 50
    offenders = [f"{p.relative_to(SRC)}:{line} {name}" for p in core
                 for line, name in imported(ast.parse(p.read_text()))
                 if name.split(".")[0] in ("django", "ninja") or name.startswith("renja.web")]
    assert offenders == []


def test_pages_the_api_and_the_cli_write_only_through_the_actions():
    offenders = []
    for name in ENTRANCES:
        tree = ast.parse((SRC / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in WRITES and not _is_action(node.func.value):
                offenders.append(f"{name}:{node.lineno} .{node.func.attr}()")
    assert offenders == []


def _is_action(value: ast.expr) -> bool:
    """``actions.comment(…)``, ``admin.add_user(…)``, ``imports.confirm(…)``: the write path."""
    return isinstance(value, ast.Name) and value.id in ("actions", "admin", "imports")


def test_the_web_layer_imports_at_the_top_only():
    late = []
    for path in modules(SRC / "web"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                late += [f"{path.relative_to(SRC)}:{line} {name}" for line, name in imported(node)]
    allowed = "web/cli_plans.py"  # Django only when a `renja plan` command runs (its docstring)
    assert [x for x in late if not x.startswith(allowed)] == []


def test_access_and_permissions_do_not_import_the_actions():
    for name in ("web/plans/access.py", "web/plans/permissions.py", "web/plans/checked.py"):
        names = [n for _, n in imported(ast.parse((SRC / name).read_text()))]
        assert not [n for n in names if n.startswith("renja.web.plans.actions")], name
    checked = [n for _, n in imported(ast.parse((SRC / "web/plans/checked.py").read_text()))]
    assert "renja.web.plans.models" not in checked or \
        "TYPE_CHECKING" in (SRC / "web/plans/checked.py").read_text()
