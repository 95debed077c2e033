# -*- coding: utf-8 -*-
"""What the API tests share: an authenticated JSON GET and a query counter."""
import json

from django.db import connection
from django.conf import settings

from satchmo_api.tests import store


class ApiClientMixin(object):
    def get_json(self, path, status=200, **extra):
        headers = dict(store.api_client_headers(), **extra)
        response = self.client.get(path, **headers)
        self.assertEqual(response.status_code, status, response.content[:500])
        self.assertEqual(response["Content-Type"].split(";")[0], "application/json")
        return json.loads(response.content)

    def results(self, path):
        return self.get_json(path)["results"]

    def count_queries(self, path):
        """The number of SQL queries one authenticated GET runs."""
        store.api_client_headers()
        old_debug = settings.DEBUG
        settings.DEBUG = True
        connection.queries = []
        try:
            self.get_json(path)
            return len(connection.queries)
        finally:
            settings.DEBUG = old_debug
