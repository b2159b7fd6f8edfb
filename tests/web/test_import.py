"""Import in the browser: preview with findings, confirm or cancel, clear refusals."""

from __future__ import annotations

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
    assert "hanya berkas .txt, .xlsx, atau .json" in upload(
        planner, "renja.pdf", b"%PDF").content.decode()
    settings.RENJA_UPLOAD_MAX_BYTES = 10
    response = upload(planner, "renja.txt", EXAMPLE.read_bytes())
    assert response.status_code == 400
    assert "terlalu besar" in response.content.decode()


def test_only_planners_may_import(verifier, anonymous):
    assert verifier.get("/impor/").status_code == 403
    assert anonymous.get("/impor/").status_code == 302


def test_a_pending_import_belongs_to_its_uploader(planner, other_planner):
    upload(planner, "renja.txt", EXAMPLE.read_bytes())
    pending = PendingImport.objects.get()
    assert other_planner.get(f"/impor/{pending.pk}/").status_code == 404
    assert other_planner.post(f"/impor/{pending.pk}/simpan/").status_code == 404
