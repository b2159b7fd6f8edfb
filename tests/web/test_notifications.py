"""Notifications: who is told of each step and comment, the bell's count, opening one, e-mail."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail

from renja.web.plans import actions
from renja.web.plans.models import Notification, Plan


def user(name: str) -> User:
    return User.objects.get(username=name)


def told(plan: Plan) -> list[tuple[str, str, str]]:
    return [(n.recipient.username, n.kind, n.text)
            for n in Notification.objects.filter(plan=plan).order_by("pk")]


def test_each_step_tells_the_people_concerned_and_never_the_one_who_acted(db, bkpsdm):
    actions.propose(bkpsdm, user("perencana_bkpsdm"))
    actions.decline(bkpsdm, user("kepala_bkpsdm"), "Lengkapi lokasi")
    actions.propose(bkpsdm, user("perencana_bkpsdm"))
    actions.submit(bkpsdm, user("kepala_bkpsdm"))
    actions.return_plan(bkpsdm, user("verifikator_bappeda"), "Perbaiki target")
    assert told(bkpsdm) == [
        ("kepala_bkpsdm", "renja.renja.propose",
         "Perencana BKPSDM mengajukan Renja BKPSDM 2024 untuk Anda setujui"),
        ("perencana_bkpsdm", "renja.renja.decline",
         "Kepala BKPSDM mengembalikan Renja BKPSDM 2024 ke perencana: Lengkapi lokasi"),
        ("kepala_bkpsdm", "renja.renja.propose",
         "Perencana BKPSDM mengajukan Renja BKPSDM 2024 untuk Anda setujui"),
        ("perencana_bkpsdm", "renja.renja.submit",
         "Kepala BKPSDM menyetujui Renja BKPSDM 2024 dan mengajukannya ke Bappeda"),
        ("verifikator_bappeda", "renja.renja.submit",
         "Kepala BKPSDM menyetujui Renja BKPSDM 2024 dan mengajukannya ke Bappeda"),
        ("perencana_bkpsdm", "renja.renja.return",
         "Verifikator Bappeda mengembalikan Renja BKPSDM 2024: Perbaiki target"),
        ("kepala_bkpsdm", "renja.renja.return",
         "Verifikator Bappeda mengembalikan Renja BKPSDM 2024: Perbaiki target"),
    ]
    # people of another agency or pemda hear nothing
    assert not Notification.objects.filter(recipient__username__in=(
        "perencana_dinkes", "kepala_dinkes", "verifikator_kotacontoh")).exists()


def test_a_comment_tells_the_agency_and_a_reply_tells_its_author(db, bkpsdm):
    note = actions.comment(bkpsdm, user("verifikator_bappeda"), "Target tidak sesuai",
                           kode="5.03.01.2.01.0001")
    actions.comment(bkpsdm, user("perencana_bkpsdm"), "Sudah diperbaiki", parent=note)
    assert told(bkpsdm) == [
        ("perencana_bkpsdm", "renja.catatan.tambah", "Verifikator Bappeda memberi catatan pada "
         "5.03.01.2.01.0001 di Renja BKPSDM 2024: Target tidak sesuai"),
        ("kepala_bkpsdm", "renja.catatan.tambah", "Verifikator Bappeda memberi catatan pada "
         "5.03.01.2.01.0001 di Renja BKPSDM 2024: Target tidak sesuai"),
        ("verifikator_bappeda", "renja.catatan.balas", "Perencana BKPSDM membalas catatan pada "
         "5.03.01.2.01.0001 di Renja BKPSDM 2024: Sudah diperbaiki"),
    ]


def test_a_refused_step_tells_nobody(db, bkpsdm):
    with pytest.raises(actions.ActionRefused):
        actions.submit(bkpsdm, user("perencana_bkpsdm"))
    assert told(bkpsdm) == []


def test_the_bell_counts_unread_and_opening_one_marks_it_read(planner, kepala, bkpsdm):
    actions.propose(bkpsdm, user("perencana_bkpsdm"))
    page = kepala.get("/renja/").content.decode()
    assert 'aria-label="Notifikasi: 1 belum dibaca"' in page
    inbox = kepala.get("/notifikasi/").content.decode()
    assert "Perencana BKPSDM mengajukan Renja BKPSDM 2024 untuk Anda setujui" in inbox
    notice = Notification.objects.get(recipient__username="kepala_bkpsdm")
    assert planner.post(f"/notifikasi/{notice.pk}/").status_code == 404  # not the planner's
    opened = kepala.post(f"/notifikasi/{notice.pk}/")
    assert opened["Location"] == f"/renja/{bkpsdm.pk}/#siklus"
    assert 'aria-label="Notifikasi"' in kepala.get("/renja/").content.decode()


def test_marking_all_read_empties_the_count(kepala, bkpsdm):
    actions.propose(bkpsdm, user("perencana_bkpsdm"))
    actions.decline(bkpsdm, user("kepala_bkpsdm"), "x")
    actions.propose(bkpsdm, user("perencana_bkpsdm"))
    assert Notification.objects.filter(recipient__username="kepala_bkpsdm",
                                       read_at=None).count() == 2
    kepala.post("/notifikasi/dibaca/")
    assert not Notification.objects.filter(recipient__username="kepala_bkpsdm",
                                           read_at=None).exists()


def test_with_mail_on_each_person_with_an_address_gets_an_email(db, bkpsdm, settings,
                                                               django_capture_on_commit_callbacks):
    settings.RENJA_MAIL = True
    settings.RENJA_BASE_URL = "https://renja.pasuruankab.go.id"
    kepala = user("kepala_bkpsdm")
    kepala.email = "kepala@bkpsdm.example"
    kepala.save()
    with django_capture_on_commit_callbacks(execute=True):
        actions.propose(bkpsdm, user("perencana_bkpsdm"), note="Mohon persetujuan")
    [message] = mail.outbox
    assert message.to == ["kepala@bkpsdm.example"]
    assert message.subject == "[renja] Perencana BKPSDM mengajukan Renja BKPSDM 2024 untuk " \
                              "Anda setujui"
    assert f"Buka: https://renja.pasuruankab.go.id/renja/{bkpsdm.pk}/#siklus" in message.body


def test_without_mail_settings_no_email_is_sent(db, bkpsdm, django_capture_on_commit_callbacks):
    kepala = user("kepala_bkpsdm")
    kepala.email = "kepala@bkpsdm.example"
    kepala.save()
    with django_capture_on_commit_callbacks(execute=True):
        actions.propose(bkpsdm, user("perencana_bkpsdm"))
    assert mail.outbox == []
