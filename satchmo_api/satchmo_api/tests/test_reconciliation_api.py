# -*- coding: utf-8 -*-
"""The reconciliation endpoints: the order ledger and the id listings.

Amounts are compared with Satchmo's own figures (the Order's fields and its
``balance_paid``), queries are counted for 1 and for 50 orders.
"""
from decimal import Decimal

from django.test import TestCase
from product.models import TaxClass
from satchmo_store.shop.models import Order, OrderPayment

from satchmo_api.tests import store
from satchmo_api.tests.base import ApiClientMixin


class LedgerTest(ApiClientMixin, TestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.person = store.contact()
        self.order = store.order(self.person, self.catalog["shirt"])

    def test_an_order_says_what_reconciliation_needs_in_satchmos_figures(self):
        OrderPayment.objects.create(order=self.order, payment="DUMMY", amount=Decimal("1.50"))
        (row,) = self.results("/api/v1/ledger/orders/")
        order = Order.objects.get(pk=self.order.pk)
        self.assertEqual(sorted(row), ["currency", "id", "paid", "status", "tax",
                                       "time_stamp", "total", "untaxed"])
        self.assertEqual(row["id"], order.id)
        self.assertEqual(row["status"], order.status)
        self.assertEqual(Decimal(row["total"]), order.total.quantize(Decimal("0.01")))
        self.assertEqual(Decimal(row["tax"]), order.tax.quantize(Decimal("0.01")))
        self.assertEqual(Decimal(row["untaxed"]) + Decimal(row["tax"]), Decimal(row["total"]))
        # completed payments only (Satchmo's order.payments): balance_paid would add the
        # uncaptured authorization of store.order, which is not money received
        self.assertEqual(Decimal(row["paid"]), sum(p.amount for p in order.payments.all()))
        self.assertNotEqual(Decimal(row["paid"]), order.balance_paid)
        self.assertEqual(row["currency"], self.get_json("/api/v1/shop/")["currency"])
        self.assertTrue(row["time_stamp"].startswith(order.time_stamp.date().isoformat()))

    def test_keyset_pages_and_the_same_permission_as_the_api(self):
        second = store.order(self.person, self.catalog["shirt"])
        body = self.get_json("/api/v1/ledger/orders/?limit=1")
        self.assertEqual([r["id"] for r in body["results"]], [self.order.id])
        self.assertIn("after_id=%d" % self.order.id, body["next"])
        body = self.get_json(body["next"])
        self.assertEqual([r["id"] for r in body["results"]], [second.id])
        self.assertIsNone(body["next"])
        self.assertEqual(self.client.get("/api/v1/ledger/orders/").status_code, 401)
        refused = self.client.get("/api/v1/ledger/orders/",
                                  **store.api_client_headers("no-perm", may_read=False))
        self.assertEqual(refused.status_code, 403)
        self.assertIn("ledger", self.get_json("/api/v1/"))

    def test_constant_queries_for_1_and_50_orders(self):
        for n in range(49):
            store.order(self.person, self.catalog["shirt"])
        self.count_queries("/api/v1/ledger/orders/?limit=1")  # fills Satchmo's settings cache
        one = self.count_queries("/api/v1/ledger/orders/?limit=1")
        fifty = self.count_queries("/api/v1/ledger/orders/?limit=50")
        self.assertEqual(len(self.results("/api/v1/ledger/orders/?limit=50")), 50)
        self.assertEqual(one, fifty, "%d queries for 1 order, %d for 50" % (one, fifty))


class IdListingTest(ApiClientMixin, TestCase):
    def test_every_id_with_its_newest_feed_seq(self):
        ids = [TaxClass.objects.create(title="T%d" % n, description="d").id for n in range(3)]
        self.get_json("/api/v1/changes/")  # publishes the captured changes
        start = "/api/v1/ledger/ids/tax_classes/?after_id=%d" % (ids[0] - 1)
        body = self.get_json(start + "&limit=2")
        self.assertEqual([r["id"] for r in body["results"]], ids[:2])
        self.assertTrue(all(r["changed"] for r in body["results"]))
        rest = self.results(body["next"])
        self.assertEqual([r["id"] for r in rest], ids[2:])
        # (that it grows with a later change needs a later transaction: a test's changes
        # are all one transaction, which the capture records once per object)

    def test_constant_queries_and_unknown_resources(self):
        for n in range(6):
            TaxClass.objects.create(title="T%d" % n, description="d")
        self.count_queries("/api/v1/ledger/ids/tax_classes/?limit=1")
        one = self.count_queries("/api/v1/ledger/ids/tax_classes/?limit=1")
        six = self.count_queries("/api/v1/ledger/ids/tax_classes/?limit=6")
        self.assertEqual(one, six)
        self.assertEqual(self.get_json("/api/v1/ledger/ids/orders/", status=400)["error"],
                         "bad_request")
