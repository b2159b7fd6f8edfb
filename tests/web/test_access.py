"""Who sees and changes what: every view and API call, allowed and refused personas."""

from __future__ import annotations

import json

import pytest

from renja.web.plans.models import Plan
from tests.web.conftest import client_for


def test_a_planner_sees_only_the_plans_of_their_agency(planner, bkpsdm):
    page = planner.get("/renja/").content.decode()
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" in page
    assert "Dinas Kesehatan" not in page
    assert planner.get(f"/renja/{bkpsdm.pk}/").status_code == 200


def test_a_planner_of_another_agency_gets_not_found_for_every_url(other_planner, bkpsdm):
    for url in (f"/renja/{bkpsdm.pk}/", f"/renja/{bkpsdm.pk}/unduh/pdf/",
                f"/renja/{bkpsdm.pk}/baris/0.0.0.0/", f"/api/plans/{bkpsdm.pk}",
                f"/api/plans/{bkpsdm.pk}/findings"):
        assert other_planner.get(url).status_code == 404, url
    response = other_planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/simpan/",
                                  {"version": bkpsdm.version, "lokasi": "X"})
    assert response.status_code == 404
    api = other_planner.patch(f"/api/plans/{bkpsdm.pk}", json.dumps(
        {"path": "0.0.0.0", "field": "lokasi", "value": "X", "version": bkpsdm.version}),
        content_type="application/json")
    assert api.status_code == 404
    assert Plan.objects.get(pk=bkpsdm.pk).version == bkpsdm.version


def test_the_verifier_reads_every_plan_of_the_pemda_but_cannot_edit(verifier, bkpsdm):
    page = verifier.get("/renja/").content.decode()
    assert page.count('<td><a href="/renja/') == 6
    assert verifier.get(f"/renja/{bkpsdm.pk}/").status_code == 200
    assert "Ubah</button>" not in verifier.get(f"/renja/{bkpsdm.pk}/").content.decode()
    assert verifier.get(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/").status_code == 403
    response = verifier.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/simpan/",
                             {"version": bkpsdm.version, "lokasi": "X"})
    assert response.status_code == 403


