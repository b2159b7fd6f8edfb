"""Polarity the chapter texts state ("semakin turun merupakan sebuah keberhasilan", "semakin
kecil semakin baik"), given to the indicator the passage names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from renja.domain import Bab, Bagian, Polaritas, Renja, Source
from renja.io.report import Report
from renja.nomenklatur import normalise_name

_LOWER = re.compile(
    r"\b(?:semakin|makin)\s+(?:turun|menurun|kecil|rendah|sedikit|berkurang)\b.{0,80}?"
    r"\b(?:baik|berhasil|keberhasilan|positif)|"
    r"\b(?:penurunan|turun)(?:nya)?\b.{0,40}?\b(?:merupakan|adalah|menunjukkan)\s+"
    r"(?:sebuah\s+|suatu\s+)?keberhasilan|"
    r"\bpolaritas\s+negatif\b", re.IGNORECASE | re.DOTALL)
_HIGHER = re.compile(
    r"\b(?:semakin|makin)\s+(?:tinggi|besar|naik|meningkat|banyak)\b.{0,80}?"
    r"\b(?:baik|berhasil|keberhasilan)|\bpolaritas\s+positif\b", re.IGNORECASE | re.DOTALL)
_MENTION = re.compile(r"makin|polaritas|keberhasilan", re.IGNORECASE)  # cheap first look
_SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n+")
WINDOW = 3  # sentences before the statement in which the indicator may be named


def apply_stated_polarity(renja: Renja, report: Report, file: str) -> None:
    """Set ``polaritas`` of every indicator whose polarity a passage of the texts states
    (unless the plan states it already), and note each in the import report."""
    holders = _indicators(renja)
    names = sorted({n for n in holders if len(n) > 8}, key=len, reverse=True)
    for sentences, source in _texts(renja):
        for i, sentence in enumerate(sentences):
            polaritas: Polaritas | None = (
                "negatif" if _LOWER.search(sentence) else
                "positif" if _HIGHER.search(sentence) else None)
            if polaritas is None:
                continue
            name = _named(sentences[max(0, i - WINDOW):i + 1], names)
            if name is None:
                continue
            changed = [h for h in holders[name] if h.polaritas is None]
            for holder in changed:
                holder.polaritas = polaritas
            if changed:
                report.add(source or Source(file=file),
                           f"indicator '{name}': polarity {polaritas} as the text states",
                           f"indikator '{name}': polaritas {polaritas} sesuai pernyataan teks",
                           "info")


def _named(sentences: list[str], names: list[str]) -> str | None:
    """The indicator named last in these sentences (the closest to the statement)."""
    for sentence in reversed(sentences):
        text = normalise_name(sentence)
        found = [(text.rfind(n), n) for n in names if n in text]
        if found:
            return max(found)[1]
    return None


def _texts(renja: Renja) -> Iterator[tuple[list[str], Source | None]]:
    for bab in renja.bab:
        holders: list[Bab | Bagian] = [bab, *bab.bagian]
        for holder in holders:
            if holder.teks and _MENTION.search(holder.teks):
                yield [s for s in _SENTENCE.split(holder.teks) if s.strip()], \
                    holder.source_of("teks")


def _indicators(renja: Renja) -> dict[str, list]:  # type: ignore[type-arg]
    """Every object with a ``polaritas`` by its indicator's normalised name."""
    found: dict[str, list] = {}  # type: ignore[type-arg]

    def add(name: str | None, holder: object) -> None:
        if name:
            found.setdefault(normalise_name(name), []).append(holder)

    for node in renja.rencana.walk():
        for ind in node.indikator:
            add(ind.nama, ind)
    for row in renja.tc29.rows:
        for ind29 in row.indikator:
            add(ind29.nama, ind29)
    for row30 in renja.tc30.rows:
        add(row30.indikator, row30)
    for row32 in renja.tujuan_sasaran.rows:
        add(row32.indikator, row32)
    return found
