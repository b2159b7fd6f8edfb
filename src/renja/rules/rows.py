"""Walking the coded rows of a plan's tables, with their parents."""

from __future__ import annotations

from collections.abc import Iterator

from renja.domain import PlanNode, Renja
from renja.domain.plan import KodeMixin


def plan_nodes(renja: Renja) -> Iterator[tuple[PlanNode, PlanNode | None]]:
    """Every T-C.33 row with its parent row, in document order."""

    def walk(node: PlanNode, parent: PlanNode | None) -> Iterator[tuple[PlanNode, PlanNode | None]]:
        yield node, parent
        for child in node.children:
            yield from walk(child, node)

    for root in renja.rencana.rows:
        yield from walk(root, None)


def coded_rows(renja: Renja) -> Iterator[tuple[str, KodeMixin]]:
    """(table, row) for every row that carries a code: T-C.33 and T-C.29."""
    for node in renja.rencana.walk():
        yield "tc33", node
    for row in renja.tc29.rows:
        yield "tc29", row
