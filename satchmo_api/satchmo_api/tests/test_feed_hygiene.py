# -*- coding: utf-8 -*-
"""Timed prices with the clock moved, the prune race, a cursor ahead of head,
publishing in bounded chunks."""
import datetime
from decimal import Decimal
from StringIO import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TransactionTestCase
from product import prices as satchmo_prices
from product.models import Price

from satchmo_api import feed
from satchmo_api.management.commands.satchmo_api_timed_prices import publish_expired
from satchmo_api.serializers import formats, products
from satchmo_api.tests import store
from satchmo_api.tests.test_feed import FeedMixin
from satchmo_api.tests.test_race import second_connection


class MovedClock(object):
    """``datetime`` as the API's product serializer and Satchmo's price lookup
    see it, ``days`` from now: both read ``datetime.date.today()``."""

    def __init__(self, days):
        moved = datetime.date.today() + datetime.timedelta(days=days)

        class MovedDate(datetime.date):
            @classmethod
            def today(cls):
                return moved
        self.date, self.timedelta, self.datetime = MovedDate, datetime.timedelta, datetime.datetime
        self.today = moved

    def __enter__(self):
        self.saved = products.datetime, satchmo_prices.datetime
        products.datetime = satchmo_prices.datetime = self
        return self

    def __exit__(self, *exc):
        products.datetime, satchmo_prices.datetime = self.saved


class TimedPriceTest(FeedMixin, TransactionTestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.shirt = self.catalog["shirt"]

    def unit_price(self, product):
        return self.results("/api/v1/products/?ids=%d" % product.id)[0]["unit_price"]

    def test_an_expired_tier_publishes_its_product_on_the_day_after(self):
        base, variant = self.catalog["base"], self.catalog["variant"]
        Price.objects.filter(product=variant).delete()
        soon = datetime.date.today() + datetime.timedelta(days=3)
        Price.objects.create(product=base, price=Decimal("20"), quantity=Decimal(1))
        Price.objects.create(product=base, price=Decimal("15"), quantity=Decimal(1),
                             expires=soon)
        call_command("satchmo_api_timed_prices", stdout=StringIO())  # today: nothing expired
        self.assertEqual(self.marked_by(lambda: call_command("satchmo_api_timed_prices",
                                                             stdout=StringIO())), [])
        with MovedClock(3) as clock:  # the last day of the sale: still 15
            self.assertEqual(self.marked_by(lambda: publish_expired(clock.today)), [])
            self.assertEqual(self.unit_price(base), formats.unit_price(
                satchmo_prices.get_product_quantity_price(base, Decimal(1))))
        with MovedClock(5) as clock:  # a day missed: the next run catches up
            marked = self.marked_by(lambda: publish_expired(clock.today))
            self.assertEqual(set(marked), set([("products", base.id, "upsert"),
                                               ("products", variant.id, "upsert")]))
            self.assertEqual(self.unit_price(base), formats.unit_price(
                satchmo_prices.get_product_quantity_price(base, Decimal(1))))
            self.assertEqual(self.unit_price(base), "20.000000")
            self.assertEqual(self.marked_by(lambda: publish_expired(clock.today)), [])


class HygieneTest(FeedMixin, TransactionTestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.other = second_connection()

    def tearDown(self):
        self.other.rollback()
        self.other.close()
        super(HygieneTest, self).tearDown()

    def test_a_prune_between_the_rows_and_the_horizon_answers_410(self):
        """The prune commits right after the reader read its rows: the horizon,
        read after them, shows it, and the client is told to resync."""
        head = self.head()
        real_cursor = connection.cursor
        other = self.other

        class PruneAfterRows(object):
            def __init__(self, cursor):
                self.cursor = cursor

            def execute(self, sql, params=()):
                self.cursor.execute(sql, params)
                if sql.startswith("SELECT seq, resource"):
                    prune = other.cursor()
                    prune.execute("DELETE FROM satchmo_api_change WHERE seq <= %s", [head])
                    prune.execute("INSERT INTO satchmo_api_feedhorizon (seq) VALUES (%s)",
                                  [head])
                    other.commit()

            def __getattr__(self, name):
                return getattr(self.cursor, name)

        connection.cursor = lambda: PruneAfterRows(real_cursor())
        try:
            body = self.get_json("/api/v1/changes/?after=0", status=410)
        finally:
            connection.cursor = real_cursor
        self.assertEqual((body["error"], body["horizon"]), ("cursor_pruned", head))

    def test_a_cursor_ahead_of_head_is_a_clear_error(self):
        head = self.head()
        body = self.get_json("/api/v1/changes/?after=%d" % (head + 10), status=409)
        self.assertEqual((body["error"], body["head"]), ("cursor_ahead", head))
        self.assertIn("resync", body["detail"])

    def test_a_backfill_is_published_in_bounded_chunks(self):
        start = self.head()
        call_command("satchmo_api_backfill", stdout=StringIO())
        saved, feed.PUBLISH_CHUNK = feed.PUBLISH_CHUNK, 2
        try:
            body = self.get_json("/api/v1/changes/?after=%d&limit=100" % start)
            self.assertEqual(len(body["results"]), 2)
            self.assertTrue(body["has_more"])
            everything = self.changes(start, limit=100)
        finally:
            feed.PUBLISH_CHUNK = saved
        self.assertTrue(len(everything) > 4, everything)
        seqs = [c["seq"] for c in everything]
        self.assertEqual(seqs, sorted(set(seqs)))
