from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User

from renja.web.accounts.models import Membership, PaguCeiling, PerangkatDaerah
from renja.web.plans.models import Plan
from tests.web.conftest import client_for


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    return client_for("admin_pasuruan")


def test_only_the_admin_of_the_pemda_opens_the_admin_page(admin, planner, verifier, outsider):
    assert admin.get("/pemda/").status_code == 200
    assert "Badan Kepegawaian" in admin.get("/pemda/").content.decode()
    assert planner.get("/pemda/").status_code == 403
    assert verifier.get("/pemda/").status_code == 403
    assert "Badan Kepegawaian" not in outsider.get("/pemda/").content.decode()


def test_the_admin_adds_an_agency_with_a_valid_bidang(admin):
    admin.post("/pemda/perangkat-daerah/", {"nama": "Dinas Sosial", "bidang": "106"})
    assert PerangkatDaerah.objects.get(nama="Dinas Sosial").bidang == "1.06"
    response = admin.post("/pemda/perangkat-daerah/", {"nama": "Dinas X", "bidang": "1.06.02"},
                          follow=True)
    assert "&#x27;1.06.02&#x27; bukan kode bidang seperti 5.03." in response.content.decode()


def test_the_admin_sets_a_ceiling_and_opens_a_year(admin):
    dinkes = PerangkatDaerah.objects.get(singkatan="DINKES")
    admin.post("/pemda/pagu/", {"perangkat_daerah": dinkes.pk, "tahun": "2025",
                                "pagu": "12.500.000.000"})
    assert PaguCeiling.objects.get(perangkat_daerah=dinkes, tahun=2025).pagu == 12_500_000_000
    admin.post("/pemda/tahun/", {"perangkat_daerah": dinkes.pk, "tahun": "2025"})
    assert Plan.objects.get(perangkat_daerah=dinkes, tahun=2025).renja().tahun == 2025
    again = admin.post("/pemda/tahun/", {"perangkat_daerah": dinkes.pk, "tahun": "2025"},
                       follow=True)
    assert "Renja DINKES tahun 2025 sudah ada." in again.content.decode()


def test_the_admin_cannot_touch_another_pemdas_agency(outsider):
    dinkes = PerangkatDaerah.objects.get(singkatan="DINKES")
    response = outsider.post("/pemda/pagu/", {"perangkat_daerah": dinkes.pk, "tahun": "2025",
                                              "pagu": "1.000"})
    assert response.status_code == 404
    assert not PaguCeiling.objects.filter(tahun=2025).exists()


def test_the_admin_creates_a_planner_who_can_log_in(admin):
    dinkes = PerangkatDaerah.objects.get(singkatan="DINKES")
    response = admin.post("/pemda/pengguna/", {"username": "perencana_baru", "nama": "Sari",
                                               "role": "perencana",
                                               "perangkat_daerah": dinkes.pk}, follow=True)
    password = re.search(r"Kata sandi awal: (\S+) ", response.content.decode()).group(1)
    assert Membership.objects.get(user__username="perencana_baru").perangkat_daerah == dinkes
    assert User.objects.get(username="perencana_baru").check_password(password)


def test_the_admin_sees_which_agencies_have_no_head_to_approve_their_plans(admin):
    page = admin.get("/pemda/").content.decode()
    rows = {re.sub(r"<[^>]+>", "", row.split("</td>")[0]).strip(): row
            for row in page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]}
    flagged = {name for name, row in rows.items() if "belum ada akun Kepala OPD" in row}
    assert flagged == {"Badan Perencanaan Pembangunan Daerah (BAPPEDA)",
                       "Dinas Lingkungan Hidup (DLH)", "Dinas Pendidikan (DISDIK)",
                       "Rumah Sakit Umum Daerah Bangil (RSUD)"}


def test_a_user_s_email_must_be_an_address(admin):
    page = admin.post("/pemda/pengguna/", {"username": "kepala_dlh", "role": "kepala",
                                           "perangkat_daerah": PerangkatDaerah.objects.get(
                                               singkatan="DLH").pk, "email": "bukan-surel"},
                      follow=True).content.decode()
    assert "&#x27;bukan-surel&#x27; bukan alamat surel yang benar." in page
    assert not User.objects.filter(username="kepala_dlh").exists()


def test_the_admin_sets_the_predikat_bands_of_a_year_and_the_evaluation_uses_them(admin):
    from renja.web.plans.models import SkalaPredikat

    page = admin.post("/pemda/predikat/", {"tahun": "2024", "teks": (
        "Baik >= 80\nCukup ≥ 60\nKurang")}, follow=True).content.decode()
    assert "Skala predikat 2024 disimpan." in page
    assert SkalaPredikat.objects.get(tahun=2024).teks == "Baik ≥ 80\nCukup ≥ 60\nKurang"
    disdik = Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")
    shown = client_for("verifikator_bappeda").get(f"/renja/{disdik.pk}/realisasi/?tw=1")
    assert re.search(r"\((Baik|Cukup|Kurang)\)", shown.content.decode())
    refused = admin.post("/pemda/predikat/", {"tahun": "2024", "teks": "Baik >= 60\n"
                                              "Cukup >= 80\nKurang"}, follow=True)
    assert "baris 2: batas bawah harus makin kecil dari baris ke baris" in \
        refused.content.decode()


def test_the_admin_turns_on_e81_s_optional_columns_for_a_year(admin):
    import io

    import openpyxl

    disdik = Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")
    url = f"/renja/{disdik.pk}/realisasi/e81/xlsx/?tw=1"

    def headers() -> list[object]:
        data = client_for("verifikator_bappeda").get(url).content
        sheet = openpyxl.load_workbook(io.BytesIO(data))["E.81"]
        return [c.value for row in sheet.iter_rows(max_row=8) for c in row]

    assert "Keterangan" not in headers()
    page = admin.post("/pemda/predikat/", {"tahun": "2024", "teks": "Baik >= 80\nKurang",
                                           "kolom_tambahan": "1"}, follow=True)
    assert "E.81 dengan kolom tambahan" in page.content.decode()
    assert "Keterangan" in headers()
