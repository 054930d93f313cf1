"""Settings shared by every environment. Everything that differs between
machines comes from environment variables (or a `.env` file beside manage.py, or the file
named by ENV_FILE: config/env.py)."""

import warnings
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from oscar.defaults import *  # noqa: F401,F403  (Oscar's OSCAR_* defaults, overridden below)

from config.env import load_env
from config.languages import languages_from_codes
from ops.sentry import init_sentry
from shop import order_status

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
load_env()

SECRET_KEY = env("SECRET_KEY", default="")  # SECRET_KEY; prod refuses to start without it
DEBUG = env.bool("DEBUG", default=False)  # DEBUG; dev defaults to True
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])  # comma-separated
# CSRF_TRUSTED_ORIGINS: only for a site reached on a non-standard port (https://example.com:8443).
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps first so their templates and translations win.
    "core",
    "ops",
    "pages",
    "shop",
    "booking",
    "api",  # the booking API (/api/v1/) and its keys
    "ninja",  # django-ninja: its self-hosted Swagger UI (no CDN)
    "bot",
    # Wagtail and its localization
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailseo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    # haystack must come before wagtail.search: both ship `update_index`
    # (use `wagtail_update_index` for Wagtail's index).
    "haystack",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    # Oscar
    "shop.oscar_apps.ShopConfig",  # Oscar's root app; password reset answers alike for every address
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.oscar_apps.CheckoutConfig",  # Oscar's checkout with the Stripe payment step
    "oscar.apps.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",  # Oscar's shipping with our methods (shop/shipping/repository.py)
    "shop.oscar_apps.CatalogueConfig",  # Oscar's catalogue; product URLs lead to ProductPages
    "shop.oscar_apps.CatalogueReviewsConfig",  # Oscar's reviews; a review's page shows approved ones only
    "oscar.apps.communication.apps.CommunicationConfig",
    "oscar.apps.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "shop.oscar_apps.CustomerConfig",  # Oscar's accounts with email verification (shop/accounts.py)
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "shop.oscar_apps.ReviewsDashboardConfig",  # Oscar's, whose bulk status change checks the status
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Supporting. django-storages (core/storages.py) and django-htmx (its middleware) need no
    # entry here; /sitemap.xml is our own view (pages/views.py), not a sitemaps app.
    "django_tasks",
    "django_tasks_db",
    "dbbackup",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ExplainBadRequestMiddleware",  # a 400 with an empty body gets the reason
    "core.middleware.RejectNulMiddleware",  # 400 before a NUL reaches the database
    "core.middleware.ShadowingParameterMiddleware",  # ?items=… must not hide request.GET.items in templates
    "core.middleware.CookiePolicyMiddleware",  # SameSite (and Secure in production) on every cookie
    "ops.csv_safety.CSVFormulaMiddleware",  # no CSV export can carry a spreadsheet formula
    "ops.csp.SiteCSPMiddleware",  # CSP header (strict public, relaxed admin; views declare more)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.BannerScheduleCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",  # Django's; a view's own 404 is not redirected to a language prefix
    "ops.security.LoginRateLimitMiddleware",  # 429 in the visitor's language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "ops.twofactor.StaffTwoFactorMiddleware",  # admin pages need the second factor (ops/twofactor.py)
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.MaintenanceModeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.MalformedIdMiddleware",  # a non-numeric id from the URL is a 404
    "shop.dashboard.DashboardPaginationMiddleware",  # Oscar's dashboard pages only with sane numbers
    # Last: sees the final response (status, content type) of public pages.
    "ops.middleware.PageViewMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the 429 page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,  # Django wraps these in the cached loader when DEBUG is off
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock up front; without this concurrent POSTs fail with
    # "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
# REDIS_URL: the shared cache (rate limits, lockouts) for several processes; empty: local memory.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "ops.security.AxesBackend",  # django-axes lockout, first
    "shop.auth_backends.EmailBackend",  # Oscar's, timing-safe for unknown addresses
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = reverse_lazy("customer:login")
LOGIN_REDIRECT_URL = reverse_lazy("customer:summary")  # the account, in the language signed in from (not "/" → English)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages --------------------------------------------------------------
# LANGUAGES (environment): the site's languages, comma-separated; the first is the default language (the
# pages' source language; UI msgids are English). Names come from Django's LANG_INFO. Everything that lists
# languages reads settings.LANGUAGES: URL prefixes, the switcher, hreflang, the sitemap, Wagtail's locales
# (`manage.py sync_languages`), scripts/translations.py and the demo. README: "Adding a language".
LANGUAGES = languages_from_codes(env.list("LANGUAGES", default=["en", "de", "ru", "uk"]))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate this page" creates a draft: the source text must not go live under
# /de/… before a translator has translated and published it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [
    BASE_DIR / "locale",
    # Oscar's own `ru` catalogue is 9 % translated; its ru_RU one is complete.
    BASE_DIR / "locale" / "oscar",
]
TIME_ZONE = env("TIME_ZONE", default="Europe/Berlin")  # TIME_ZONE: opening hours and appointments
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")  # STATIC_ROOT: collectstatic writes here
# Only what is served: build sources (the Tailwind input) live in assets/.
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")  # MEDIA_ROOT: uploads (without S3)

