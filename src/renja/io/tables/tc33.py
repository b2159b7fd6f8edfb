"""T-C.33: the plan rows with indicators, money for n and n+1, and their belanja breakdown.

Cells are read by what they hold, in order, not by their column: text-from-PDF shifts
cells left and right, and breakdown lines (``Belanja operasi : 1.234``) share rows with
second indicators. See docs/formats.md for the layouts this accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renja.codes import DamagedKode, Kode
from renja.domain import Belanja, Indikator, Jumlah, PlanNode, Rencana, Source
from renja.io.grid import Block, GridRow
from renja.io.report import Report
from renja.io.tables.cells import Token, classify, read_kode, try_money
from renja.io.tables.rowparts import (
    code_columns,
    is_total_label,
    join_spill,
    left_part,
    read_target,
)
from renja.numbers import money_unit_label


@dataclass
class Parsed:
    """A T-C.33 row as read, before the tree is built and codes are recovered."""

    node: PlanNode
    kode: Kode | DamagedKode | None
    unlabeled: list[tuple[int | None, int | None, Source]] = field(default_factory=list)


@dataclass
class _State:
    report: Report
    code_cols: int = 1
    n1_start: int | None = None
    """First column under the prakiraan maju (n+1) header, when the header says."""
    parsed: list[Parsed] = field(default_factory=list)
    total: Jumlah | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def current(self) -> Parsed | None:
        return self.parsed[-1] if self.parsed else None


def read_tc33(block: Block, report: Report) -> tuple[Rencana, list[Parsed]]:
    """Read the rows of a T-C.33 block; the caller builds the tree and recovers codes."""
    labels = block.column_labels()
    state = _State(report, code_columns(labels), n1_start=_n1_start(labels))
    for row in block.rows:
        _read_row(row, state)
    for item in state.parsed:
        _settle_unlabeled(item, report)
    rencana = Rencana(judul=block.caption_text or None,
                      satuan_uang=money_unit_label(block.header_text()), total=state.total)
    rencana.catatan = state.notes
    return rencana, state.parsed


def _read_row(row: GridRow, state: _State) -> None:
    left = left_part(row, code_cols=state.code_cols)
    tokens = [classify(c.text, i) for i, c in row.filled() if i >= left.rest]
    if is_total_label(left.kode) or is_total_label(left.nama) or \
            (not left.kode and is_total_label(left.indikator)):
        state.total = Jumlah()
        state.total.trace("row", row.source)
        _apply_money(tokens, state.total, row, state.report, indikator=None,
                     n1_start=state.n1_start)
        return
    if state.total is not None and not left.kode and not left.nama:
        _apply_money(tokens, state.total, row, state.report, indikator=None,
                     n1_start=state.n1_start)
        return
    if left.kode:
        _start_node(row, left.kode, left.nama, left.indikator, tokens, state)
    elif left.nama:
        _row_without_kode(row, left.nama, left.indikator, tokens, state)
    elif left.indikator:
        _indicator_row(row, left.indikator, tokens, state)
    elif state.current is not None and tokens:
        _apply_money(tokens, state.current.node, row, state.report, indikator=None,
                     parsed=state.current, n1_start=state.n1_start)
    elif tokens:
        state.report.unplaced(row.source, "\t".join(row.texts()))


def _start_node(row: GridRow, kode_text: str, nama: str, indikator: str, tokens: list[Token],
                state: _State) -> None:
    kode = read_kode(kode_text)
    node = PlanNode(kode_asal=kode_text, nama=nama)
    if isinstance(kode, Kode):
        node.kode, node.level = kode.canonical, kode.level
    elif isinstance(kode, DamagedKode):
        node.level = kode.level
    node.trace("row", row.source)
    node.trace("kode", row.source_at(0))
    node.trace("nama", row.source_at(1))
    state.parsed.append(Parsed(node, kode))
    ind = _new_indicator(node, indikator, row)
    _apply_main(tokens, node, ind, row, state.report, state.current, state.n1_start)


def _row_without_kode(row: GridRow, nama: str, indikator: str, tokens: list[Token],
                      state: _State) -> None:
    current = state.current
    has_own = any(t.kind in ("target", "money") for t in tokens)
    if current is None:
        if has_own:
            _start_node(row, "", nama, indikator, tokens, state)
        else:
            state.notes.append(" ".join(c.text for _, c in row.filled()))
        return
    if row.after_break or not has_own:
        current.node.nama = join_spill(current.node.nama, nama)
        if indikator and current.node.indikator:
            last = current.node.indikator[-1]
            last.nama = join_spill(last.nama, indikator)
        elif indikator:
            _new_indicator(current.node, indikator, row)
        _apply_money(tokens, current.node, row, state.report, indikator=None, parsed=current,
                     n1_start=state.n1_start)
        return
    _start_node(row, "", nama, indikator, tokens, state)


def _indicator_row(row: GridRow, indikator: str, tokens: list[Token], state: _State) -> None:
    current = state.current
    if current is None:
        state.report.unplaced(row.source, "\t".join(row.texts()))
        return
    node = current.node
    has_target = any(t.kind == "target" for t in tokens if not _after_label(t, tokens))
    if has_target or not node.indikator:
        ind = _new_indicator(node, indikator, row)
        _apply_main(tokens, node, ind, row, state.report, current, state.n1_start)
    else:
        node.indikator[-1].nama = join_spill(node.indikator[-1].nama, indikator)
        _apply_money(tokens, node, row, state.report, indikator=node.indikator[-1],
                     parsed=current, n1_start=state.n1_start)


def _after_label(token: Token, tokens: list[Token]) -> bool:
    labels = [t.index for t in tokens if t.kind == "label"]
    return bool(labels) and token.index > labels[0]


def _new_indicator(node: PlanNode, nama: str, row: GridRow) -> Indikator | None:
    if not nama:
        return None
    ind = Indikator(nama=nama)
    ind.trace("nama", row.source_at(2))
    node.indikator.append(ind)
    return ind


def _apply_main(tokens: list[Token], node: PlanNode, ind: Indikator | None, row: GridRow,
                report: Report, parsed: Parsed | None, n1_start: int | None = None) -> None:
    """Lokasi, target n, pagu n, sumber dana, catatan, target n+1, pagu n+1, in that order.

    A row that starts only in year n+1 prints nothing, ``-`` or ``0`` for target and pagu n:
    its n+1 amounts stay n+1 (a ``-`` or ``0`` with no amount after it is pagu n, not a
    target)."""
    labels = [i for i, t in enumerate(tokens) if t.kind == "label"]
    main = tokens[: labels[0]] if labels else tokens
    rest = tokens[labels[0]:] if labels else []
    stage = 0  # 0 start, 1 lokasi, 2 target n, 3 pagu n, 4 sumber/catatan, 5 target n+1, 6 pagu n+1
    amounts: list[tuple[int | None, Source]] = []
    for position, token in enumerate(main):
        source = row.source_at(token.index)
        if token.kind == "colon":
            continue
        if token.kind == "text" and stage == 0:
            node.lokasi, stage = token.text, 1
            node.trace("lokasi", source)
        elif stage <= 1 and _is_pagu_n(token, main[position + 1:]):
            amounts.append((try_money(token.text) or 0, source))
            stage = 3
        elif token.kind in ("target", "dash") and stage <= 1:
            ind = ind or _ensure_indicator(node, row)
            ind.target_n, stage = read_target(token.text, source, report), 2
            ind.satuan = ind.satuan or ind.target_n.satuan
            ind.trace("target_n", source)
        elif token.kind == "text" and stage in (2, 5) and _is_satuan(token.text):
            ind = ind or _ensure_indicator(node, row)
            _add_satuan(ind, "target_n" if stage == 2 else "target_n1", token.text, source,
                        report)
        elif token.kind in ("money", "dash") and stage <= 2:
            amounts.append((try_money(token.text), source))
            stage = 3
        elif token.kind == "sumber_dana" and 1 <= stage <= 4:
            node.sumber_dana, stage = token.text, 4
            node.trace("sumber_dana", source)
        elif token.kind == "text" and 3 <= stage <= 4 and not _is_typo_target(token.text):
            node.catatan = join_spill(node.catatan or "", token.text)
            node.trace("catatan", source)
        elif (token.kind in ("target", "text") and 3 <= stage <= 4) or \
                (token.kind == "target" and stage == 2):
            ind = ind or _ensure_indicator(node, row)
            ind.target_n1, stage = read_target(token.text, source, report), 5
            ind.trace("target_n1", source)
        elif token.kind in ("money", "dash") and 3 <= stage <= 5:
            if not amounts and stage >= 4:
                amounts.append((None, source))  # nothing printed for year n
            amounts.append((try_money(token.text), source))
            stage = 6
        else:
            report.unplaced(source, token.text)
    _store_pagu(node, amounts, parsed)
    if rest:
        _apply_money(rest, node, row, report, indikator=ind, parsed=parsed, n1_start=n1_start)


def _n1_start(labels: list[str]) -> int | None:
    """The first column whose header names the prakiraan maju (year n+1)."""
    return next((i for i, label in enumerate(labels)
                 if re.search(r"prakiraan\s+maju|\bn\s*\+\s*1\b", label, re.IGNORECASE)),
                None)


def _is_pagu_n(token: Token, after: list[Token]) -> bool:
    """``-`` or ``0`` where target n would be, with no amount after it before year n+1: the
    pagu n of a row that starts only in year n+1."""
    if token.kind not in ("dash", "target") or token.text.strip() not in ("-", "0", "–", "—"):
        return False
    for later in after:
        if later.kind in ("money", "dash"):
            return False
        if later.kind in ("sumber_dana", "target"):
            return True
    return False


def _is_satuan(text: str) -> bool:
    """A unit printed in a cell of its own after its target (``5`` | ``dok``)."""
    return len(text) <= 15 and not any(ch.isdigit() for ch in text)


def _add_satuan(ind: Indikator, field_name: str, satuan: str, source: Source,
                report: Report) -> None:
    target = getattr(ind, field_name)
    if target is None or target.satuan:
        report.unplaced(source, satuan)
        return
    setattr(ind, field_name, read_target(f"{target.text} {satuan}", source, report))
    if field_name == "target_n":
        ind.satuan = ind.satuan or satuan


def _is_typo_target(text: str) -> bool:
    from renja.domain.target import KNOWN_SATUAN

    first, rest = text[:1], text[1:].strip().lower()
    return first in "IlO|" and rest in KNOWN_SATUAN


def _ensure_indicator(node: PlanNode, row: GridRow) -> Indikator:
    if not node.indikator:
        node.indikator.append(Indikator(nama=""))
    return node.indikator[-1]


def _store_pagu(node: PlanNode, amounts: list[tuple[int | None, Source]],
                parsed: Parsed | None) -> None:
    if not amounts:
        return
    fresh = node.pagu_n is None and node.pagu_n1 is None
    if fresh:
        node.pagu_n = amounts[0][0]
        node.trace("pagu_n", amounts[0][1])
        if len(amounts) > 1:
            node.pagu_n1 = amounts[1][0]
            node.trace("pagu_n1", amounts[1][1])
    elif parsed is not None:
        n1 = amounts[1][0] if len(amounts) > 1 else None
        parsed.unlabeled.append((amounts[0][0], n1, amounts[0][1]))


def _apply_money(tokens: list[Token], target: PlanNode | Jumlah, row: GridRow, report: Report,
                 indikator: Indikator | None, parsed: Parsed | None = None,
                 n1_start: int | None = None) -> None:
    """Breakdown lines (``Belanja x : n … n+1``) and, on a total row, the pagu amounts.

    A label printed again on the n+1 side (``Belanja x | n | … | Belanja x | n+1``) goes on
    with the same line; an amount alone under the prakiraan maju columns is n+1's."""
    field_name: str | None = None
    values: list[tuple[int | None, Source]] = []
    plain: list[tuple[int | None, Source]] = []
    for token in tokens:
        source = row.source_at(token.index)
        if token.kind == "label" and token.field == field_name:
            if token.value is not None:
                values.append((try_money(token.value), source))
        elif token.kind == "label":
            _store_breakdown(target, field_name, values, report, row)
            field_name, values = token.field, []
            if token.value is not None:
                values.append((try_money(token.value), source))
        elif token.kind in ("money", "dash"):
            if field_name and not values and n1_start is not None and token.index >= n1_start:
                values.append((None, source))  # nothing printed for year n
            (values if field_name else plain).append((try_money(token.text), source))
        elif token.kind == "target" and indikator is not None and indikator.target_n1 is None:
            indikator.target_n1 = read_target(token.text, source, report)
            indikator.trace("target_n1", source)
        elif token.kind != "colon":
            report.unplaced(source, token.text)
    _store_breakdown(target, field_name, values, report, row)
    if plain and isinstance(target, Jumlah) and target.pagu_n is None:
        target.pagu_n = plain[0][0]
        target.trace("pagu_n", plain[0][1])
        if len(plain) > 1:
            target.pagu_n1 = plain[1][0]
            target.trace("pagu_n1", plain[1][1])
    elif plain and parsed is not None:
        n1 = plain[1][0] if len(plain) > 1 else None
        parsed.unlabeled.append((plain[0][0], n1, plain[0][1]))
    elif plain:
        report.unplaced(plain[0][1], "\t".join(row.texts()))


