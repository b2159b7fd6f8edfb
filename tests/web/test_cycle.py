"""The planning cycle: every transition allowed and refused by role and state, comments,
versions, the audit trail, publication, perubahan, the schedule and the CLI."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from renja.cli import cli
from renja.web.accounts.models import Pemda
from renja.web.plans import actions
from renja.web.plans.actions import ActionRefused
from renja.web.plans.models import AuditEntry, Comment, Jadwal, Plan, Transition
from renja.workflow import WorkflowError


def user(name: str) -> User:
    return User.objects.get(username=name)


def act(client, plan, action, **data):
    return client.post(f"/renja/{plan.pk}/tindakan/{action}/", data, follow=True)


def refreshed(plan: Plan) -> Plan:
    return Plan.objects.get(pk=plan.pk)


def submitted(planner, kepala, plan, note=""):  # type: ignore[no-untyped-def]
    """The planner proposes the draft, the head of the agency approves and submits it."""
    act(planner, plan, "propose", note=note)
    return act(kepala, plan, "submit")


def test_the_whole_cycle_through_the_pages(planner, kepala, verifier, db, bkpsdm):
    from tests.web.conftest import client_for

    admin = client_for("admin_pasuruan")
    act(planner, bkpsdm, "propose", note="Mohon persetujuan")
    assert (refreshed(bkpsdm).tahapan, refreshed(bkpsdm).status) == ("rancangan",
                                                                      "menunggu_kepala")
    act(kepala, bkpsdm, "decline", note="Lengkapi lokasi")
    act(planner, bkpsdm, "propose")
    act(kepala, bkpsdm, "submit", nip="19700312 199503 2 004", pangkat="Pembina",
        note="Mohon diverifikasi")
    assert (refreshed(bkpsdm).tahapan, refreshed(bkpsdm).status) == ("rancangan", "diajukan")
    page = act(verifier, bkpsdm, "return", note="Perbaiki target T-C.33")
    assert "Kembalikan: berhasil." in page.content.decode()
    submitted(planner, kepala, bkpsdm)
    refused = act(verifier, bkpsdm, "accept").content.decode()
    assert "Renja ini masih memiliki 20 galat pemeriksaan; tuliskan catatan mengapa tetap " \
        "diterima" in refused
    act(verifier, bkpsdm, "accept", note="Galat dicatat untuk perbaikan RKA")
    assert (refreshed(bkpsdm).tahapan, refreshed(bkpsdm).status) == ("forum_pd", "draf")
    for _ in range(2):
        submitted(planner, kepala, bkpsdm)
        act(verifier, bkpsdm, "accept", note="Galat dicatat")
    assert (refreshed(bkpsdm).tahapan, refreshed(bkpsdm).status) == ("rancangan_akhir",
                                                                      "diterima")
    act(admin, bkpsdm, "set", nomor="147", tanggal="2023-08-02", jenis="Peraturan Bupati",
        note="Ditetapkan dengan galat yang dicatat Bappeda")
    plan = refreshed(bkpsdm)
    assert (plan.tahapan, plan.status, plan.published) == ("penetapan", "ditetapkan", True)
    reg = plan.renja().dasar_hukum
    assert (reg.nomor, reg.tanggal_ditetapkan) == ("147", datetime.date(2023, 8, 2))
    signed = plan.renja().persetujuan.penandatangan
    assert (signed.nama, signed.pangkat, signed.nip) == ("Kepala BKPSDM", "Pembina",
                                                         "197003121995032004")
    handed = [("propose", "rancangan", "menunggu_kepala"), ("submit", "rancangan", "diajukan")]
    assert [(t.action, t.to_tahapan, t.to_status) for t in plan.transitions.all()] == [
        ("propose", "rancangan", "menunggu_kepala"), ("decline", "rancangan", "dikembalikan"),
        *handed, ("return", "rancangan", "dikembalikan"),
        *handed, ("accept", "forum_pd", "draf"),
        *[(a, "forum_pd", s) for a, _, s in handed], ("accept", "rancangan_akhir", "draf"),
        *[(a, "rancangan_akhir", s) for a, _, s in handed],
        ("accept", "rancangan_akhir", "diterima"), ("set", "penetapan", "ditetapkan")]
    assert plan.versions.count() == 15


def test_the_audit_trail_records_each_transition_exactly(planner, kepala, verifier, bkpsdm):
    act(planner, bkpsdm, "propose", note="Mohon persetujuan")
    act(kepala, bkpsdm, "submit", note="Mohon diverifikasi")
    act(verifier, bkpsdm, "return", note="Perbaiki target")
    entries = [(e.action, e.user.username, e.via, e.field, e.old, e.new, e.note)
               for e in AuditEntry.objects.filter(plan=bkpsdm)]
    assert entries == [
        ("renja.renja.propose", "perencana_bkpsdm", "ui", "status", "rancangan/draf",
         "rancangan/menunggu_kepala", "Mohon persetujuan"),
        ("renja.renja.submit", "kepala_bkpsdm", "ui", "status", "rancangan/menunggu_kepala",
         "rancangan/diajukan", "Mohon diverifikasi"),
        ("renja.renja.return", "verifikator_bappeda", "ui", "status", "rancangan/diajukan",
         "rancangan/dikembalikan", "Perbaiki target"),
    ]


def test_value_changes_are_audited_with_old_and_new_values(planner, bkpsdm):
    planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/simpan/",
                 {"version": bkpsdm.version, "lokasi": "Bangil"})
    entry = AuditEntry.objects.get(plan=bkpsdm, field="lokasi")
    assert (entry.action, entry.via, entry.kode, entry.old, entry.new) == (
        "renja.nilai.ubah", "ui", "5.03.01.2.01.0001", "Pas", "Bangil")
    page = planner.get(f"/renja/{bkpsdm.pk}/audit/?kode=5.03.01.2.01.0001").content.decode()
    assert "<td>Pas</td><td>Bangil</td>" in page
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


@pytest.mark.parametrize(("username", "action", "message"), [
    ("perencana_bkpsdm", "accept", "peran Anda tidak berhak: terima"),
    ("kepala_bkpsdm", "return", "peran Anda tidak berhak: kembalikan"),
    ("verifikator_bappeda", "submit",
     "peran Anda tidak berhak: setujui dan ajukan ke bappeda"),
    ("perencana_bkpsdm", "submit", "peran Anda tidak berhak: setujui dan ajukan ke bappeda"),
    ("kepala_bkpsdm", "propose", "peran Anda tidak berhak: ajukan ke kepala opd"),
    ("kepala_bkpsdm", "decline", "tidak dapat kembalikan ke perencana: Renja berstatus 'draf' "
                                 "pada tahapan 'Rancangan'; hanya Renja berstatus menunggu "
                                 "persetujuan Kepala OPD yang dapat"),
    ("admin_pasuruan", "set", "tidak dapat tetapkan: Renja berstatus 'draf' pada tahapan "
                              "'Rancangan'; hanya Renja berstatus diterima yang dapat"),
    ("perencana_dinkes", "propose", "Renja ini milik perangkat daerah lain"),
    ("admin_kotacontoh", "perubahan", "Renja ini milik pemda lain"),
])
def test_each_refused_action_says_why(db, bkpsdm, username, action, message):
    with pytest.raises(WorkflowError) as exc:
        if action == "set":
            actions.set_plan(bkpsdm, user(username), "1", datetime.date(2024, 1, 1))
        elif action in ("return", "decline"):
            getattr(actions, {"return": "return_plan"}.get(action, action))(
                bkpsdm, user(username), "x")
        else:
            getattr(actions, {"perubahan": "open_perubahan"}.get(action, action))(
                bkpsdm, user(username))
    assert exc.value.message("id") == message
    assert not Transition.objects.filter(plan=bkpsdm).exists()


def test_a_submitted_plan_is_read_only_for_its_planner(planner, bkpsdm):
    actions.submit(bkpsdm, user("kepala_bkpsdm"))
    assert planner.get(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/").status_code == 403
    assert planner.post(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/simpan/",
                        {"version": bkpsdm.version, "lokasi": "X"}).status_code == 403


def test_open_comments_block_acceptance_unless_overridden_with_a_note(planner, verifier, bkpsdm):
    verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {"kode": "5.03.01.2.09.0009",
                                                  "field": "target_n", "text": "174 unit?"})
    note = Comment.objects.get()
    planner.post(f"/renja/{bkpsdm.pk}/catatan/", {"parent": note.pk,
                                                 "text": "Diperbaiki menjadi 1 unit"})
    assert note.replies.get().text == "Diperbaiki menjadi 1 unit"
    actions.submit(bkpsdm, user("kepala_bkpsdm"))
    page = act(verifier, bkpsdm, "accept").content.decode()
    assert ("masih ada 1 catatan verifikasi yang terbuka; selesaikan dulu, atau terima dengan "
            "catatan alasan") in page
    act(verifier, bkpsdm, "accept", override="1", note="Dibahas dalam rapat")
    assert refreshed(bkpsdm).tahapan == "forum_pd"


def test_a_resolved_comment_no_longer_blocks(verifier, bkpsdm):
    verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {"text": "Periksa T-C.31"})
    note = Comment.objects.get()
    verifier.post(f"/renja/{bkpsdm.pk}/catatan/{note.pk}/selesai/")
    actions.submit(bkpsdm, user("kepala_bkpsdm"))
    actions.accept(bkpsdm, user("verifikator_bappeda"), note="galat dicatat")
    assert refreshed(bkpsdm).status == "draf"


def test_planners_cannot_open_comments_only_reply(planner, bkpsdm):
    response = planner.post(f"/renja/{bkpsdm.pk}/catatan/", {"text": "x"}, follow=True)
    assert "peran Anda tidak berhak memberi catatan di sini" in response.content.decode()


def set_plan(plan: Plan) -> Plan:
    plan.tahapan, plan.status = "rancangan_akhir", "diterima"
    plan.save()
    return actions.set_plan(plan, user("admin_pasuruan"), "147", datetime.date(2023, 8, 2),
                            note="galat dicatat")


def test_a_set_plan_is_locked_and_public(planner, anonymous, bkpsdm):
    set_plan(bkpsdm)
    assert planner.get(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/").status_code == 403
    body = {"path": "0.0.0.0", "field": "lokasi", "value": "X",
            "version": refreshed(bkpsdm).version}
    api = planner.patch(f"/api/plans/{bkpsdm.pk}", json.dumps(body),
                        content_type="application/json")
    assert api.status_code == 403
    assert anonymous.get(f"/renja/{bkpsdm.pk}/", follow=True).status_code == 200
    assert "Badan Kepegawaian" in anonymous.get("/publik/").content.decode()


def test_a_perubahan_opens_version_2_and_the_diff_shows_the_change(planner, bkpsdm):
    set_plan(bkpsdm)
    revision = actions.open_perubahan(refreshed(bkpsdm), user("admin_pasuruan"), "APBD-P")
    assert (revision.revisi, revision.tahapan, revision.status) == (1, "perubahan", "draf")
    planner.post(f"/renja/{revision.pk}/baris/0.0.0.0/simpan/",
                 {"version": revision.version, "lokasi": "Bangil"})
    page = planner.get(f"/renja/{revision.pk}/versi/1/kini/").content.decode()
    assert "<td>Lokasi</td><td>Pas</td><td>Bangil</td>" in page
    rows = planner.get(f"/renja/{revision.pk}/versi/1/kini/?format=json").json()
    assert {"kind": "changed", "table": "T-C.33", "kode": "5.03.01.2.01.0001",
            "nama": "Penyusunan Dokumen Perencanaan Perangkat Daerah", "field": "lokasi",
            "old": "Pas", "new": "Bangil", "delta": None} in rows
    csv_text = planner.get(f"/renja/{revision.pk}/versi/1/kini/?format=csv").content.decode()
    expected = ("changed,T-C.33,5.03.01.2.01.0001,Penyusunan Dokumen Perencanaan Perangkat "
                "Daerah,lokasi,Pas,Bangil,")
    assert expected in csv_text
    assert refreshed(bkpsdm).status == "ditetapkan"


def test_outside_its_scheduled_stage_a_plan_is_read_only(planner, bkpsdm):
    pemda = Pemda.objects.get(slug="kabupaten-pasuruan")
    Jadwal.objects.create(pemda=pemda, tahun=2024, tahapan="rancangan",
                          mulai=datetime.date(2020, 1, 1), selesai=datetime.date(2020, 2, 1))
    assert planner.get(f"/renja/{bkpsdm.pk}/baris/0.0.0.0/").status_code == 403
    with pytest.raises(ActionRefused) as exc:
        actions.submit(bkpsdm, user("kepala_bkpsdm"))
    assert exc.value.message("id") == "tahapan Rancangan sudah ditutup menurut jadwal"


def test_the_verifier_sees_every_agency_with_its_stage_comments_and_findings(verifier, bkpsdm,
                                                                             planner):
    verifier.post(f"/renja/{bkpsdm.pk}/catatan/", {"text": "Periksa"})
    rows = overview_rows(verifier.get("/verifikasi/").content.decode())
    assert rows["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"][:8] == [
        "2024", "Rancangan", "Draf", "belum dijadwalkan", "1", "20", "55", "22.145.310.718"]
    assert planner.get("/verifikasi/").status_code == 403


def overview_rows(page: str) -> dict[str, list[str]]:
    """Each overview row's cells as text, by agency name."""
    body = page.split('<table id="overview">')[1].split("</tbody>")[0].split("<tbody>")[1]
    rows = {}
    for row in body.split("<tr")[1:]:
        cells = [re.sub(r"<[^>]+>", "", c).strip()
                 for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        name = cells[0].replace("contoh, data sintetis", "").strip()
        rows[name] = cells[1:]
    return rows


def test_the_overview_shows_deadlines_and_ceilings_and_sorts_and_filters(verifier, bkpsdm):
    import datetime

    from renja.web.accounts.models import PaguCeiling
    from renja.web.plans.models import Jadwal

    pemda = bkpsdm.perangkat_daerah.pemda
    Jadwal.objects.create(pemda=pemda, tahun=2024, tahapan="rancangan",
                          mulai=datetime.date(2023, 2, 1), selesai=datetime.date(2023, 3, 15))
    PaguCeiling.objects.filter(perangkat_daerah=bkpsdm.perangkat_daerah, tahun=2024).update(
        pagu=22_000_000_000)
    rows = overview_rows(verifier.get("/verifikasi/?tahun=2024").content.decode())
    bkpsdm_row = rows["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"]
    assert bkpsdm_row[3] == "15-03-2023 lewat"  # a draft past its stage's deadline
    assert bkpsdm_row[7:] == ["22.145.310.718", "22.000.000.000", "melebihi 145.310.718"]
    by_excess = list(overview_rows(verifier.get("/verifikasi/?urut=selisih").content.decode()))
    # the demo's DLH is 677.000.000 over its ceiling, BKPSDM 145.310.718 here
    assert by_excess[:2] == ["Dinas Lingkungan Hidup",
                             "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"]
    set_only = overview_rows(verifier.get("/verifikasi/?status=ditetapkan").content.decode())
    assert list(set_only) == ["Dinas Pendidikan"]


def test_the_api_moves_the_plan_with_the_same_rules(planner, kepala, verifier, bkpsdm):
    ok = planner.post(f"/api/plans/{bkpsdm.pk}/actions/propose", json.dumps({"note": "siap"}),
                      content_type="application/json")
    assert (ok.status_code, ok.json()["version"]) == (200, bkpsdm.version + 1)
    bad_nip = kepala.post(f"/api/plans/{bkpsdm.pk}/actions/submit", json.dumps({"nip": "123"}),
                          content_type="application/json")
    assert (bad_nip.status_code, bad_nip.json()["error"]) == (
        422, "NIP '123' harus 18 angka, mis. 19700312 199503 2 004")
    signed = kepala.post(f"/api/plans/{bkpsdm.pk}/actions/submit",
                         json.dumps({"nip": "197003121995032004", "tempat": "Bangil"}),
                         content_type="application/json")
    assert signed.status_code == 200
    assert refreshed(bkpsdm).renja().persetujuan.tempat == "Bangil"
    refused = planner.post(f"/api/plans/{bkpsdm.pk}/actions/accept", "{}",
                           content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {"ok": False, "error": "peran Anda tidak berhak: terima",
                              "code": "ditolak"}
    assert AuditEntry.objects.get(action="renja.renja.submit").via == "api"


def test_the_cli_moves_the_plan_with_the_same_rules(bkpsdm):
    runner = CliRunner()
    listed = runner.invoke(cli, ["plan", "list", "--user", "perencana_bkpsdm"])
    assert listed.output == (f"{bkpsdm.pk}\tBKPSDM\t2024\trancangan\tdraf\n")
    done = runner.invoke(cli, ["plan", "act", "propose", "--plan", str(bkpsdm.pk),
                               "--user", "perencana_bkpsdm"])
    assert (done.exit_code, done.output) == (0, f"{bkpsdm.pk}\trancangan\tmenunggu_kepala\n")
    done = runner.invoke(cli, ["plan", "act", "submit", "--plan", str(bkpsdm.pk),
                               "--user", "kepala_bkpsdm", "--nip", "197003121995032004"])
    assert (done.exit_code, done.output) == (0, f"{bkpsdm.pk}\trancangan\tdiajukan\n")
    refused = runner.invoke(cli, ["plan", "act", "return", "--plan", str(bkpsdm.pk),
                                  "--user", "verifikator_bappeda"], env={"RENJA_LANG": "id"})
    assert refused.exit_code == 2
    assert refused.output == "Error: tuliskan alasan Renja dikembalikan\n"
    assert AuditEntry.objects.get(action="renja.renja.submit").via == "cli"


def test_the_reason_of_the_last_return_stands_at_the_top_of_the_plan(planner, kepala, verifier,
                                                                    bkpsdm):
    submitted(planner, kepala, bkpsdm)
    act(verifier, bkpsdm, "return", note="Target T-C.33 belum sesuai Renstra")
    page = planner.get(f"/renja/{bkpsdm.pk}/").content.decode()
    top = page[page.index('id="siklus"'):page.index('id="tahapan"')]
    assert "Dikembalikan oleh Verifikator Bappeda" in top
    assert "Target T-C.33 belum sesuai Renstra" in top
    submitted(planner, kepala, bkpsdm)
    assert "alasan-kembali" not in planner.get(f"/renja/{bkpsdm.pk}/").content.decode()


def test_the_planner_s_list_shows_deadline_ceiling_and_open_comments_of_their_plans(
        planner, bkpsdm):
    from renja.web.accounts.models import PaguCeiling
    from renja.web.plans.models import Jadwal

    Jadwal.objects.create(pemda=bkpsdm.perangkat_daerah.pemda, tahun=2024,
                          tahapan="rancangan", mulai=datetime.date(2023, 2, 1),
                          selesai=datetime.date(2023, 3, 15))
    PaguCeiling.objects.filter(perangkat_daerah=bkpsdm.perangkat_daerah, tahun=2024).update(
        pagu=22_000_000_000)
    actions.comment(bkpsdm, user("verifikator_bappeda"), "Periksa pagu")
    rows = overview_rows(planner.get("/renja/").content.decode())
    assert list(rows) == ["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"]
    assert rows["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"] == [
        "2024", "Rancangan", "Draf", "15-03-2023 lewat", "1", "20", "55", "22.145.310.718",
        "22.000.000.000", "melebihi 145.310.718"]
    assert list(overview_rows(planner.get("/renja/?status=diajukan").content.decode())) == [
        "Tidak ada Renja yang cocok."]
