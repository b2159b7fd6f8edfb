"""Recover codes that Excel or a typist damaged, from the parent, the name and other tables.

A recovered code is marked with how it was found (``kode_recovery``), so a reader can
judge it; a code that cannot be recovered is left empty and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from renja.codes import DamagedKode, Kode, Level
from renja.domain.plan import KodeMixin
from renja.io.report import Report
from renja.nomenklatur import Catalogue, normalise_name
from renja.nomenklatur.catalogue import Entry, sorted_words

NAME_MATCH = 85.0
DOCUMENT_MATCH = 90.0
LAST_WORD_MATCH = 75.0  # "Pengoordinasian" for "Pengkoordinasian" is a typo, not a sibling


def _alike(a: str, b: str) -> float:
    """Name similarity forgiving a name cut short (``… Pemerintah`` for ``… Kabupaten/Kota``)."""
    return max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) * 0.95)


def other_last_word(a: str, b: str) -> bool:
    """Two names that end in different words that mean different things (*… Pelaksanaan
    Restorasi* and *… Pelaksanaan Remediasi*): siblings, not one name typed twice. A name cut
    short, an abbreviated or mistyped last word does not count."""
    x, y = a.split(), b.split()
    if not x or not y or x[-1] == y[-1]:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if long[:len(short) - 1] == short[:-1] and long[len(short) - 1].startswith(short[-1]):
        return False  # cut short, or the last word abbreviated
    if long[:len(short)] == short:
        return False  # cut short after a whole word
    last_x, last_y = x[-1], y[-1]
    if last_x.startswith(last_y) or last_y.startswith(last_x):
        return False
    return fuzz.ratio(last_x, last_y) < LAST_WORD_MATCH


def _ranked(wanted: str, entries: list[Entry]) -> list[tuple[int, float]]:
    """Indexes of ``entries`` whose names score at least NAME_MATCH by :func:`_alike`, best first.

    Computed with rapidfuzz's native scorers over all names at once (same scores as _alike;
    token sort as a plain ratio of names with sorted words).
    """
    scores: dict[int, float] = {}
    names = [e.key for e in entries]
    for _, score, index in process.extract(sorted_words(wanted), [e.sorted_key for e in entries],
                                           scorer=fuzz.ratio, limit=None,
                                           score_cutoff=NAME_MATCH):
        scores[index] = score
    for _, score, index in process.extract(wanted, names, scorer=fuzz.token_set_ratio,
                                           limit=None, score_cutoff=NAME_MATCH / 0.95):
        scores[index] = max(scores.get(index, 0.0), score * 0.95)
    return sorted(((i, score) for i, score in scores.items()
                   if not other_last_word(wanted, names[i])),
                  key=lambda item: (-item[1], item[0]))


@dataclass
class Recovered:
    kode: Kode
    how_en: str
    how_id: str


class Recoverer:
    """Finds codes for rows whose printed code is damaged, malformed or missing."""

    def __init__(self, catalogue: Catalogue, tahun: int | None, bidang: str | None,
                 known: dict[str, Kode] | None = None) -> None:
        self.catalogue = catalogue
        self.tahun = tahun
        self.bidang = bidang
        self.known = known or {}
        """Codes the document itself gives for a name (from T-C.33), by normalised name."""

    def recover(self, nama: str, level: Level | None, parent: Kode | None,
                damaged: DamagedKode | None) -> Recovered | None:
        found = self._from_document(nama, level, parent, damaged)
        return found or self._from_nomenclature(nama, level, parent, damaged)

    def _from_document(self, nama: str, level: Level | None, parent: Kode | None,
                       damaged: DamagedKode | None) -> Recovered | None:
        wanted = normalise_name(nama)
        same = self.known.get(wanted)
        if same is not None and self._fits(same, level, parent, damaged):
            return Recovered(same, "from T-C.33 (same name)", "dari T-C.33 (nama sama)")
        best: tuple[float, Kode] | None = None
        for known_name, kode in self.known.items():
            if not self._fits(kode, level, parent, damaged):
                continue
            if known_name != wanted and other_last_word(wanted, known_name):
                continue
            score = 100.0 if known_name == wanted else _alike(wanted, known_name)
            if best is None or score > best[0]:
                best = (score, kode)
        if best is None or best[0] < DOCUMENT_MATCH:
            return None
        if best[0] == 100.0:
            return Recovered(best[1], "from T-C.33 (same name)", "dari T-C.33 (nama sama)")
        return Recovered(best[1], f"from T-C.33 (name {best[0]:.0f}% alike)",
                         f"dari T-C.33 (nama mirip {best[0]:.0f}%)")

    @staticmethod
    def _fits(kode: Kode, level: Level | None, parent: Kode | None,
              damaged: DamagedKode | None) -> bool:
        return ((level is None or kode.level == level)
                and (parent is None or kode.is_under(parent))
                and (damaged is None or damaged.could_be(kode)))

    def by_name(self, nama: str) -> Recovered | None:
        """A code for a row printed without one: from T-C.33, else from the nomenclature."""
        return self.recover(nama, None, None, None)

    def _from_nomenclature(self, nama: str, level: Level | None, parent: Kode | None,
                           damaged: DamagedKode | None) -> Recovered | None:
        candidates = self._candidates(level, parent)
        wanted = normalise_name(nama)
        exact = [(i, 100.0) for i, e in enumerate(candidates) if e.key == wanted]
        best = (self._first_fitting(exact, candidates, damaged)  # printed exactly: no search
                or self._first_fitting(_ranked(wanted, candidates), candidates, damaged))
        if best is None:
            return None
        where_en = f" under {parent.canonical}" if parent else ""
        where_id = f" di bawah {parent.canonical}" if parent else ""
        return Recovered(best[1], f"from the nomenclature (name {best[0]:.0f}% alike{where_en})",
                         f"dari nomenklatur (nama mirip {best[0]:.0f}%{where_id})")

    def _first_fitting(self, ranked: list[tuple[int, float]], candidates: list[Entry],
                       damaged: DamagedKode | None) -> tuple[float, Kode] | None:
        for index, score in ranked:
            kode = self._localise(candidates[index].parsed)
            if damaged is None or damaged.could_be(kode):
                return score, kode
        return None

    def _candidates(self, level: Level | None, parent: Kode | None) -> list[Entry]:
        if parent is not None:
            prefixes = (parent.canonical + ".", parent.as_cross_cutting().canonical + ".")
            return [e for e in self.catalogue.entries(self.tahun)
                    if e.kode.startswith(prefixes) and (level is None or e.level == level)]
        return [e for e in self.catalogue.entries(self.tahun)
                if level is None or e.level == level]

    def _localise(self, kode: Kode) -> Kode:
        if kode.is_cross_cutting and self.bidang:
            return kode.with_bidang(self.bidang)
        return kode


def apply_recovery(row: KodeMixin, found: Recovered | None, report: Report, lang_field: str = "",
                   ) -> None:
    """Store a recovered code on ``row``, or report that none was found."""
    source = row.source_of("kode") or row.source_of("row")
    printed = row.kode_asal or ""
    if found is None:
        if source is not None:
            what_en = f"code '{printed}' could not be recovered" if printed else "no code"
            what_id = f"kode '{printed}' tidak dapat dipulihkan" if printed else "tanpa kode"
            report.add(source, f"{what_en} for '{row.nama}'", f"{what_id} untuk '{row.nama}'",
                       "warning")
        return
    row.kode = found.kode.canonical
    row.level = found.kode.level
    row.kode_recovery = found.how_id
    if source is not None:
        report.add(source, f"code '{printed}' recovered as {found.kode.canonical} "
                   f"{found.how_en}", f"kode '{printed}' dipulihkan menjadi "
                   f"{found.kode.canonical} {found.how_id}", "info")
