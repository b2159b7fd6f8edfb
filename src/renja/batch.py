"""Many files at once: a folder, a glob, or a ZIP of a pemda's documents, read and checked in
parallel on every core, each file's outcome kept for a summary."""

from __future__ import annotations

import glob
import os
import tempfile
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from renja.domain.renstra import Renstra
from renja.errors import FormatError, RenjaError
from renja.io.read import read_plan
from renja.io.report import ImportResult
from renja.rules import Finding, run_checks

SUFFIXES = (".txt", ".json", ".xlsx", ".pdf", ".xls", ".html", ".htm")
MAX_MEMBERS = 2_000
MAX_UNPACKED = 1024 * 1024 * 1024


@dataclass
class Outcome:
    """What became of one file: its findings and T-C.33 total, or the error that stopped it."""

    name: str
    path: str
    findings: list[Finding] = field(default_factory=list)
    total: int | None = None
    error: str | None = None
    result: ImportResult | None = None

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def expand(inputs: list[str], work: Path) -> list[tuple[str, Path]]:
    """(name to show, path) of every document in ``inputs``: files, folders (their documents,
    recursively), globs, and ZIP files (unpacked into ``work``)."""
    found: list[tuple[str, Path]] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found += [(str(p), p) for p in sorted(path.rglob("*"))
                      if p.is_file() and p.suffix.lower() in SUFFIXES]
        elif path.suffix.lower() == ".zip" and path.is_file():
            found += _unzip(path, work / f"zip{len(found)}")
        elif not path.exists() and any(ch in given for ch in "*?["):
            found += [(p, Path(p)) for p in sorted(glob.glob(given, recursive=True))
                      if Path(p).suffix.lower() in SUFFIXES]
        else:
            found.append((given, path))
    return found


def _unzip(path: Path, folder: Path) -> list[tuple[str, Path]]:
    try:
        with zipfile.ZipFile(path) as package:
            members = [m for m in package.infolist() if not m.is_dir()
                       and Path(m.filename).suffix.lower() in SUFFIXES]
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
                raise FormatError(f"{path.name}: too many or too large documents",
                                  f"{path.name}: terlalu banyak atau terlalu besar isinya")
            found = []
            for i, member in enumerate(sorted(members, key=lambda m: m.filename)):
                target = folder / f"{i:04d}{Path(member.filename).suffix.lower()}"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(package.read(member))
                found.append((f"{path.name}:{member.filename}", target))
            return found
    except zipfile.BadZipFile as exc:
        raise FormatError(f"{path.name}: not a readable ZIP file",
                          f"{path.name}: bukan berkas ZIP yang dapat dibaca") from exc


def process(name: str, path: Path, lang: str = "id", rules: tuple[str, ...] = (),
            keep: bool = False, renstra: Renstra | None = None) -> Outcome:
    """Read and check one document (against its agency's ``renstra`` when given); ``keep``
    keeps the imported plan."""
    outcome = Outcome(name, str(path))
    try:
        result = read_plan(path)
    except RenjaError as exc:
        outcome.error = exc.message(lang)
        if name != str(path):  # a ZIP member: its name, not the unpacked file's
            outcome.error = outcome.error.replace(str(path), name).replace(path.name, name)
        return outcome
    outcome.findings = run_checks(result.renja, lang=lang, only=rules or None, renstra=renstra)
    total = result.renja.rencana.total
    outcome.total = total.pagu_n if total is not None else None
    if keep:
        outcome.result = result
    return outcome


def _process(args: tuple[str, Path, str, tuple[str, ...], bool, Renstra | None]) -> Outcome:
    return process(*args)


def run(files: list[tuple[str, Path]], lang: str = "id", rules: tuple[str, ...] = (),
        keep: bool = False, workers: int | None = None, renstra: Renstra | None = None
        ) -> Iterator[Outcome]:
    """Each file's outcome, in order; on every core when there are several files."""
    workers = workers or os.cpu_count() or 1
    jobs = [(name, path, lang, rules, keep, renstra) for name, path in files]
    if len(jobs) < 3 or workers == 1:
        yield from (_process(job) for job in jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_process, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def workspace() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="renja-")
