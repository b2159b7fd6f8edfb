"""The ``renja`` command: a thin layer over the core.

Each command parses its arguments, calls one core function and prints. Errors from the
core become one line ``Error: …`` (with a hint when there is one) and exit code 2. Exit code
1 means "findings with errors" (``renja check``); 3 means renja itself failed (a bug: the line
says so and asks for a report, ``RENJA_TRACEBACK=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from renja import __version__
from renja.demo.names import CONVENTIONS, DEFECT_NAMES
from renja.errors import RenjaError

if TYPE_CHECKING:
    from renja.batch import Outcome
    from renja.domain import Renja
    from renja.domain.renstra import Renstra
    from renja.io.report import ImportResult

# Choices of options, written out so that `renja --help` starts without loading the modules
# that define them (tests/test_cli.py checks they are the same).
EXPORT_TABLES = ("tc29", "tc30", "tc31", "tc32", "tc33", "tujuan_sasaran")
RENDER_FORMATS = ("docx", "pdf", "xlsx", "html", "text", "datapackage")
LEVELS = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")

F = TypeVar("F", bound=Callable[..., Any])
LANGS = ("id", "en")


def _lang() -> str:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    if root is not None and isinstance(root.obj, dict):
        return str(root.obj.get("lang", "id"))
    return "id"


def reports_errors(func: F) -> F:
    """Turn core errors into ``Error: …`` and exit code 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RenjaError as exc:
            lang = _lang()
            message = f"Error: {exc.message(lang)}"
            hint = exc.hint(lang)
            if hint:
                message += f"\n{'Petunjuk' if lang == 'id' else 'Hint'}: {hint}"
            click.echo(message, err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("RENJA_TRACEBACK") == "1":
                raise
            what = f"{type(exc).__name__}: {str(exc)[:200]}".replace("\n", " ")
            if _lang() == "id":
                click.echo(f"Error: kesalahan internal renja ({what}); laporkan beserta berkasnya",
                           err=True)
            else:
                click.echo(f"Error: internal error in renja ({what}); please report it with "
                           f"the file", err=True)
            sys.exit(3)

    return cast(F, wrapper)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="renja")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=lambda: os.environ.get("RENJA_LANG") if os.environ.get("RENJA_LANG") in LANGS else "id",
    show_default="id, or $RENJA_LANG",
    help="Language of messages: id (Bahasa Indonesia) or en.",
)
@click.pass_context
def cli(ctx: click.Context, lang: str) -> None:
    """renja: Rencana Kerja Perangkat Daerah as structured data.

    Import, check and publish the annual work plan (Renja) of an Indonesian
    regional agency.
    """
    ctx.obj = {"lang": lang if lang in LANGS else "id"}


@cli.command()
@reports_errors
def schema() -> None:
    """Print the JSON Schema of the canonical renja/1 format."""
    from renja.io import json as renja_json
    click.echo(renja_json.schema_text(), nl=False)


@cli.command()
@click.argument("text")
@click.option("--bidang", help="Agency bidang (e.g. 5.03) to put in place of X.XX.")
@reports_errors
def kode(text: str, bidang: str | None) -> None:
    """Parse a code in any printed form and show its canonical form.

    TEXT may be dotted (5.03.02.2.01.0002, 5.03.02.2.01.02) or undotted
    (5030220102, 50302201, 50302).
    """
    from renja.codes import parse_kode
    parsed = parse_kode(text, bidang=bidang)
    parent = parsed.parent
    click.echo(f"kanonik\t{parsed.canonical}")
    click.echo(f"level\t{parsed.level}")
    click.echo(f"induk\t{parent.canonical if parent else '-'}")
    click.echo(f"ringkas\t{parsed.compact}")


@cli.group()
def nomenklatur() -> None:
    """The national nomenclature of program, kegiatan and sub kegiatan: look codes up, list
    and load versions, move plans to a new version."""


