from django.test import Client

from renja.web.accounts.views import DEMO_PASSWORD


def test_a_user_logs_in_and_lands_on_their_plans(db):
    client = Client()
    response = client.post("/masuk/", {"username": "perencana_bkpsdm",
                                       "password": DEMO_PASSWORD}, follow=True)
    assert "Daftar Renja" in response.content.decode()


def test_repeated_failures_lock_the_login_for_a_while(db, settings):
    client = Client()
    for _ in range(settings.RENJA_LOGIN_ATTEMPTS):
        response = client.post("/masuk/", {"username": "perencana_dinkes", "password": "x"})
        assert "Nama pengguna atau kata sandi salah." in response.content.decode()
    locked = client.post("/masuk/", {"username": "perencana_dinkes",
                                     "password": DEMO_PASSWORD})
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal." in locked.content.decode()


def test_every_model_change_has_a_migration(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_the_plan_list_needs_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    client = Client()
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="verifikator_bappeda"))
    # … the bell's unread count, and one for the plans whose agency has a ceiling per sumber
    # dana (the demo's DINKES), whose data the list otherwise defers
    with django_assert_max_num_queries(8):
        assert client.get("/renja/").status_code == 200


def fail_five_times(client, username="perencana_dinkes"):  # type: ignore[no-untyped-def]
    from django.conf import settings

    for _ in range(settings.RENJA_LOGIN_ATTEMPTS):
        client.post("/masuk/", {"username": username, "password": "x"})


def test_a_lock_holds_for_every_spelling_of_the_username(db):
    import pytest

    client = Client()
    fail_five_times(client)
    for variant in (" perencana_dinkes", "perencana_dinkes ", "\tperencana_dinkes",
                    "ｐｅｒｅｎｃａｎａ＿ｄｉｎｋｅｓ", "perencana_dinkes\xa0", "Perencana_Dinkes"):
        response = client.post("/masuk/", {"username": variant, "password": DEMO_PASSWORD})
        if response.status_code != 429:
            pytest.fail(f"{variant!r} logged in past the lock")


def test_a_lock_holds_for_the_user_from_another_address(db):
    fail_five_times(Client(REMOTE_ADDR="10.0.0.1"))
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post("/masuk/", {"username": "perencana_dinkes",
                                  "password": DEMO_PASSWORD}).status_code == 429


def test_an_address_guessing_many_usernames_is_locked(db, settings):
    client = Client(REMOTE_ADDR="10.0.0.9")
    for i in range(settings.RENJA_LOGIN_ATTEMPTS * 4):
        client.post("/masuk/", {"username": f"tebakan{i}", "password": "x"})
    assert client.post("/masuk/", {"username": "perencana_bkpsdm",
                                   "password": DEMO_PASSWORD}).status_code == 429


def test_behind_a_proxy_the_configured_header_names_the_address(db, settings):
    settings.RENJA_CLIENT_IP_HEADER = "X-Forwarded-For"
    for i in range(settings.RENJA_LOGIN_ATTEMPTS * 4):
        Client(HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 10.9.9.9").post(
            "/masuk/", {"username": f"tebakan{i}", "password": "x"})
    elsewhere = Client(HTTP_X_FORWARDED_FOR="10.9.9.8")
    assert elsewhere.post("/masuk/", {"username": "perencana_bkpsdm",
                                      "password": DEMO_PASSWORD}).status_code == 302


def test_a_user_logs_in_whatever_the_case_and_width_of_the_name(db):
    response = Client().post("/masuk/", {"username": " Perencana_BKPSDM\xa0",
                                         "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_forty_parallel_guesses_reach_the_password_check_at_most_five_times(transactional_db,
                                                                            settings):
    import threading

    from django.contrib.auth.models import User
    from django.db import connection

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # all forty worked on at once (no "sedang sibuk" answer first): the throttle alone decides
    settings.RENJA_MAX_WORKING = 40
    User.objects.create_user(username="sasaran", password="benar-sekali-2024")
    statuses: list[int] = []
    start = threading.Barrier(40)

    def guess(i: int) -> None:
        start.wait()
        try:
            statuses.append(Client(REMOTE_ADDR=f"10.1.0.{i}").post(
                "/masuk/", {"username": "sasaran", "password": f"salah{i}"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(statuses) == 40
    assert statuses.count(200) <= settings.RENJA_LOGIN_ATTEMPTS
    assert statuses.count(429) >= 40 - settings.RENJA_LOGIN_ATTEMPTS


def test_a_person_changes_their_own_password(db):
    from django.contrib.auth import authenticate

    client = Client()
    client.post("/masuk/", {"username": "perencana_dinkes", "password": DEMO_PASSWORD})
    wrong = client.post("/akun/sandi/", {"old_password": "salah", "new_password1": "x",
                                         "new_password2": "y"})
    assert wrong.status_code == 200
    assert 'role="alert"' in wrong.content.decode()
    done = client.post("/akun/sandi/", {"old_password": DEMO_PASSWORD,
                                        "new_password1": "Sandi-Baru-2025!",
                                        "new_password2": "Sandi-Baru-2025!"}, follow=True)
    assert "Kata sandi Anda sudah diganti" in done.content.decode()
    assert authenticate(username="perencana_dinkes", password="Sandi-Baru-2025!") is not None


def test_an_admin_resets_a_password_of_their_pemda_only_and_it_is_audited(db):
    import re

    from django.contrib.auth import authenticate
    from django.contrib.auth.models import User

    from renja.web.plans.models import AuditEntry
    from tests.web.conftest import client_for

    target = User.objects.get(username="perencana_dinkes")
    page = client_for("admin_pasuruan").post(f"/pemda/pengguna/{target.pk}/sandi/",
                                              follow=True).content.decode()
    password = re.search(r"Kata sandi baru: (\S+) \(sampaikan", page).group(1)
    assert authenticate(username="perencana_dinkes", password=password) is not None
    assert AuditEntry.objects.get(action="pemda.pengguna.sandi").field == \
        "pengguna perencana_dinkes"
    assert "Kata sandi diatur ulang" in page
    outsider = client_for("admin_kotacontoh").post(f"/pemda/pengguna/{target.pk}/sandi/")
    assert outsider.status_code == 404
