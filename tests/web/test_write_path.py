"""The write path: every change through the actions, with permission, row lock, version and
audit in one transaction; and the defects found by trying the app with hostile input."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from renja.edit import paths, set_value
from renja.web.plans import actions
from renja.web.plans.models import AuditEntry, Plan, PlanLocked, StaleVersion
from renja.web.plans.permissions import ActionRefused
from tests.web.conftest import client_for

LEAF = "0.0.0.0"


def user(name: str) -> User:
    return User.objects.get(username=name)


def lokasi(value: str):  # type: ignore[no-untyped-def]
    return lambda renja: set_value(renja, LEAF, "lokasi", value)


def stored(plan: Plan) -> Plan:
    return Plan.objects.get(pk=plan.pk)


def test_a_submit_keeps_an_edit_stored_after_the_plan_was_loaded(db, bkpsdm):
    loaded = stored(bkpsdm)  # the object a submit request loaded at its start
    actions.change_plan(bkpsdm.pk, user("perencana_bkpsdm"), lokasi("Bangil"), bkpsdm.version)
    actions.submit(loaded, user("kepala_bkpsdm"))
    plan = stored(bkpsdm)
    assert plan.renja().rencana.rows[0].children[0].children[0].children[0].lokasi == "Bangil"
    assert (plan.status, plan.version) == ("diajukan", bkpsdm.version + 2)
    assert plan.versions.last().data == plan.data


def test_an_edit_begun_before_a_submit_is_refused(db, bkpsdm):
    actions.submit(bkpsdm, user("kepala_bkpsdm"))
    with pytest.raises(ActionRefused) as exc:
        actions.change_plan(bkpsdm.pk, user("perencana_bkpsdm"), lokasi("Bangil"),
                            bkpsdm.version)
    assert exc.value.message("id") == (
        "Renja berstatus 'Diajukan ke Bappeda'; hanya Renja berstatus draf atau dikembalikan "
        "yang dapat diubah")
    assert stored(bkpsdm).data == stored(bkpsdm).versions.last().data


def test_an_edit_with_an_old_version_is_refused_and_nothing_is_stored(db, bkpsdm):
    planner = user("perencana_bkpsdm")
    actions.change_plan(bkpsdm.pk, planner, lokasi("Bangil"), bkpsdm.version)
    with pytest.raises(StaleVersion):
        actions.change_plan(bkpsdm.pk, planner, lokasi("Gempol"), bkpsdm.version)
    assert AuditEntry.objects.filter(plan=bkpsdm, new="Gempol").count() == 0


def test_a_set_plan_refuses_a_write_even_when_the_caller_forgot_to_ask(db, published):
    with pytest.raises(PlanLocked):
        published.store(published.renja(), None, published.version)


def test_the_audit_trail_cannot_be_changed_or_deleted(db, bkpsdm):
    actions.change_plan(bkpsdm.pk, user("perencana_bkpsdm"), lokasi("Bangil"), bkpsdm.version)
    entries = AuditEntry.objects.filter(plan=bkpsdm)
    with pytest.raises(ValueError, match="cannot be changed"):
        entries.update(new="x")
    with pytest.raises(ValueError, match="cannot be deleted"):
        entries.delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE plans_auditentry SET new = 'x'")
    with pytest.raises(ProtectedError):
        Plan.objects.filter(pk=bkpsdm.pk).delete()
    assert entries.filter(new="Bangil").exists()


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_refuses_a_raw_delete_of_the_audit_trail(db, bkpsdm):
    actions.change_plan(bkpsdm.pk, user("perencana_bkpsdm"), lokasi("Bangil"), bkpsdm.version)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM plans_auditentry")


def test_control_characters_are_stripped_at_the_write_and_exports_work(db, bkpsdm):
    planner = client_for("perencana_bkpsdm")
    response = planner.post(f"/renja/{bkpsdm.pk}/baris/{LEAF}/simpan/", {
        "version": bkpsdm.version, "lokasi": "Ban\x0bgil\x01 \x00Kota"})
    assert response.status_code == 200
    node = stored(bkpsdm).renja().rencana.rows[0].children[0].children[0].children[0]
    assert node.lokasi == "Bangil Kota"
    for fmt in ("docx", "xlsx", "pdf", "text"):
        assert planner.get(f"/renja/{bkpsdm.pk}/unduh/{fmt}/").status_code == 200, fmt


def test_a_comment_with_control_characters_is_stored_clean(db, bkpsdm):
    verifier = client_for("verifikator_bappeda")
    verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {"text": "Periksa\x00 lokasi\x0b"})
    assert bkpsdm.comments.get().text == "Periksa lokasi"


PAYLOADS = ("=HYPERLINK(\"http://x.test\",\"klik\")", "=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)",
            "-2+3")


def test_a_typed_formula_stays_text_in_the_workbook_and_the_csv(db, bkpsdm):
    planner = client_for("perencana_bkpsdm")
    first = actions.snapshot(bkpsdm, "sebelum", user("perencana_bkpsdm")).number
    leaves = [p for p, node, _ in paths(bkpsdm.renja()) if not node.children]
    for path, payload in zip(leaves, PAYLOADS, strict=False):
        response = planner.post(f"/renja/{bkpsdm.pk}/baris/{path}/simpan/", {
            "version": stored(bkpsdm).version, "lokasi": payload})
        assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(
        planner.get(f"/renja/{bkpsdm.pk}/unduh/xlsx/").content))
    cells = [c for row in book["T-C.33"].iter_rows() for c in row if c.value in PAYLOADS]
    assert sorted({c.value for c in cells}) == sorted(PAYLOADS)
    assert {c.data_type for c in cells} == {"s"}
    csv = planner.get(f"/renja/{bkpsdm.pk}/versi/{first}/kini/?format=csv").content.decode()
    for payload in PAYLOADS:
        assert f"'{payload}" in csv.replace('""', '"')


@pytest.mark.parametrize(("address", "status"), [
    ("/renja/{pk}/unduh/text/", 200),
    ("/verifikasi/?tahun=abc", 200),
    ("/renja/{pk}/versi/abc/kini/", 404),
    ("/renja/{pk}/versi/99999999999999999999999/kini/", 404),
    ("/renja/{pk}/baris/abc/", 404),
    ("/renja/{pk}/baris/999/", 404),
    ("/renja/{pk}/tabel/tc29/", 200),
    ("/renja/99999999999999999999999/", 404),
])
def test_odd_addresses_answer_without_a_server_error(db, bkpsdm, address, status):
    client = client_for("admin_pasuruan" if "verifikasi" in address else "perencana_bkpsdm")
    assert client.get(address.format(pk=bkpsdm.pk)).status_code == status


def test_odd_form_values_are_the_persons_error_not_the_servers(db, bkpsdm):
    planner = client_for("perencana_bkpsdm")
    saved = planner.post(f"/renja/{bkpsdm.pk}/baris/{LEAF}/simpan/", {"version": "abc",
                                                                      "lokasi": "x"})
    assert saved.status_code == 422
    assert "versi &#x27;abc&#x27; tidak terbaca; muat ulang halaman" in saved.content.decode()
    row = planner.post(f"/renja/{bkpsdm.pk}/tabel/tc29/9999/", {"version": bkpsdm.version})
    assert row.status_code == 422
    assert "baris 10000 tidak ada" in row.content.decode()


def test_a_refused_api_edit_of_a_derived_pagu_is_explained(db, bkpsdm):
    planner = client_for("perencana_bkpsdm")
    body = {"path": "0.0", "field": "pagu_n", "value": "1.000", "version": bkpsdm.version}
    response = planner.patch(f"/api/plans/{bkpsdm.pk}", json.dumps(body),
                             content_type="application/json")
    assert response.status_code == 422
    assert response.json()["error"] == ("pagu baris ini adalah jumlah baris di bawahnya; ubah "
                                        "pagu sub kegiatannya")


def test_writes_answer_only_to_post(db, bkpsdm):
    planner = client_for("perencana_bkpsdm")
    for address in (f"/renja/{bkpsdm.pk}/baris/{LEAF}/simpan/",
                    f"/renja/{bkpsdm.pk}/baris/{LEAF}/hapus/", "/pemda/pagu/",
                    "/pemda/perangkat-daerah/", f"/renja/{bkpsdm.pk}/tindakan/submit/"):
        assert planner.get(address).status_code == 405, address
    assert stored(bkpsdm).version == bkpsdm.version


def test_admin_changes_are_audited(db):
    admin = client_for("admin_pasuruan")
    admin.post("/pemda/perangkat-daerah/", {"nama": "Dinas Sosial", "bidang": "1.06"})
    entry = AuditEntry.objects.get(action="pemda.perangkat_daerah.tambah")
    assert (entry.pemda.slug, entry.user.username, entry.new) == (
        "kabupaten-pasuruan", "admin_pasuruan", "Dinas Sosial")
    page = admin.get("/pemda/").content.decode()
    history = page[page.index('id="riwayat"'):]
    assert "Perangkat daerah ditambahkan</td><td>perangkat daerah</td><td></td><td>Dinas Sosial" \
        in history


SCRIPT = '<script>alert(1)</script>"); #read("/etc/passwd") {{7*7}} </w:t>'


def test_script_payloads_in_free_text_are_shown_as_text_everywhere(db, bkpsdm, tmp_path):
    import subprocess
    import zipfile

    planner = client_for("perencana_bkpsdm")
    planner.post(f"/renja/{bkpsdm.pk}/baris/{LEAF}/simpan/", {
        "version": bkpsdm.version, "lokasi": SCRIPT, "ind-0-indikator": SCRIPT})
    plan = stored(bkpsdm)
    planner.post(f"/renja/{bkpsdm.pk}/teks/simpan/", {
        "version": plan.version, "bab": plan.renja().bab[0].nomor, "teks": SCRIPT})
    client_for("verifikator_bappeda").post(f"/renja/{bkpsdm.pk}/catatan/", {"text": SCRIPT})
    for page in (f"/renja/{bkpsdm.pk}/", f"/renja/{bkpsdm.pk}/teks/",
                 f"/renja/{bkpsdm.pk}/unduh/html/", f"/renja/{bkpsdm.pk}/audit/"):
        html = planner.get(page).content.decode()
        assert "<script>alert" not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page
    docx = planner.get(f"/renja/{bkpsdm.pk}/unduh/docx/").content
    (tmp_path / "r.docx").write_bytes(docx)
    with zipfile.ZipFile(tmp_path / "r.docx") as package:
        body = package.read("word/document.xml").decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "&lt;/w:t&gt;" in body
    pdf = planner.get(f"/renja/{bkpsdm.pk}/unduh/pdf/")
    assert pdf.status_code == 200
    (tmp_path / "r.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert '#read("/etc/passwd")' in text
    assert "root:x:0" not in text


def test_the_audit_trail_and_the_version_diff_speak_in_words(db, bkpsdm):
    planner = client_for("perencana_bkpsdm")
    first = actions.snapshot(bkpsdm, "awal", user("perencana_bkpsdm")).number
    planner.post(f"/renja/{bkpsdm.pk}/baris/{LEAF}/simpan/", {
        "version": bkpsdm.version, "belanja_barang_jasa_n": "10.058.600"})
    audit = planner.get(f"/renja/{bkpsdm.pk}/audit/").content.decode()
    assert "<td>Nilai diubah</td><td>lewat aplikasi</td>" in audit
    assert "<td>Belanja barang dan jasa 2024</td><td>9.058.600</td><td>10.058.600</td>" in audit
    diff = planner.get(f"/renja/{bkpsdm.pk}/versi/{first}/kini/").content.decode()
    assert "<td>Pagu 2024</td><td>9.058.600</td><td>10.058.600</td><td class=\"num\">1.000.000" \
        in diff
    assert "pagu_n" not in diff
