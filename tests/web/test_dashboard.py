"""Dashboards of realisation in the web app: the agency's (figures equal the core's, charts
inline and downloadable), Bappeda's pemda view (every agency, sorted, late reports marked) and
the public portal's (only quarters Bappeda accepted)."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from PIL import Image

from renja.calc.dashboard import agency
from renja.calc.e81 import evaluate
from renja.render.charts import percent
from renja.web.plans.actions import realisasi as quarter
from renja.web.plans.models import Jadwal, LaporanTriwulan, Plan, bands_for
from tests.web.conftest import client_for


@pytest.fixture
def disdik(db) -> Plan:  # type: ignore[no-untyped-def]
    return Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")


def text(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</', html, re.DOTALL)
    assert found, element_id
    return found.group(1).strip()


def expected(plan: Plan, upto: int):  # type: ignore[no-untyped-def]
    return agency(evaluate(plan.renja(), quarter.current(plan)[0], upto, bands=bands_for(plan)))


def test_the_agency_dashboard_shows_the_figures_the_core_computes(disdik):
    page = client_for("perencana_disdik").get(f"/renja/{disdik.pk}/dasbor/?tw=2")
    html = page.content.decode()
    dash = expected(disdik, 2)
    assert text(html, "kpi-serapan") == percent(dash.daya_serap)
    assert text(html, "kpi-capaian") == percent(dash.rata_rata_capaian)
    assert text(html, "kpi-tertinggal") == str(len(dash.tertinggal))
    assert html.count("class=\"pygal-chart\"") == 2 and "<script" not in html.split("<main")[1]
    assert "Daya serap anggaran (kumulatif)" in html
    for program in dash.program:
        assert f"{program.kode} {program.nama}" in html


def test_the_agency_dashboard_opens_at_the_last_quarter_reported(disdik):
    html = client_for("perencana_disdik").get(f"/renja/{disdik.pk}/dasbor/").content.decode()
    assert 'aria-current="page">s/d TW II<' in html  # the demo reported two quarters


def test_a_chart_downloads_as_png_and_as_svg(disdik):
    client = client_for("verifikator_bappeda")
    png = client.get(f"/renja/{disdik.pk}/dasbor/grafik/program.png?tw=1")
    assert png["Content-Type"] == "image/png"
    assert png["Content-Disposition"] == 'attachment; filename="program-DISDIK-2024-tw1.png"'
    assert Image.open(io.BytesIO(png.content)).size[0] == 1280
    svg = client.get(f"/renja/{disdik.pk}/dasbor/grafik/serapan.svg?tw=1")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"Daya serap anggaran Dinas Pendidikan 2024 (kumulatif)</text>" in svg.content
    assert client.get(f"/renja/{disdik.pk}/dasbor/grafik/lain.svg").status_code == 404
    assert client.get(f"/renja/{disdik.pk}/dasbor/grafik/serapan.gif").status_code == 404


def test_a_draft_has_no_dashboard(db):
    draft = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    assert client_for("perencana_bkpsdm").get(f"/renja/{draft.pk}/dasbor/").status_code == 404


def test_the_pemda_dashboard_lists_every_agency_and_sorts_by_absorption(disdik):
    client = client_for("verifikator_bappeda")
    html = client.get("/dasbor/?tahun=2024&tw=2&urut=serapan").content.decode()
    table = html.split('id="tabel-pemda"')[1]
    names = re.findall(r"<tr(?: class=\"late\")?><td>(?:<a [^>]*>)?([^<]+)<", table)
    assert names[0] == "Dinas Pendidikan"  # the only agency with a set plan and money spent
    assert sorted(names[1:]) == names[1:] and len(names) == 6
    assert "Renja belum ditetapkan" in table
    dash = expected(disdik, 2)
    assert text(html, "kpi-serapan") == percent(dash.daya_serap)
    assert html.count("class=\"pygal-chart\"") == 2


def test_a_quarter_report_not_sent_after_its_schedule_is_marked_late(disdik):
    Jadwal.objects.create(pemda=disdik.perangkat_daerah.pemda, tahun=2024, tahapan="triwulan_2",
                          mulai=datetime.date(2024, 7, 1), selesai=datetime.date(2024, 7, 15))
    html = client_for("verifikator_bappeda").get("/dasbor/?tahun=2024&tw=2").content.decode()
    assert text(html, "kpi-terlambat") == "1"
    assert "terlambat (tenggat 15-07-2024)" in html
    LaporanTriwulan.objects.update_or_create(plan=disdik, triwulan=2,
                                             defaults={"status": "diajukan"})
    html = client_for("verifikator_bappeda").get("/dasbor/?tahun=2024&tw=2").content.decode()
    assert text(html, "kpi-terlambat") == "0"


def test_the_public_sees_realisation_only_up_to_the_quarters_bappeda_accepted(disdik):
    anyone = client_for(None)
    html = anyone.get(f"/publik/{disdik.pk}/").content.decode()
    assert "Realisasi s/d triwulan I<" in html  # TW II is being entered, not accepted
    assert text(html, "kpi-serapan") == percent(expected(disdik, 1).daya_serap)
    LaporanTriwulan.objects.filter(plan=disdik).delete()
    html = anyone.get(f"/publik/{disdik.pk}/").content.decode()
    assert "realisasi-publik" not in html
    assert anyone.get(f"/publik/{disdik.pk}/grafik/serapan.png").status_code == 404
