"""Editing T-C.33 in the browser: values, roll-ups, findings, and two people at once."""

from __future__ import annotations

import json
import re

from renja.web.plans.models import Plan


def save(client, plan, path, **values):
    headers = {k: values.pop(k) for k in list(values) if k.startswith("HTTP_")}
    return client.post(f"/renja/{plan.pk}/baris/{path}/simpan/",
                       {"version": values.pop("version", plan.version), **values}, **headers)


def test_a_row_form_shows_the_current_values(planner, bkpsdm):
    page = planner.get(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/").content.decode()
    assert 'name="ind-0-target_n" value="5 dok"' in page
    assert 'name="belanja_barang_jasa_n" value="9.058.600"' in page


def test_saving_a_breakdown_recomputes_pagu_and_the_roll_ups(planner, bkpsdm):
    response = save(planner, bkpsdm, "0.0.0.0", belanja_barang_jasa_n="10.000.000",
                    **{"ind-0-target_n": "6 dok", "ind-0-polaritas": "positif",
                       "new_indikator": "Persentase dokumen tepat waktu"})
    assert response.status_code == 200
    plan = Plan.objects.get(pk=bkpsdm.pk)
    assert plan.version == bkpsdm.version + 1
    renja = plan.renja()
    sub = renja.rencana.rows[0].children[0].children[0].children[0]
    assert (sub.pagu_n, sub.belanja_n.operasi, sub.indikator[0].target_n.text) == (
        10_000_000, 10_000_000, "6 dok")
    assert [(i.nama, i.polaritas) for i in sub.indikator] == [
        ("Jumlah Dokumen Perencanaan Perangkat Daerah", "positif"),
        ("Persentase dokumen tepat waktu", None)]
    assert renja.rencana.rows[0].children[0].children[0].pagu_n == 23_324_000
    assert renja.rencana.total.pagu_n == 22_146_252_118
    assert '<td class="num" id="total-n">22.146.252.118</td>' in response.content.decode()


def test_the_roll_ups_are_previewed_as_the_planner_types_without_saving(planner, bkpsdm):
    response = planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/pratinjau/",
                            {"version": bkpsdm.version, "belanja_barang_jasa_n": "10.000.000"})
    page = response.content.decode()
    assert "Belum disimpan: pagu baris ini Rp 10.000.000" in page
    assert ('<td class="num pending" data-field="pagu_n" id="row-0-0-0-pagu-n" '
            'hx-swap-oob="true">23.324.000</td>') in page
    assert '<td class="num pending" id="total-n" hx-swap-oob="true">22.146.252.118</td>' in page
    assert Plan.objects.get(pk=bkpsdm.pk).version == bkpsdm.version


def test_a_mistyped_amount_is_explained_while_typing(planner, bkpsdm):
    response = planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/pratinjau/",
                            {"belanja_barang_jasa_n": "10.000.000,-x"})
    assert response.status_code == 200
    assert response.content.decode() == (
        '<span class="error-text">&#x27;10.000.000,-x&#x27; bukan angka</span>\n')


def test_a_verifier_cannot_preview_changes(verifier, bkpsdm):
    response = verifier.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/pratinjau/",
                             {"belanja_barang_jasa_n": "1"})
    assert response.status_code == 403


def test_a_mistyped_amount_is_refused_in_bahasa_indonesia_and_nothing_is_saved(planner, bkpsdm):
    response = save(planner, bkpsdm, "0.0.0.0", belanja_barang_jasa_n="sepuluh juta")
    assert response.status_code == 422
    assert "&#x27;sepuluh juta&#x27; bukan angka" in response.content.decode()
    assert Plan.objects.get(pk=bkpsdm.pk).version == bkpsdm.version


def test_findings_update_after_a_save(planner, bkpsdm):
    before = planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    assert "T001" in before
    i = json.loads(json.dumps(bkpsdm.data))
    path = "0.1.0.0"  # Penyusunan Rencana Kebutuhan: target n+1 printed 'Idok'
    response = save(planner, bkpsdm, path, **{"ind-0-target_n1": "1 dok"})
    assert response.status_code == 200
    assert 'data-rule="T001"' not in response.content.decode()
    assert i


def test_two_people_saving_the_same_version_do_not_overwrite_each_other(planner, bkpsdm):
    first = save(planner, bkpsdm, "0.0.0.0", lokasi="Kab. Pasuruan")
    second = save(planner, bkpsdm, "0.0.0.1", lokasi="Bangil")
    assert first.status_code == 200
    assert second.status_code == 409
    page = second.content.decode()
    assert (f"Renja ini sudah diubah oleh Perencana BKPSDM (sekarang versi {bkpsdm.version + 1})"
            f" setelah Anda membuka formulir ini; perubahan Anda belum disimpan.") in page
    assert second["HX-Retarget"] == "#row-0-0-0-1"
    assert 'name="lokasi" value="Bangil"' in page  # what was typed is still in the form
    renja = Plan.objects.get(pk=bkpsdm.pk).renja()
    kegiatan = renja.rencana.rows[0].children[0].children[0]
    assert (kegiatan.children[0].lokasi, kegiatan.children[1].lokasi) == ("Kab. Pasuruan", "Pas")


