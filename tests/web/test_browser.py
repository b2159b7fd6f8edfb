"""The main journeys in a real browser: Debian's chromium driven by Playwright.

Run with `pytest -m browser` (make test does); needs /usr/bin/chromium (apt-get install chromium).
"""

from __future__ import annotations

import pytest

from tests.web.browsing import (
    EXAMPLE,
    do,
    hand_over,
    log_in,
    open_plan,
    open_row,
    shot,
    switch,
)

pytestmark = pytest.mark.browser


def test_a_planner_imports_fixes_a_pagu_and_exports(page):
    from playwright.sync_api import expect

    log_in(page, "perencana_bkpsdm")
    page.click("text=Impor")
    page.set_input_files("input[type=file]", str(EXAMPLE))
    page.click("text=Unggah dan periksa")
    page.wait_for_selector("text=Pratinjau impor")
    assert "3 program, 12 kegiatan, 42 sub kegiatan" in page.content()
    assert page.locator(".finding").count() > 50
    shot(page, "import-preview")
    page.click("button:text('Simpan')")
    page.wait_for_selector("#tc33")
    assert page.locator("#findings .finding[data-rule='T001']").count() == 1

    total_before = page.inner_text("#total-n")
    row = "#row-0-0-0-0"
    open_row(page, f"{row}")
    page.fill("input[name=belanja_barang_jasa_n]", "10.058.600")
    # before saving, the rows above and the total follow what is typed
    expect(page.locator("#row-0-0-0-pagu-n")).to_have_text("23.382.600")
    expect(page.locator("#total-n")).to_have_text("22.146.310.718")
    assert page.locator("#total-n.pending").count() == 1
    page.click("button:text('Simpan')")
    expect(page.locator("#total-n")).not_to_have_text(total_before)
    assert page.inner_text("#total-n") == "22.146.310.718"
    assert page.inner_text(f"{row} td[data-field=pagu_n]") == "10.058.600"
    assert page.inner_text("#row-0-0-0 td[data-field=pagu_n]") == "23.382.600"

    open_row(page, "#row-0-1-0-0")
    page.fill("input[name='ind-0-target_n1']", "1 dok")
    page.click("button:text('Simpan')")
    expect(page.locator("#findings [data-rule='T001']")).to_have_count(0)
    shot(page, "editor")

    with page.expect_download() as pdf:
        page.click("text=PDF")
    assert pdf.value.suggested_filename == "renja-BKPSDM-2024.pdf"
    with page.expect_download() as xlsx:
        page.click("text=XLSX")
    assert xlsx.value.suggested_filename == "renja-BKPSDM-2024.xlsx"


def test_a_planner_cannot_open_another_agencys_plan(page):
    from renja.web.plans.models import Plan

    other = Plan.objects.get(perangkat_daerah__singkatan="DINKES")
    log_in(page, "perencana_bkpsdm")
    response = page.goto(page.base + f"/renja/{other.pk}/")
    assert response is not None and response.status == 404
    page.goto(page.base + "/renja/")
    assert "Dinas Kesehatan" not in page.content()


