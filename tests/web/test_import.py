"""Import in the browser: preview with findings, confirm or cancel, clear refusals."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from renja.web.plans.models import PendingImport, Plan

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXAMPLE = FIXTURES / "perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt"


def upload(client, name: str, content: bytes):
    return client.post("/impor/", {"file": SimpleUploadedFile(name, content)})


def test_an_upload_shows_a_preview_with_findings_before_anything_is_saved(planner, bkpsdm):
    response = upload(planner, "renja.txt", EXAMPLE.read_bytes())
    assert response.status_code == 302
    pending = PendingImport.objects.get()
    preview = planner.get(response["Location"]).content.decode()
    assert "3 program, 12 kegiatan, 42 sub kegiatan" in preview
    assert "menggantikan isi Renja yang sudah ada" in preview
    assert "T001" in preview
    assert Plan.objects.get(pk=bkpsdm.pk).version == bkpsdm.version
    planner.post(f"/impor/{pending.pk}/simpan/")
    assert Plan.objects.get(pk=bkpsdm.pk).version == bkpsdm.version + 1
    assert not PendingImport.objects.exists()


def test_a_text_pdf_is_read_by_the_upload_itself(planner, bkpsdm):
    from renja.io.pdf.write import render_pdf
    from renja.io.read import read_plan

    pdf = render_pdf(read_plan(EXAMPLE).renja)
    response = upload(planner, "renja.pdf", pdf)
    assert response.status_code == 302
    preview = planner.get(response["Location"]).content.decode()
    assert "3 program, 12 kegiatan, 42 sub kegiatan" in preview
    assert "hlm." in preview  # what import says points at the PDF's page


def test_cancelling_an_import_saves_nothing(planner, bkpsdm):
    upload(planner, "renja.txt", EXAMPLE.read_bytes())
    pending = PendingImport.objects.get()
    response = planner.post(f"/impor/{pending.pk}/batal/")
    assert response.status_code == 302
    assert not PendingImport.objects.exists()
    assert Plan.objects.get(pk=bkpsdm.pk).version == bkpsdm.version


def test_a_file_that_is_not_a_renja_is_refused_with_a_clear_message(planner):
    response = upload(planner, "surat.txt", b"Dengan hormat,\nKami sampaikan.\n")
    assert response.status_code == 400
    assert ("surat.txt: bukan Renja: tidak ada bab (BAB I …) maupun tabel (baris dipisah tab)"
            in response.content.decode())
    assert not PendingImport.objects.exists()


def test_other_file_types_and_large_files_are_refused(planner, settings):
    assert "renja.pdf: PDF tidak dapat dibaca (rusak, terpotong, atau dikunci kata sandi)" in \
        upload(planner, "renja.pdf", b"%PDF-1.7 ...").content.decode()
    binary = upload(planner, "renja.bin", b"\x00\x01\x02 bukan teks").content.decode()
    assert "renja.bin: bukan berkas teks, JSON, atau XLSX (isi biner)" in binary
    # named .txt but a workbook inside: read as the workbook it is
    from renja.io.read import read_plan
    from renja.render import render

    workbook = render(read_plan(EXAMPLE).renja, "xlsx", Path(tempfile.mkdtemp()) / "x.xlsx")
    response = upload(planner, "salah-nama.txt", workbook.read_bytes())
    assert response.status_code == 302
    settings.RENJA_UPLOAD_MAX_BYTES = 10
    response = upload(planner, "renja.txt", EXAMPLE.read_bytes())
    assert response.status_code == 413
    assert "terlalu besar" in response.content.decode()
    settings.RENJA_UPLOAD_MAX_BYTES = len(EXAMPLE.read_bytes()) - 10  # within the form's slack
    response = upload(planner, "renja.txt", EXAMPLE.read_bytes())
    assert response.status_code == 400
    assert "Berkas &#x27;renja.txt&#x27; terlalu besar: paling besar 100 KB." in \
        response.content.decode()


def test_only_planners_may_import(verifier, anonymous):
    assert verifier.get("/impor/").status_code == 403
    assert anonymous.get("/impor/").status_code == 302


def test_a_pending_import_belongs_to_its_uploader(planner, other_planner):
    upload(planner, "renja.txt", EXAMPLE.read_bytes())
    pending = PendingImport.objects.get()
    assert other_planner.get(f"/impor/{pending.pk}/").status_code == 404
    assert other_planner.post(f"/impor/{pending.pk}/simpan/").status_code == 404


def test_a_hostile_upload_is_refused_with_one_message_and_nothing_kept(planner, tmp_path):
    import io
    import zipfile

    from renja.web.plans.models import PendingImport

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b" " * (60 * 1024 * 1024))
    bomb.name = "renja.xlsx"
    bomb.seek(0)
    response = planner.post("/impor/", {"file": bomb})
    page = response.content.decode()
    assert response.status_code == 400
    assert "renja.xlsx: bagian xl/worksheets/sheet1.xml termampatkan" in page
    assert "/tmp" not in page and "Traceback" not in page
    assert not PendingImport.objects.exists()


def test_an_import_for_a_year_beyond_the_allowed_ones_is_refused(planner, tmp_path):
    from renja.web.plans.models import PendingImport

    text = EXAMPLE.read_text().replace("2024", "2099").encode()
    response = planner.post("/impor/", {"file": _upload("renja-2099.txt", text)})
    assert response.status_code == 400
    assert "Renja tahun 2099 tidak dapat dibuat: tahun yang dapat dipakai 2017–" in \
        response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_pending_import_expires(planner, db, settings):
    import datetime

    from django.utils import timezone

    from renja.web.plans.models import PendingImport

    planner.post("/impor/", {"file": _upload("renja.txt", EXAMPLE.read_bytes())})
    pending = PendingImport.objects.get()
    PendingImport.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=settings.RENJA_IMPORT_HOURS + 1))
    response = planner.get(f"/impor/{pending.pk}/")
    assert response.status_code == 404
    assert "Impor tidak ditemukan atau sudah kedaluwarsa; unggah ulang berkasnya." in \
        response.content.decode()


def _upload(name: str, data: bytes):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_an_upload_larger_than_the_limit_is_refused_before_it_is_read(planner, settings):
    from renja.web.plans.models import PendingImport

    settings.RENJA_UPLOAD_MAX_BYTES = 1024 * 1024
    response = planner.post("/impor/", {"file": _upload("besar.txt", b"x" * 3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "Berkas terlalu besar: paling besar 1 MB." in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_document_of_another_agency_needs_a_confirmation_that_names_both(planner, db):
    import re

    text = re.sub(r"Badan\s+Kepegawaian\s+dan\s+Pengembangan\s+Sumber\s+Daya\s+Manusia",
                  "Dinas Kesehatan", EXAMPLE.read_text(), flags=re.IGNORECASE)
    text = text.replace("BKPSDM", "DINKES")
    planner.post("/impor/", {"file": _upload("dinkes.txt", text.encode())})
    pending = PendingImport.objects.get()
    preview = planner.get(f"/impor/{pending.pk}/").content.decode()
    assert ("perangkat daerah: dokumen menyebut &#x27;Dinas Kesehatan&#x27;, Renja ini milik "
            "&#x27;Badan Kepegawaian dan Pengembangan Sumber Daya Manusia&#x27;") in preview
    refused = planner.post(f"/impor/{pending.pk}/simpan/", follow=True).content.decode()
    assert "Dokumen ini tampaknya bukan untuk Renja Anda" in refused
    assert PendingImport.objects.filter(pk=pending.pk).exists()
    planner.post(f"/impor/{pending.pk}/simpan/", {"beda": "1"})
    assert not PendingImport.objects.filter(pk=pending.pk).exists()


def test_the_agencys_own_document_saves_without_a_second_question(planner, db):
    planner.post("/impor/", {"file": _upload("renja.txt", EXAMPLE.read_bytes())})
    pending = PendingImport.objects.get()
    assert "import-mismatch" not in planner.get(f"/impor/{pending.pk}/").content.decode()
    planner.post(f"/impor/{pending.pk}/simpan/")
    assert not PendingImport.objects.exists()
