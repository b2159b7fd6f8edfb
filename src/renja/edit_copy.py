"""A copy of a plan to change one T-C.33 row in, sharing everything the change cannot touch.

Changing a row (:func:`renja.edit.set_value`, :func:`~renja.edit.set_polaritas`,
:func:`~renja.edit.add_indicator`) writes that row, and through the roll-up the rows above it
and the total row. :func:`row_copy` makes new objects of exactly those, and of the containers
holding them; every other row and table is the same object in both plans. The plan copied from
stays as it was (it may be shared, e.g. cached for pages), the copy costs microseconds instead
of parsing the whole plan again, and what changed can be told by identity
(:func:`renja.rules.incremental.changed_rows`).
"""

from __future__ import annotations

from typing import TypeVar

from renja.domain import Renja
from renja.domain.provenance import Traced
from renja.edit import node_at as _node_at
from renja.edit import roll_up
from renja.errors import RenjaError

T = TypeVar("T", bound=Traced)


def row_copy(renja: Renja, path: str) -> Renja | None:
    """A copy of ``renja`` in which the row at ``path``, the rows above it and the total row
    may be changed. ``None`` when the plan's sums are not all rolled up (a change would then
    rewrite rows elsewhere too: only a whole copy will do) or there is no row at ``path``."""
    try:
        _node_at(renja, path)
        indexes = [int(part) for part in path.split(".")]
    except (RenjaError, ValueError):
        return None
    if roll_up(renja, check_only=True):
        return None
    rencana = renja.rencana
    total = rencana.total
    rencana = rencana.model_copy(update={
        "rows": list(rencana.rows), "provenance": dict(rencana.provenance),
        "total": None if total is None else _own(total, belanja_n=_own(total.belanja_n),
                                                   belanja_n1=_own(total.belanja_n1))})
    siblings = rencana.rows
    for index in indexes:
        node = siblings[index]
        node = _own(node, children=list(node.children),
                    indikator=[_own(i) for i in node.indikator],
                    belanja_n=_own(node.belanja_n), belanja_n1=_own(node.belanja_n1))
        siblings[index] = node
        siblings = node.children
    return renja.model_copy(update={"rencana": rencana})


def _own(model: T, **parts: object) -> T:
    """A shallow copy of ``model`` with its own provenance and the given parts."""
    return model.model_copy(update={"provenance": dict(model.provenance), **parts})
