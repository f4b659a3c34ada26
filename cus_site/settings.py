"""Settings of the CUS site, read from the environment.

Every value that differs between a developer's machine and production comes from an environment
variable (see README.md). With DEBUG off nothing has a fallback: a missing secret or database
stops the start with one sentence saying what to set.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from js_asset import Script

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
    # gunicorn.conf.py sets CONN_MAX_AGE=0: its gevent workers keep no connection.
    max_age = int(os.environ.get("CONN_MAX_AGE") or 60)
    try:
        config = dj_database_url.parse(url, conn_max_age=max_age, conn_health_checks=True)
    except ValueError as error:
        raise ConfigurationError(
            f"DATABASE_URL is not a PostgreSQL URL ({error}): "
            "use postgresql://USER:PASSWORD@HOST:PORT/NAME."
        ) from None
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise ConfigurationError("DATABASE_URL must point to PostgreSQL (postgresql://…).")
    # A server that vanished without refusing (a dead host) would otherwise keep each request
    # waiting for the system's TCP timeout; with this a visitor gets the 503 in seconds.
    config.setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT") or 3
    )
    return config


# Object storage (cus_site/storage.py): every variable or none of them.
S3_REQUIRED = ("S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "MEDIA_PUBLIC_URL")
S3_OPTIONAL = ("S3_ENDPOINT_URL", "S3_REGION")


def object_storage_from_env(environ=os.environ):
    """The object storage's variables, or None when none is set (uploads stay in MEDIA_ROOT);
    a half-given configuration is refused, naming the first variable missing."""
    given = {name: environ.get(name, "").strip() for name in S3_REQUIRED + S3_OPTIONAL}
    if not any(given.values()):
        return None
    for name in S3_REQUIRED:
        if not given[name]:
            raise ConfigurationError(
                f"{name} is not set: uploads in object storage need S3_BUCKET, "
                "S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and MEDIA_PUBLIC_URL (S3_ENDPOINT_URL "
                "and S3_REGION as the provider says); unset them all to keep uploads in "
                "MEDIA_ROOT."
            )
    public = urlsplit(given["MEDIA_PUBLIC_URL"])
    if public.scheme not in ("http", "https") or not public.netloc:
        raise ConfigurationError(
            "MEDIA_PUBLIC_URL must be the address public files are read from, such as "
            f"https://pliki.cus.tarnow.pl/cus-media, not {given['MEDIA_PUBLIC_URL']!r}."
        )
    return given


def object_storage_settings(config, csp, admin_csp):
    """The settings object storage changes: the default storage, the addresses of files, the
    renditions' strategy and the CSPs (its origin for images and media)."""
    public = urlsplit(config["MEDIA_PUBLIC_URL"].rstrip("/"))
    origin = f"{public.scheme}://{public.netloc}"
    options = {
        "bucket_name": config["S3_BUCKET"],
        "access_key": config["S3_ACCESS_KEY_ID"],
        "secret_key": config["S3_SECRET_ACCESS_KEY"],
        "endpoint_url": config["S3_ENDPOINT_URL"] or None,
        "region_name": config["S3_REGION"] or None,
        # An address is MEDIA_PUBLIC_URL + the name: computed, never signed, never asked for.
        "custom_domain": public.netloc + public.path,
        "url_protocol": f"{public.scheme}:",
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=300"},
    }
    directives = dict(csp["DIRECTIVES"])
    for directive in ("img-src", "media-src"):
        directives[directive] = [*directives[directive], origin]
    return {
        "OBJECT_STORAGE": config,
        "MEDIA_URL": f"{config['MEDIA_PUBLIC_URL'].rstrip('/')}/",
        "STORAGE_DEFAULT": {"BACKEND": "cus_site.storage.ObjectStorage", "OPTIONS": options},
        # Renditions are made when a photo is saved; a page never asks whether they exist.
        "IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY": "imagekit.cachefiles.strategies.Optimistic",
        "CONTENT_SECURITY_POLICY": {**csp, "DIRECTIVES": directives},
        "ADMIN_CONTENT_SECURITY_POLICY": {
            **admin_csp,
            "img-src": [*admin_csp["img-src"], origin],
        },
    }


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
    "cus_site.apps.AdminConfig",
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
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "axes",
    "reversion",
    "reversion_compare",
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
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the session is read: a hit costs no query. Outside the compression, so a copy
    # is kept compressed and a hit costs no compression either.
    "cus_site.cache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cus_site.middleware.SiteCSPMiddleware",
    "pages.middleware.ReaderOptionsVaryMiddleware",
    "cus_site.middleware.AdminPrivacyMiddleware",
    # A body over its path's limit is refused here, before a view reads it (no middleware
    # above reads it); the 413 page still gets the headers of the ones above.
    "cus_site.middleware.RequestBodyLimitMiddleware",
    "cus_site.middleware.StorageUnavailableMiddleware",
    # Near the end, so it sees the sign-in form's failures (django-axes).
    "axes.middleware.AxesMiddleware",
    # Innermost, so that it sees a 404 before CommonMiddleware turns it into a slash redirect.
    "pages.middleware.RedirectMiddleware",
    # A view that cannot reach the database gets the 503 (cus_site/outage.py); the page cache
    # outside it sees `response.database_unavailable`.
    "cus_site.outage.DatabaseUnavailableMiddleware",
]
# How long a public page is kept at most, by the page cache (cus_site/cache.py) and by browsers
# and proxies, which it tells so in max-age; a timed change (a unit opening, a scheduled post)
# comes first. Editors' changes reach browsers within this time; 0 keeps nothing.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", 300))
# PAGE_CACHE=0 turns the page copies off (the fragments of every page stay cached).
PAGE_CACHE = env_flag("PAGE_CACHE", True)

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