@nomenklatur.command("search")
@click.argument("query")
@click.option("--level", type=click.Choice(LEVELS), help="Only entries of this level.")
@click.option("--under", help="Only entries under this code (e.g. 5.03.02).")
@click.option("--tahun", type=int, help="Plan year: use the version in force that year.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@reports_errors
def nomenklatur_search(query: str, level: str | None, under: str | None, tahun: int | None,
                       limit: int) -> None:
    """Find entries whose name is like QUERY (fuzzy), best first, with their codes."""
    from renja.nomenklatur import default_catalogue
    matches = default_catalogue().search(query, level=level, under=under, tahun=tahun,  # type: ignore[arg-type]
                                         limit=limit)
    if not matches:
        none = "Tidak ada yang cocok." if _lang() == "id" else "No match."
        click.echo(none)
        return
    for match in matches:
        entry = match.entry
        click.echo(f"{entry.kode}\t{entry.level}\t{match.score:.0f}\t{entry.nama}")


@nomenklatur.command("show")
@click.argument("kode_text", metavar="KODE")
@click.option("--tahun", type=int, help="Plan year: use the version in force that year.")
@reports_errors
def nomenklatur_show(kode_text: str, tahun: int | None) -> None:
    """Show the entry of KODE and its children."""
    from renja.codes import parse_kode
    from renja.nomenklatur import default_catalogue
    catalogue = default_catalogue()
    parsed = parse_kode(kode_text)
    entry = catalogue.get(parsed, tahun=tahun)
    if entry is None:
        version = catalogue.nearest_version(tahun).id
        raise RenjaError(
            f"'{parsed.canonical}' is not in the nomenclature ({version})",
            f"'{parsed.canonical}' tidak ada dalam nomenklatur ({version})",
        )
    click.echo(f"{entry.kode}\t{entry.level}\t{entry.nama}")
    for child in catalogue.children(entry.kode, tahun=tahun):
        click.echo(f"  {child.kode}\t{child.level}\t{child.nama}")


def _register_nomenklatur_commands() -> None:
    from renja.cli_nomenklatur import load, migrasi, versions

    for command in (versions, load, migrasi):
        if command.callback is not None:
            command.callback = reports_errors(command.callback)
        nomenklatur.add_command(command)


_register_nomenklatur_commands()


_SEVERITY = {"id": {"error": "galat", "warning": "peringatan", "info": "info"},
             "en": {"error": "error", "warning": "warning", "info": "info"}}


def _summary(result: ImportResult, lang: str) -> str:
    renja = result.renja
    counts = {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
    for node in renja.rencana.walk():
        if node.level in counts:
            counts[node.level] += 1
    report = result.report
    errors, warnings = report.count("error"), report.count("warning")
    if lang == "id":
        return (f"{renja.perangkat_daerah.nama or '?'} {renja.pemda.nama} tahun {renja.tahun}: "
                f"{counts['program']} program, {counts['kegiatan']} kegiatan, "
                f"{counts['sub_kegiatan']} sub kegiatan; T-C.29 {len(renja.tc29.rows)} baris, "
                f"T-C.30 {len(renja.tc30.rows)}, T-C.31 {len(renja.tc31.rows)}, "
                f"T-C.32 {len(renja.tc32.rows)}, Tabel 3.2 {len(renja.tujuan_sasaran.rows)}; "
                f"{errors} galat, {warnings} peringatan saat impor")
    return (f"{renja.perangkat_daerah.nama or '?'} {renja.pemda.nama} year {renja.tahun}: "
            f"{counts['program']} programs, {counts['kegiatan']} kegiatan, "
            f"{counts['sub_kegiatan']} sub kegiatan; T-C.29 {len(renja.tc29.rows)} rows, "
            f"T-C.30 {len(renja.tc30.rows)}, T-C.31 {len(renja.tc31.rows)}, "
            f"T-C.32 {len(renja.tc32.rows)}, Tabel 3.2 {len(renja.tujuan_sasaran.rows)}; "
            f"{errors} errors, {warnings} warnings while importing")


def _report_lines(result: ImportResult, lang: str) -> list[str]:
    lines = []
    notices = sorted(result.report.notices,
                     key=lambda n: (n.source.file or "", n.source.line or 0, n.source.column or 0))
    for notice in notices:
        where = notice.source.describe()
        text = f": {notice.text!r}" if notice.text else ""
        lines.append(f"{where}: [{_SEVERITY[lang][notice.severity]}] "
                     f"{notice.message(lang)}{text}")
    return lines


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(writable=True),
              help="Write the plan as renja/1 JSON here (default: standard output); for several "
                   "documents (folders, globs, ZIP files), a folder to write one JSON each into.")
@click.option("--report", is_flag=True,
              help="List every line or cell that was not understood or was read with a guess.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes for many files (default: every core).")
@reports_errors
def import_(files: tuple[str, ...], output: str | None, report: bool,
            workers: int | None) -> None:
    """Import a Renja from FILE: text extracted from its PDF, a workbook, or renja/1 JSON;
    or many at once (folders, globs, ZIP files), in parallel, ending with a summary.

    The summary and the report go to standard error, the plan to OUTPUT.
    """
    from renja.batch import expand, workspace
    from renja.io import json as renja_json
    lang = _lang()
    with workspace() as work:
        documents = expand(list(files), Path(work))
        if len(documents) == 1 and Path(files[0]).suffix.lower() != ".zip" and \
                not Path(files[0]).is_dir():
            _import_one(documents[0][1], output, report, lang)
            return
        if not output:
            raise RenjaError("several documents need -o FOLDER",
                             "beberapa dokumen memerlukan -o FOLDER")
        outcomes = _run_all(documents, lang, (), workers, "none", keep=True)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    for i, outcome in enumerate(outcomes):
        if outcome.result is not None:
            stem = Path(outcome.name.split(":")[-1]).stem
            renja_json.dump(outcome.result.renja, folder / f"{i + 1:04d}-{stem}.json")
    click.echo(summary_table(outcomes, lang), err=True)
    if any(o.error for o in outcomes):
        sys.exit(2)


def _import_one(path: Path, output: str | None, report: bool, lang: str) -> None:
    from renja.io import json as renja_json
    from renja.io.read import read_plan
    result = read_plan(path)
    if output:
        renja_json.dump(result.renja, output)
    else:
        click.echo(renja_json.dumps(result.renja), nl=False)
    if report:
        for line in _report_lines(result, lang):
            click.echo(line, err=True)
    click.echo(_summary(result, lang), err=True)


@cli.command("tabel")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=str))
@click.option("--ranwal", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Build T-C.31 from this ranwal RKPD CSV (kode,nama,indikator,target,pagu,"
                   "lokasi), keeping the agency's catatan.")
@click.option("--usulan", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Add the proposals of this CSV (program_kegiatan,lokasi,indikator,volume,"
                   "pengusul) to T-C.32.")
@click.option("--tc29-dari", "tc29_from", type=click.Path(dir_okay=False, exists=True),
              help="Build T-C.29 from this set plan of two years before (with --realisasi, its "
                   "four quarters; --rencana-n1, last year's plan, for column (9)).")
@click.option("--realisasi", "reported", type=click.Path(dir_okay=False, exists=True,
                                                          path_type=Path),
              help="The realisation of the --tc29-dari plan (template, plain sheet or JSON).")
@click.option("--rencana-n1", "last_plan", type=click.Path(dir_okay=False, exists=True),
              help="Last year's set plan: its targets are column (9) of T-C.29.")
@click.option("--tc30", "tc30", is_flag=True,
              help="Build T-C.30 from the Renstra (--renstra), the realised years of "
                   "--tc29-dari/--realisasi and last year's T-C.30 (--rencana-n1), keeping "
                   "the plan's own notes.")
@click.option("--renstra", "renstra_file", type=click.Path(dir_okay=False, exists=True,
                                                           path_type=Path),
              help="The agency's Renstra (T-C.27 XLSX or JSON): T-C.29's column (4) and "
                   "T-C.30's rows and targets.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="Write the plan as renja/1 JSON here.")
@reports_errors
def tabel(plan: str, ranwal: Path | None, usulan: Path | None, tc29_from: str | None,
          reported: Path | None, last_plan: str | None, tc30: bool,
          renstra_file: Path | None, output: str) -> None:
    """T-C.31 from the ranwal RKPD, T-C.32 from proposals, T-C.29 from the plan of two years
    before and its realisation, and T-C.30 from the Renstra and the realised years, as the web
    app builds them."""
    from renja.edit_tables import add_usulan_rows
    from renja.io import json as renja_json
    from renja.io.csv.read import read_ranwal, read_usulan
    from renja.io.read import read_plan
    from renja.io.renstra import read_renstra_file
    from renja.review import generate_tc31
    renja = read_plan(plan).renja
    if tc30:
        from renja.calc.year_end import generate_tc30
        from renja.io.realisasi import read_realisasi

        realised = []
        if tc29_from is not None and reported is not None:
            done = read_plan(tc29_from).renja
            realised.append((done, read_realisasi(reported, done)))
        last = read_plan(last_plan).renja if last_plan else None
        renja.tc30 = generate_tc30(
            renja.tahun, read_renstra_file(renstra_file) if renstra_file else None, realised,
            last.tc30 if last else None, renja.tc30)
    if tc29_from is not None:
        from renja.calc.year_end import generate_tc29  # loaded when asked for
        from renja.io.realisasi import read_realisasi

        if reported is None:
            raise RenjaError("--tc29-dari needs --realisasi",
                             "--tc29-dari memerlukan --realisasi (realisasi Renja itu)")
        before = read_plan(tc29_from).renja
        last = read_plan(last_plan).renja if last_plan else None
        renja.tc29 = generate_tc29(before, read_realisasi(reported, before), last,
                                   read_renstra_file(renstra_file) if renstra_file else None)
    if ranwal is not None:
        renja.tc31 = generate_tc31(renja, read_ranwal(ranwal.read_bytes(), ranwal.name))
    if usulan is not None:
        add_usulan_rows(renja, read_usulan(usulan.read_bytes(), usulan.name), usulan.name)
    renja_json.dump(renja, output)
    click.echo(f"{'Ditulis' if _lang() == 'id' else 'Written'}: {output}", err=True)


@cli.command("export")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=str))
@click.option("--table", "-t", type=click.Choice(EXPORT_TABLES), required=True,
              help="The table to export.")
@click.option("--format", "-f", "fmt", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here (default: standard output).")
@reports_errors
def export(plan: str, table: str, fmt: str, output: str | None) -> None:
    """Export one table of PLAN (anything `renja import` reads) as CSV or JSON rows."""
    from renja.io.csv import table_csv, table_json
    from renja.io.read import read_plan
    renja = read_plan(plan).renja
    text = table_csv(renja, table) if fmt == "csv" else table_json(renja, table)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: grouped by table; json: one document of findings.")
@click.option("--rule", "rules", multiple=True, help="Only these rule codes (repeatable).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes for many files (default: every core).")
@click.option("--renstra", "renstra_file", type=click.Path(dir_okay=False, exists=True,
                                                           path_type=Path),
              help="The agency's Renstra (T-C.27 as XLSX, or renja-renstra/1 JSON): also "
                   "compare the plan with it (rules R001-R006).")
@click.option("--pemda", "pemda", is_flag=True,
              help="FILES are one pemda's plans of a year (with its pemda.json: ceilings, "
                   "deadlines, RKPD total): run the cross-agency checks P001-P008 instead.")
@click.option("--tahun", type=click.IntRange(2000, 2100), default=None,
              help="With --pemda: the plan year (default: pemda.json's, else the plans').")
@reports_errors
def check(files: tuple[str, ...], fmt: str, rules: tuple[str, ...], workers: int | None,
          renstra_file: Path | None, pemda: bool, tahun: int | None) -> None:
    """Check one or more Renja files (anything `renja import` reads; folders, globs and ZIP
    files of documents too, checked in parallel, ending with a summary per file).

    Exit code 0 without errors, 1 when there are errors, 2 when a file cannot be read.
    """
    from renja.batch import expand, workspace
    from renja.io.renstra import read_renstra_file
    from renja.rules.output import as_json
    lang = _lang()
    if pemda:
        _check_pemda(files, fmt, rules, tahun, lang)
        return
    renstra = read_renstra_file(renstra_file) if renstra_file else None
    with workspace() as work:
        documents = expand(list(files), Path(work))
        outcomes = _run_all(documents, lang, rules, workers, fmt, keep=False, renstra=renstra)
    findings = [f for o in outcomes for f in o.findings]
    if fmt == "json":
        click.echo(as_json(findings, [_file_json(o) for o in outcomes]
                           if len(outcomes) > 1 else None), nl=False)
    elif len(outcomes) > 1:
        click.echo(summary_table(outcomes, lang))
    if any(o.error for o in outcomes):
        sys.exit(2)
    if any(f.severity == "error" for f in findings):
        sys.exit(1)


def _check_pemda(files: tuple[str, ...], fmt: str, rules: tuple[str, ...], tahun: int | None,
                 lang: str) -> None:
    from renja.batch import workspace
    from renja.rkpd.checks import check_pemda
    from renja.rkpd.files import read_pemda
    from renja.rules.output import as_json, as_text

    with workspace() as work:
        pemda, notes = read_pemda(list(files), tahun, Path(work))
    for note in notes:
        click.echo(note, err=True)
    findings = check_pemda(pemda, lang, only=set(rules) or None)
    if fmt == "json":
        click.echo(as_json(findings), nl=False)
    else:
        planned = sum(1 for u in pemda.units if u.plan is not None)
        click.echo(f"{pemda.pemda} {pemda.tahun}: {planned} Renja dari {len(pemda.units)} "
                   f"perangkat daerah" if lang == "id" else
                   f"{pemda.pemda} {pemda.tahun}: {planned} plans of {len(pemda.units)} "
                   f"agencies")
        click.echo(as_text(findings, lang), nl=False)
    if any(f.severity == "error" for f in findings):
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--tahun", type=click.IntRange(2000, 2100), default=None,
              help="The plan year (default: pemda.json's, else the plans').")
@click.option("--to", "fmt", type=click.Choice(["xlsx", "docx", "pdf", "csv", "json"]),
              required=True, help="Document (xlsx with live sums, docx, pdf) or open data.")
@click.option("--layout", type=click.Choice(["rkpd", "prioritas"]), default="rkpd",
              show_default=True,
              help="rkpd: the national system's default table; prioritas: the 'format RKPD' "
                   "with prioritas daerah, sasaran daerah and prioritas nasional.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
@reports_errors
def rkpd(inputs: tuple[str, ...], tahun: int | None, fmt: str, layout: str,
         output: str) -> None:
    """Compile the RKPD table from all agencies' plans of a pemda (folders, globs, ZIP files;
    a pemda.json among them gives agencies, ceilings, deadlines and the RKPD total), grouped by
    urusan, bidang urusan and perangkat daerah with a TOTAL row."""
    from renja.batch import workspace
    from renja.numbers import format_rupiah
    from renja.render.rkpd import render_rkpd
    from renja.rkpd import compile_rkpd
    from renja.rkpd.files import read_pemda

    with workspace() as work:
        pemda, notes = read_pemda(list(inputs), tahun, Path(work))
    for note in notes:
        click.echo(note, err=True)
    compiled = compile_rkpd(pemda)
    Path(output).write_bytes(render_rkpd(compiled, fmt, layout))
    over = [c for c in compiled.ceilings if c.over]
    click.echo(f"RKPD {pemda.pemda} {pemda.tahun}: "
               f"{sum(1 for u in pemda.units if u.plan)} perangkat daerah, total Rp "
               f"{format_rupiah(compiled.total.pagu_n)}; {len(over)} melebihi pagu → {output}",
               err=True)


def _run_all(documents: list[tuple[str, Path]], lang: str, rules: tuple[str, ...],
             workers: int | None, fmt: str, keep: bool,
             renstra: Renstra | None = None) -> list[Outcome]:
    """Every document processed (in parallel when several), a progress bar on a terminal,
    text findings and errors printed as each file is done."""
    from renja.batch import run
    from renja.rules.output import as_text
    outcomes = []
    show = len(documents) > 1 and sys.stderr.isatty()
    label = "Memeriksa" if lang == "id" else "Checking"
    with click.progressbar(length=len(documents), label=label, file=sys.stderr) if show \
            else _NoBar() as bar:
        for outcome in run(documents, lang, rules, keep=keep, workers=workers,
                           renstra=renstra):
            outcomes.append(outcome)
            if outcome.error:
                click.echo(f"Error: {outcome.error}", err=True)
            elif fmt == "text":
                name = outcome.name if len(documents) > 1 else None
                click.echo(as_text(outcome.findings, lang, name=name), nl=False)
            bar.update(1)
    return outcomes


def _file_json(outcome: Outcome) -> dict[str, object]:
    return {"file": outcome.name, "unreadable": outcome.error, "total_tc33": outcome.total,
            **{s: outcome.count(s) for s in ("error", "warning", "info")}}


def summary_table(outcomes: list[Outcome], lang: str) -> str:
    """One line per file: errors, warnings, T-C.33 total (or why it could not be read)."""
    from renja.numbers import format_rupiah
    head = ("berkas", "galat", "peringatan", "total T-C.33") if lang == "id" else \
        ("file", "errors", "warnings", "T-C.33 total")
    width = max(len(head[0]), *(len(o.name) for o in outcomes))
    lines = ["", f"{head[0]:<{width}}  {head[1]:>6}  {head[2]:>10}  {head[3]:>18}"]
    for o in outcomes:
        if o.error:
            lines.append(f"{o.name:<{width}}  {'tidak terbaca' if lang == 'id' else 'unreadable'}")
            continue
        lines.append(f"{o.name:<{width}}  {o.count('error'):>6}  {o.count('warning'):>10}  "
                     f"{format_rupiah(o.total) if o.total is not None else '-':>18}")
    return "\n".join(lines)


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--to", "fmt", type=click.Choice(RENDER_FORMATS), required=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(path_type=str), required=True,
              help="File to write (for datapackage: a folder, or a .zip; for several PLANs: "
                   "a .zip of one document each).")
@click.option("--with-findings", is_flag=True,
              help="Append the findings of `renja check` as an annex.")
@click.option("--layout", type=click.Choice(["permendagri", "sipd-ri"]), default=None,
              help="Layout of the plan table: T-C.33 of Permendagri 86/2017, or the 17-column "
                   "Renja table of SIPD-RI. Default: the layout the plan was read in.")
@click.option("--no-front", is_flag=True, hidden=True)
@reports_errors
def render(plans: tuple[str, ...], fmt: str, output: str, with_findings: bool,
           layout: str | None, no_front: bool) -> None:
    """Produce the official document or a workbook from PLAN (anything `renja import` reads).

    Formats: docx, pdf (the complete Renja in the regulation's layout), xlsx (one sheet per
    table with live formulas), html (one self-contained page), datapackage (open data).
    Several PLANs (files, folders, ZIPs): one document each in a ZIP, with a progress bar.
    """
    from renja.io.read import read_plan
    from renja.render import render as render_to
    from renja.rules import run_checks
    if len(plans) > 1 or Path(plans[0]).is_dir() or plans[0].lower().endswith(".zip"):
        _render_many(plans, fmt, output, layout)
        return
    renja = read_plan(plans[0]).renja
    if layout is not None:
        renja.rencana.tata_letak = layout  # type: ignore[assignment]
    findings = run_checks(renja, lang=_lang()) if with_findings else None
    path = render_to(renja, fmt, output, findings)
    click.echo(f"{'Ditulis' if _lang() == 'id' else 'Written'}: {path}", err=True)


def _render_many(plans: tuple[str, ...], fmt: str, output: str, layout: str | None) -> None:
    """Every plan in ``plans`` rendered into the ZIP ``output``, a progress bar on stderr."""
    from renja.batch import expand, workspace
    from renja.io.read import read_plan
    from renja.progress import Bar
    from renja.render.bundle import BUNDLE_FORMATS, render_bundle

    lang = _lang()
    if fmt not in BUNDLE_FORMATS or not output.lower().endswith(".zip"):
        raise RenjaError(
            f"several plans are rendered as {', '.join(BUNDLE_FORMATS)} into a .zip file",
            f"beberapa rencana dirender sebagai {', '.join(BUNDLE_FORMATS)} ke berkas .zip")
    with workspace() as work:
        documents = expand(list(plans), Path(work))

        def read_each() -> Iterator[Renja]:
            for _, path in documents:
                renja = read_plan(path).renja
                if layout is not None:
                    renja.rencana.tata_letak = layout  # type: ignore[assignment]
                yield renja

        bar = Bar(sys.stderr, "Merender" if lang == "id" else "Rendering")
        try:
            Path(output).write_bytes(render_bundle(read_each(), len(documents), fmt, bar))
        finally:
            bar.close()
    click.echo(f"{'Ditulis' if lang == 'id' else 'Written'}: {output} "
               f"({len(documents)} {'dokumen' if lang == 'id' else 'documents'})", err=True)


@cli.group()
def realisasi() -> None:
    """A plan's quarterly realisation: the workbook agencies fill in."""


@realisasi.command("template")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=str))
@click.option("--realisasi", "reported", type=click.Path(dir_okay=False, exists=True,
                                                          path_type=Path),
              help="Fill in what is already reported (template, plain sheet or JSON).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="The XLSX workbook to write.")
@reports_errors
def realisasi_template_command(plan: str, reported: Path | None, output: str) -> None:
    """Write the XLSX workbook in which the agency enters PLAN's realisation per quarter: one
    line per indicator (Realisasi TW I-IV) and each sub kegiatan's money (Anggaran TW I-IV)."""
    from renja.io.read import read_plan
    from renja.io.realisasi import read_realisasi  # workbooks: loaded when asked for
    from renja.io.xlsx.realisasi import realisasi_template

    renja = read_plan(plan).renja
    known = read_realisasi(reported, renja) if reported else None
    Path(output).write_bytes(realisasi_template(renja, known))
    click.echo(f"{'Ditulis' if _lang() == 'id' else 'Written'}: {output}", err=True)


@cli.command()
@click.argument("plan", type=click.Path(dir_okay=False, path_type=str))
@click.option("--realisasi", "reported", type=click.Path(dir_okay=False, exists=True,
                                                          path_type=Path), required=True,
              help="The realisation: renja's template, a plain sheet (kode, indikator, "
                   "triwulan, realisasi, anggaran) as XLSX or CSV, or renja-realisasi/1 JSON.")
@click.option("--triwulan", type=click.IntRange(1, 4), default=4, show_default=True,
              help="Evaluate up to and including this quarter.")
@click.option("--dasar", type=click.Choice(["renstra", "renja"]), default="renstra",
              show_default=True,
              help="The capaian the footer averages: column (14), against the Renstra (the "
                   "regulation's), or (12)/(7), against this year's Renja.")
@click.option("--renstra", "renstra_file", type=click.Path(dir_okay=False, exists=True,
                                                           path_type=Path),
              help="The agency's Renstra (T-C.27 XLSX or JSON): column (5) from it.")
@click.option("--kolom-tambahan", is_flag=True,
              help="Add the columns some pemda use: (16) tingkat capaian Renja = (12)/(7), "
                   "and (17) keterangan (how each indicator's year is counted).")
@click.option("--to", "fmt", type=click.Choice(["pdf", "docx", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
@reports_errors
def evaluasi(plan: str, reported: Path, triwulan: int, dasar: str, renstra_file: Path | None,
             kolom_tambahan: bool, fmt: str, output: str) -> None:
    """Tabel E.81 of Permendagri 86/2017 (evaluation of the Renja's results) for PLAN up to a
    quarter: targets, realisation per quarter, capaian, rata-rata and predikat; XLSX with live
    formulas. The plan's head-of-agency approval, if any, signs it."""
    from renja.calc.capaian import rounded  # loaded when asked for, like the workbooks
    from renja.calc.e81 import evaluate
    from renja.io.read import read_plan
    from renja.io.realisasi import read_realisasi
    from renja.io.renstra import read_renstra_file
    from renja.numbers import format_number
    from renja.render.e81 import render_e81

    renja = read_plan(plan).renja
    renstra = read_renstra_file(renstra_file) if renstra_file else None
    result = evaluate(renja, read_realisasi(reported, renja), triwulan,
                      dasar=dasar, renstra=renstra)  # type: ignore[arg-type]
    place = renja.persetujuan.tempat if renja.persetujuan else ""
    signer = renja.persetujuan.penandatangan if renja.persetujuan else None
    Path(output).write_bytes(render_e81(result, fmt, place or "", signer,
                                        tambahan=kolom_tambahan))
    average = "-" if result.rata_rata_capaian is None else \
        format_number(rounded(result.rata_rata_capaian), 2)
    click.echo(f"{'Rata-rata capaian' if _lang() == 'id' else 'Average capaian'}: {average} % "
               f"({result.predikat or '-'})")
    click.echo(f"{'Ditulis' if _lang() == 'id' else 'Written'}: {output}", err=True)


@cli.group()
def renstra() -> None:
    """An agency's five-year Renstra: its Tabel T-C.27 read from a workbook and written."""


@renstra.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="The renja-renstra/1 JSON to write.")
@click.option("--tahun-awal", type=click.IntRange(2000, 2100), default=None,
              help="The period's first year, when neither the header nor the title names it.")
@click.option("--perangkat-daerah", default="", help="The agency's name.")
@click.option("--pemda", default="", help="The pemda's name.")
@reports_errors
def renstra_import(file: Path, output: str, tahun_awal: int | None, perangkat_daerah: str,
                   pemda: str) -> None:
    """Read a Renstra's Tabel T-C.27 from FILE (XLSX as agencies type it, or JSON) and write
    it as renja-renstra/1 JSON; says how many rows of each level and which years it holds."""
    from renja.io.renstra import read_renstra_file
    found = read_renstra_file(file, tahun_awal, perangkat_daerah, pemda)
    Path(output).write_text(found.model_dump_json(indent=1, exclude_none=True),
                            encoding="utf-8")
    counts = {level: sum(1 for r in found.rows if r.level == level)
              for level in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")}
    shown = ", ".join(f"{n} {level.replace('_', ' ')}" for level, n in counts.items())
    click.echo(f"Renstra {found.tahun_awal}–{found.tahun_akhir}: {shown}")
    click.echo(f"{'Ditulis' if _lang() == 'id' else 'Written'}: {output}", err=True)


@renstra.command("render")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["pdf", "docx", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--tahun-awal", type=click.IntRange(2000, 2100), default=None,
              help="The period's first year, when the workbook does not name it.")
@reports_errors
def renstra_render(file: Path, fmt: str, output: str, tahun_awal: int | None) -> None:
    """Write the Renstra in FILE as Tabel T-C.27 (PDF, DOCX, or XLSX with live sums)."""
    from renja.io.renstra import read_renstra_file
    from renja.render.renstra import render_tc27  # documents: loaded when asked for

    Path(output).write_bytes(render_tc27(read_renstra_file(file, tahun_awal), fmt))
    click.echo(f"{'Ditulis' if _lang() == 'id' else 'Written'}: {output}", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1:8000", show_default=True,
              help="Address and port to listen on.")
@click.option("--demo", is_flag=True,
              help="Load the demo data (Kabupaten Pasuruan, its agencies, one user per role) "
                   "and show the demo logins on the start page.")
@reports_errors
def serve(host: str, demo: bool) -> None:
    """Start the web app (Django's development server) after migrating the database.

    The database is SQLite in ./var unless DATABASE_URL names another (postgres://…).
    """
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.web.settings")
    if demo:
        os.environ["RENJA_DEMO"] = "1"
    import django

    django.setup()
    call_command("migrate", verbosity=0)
    if demo:
        call_command("renja_demo")
    call_command("runserver", host, use_reloader=False)


@cli.command()
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@reports_errors
def worker(burst: bool) -> None:
    """Run the web app's background jobs (a pemda's documents, ZIP imports, next year's
    plans, exports) from the Redis queue named by RENJA_REDIS_URL; start as many as needed,
    on any machine that reaches the database. Without RENJA_REDIS_URL the web app runs jobs
    itself."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.web.settings")
    import django

    django.setup()
    from renja.web.plans.jobs import work_once

    work_once(burst=burst)


@cli.command("demo-data")
@click.option("-o", "--output", type=click.Path(file_okay=False), required=True,
              help="Folder to write the plans into.")
@click.option("--plans", type=click.IntRange(1, 100_000), default=40, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["json", "xlsx", "text"]), default="json",
              show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--convention", "conventions", multiple=True,
              type=click.Choice(sorted(CONVENTIONS)),
              help="Print the plans the way agencies do (repeatable; overrides --format): "
                   + "; ".join(f"{k}: {v}" for k, v in CONVENTIONS.items()) + ".")
@click.option("--defect", "defects", multiple=True, type=click.Choice(sorted(DEFECT_NAMES)),
              help="Plant this mistake in every other plan, in turn (repeatable): "
                   + "; ".join(f"{k} ({v[0]}): {v[1]}" for k, v in DEFECT_NAMES.items()) + ".")
@click.option("--pemda", "pemda_set", type=click.Choice(["planted", "consistent"]),
              default=None,
              help="Write one pemda of --plans agencies as JSON with its pemda.json (ceilings, "
                   "deadlines, RKPD total) for `renja rkpd` and `renja check --pemda`: "
                   "consistent, or with one of each cross-agency problem planted.")
@click.option("--verify", is_flag=True,
              help="Read the written plans back and print the figures: T-C.33 money exact, "
                   "errors on consistent plans, planted defects found.")
@reports_errors
def demo_data(output: str, plans: int, fmt: str, seed: int, conventions: tuple[str, ...],
              defects: tuple[str, ...], pemda_set: str | None, verify: bool) -> None:
    """Write synthetic plans (40 agencies per pemda, 20-150 sub kegiatan each): consistent,
    or printed by real documents' conventions and with planted mistakes."""
    from pathlib import Path

    if pemda_set:
        from renja.demo.pemda import demo_pemda
        from renja.rkpd.files import write_pemda

        made = demo_pemda(plans, planted=pemda_set == "planted", seed=seed)
        written = write_pemda(made.pemda, Path(output))
        click.echo(f"{len(written) - 1} Renja + pemda.json → {output}", err=True)
        for code, unit in sorted(made.planted.items()):
            click.echo(f"{code}: {unit}", err=True)
        return

    from renja.demo.conventions import verify as verify_corpus
    from renja.demo.conventions import write_convention_corpus
    from renja.demo.corpus import write_corpus

    if not (conventions or defects or verify):
        written = write_corpus(Path(output), plans, fmt, seed)
        click.echo(f"{len(written)} Renja → {output}", err=True)
        return
    corpus = write_convention_corpus(Path(output), plans, conventions, defects, seed)
    click.echo(f"{len(corpus)} Renja → {output}", err=True)
    if verify:
        figures = verify_corpus(corpus)
        click.echo("\n".join(figures.lines()))
        if figures.exact_rows < figures.rows or figures.errors_on_consistent or \
                sum(figures.found.values()) < sum(figures.planted.values()):
            raise SystemExit(1)


def _register_plan_commands() -> None:
    from renja.web.cli_plans import DATA_COMMANDS, plan_group

    for command in (*plan_group.commands.values(), *DATA_COMMANDS):
        if command.callback is not None:
            command.callback = reports_errors(command.callback)
    cli.add_command(plan_group)
    # the same command where people look for it: `renja realisasi import`
    realisasi.add_command(plan_group.commands["realisasi"], "import")
    for command in DATA_COMMANDS:
        cli.add_command(command)


_register_plan_commands()


class _NoBar:
    """Stands in for a progress bar when there is no terminal to draw it on."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def update(self, steps: int) -> None:
        return None


def main() -> None:
    cli(prog_name="renja")


if __name__ == "__main__":  # pragma: no cover
    main()
