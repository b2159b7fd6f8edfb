from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "renja.web.plans"
    label = "plans"
    verbose_name = "Renja"
