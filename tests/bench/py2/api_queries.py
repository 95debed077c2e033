# -*- coding: utf-8 -*-
"""SQL queries per page of the shop API, counted inside the shop (Python 2.7, Django 1.3).

Run with the shop virtualenv's Python in tests/shop, with the shop's database
environment and SHOP_DEBUG=1 (Django records queries only in DEBUG):

    python api_queries.py TOKEN  ->  JSON on stdout: {resource: {limit: queries}}

A page's query count must not depend on its size (children are batched per
page): two page sizes per resource, and the change feed, after one warm-up
request that fills Satchmo's caches.
"""
import json
import os
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

from django.db import connection, reset_queries  # noqa: E402
from django.test.client import Client  # noqa: E402

RESOURCES = ("countries", "categories", "products", "organizations", "contacts", "orders")
LIMITS = (10, 100)


def count(client, path, params):
    reset_queries()
    response = client.get(path, params)
    if response.status_code != 200:
        raise SystemExit("%s answered %s" % (path, response.status_code))
    rows = len(json.loads(response.content).get("results") or [])
    return {"queries": len(connection.queries), "rows": rows}


def main(token):
    client = Client(HTTP_AUTHORIZATION="Token %s" % token, HTTP_ACCEPT="application/json")
    client.get("/api/v1/products/", {"limit": 1})  # warm-up: caches, site, settings
    result = {}
    for resource in RESOURCES:
        result[resource] = dict((str(limit), count(client, "/api/v1/%s/" % resource,
                                                   {"limit": limit})) for limit in LIMITS)
    result["changes"] = dict((str(limit), count(client, "/api/v1/changes/",
                                                {"after": 0, "limit": limit * 5}))
                             for limit in LIMITS)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
