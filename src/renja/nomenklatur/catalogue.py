"""The national nomenclature of urusan, bidang, program, kegiatan and sub kegiatan.

Several versions (Kepmendagri updates) can be loaded side by side; each says for which
plan years it is in force. Codes of the cross-cutting program (``X.XX.01…``) are found
under any agency's bidang (``5.03.01…``).
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from renja.codes import Kode, Level, parse_kode


@dataclass(frozen=True)
class Version:
    id: str
    judul: str
    berlaku_mulai: int | None
    berlaku_sampai: int | None
    tingkat: str = "kabkota"

    def covers(self, tahun: int) -> bool:
        """True when this version is in force for plans of year ``tahun``."""
        starts = self.berlaku_mulai is None or self.berlaku_mulai <= tahun
        ends = self.berlaku_sampai is None or tahun <= self.berlaku_sampai
        return starts and ends


@dataclass(frozen=True)
class Entry:
    kode: str
    level: Level
    nama: str
    kode_induk: str | None
    versi: str
    kode_lama: tuple[str, ...] = ()
    """The codes of the version before that the decree says this one replaces (a move, or a
    merge of several)."""

    @cached_property
    def parsed(self) -> Kode:
        """The code parsed once (entries are read many times by importers and checks)."""
        return parse_kode(self.kode)

    @cached_property
    def key(self) -> str:
        """The name as compared: :func:`normalise_name` of ``nama``."""
        return normalise_name(self.nama)

    @cached_property
    def sorted_key(self) -> str:
        """``key`` with its words sorted: token-sort similarity becomes a plain ratio."""
        return sorted_words(self.key)


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float
    """0-100, how closely the name matches the query."""


_PUNCTUATION = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower case, punctuation as spaces, one space between words: for comparing names."""
    return " ".join(_PUNCTUATION.sub(" ", name.lower()).split())


class Catalogue:
    """All loaded versions of the nomenclature."""

    def __init__(self, versions: Iterable[tuple[Version, Iterable[Entry]]]) -> None:
        self.versions: list[Version] = []
        self._entries: dict[str, dict[str, Entry]] = {}
        for version, entries in versions:
            self.versions.append(version)
            self._entries[version.id] = {e.kode: e for e in entries}
        self.versions.sort(key=lambda v: v.berlaku_mulai or 0)
        self._names: dict[str, list[Entry]] = {}

    def version_for(self, tahun: int | None) -> Version | None:
        """The version in force for year ``tahun`` (the newest when ``tahun`` is None)."""
        if not self.versions:
            return None
        if tahun is None:
            return self.versions[-1]
        for version in reversed(self.versions):
            if version.covers(tahun):
                return version
        return None

    def nearest_version(self, tahun: int | None) -> Version:
        """The version in force, or else the newest one older than ``tahun``, or the oldest."""
        found = self.version_for(tahun)
        if found is not None:
            return found
        older = [v for v in self.versions if tahun is None or (v.berlaku_mulai or 0) <= tahun]
        return older[-1] if older else self.versions[0]

    def version(self, versi: str) -> Version | None:
        return next((v for v in self.versions if v.id == versi), None)

    def version_entries(self, versi: str) -> list[Entry]:
        """Every entry of one version, in its file's order."""
        return list(self._entries[versi].values())

    def entries(self, tahun: int | None = None) -> list[Entry]:
        return list(self._entries[self.nearest_version(tahun).id].values())

    def get(self, kode: str | Kode, tahun: int | None = None) -> Entry | None:
        """The entry for a code in the version nearest to ``tahun``; ``None`` if unknown."""
        parsed = kode if isinstance(kode, Kode) else parse_kode(kode)
        table = self._entries[self.nearest_version(tahun).id]
        for candidate in (parsed, parsed.as_cross_cutting()):
            entry = table.get(candidate.canonical)
            if entry is not None:
                return entry
        return None

    def children(self, kode: str | Kode, tahun: int | None = None) -> list[Entry]:
        parsed = kode if isinstance(kode, Kode) else parse_kode(kode)
        keys = {parsed.canonical, parsed.as_cross_cutting().canonical}
        return [e for e in self.entries(tahun) if e.kode_induk in keys]

    def search(
        self,
        query: str,
        level: Level | None = None,
        limit: int = 10,
        tahun: int | None = None,
        under: str | Kode | None = None,
        min_score: float = 60.0,
    ) -> list[Match]:
        """Entries whose name is like ``query``, best first; ``under`` keeps one subtree."""
        entries = self._index(self.nearest_version(tahun).id, level)
        if under is not None:
            root = under if isinstance(under, Kode) else parse_kode(under)
            roots = (root, root.as_cross_cutting())
            entries = [e for e in entries if any(e.parsed.is_under(r) for r in roots)]
        wanted = normalise_name(query)
        if limit == 1:  # the one best: a name printed exactly needs no fuzzy search
            exact = next((e for e in entries if e.key == wanted), None)
            if exact is not None:
                return [Match(exact, 100.0)]
        found = _best(wanted, entries, limit, min_score)
        return [Match(entries[index], round(score, 1)) for index, score in found]

    def _index(self, versi: str, level: Level | None) -> list[Entry]:
        key = f"{versi}:{level}"
        if key not in self._names:
            self._names[key] = [e for e in self._entries[versi].values()
                                if level is None or e.level == level]
        return self._names[key]