def test_the_head_of_the_agency_reads_but_does_not_edit(kepala, bkpsdm):
    assert kepala.get(f"/renja/{bkpsdm.pk}/").status_code == 200
    assert kepala.get(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/").status_code == 403


def test_an_admin_of_another_pemda_sees_none_of_this_pemda(outsider, bkpsdm, published):
    assert "Kabupaten Pasuruan" not in outsider.get("/renja/").content.decode()
    assert outsider.get(f"/renja/{bkpsdm.pk}/").status_code == 404
    assert sorted(p["id"] for p in outsider.get("/api/plans").json()) == sorted(
        [p.pk for p in Plan.objects.filter(perangkat_daerah__pemda__slug="kota-contoh")]
        + [published.pk])  # a published plan is everyone's to read


def test_a_published_plan_shows_its_document_and_nothing_internal(anonymous, outsider, db,
                                                                 published):
    from renja.web.plans.models import AuditEntry, Comment

    Comment.objects.create(plan=published, author_id=1, text="Catatan rahasia verifikator")
    AuditEntry.objects.create(plan=published, action="renja.nilai.ubah", new="nilai-audit")
    anonymous_page = anonymous.get(f"/publik/{published.pk}/").content.decode()
    assert main(anonymous_page) == main(outsider.get(f"/publik/{published.pk}/").content.decode())
    for internal in ("Catatan rahasia verifikator", "nilai-audit", "Temuan", "galat",
                     "perencana_", "Riwayat"):
        assert internal not in anonymous_page, internal
    assert "RENCANA KERJA" in anonymous_page.upper()
    for address in (f"/renja/{published.pk}/audit/", f"/renja/{published.pk}/versi/1/kini/",
                    f"/api/plans/{published.pk}/findings", f"/renja/{published.pk}/tabel/tc29/",
                    f"/renja/{published.pk}/teks/"):
        assert anonymous.get(address).status_code == 404, address
        assert outsider.get(address).status_code == 404, address
    assert anonymous.get(f"/renja/{published.pk}/").url == f"/publik/{published.pk}/"
    verifier = client_for("verifikator_bappeda")
    assert main(anonymous.get("/publik/").content.decode()) == \
        main(outsider.get("/publik/").content.decode()) == \
        main(verifier.get("/publik/").content.decode())


def main(page: str) -> str:
    """What a page shows below the navigation (the same for everyone on the portal)."""
    return page[page.index("<main"):page.index("</main>")]


def test_anonymous_visitors_see_published_plans_only(anonymous, bkpsdm, published):
    assert anonymous.get(f"/renja/{published.pk}/", follow=True).status_code == 200
    assert anonymous.get(f"/renja/{bkpsdm.pk}/").status_code == 404
    assert [p["id"] for p in anonymous.get("/api/plans").json()] == [published.pk]
    assert anonymous.get("/renja/").status_code == 302
    assert "Dinas Pendidikan" in anonymous.get("/publik/").content.decode()
    assert anonymous.get(f"/renja/{published.pk}/unduh/xlsx/").status_code == 200


def test_a_published_plan_cannot_be_edited_even_by_its_planner(db, published):
    from tests.web.conftest import client_for

    assert client_for("perencana_disdik").get(
        f"/renja/{published.pk}/baris/0.0.0/").status_code == 403


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "html", "datapackage"])
def test_every_export_button_downloads_its_format(planner, bkpsdm, fmt):
    response = planner.get(f"/renja/{bkpsdm.pk}/unduh/{fmt}/")
    assert response.status_code == 200
    assert response.content[:4] in (b"%PDF", b"PK\x03\x04", b"<!DO")
    assert 'renja-BKPSDM-2024' in response["Content-Disposition"]


def test_an_unknown_export_format_is_not_found(planner, bkpsdm):
    assert planner.get(f"/renja/{bkpsdm.pk}/unduh/odt/").status_code == 404


def test_pages_carry_security_headers(anonymous):
    response = anonymous.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_start_page_shows_demo_logins_only_in_demo_mode(anonymous, settings):
    settings.DEMO = True
    assert "perencana_bkpsdm" in anonymous.get("/").content.decode()
    settings.DEMO = False
    assert "perencana_bkpsdm" not in anonymous.get("/").content.decode()


def test_the_production_settings_pass_djangos_deployment_check(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENJA_", "DATABASE_URL"))}
    env |= {"RENJA_SECRET_KEY": "k" * 60 + "-production-check-only", "RENJA_DATA_DIR":
            str(tmp_path), "RENJA_ALLOWED_HOSTS": "renja.example.go.id",
            "DJANGO_SETTINGS_MODULE": "renja.web.settings"}
    done = subprocess.run([sys.executable, "-m", "django", "check", "--deploy"], env=env,
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (
        0, "System check identified no issues (0 silenced)."), done.stderr


def test_every_response_carries_a_request_id_and_an_error_is_one_log_line(anonymous):
    import logging

    from renja.web.requests_log import AddRequestId, OneLine

    given = anonymous.get("/", HTTP_X_REQUEST_ID="abc-123")
    assert given["X-Request-ID"] == "abc-123"
    made = anonymous.get("/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert len(made) == 16 and made.isalnum()
    try:
        raise KeyError("kolom")
    except KeyError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1,
                                   "Internal Server Error: /renja/1/", (), sys.exc_info())
    AddRequestId().filter(record)
    line = OneLine("%(levelname)s [%(request_id)s] %(message)s").format(record)
    assert "\n" not in line
    assert line.startswith(f"ERROR [{made}] Internal Server Error: /renja/1/ | Traceback")
    assert "KeyError: 'kolom'" in line
