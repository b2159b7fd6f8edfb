"""WSGI entry point: gunicorn renja.web.wsgi."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "renja.web.settings")
application = get_wsgi_application()
