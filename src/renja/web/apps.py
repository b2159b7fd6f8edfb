from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "renja.web"
    label = "renja_web"
    verbose_name = "renja"