def test_the_api_edits_with_the_same_lock(planner, bkpsdm):
    body = {"path": "0.0.0.0", "field": "lokasi", "value": "Bangil", "version": bkpsdm.version}
    ok = planner.patch(f"/api/plans/{bkpsdm.pk}", json.dumps(body),
                       content_type="application/json")
    assert ok.status_code == 200
    assert ok.json()["version"] == bkpsdm.version + 1
    stale = planner.patch(f"/api/plans/{bkpsdm.pk}", json.dumps(body),
                          content_type="application/json")
    assert stale.status_code == 409
    assert stale.json() == {"ok": False, "code": "versi", "error": (
        f"Renja ini sudah diubah oleh Perencana BKPSDM setelah Anda membukanya (sekarang versi "
        f"{bkpsdm.version + 1}); perubahan Anda tidak disimpan. Muat ulang, periksa, lalu "
        f"ulangi.")}


def test_the_api_reports_bad_values_as_json(planner, bkpsdm):
    body = {"path": "0.0.0.0", "field": "pagu_n", "value": "12a", "version": bkpsdm.version}
    response = planner.patch(f"/api/plans/{bkpsdm.pk}", json.dumps(body),
                             content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {"ok": False, "error": "'12a' bukan angka", "code": "angka"}


def test_the_api_serves_the_plan_and_its_findings(planner, bkpsdm):
    assert planner.get(f"/api/plans/{bkpsdm.pk}").json()["format"] == "renja/1"
    findings = planner.get(f"/api/plans/{bkpsdm.pk}/findings").json()
    assert findings["summary"] == {"error": 20, "warning": 55, "info": 6}
    assert planner.get("/api/openapi.json").json()["info"]["title"] == "renja API"


def test_a_row_is_added_by_searching_the_nomenclature(planner, bkpsdm):
    form = planner.get(f"/renja/{bkpsdm.pk}/baris/0.1.0/tambah/?q=perumusan pengadaan",
                       HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results-0-1-0").content.decode()
    assert "5.03.02.2.01.0001 Perumusan Bahan Kebijakan Pengadaan ASN" in form
    response = planner.post(f"/renja/{bkpsdm.pk}/baris/0.1.0/tambah/simpan/", {
        "version": bkpsdm.version, "kode": "5.03.02.2.01.0001",
        "nama": "Perumusan Bahan Kebijakan Pengadaan ASN"})
    assert response.status_code == 200
    renja = Plan.objects.get(pk=bkpsdm.pk).renja()
    assert renja.rencana.rows[0].children[1].children[0].children[0].kode == (
        "5.03.02.2.01.0001")


def test_a_row_is_removed_and_the_total_follows(planner, bkpsdm):
    response = planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/hapus/",
                            {"version": bkpsdm.version})
    assert response.status_code == 200
    assert Plan.objects.get(pk=bkpsdm.pk).renja().rencana.total.pagu_n == (
        22_145_310_718 - 9_058_600)


def test_chapter_texts_are_edited_by_the_planner_only(planner, verifier, bkpsdm):
    assert 'name="teks"' not in verifier.get(f"/renja/{bkpsdm.pk}/teks/").content.decode()
    assert verifier.post(f"/renja/{bkpsdm.pk}/teks/simpan/", {
        "version": bkpsdm.version, "bab": "V", "teks": "x"}).status_code == 403
    planner.post(f"/renja/{bkpsdm.pk}/teks/simpan/", {
        "version": bkpsdm.version, "bab": "II", "nomor": "2.3", "teks": "Isu baru."})
    assert Plan.objects.get(pk=bkpsdm.pk).renja().bab[1].bagian[2].teks == "Isu baru."


def test_the_other_tables_are_edited_row_by_row(planner, verifier, bkpsdm):
    page = planner.get(f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()
    assert 'name="indikator.0.realisasi_n2"' in page
    assert 'name="indikator.0.tingkat_realisasi_n2"' not in page  # (8) is computed, not typed
    assert "(dihitung)" in page and "5.03.01.2.07.0006" in page  # the row shows its code
    renja = bkpsdm.renja()
    index = next(i for i, r in enumerate(renja.tc29.rows)
                 if r.nama == "Pengadaan Peralatan dan Mesin Lainnya")
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc29/{index}/", {
        "version": bkpsdm.version, "indikator.0.realisasi_n2": "6 unit",
        "indikator.0.tingkat_realisasi_n2": "0%"})  # a typed (8) is ignored
    assert response.status_code == 200
    saved = Plan.objects.get(pk=bkpsdm.pk).renja().tc29.rows[index].indikator[0]
    assert saved.tingkat_realisasi_n2.text == "100,00%"
    assert verifier.post(f"/renja/{bkpsdm.pk}/tabel/tc29/{index}/", {
        "version": bkpsdm.version + 1, "indikator.0.realisasi_n2": "1 unit"}
    ).status_code == 403
    assert 'name="indikator' not in verifier.get(
        f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()


def test_stakeholder_proposals_are_added_in_the_browser(planner, bkpsdm):
    response = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc32/tambah/", {
        "version": bkpsdm.version, "program_kegiatan": "Pelatihan kepemimpinan"})
    assert response.status_code == 200
    tc32 = Plan.objects.get(pk=bkpsdm.pk).renja().tc32
    assert (tc32.nihil, tc32.rows[0].program_kegiatan) == (False, "Pelatihan kepemimpinan")


