from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "renja.web.accounts"
    label = "accounts"
    verbose_name = "Organisasi dan pengguna"
