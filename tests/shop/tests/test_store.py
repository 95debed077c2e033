# -*- coding: utf-8 -*-
"""The demo store is a real Satchmo store with the API installed."""
from django.conf import settings
from django.test import TestCase


class StoreSetupTest(TestCase):
    def test_api_apps_are_installed(self):
        for app in ("rest_framework", "rest_framework.authtoken", "satchmo_api"):
            self.assertIn(app, settings.INSTALLED_APPS)

    def test_api_root_is_mounted_under_api(self):
        response = self.client.get("/api/v1/")
        self.assertIn(response.status_code, (200, 401, 403))
