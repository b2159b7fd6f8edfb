"""Build the urusan → … → sub kegiatan tree from rows in document order."""

from __future__ import annotations

from collections.abc import Sequence

from renja.codes import LEVELS, DamagedKode, Kode, Level, parse_kode
from renja.domain import PlanNode
from renja.domain.plan import KodeMixin
from renja.io.recovery import Recoverer, apply_recovery
from renja.io.report import Report
from renja.io.tables.tc33 import Parsed

_ORDER = {level: i for i, level in enumerate(LEVELS)}


def guess_level(previous: Level | None) -> Level:
    """The level of a row whose code says nothing: a sibling of a sub kegiatan, else a child."""
    if previous is None:
        return "program"
    if previous == "sub_kegiatan":
        return "sub_kegiatan"
    return LEVELS[_ORDER[previous] + 1]


def build_tree(parsed: Sequence[Parsed], recoverer: Recoverer, report: Report) -> list[PlanNode]:
    """Nest the rows by level, recovering damaged or missing codes on the way."""
    roots: list[PlanNode] = []
    stack: list[PlanNode] = []
    previous: Level | None = None
    for item in parsed:
        node = item.node
        if item.kode is None:
            _place_by_name(node, stack, recoverer, report)
        if node.level is None:
            node.level = guess_level(previous)
        while stack and _ORDER[stack[-1].level or "sub_kegiatan"] >= _ORDER[node.level]:
            stack.pop()
        parent = stack[-1] if stack else None
        if isinstance(item.kode, DamagedKode) or (item.kode is None and node.kode is None):
            _recover(node, item.kode, parent, recoverer, report)
        (parent.children if parent else roots).append(node)
        stack.append(node)
        previous = node.level
    return roots


def _place_by_name(node: PlanNode, stack: list[PlanNode], recoverer: Recoverer,
                   report: Report) -> None:
    """A row printed without a code: find it by name under the nearest program."""
    program = next((n for n in reversed(stack) if n.level == "program" and n.kode), None)
    parent = parse_kode(program.kode) if program is not None and program.kode else None
    found = recoverer.recover(node.nama, None, parent, None)
    if found is not None:
        apply_recovery(node, found, report)


def _recover(node: PlanNode, damaged: DamagedKode | None, parent: PlanNode | None,
             recoverer: Recoverer, report: Report) -> None:
    parent_kode = parse_kode(parent.kode) if parent is not None and parent.kode else None
    found = recoverer.recover(node.nama, node.level, parent_kode,
                              damaged if isinstance(damaged, DamagedKode) else None)
    apply_recovery(node, found, report)


def bidang_of(parsed: Sequence[Parsed]) -> str | None:
    """The agency's primary bidang: that of its first sound program-or-lower code."""
    for item in parsed:
        kode = item.kode
        if isinstance(kode, Kode) and kode.bidang and not kode.is_cross_cutting:
            return f"{kode.urusan}.{kode.bidang}"
    return None


def resolve_flat(rows: Sequence[tuple[KodeMixin, Kode | DamagedKode | None]],
                 recoverer: Recoverer, report: Report) -> None:
    """Give each row of a flat coded table (T-C.29) its level and, if needed, a recovered code."""
    stack: list[tuple[Level, Kode | None]] = []
    previous: Level | None = None
    for row, kode in rows:
        if isinstance(kode, Kode):
            row.kode, row.level = kode.canonical, kode.level
        elif isinstance(kode, DamagedKode) and kode.level is not None:
            row.level = kode.level
        row.level = row.level or guess_level(previous)
        while stack and _ORDER[stack[-1][0]] >= _ORDER[row.level]:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if not isinstance(kode, Kode):
            damaged = kode if isinstance(kode, DamagedKode) else None
            apply_recovery(row, recoverer.recover(row.nama, row.level, parent, damaged), report)
        stack.append((row.level, parse_kode(row.kode) if row.kode else None))
        previous = row.level
