"""Every route, tried by every persona with GET and with its write method.

The routes come from the URL configuration and the OpenAPI schema: a route added later without
a line in MATRIX makes ``test_every_route_has_a_line_in_the_matrix`` fail. Objects outside a
person's reach answer 404 (for them they do not exist); an action a person may not take on an
object they can see answers 403; a person not logged in is sent to log in (302), or 401 from
the API. Each request runs in its own transaction, rolled back after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver

from renja.web.api import api
from renja.web.plans.models import (
    AgencyRenstra,
    Comment,
    Job,
    Notification,
    PendingImport,
    Plan,
)
from tests.rules.test_renstra import renstra
from tests.web.conftest import client_for

PERSONAS = {"E": "perencana_bkpsdm", "K": "kepala_bkpsdm", "B": "perencana_dinkes",
            "V1": "verifikator_bappeda", "A1": "admin_pasuruan",
            "V2": "verifikator_kotacontoh", "A2": "admin_kotacontoh", "N": None}


def statuses(spec: str) -> dict[str, int]:
    """``"E=200 K=403 …"``; ``*=n`` for every persona not named."""
    found, default = {}, None
    for item in spec.split():
        who, status = item.split("=")
        if who == "*":
            default = int(status)
        else:
            found[who] = int(status)
    return {p: found.get(p, default) for p in PERSONAS}  # type: ignore[misc]


READ = "E=200 K=200 V1=200 A1=200 B=404 V2=404 A2=404 N=404"
READ_LOGIN = "E=200 K=200 V1=200 A1=200 B=404 V2=404 A2=404 N=302"
EDIT = "E={ok} K=403 V1=403 A1=403 B=404 V2=404 A2=404 N=302"
BAPPEDA = "E=403 K=403 V1={ok} A1={ok} B=404 V2=404 A2=404 N=302"
ADMIN = "E=403 K=403 B=403 V1=403 V2=403 A1=302 A2={other} N=302"
ANYONE = "*=200"
NOT_ALLOWED = "*=405"
POST_ONLY = "*=405 N=302"  # asked to log in before being told the method
JOB = "E=403 K=403 B=403 V1=200 A1=200 V2=404 A2=404 N=302"
SET_PLAN = "V1=200 A1=200 *=404"
SET_PLAN_WRITE = "V1=403 A1=403 N=302 *=404"


@dataclass
class Route:
    url: Callable[[dict[str, object]], str]
    get: str
    post: str = NOT_ALLOWED
    data: Callable[[dict[str, object]], dict[str, object]] = lambda o: {}
    method: str = "post"


def plan(path: str) -> Callable[[dict[str, object]], str]:
    return lambda o: f"/renja/{o['plan']}/{path}"


def version(o: dict[str, object]) -> dict[str, object]:
    return {"version": o["version"]}


MATRIX: dict[str, Route] = {
    "home": Route(lambda o: "/", "E=302 K=302 B=302 V1=302 A1=302 V2=302 A2=302 N=200"),
    "login": Route(lambda o: "/masuk/", ANYONE, ANYONE),
    "logout": Route(lambda o: "/keluar/", NOT_ALLOWED, "*=302"),
    "password_change": Route(lambda o: "/akun/sandi/", "*=200 N=302", "*=200 N=302"),
    "password_change_done": Route(lambda o: "/akun/sandi/selesai/", "*=200 N=302",
                                  "*=405 N=302"),
    "admin_bands": Route(lambda o: "/pemda/predikat/", POST_ONLY, ADMIN.format(other=302)),
    "admin_reset_password": Route(lambda o: f"/pemda/pengguna/{o['user']}/sandi/", POST_ONLY,
                                  ADMIN.format(other=404)),
    "plan_list": Route(lambda o: "/renja/", "*=200 N=302"),
    "plan_detail": Route(plan(""), READ),
    "export": Route(plan("unduh/html/"), READ),
    "row_form": Route(plan("baris/0.0.0.0/"), EDIT.format(ok=200)),
    "row_save": Route(plan("baris/0.0.0.0/simpan/"), POST_ONLY, EDIT.format(ok=200),
                      version),
    "row_preview": Route(plan("baris/0.0.0.0/pratinjau/"), POST_ONLY, EDIT.format(ok=200)),
    "row_add": Route(plan("baris/0.0/tambah/"), EDIT.format(ok=200)),
    "program_add": Route(plan("program/tambah/"), EDIT.format(ok=200)),
    "row_note": Route(plan("baris/0.0/catatan/"), BAPPEDA.format(ok=200)),
    "program_add_save": Route(plan("program/tambah/simpan/"), POST_ONLY, EDIT.format(ok=422),
                              version),
    "row_add_save": Route(plan("baris/0.0/tambah/simpan/"), POST_ONLY, EDIT.format(ok=422),
                          version),
    "row_remove": Route(plan("baris/0.0.0.0/hapus/"), POST_ONLY, EDIT.format(ok=200),
                        version),
    "plan_texts": Route(plan("teks/"), READ),
    "plan_text_save": Route(plan("teks/simpan/"), POST_ONLY, EDIT.format(ok=302), version),
    "plan_table": Route(plan("tabel/tc29/"), READ),
    "plan_table_row": Route(plan("tabel/tc29/0/"), POST_ONLY, EDIT.format(ok=200), version),
    "plan_table_add": Route(plan("tabel/tc32/tambah/"), POST_ONLY, EDIT.format(ok=200),
                            lambda o: {"version": o["version"], "program_kegiatan": "Usulan"}),
    "plan_table_remove": Route(plan("tabel/tc32/0/hapus/"), POST_ONLY, EDIT.format(ok=422),
                               version),
    "plan_tc29_generate": Route(plan("tabel/tc29/susun/"), POST_ONLY, EDIT.format(ok=422),
                                version),
    # BKPSDM has a Renstra here (see objects): T-C.30 is built from it
    "plan_tc30_generate": Route(plan("tabel/tc30/susun/"), POST_ONLY, EDIT.format(ok=200),
                                version),
    "plan_tc31_generate": Route(plan("tabel/tc31/susun/"), POST_ONLY, EDIT.format(ok=200),
                                version),
    "plan_tc32_import": Route(plan("tabel/tc32/impor/"), POST_ONLY, EDIT.format(ok=422),
                              version),
    "plan_act": Route(plan("tindakan/submit/"), POST_ONLY,
                      "E=403 K=302 V1=403 A1=403 B=404 V2=404 A2=404 N=302"),
    "plan_comment": Route(plan("catatan/"), POST_ONLY,
                          "E=403 K=403 V1=302 A1=302 B=404 V2=404 A2=404 N=302",
                          lambda o: {"text": "Periksa target"}),
    "plan_comment_resolve": Route(lambda o: f"/renja/{o['plan']}/catatan/{o['comment']}/selesai/",
                                  POST_ONLY, BAPPEDA.format(ok=302)),
    "plan_compare": Route(plan("versi/kini/kini/"), READ),
    "plan_audit": Route(plan("audit/"), READ),
    "overview": Route(lambda o: "/verifikasi/",
                      "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302"),
    "import_upload": Route(lambda o: "/impor/", "E=200 B=200 K=403 V1=403 A1=403 V2=403 A2=403 "
                           "N=302", "E=400 B=400 K=403 V1=403 A1=403 V2=403 A2=403 N=302"),
    "import_preview": Route(lambda o: f"/impor/{o['pending']}/", "*=404 E=200 N=302"),
    "import_confirm": Route(lambda o: f"/impor/{o['pending']}/simpan/", POST_ONLY,
                            "*=404 E=302 N=302"),
    "import_cancel": Route(lambda o: f"/impor/{o['pending']}/batal/", POST_ONLY,
                           "*=404 E=302 N=302"),
    "public": Route(lambda o: "/publik/", ANYONE),
    "public_plan": Route(lambda o: f"/publik/{o['published']}/", ANYONE),
    "admin_pemda": Route(lambda o: "/pemda/", "E=403 K=403 B=403 V1=403 V2=403 A1=200 A2=200 "
                         "N=302"),
    "admin_add_agency": Route(lambda o: "/pemda/perangkat-daerah/", POST_ONLY,
                              ADMIN.format(other=302)),
    "admin_ceiling": Route(lambda o: "/pemda/pagu/", POST_ONLY, ADMIN.format(other=404),
                           lambda o: {"perangkat_daerah": o["agency"], "tahun": "2025",
                                      "pagu": "1.000"}),
    "admin_open_year": Route(lambda o: "/pemda/tahun/", POST_ONLY, ADMIN.format(other=404),
                             lambda o: {"perangkat_daerah": o["agency"], "tahun": "2026"}),
    "admin_add_user": Route(lambda o: "/pemda/pengguna/", POST_ONLY, ADMIN.format(other=302)),
    "admin_ranwal": Route(lambda o: "/pemda/ranwal/", POST_ONLY, ADMIN.format(other=302)),
    "admin_schedule": Route(lambda o: "/pemda/jadwal/", POST_ONLY, ADMIN.format(other=302)),
    "admin_rkpd_total": Route(lambda o: "/pemda/pagu-rkpd/", POST_ONLY, ADMIN.format(other=302),
                              lambda o: {"tahun": "2025", "pagu": "1.000"}),
    "admin_mandate": Route(lambda o: "/pemda/bidang/", POST_ONLY, ADMIN.format(other=404),
                           lambda o: {"perangkat_daerah": o["agency"], "bidang_lain": "5.04"}),
    # the move to a newer nomenclature (none in the shipped catalogue: the page says so)
    "plan_nomenklatur": Route(plan("nomenklatur/"), READ_LOGIN),
    "plan_nomenklatur_accept": Route(plan("nomenklatur/terima/"), POST_ONLY,
                                     EDIT.format(ok=422),
                                     lambda o: {"version": o["version"], "path": "0.0.0.0",
                                                "kode_lama": "x", "versi": "x"}),
    "nomenklatur_pemda": Route(lambda o: "/nomenklatur/",
                               "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302"),
    # Bappeda's RKPD of its own pemda
    "rkpd": Route(lambda o: "/rkpd/?tahun=2024",
                  "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302"),
    "rkpd_export": Route(lambda o: "/rkpd/unduh/csv/?tahun=2024",
                         "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302"),
    # background jobs of a pemda: Bappeda's; the ones that change or export data the admin's
    "jobs": Route(lambda o: "/pekerjaan/", "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302",
                  "*=405 N=302"),
    "job_start": Route(lambda o: "/pekerjaan/mulai/ekspor/", POST_ONLY,
                       "E=403 K=403 B=403 V1=403 A1=302 V2=403 A2=302 N=302"),
    "job": Route(lambda o: f"/pekerjaan/{o['job']}/", JOB, "*=405 N=302"),
    "job_status": Route(lambda o: f"/pekerjaan/{o['job']}/status/", JOB, "*=405 N=302"),
    "job_download": Route(lambda o: f"/pekerjaan/{o['job']}/unduh/", JOB, "*=405 N=302"),
    # the API (its routes come from the OpenAPI schema)
    "GET /api/plans": Route(lambda o: "/api/plans", ANYONE),
    "GET /api/plans/{plan_id}": Route(lambda o: f"/api/plans/{o['plan']}", READ),
    "PATCH /api/plans/{plan_id}": Route(
        lambda o: f"/api/plans/{o['plan']}", READ,
        "E=200 K=403 V1=403 A1=403 B=404 V2=404 A2=404 N=401",
        lambda o: {"path": "0.0.0.0", "field": "lokasi", "value": "Bangil",
                   "version": o["version"]}, method="patch"),
    "GET /api/plans/{plan_id}/findings": Route(lambda o: f"/api/plans/{o['plan']}/findings",
                                               READ),
    "POST /api/plans/{plan_id}/actions/{action}": Route(
        lambda o: f"/api/plans/{o['plan']}/actions/submit", NOT_ALLOWED,
        "E=403 K=200 V1=403 A1=403 B=404 V2=404 A2=404 N=401", lambda o: {}),
    # a set plan of DISDIK (no persona is its planner: tests/web/test_realisasi.py has one)
    "realisasi": Route(lambda o: f"/renja/{o['published']}/realisasi/", SET_PLAN),
    "realisasi_save": Route(lambda o: f"/renja/{o['published']}/realisasi/3/simpan/",
                            POST_ONLY, SET_PLAN_WRITE, lambda o: {"version": 1}),
    "realisasi_step": Route(lambda o: f"/renja/{o['published']}/realisasi/2/ajukan/",
                            POST_ONLY, SET_PLAN_WRITE),
    "realisasi_import": Route(lambda o: f"/renja/{o['published']}/realisasi/impor/",
                              POST_ONLY, SET_PLAN_WRITE),
    "realisasi_template": Route(lambda o: f"/renja/{o['published']}/realisasi/templat/",
                                SET_PLAN),
    "realisasi_e81": Route(lambda o: f"/renja/{o['published']}/realisasi/e81/pdf/", SET_PLAN),
    "dashboard": Route(lambda o: f"/renja/{o['published']}/dasbor/", SET_PLAN),
    "dashboard_chart": Route(lambda o: f"/renja/{o['published']}/dasbor/grafik/serapan.svg",
                             SET_PLAN),
    "dashboard_pemda": Route(lambda o: "/dasbor/",
                             "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302"),
    "dashboard_pemda_chart": Route(lambda o: "/dasbor/grafik/predikat.svg",
                                   "E=403 K=403 B=403 V1=200 A1=200 V2=200 A2=200 N=302"),
    # the public sees realisation once Bappeda accepted a quarter (TW I here)
    "public_chart": Route(lambda o: f"/publik/{o['published']}/grafik/serapan.png", ANYONE),
    "notifications": Route(lambda o: "/notifikasi/", "*=200 N=302"),
    # BKPSDM's Renstra: read by its people and Bappeda, written by its planner and the admin
    "renstra_list": Route(lambda o: "/renstra/", "*=200 N=302"),
    "renstra_import": Route(lambda o: "/renstra/impor/", POST_ONLY,
                            "E=400 A1=400 K=403 V1=403 B=404 V2=404 A2=404 N=302",
                            lambda o: {"perangkat_daerah": o["agency"]}),
    "renstra_page": Route(lambda o: f"/renstra/{o['renstra']}/", READ_LOGIN),
    "renstra_row": Route(lambda o: f"/renstra/{o['renstra']}/baris/1/",
                         "E=200 A1=200 K=403 V1=403 B=404 V2=404 A2=404 N=302",
                         "E=302 A1=302 K=403 V1=403 B=404 V2=404 A2=404 N=302",
                         lambda o: {"version": 1, "unit": "Bidang Lalu Lintas"}),
    "renstra_export": Route(lambda o: f"/renstra/{o['renstra']}/unduh/xlsx/", READ_LOGIN),
    "notification_open": Route(lambda o: f"/notifikasi/{o['notice']}/", POST_ONLY,
                               "K=302 N=302 *=404"),
    "notifications_read_all": Route(lambda o: "/notifikasi/dibaca/", POST_ONLY, "*=302"),
    "openapi-json": Route(lambda o: "/api/openapi.json", ANYONE, ANYONE),
    "openapi-view": Route(lambda o: "/api/docs", ANYONE, ANYONE),
}
API_NAMES = {"list_plans", "plan_json", "edit_plan", "findings", "act", "api-root"}


def routes() -> set[str]:
    def walk(patterns):  # type: ignore[no-untyped-def]
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns)
            elif p.name not in API_NAMES:
                yield p.name
    names = set(walk(get_resolver().url_patterns))
    for path, operations in api.get_openapi_schema()["paths"].items():
        names |= {f"{method.upper()} {path}" for method in operations}
    return names


def test_every_route_has_a_line_in_the_matrix():
    assert routes() == set(MATRIX)


@pytest.fixture
def objects(db, bkpsdm, published) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    note = Comment.objects.create(plan=bkpsdm, author=User.objects.get(
        username="verifikator_bappeda"), text="Periksa")
    pending = PendingImport.objects.create(
        user=User.objects.get(username="perencana_bkpsdm"),
        perangkat_daerah=bkpsdm.perangkat_daerah, file_name="renja.json", data=bkpsdm.data)
    notice = Notification.objects.create(
        recipient=User.objects.get(username="kepala_bkpsdm"), plan=bkpsdm, kind="x", text="x")
    strategic = AgencyRenstra.objects.create(
        perangkat_daerah=bkpsdm.perangkat_daerah, tahun_awal=2024,
        data=renstra().model_dump(mode="json", exclude_none=True) | {"tahun_awal": 2024})
    job = Job.objects.create(kind="ekspor", pemda=bkpsdm.perangkat_daerah.pemda,
                             created_by=User.objects.get(username="admin_pasuruan"),
                             status="selesai", result=b"PK", result_name="ekspor.zip")
    return {"plan": bkpsdm.pk, "version": bkpsdm.version, "published": published.pk,
            "job": job.pk,
            "comment": note.pk, "pending": pending.pk, "notice": notice.pk,
            "agency": bkpsdm.perangkat_daerah_id, "renstra": strategic.pk,
            "user": User.objects.get(username="perencana_bkpsdm").pk}


def answer(client: Client, method: str, url: str, data: dict[str, object]) -> int:
    with transaction.atomic():
        if method == "get":
            response = client.get(url)
        elif method == "patch" or url.startswith("/api/"):
            import json

            response = getattr(client, method)(url, json.dumps(data),
                                               content_type="application/json")
        else:
            response = client.post(url, data)
        transaction.set_rollback(True)
    return response.status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_persona_gets_what_the_matrix_says(objects, name):
    route = MATRIX[name]
    url = route.url(objects)
    got: dict[str, dict[str, int]] = {"get": {}, route.method: {}}
    for persona, username in PERSONAS.items():
        client = client_for(username)
        got["get"][persona] = answer(client, "get", url, {})
        got[route.method][persona] = answer(client, route.method, url, route.data(objects))
    expected = {"get": statuses(route.get), route.method: statuses(route.post)}
    wrong = [f"{method.upper()} {who}: {got[method][who]} (expected {status})"
             for method, by in expected.items() for who, status in by.items()
             if got[method][who] != status]
    assert not wrong, f"{name}: " + "; ".join(wrong)
    assert Plan.objects.get(pk=objects["plan"]).version == objects["version"]
