# -*- coding: utf-8 -*-
"""The fast generator (generate(..., fast=True), bulk.py) makes the rows the slow one makes.

The same small store is built twice from one seed, each time on Satchmo's
sample store in a savepoint that is then rolled back: once through Satchmo's
models (the reference), once with the bulk writer. A rolled back savepoint
does not rewind PostgreSQL's sequences, so they are set back to where they
were before the second build: then both builds hand out the same ids and
every table can be compared row by row, ids and foreign keys included.
What is left out is only what cannot be equal: the change log's own ids,
transaction ids and creation times (its rows are compared as the set of
objects it marks, with their operation), and the sequences' last values.
The API's order payloads of both builds are compared too. The fast build
writes the customers (customers_bulk.py) and the orders (bulk.py) in bulk.
"""
import json
from collections import Counter

from django.core.cache import cache
from django.db import connection, transaction
from django.test.client import Client

from demo_store.generator import generate
from satchmo_api.models import Change
from satchmo_api.tests import store as api_store

from . import generated_store

SIZES = {"categories": 5, "products": 14, "organizations": 3, "contacts": 12, "orders": 40,
         "returning_guests": 2}
SEED = 5
CHANGE_LOG = Change._meta.db_table
# the change log is compared as the objects it marks; sessions are not store data
SKIPPED = set([CHANGE_LOG, "django_session"])
# columns either build stamps with the moment it ran, or a fresh random salt
NOW_STAMPED = {"auth_user": ("password", "last_login", "date_joined")}


def _sequences(cursor):
    cursor.execute("SELECT sequencename, last_value FROM pg_sequences "
                   "WHERE schemaname = current_schema()")
    return dict(cursor.fetchall())


def _rewind(cursor, sequences):
    for name, value in sequences.items():
        if value is None:
            cursor.execute("SELECT setval(%s, 1, false)", [name])
        else:
            cursor.execute("SELECT setval(%s, %s)", [name, value])


def _tables(cursor):
    cursor.execute("SELECT table_name FROM information_schema.tables "
                   "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
    return sorted(name for name, in cursor.fetchall() if name not in SKIPPED)


def _dump(cursor):
    """Every table's rows, sorted; and the change log as the objects it marks."""
    tables = {}
    for name in _tables(cursor):
        cursor.execute('SELECT * FROM "%s"' % name)
        columns = [d[0] for d in cursor.description]
        tables[name] = (columns, sorted(cursor.fetchall()))
    cursor.execute("SELECT resource, object_id, operation FROM %s" % CHANGE_LOG)
    marks = Counter(cursor.fetchall())
    return tables, marks


class BulkGeneratorTest(generated_store.GeneratedStoreTestCase):

    @classmethod
    def build_store(cls):
        cls.headers = api_store.api_client_headers()
        cursor = connection.cursor()
        sequences = _sequences(cursor)
        cls.builds = {}
        for fast in (False, True):
            _rewind(cursor, sequences)
            point = transaction.savepoint()
            cache.clear()
            cls.builds[fast] = {"counts": generate(SEED, SIZES, fast=fast)}
            cls.builds[fast]["tables"], cls.builds[fast]["marks"] = _dump(cursor)
            cls.builds[fast]["orders"] = cls._order_payloads()
            transaction.savepoint_rollback(point)

    @classmethod
    def _order_payloads(cls):
        client, payloads, url = Client(), [], "/api/v1/orders/?limit=100"
        while url:
            page = json.loads(client.get(url, **cls.headers).content)
            payloads.extend(page["results"])
            url = page.get("next") and page["next"].split("testserver", 1)[-1]
        return payloads

    def test_every_table_has_the_same_rows(self):
        slow, fast = self.builds[False]["tables"], self.builds[True]["tables"]
        self.assertEqual(sorted(slow), sorted(fast))
        differences = []
        for name in sorted(slow):
            columns, rows = slow[name]
            self.assertEqual(fast[name][0], columns, name)
            if len(fast[name][1]) != len(rows):
                differences.append("%s: %d rows, not %d" % (name, len(fast[name][1]), len(rows)))
                continue
            for expected, got in zip(rows, fast[name][1]):
                wrong = [column for column, want, have in zip(columns, expected, got)
                         if want != have and column not in NOW_STAMPED.get(name, ())]
                if wrong:
                    differences.append("%s: %s" % (name, ", ".join(
                        "%s %r (slow: %r)" % (column, have, want) for column, want, have
                        in zip(columns, expected, got) if column in wrong)))
                    break
        self.assertEqual(differences, [])

    def test_the_store_has_what_the_comparison_needs(self):
        tables = self.builds[False]["tables"]
        for name in ("shop_order", "shop_orderitem", "shop_orderitemdetail", "shop_ordertaxdetail",
                     "shop_orderstatus", "shop_orderpayment"):
            self.assertTrue(tables[name][1], "no rows in %s" % name)
        # the customers are bulk written too (customers_bulk.py): their tables, and a
        # home address whose billing default a later office address took (what
        # Satchmo's AddressBook.save decides, and the bulk writer decides in memory)
        for name in ("contact_organization", "contact_contact", "contact_addressbook",
                     "contact_phonenumber"):
            self.assertTrue(tables[name][1], "no rows in %s" % name)
        columns, rows = tables["contact_addressbook"]
        flags = [(row[columns.index("is_default_billing")],
                  row[columns.index("is_default_shipping")]) for row in rows]
        self.assertIn((False, True), flags)
        counts = self.builds[False]["counts"]
        self.assertEqual(counts["orders"], SIZES["orders"])
        self.assertTrue(counts["address_moves"] >= 1)
        orders = self.builds[False]["orders"]
        self.assertTrue(any(order["discount_code"] for order in orders))

    def test_same_counts(self):
        slow, fast = dict(self.builds[False]["counts"]), dict(self.builds[True]["counts"])
        slow.pop("seconds"), fast.pop("seconds")
        self.assertEqual(fast, slow)

    def test_the_change_feed_marks_the_same_objects(self):
        self.assertEqual(self.builds[True]["marks"], self.builds[False]["marks"])

    def test_the_api_serves_the_same_orders(self):
        slow, fast = self.builds[False]["orders"], self.builds[True]["orders"]
        self.assertEqual(len(fast), SIZES["orders"])
        for expected, got in zip(slow, fast):
            self.assertEqual(got, expected)