def test_the_whole_planning_cycle_in_the_browser(page):
    from playwright.sync_api import expect

    from renja.web.plans.models import Plan

    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    hand_over(page, plan.pk, nip="197003121995032004")

    switch(page, "verifikator_bappeda")
    open_plan(page, plan.pk)
    for kode, text in (("5.03.01.2.09.0009", "Target 174 unit tidak sesuai T-C.31"),
                       ("5.03.02.2.01.0002", "Target 'Idok' tidak terbaca")):
        page.fill("#new-comment [name=kode]", kode)
        page.fill("#new-comment [name=text]", text)
        page.click("#new-comment button[type=submit]")
        page.wait_for_selector(f".comment[data-kode='{kode}']")
    do(page, "return", note="Perbaiki dua catatan")
    expect(page.locator("#status")).to_have_text("Dikembalikan")

    switch(page, "perencana_bkpsdm")
    open_plan(page, plan.pk)
    reply = page.locator(".comment[data-kode='5.03.02.2.01.0002'] form").first
    reply.locator("[name=text]").fill("Sudah diperbaiki menjadi 1 dok")
    reply.locator("button").click()
    page.wait_for_selector("text=Sudah diperbaiki menjadi 1 dok")
    open_row(page, "#row-0-1-0-0")
    page.fill("input[name='ind-0-target_n1']", "1 dok")
    page.click("button:text('Simpan')")
    expect(page.locator("#findings [data-rule='T001']")).to_have_count(0)
    hand_over(page, plan.pk)

    switch(page, "verifikator_bappeda")
    open_plan(page, plan.pk)
    for _ in range(2):
        page.locator(".comment form[action$='/selesai/']").first.locator("button").click()
        page.wait_for_load_state()
    # the plan still has errors: the count is shown and a note is asked for
    import re

    errors = plan.__class__.objects.get(pk=plan.pk).n_errors
    assert errors > 0
    expect(page.locator("form.action-accept .badge.error")).to_have_text(
        re.compile(f"masih {errors} galat"))
    do(page, "accept", note="Galat dicatat untuk RKA")
    expect(page.locator("#tahapan")).to_have_text("Forum Perangkat Daerah")
    for _ in range(2):  # forum PD, then the rancangan akhir
        hand_over(page, plan.pk)
        switch(page, "verifikator_bappeda")
        open_plan(page, plan.pk)
        do(page, "accept", note="Galat dicatat")
    expect(page.locator("#status")).to_have_text("Diterima")

    switch(page, "admin_pasuruan")
    open_plan(page, plan.pk)
    do(page, "set", jenis="Peraturan Bupati", nomor="147", tanggal="2023-08-02",
       note="Galat dicatat Bappeda")
    expect(page.locator("#status")).to_have_text("Ditetapkan")

    switch(page, "perencana_bkpsdm")
    open_plan(page, plan.pk)
    assert page.locator("button:text('Ubah')").count() == 0
    version = Plan.objects.get(pk=plan.pk).version
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    refused = page.request.patch(page.base + f"/api/plans/{plan.pk}", data={
        "path": "0.0.0.0", "field": "lokasi", "value": "X", "version": version},
        headers={"X-CSRFToken": token, "Referer": page.base + "/"})
    assert refused.status == 403
    assert Plan.objects.get(pk=plan.pk).version == version

    switch(page, None)
    page.goto(page.base + "/publik/")
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" in page.content()

    switch(page, "admin_pasuruan")
    open_plan(page, plan.pk)
    do(page, "perubahan", note="APBD perubahan")
    expect(page.locator("h1")).to_contain_text("(perubahan 1)")
    revision = Plan.objects.get(perangkat_daerah=plan.perangkat_daerah, revisi=1)

    switch(page, "perencana_bkpsdm")
    open_plan(page, revision.pk)
    open_row(page, "#row-0-0-0-0")
    page.fill("input[name=lokasi]", "Bangil")
    page.click("button:text('Simpan')")
    page.wait_for_selector("#row-0-0-0-0 >> text=Bangil")
    page.goto(page.base + f"/renja/{revision.pk}/versi/1/kini/")
    assert "<td>Lokasi</td><td>Pas</td><td>Bangil</td>" in page.content()
    shot(page, "version-diff")