def _store_breakdown(target: PlanNode | Jumlah, field_name: str | None,
                     values: list[tuple[int | None, Source]], report: Report,
                     row: GridRow) -> None:
    if field_name is None:
        return
    for year, belanja in enumerate((target.belanja_n, target.belanja_n1)):
        if year < len(values):
            amount, source = values[year]
            _set(belanja, field_name, amount, source)
    if not values:
        report.add(row.source, f"no amount after 'Belanja {field_name}'",
                   f"tidak ada nilai setelah 'Belanja {field_name}'")
    if len(values) > 2:
        report.unplaced(values[2][1], "\t".join(row.texts()))


def _set(belanja: Belanja, field_name: str, amount: int | None, source: Source) -> None:
    setattr(belanja, field_name, amount)
    belanja.trace(field_name, source)


def _settle_unlabeled(item: Parsed, report: Report) -> None:
    """Amounts printed without their label: a lost ``Belanja operasi`` line, or a pagu repeat."""
    node = item.node
    for n, n1, source in item.unlabeled:
        if node.belanja_n.operasi is None and (n is not None):
            _set(node.belanja_n, "operasi", n, source)
            if n1 is not None:
                _set(node.belanja_n1, "operasi", n1, source)
            report.add(source, "amount printed without its label; read as 'Belanja operasi'",
                       "nilai tercetak tanpa label; dibaca sebagai 'Belanja operasi'", "info")
        elif n == node.pagu_n and n1 in (None, node.pagu_n1):
            report.add(source, "pagu repeated on an indicator line; ignored",
                       "pagu diulang pada baris indikator; diabaikan", "info")
        else:
            report.add(source, "amount without a label that fits nowhere; left out",
                       "nilai tanpa label yang tidak cocok di mana pun; tidak dimasukkan",
                       "warning", f"{n} {n1}")