# AWS_STORAGE_BUCKET_NAME: uploads in this S3 bucket (AWS_S3_ENDPOINT_URL for another S3 provider).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    # Every upload gets a random name suffix: "is the name free?" races on S3.
    DEFAULT_FILE_STORAGE_BACKEND = "core.storages.UniqueNameS3Storage"
else:
    DEFAULT_FILE_STORAGE_BACKEND = "django.core.files.storage.FileSystemStorage"
STORAGES = {
    "default": {"BACKEND": DEFAULT_FILE_STORAGE_BACKEND},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # BACKUP_DIR: `manage.py backup` writes database and media backups here (folder 0700, files 0600).
        "OPTIONS": {"location": str(env.path("BACKUP_DIR", default=BASE_DIR / "backups"))},
    },
}

# --- Email ------------------------------------------------------------------
# EMAIL_URL: e.g. smtp+tls://user:pass@smtp.example.com:587; consolemail:// prints mails.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Studio <hello@example.com>")  # sender of every mail
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks -------------------------------------------------------
# `default` stays immediate (Wagtail's own tasks use it). Emails, reminders and other
# background work go to the `db` alias, run by `python manage.py task_worker`.
# TASK_QUEUE picks the engine behind that alias:
#   database  rows in the database (django-tasks-db): nothing else to run
#   rq        RQ on Redis (django-tasks-rq): any number of workers on any machine,
#             retries with backoff, failed jobs listed under /django-admin/rq/ (staff only)
TASK_QUEUE = env("TASK_QUEUE", default="database")
TASK_RETRIES = env.int("TASK_RETRIES", default=3)  # rq: attempts after the first failure
# rq: seconds before each retry.
TASK_RETRY_INTERVALS = env.list("TASK_RETRY_INTERVALS", cast=int, default=[30, 300, 1800])
if TASK_QUEUE == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": env("TASK_REDIS_URL", default=REDIS_URL or "redis://127.0.0.1:6379/0"),  # the queue's Redis
            "DEFAULT_TIMEOUT": 300,
            "QUEUE_CLASS": "core.task_queue.TaskQueue",
        }
    }
    _TASK_BACKEND = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(RQ_QUEUES)}
elif TASK_QUEUE == "database":
    _TASK_BACKEND = {"BACKEND": "django_tasks_db.DatabaseBackend"}
else:
    raise ImproperlyConfigured(f"TASK_QUEUE must be 'database' or 'rq', not {TASK_QUEUE!r}.")
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "db": _TASK_BACKEND,
}

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Studio Aurora")  # SITE_NAME: admin, shop and 2FA app name
# BASE_URL: the only source of absolute links (emails, admin, sitemap); never the request's Host.
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Uploads above 40 megapixels (IMAGE_MAX_PIXELS) or 20 MB get a form error, never a 500
# (core/images.py); renditions are at most 1200 px wide in templates and for og:image.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.images.ImageForm"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin

# --- Oscar ------------------------------------------------------------------
SITE_ID = 1  # its domain mirrors BASE_URL after every migrate (core/sites.py)
OSCAR_URL_SCHEMA = WAGTAILADMIN_BASE_URL.split("://")[0]  # links in Oscar's emails
OSCAR_SHOP_NAME = WAGTAIL_SITE_NAME
OSCAR_DEFAULT_CURRENCY = env("CURRENCY", default="EUR")  # CURRENCY: shop and booking prices (ISO 4217)
# The storefront in the visitor's language ("Continue shopping", /<lang>/shop/, sign-out); not "/",
# which sends a Russian customer to the English home page.
OSCAR_HOMEPAGE = reverse_lazy("catalogue:index")
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
# Product reviews: signed-in customers only, published after a moderator approves them.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
# Guest checkout never tells whether an address has an account; registration
# answers the same for new and known addresses and mails the owner instead.
OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT = True
OSCAR_SEND_REGISTRATION_EMAIL = False
# Order statuses and their pipeline are the shop's (shop/order_status.py); only its event handler
# (shop/processing.py, loaded through OSCAR_DYNAMIC_CLASS_LOADER) moves an order along it.
OSCAR_DYNAMIC_CLASS_LOADER = "shop.loading.class_loader"
OSCAR_INITIAL_ORDER_STATUS = order_status.INITIAL
OSCAR_INITIAL_LINE_STATUS = order_status.INITIAL
OSCAR_ORDER_STATUS_PIPELINE = order_status.PIPELINE
OSCAR_LINE_STATUS_PIPELINE = OSCAR_ORDER_STATUS_PIPELINE
# Oscar's product links point at the ProductPage of the current language.
ABSOLUTE_URL_OVERRIDES = {
    "catalogue.product": lambda product: __import__("shop.redirects").redirects.product_url(product),
}
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