def test_a_refused_save_is_explained_at_the_row_and_keeps_what_was_typed(page, settings):
    from django.contrib.auth.models import User
    from playwright.sync_api import expect

    from renja.edit import set_value
    from renja.web.plans.actions import change_plan
    from renja.web.plans.models import Plan

    log_in(page, "perencana_bkpsdm")
    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    page.goto(f"{page.base}/renja/{plan.pk}/")
    row = "#row-0-0-0-0"
    open_row(page, f"{row}")
    page.fill("input[name=belanja_barang_jasa_n]", "12,3,4")
    page.click("button:text('Simpan')")
    alert = page.locator(f"{row} .save-error")
    expect(alert).to_contain_text("bukan angka")
    expect(page.locator("input[name=belanja_barang_jasa_n]")).to_have_value("12,3,4")

    # someone else saves the plan meanwhile: the second save is refused, at the row
    change_plan(plan.pk, User.objects.get(username="perencana_bkpsdm"),
                lambda renja: set_value(renja, "0.0.0.1", "lokasi", "Bangil"), plan.version)
    page.fill("input[name=belanja_barang_jasa_n]", "10.000.000")
    page.fill("input[name=lokasi]", "Pandaan")
    page.click("button:text('Simpan')")
    expect(alert).to_contain_text("sudah diubah oleh Perencana BKPSDM (sekarang versi "
                                  f"{plan.version + 1})")
    expect(page.locator("input[name=lokasi]")).to_have_value("Pandaan")
    expect(page.locator("input[name=belanja_barang_jasa_n]")).to_have_value("10.000.000")
    shot(page, "editor-refused-save")

    # the server fails, then the connection: said at the form, the typed values stay
    page.route("**/simpan/", lambda route: route.fulfill(status=500, body="boom"))
    page.click("button:text('Simpan')")
    expect(alert).to_contain_text("Tidak tersimpan: terjadi kesalahan di server (kode 500)")
    page.unroute("**/simpan/")
    page.route("**/simpan/", lambda route: route.abort())
    page.click("button:text('Simpan')")
    expect(alert).to_contain_text("Tidak tersimpan: server tidak dapat dihubungi")
    expect(page.locator("input[name=lokasi]")).to_have_value("Pandaan")
    page.unroute("**/simpan/")

    # the server is beyond capacity: told at once to try again, the typed values stay
    from renja.web import busy

    settings.RENJA_MAX_WORKING, settings.RENJA_BUSY_WAIT = 1, 0.2
    turn = busy.turns()
    assert turn.acquire(timeout=5)  # another request is working
    try:
        page.click("button:text('Simpan')")
        expect(alert).to_have_text("Tidak tersimpan: server sedang sibuk melayani banyak "
                                   "pengguna. Nilai yang Anda ketik masih ada; coba Simpan lagi "
                                   "dalam 5 detik.")
        expect(page.locator("input[name=lokasi]")).to_have_value("Pandaan")
        shot(page, "editor-busy")
    finally:
        turn.release()

    # saving again on top of the newer version works; the page stays at the row and says so
    page.click("button:text('Simpan')")
    expect(page.locator(f"{row} td").nth(3)).to_have_text("Pandaan")
    assert Plan.objects.get(pk=plan.pk).version == plan.version + 2
    expect(page.locator("#save-status")).to_have_text(f"Tersimpan, versi {plan.version + 2}")
    expect(page.locator(f"{row}.just-saved")).to_have_count(1)
    expect(page.locator(row)).to_be_in_viewport()


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_rows_saved_one_after_another_show_their_sums_and_findings_and_stay_saveable(page, size):
    """Saves after the first are answered with the rows they changed only: what the page shows
    must still be the plan as saved, and every button and open form must send its version."""
    from playwright.sync_api import expect

    from renja.numbers import format_rupiah
    from renja.web.plans.models import Plan

    def shown_as_stored() -> None:
        renja = Plan.objects.get(pk=plan.pk).renja()
        total = renja.rencana.total
        expect(page.locator("#total-n")).to_have_text(format_rupiah(total.pagu_n))
        expect(page.locator("#total-n1")).to_have_text(format_rupiah(total.pagu_n1))
        for path in ("0", "0.0", "0.0.0", "0.1.0"):
            node = renja.rencana.rows[0]
            for index in path.split(".")[1:]:
                node = node.children[int(index)]
            cell = page.locator(f"#row-{path.replace('.', '-')} td[data-field=pagu_n]")
            expect(cell).to_have_text(format_rupiah(node.pagu_n))

    page.set_viewport_size({"width": size[0], "height": size[1]})
    log_in(page, "perencana_bkpsdm")
    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    page.goto(f"{page.base}/renja/{plan.pk}/")
    open_row(page, "#row-0-0-0-0")
    page.fill("input[name=belanja_barang_jasa_n]", "10.058.600")
    page.click("button:text('Simpan')")
    expect(page.locator("#save-status")).to_have_text(f"Tersimpan, versi {plan.version + 1}")

    row = "#row-0-1-0-0"  # target n+1 printed 'Idok': flagged by T001
    expect(page.locator(f"{row}.flagged")).to_have_count(1)
    open_row(page, row)
    page.fill("input[name='ind-0-target_n1']", "1 dok")
    page.click("button:text('Simpan')")
    expect(page.locator("#save-status")).to_have_text(f"Tersimpan, versi {plan.version + 2}")
    expect(page.locator(f"{row} td").nth(7)).to_have_text("1 dok")
    expect(page.locator(f"{row}.flagged")).to_have_count(0)
    expect(page.locator("#findings [data-rule='T001']")).to_have_count(0)
    expect(page.locator("#plan-version-label")).to_have_text(f"Versi {plan.version + 2}")
    expect(page.locator("tr.editing")).to_have_count(0)
    shown_as_stored()
    shot(page, f"editor-row-saved-{size[0]}")

    # a form opened before another row's save is saved on top of it, not refused
    open_row(page, "#row-0-0-0-0")
    page.fill("input[name=lokasi]", "Bangil")
    page.fill("input[name=belanja_barang_jasa_n]", "2.000.000")
    page.click("button:text('Simpan')")
    expect(page.locator("#row-0-0-0-0 td").nth(3)).to_have_text("Bangil")
    expect(page.locator(".save-error")).to_have_count(0)
    expect(page.locator("#save-status")).to_have_text(f"Tersimpan, versi {plan.version + 3}")
    expect(page.locator("#row-0-0-0-0 td[data-field=pagu_n]")).to_have_text("2.000.000")
    shown_as_stored()

    # removing a row sends the version the page shows
    kode = page.locator("#row-0-0-0-1 td").first.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#row-0-0-0-1 >> text=Hapus")
    expect(page.locator("#tc33 td", has_text=kode)).to_have_count(0)
    expect(page.locator(".error-box")).to_have_count(0)
    assert Plan.objects.get(pk=plan.pk).version == plan.version + 4
    shown_as_stored()


