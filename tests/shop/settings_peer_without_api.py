# -*- coding: utf-8 -*-
"""settings_peer without satchmo_api: the plain Satchmo shop the API is added to.

The peer suite's baseline for Satchmo's own tests: the same store, database
server and apps, minus the API app, the REST framework it brings, and its URLs.
"""
from settings_peer import *  # noqa: F401,F403

API_APPS = ("rest_framework", "rest_framework.authtoken", "satchmo_api")
INSTALLED_APPS = tuple(app for app in INSTALLED_APPS if app not in API_APPS)  # noqa: F405
ROOT_URLCONF = "satchmo_store.urls"
