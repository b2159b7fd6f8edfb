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
    with django_assert_max_num_queries(6):
        assert client.get("/renja/").status_code == 200