def test_a_save_never_replaces_another_rows_open_form(page):
    """A row a save's answer names (as when a finding on it comes or goes) keeps its open form
    and what was typed there."""
    from playwright.sync_api import expect

    from renja.web.plans.models import Plan

    log_in(page, "perencana_bkpsdm")
    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    page.goto(f"{page.base}/renja/{plan.pk}/")
    open_row(page, "#row-0-0-0-0")  # the first save rolls the example's sums up
    page.fill("input[name=lokasi]", "Bangil")
    page.click("button:text('Simpan')")
    expect(page.locator("#save-status")).to_have_text(f"Tersimpan, versi {plan.version + 1}")

    open_row(page, "#row-0-0-0-1")
    page.fill("#row-0-0-0-1 input[name=lokasi]", "Pandaan")
    open_row(page, "#row-0-0-0-0")
    page.fill("#row-0-0-0-0 input[name=lokasi]", "Gempol")

    def naming_the_other_row(route):  # type: ignore[no-untyped-def]
        answer = route.fetch()
        route.fulfill(response=answer, body=answer.text() + (
            '<template><tr id="row-0-0-0-1" hx-swap-oob="true"><td>lain</td></tr></template>'))

    page.route("**/baris/0.0.0.0/simpan/", naming_the_other_row)
    page.click("#row-0-0-0-0 button:text('Simpan')")
    expect(page.locator("#row-0-0-0-0 td").nth(3)).to_have_text("Gempol")
    expect(page.locator("#row-0-0-0-1 input[name=lokasi]")).to_have_value("Pandaan")
    page.unroute("**/baris/0.0.0.0/simpan/")
    page.click("#row-0-0-0-1 button:text('Simpan')")
    expect(page.locator("#row-0-0-0-1 td").nth(3)).to_have_text("Pandaan")
    expect(page.locator("#save-status")).to_have_text(f"Tersimpan, versi {plan.version + 3}")


