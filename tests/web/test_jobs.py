"""Background jobs: started from a page, followed by their progress, finished or failed whole;
in a thread of the web process without Redis, through the RQ queue with it."""

from __future__ import annotations

import io
import time
import uuid
import zipfile

import openpyxl
import pytest
from django.contrib.auth.models import User
from redis import Redis

from renja.web.accounts.models import Membership, Pemda, Role
from renja.web.plans import jobs
from renja.web.plans.models import Job, Plan
from tests.web.conftest import client_for
from tests.web.servers import REDIS_URL


def finished(pk: int, timeout: float = 120) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = Job.objects.get(pk=pk)
        if job.finished:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {pk} did not finish")


def start(client, kind: str, data: dict[str, object]) -> int:  # type: ignore[no-untyped-def]
    response = client.post(f"/pekerjaan/mulai/{kind}/", data)
    assert response.status_code == 302, response.content.decode()[:300]
    return int(response["Location"].rstrip("/").rsplit("/", 1)[-1])


def test_the_pemda_documents_job_zips_every_plan_and_the_rkpd(demo):
    client = client_for("verifikator_bappeda")
    pk = start(client, "dokumen", {"tahun": "2024", "format": "xlsx"})
    job = finished(pk)
    status = client.get(f"/pekerjaan/{pk}/status/").json()
    assert (job.status, status["percent"], status["done"], status["total"]) == (
        "selesai", 100, 6, 6)
    assert status["message"] == "6 dokumen Renja (XLSX) dan tabel RKPD tahun 2024."
    download = client.get(status["download"])
    assert download["Content-Disposition"] == \
        'attachment; filename="renja-kabupaten-pasuruan-2024-xlsx.zip"'
    names = zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    assert sorted(names) == ["renja-2024-bappeda.xlsx", "renja-2024-bkpsdm.xlsx",
                             "renja-2024-dinkes.xlsx", "renja-2024-disdik.xlsx",
                             "renja-2024-dlh.xlsx", "renja-2024-rsud.xlsx",
                             "rkpd-kabupaten-pasuruan-2024.xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(zipfile.ZipFile(io.BytesIO(download.content))
                                             .read("renja-2024-dinkes.xlsx")))
    assert "T-C.33" in " ".join(book.sheetnames)


def test_next_years_plans_start_from_last_years_set_plan_or_empty(demo):
    client = client_for("admin_pasuruan")
    before = Plan.objects.count()
    job = finished(start(client, "tahun_depan", {"tahun": "2025", "sumber": "tahun-lalu"}))
    assert (job.status, job.message) == (
        "selesai", "6 Renja tahun 2025 dibuat: 1 dari Renja tahun lalu yang ditetapkan, "
                   "5 kosong.")
    made = Plan.objects.filter(tahun=2025).select_related("perangkat_daerah")
    assert Plan.objects.count() == before + 6
    disdik = next(p for p in made if p.perangkat_daerah.singkatan == "DISDIK")
    assert list(disdik.renja().rencana.walk())  # from last year's prakiraan maju
    again = finished(start(client, "tahun_depan", {"tahun": "2025", "sumber": "kosong"}))
    assert (again.status, again.message) == (
        "gagal", "Semua perangkat daerah sudah memiliki Renja tahun 2025.")


def _plan_file(singkatan: str, tahun: int) -> bytes:
    renja = Plan.objects.get(perangkat_daerah__singkatan=singkatan, tahun=2024).renja()
    renja.tahun = tahun
    return renja.model_dump_json().encode()


