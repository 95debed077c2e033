# -*- coding: utf-8 -*-
"""SQL queries per page of the reconciliation's shop endpoints, counted inside the shop.

Run as api_queries.py is (the shop virtualenv's Python in tests/shop, the shop's
database environment, SHOP_DEBUG=1):

    python ledger_queries.py TOKEN  ->  JSON on stdout: {endpoint: {limit: queries}}
"""
import json
import os
import sys

sys.path.insert(0, os.getcwd())
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

from django.test.client import Client  # noqa: E402

from api_queries import count  # noqa: E402

ENDPOINTS = ("ledger/orders", "ledger/ids/contacts", "ledger/ids/products")
LIMITS = (1000, 5000)


def main(token):
    client = Client(HTTP_AUTHORIZATION="Token %s" % token, HTTP_ACCEPT="application/json")
    client.get("/api/v1/ledger/orders/", {"limit": 1})  # warm-up: caches, site, settings
    json.dump(dict((endpoint, dict((str(limit), count(client, "/api/v1/%s/" % endpoint,
                                                       {"limit": limit})) for limit in LIMITS))
                   for endpoint in ENDPOINTS), sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