# Signing in (cus_site/signin.py): lockouts by django-axes, two-factor by django-two-factor-auth.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
REQUIRE_2FA = env_flag("REQUIRE_2FA")
# How many proxies in front of the site append to X-Forwarded-For (nginx alone: 1); 0 trusts
# none and uses the connection's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "cus_site.signin.SigninHandler"
AXES_CLIENT_IP_CALLABLE = "cus_site.signin.client_ip"
AXES_LOCKOUT_CALLABLE = "cus_site.signin.lockout"
AXES_USERNAME_CALLABLE = "cus_site.signin.username_of"
TWO_FACTOR_LOGIN_TIMEOUT = 600
# The sign-in URL comes before the admin's (cus_site/urls.py); no need to patch AdminSite.
TWO_FACTOR_PATCH_ADMIN = False
# Staff sessions end after eight hours without a request (each request renews them; visitors
# have no session at all).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Mail: the password reset. With DEBUG on it is printed to the console.
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish first; English and Ukrainian follow under /en/ and /uk/.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("polski")), ("en", _("angielski")), ("uk", _("ukraiński"))]
# The second holds Polish for the admin texts Django builds from model names (see its .po).
# The prose editor's toolbar in the site's words (cus_site/richtext.py).
DJANGO_PROSE_EDITOR_PRESETS = {
    "cus": [
        Script("django_prose_editor/editor.js", type="module"),
        Script("js/prose-editor.js", type="module"),
    ]
}
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cus_site" / "django_polish"]
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
    # Files under public/ and private/ by who may see them (cus_site/media.py).
    "default": {"BACKEND": "cus_site.media.MediaStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Behind nginx, a private file is sent by nginx from this `internal` location (X-Accel-Redirect)
# instead of by Django, e.g. /media-internal/ (deploy/nginx/cus-site.conf).
PRIVATE_MEDIA_INTERNAL_URL = os.environ.get("PRIVATE_MEDIA_INTERNAL_URL", "")
IMAGEKIT_SPEC_CACHEFILE_NAMER = "cus_site.media.rendition_name"

# Uploads above this size go to a temporary file instead of memory; the image and document
# rules set their own, lower limits per field.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024


def caches_from_env():
    """The default alias (imagekit's record of renditions) and `pages` (cus_site/cache.py):
    both shared by every worker process, on Redis with REDIS_URL, else in files of the
    project's `.cache/` (never the database: pages must outlive its outage). The files are
    bounded by MAX_ENTRIES; Redis by its own `maxmemory` with an LRU policy."""
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        backend = {
            # Django's Redis backend; while Redis is unreachable a miss, not a 500.
            "BACKEND": "cus_site.redis_cache.ForgivingRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        return {
            "default": {**backend, "KEY_PREFIX": "cus"},
            "pages": {**backend, "KEY_PREFIX": "cus-pages"},
        }
    folder = Path(os.environ.get("CACHE_DIR", BASE_DIR / ".cache"))
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            # Django's file cache, its `add` made atomic between processes.
            "BACKEND": "cus_site.file_cache.FileCache",
            "LOCATION": folder / "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }


CACHES = caches_from_env()

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG and env_flag("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if env_flag("BEHIND_HTTPS_PROXY"):
    # The proxy speaks HTTPS to browsers and says so in X-Forwarded-Proto (it must overwrite a
    # client's own). Browsers are then told to come back over HTTPS only, for a year.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# A load balancer's health check may come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
# Features no page of the site uses are switched off for it and anything it could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "hid",
        "midi",
        "magnetometer",
        "gyroscope",
        "accelerometer",
        "display-capture",
        "browsing-topics",
    )
}

# Public pages run under a strict policy: no inline script or style, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
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
# The admin replaces these directives of it (cus_site.middleware.SiteCSPMiddleware): its
# scripts are files of this site too; the prose editor's import map is allowed by its hash
# (computed), and the base styles its editor (tiptap) writes into a <style> element by theirs,
# as django-prose-editor 0.28 writes them (a change shows as a refusal in
# tests/browser/test_admin_signin.py). The admin's icons include data: images.
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": ["'self'"],
    "style-src": ["'self'", "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": ["'self'", "data:"],
}


OBJECT_STORAGE = object_storage_from_env()
if OBJECT_STORAGE:
    _object_storage = object_storage_settings(
        OBJECT_STORAGE, CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY
    )
    STORAGES["default"] = _object_storage.pop("STORAGE_DEFAULT")
    globals().update(_object_storage)


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
