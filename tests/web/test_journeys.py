"""One journey per persona, as each would do their part of a Renja in a real browser: at
1366×768 (the usual government laptop) and again at 390 px (a phone), where no page may be
wider than the screen (wide tables scroll inside their own box). With RENJA_SCREENSHOTS set,
each step is photographed (docs/screenshots holds the ones we looked at)."""

from __future__ import annotations

import datetime

import pytest

from tests.web.browsing import do, log_in, open_plan, open_row, shot, switch

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def fits(page) -> None:  # type: ignore[no-untyped-def]
    """Nothing sticks out of the screen sideways: the page is as wide as the viewport, and
    no section is squeezed to nothing."""
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    squeezed = page.evaluate("""() => [...document.querySelectorAll('main section, main .panel')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width < 100)
        .map(e => e.id || e.className)""")
    assert squeezed == []


def both(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """This screen at the laptop's size and at the phone's, photographed and measured."""
    for label, size in (("1366", LAPTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        fits(page)
        shot(page, f"journey-{name}-{label}")
    page.set_viewport_size(LAPTOP)


def bkpsdm():  # type: ignore[no-untyped-def]
    from renja.web.plans.models import Plan

    return Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")


def person(username: str):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    return User.objects.get(username=username)


def test_the_planner_finds_the_deadline_fixes_a_row_and_proposes_the_plan(page):
    from playwright.sync_api import expect

    from renja.web.plans.models import Jadwal

    plan = bkpsdm()
    Jadwal.objects.create(pemda=plan.perangkat_daerah.pemda, tahun=plan.tahun,
                          tahapan=plan.tahapan, mulai=datetime.date.today(),
                          selesai=datetime.date.today() + datetime.timedelta(days=10))
    page.set_viewport_size(LAPTOP)
    log_in(page, "perencana_bkpsdm")
    deadline = (datetime.date.today() + datetime.timedelta(days=10)).strftime("%d-%m-%Y")
    expect(page.locator("#overview tbody tr").first).to_contain_text(deadline)
    both(page, "perencana-list")
    page.click("#overview >> text=Badan Kepegawaian")
    open_row(page, "#row-0-0-0-0")
    page.fill("#row-0-0-0-0 input[name=lokasi]", "Kecamatan Bangil")
    page.click("#row-0-0-0-0 button:text('Simpan')")
    expect(page.locator("#save-status")).to_contain_text("Tersimpan, versi")
    expect(page.locator("#row-0-0-0-0")).to_contain_text("Kecamatan Bangil")
    both(page, "perencana-editor")
    do(page, "propose", note="Mohon persetujuan Bapak/Ibu Kepala")
    expect(page.locator("#status")).to_have_text("Menunggu persetujuan Kepala OPD")
    expect(page.locator("button:text('Ubah')")).to_have_count(0)
    both(page, "perencana-proposed")


def test_the_head_of_the_agency_hears_of_the_draft_and_approves_it_signed(page):
    from playwright.sync_api import expect

    from renja.web.plans import actions

    plan = bkpsdm()
    actions.propose(plan, person("perencana_bkpsdm"), "Mohon persetujuan")
    page.set_viewport_size(LAPTOP)
    log_in(page, "kepala_bkpsdm")
    expect(page.locator("#bell .count")).to_have_text("1")
    page.click("#bell")
    both(page, "kepala-notifications")
    page.click("text=mengajukan Renja BKPSDM 2024 untuk Anda setujui")
    expect(page.locator("#menunggu-kepala")).to_be_visible()
    both(page, "kepala-approve")
    do(page, "submit", nama="Drs. CONTOH PEJABAT, M.Si", pangkat="Pembina Utama Muda",
       nip="197003121995031004")
    expect(page.locator("#status")).to_have_text("Diajukan ke Bappeda")
    signed = bkpsdm().renja().persetujuan
    assert (signed.penandatangan.nama, signed.tanggal) == ("Drs. CONTOH PEJABAT, M.Si",
                                                          datetime.date.today())


def test_the_verifier_filters_the_overview_comments_on_a_row_and_returns_the_plan(page):
    from playwright.sync_api import expect

    from renja.web.plans import actions

    plan = bkpsdm()
    actions.submit(plan, person("kepala_bkpsdm"))
    page.set_viewport_size(LAPTOP)
    log_in(page, "verifikator_bappeda")
    page.click("nav >> text=Verifikasi")
    page.select_option("select[name=status]", label="Diajukan ke Bappeda")
    page.click("form.filters button")
    expect(page.locator("#overview tbody tr")).to_have_count(1)
    both(page, "verifikator-overview")
    page.click("#overview >> text=Badan Kepegawaian")
    row = page.locator("#row-0-0-0-0")
    row.locator("text=Catatan").first.click()
    note = page.locator("form.row-note")
    note.locator("select[name=field]").select_option(label="Pagu 2024")
    note.locator("input[name=text]").fill("Pagu melebihi pagu indikatif ranwal")
    note.locator("button:text('Simpan catatan')").click()
    expect(page.locator("#row-0-0-0-0 .badge.catatan")).to_have_text("1 catatan")
    both(page, "verifikator-row-comment")
    do(page, "return", note="Sesuaikan pagu dengan pagu indikatif")
    expect(page.locator("#status")).to_have_text("Dikembalikan")
    expect(page.locator("#alasan-kembali")).to_contain_text("Sesuaikan pagu")


def test_the_admin_sets_a_ceiling_adds_a_head_and_sets_the_accepted_plan(page):
    from playwright.sync_api import expect

    from renja.web.plans import actions

    plan = bkpsdm()
    actions.submit(plan, person("kepala_bkpsdm"))
    verifier = person("verifikator_bappeda")
    for _ in range(3):  # rancangan → forum PD → rancangan akhir → accepted
        plan = bkpsdm()
        actions.accept(plan, verifier, note="Galat dicatat")
        if bkpsdm().status == "draf":
            actions.submit(bkpsdm(), person("kepala_bkpsdm"))
    assert bkpsdm().status == "diterima"
    page.set_viewport_size(LAPTOP)
    log_in(page, "admin_pasuruan")
    page.click("nav >> text=Admin pemda")
    ceiling = page.locator("form[action$='/pemda/pagu/']")
    ceiling.locator("select[name=perangkat_daerah]").select_option(label="DISDIK")
    ceiling.locator("input[name=tahun]").fill(str(plan.tahun))
    ceiling.locator("input[name=pagu]").fill("48.500.000.000")
    ceiling.locator("button:text('Simpan pagu')").click()
    expect(page.locator(".messages")).to_be_visible()
    users = page.locator("form[action$='/pemda/pengguna/']")
    users.locator("input[name=username]").fill("kepala_disdik")
    users.locator("input[name=nama]").fill("Kepala Dinas Pendidikan")
    users.locator("input[name=email]").fill("kepala@disdik.example")
    users.locator("select[name=role]").select_option(label="Kepala OPD")
    users.locator("select[name=perangkat_daerah]").select_option(label="DISDIK")
    users.locator("button:text('Buat pengguna')").click()
    expect(page.locator(".messages")).to_contain_text("Pengguna kepala_disdik dibuat")
    both(page, "admin-pemda")
    open_plan(page, plan.pk)
    do(page, "set", jenis="Peraturan Bupati", nomor="12", tanggal="2024-01-15",
       note="Galat dicatat Bappeda")
    expect(page.locator("#status")).to_have_text("Ditetapkan")
    both(page, "admin-set")


def test_the_public_reads_a_set_plan_on_a_laptop_and_a_phone(page):
    from playwright.sync_api import expect

    page.set_viewport_size(LAPTOP)
    page.goto(page.base + "/publik/")
    both(page, "publik-list")
    page.locator("main a[href^='/publik/']").first.click()
    expect(page.locator(".dokumen")).to_contain_text("RENCANA KERJA")
    expect(page.locator(".dokumen table").first).to_be_visible()
    both(page, "publik-plan")
    assert "Temuan" not in page.inner_text("main") and "Catatan verifikasi" not in \
        page.inner_text("main")


def test_a_year_of_realisation_reported_reviewed_and_evaluated(page, tmp_path):
    """The planner reports quarters II–IV (III from the workbook), Bappeda returns one and
    accepts it fixed, and E.81 is downloaded and opened."""
    import io

    import openpyxl
    from playwright.sync_api import expect
    from pypdf import PdfReader

    from renja.web.plans.models import Plan

    plan = Plan.objects.get(perangkat_daerah__singkatan="DISDIK", status="ditetapkan")
    page.set_viewport_size(LAPTOP)
    log_in(page, "perencana_disdik")
    page.goto(page.base + f"/renja/{plan.pk}/")
    page.click("#link-realisasi")
    expect(page.locator("#tab-1 .badge")).to_have_text("Diterima")
    expect(page.locator("#tab-2")).to_have_attribute("aria-current", "page")
    inputs = page.locator("#realisasi input[name^=r]")
    first = inputs.first
    first.fill("tiga")
    page.click("button:text('Simpan realisasi triwulan II')")
    expect(page.locator("#realisasi-error")).to_contain_text("'tiga' bukan angka")
    expect(first).to_have_value("tiga")  # what was typed stays
    first.fill("3")
    page.fill("textarea[name=faktor_penghambat]", "Guru pelatih berhalangan")
    page.click("button:text('Simpan realisasi triwulan II')")
    expect(page.locator(".messages")).to_contain_text("Realisasi triwulan II tersimpan")
    both(page, "realisasi-grid")
    page.click("button:text('Ajukan laporan triwulan II ke Bappeda')")
    expect(page.locator("#tab-2 .badge")).to_have_text("Diajukan ke Bappeda")

    # quarter III from the workbook
    page.click("#tab-3")
    with page.expect_download() as got:
        page.click("text=templat realisasi (XLSX)")
    assert got.value.suggested_filename == "realisasi-DISDIK-2024.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(got.value.path().read_bytes()))
    sheet = book.active
    filled = 0
    for row in sheet.iter_rows(min_row=4):
        if row[2].value:  # an indicator: triwulan III
            row[7].value = 2
            filled += 1
        if row[9].value:  # a sub kegiatan's pagu: its money in triwulan III
            row[12].value = 1_000_000
            filled += 1
    path = tmp_path / "realisasi-tw3.xlsx"
    book.save(path)
    page.set_input_files("input[name=file]", str(path))
    page.click("button:text('Unggah realisasi')")
    expect(page.locator(".messages")).to_contain_text(f"realisasi-tw3.xlsx: {filled} nilai diisi")
    expect(page.locator("#realisasi input[name^=r]").first).to_have_value("2")

    # quarter IV in the grid, one indicator weighted double
    page.click("#tab-4")
    page.locator("#realisasi input[name^=r]").first.fill("4")
    page.locator("#realisasi input[name^=w]").first.fill("2")
    page.click("button:text('Simpan realisasi triwulan IV')")
    expect(page.locator(".messages")).to_contain_text("Realisasi triwulan IV tersimpan")
    expect(page.locator("#realisasi input[name^=w]").first).to_have_value("2")

    switch(page, "verifikator_bappeda")
    page.goto(page.base + f"/renja/{plan.pk}/realisasi/?tw=2")
    page.fill("form.action-kembalikan input[name=note]", "Lampirkan bukti kegiatan TW II")
    page.click("form.action-kembalikan button")
    expect(page.locator("#tab-2 .badge")).to_have_text("Dikembalikan")

    switch(page, "perencana_disdik")
    expect(page.locator("#bell .count")).to_have_text("1")
    page.click("#bell")
    page.click("text=mengembalikan laporan realisasi triwulan II")
    expect(page.locator("#alasan-kembali")).to_contain_text("Lampirkan bukti kegiatan TW II")
    page.fill("textarea[name=faktor_pendorong]", "Bukti kegiatan dilampirkan")
    page.click("button:text('Simpan realisasi triwulan II')")
    page.click("button:text('Ajukan laporan triwulan II ke Bappeda')")

    switch(page, "verifikator_bappeda")
    page.goto(page.base + f"/renja/{plan.pk}/realisasi/?tw=2")
    page.click("button:text('Terima laporan triwulan II')")
    expect(page.locator("#tab-2 .badge")).to_have_text("Diterima")
    page.click("#tab-3")
    with page.expect_download() as got:
        page.click("a:text('PDF')")
    text = "\n".join(p.extract_text() for p in PdfReader(got.value.path()).pages)
    assert "Evaluasi terhadap Hasil Renja" in text and "s/d Triwulan III" in text
    with page.expect_download() as got:
        page.click("a:text('XLSX')")
    e81 = openpyxl.load_workbook(io.BytesIO(got.value.path().read_bytes()),
                                 data_only=True)["E.81"]
    assert e81["A2"].value.endswith("s/d Triwulan III")
    both(page, "verifikator-realisasi")

    # the dashboards: Bappeda's of the pemda, then the agency's, then the public's
    page.click("header >> text=Dasbor")
    page.select_option("select[name=tw]", "3")
    page.click("button:text('Tampilkan')")
    row = page.locator("#tabel-pemda tr", has_text="Dinas Pendidikan")
    expect(row).to_contain_text("Draf")  # TW III was imported, not yet sent
    serapan = row.locator("td").nth(3).inner_text()
    assert serapan.endswith("%") and serapan != "-"
    both(page, "dasbor-pemda")
    row.locator("a", has_text="Dinas Pendidikan").click()
    expect(page.locator("h1")).to_have_text("Dasbor realisasi Renja Dinas Pendidikan Tahun 2024")
    expect(page.locator("#kpi-serapan")).to_have_text(serapan)
    realised = page.locator("#grafik-serapan .serie-1 rect")
    expect(realised).to_have_count(3)  # TW I–III spent, TW IV not reported
    assert all(realised.nth(i).bounding_box()["height"] > 0 for i in range(3))
    expect(page.locator("#tabel-serapan tr", has_text="s/d TW IV")).to_contain_text(
        "belum dilaporkan")
    with page.expect_download() as got:
        page.locator("#grafik-serapan figcaption a", has_text="PNG").click()
    assert got.value.suggested_filename == "serapan-DISDIK-2024-tw3.png"
    assert got.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    both(page, "dasbor-opd")

    page.context.clear_cookies()
    page.goto(page.base + f"/publik/{plan.pk}/")
    expect(page.locator("#realisasi-publik h2").first).to_have_text(
        "Realisasi s/d triwulan II")  # III is not accepted yet
    expect(page.locator("#realisasi-publik #grafik-serapan svg")).to_be_visible()
    both(page, "publik-realisasi")


def test_the_planner_uploads_the_renstra_fixes_a_row_and_the_plan_is_checked_against_it(
        page, tmp_path):
    """The agency's Renstra from its workbook, one amount mistyped and fixed in the row form,
    and the plan's findings that compare it with the Renstra."""
    from playwright.sync_api import expect

    from tests.web.test_renstra import workbook

    plan = bkpsdm()
    path = tmp_path / "renstra-bkpsdm.xlsx"
    path.write_bytes(workbook(plan))
    page.set_viewport_size(LAPTOP)
    log_in(page, "perencana_bkpsdm")
    page.click("header >> text=Renstra")
    page.set_input_files("#unggah-renstra input[name=file]", str(path))
    page.click("button:text('Unggah Renstra')")
    expect(page.locator(".messages")).to_contain_text(
        "renstra-bkpsdm.xlsx: T-C.27 Badan Kepegawaian")
    expect(page.locator("h1")).to_contain_text("2024–2028")
    both(page, "renstra-tabel")
    page.locator("#baris-0 a", has_text="Ubah").click()
    page.fill("input[name=pagu_1]", "satu juta")
    page.click("button:text('Simpan baris')")
    expect(page.locator("#renstra-error")).to_have_text("Rp 2024: 'satu juta' bukan angka")
    expect(page.locator("input[name=pagu_1]")).to_have_value("satu juta")
    both(page, "renstra-baris")
    page.fill("input[name=pagu_1]", "2.000.000")
    page.click("button:text('Simpan baris')")
    expect(page.locator(".messages")).to_contain_text("tersimpan")
    expect(page.locator("#baris-0")).to_contain_text("2.000.000")
    open_plan(page, plan.pk)
    expect(page.locator(".findings")).to_contain_text(
        "berbeda dari Renstra 2.000.000 tanpa catatan di T-C.31 atau T-C.33")


def test_the_verifier_compiles_the_rkpd_and_follows_a_duplicated_sub_kegiatan(page, tmp_path):
    """Bappeda's pemda view: the admin sets a ceiling for one sumber dana; the verifier opens
    the RKPD of all agencies, sees the agency over its ceiling and the sub kegiatan two
    agencies plan, follows the link to the row, and downloads the workbook."""
    import openpyxl
    from playwright.sync_api import expect

    page.set_viewport_size(LAPTOP)
    log_in(page, "admin_pasuruan")
    page.click("nav >> text=Admin pemda")
    ceiling = page.locator("form[action$='/pemda/pagu/']")
    ceiling.locator("select[name=perangkat_daerah]").select_option(label="DINKES")
    ceiling.locator("input[name=tahun]").fill("2024")
    ceiling.locator("input[name=pagu]").fill("10.000.000.000")
    ceiling.locator("input[name=sumber_dana]").fill("APBD")
    ceiling.locator("button:text('Simpan pagu')").click()
    expect(page.locator(".messages")).to_contain_text(
        "Pagu DINKES 2024 sumber dana APBD: Rp 10.000.000.000.")
    switch(page, "verifikator_bappeda")
    page.click("nav >> text=RKPD")
    expect(page.locator("h1")).to_have_text("RKPD Kabupaten Pasuruan Tahun 2024")
    over = page.locator("#tabel-pagu tr.over")
    expect(over).to_have_count(2)
    expect(over.nth(0)).to_contain_text("Dinas Kesehatan")
    expect(over.nth(0)).to_contain_text("APBD")
    expect(over.nth(1)).to_contain_text("Dinas Lingkungan Hidup")
    expect(over.nth(1)).to_contain_text("melebihi pagu")
    expect(page.locator("#jumlah-melebihi")).to_have_text("2")
    expect(page.locator("#temuan-pemda [data-rule=P004]")).to_contain_text(
        "DINKES: sumber dana APBD Rp 16.944.000.000 melebihi pagu Rp 10.000.000.000")
    duplicate = page.locator("#temuan-pemda [data-rule=P001]")
    expect(duplicate).to_have_count(1)
    expect(duplicate).to_contain_text("direncanakan oleh 2 perangkat daerah: DINKES, RSUD")
    kode = duplicate.inner_text().split()[2]
    expect(page.locator("#tabel-rkpd tr.flagged")).to_have_count(2)
    both(page, "rkpd")
    with page.expect_download() as download:
        page.click("#rkpd-unduh >> text=XLSX")
    path = tmp_path / "rkpd.xlsx"
    download.value.save_as(path)
    sheet = openpyxl.load_workbook(path, data_only=True)["RKPD"]
    shown = page.locator("#total-rkpd").inner_text().removeprefix("Rp ").replace(".", "")
    assert sheet.cell(sheet.max_row, 6).value == int(shown)
    duplicate.locator("a.row-link").click()
    page.wait_for_selector("#siklus")
    target = page.locator("#tc33 tr:target")
    expect(target).to_be_visible()
    expect(target).to_contain_text(kode)
    expect(page.locator("h1")).to_contain_text("Rumah Sakit Umum Daerah Bangil")
    both(page, "rkpd-baris")


def test_the_planner_moves_a_plan_to_a_newer_nomenclature_row_by_row(page, tmp_path,
                                                                     monkeypatch):
    """A newer version in the catalogue: the planner reviews the proposals of a plan written
    against the 2021 list, accepts a renamed row, picks a candidate for a removed one, and a
    page left open after that is refused with a message, nothing changed."""
    from playwright.sync_api import expect

    from renja.nomenklatur import default_catalogue
    from renja.web.accounts.models import PerangkatDaerah
    from renja.web.plans.models import Plan
    from tests.nomenklatur.later import later_catalogue, plan_2021

    later_catalogue(tmp_path)
    monkeypatch.setenv("RENJA_NOMENKLATUR", str(tmp_path / "katalog"))
    default_catalogue.cache_clear()
    try:
        plan = Plan.create_from(plan_2021(), tahapan="rancangan",
                                perangkat_daerah=PerangkatDaerah.objects.get(singkatan="BKPSDM"))
        page.set_viewport_size(LAPTOP)
        log_in(page, "perencana_bkpsdm")
        open_plan(page, plan.pk)
        page.click("text=Nomenklatur")
        expect(page.locator("#ringkasan-migrasi")).to_contain_text(
            "7 baris perlu ditinjau; 6 baris tetap.")
        both(page, "nomenklatur")
        renamed = page.locator("#usulan-0-1-0-0")
        expect(renamed).to_contain_text("ganti nama")
        other = page.context.browser.new_context()  # the same page open on another laptop
        stale = other.new_page()
        stale.base = page.base
        log_in(stale, "perencana_bkpsdm")
        stale.goto(page.url)
        renamed.locator("button:text('Terima')").click()
        expect(page.locator(".messages")).to_contain_text(
            "5.03.02.2.01.0002 dipindahkan ke 5.03.02.2.01.0002.")
        expect(page.locator("#ringkasan-migrasi")).to_contain_text("6 baris perlu ditinjau")
        removed = page.locator("#usulan-0-1-0-5")
        removed.locator("select[name=kode_baru]").select_option("5.03.02.2.01.0014")
        removed.locator("button:text('Terima')").click()
        expect(page.locator(".messages")).to_contain_text(
            "5.03.02.2.01.0007 dipindahkan ke 5.03.02.2.01.0014.")
        stale.locator("#usulan-0-1-0-1 button:text('Terima')").click()
        expect(stale.locator("#galat-migrasi")).to_contain_text("perubahan Anda tidak disimpan")
        other.close()
        codes = [n.kode for n in Plan.objects.get(pk=plan.pk).renja().rencana.walk()
                 if n.level == "sub_kegiatan"]
        assert "5.03.02.2.01.0003" in codes and "5.03.02.2.01.0007" not in codes
        page.goto(page.base + f"/renja/{plan.pk}/audit/")
        expect(page.locator("main")).to_contain_text("5.03.02.2.01.0014")
    finally:
        default_catalogue.cache_clear()


def test_bappeda_makes_every_agencys_document_in_the_background_and_a_bad_zip_fails_whole(
        page, tmp_path):
    """The verifier starts the pemda's documents as a job, follows its progress bar to the
    download; the admin imports a ZIP with one unreadable document and reads why nothing was
    saved."""
    import io
    import zipfile

    from playwright.sync_api import expect

    from renja.web.plans.models import Plan

    page.set_viewport_size(LAPTOP)
    log_in(page, "verifikator_bappeda")
    page.click("nav >> text=Pekerjaan")
    expect(page.locator("#mulai-ekspor")).to_have_count(0)  # the admin's, not the verifier's
    form = page.locator("#mulai-dokumen form")
    form.locator("select[name=tahun]").select_option("2024")
    form.locator("select[name=format]").select_option("pdf")
    form.locator("button").click()
    expect(page.locator("h1")).to_have_text("Dokumen Renja seluruh perangkat daerah")
    expect(page.locator("#job-progress")).to_be_visible()
    shot(page, "journey-pekerjaan-berjalan-1366")
    expect(page.locator("#job-label")).to_have_text("Selesai", timeout=120_000)
    expect(page.locator("#job-count")).to_have_text("6 dari 6")
    assert page.locator("#job-progress").get_attribute("value") in ("100", None) or \
        page.evaluate("document.getElementById('job-progress').value") == 100
    expect(page.locator("#job-result")).to_contain_text(
        "6 dokumen Renja (PDF) dan tabel RKPD tahun 2024.")
    both(page, "pekerjaan-selesai")
    with page.expect_download() as download:
        page.click("#job-result >> text=Unduh hasil")
    path = tmp_path / "dokumen.zip"
    download.value.save_as(path)
    names = zipfile.ZipFile(path).namelist()
    assert len(names) == 7 and "renja-2024-bkpsdm.pdf" in names
    assert zipfile.ZipFile(path).read("renja-2024-bkpsdm.pdf").startswith(b"%PDF")

    switch(page, "admin_pasuruan")
    page.click("nav >> text=Pekerjaan")
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as made:
        good = Plan.objects.get(perangkat_daerah__singkatan="DINKES").renja()
        good.tahun = 2026
        made.writestr("dinkes.json", good.model_dump_json())
        made.writestr("rusak.xlsx", b"bukan buku kerja")
    upload = tmp_path / "renja-2026.zip"
    upload.write_bytes(bundle.getvalue())
    before = Plan.objects.count()
    page.locator("#mulai-impor-zip input[type=file]").set_input_files(str(upload))
    page.locator("#mulai-impor-zip button").click()
    expect(page.locator("#job-label")).to_have_text("Gagal", timeout=60_000)
    expect(page.locator("#job-result .error-box")).to_have_text(
        "Gagal: renja-2026.zip:rusak.xlsx: bukan buku kerja XLSX yang dapat dibaca (rusak, "
        "atau format lain yang dinamai .xlsx). Tidak ada yang disimpan.")
    both(page, "pekerjaan-gagal")
    assert Plan.objects.count() == before
    page.click("text=← Semua pekerjaan")
    expect(page.locator("#daftar-pekerjaan tr.job-gagal")).to_have_count(1)
    expect(page.locator("#daftar-pekerjaan tr.job-selesai")).to_have_count(1)
    both(page, "pekerjaan-daftar")