def sorted_words(name: str) -> str:
    return " ".join(sorted(name.split()))


def _best(query: str, entries: list[Entry], limit: int, min_score: float,
          ) -> list[tuple[int, float]]:
    """Indexes and scores of the ``limit`` entries named most like ``query``, best first.

    The score is whole-name similarity (token sort), with credit (x 0.95) for a query found
    word for word inside a longer name. Both passes run in rapidfuzz's native code.
    """
    scores: dict[int, float] = {}
    for _, whole, index in process.extract(sorted_words(query), [e.sorted_key for e in entries],
                                           scorer=fuzz.ratio, limit=None,
                                           score_cutoff=min_score):
        scores[index] = whole
    for index, part in _partial(query, entries, min_score / 0.95):
        scores[index] = max(scores.get(index, 0.0), part * 0.95)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def _partial(query: str, entries: list[Entry], cutoff: float) -> list[tuple[int, float]]:
    """Indexes and partial-ratio scores (>= ``cutoff``) of entries with longer names.

    partial_ratio is the costly scorer. A window w of a name scoring ``c`` against the query q
    needs LCS(q, w) >= c*|q|/(200-c), hence ratio(q, name) * (|q|+|name|) >= 200*c*|q|/(200-c):
    the cheap plain ratio rules out most names first when the cutoff is high (same results).
    """
    size = len(query)
    longer = [i for i, e in enumerate(entries) if len(e.key) > size]
    if cutoff >= 80:
        bound = 0.99 * 200 * cutoff * size / (200 - cutoff)  # 0.99: float rounding
        found = process.extract(query, [entries[i].key for i in longer], scorer=fuzz.ratio,
                                limit=None)
        longer = [longer[j] for _, ratio, j in found
                  if ratio * (size + len(entries[longer[j]].key)) >= bound]
    return [(longer[j], part) for _, part, j in process.extract(
        query, [entries[i].key for i in longer], scorer=fuzz.partial_ratio, limit=None,
        score_cutoff=cutoff)]


def read_csv(path: Path, versi: str) -> list[Entry]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Entry(row["kode"], row["level"], row["nama"], row["kode_induk"] or None, versi,  # type: ignore[arg-type]
                  tuple(k for k in (row.get("kode_lama") or "").split(";") if k))
            for row in csv.DictReader(handle)
        ]


def load_catalogue(folder: Path) -> Catalogue:
    """Load every version listed in ``folder/versions.json``."""
    listed = json.loads((folder / "versions.json").read_text(encoding="utf-8"))
    loaded = []
    for item in listed:
        version = Version(item["id"], item["judul"], item.get("berlaku_mulai"),
                          item.get("berlaku_sampai"), item.get("tingkat", "kabkota"))
        loaded.append((version, read_csv(folder / item["file"], version.id)))
    return Catalogue(loaded)


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The catalogue shipped with renja, or the one in the folder ``RENJA_NOMENKLATUR``
    names (written by ``renja nomenklatur load``: the shipped versions and the pemda's new
    ones)."""
    own = os.environ.get("RENJA_NOMENKLATUR")
    if own:
        return load_catalogue(Path(own))
    folder = resources.files("renja.nomenklatur") / "data"
    return load_catalogue(Path(str(folder)))