# --- Stripe -----------------------------------------------------------------
# Without the secret and publishable key the checkout says payments are offline.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")  # checks the signature of /stripe/webhook/ events
# Where the Stripe API and Stripe.js are (the tests point both at a local fake).
STRIPE_API_BASE = env("STRIPE_API_BASE", default="https://api.stripe.com")
STRIPE_JS_URL = env("STRIPE_JS_URL", default="https://js.stripe.com/v3/")

# --- Booking ----------------------------------------------------------------
# Manage/confirmation links (token in the URL) answer 410 this many days after the appointment.
BOOKING_MANAGE_LINK_DAYS = env.int("BOOKING_MANAGE_LINK_DAYS", default=30)
# New bookings per email address and per client address (booking/limits.py); a guest's
# (unproven) email address holds at most BOOKING_LIMIT_GUEST_UPCOMING upcoming appointments.
BOOKING_LIMIT_EMAIL_PER_HOUR = env.int("BOOKING_LIMIT_EMAIL_PER_HOUR", default=3)
BOOKING_LIMIT_EMAIL_PER_DAY = env.int("BOOKING_LIMIT_EMAIL_PER_DAY", default=5)
BOOKING_LIMIT_IP_PER_HOUR = env.int("BOOKING_LIMIT_IP_PER_HOUR", default=6)
BOOKING_LIMIT_IP_PER_DAY = env.int("BOOKING_LIMIT_IP_PER_DAY", default=20)
BOOKING_LIMIT_GUEST_UPCOMING = env.int("BOOKING_LIMIT_GUEST_UPCOMING", default=3)
# Each move of an appointment mails its address again (booking/limits.py).
BOOKING_LIMIT_CHANGES_PER_DAY = env.int("BOOKING_LIMIT_CHANGES_PER_DAY", default=3)

# --- Telegram bot (bot/, `manage.py telegram_bot`) ---------------------------------
# TELEGRAM_BOT_TOKEN: the token @BotFather gives; empty = no bot (no deep links, no messages).
TELEGRAM_BOT_TOKEN = env("TELEGRAM_BOT_TOKEN", default="")
# TELEGRAM_BOT_USERNAME: the bot's @name without "@", for the t.me deep links on confirmation pages.
TELEGRAM_BOT_USERNAME = env("TELEGRAM_BOT_USERNAME", default="")
# TELEGRAM_API_BASE_URL: the Bot API address the token is appended to; tests point it at a local fake.
TELEGRAM_API_BASE_URL = env("TELEGRAM_API_BASE_URL", default="https://api.telegram.org/bot")
# TELEGRAM_LINK_HOURS: how long a "get it in Telegram" deep link stays valid.
TELEGRAM_LINK_HOURS = env.int("TELEGRAM_LINK_HOURS", default=72)

# --- Backups ----------------------------------------------------------------
DBBACKUP_CLEANUP_KEEP = env.int("BACKUP_KEEP", default=7)  # BACKUP_KEEP: backups kept (database and media each)
DBBACKUP_CLEANUP_KEEP_MEDIA = DBBACKUP_CLEANUP_KEEP
# `manage.py backup` encrypts for this GPG key when set (its public key must be in the
# server's keyring; drills and restores need the private key and BACKUP_GPG_PASSPHRASE).
DBBACKUP_GPG_RECIPIENT = env("BACKUP_GPG_RECIPIENT", default=None)
DBBACKUP_GPG_ALWAYS_TRUST = True
DBBACKUP_GPG_PASSPHRASE = env("BACKUP_GPG_PASSPHRASE", default=None)
OPS_BACKUP_MAX_AGE_HOURS = env.int("BACKUP_MAX_AGE_HOURS", default=24)  # hours; the admin warns past this

# --- Visitor statistics (ops) ----------------------------------------------
OPS_STATS_ENABLED = True  # False: no page view is recorded (ops/middleware.py)
OPS_STATS_RETENTION_DAYS = env.int("STATS_RETENTION_DAYS", default=395)  # days; older page views are deleted
# Page views are written in batches (see ops/recorder.py): ~0.3 ms instead of
# 0.7-2.5 ms per view (tests/bench/bench_stats_overhead.py).
OPS_STATS_BUFFER_SIZE = env.int("STATS_BUFFER_SIZE", default=50)
OPS_STATS_FLUSH_SECONDS = env.int("STATS_FLUSH_SECONDS", default=30)  # a batch is written at the latest after this
# Feedback sent sooner than this many seconds after the form was shown is refused as a bot's (ops/feedback.py).
OPS_FEEDBACK_MIN_SECONDS = 3