def test_the_api_documentation_works_under_the_apps_content_security_policy(page):
    from playwright.sync_api import expect

    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(page.base + "/api/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("renja API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert blocked == []


def test_the_rows_found_by_tambah_can_be_read_and_added(page):
    from playwright.sync_api import expect

    log_in(page, "perencana_bkpsdm")
    page.click("text=Badan Kepegawaian")
    page.click("#row-0-0-0 >> text=Tambah")
    page.fill("input[name=q]", "rapat koordinasi")
    option = page.locator("ul.options button").first
    expect(option).to_be_visible()
    color, background = option.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e.closest('td')).backgroundColor]")
    assert color == "rgb(18, 58, 99)" and color != background
    added = option.inner_text()
    option.click()
    expect(page.locator("#tc33")).to_contain_text(added.split(" ", 1)[1])


def test_a_row_is_edited_with_the_keyboard_only(page):
    from playwright.sync_api import expect

    log_in(page, "perencana_bkpsdm")
    page.click("text=Badan Kepegawaian")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    row = "#row-0-0-0-0"
    page.locator(f"{row} >> text=Ubah").focus()
    page.keyboard.press("Enter")
    expect(page.locator("input[name=lokasi]")).to_be_focused()  # the form takes the focus
    page.keyboard.press("Escape")
    expect(page.locator(f"{row}.editing")).to_have_count(0)
    page.locator(f"{row} >> text=Ubah").focus()
    page.keyboard.press("Enter")
    expect(page.locator("input[name=lokasi]")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Bangil")
    page.keyboard.press("Enter")  # Enter in a field submits the form
    expect(page.locator(f"{row} td").nth(3)).to_have_text("Bangil")
    expect(page.locator(f"{row} button").first).to_be_focused()  # back on the row


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_on_a_laptop_and_a_phone_ubah_is_reachable_and_the_form_fits(page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    log_in(page, "perencana_bkpsdm")
    page.click("text=Badan Kepegawaian")
    row = "#row-0-0-0-0"
    button = page.locator(f"{row} >> text=Ubah")
    box = button.bounding_box()
    assert box is not None and box["x"] + box["width"] <= size[0]  # in sight, not off the right
    open_row(page, row)
    form = page.locator(f"{row}.editing form").bounding_box()
    assert form is not None and form["x"] >= 0 and form["x"] + form["width"] <= size[0]
    shot(page, f"editor-form-{size[0]}")


def test_a_finding_brings_its_row_into_view_and_marks_it(page):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, "perencana_bkpsdm")
    page.click("text=Badan Kepegawaian")
    link = page.locator("#findings a[href^='#row-']").last
    target = link.get_attribute("href")
    link.click()
    row = page.locator(target)
    expect(row).to_be_in_viewport()
    assert row.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor") == \
        "rgb(255, 244, 194)"


def test_an_empty_plan_gets_its_first_program_in_the_browser(page):
    from django.contrib.auth.models import User
    from playwright.sync_api import expect

    from renja.web.accounts.models import PerangkatDaerah
    from renja.web.plans.actions import admin as admin_actions

    admin_user = User.objects.get(username="admin_pasuruan")
    bkpsdm = PerangkatDaerah.objects.get(singkatan="BKPSDM")
    plan = admin_actions.open_year(admin_user, bkpsdm.pk, "2025", "kosong")
    log_in(page, "perencana_bkpsdm")
    page.goto(f"{page.base}/renja/{plan.pk}/")
    expect(page.locator("#editor")).to_contain_text("Renja ini belum berisi program.")
    page.click("text=Tambah program")
    page.fill("#program-adding input[name=q]", "kepegawaian")
    option = page.locator("#program-results button", has_text="5.03.02 PROGRAM KEPEGAWAIAN")
    expect(option).to_be_visible()
    option.click()
    expect(page.locator("#tc33")).to_contain_text("PROGRAM KEPEGAWAIAN DAERAH")
    expect(page.locator("#editor")).not_to_contain_text("Renja ini belum berisi program.")
    shot(page, "web-first-program")


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_a_verifier_comments_from_the_row_and_the_list_leads_back(page, size):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": size[0], "height": size[1]})
    log_in(page, "verifikator_bappeda")
    page.goto(page.base + "/renja/")
    page.click("text=Badan Kepegawaian")
    row = page.locator("#tc33 tr", has_text="5.03.01.2.01.0001")
    row.get_by_role("button", name="Catatan").click()
    form = page.locator("form.row-note")
    expect(form).to_be_visible()
    form.locator("select[name=field]").select_option(label="Pagu 2024")
    form.locator("input[name=text]").fill("Pagu tidak sesuai KUA-PPAS")
    form.get_by_role("button", name="Simpan catatan").click()
    row = page.locator("#tc33 tr", has_text="5.03.01.2.01.0001")
    expect(row.locator(".badge.catatan")).to_have_text("1 catatan")
    expect(row).to_be_in_viewport()
    note = page.locator(".comment", has_text="Pagu tidak sesuai KUA-PPAS")
    expect(note).to_contain_text("Pagu 2024")
    shot(page, f"web-row-comment-{size[0]}")
    note.get_by_role("link", name="5.03.01.2.01.0001").click()
    expect(row).to_be_in_viewport()


def test_the_header_and_the_kode_column_stay_in_sight_while_t_c_33_scrolls(page):
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, "perencana_bkpsdm")
    page.click("text=Badan Kepegawaian")
    box = page.locator("#tc33-box")
    box.evaluate("e => { e.scrollTop = 1500; e.scrollLeft = 600; }")
    page.wait_for_timeout(100)
    top = box.bounding_box()
    header = page.locator("#tc33 thead th").first.bounding_box()
    assert abs(header["y"] - top["y"]) < 2  # the header row at the top of the box
    visible = page.evaluate("""() => {
        const box = document.querySelector('#tc33-box').getBoundingClientRect();
        const row = [...document.querySelectorAll('#tc33 tbody tr')].find(r => {
            const b = r.getBoundingClientRect();
            return b.top > box.top + 60 && b.bottom < box.bottom; });
        const [kode, nama, third] = [...row.children].map(c => c.getBoundingClientRect());
        return {box: box.left, kode: kode.left, nama: nama.left, third: third.left,
                text: row.children[0].innerText};
    }""")
    assert abs(visible["kode"] - visible["box"]) < 2 and visible["text"]
    assert visible["nama"] > visible["kode"] and visible["third"] < visible["nama"]
    shot(page, "web-editor-scrolled-1366")


