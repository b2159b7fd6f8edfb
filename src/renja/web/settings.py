"""Django settings, from the environment (RENJA_* and DATABASE_URL).

SQLite (a file, WAL, busy timeout) is the default; PostgreSQL via
DATABASE_URL=postgres://user@host:5432/name.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("RENJA_DATA_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("RENJA_DEBUG", "0") == "1"
DEMO = os.environ.get("RENJA_DEMO", "0") == "1"
TESTING = "pytest" in sys.modules or os.environ.get("RENJA_TESTING") == "1"
SECRET_KEY = os.environ.get("RENJA_SECRET_KEY") or (
    "renja-development-key-not-for-production" if DEBUG or DEMO or TESTING else "")
if not SECRET_KEY:
    raise RuntimeError("RENJA_SECRET_KEY must be set outside development and demo mode")
ALLOWED_HOSTS = os.environ.get("RENJA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves /api/docs from its own static files (our CSP allows no CDN)
    "renja.web",
    "renja.web.accounts",
    "renja.web.plans",
]
MIDDLEWARE = [
    "renja.web.requests_log.RequestId",
    "renja.web.replica.ReadFromReplica",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "renja.web.busy.ShedLoad",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "renja.web.security.ContentSecurityPolicy",
]
ROOT_URLCONF = "renja.web.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "renja.web.context.site",
    ]},
}]
WSGI_APPLICATION = "renja.web.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL") or ""
if not DATABASE_URL:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{DATA_DIR / 'renja.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Values travel apart from the SQL (psycopg's server-side binding) instead of being quoted
    # into it in Python: a save sends the plan's ~0.5 MB of JSON (3 ms less per save).
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Tests on a file, not a shared in-memory database: concurrent requests then wait for the
    # write lock (busy timeout) as in production instead of failing with "table is locked".
    # One file per test run, so two runs at once (the suite and the browser tests) do not meet.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"renja-test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve the app's static files without collectstatic

# Uploads: plans are small files; refuse anything larger than 10 MB.
RENJA_UPLOAD_MAX_BYTES = int(os.environ.get("RENJA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = RENJA_UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = RENJA_UPLOAD_MAX_BYTES

# Plans may be made for years from RENJA_FIRST_YEAR (Permendagri 86/2017) to this many after
# the current one; a pending import (uploaded, not yet saved) is deleted after these hours.
RENJA_FIRST_YEAR = int(os.environ.get("RENJA_FIRST_YEAR", 2017))
RENJA_YEARS_AHEAD = int(os.environ.get("RENJA_YEARS_AHEAD", 2))
RENJA_IMPORT_HOURS = int(os.environ.get("RENJA_IMPORT_HOURS", 24))

# Notifications by e-mail too (RENJA_MAIL=1), through Django's mail settings; the address of
# the app in the messages' links.
RENJA_MAIL = os.environ.get("RENJA_MAIL", "0") == "1"
RENJA_BASE_URL = os.environ.get("RENJA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_HOST = os.environ.get("RENJA_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("RENJA_EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("RENJA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("RENJA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("RENJA_EMAIL_TLS", "0") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("RENJA_EMAIL_FROM", "renja@localhost")

# Login throttling: this many failed attempts per username and address lock it for a while.
RENJA_LOGIN_ATTEMPTS = int(os.environ.get("RENJA_LOGIN_ATTEMPTS", 5))
RENJA_LOGIN_LOCK_SECONDS = int(os.environ.get("RENJA_LOGIN_LOCK_SECONDS", 300))
# Behind a reverse proxy: the header it sets with the client's address (X-Forwarded-For).
RENJA_CLIENT_IP_HEADER = os.environ.get("RENJA_CLIENT_IP_HEADER", "")
# Shared state: with RENJA_REDIS_URL (redis://127.0.0.1:6379/0) the cache (findings per plan
# version), sessions (cached, kept in the database too), the login throttle and the job queue
# live in Redis, so every worker and every app server sees them; without it, each process
# keeps its own cache, the throttle counts in the database and jobs run in the web process.
RENJA_REDIS_URL = os.environ.get("RENJA_REDIS_URL", "")
RENJA_REDIS_PREFIX = os.environ.get("RENJA_REDIS_PREFIX", "renja")
if RENJA_REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": RENJA_REDIS_URL, "KEY_PREFIX": RENJA_REDIS_PREFIX,
                          "TIMEOUT": 24 * 3600}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Beyond capacity (renja.web.busy): requests of one process working at a time, how long one
# waits for a turn before "sedang sibuk" (503, Retry-After) and how many may wait at once, and
# how long it may have waited at the reverse proxy (X-Request-Start) before it is not worked on
# at all (0: no limit).
RENJA_MAX_WORKING = int(os.environ.get("RENJA_MAX_WORKING", 2))
RENJA_BUSY_WAIT = float(os.environ.get("RENJA_BUSY_WAIT", 5))
RENJA_MAX_WAITING = int(os.environ.get("RENJA_MAX_WAITING", 8))
RENJA_MAX_QUEUE_SECONDS = float(os.environ.get("RENJA_MAX_QUEUE_SECONDS", 10))
RENJA_RETRY_AFTER = int(os.environ.get("RENJA_RETRY_AFTER", 5))
# Background jobs' files (a ZIP made or uploaded) are kept this many days after the job ended;
# the job's row (what ran, who, when, how it ended) stays.
RENJA_JOB_KEEP_DAYS = int(os.environ.get("RENJA_JOB_KEEP_DAYS", 7))

# Read replica: with RENJA_DATABASE_REPLICA_URL, pages that only read (GET) are served from a
# PostgreSQL streaming replica; writes, and the reads of whoever wrote in the last
# RENJA_REPLICA_PIN_SECONDS, go to the primary (renja.web.replica).
RENJA_DATABASE_REPLICA_URL = os.environ.get("RENJA_DATABASE_REPLICA_URL", "")
RENJA_REPLICA_PIN_SECONDS = int(os.environ.get("RENJA_REPLICA_PIN_SECONDS", 10))
if RENJA_DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(RENJA_DATABASE_REPLICA_URL, conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["renja.web.replica.Router"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG and os.environ.get("RENJA_INSECURE_COOKIES") != "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
PRODUCTION = not (DEBUG or DEMO or TESTING)
# Production is served over HTTPS: HSTS, and plain HTTP redirected (unless the proxy does it:
# RENJA_SSL_REDIRECT=0). Behind a proxy that ends TLS, RENJA_PROXY_SSL_HEADER names its header.
SECURE_HSTS_SECONDS = int(os.environ.get("RENJA_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_SSL_REDIRECT = os.environ.get("RENJA_SSL_REDIRECT", "1" if PRODUCTION else "0") == "1"
if os.environ.get("RENJA_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + os.environ["RENJA_PROXY_SSL_HEADER"].upper()
                               .replace("-", "_"), "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Logging: one line per record on stderr, with the request's id; 500s are logged with their
# traceback on that line (django.request).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "renja.web.requests_log.AddRequestId"}},
    "formatters": {"line": {"()": "renja.web.requests_log.OneLine",
                            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: "
                                      "%(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "filters": ["request_id"],
                            "formatter": "line"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("RENJA_LOG_LEVEL", "WARNING")},
    "loggers": {"django": {"handlers": ["stderr"], "level": "WARNING", "propagate": False}},
}
