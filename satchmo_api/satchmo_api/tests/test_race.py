# -*- coding: utf-8 -*-
"""The feed never lets a client skip a change, tested with real concurrent
transactions: second psycopg2 connections to the test database hold
transactions open while the Django connection commits later changes and a
client reads the feed in between."""
import psycopg2
from django.db import connection
from django.test import TransactionTestCase
from product.models import TaxClass

from satchmo_api import feed
from satchmo_api.tests.test_feed import FeedMixin


def second_connection():
    settings = connection.settings_dict
    return psycopg2.connect(dbname=settings["NAME"], user=settings["USER"],
                            password=settings["PASSWORD"] or None,
                            host=settings["HOST"] or None, port=settings["PORT"] or None)


def log_change(cursor, resource, object_id):
    """What a capture trigger does, on another connection (its transaction stays open)."""
    cursor.execute("SELECT satchmo_api_mark(%s, ARRAY[%s], 'upsert')", [resource, object_id])


class RaceTest(FeedMixin, TransactionTestCase):
    def setUp(self):
        self.other = second_connection()

    def tearDown(self):
        self.other.rollback()
        self.other.close()
        super(RaceTest, self).tearDown()

    def keys(self, changes):
        return [(c["resource"], c["id"]) for c in changes]

    def test_a_change_that_commits_late_comes_after_the_clients_cursor(self):
        """A writes first and stays open; B writes later and commits; the client
        reads (sees B) and stores its cursor; then A commits. A must still
        reach the client: it is numbered above the cursor."""
        a = self.other.cursor()
        log_change(a, "products", 4242)
        tax = TaxClass.objects.create(title="B", description="B")
        seen = self.changes()
        self.assertIn(("tax_classes", tax.id), self.keys(seen))
        self.assertNotIn(("products", 4242), self.keys(seen))
        cursor = seen[-1]["seq"]
        self.other.commit()
        after = self.changes(cursor)
        self.assertEqual(self.keys(after), [("products", 4242)])
        self.assertTrue(after[0]["seq"] > cursor)
        self.assertEqual(self.head(), after[0]["seq"])

    def test_an_older_transaction_that_writes_late_is_not_skipped(self):
        """E owns an older transaction id than A but writes after A, and
        commits first: neither transaction ids nor insert order may decide
        the numbering, commit order must."""
        older = second_connection()
        try:
            e = older.cursor()
            e.execute("SELECT txid_current()")      # E gets its transaction id first
            a = self.other.cursor()
            log_change(a, "products", 4444)          # A writes, stays open
            log_change(e, "products", 4545)          # E writes later
            older.commit()                           # E commits first
            seen = self.changes()
            self.assertEqual(self.keys(seen)[-1:], [("products", 4545)])
            cursor = self.head()
            self.other.commit()                      # A commits last
            self.assertEqual(self.keys(self.changes(cursor)), [("products", 4444)])
        finally:
            older.close()

    def test_a_rolled_back_change_is_never_published(self):
        a = self.other.cursor()
        log_change(a, "products", 4343)
        tax = TaxClass.objects.create(title="B", description="B")
        start = self.head() - 1
        self.other.rollback()
        self.assertEqual(self.keys(self.changes(start)), [("tax_classes", tax.id)])
        self.assertEqual(self.keys(self.changes(self.head())), [])

    def test_two_publishers_at_once_hand_out_each_number_once(self):
        """Two readers publishing at the same moment: the advisory lock makes
        them take turns, so no number is given twice and none is lost."""
        start = self.head()  # flush reloads fixtures: their rows are changes too
        for n in range(5):
            TaxClass.objects.create(title="T%d" % n, description="")
        other = self.other.cursor()
        other.execute("SELECT pg_advisory_xact_lock(%s)", [feed.PUBLISH_LOCK])
        other.execute(feed._PUBLISH, [feed.PUBLISH_CHUNK])
        self.other.commit()
        seqs = [c["seq"] for c in self.changes()]
        self.assertEqual(seqs, sorted(set(seqs)))
        self.assertEqual(len([c for c in self.changes(start)
                              if c["resource"] == "tax_classes"]), 5)