def test_the_head_of_the_agency_returns_a_draft_then_approves_and_signs_it(page):
    from playwright.sync_api import expect
    from pypdf import PdfReader

    from renja.web.plans.models import Plan

    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    switch(page, "perencana_bkpsdm")
    open_plan(page, plan.pk)
    do(page, "propose", note="Mohon persetujuan")
    expect(page.locator("#menunggu-kepala")).to_contain_text(
        "Renja ini menunggu persetujuan Kepala OPD")
    expect(page.locator("button:text('Ubah')")).to_have_count(0)  # read-only while waiting

    switch(page, "kepala_bkpsdm")
    open_plan(page, plan.pk)
    do(page, "decline", note="Lokasi sub kegiatan belum lengkap")
    switch(page, "perencana_bkpsdm")
    open_plan(page, plan.pk)
    expect(page.locator("#alasan-kembali")).to_contain_text("Lokasi sub kegiatan belum lengkap")
    do(page, "propose")

    switch(page, "kepala_bkpsdm")
    open_plan(page, plan.pk)
    form = page.locator("form.action-submit")
    expect(form.locator("[name=jabatan]")).to_have_value(
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    shot(page, "kepala-approve-1366")
    do(page, "submit", nama="Drs. CONTOH PEJABAT, M.Si", pangkat="Pembina Utama Muda",
       nip="1234")
    expect(page.locator(".messages")).to_contain_text(
        "NIP '1234' harus 18 angka, mis. 19700312 199503 2 004")
    expect(page.locator("#status")).to_have_text("Menunggu persetujuan Kepala OPD")
    do(page, "submit", nama="Drs. CONTOH PEJABAT, M.Si", pangkat="Pembina Utama Muda",
       nip="19700312 199503 1 004")
    expect(page.locator("#status")).to_have_text("Diajukan ke Bappeda")

    with page.expect_download() as download:
        page.click(".exports >> text=PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages[-3:])
    assert "Drs. CONTOH PEJABAT, M.Si" in text
    assert "NIP. 197003121995031004" in text
    from renja.web.accounts.models import Membership

    signer = Membership.objects.get(user__username="kepala_bkpsdm")  # for the next approval
    assert (signer.nip, signer.pangkat) == ("197003121995031004", "Pembina Utama Muda")
    page.set_viewport_size({"width": 390, "height": 844})
    open_plan(page, plan.pk)
    shot(page, "kepala-submitted-390")


def test_a_planner_sees_the_bell_count_and_follows_a_return_to_its_reason(page):
    from django.contrib.auth.models import User
    from playwright.sync_api import expect

    from renja.web.plans import actions
    from renja.web.plans.models import Plan

    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    actions.submit(plan, User.objects.get(username="kepala_bkpsdm"))
    actions.return_plan(plan, User.objects.get(username="verifikator_bappeda"),
                        "Target indikator program belum sesuai Renstra")
    switch(page, "perencana_bkpsdm")
    bell = page.locator("#bell")
    expect(bell.locator(".count")).to_have_text("2")  # submitted, then returned
    bell.click()
    expect(page.locator("ul.notices li.unread")).to_have_count(2)
    shot(page, "notifications-1366")
    page.click("text=Verifikator Bappeda mengembalikan Renja BKPSDM 2024")
    expect(page.locator("#alasan-kembali")).to_contain_text(
        "Target indikator program belum sesuai Renstra")
    expect(page.locator("#bell .count")).to_have_text("1")
    page.goto(page.base + "/notifikasi/")
    page.click("text=Tandai semua sudah dibaca")
    expect(page.locator("ul.notices li.unread")).to_have_count(0)
    expect(page.locator("#bell .count")).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "notifications-390")


def test_a_verifier_comments_on_a_row_of_t_c_29_and_lands_back_at_it(page):
    from playwright.sync_api import expect

    from renja.web.plans.models import Plan

    plan = Plan.objects.get(perangkat_daerah__singkatan="BKPSDM")
    switch(page, "verifikator_bappeda")
    page.goto(page.base + f"/renja/{plan.pk}/tabel/tc29/")
    row = page.locator("#tbl-tc29-1")
    row.locator("summary").click()
    row.locator("select[name=field]").select_option(label="(7) Realisasi n-2 #1")
    row.locator("input[name=text]").fill("Realisasi 2022 berbeda dengan LKjIP")
    shot(page, "table-row-comment-1366")
    row.locator("button:text('Simpan catatan')").click()
    expect(page.locator(".messages")).to_contain_text("Catatan disimpan.")
    row = page.locator("#tbl-tc29-1")
    expect(row.locator(".badge.catatan")).to_have_text("1 catatan")
    expect(row.locator(".row-comment")).to_contain_text(
        "(7) Realisasi n-2 #1: Realisasi 2022 berbeda dengan LKjIP")
    assert page.url.endswith("#tbl-tc29-1")
    expect(row).to_be_in_viewport()
    switch(page, "perencana_bkpsdm")
    open_plan(page, plan.pk)
    page.click("#catatan >> text=5.03.01")
    expect(page.locator("#tbl-tc29-1 .row-comment")).to_be_in_viewport()
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "table-row-comment-390")
