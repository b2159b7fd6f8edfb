"""Numbers at every level (1.1.6 after 1.1.5): chapter sections, the chapter-3 list, and
headings inside chapter texts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from renja.domain import Bab, Bagian, Source
from renja.rules.registry import Context, rule

_DOTTED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,3})+)\.?\s+\S")
Item = tuple[tuple[int, ...], str, Source | None]  # number, as printed, where


@rule("H008", "teks", "error", "Penomoran bertingkat berulang atau melompat",
      "A multi-level number repeats or skips",
      "Daftar 3.3: nomor 1.1.8 melompat; seharusnya 1.1.7 (sesudah 1.1.6)")
def multilevel(ctx: Context) -> None:
    for label, items in _sequences(ctx):
        for shown, expected, previous, source, repeated in _slips(items):
            what, what_en = ("berulang", "is repeated") if repeated else ("melompat", "skips")
            ctx.report(table="narasi" if label.startswith("Teks") else "daftar_program",
                       field="nomor", expected=expected, actual=shown, source=source,
                       id=f"{label}: nomor {shown} {what}; seharusnya {expected} "
                          f"(sesudah {previous})",
                       en=f"{label}: number {shown} {what_en}; expected {expected} "
                          f"(after {previous})")


def _sequences(ctx: Context) -> Iterator[tuple[str, list[Item]]]:
    renja = ctx.renja
    for bab in renja.bab:
        sections = [(_parts(s.nomor), s.nomor or "", s.source_of("nomor")) for s in bab.bagian
                    if s.nomor and _parts(s.nomor)]
        if sections:
            yield f"Teks BAB {bab.nomor}", sections
        headings: list[Item] = []
        holders: list[Bab | Bagian] = [bab, *bab.bagian]
        for holder in holders:
            for i, paragraph in enumerate(holder.teks.split("\n\n") if holder.teks else []):
                match = _DOTTED.match(paragraph)
                if match:
                    headings.append((_parts(match.group(1)), match.group(1),
                                     holder.source_of(f"teks.{i}")))
        if len(headings) > 1:
            yield f"Teks BAB {bab.nomor}", headings
    rows = renja.daftar_program.rows
    listed = [(_parts(r.nomor), r.nomor or "", r.source_of("nomor") or r.source_of("row"))
              for r in rows if r.nomor and _parts(r.nomor)]
    if listed:
        yield "Daftar 3.3", listed


def _parts(nomor: str | None) -> tuple[int, ...]:
    if not nomor or not re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*\.?", nomor.strip()):
        return ()
    return tuple(int(p) for p in nomor.strip().rstrip(".").split("."))


def _slips(items: list[Item]) -> Iterator[tuple[str, str, str, Source | None, bool]]:
    """(printed, expected, the number before, where, repeated?) for each number that does not
    follow its sibling; a single slip (1.3 printed for 1.4, then 1.5) is reported once."""
    last: dict[tuple[int, ...], tuple[int, str]] = {}  # parent → last child and as printed
    for index, (parts, shown, source) in enumerate(items):
        parent, number = parts[:-1], parts[-1]
        for key in [k for k in last if len(k) > len(parent) and k[:len(parent)] == parent]:
            del last[key]  # a new number closes the lists under its siblings and restarts its own
        before = last.get(parent)
        last[parent] = (number, shown)
        if before is None or number == before[0] + 1:
            continue
        if number == 1 and before[0] >= 1 and not parent:
            continue
        expected = before[0] + 1
        following = next((p for p, _, _ in items[index + 1:] if p[:-1] == parent), None)
        if following is not None and following[-1] == expected + 1:
            last[parent] = (expected, shown)  # one slip: it stands for the expected number
        want = ".".join(str(p) for p in (*parent, expected))
        yield shown, want, before[1], source, number == before[0]
