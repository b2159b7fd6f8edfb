"""Verification on the row: the verifier comments from the row, on one of its columns; the row
shows its open comments; the comment list links back to the row."""

from __future__ import annotations

from renja.edit import paths
from renja.web.plans.models import Comment

KODE = "5.03.01.2.01.0001"


def path_of(plan, kode: str = KODE) -> str:  # type: ignore[no-untyped-def]
    return next(p for p, n, _ in paths(plan.renja()) if n.kode == kode)


def test_the_verifier_comments_on_a_row_s_column_and_the_row_shows_it(verifier, planner,
                                                                       bkpsdm):
    path = path_of(bkpsdm)
    anchor = "row-" + path.replace(".", "-")
    form = verifier.get(f"/renja/{bkpsdm.pk}/baris/{path}/catatan/").content.decode()
    assert f'name="kode" value="{KODE}"' in form
    assert '<option value="pagu_n">Pagu 2024</option>' in form
    assert '<option value="target_n1">Target 2025</option>' in form
    response = verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {
        "kode": KODE, "field": "pagu_n", "text": "Pagu tidak sesuai KUA-PPAS",
        "anchor": anchor})
    assert response.status_code == 302 and response["Location"].endswith(f"#{anchor}")
    note = Comment.objects.get()
    assert (note.kode, note.field, note.table) == (KODE, "pagu_n", "tc33")
    page = planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    row = page.split(f'id="{anchor}"')[1].split("</tr>")[0]
    assert '1 catatan</a>' in row
    assert f'<a href="#{anchor}">{KODE}</a> · Pagu 2024' in page


def test_a_comment_must_name_a_row_and_a_column_the_plan_has(verifier, bkpsdm):
    for fields, message in (({"kode": "9.99.99.2.01.0001"},
                             "baris 9.99.99.2.01.0001 tidak ada dalam Renja ini"),
                            ({"kode": KODE, "field": "gaji_kepala"},
                             "&#x27;gaji_kepala&#x27; bukan kolom T-C.33")):
        page = verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {"text": "cek", **fields},
                             follow=True).content.decode()
        assert message in page
    assert not Comment.objects.exists()


def test_the_planner_gets_no_comment_form(planner, bkpsdm):
    assert planner.get(f"/renja/{bkpsdm.pk}/baris/{path_of(bkpsdm)}/catatan/").status_code == 403
    assert ">Catatan</button>" not in planner.get(f"/renja/{bkpsdm.pk}/").content.decode()


def test_the_verifier_comments_on_a_row_of_t_c_29_and_the_row_shows_it(verifier, planner,
                                                                        bkpsdm):
    page = verifier.get(f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()
    row = page.split('id="tbl-tc29-1"')[1].split('class="panel table-row"')[0]
    assert '<input type="hidden" name="kode" value="5.03.01">' in row
    assert '<option value="indikator.0.realisasi_n2">(7) Realisasi n-2 #1</option>' in row
    response = verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {
        "table": "tc29", "kode": "5.03.01", "field": "indikator.0.realisasi_n2",
        "text": "Realisasi 2022 berbeda dengan LKjIP", "anchor": "tbl-tc29-1"})
    assert response["Location"] == f"/renja/{bkpsdm.pk}/tabel/tc29/#tbl-tc29-1"
    note = Comment.objects.get()
    assert (note.table, note.kode, note.field) == ("tc29", "5.03.01", "indikator.0.realisasi_n2")
    seen = planner.get(f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()
    row = seen.split('id="tbl-tc29-1"')[1].split('class="panel table-row"')[0]
    assert ">1 catatan</span>" in row
    assert "(7) Realisasi n-2 #1: Realisasi 2022 berbeda dengan LKjIP" in row
    listed = planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    assert (f'· T-C.29 · <a href="/renja/{bkpsdm.pk}/tabel/tc29/#tbl-tc29-1">5.03.01</a> · '
            f'(7) Realisasi n-2 #1') in listed


def test_a_row_without_a_code_is_named_by_its_number(verifier, bkpsdm):
    verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {
        "table": "tc30", "kode": "baris 2", "field": "catatan", "text": "Lengkapi catatan",
        "anchor": "tbl-tc30-1"})
    assert Comment.objects.get().kode == "baris 2"
    page = verifier.get(f"/renja/{bkpsdm.pk}/tabel/tc30/").content.decode()
    assert ">1 catatan</span>" in page.split('id="tbl-tc30-1"')[1].split("table-row")[0]


def test_a_table_comment_must_name_a_row_and_a_column_that_table_has(verifier, bkpsdm):
    for fields, message in (
            ({"table": "tc29", "kode": "9.99"}, "9.99 bukan baris T-C.29"),
            ({"table": "tc30", "kode": "baris 99"}, "baris 99 bukan baris T-C.30"),
            ({"table": "tc29", "kode": "5.03.01", "field": "pagu_n"},
             "&#x27;pagu_n&#x27; bukan kolom 5.03.01 pada T-C.29"),
            ({"table": "rahasia", "kode": "1"}, "tabel &#x27;rahasia&#x27; tidak dikenal")):
        page = verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {**fields, "text": "x",
                                                               "anchor": "tbl-tc29-1"},
                             follow=True).content.decode()
        assert message in page, message
    assert not Comment.objects.exists()


def test_the_planner_gets_no_comment_form_on_other_tables(planner, bkpsdm):
    page = planner.get(f"/renja/{bkpsdm.pk}/tabel/tc29/").content.decode()
    assert "Beri catatan pada baris ini" not in page
