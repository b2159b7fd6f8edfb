"""The long work a pemda runs as background jobs (see :mod:`renja.web.plans.jobs`)."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from django.db import transaction

from renja.batch import expand
from renja.domain import Renja
from renja.errors import RenjaError
from renja.io.read import read_plan
from renja.progress import Progress
from renja.render.bundle import BUNDLE_FORMATS, render_bundle
from renja.render.rkpd import render_rkpd
from renja.rkpd import compile_rkpd
from renja.rkpd.files import agency_keys
from renja.start import SOURCES
from renja.web.accounts.members import membership
from renja.web.accounts.models import PerangkatDaerah
from renja.web.backup import export_pemda
from renja.web.plans.actions.admin import admin_of, create_plan, starting_plan
from renja.web.plans.actions.imports import check_year
from renja.web.plans.jobs import kind
from renja.web.plans.models import Job, Plan
from renja.web.plans.permissions import BAPPEDA, ActionRefused
from renja.web.plans.rkpd import pemda_of

NOTHING_SAVED = "Tidak ada yang disimpan."
STARTED = {"tahun-lalu": "dari Renja tahun lalu yang ditetapkan", "ranwal": "dari ranwal RKPD",
           "kosong": "kosong"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "pemda"


def _bappeda_of(job: Job) -> object:
    member = membership(job.created_by)
    if member is None or member.role not in BAPPEDA or member.pemda_id != job.pemda_id:
        raise ActionRefused("only Bappeda may do this", "hanya Bappeda yang dapat melakukan ini")
    return member


@kind("dokumen", "Dokumen Renja seluruh perangkat daerah")
def documents(job: Job, progress: Progress) -> None:
    """Every agency's plan of a year (at a stage, or as it is now) as PDF, DOCX, XLSX or
    HTML, and the RKPD workbook, in one ZIP."""
    member = _bappeda_of(job)
    tahun, tahapan = int(job.params["tahun"]), str(job.params.get("tahapan", ""))
    fmt = str(job.params.get("format", "pdf"))
    if fmt not in BUNDLE_FORMATS:
        raise RenjaError(f"unknown format {fmt}", f"Format {fmt} tidak dikenal.")
    pemda, _ = pemda_of(member, tahun, tahapan)
    plans = [unit.plan for unit in pemda.units if unit.plan is not None]
    if not plans:
        raise RenjaError(f"no plan for {tahun}", f"Belum ada Renja tahun {tahun}.")
    slug = _slug(job.pemda.slug)
    rkpd = render_rkpd(compile_rkpd(pemda), "xlsx", "rkpd")
    job.result = render_bundle(plans, len(plans), fmt, progress,
                               extra=[(f"rkpd-{slug}-{tahun}.xlsx", rkpd)])
    job.result_name = f"renja-{slug}-{tahun}-{fmt}.zip"
    job.message = f"{len(plans)} dokumen Renja ({fmt.upper()}) dan tabel RKPD tahun {tahun}."


@kind("ekspor", "Ekspor seluruh data pemda")
def export(job: Job, progress: Progress) -> None:
    """Everything the pemda owns (plans with every version, audit trail, comments, agencies,
    ceilings, schedule, users) as one ZIP."""
    admin_of(job.created_by)
    slug = _slug(job.pemda.slug)
    with tempfile.TemporaryDirectory(prefix="renja-") as work:
        folder = Path(work) / slug
        counts = export_pemda(job.pemda.slug, folder, progress)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    bundle.write(path, path.relative_to(Path(work)).as_posix())
    job.result, job.result_name = buffer.getvalue(), f"ekspor-{slug}.zip"
    job.message = (f"{counts['plans']} Renja, {counts['versions']} versi, {counts['audit']} "
                   f"catatan audit, {counts['comments']} catatan diekspor.")


@kind("tahun_depan", "Renja tahun berikutnya untuk semua perangkat daerah")
def next_year(job: Job, progress: Progress) -> None:
    """A plan of the year for every agency that has none: from its set plan of the year
    before when ``sumber`` asks for it and there is one, else from the ranwal or empty."""
    member = admin_of(job.created_by)
    year, sumber = int(job.params["tahun"]), str(job.params.get("sumber", "tahun-lalu"))
    check_year(year)
    if sumber not in SOURCES:
        raise RenjaError(f"unknown start '{sumber}'", f"sumber awal '{sumber}' tidak dikenal")
    having = set(Plan.objects.filter(perangkat_daerah__pemda=job.pemda, tahun=year)
                 .values_list("perangkat_daerah_id", flat=True))
    agencies = [a for a in PerangkatDaerah.objects.filter(pemda=job.pemda).order_by("nama")
                if a.pk not in having]
    if not agencies:
        raise RenjaError(f"every agency has a plan for {year}",
                         f"Semua perangkat daerah sudah memiliki Renja tahun {year}.")
    made: list[tuple[PerangkatDaerah, Renja, str]] = []
    for done, agency in enumerate(agencies):
        progress(done, len(agencies) + 1, agency.singkatan or agency.nama)
        made.append(_start(member, agency, year, sumber))
    progress(len(agencies), len(agencies) + 1, "Menyimpan")
    with transaction.atomic():
        for agency, renja, used in made:
            create_plan(member, job.created_by, agency, year, renja, used)
    counts = {used: sum(1 for *_, u in made if u == used) for used in STARTED}
    job.message = f"{len(made)} Renja tahun {year} dibuat: " + ", ".join(
        f"{n} {STARTED[used]}" for used, n in counts.items() if n) + "."
    job.link = f"/renja/?tahun={year}"


def _start(member: object, agency: PerangkatDaerah, year: int,
           sumber: str) -> tuple[PerangkatDaerah, Renja, str]:
    """The agency's starting plan; an agency without last year's set plan starts empty."""
    if sumber == "tahun-lalu" and not Plan.objects.filter(
            perangkat_daerah=agency, tahun=year - 1, status="ditetapkan").exists():
        sumber = "kosong"
    return agency, starting_plan(member, agency, year, sumber), sumber  # type: ignore[arg-type]


@kind("impor_zip", "Impor ZIP dokumen Renja")
def import_zip(job: Job, progress: Progress) -> None:
    """A ZIP of agencies' documents (any format `renja import` reads), each becoming the
    plan of the agency it names; one unreadable, unknown or existing plan stops the whole
    import before anything is saved."""
    member = admin_of(job.created_by)
    agencies = list(PerangkatDaerah.objects.filter(pemda=job.pemda))
    with tempfile.TemporaryDirectory(prefix="renja-") as work:
        upload = Path(work) / (Path(job.upload_name).name or "unggahan.zip")
        upload.write_bytes(bytes(job.upload or b""))
        documents = expand([str(upload)], Path(work) / "isi")
        if not documents:
            raise RenjaError(f"{upload.name}: no plan documents in it",
                             f"{upload.name}: tidak berisi dokumen Renja (.txt, .json, .xlsx, "
                             f".pdf …). {NOTHING_SAVED}")
        found: dict[tuple[int, int], tuple[PerangkatDaerah, Renja, str]] = {}
        for done, (name, path) in enumerate(documents):
            progress(done, len(documents) + 1, name.split(":", 1)[-1])
            agency, renja = _read_member(name, path, agencies)
            if (agency.pk, renja.tahun) in found:
                raise RenjaError(f"{name}: a second plan of {agency} for {renja.tahun}",
                                 f"{name}: Renja kedua {agency} tahun {renja.tahun} (juga di "
                                 f"{found[agency.pk, renja.tahun][2]}). {NOTHING_SAVED}")
            if Plan.objects.filter(perangkat_daerah=agency, tahun=renja.tahun).exists():
                raise RenjaError(f"{name}: the plan of {agency} for {renja.tahun} exists",
                                 f"{name}: Renja {agency} tahun {renja.tahun} sudah ada. "
                                 f"{NOTHING_SAVED}")
            found[agency.pk, renja.tahun] = (agency, renja, name)
    progress(len(documents), len(documents) + 1, "Menyimpan")
    with transaction.atomic():
        for agency, renja, _ in found.values():
            create_plan(member, job.created_by, agency, renja.tahun, renja,
                        f"impor {upload.name}")
    job.message = f"{len(found)} Renja diimpor dari {upload.name}."
    job.link = "/renja/"


def _read_member(name: str, path: Path,
                 agencies: list[PerangkatDaerah]) -> tuple[PerangkatDaerah, Renja]:
    """The document of a ZIP, read, and the agency of the pemda it names."""
    shown = name.split(":", 1)[-1]
    try:
        renja = read_plan(path).renja
    except RenjaError as failed:
        text = failed.message("id").replace(str(path), shown).replace(path.name, shown)
        text = text.removeprefix(f"{shown}: ")
        raise RenjaError(f"{name}: {failed.message('en')}",
                         f"{name}: {_sentence(text)} {NOTHING_SAVED}") from failed
    try:
        check_year(renja.tahun)
    except RenjaError as failed:
        raise RenjaError(f"{name}: {failed.message('en')}",
                         f"{name}: {_sentence(failed.message('id'))} {NOTHING_SAVED}") from failed
    stated = renja.perangkat_daerah
    names = agency_keys(stated.nama, stated.singkatan) if stated else set()
    alike = [a for a in agencies if agency_keys(a.nama, a.singkatan) & names]
    if len(alike) != 1:
        printed = stated.nama if stated else "(tidak tertulis)"
        raise RenjaError(f"{name}: agency '{printed}' is not one of the pemda's",
                         f"{name}: perangkat daerah “{printed}” tidak terdaftar di pemda ini. "
                         f"{NOTHING_SAVED}")
    return alike[0], renja


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."
