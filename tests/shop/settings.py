# -*- coding: utf-8 -*-
"""Settings of the demo Satchmo 0.9.2 store.

This is the shop a user would already have: a plain Satchmo store plus
``rest_framework``, ``rest_framework.authtoken`` and ``satchmo_api``. Where
the database is and where files go come from the environment, which the
harness (tests/harness/shop.py) sets; nothing here is a secret worth keeping.
"""
import os
import sys

PROJECT_DIR = os.path.dirname(os.path.abspath(__file__))
if PROJECT_DIR not in sys.path:
    # Django 1.3 drops the project's parent from sys.path after import; the
    # demo app lives in this folder.
    sys.path.insert(0, PROJECT_DIR)
VAR_DIR = os.environ.get("SHOP_VAR_DIR", os.path.join(PROJECT_DIR, "..", "..", "var", "shop"))

DEBUG = os.environ.get("SHOP_DEBUG", "0") == "1"
TEMPLATE_DEBUG = DEBUG
ADMINS = ()
MANAGERS = ADMINS

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql_psycopg2",
        "NAME": os.environ.get("SHOP_DB_NAME", "shop"),
        "USER": os.environ.get("SHOP_DB_USER", "shop"),
        "PASSWORD": os.environ.get("SHOP_DB_PASSWORD", ""),
        "HOST": os.environ.get("SHOP_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("SHOP_DB_PORT", "5432"),
    }
}

TIME_ZONE = "Europe/Brussels"
LANGUAGE_CODE = "en-us"
LANGUAGES = (("en", "English"),)
SITE_ID = 1
SITE_NAME = "Satchmo demo store"
SITE_DOMAIN = "127.0.0.1"
SECRET_KEY = os.environ.get("SHOP_SECRET_KEY", "demo-store-not-secret")

MEDIA_ROOT = os.path.join(VAR_DIR, "media")
MEDIA_URL = "/static/"
ADMIN_MEDIA_PREFIX = "/media/"

# The shop's currency is Satchmo's own l10n setting (what its price formatting
# and the API's GET shop/ read). The demo store sells in USD, Satchmo's
# default; the harness runs the same store in another currency by setting
# SHOP_CURRENCY (tests/harness/shop.py), as an owner edits this dictionary.
SHOP_CURRENCY = os.environ.get("SHOP_CURRENCY")
if SHOP_CURRENCY:
    L10N_SETTINGS = {
        "currency_formats": {
            "USD": {"symbol": u"$", "positive": u"$%(val)0.2f", "negative": u"-$%(val)0.2f",
                    "decimal": "."},
            "EUR": {"symbol": u"\u20ac", "positive": u"\u20ac%(val)0.2f",
                    "negative": u"-\u20ac%(val)0.2f", "decimal": ","},
            "GBP": {"symbol": u"\u00a3", "positive": u"\u00a3%(val)0.2f",
                    "negative": u"-\u00a3%(val)0.2f", "decimal": "."},
        },
        "default_currency": SHOP_CURRENCY,
    }

CACHE_BACKEND = "locmem:///"
CACHE_TIMEOUT = 60 * 5
CACHE_PREFIX = "demo"

# Checkout sends mail: keep it in files under var/.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.path.join(VAR_DIR, "mail")

TEMPLATE_LOADERS = (
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
)
TEMPLATE_DIRS = ()
TEMPLATE_CONTEXT_PROCESSORS = (
    "satchmo_store.shop.context_processors.settings",
    "django.contrib.auth.context_processors.auth",
)
MIDDLEWARE_CLASSES = (
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "threaded_multihost.middleware.ThreadLocalMiddleware",
    "satchmo_store.shop.SSLMiddleware.SSLRedirect",
)
ROOT_URLCONF = "urls"

INSTALLED_APPS = (
    "django.contrib.sites",
    "satchmo_store.shop",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.comments",
    "django.contrib.sessions",
    "django.contrib.sitemaps",
    "registration",
    "sorl.thumbnail",
    "keyedcache",
    "livesettings",
    "l10n",
    "satchmo_utils.thumbnail",
    "satchmo_store.contact",
    "tax",
    "tax.modules.no",
    "tax.modules.area",
    "tax.modules.percent",
    "shipping",
    "product",
    "product.modules.configurable",
    "product.modules.custom",
    "payment",
    "payment.modules.dummy",
    "satchmo_utils",
    "app_plugins",
    # the API the ERP pulls from
    "rest_framework",
    "rest_framework.authtoken",
    "satchmo_api",
    # the demo data generator
    "demo_store",
)

AUTHENTICATION_BACKENDS = (
    "satchmo_store.accounts.email-auth.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)
SATCHMO_SETTINGS = {
    "SHOP_BASE": "",
    "MULTISHOP": False,
}
ACCOUNT_ACTIVATION_DAYS = 7
SKIP_SOUTH_TESTS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"level": "WARNING", "class": "logging.StreamHandler"}},
    "loggers": {"": {"handlers": ["console"], "level": "WARNING"}},
}