# --- Security (ops) ----------------------------------------------------------
from csp.constants import NONCE as CSP_NONCE  # noqa: E402

# Scripts only from our origin or with the per-request nonce ({{ request.csp_nonce }});
# the admin gets a relaxed policy, and views add what they need with decorators (ops/csp.py).
_MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"] if AWS_STORAGE_BUCKET_NAME else []
if AWS_STORAGE_BUCKET_NAME and env("AWS_S3_ENDPOINT_URL", default=""):
    _endpoint = urlsplit(env("AWS_S3_ENDPOINT_URL"))
    _MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", CSP_NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],  # style attributes (Oscar, Stripe's card field)
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "media-src": ["'self'", *_MEDIA_ORIGINS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'self'"],  # Wagtail's preview frames our pages
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
OPS_CSP_ADMIN_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin calls no third party (CSP connect-src 'self')
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Uploaded documents are always served by Wagtail's view, never inline unless
# harmless (PDF, plain text), with a sandboxing CSP; SVG is not an allowed image type.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Proxies in front of Django that append the client to X-Forwarded-For (the nginx
# sample: 1). 0 ignores the header. The rate limits, the lockout and the visitor
# statistics all read the client address through core.ratelimit.client_address.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
# django-axes: 5 failures per address and username lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = __import__("datetime").timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ops.security.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_USERNAME_CALLABLE = "ops.security.lockout_username"  # LockMe@x and lockme@x are one account
# Accounts: an address is proven by a signed link valid this long; only proven
# addresses link guest bookings/orders to an account (core/accounts.py).
ACCOUNT_EMAIL_VERIFICATION_HOURS = env.int("ACCOUNT_EMAIL_VERIFICATION_HOURS", default=72)
PASSWORD_RESET_LIMIT_PER_CLIENT = env.int("PASSWORD_RESET_LIMIT_PER_CLIENT", default=5)  # per hour
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("PASSWORD_RESET_LIMIT_PER_ADDRESS", default=3)  # per hour
# Confirmation links and "you already have an account" mails per address and hour.
ACCOUNT_MAILS_PER_ADDRESS = env.int("ACCOUNT_MAILS_PER_ADDRESS", default=3)
# Staff two-factor sign-in (TOTP app + recovery codes): optional per account, or
# mandatory for everyone with admin access when this is on.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=False)
# Code attempts per account and per client in 10 minutes (ops/twofactor.py).
STAFF_2FA_ATTEMPTS_PER_10_MINUTES = env.int("STAFF_2FA_ATTEMPTS_PER_10_MINUTES", default=10)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OPS_LOGIN_RATE_LIMIT = env.int("LOGIN_RATE_LIMIT", default=10)  # login POSTs per address per minute
API_RATE_LIMIT_PER_MINUTE = env.int("API_RATE_LIMIT_PER_MINUTE", default=120)  # calls per API key per minute

# --- Demo -------------------------------------------------------------------
# `manage.py load_demo` gives its admin a random password (printed once) instead of the
# one README publishes; prod.py turns it on.
DEMO_ADMIN_RANDOM_PASSWORD = False

# --- Sentry -----------------------------------------------------------------
# SENTRY_DSN turns error reporting on; SENTRY_ENVIRONMENT, SENTRY_RELEASE and
# SENTRY_TRACES_SAMPLE_RATE (0.0-1.0, share of requests traced) go with it.
SENTRY_DSN = env("SENTRY_DSN", default="")
# Scrubs personal and payment data; 404s and bad Host headers are not reported. Without a DSN: nothing.
init_sentry(
    SENTRY_DSN,
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    release=env("SENTRY_RELEASE", default=None),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)

# --- Logging ----------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Log lines never carry query strings or secret URL parts (ops/secret_urls.py).
    "filters": {"redact_urls": {"()": "ops.log_filters.RedactSecretURLs"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_urls"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},  # LOG_LEVEL: DEBUG … ERROR
    # python-gnupg warns "gpg returned a non-zero error code" beside the one-line reason
    # that backup, restore_drill and restore_backup print themselves.
    "loggers": {"gnupg": {"level": "ERROR"}},
}

# Oscar wires haystack's signal processor; the Simple backend cannot index and
# says so on every product save. The storefront search runs on Wagtail instead.
warnings.filterwarnings("ignore", message="update is not implemented in this backend")
