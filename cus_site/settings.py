"""Settings of the CUS site, read from the environment.

Every value that differs between a developer's machine and production comes from an environment
variable (see README.md). With DEBUG off nothing has a fallback: a missing secret or database
stops the start with one sentence saying what to set.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


class ConfigurationError(ImproperlyConfigured):
    """A setting the environment must provide is missing or wrong."""


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_env():
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        raise ConfigurationError(
            "DATABASE_URL is not set: set it to postgresql://USER:PASSWORD@HOST:PORT/NAME, "
            "or start the site with `make run`, which provides a local database."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ConfigurationError(
            f"DATABASE_URL is not a PostgreSQL URL ({error}): "
            "use postgresql://USER:PASSWORD@HOST:PORT/NAME."
        ) from None
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise ConfigurationError("DATABASE_URL must point to PostgreSQL (postgresql://…).")
    return config


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError(
            "SECRET_KEY is not set: set it to a long random string "
            '(python3 -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    SECRET_KEY = "insecure-development-key-used-only-with-debug-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_prose_editor",
    "imagekit",
    "cus_site",
    "hours",
    "news",
    "events",
    "osl",
    "pages",
    "search",
    "wordpress",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pages.middleware.ReaderOptionsVaryMiddleware",
    "cus_site.middleware.PublicCacheMiddleware",
    # Innermost, so that it sees a 404 before CommonMiddleware turns it into a slash redirect.
    "pages.middleware.RedirectMiddleware",
]
# How long browsers and proxies may keep a public page (the hours status pages opt out).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", 300))

ROOT_URLCONF = "cus_site.urls"
WSGI_APPLICATION = "cus_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cus_site.context_processors.site",
                "cus_site.context_processors.languages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish first; English and Ukrainian follow under /en/ and /uk/.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("polski")), ("en", _("angielski")), ("uk", _("ukraiński"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cus_site.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pl",)
# The admin's language tabs need jQuery UI; modeltranslation would load it from a CDN.
# It is kept in static/vendor/ (jquery-ui 1.14.2 from the npm registry, MIT licence).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads are few and small; Django serves them unless a proxy in front is told to.
SERVE_MEDIA = env_flag("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads above this size go to a temporary file instead of memory; the image and document
# rules set their own, lower limits per field.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG and env_flag("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_flag("BEHIND_HTTPS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Public pages run under a strict policy: no inline script or style, nothing from other hosts.
# The admin keeps what its widgets need.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}


def site_url_from_env():
    """The public address of the site, for links other sites and search engines keep (canonical
    links, sitemaps, feeds, the accessibility statement): production must say it."""
    url = os.environ.get("SITE_URL", "").strip().rstrip("/")
    if not url:
        if not DEBUG:
            raise ConfigurationError(
                "SITE_URL is not set: set it to the site's public address, "
                "e.g. https://cus.tarnow.pl (no trailing slash needed)."
            )
        return "http://127.0.0.1:8000"
    scheme, _, rest = url.partition("://")
    if scheme not in ("http", "https") or not rest or "/" in rest:
        raise ConfigurationError(
            f"SITE_URL must be an address such as https://cus.tarnow.pl, not {url!r}."
        )
    return url


SITE_URL = site_url_from_env()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