def _zip(files: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, content in files.items():
            bundle.writestr(name, content)
    buffer.seek(0)
    buffer.name = "renja-2026.zip"
    return buffer


def test_a_zip_of_documents_becomes_the_agencies_plans(demo):
    client = client_for("admin_pasuruan")
    upload = _zip({"bkpsdm.json": _plan_file("BKPSDM", 2026),
                   "sub/dinkes.json": _plan_file("DINKES", 2026)})
    job = finished(start(client, "impor_zip", {"file": upload}))
    assert (job.status, job.message, job.link) == (
        "selesai", "2 Renja diimpor dari renja-2026.zip.", "/renja/")
    made = sorted(Plan.objects.filter(tahun=2026).values_list("perangkat_daerah__singkatan",
                                                             flat=True))
    assert made == ["BKPSDM", "DINKES"]


def test_a_zip_with_one_unreadable_document_fails_and_saves_nothing(demo):
    client = client_for("admin_pasuruan")
    before = Plan.objects.count()
    upload = _zip({"a-bkpsdm.json": _plan_file("BKPSDM", 2026),
                   "b-rusak.json": b'{"tahun": "dua ribu"}'})
    job = finished(start(client, "impor_zip", {"file": upload}))
    assert (job.status, job.message) == (
        "gagal", 'renja-2026.zip:b-rusak.json: bukan berkas JSON Renja: seharusnya "format": '
                 '"renja/1", tidak ada. Tidak ada yang disimpan.')
    assert Plan.objects.count() == before
    page = client.get(f"/pekerjaan/{job.pk}/").content.decode()
    assert "Gagal: renja-2026.zip:b-rusak.json: " in page


def test_a_zip_naming_an_agency_of_no_one_fails_with_its_name(demo):
    client = client_for("admin_pasuruan")
    renja = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM").renja()
    renja.tahun = 2026
    assert renja.perangkat_daerah is not None
    renja.perangkat_daerah.nama, renja.perangkat_daerah.singkatan = "Dinas Pariwisata", None
    job = finished(start(client, "impor_zip", {"file": _zip({
        "wisata.json": renja.model_dump_json().encode()})}))
    assert (job.status, job.message) == (
        "gagal", "renja-2026.zip:wisata.json: perangkat daerah “Dinas Pariwisata” tidak "
                 "terdaftar di pemda ini. Tidak ada yang disimpan.")


def test_the_export_job_holds_every_plan_and_the_pemda(demo):
    client = client_for("admin_pasuruan")
    job = finished(start(client, "ekspor", {}))
    assert job.status == "selesai", job.message
    names = zipfile.ZipFile(io.BytesIO(client.get(f"/pekerjaan/{job.pk}/unduh/").content)
                            ).namelist()
    plans = Plan.objects.filter(perangkat_daerah__pemda__slug="kabupaten-pasuruan")
    assert {f"kabupaten-pasuruan/renja/{p.pk}/renja.json" for p in plans} <= set(names)
    assert "kabupaten-pasuruan/pemda.json" in names
    assert job.message.startswith(f"{plans.count()} Renja, ")


def test_progress_is_on_the_job_while_it_runs(demo, monkeypatch):
    seen: list[tuple[int, int, str]] = []

    def work(job: Job, progress: jobs.Progress) -> None:
        for done in range(3):
            progress(done + 1, 3, f"langkah {done + 1}")
            fresh = Job.objects.get(pk=job.pk)  # what the status page reads now
            seen.append((fresh.done, fresh.total, fresh.step))
        job.message = "selesai semua"

    monkeypatch.setitem(jobs.KINDS, "uji", jobs.Kind("uji", "Uji", work))
    monkeypatch.setattr(jobs._Reporter, "every", 0.0)
    job = Job.objects.create(kind="uji", pemda=Pemda.objects.get(slug="kabupaten-pasuruan"),
                             created_by=User.objects.get(username="admin_pasuruan"))
    jobs.run(job.pk)
    assert seen == [(1, 3, "langkah 1"), (2, 3, "langkah 2"), (3, 3, "langkah 3")]
    assert Job.objects.get(pk=job.pk).status == "selesai"


def test_an_unexpected_error_fails_the_job_with_its_number(demo, monkeypatch):
    def work(job: Job, progress: jobs.Progress) -> None:
        raise ZeroDivisionError

    monkeypatch.setitem(jobs.KINDS, "uji", jobs.Kind("uji", "Uji", work))
    job = Job.objects.create(kind="uji", pemda=Pemda.objects.get(slug="kabupaten-pasuruan"),
                             created_by=User.objects.get(username="admin_pasuruan"))
    jobs.run(job.pk)
    assert Job.objects.get(pk=job.pk).message == (
        f"Terjadi kesalahan tak terduga (pekerjaan nomor {job.pk}); tidak ada yang disimpan. "
        "Laporkan nomor ini kepada admin.")


@pytest.fixture
def queue(settings):  # type: ignore[no-untyped-def]
    prefix = f"renja-test-{uuid.uuid4().hex[:8]}"
    settings.RENJA_REDIS_URL, settings.RENJA_REDIS_PREFIX = REDIS_URL, prefix
    yield prefix
    shared = Redis.from_url(REDIS_URL)
    for name in shared.scan_iter(f"rq:*{prefix}*"):
        shared.delete(name)


def test_with_redis_a_job_waits_in_the_queue_for_a_worker(demo, queue):
    client = client_for("admin_pasuruan")
    pk = start(client, "tahun_depan", {"tahun": "2025", "sumber": "kosong"})
    time.sleep(0.5)
    assert Job.objects.get(pk=pk).status == "antri"  # no thread took it
    assert Redis.from_url(REDIS_URL).llen(f"rq:queue:{queue}-jobs") == 1
    jobs.work_once(burst=True)  # a worker (`renja worker --burst`)
    job = Job.objects.get(pk=pk)
    assert (job.status, job.message) == ("selesai", "6 Renja tahun 2025 dibuat: 6 kosong.")


def test_only_bappeda_runs_pemda_jobs_and_only_the_admin_the_ones_that_change_data(demo):
    assert client_for("perencana_bkpsdm").get("/pekerjaan/").status_code == 403
    verifier = client_for("verifikator_bappeda")
    assert verifier.post("/pekerjaan/mulai/ekspor/").status_code == 403
    pk = start(client_for("admin_pasuruan"), "ekspor", {})
    outsider = User.objects.create(username="admin_lain")
    Membership.objects.create(user=outsider, role=Role.ADMIN,
                              pemda=Pemda.objects.get(slug="kota-contoh"))
    assert client_for("admin_lain").get(f"/pekerjaan/{pk}/").status_code == 404
    assert verifier.get(f"/pekerjaan/{pk}/").status_code == 200
    finished(pk)


def test_a_wrong_year_is_refused_before_any_job_starts(demo):
    client = client_for("admin_pasuruan")
    response = client.post("/pekerjaan/mulai/tahun_depan/", {"tahun": "25"}, follow=True)
    assert "Tahun harus empat angka, misalnya 2025." in response.content.decode()
    assert Job.objects.count() == 0
    assert "Belum ada pekerjaan." in client.get("/pekerjaan/").content.decode()


def test_a_job_whose_process_stopped_is_failed_not_waited_for_forever(demo):
    import datetime

    from django.utils import timezone

    old = timezone.now() - datetime.timedelta(seconds=jobs.JOB_TIMEOUT + 700)
    job = Job.objects.create(kind="ekspor", pemda=Pemda.objects.get(slug="kabupaten-pasuruan"),
                             created_by=User.objects.get(username="admin_pasuruan"),
                             status="berjalan", created_at=old, started_at=old)
    fresh = Job.objects.create(kind="ekspor", pemda=job.pemda, created_by=job.created_by,
                               status="berjalan")
    status = client_for("admin_pasuruan").get(f"/pekerjaan/{job.pk}/status/").json()
    assert (status["status"], status["message"]) == (
        "gagal", "Pekerjaan terhenti tanpa selesai (prosesnya berhenti atau melewati batas "
                 "waktu); tidak ada yang disimpan. Jalankan lagi.")
    assert Job.objects.get(pk=fresh.pk).status == "berjalan"


def test_a_jobs_files_are_removed_a_week_after_it_ended_and_its_row_says_so(demo):
    import datetime

    from django.utils import timezone

    pemda = Pemda.objects.get(slug="kabupaten-pasuruan")
    admin = User.objects.get(username="admin_pasuruan")
    old = timezone.now() - datetime.timedelta(days=8)
    done = dict(kind="ekspor", pemda=pemda, created_by=admin, status="selesai",
                message="Ekspor selesai.", result=b"PK zip", result_name="ekspor.zip")
    aged = Job.objects.create(**done, created_at=old, finished_at=old)
    recent = Job.objects.create(**done, finished_at=timezone.now())
    client = client_for("admin_pasuruan")
    page = client.get("/pekerjaan/").content.decode()
    aged.refresh_from_db()
    assert (aged.result, aged.result_name, aged.message) == (
        None, "", "Ekspor selesai. Berkasnya dihapus 7 hari setelah selesai; jalankan "
                  "pekerjaan ini lagi bila masih perlu.")
    assert "Berkasnya dihapus 7 hari setelah selesai" in page
    assert client.get(f"/pekerjaan/{aged.pk}/unduh/").status_code == 404
    assert bytes(Job.objects.get(pk=recent.pk).result) == b"PK zip"
    assert client.get(f"/pekerjaan/{recent.pk}/unduh/").status_code == 200
