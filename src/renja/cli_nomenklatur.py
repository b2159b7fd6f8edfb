"""`renja nomenklatur versions|load|migrasi`: the catalogue's versions, a new version loaded
from a decree's annex with its change report, and plans moved to a version through a CSV of
proposals that the planner marks row by row."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path
from typing import TYPE_CHECKING

import click

from renja.errors import RenjaError

if TYPE_CHECKING:
    from renja.nomenklatur.migrate import Proposal

# Only what `renja --help` needs is imported here; each command imports its own work.
PROPOSAL_COLUMNS = ("berkas", "baris", "level", "kode_lama", "nama_lama", "jenis", "kode_baru",
                    "nama_baru", "calon", "terima")
"""berkas, then :data:`renja.nomenklatur.migrate.PROPOSAL_FIELDS`, then terima."""
YES = ("ya", "y", "yes", "1", "x", "v", "terima")


@click.command("versions")
def versions() -> None:
    """List the catalogue's versions: id, the plan years each is in force for, rows, title."""
    from renja.nomenklatur import default_catalogue

    catalogue = default_catalogue()
    this_year = datetime.date.today().year
    for version in catalogue.versions:
        years = f"{version.berlaku_mulai or '…'}–{version.berlaku_sampai or '…'}"
        now = f" (berlaku {this_year})" if version.covers(this_year) else ""
        click.echo(f"{version.id}\t{years}{now}\t{len(catalogue.version_entries(version.id))} "
                   f"baris\t{version.judul}")


@click.command("load")
@click.option("--id", "versi", required=True, help="Id of the new version, e.g. "
              "kepmendagri-900.1.15.5-1317-2023.")
@click.option("--judul", required=True, help="Its title: the decree it comes from.")
@click.option("--mulai", type=click.IntRange(2000, 2100), required=True,
              help="First plan year it is in force for.")
@click.option("--sampai", type=click.IntRange(2000, 2100), default=None,
              help="Last plan year it is in force for (default: until a newer one).")
@click.option("--daftar", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The full list (CSV or XLSX: kode, nomenklatur; optional kode lama).")
@click.option("--ubah", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The list of codes added or renamed (optional kode lama: what it replaces).")
@click.option("--hapus", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The list of codes deleted (with what is under them).")
@click.option("--dasar", default=None, help="The version the lists change (default: the "
              "newest before --mulai).")
@click.option("--ke", "folder", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Catalogue folder to write (set RENJA_NOMENKLATUR to it).")
@click.option("--laporan", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the change report as CSV.")
def load(versi: str, judul: str, mulai: int, sampai: int | None, daftar: Path | None,
         ubah: Path | None, hapus: Path | None, dasar: str | None, folder: Path,
         laporan: Path | None) -> None:
    """Load a new nomenclature version from a decree's annex and print what it adds, renames,
    moves, merges and removes against the version before it."""
    from renja.nomenklatur import Version, default_catalogue
    from renja.nomenklatur.annex import build_version, read_annex, write_version
    from renja.text import spreadsheet_safe

    if not (daftar or ubah or hapus) or (daftar and (ubah or hapus)):
        raise RenjaError("give --daftar (the full list) or --ubah/--hapus (the changes)",
                         "isi --daftar (daftar lengkap) atau --ubah/--hapus (perubahannya)")
    catalogue = default_catalogue()
    base = catalogue.version(dasar) if dasar else catalogue.nearest_version(mulai - 1)
    if base is None:
        raise RenjaError(f"unknown base version '{dasar}'",
                         f"versi dasar '{dasar}' tidak dikenal")
    version = Version(versi, judul, mulai, sampai)
    entries, report = build_version(
        version, catalogue.version_entries(base.id),
        full=read_annex(daftar) if daftar else None,
        updates=read_annex(ubah) if ubah else [],
        deletes=read_annex(hapus, need_name=False) if hapus else [])
    write_version(folder, catalogue, version, entries)
    click.echo(f"{versi}: {len(entries)} baris, dibanding {base.id}:")
    for line in report.lines():
        click.echo(f"  {line}")
    if laporan:
        with laporan.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["jenis", "level", "kode_lama", "nama_lama", "kode_baru",
                             "nama_baru", "calon"])
            for c in report.changes:
                writer.writerow([spreadsheet_safe(v) or "" for v in (
                    c.kind, c.level, c.kode_lama, c.nama_lama, c.kode_baru, c.nama_baru,
                    "; ".join(f"{e.kode} {e.nama}" for e in c.kandidat))])
    click.echo(f"Katalog → {folder} (pakai dengan RENJA_NOMENKLATUR={folder})", err=True)


@click.command("migrasi")
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--ke", "target", required=True, help="The version to move to.")
@click.option("--terapkan", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="A proposals CSV with 'terima' marked (ya) on the rows accepted: apply "
                   "those to the one PLAN and write it to -o.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="The proposals CSV (default: standard output), or with --terapkan the plan "
                   "moved (renja/1 JSON).")
def migrasi(plans: tuple[str, ...], target: str, terapkan: Path | None,
            output: str | None) -> None:
    """Propose the new code of every row of the PLANS for version --ke (kept, renamed, moved,
    merged, removed with candidates) as a CSV to review; with --terapkan, apply the rows
    marked 'ya' in 'terima' (for a removed code, put the chosen candidate in kode_baru)."""
    from renja.io import json as renja_json
    from renja.io.read import read_plan
    from renja.nomenklatur import default_catalogue
    from renja.nomenklatur.migrate import proposal_line, propose
    from renja.text import spreadsheet_safe

    catalogue = default_catalogue()
    if terapkan:
        if len(plans) != 1 or not output:
            raise RenjaError("--terapkan moves one PLAN and needs -o",
                             "--terapkan memindahkan satu PLAN dan perlu -o")
        renja = read_plan(plans[0]).renja
        applied = _apply(renja, terapkan, target)
        renja_json.dump(renja, Path(output))
        click.echo(f"{applied} baris dipindahkan ke {target} → {output}", err=True)
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PROPOSAL_COLUMNS)
    for name in plans:
        renja = read_plan(name).renja
        for p in propose(renja, target, catalogue):
            writer.writerow([str(spreadsheet_safe(name)), *proposal_line(p),
                             "" if p.needs_review else "tetap"])
    if output:
        Path(output).write_text(out.getvalue(), encoding="utf-8")
    else:
        click.echo(out.getvalue(), nl=False)


def _apply(renja: object, path: Path, target: str) -> int:
    from renja.domain import Renja
    from renja.io.csv.read import read_rows
    from renja.nomenklatur.migrate import accept, propose

    assert isinstance(renja, Renja)
    rows = read_rows(path.read_bytes(), path.name, ("baris", "kode_lama", "terima"),
                     PROPOSAL_COLUMNS)
    proposals = {p.path: p for p in propose(renja, target)}
    applied = 0
    for line, row in rows:
        if row.get("terima", "").lower() not in YES:
            continue
        proposal: Proposal | None = proposals.get(row["baris"])
        if proposal is None or proposal.kode_lama != row["kode_lama"]:
            raise RenjaError(f"{path.name}: line {line}: row {row['baris']} of the plan is not "
                             f"{row['kode_lama']}",
                             f"{path.name}: baris {line}: baris {row['baris']} Renja bukan "
                             f"{row['kode_lama']}")
        try:
            accept(renja, proposal, row.get("kode_baru") or None, target=target)
        except RenjaError as exc:
            raise RenjaError(f"{path.name}: line {line}: {exc.message('en')}",
                             f"{path.name}: baris {line}: {exc.message('id')}") from exc
        applied += 1
    return applied