def test_an_unknown_table_is_not_found(planner, bkpsdm):
    assert planner.get(f"/renja/{bkpsdm.pk}/tabel/tc99/").status_code == 404


def test_a_table_page_lists_its_findings_each_linking_to_its_row(planner, bkpsdm):
    renja = bkpsdm.renja()
    index = next(i for i, r in enumerate(renja.tc29.rows)
                 if r.nama == "Pengadaan Peralatan dan Mesin Lainnya")
    page = planner.get(f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()
    assert f'id="tbl-tc29-{index}"' in page
    assert f'<strong>E001</strong> <a href="#tbl-tc29-{index}">T-C.29 5.03.01.2.07.0006' in page
    planner.post(f"/renja/{bkpsdm.pk}/tabel/tc29/{index}/", {
        "version": bkpsdm.version, "indikator.0.realisasi_n2": "6 unit"})
    page = planner.get(f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()
    assert f'<strong>E001</strong> <a href="#tbl-tc29-{index}">' not in page


def test_each_row_save_stores_and_finds_what_a_whole_save_would(planner, bkpsdm, monkeypatch):
    from renja.edit import set_value
    from renja.rules import run_checks
    from renja.web.plans import checked
    from renja.web.plans.actions import edit

    copies: list[bool] = []

    def counted(renja, path):  # type: ignore[no-untyped-def]
        made = row_copy(renja, path)
        copies.append(made is not None)
        return made

    from renja.edit_copy import row_copy
    monkeypatch.setattr(edit, "row_copy", counted)
    expected = bkpsdm.renja()
    saves = [("0.0.0.0", "lokasi", "Bangil"), ("0.0.0.1", "belanja_barang_jasa_n", "1.000.000"),
             ("0.1.0.0", "target_n1", "1 dok"), ("0.0.0.0", "belanja_modal_n1", "-5")]
    for path, field, value in saves:
        plan = Plan.objects.get(pk=bkpsdm.pk)
        name = f"ind-0-{field}" if field.startswith("target") else field
        assert save(planner, plan, path, **{name: value}).status_code == 200
        set_value(expected, path, field, value)  # the same change on the whole plan
        stored = Plan.objects.get(pk=bkpsdm.pk)
        assert stored.data == Plan.dump(expected)
        assert checked.findings(stored) == run_checks(expected)
        assert (stored.n_errors, stored.total_pagu_n) == (
            sum(1 for f in run_checks(expected) if f.severity == "error"),
            expected.rencana.total.pagu_n)
    # the example's sums are off until the first save rolls them up; then rows are copied alone
    assert copies == [False, True, True, True]


def test_a_row_save_is_answered_with_the_changed_rows_totals_and_findings(planner, bkpsdm):
    first = save(planner, bkpsdm, "0.0.0.0", lokasi="Bangil", HTTP_HX_REQUEST="true")
    assert 'id="tc33"' in first.content.decode()  # the example's sums rolled up: whole editor
    plan = Plan.objects.get(pk=bkpsdm.pk)
    response = save(planner, plan, "0.1.0.0", HTTP_HX_REQUEST="true",
                    **{"ind-0-target_n1": "1 dok", "belanja_barang_jasa_n": "1.000.000"})
    assert response.status_code == 200
    assert response["HX-Reswap"] == "none"
    page = response.content.decode()
    swapped = re.findall(r'<tr id="(row-[\d-]+)" class="[^"]*" hx-swap-oob="true">', page)
    assert swapped == ["row-0", "row-0-1", "row-0-1-0", "row-0-1-0-0"]  # the row, its sums
    assert 'id="tc33"' not in page
    assert f'<span id="plan-version-label" hx-swap-oob="true">Versi {plan.version + 1}</span>' \
        in page
    assert '<td class="num" id="total-n" hx-swap-oob="true">' in page
    assert '<aside class="panel findings" id="findings" hx-swap-oob="true">' in page
    assert 'data-rule="T001"' not in page  # the typo fixed: its finding gone
    assert json.loads(response["HX-Trigger-After-Settle"])["renja:saved"] == {
        "row": "row-0-1-0-0", "message": f"Tersimpan, versi {plan.version + 1}",
        "version": plan.version + 1}
    assert len(page) < len(first.content) / 2  # most of it the findings of the example
