# -*- coding: utf-8 -*-
"""How a run reads the shop in pages: the change feed from a cursor, objects by ids.

Kept apart from pipeline.py (which says what a run does with the pages) so
that a partition of a run (partitions.py) reads them the same way.
"""
from collections import OrderedDict

from .isolation import fetch_isolating

# How many changes one feed page (= one committed batch) holds.
FEED_PAGE = 500


def feed_pages(reader, position, limit=FEED_PAGE):
    """The feed's pages after ``position``, read lazily until the shop has no more."""
    while True:
        page = reader.changes(position, limit=limit)
        yield page
        if not page.get('has_more') or not page['results']:
            return
        position = page['last_seq']


def fetched(client, resource, ids, size):
    """(payloads, {id: why the shop cannot send it}, ids the shop lacks) per page of ids."""
    for start in range(0, len(ids), size):
        chunk = ids[start:start + size]
        found, broken = fetch_isolating(client, resource, chunk)
        present = set(str(payload['id']) for payload in found) | set(broken)
        yield found, broken, [i for i in chunk if str(i) not in present]


def ids_to_fetch(rows):
    """{resource: shop ids} to fetch again for these mapping rows (a payment's row: its
    order's)."""
    by_resource = OrderedDict()
    for row in rows:
        if row.resource == 'payments':  # not a shop resource: its order registers it
            if not row.order_binding_id:
                continue
            row = row.order_binding_id
        ids = by_resource.setdefault(row.resource, [])
        if int(row.shop_id) not in ids:
            ids.append(int(row.shop_id))
    return by_resource
