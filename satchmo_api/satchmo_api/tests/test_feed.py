# -*- coding: utf-8 -*-
"""The change feed: every kind of change, deletes, collapse, backfill,
pruning. TransactionTestCase: the feed only serves committed changes, and a
TestCase never commits."""
from decimal import Decimal
from StringIO import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import TransactionTestCase
from product.models import Price, TaxClass
from satchmo_store.contact.models import AddressBook, PhoneNumber
from satchmo_store.shop.models import OrderPayment, OrderStatus, OrderTaxDetail

from satchmo_api.models import Change
from satchmo_api.tests import store
from satchmo_api.tests.base import ApiClientMixin


class FeedMixin(ApiClientMixin):
    def tearDown(self):
        # committed rows would leak into the TestCase classes that follow
        call_command("flush", interactive=False, verbosity=0)

    def changes(self, after=0, limit=5000):
        """Every servable change after ``after``, following ``has_more``."""
        seen = []
        while True:
            body = self.get_json("/api/v1/changes/?after=%d&limit=%d" % (after, limit))
            seen.extend(body["results"])
            if not body["has_more"]:
                return seen
            after = body["last_seq"]

    def head(self):
        return self.get_json("/api/v1/changes/head/")["last_seq"]

    def marked_by(self, action):
        """What ``action`` adds to the feed: [(resource, id, operation)], each
        once at its last place, as a client applying the feed sees it.

        Outside a managed transaction Satchmo's saves commit one by one (an
        order's status saves the status, then the order), so one action can
        log the same object more than once."""
        start = self.head()
        action()
        marks = [(c["resource"], c["id"], c["operation"]) for c in self.changes(start)]
        return [mark for n, mark in enumerate(marks) if mark not in marks[n + 1:]]


class ChangeFeedTest(FeedMixin, TransactionTestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.person = store.contact(store.organization())
        self.order = store.order(self.person, self.catalog["shirt"])
        self.shirt = self.catalog["shirt"]

    def test_answer_shape(self):
        body = self.get_json("/api/v1/changes/?after=0&limit=2")
        self.assertEqual(sorted(body), ["has_more", "horizon", "last_seq", "remaining",
                                        "results"])
        self.assertEqual(body["remaining"], self.head() - body["last_seq"])
        self.assertEqual(len(body["results"]), 2)
        self.assertTrue(body["has_more"])
        self.assertEqual(body["last_seq"], body["results"][-1]["seq"])
        self.assertEqual(body["horizon"], 0)
        self.assertEqual(sorted(body["results"][0]), ["id", "operation", "resource", "seq"])
        empty = self.get_json("/api/v1/changes/?after=%d" % self.head())
        self.assertEqual((empty["results"], empty["last_seq"], empty["has_more"],
                          empty["remaining"]), ([], self.head(), False, 0))
        self.assertEqual(self.get_json("/api/v1/changes/?after=x", status=400)["error"],
                         "bad_request")

    def test_creating_data_marks_every_resource(self):
        marked = set((c["resource"], c["id"]) for c in self.changes())
        for resource, obj in (("tax_classes", self.catalog["tax"]),
                              ("categories", self.catalog["root"]),
                              ("products", self.shirt), ("products", self.catalog["variant"]),
                              ("organizations", self.person.organization),
                              ("contacts", self.person), ("orders", self.order)):
            self.assertIn((resource, obj.id), marked)

    def test_own_rows_are_upserted_and_deleted(self):
        tax = TaxClass.objects.create(title=u"Réduit", description="6 %")
        self.assertEqual(self.marked_by(lambda: tax.save()), [("tax_classes", tax.id, "upsert")])
        tax_id = tax.id
        self.assertEqual(self.marked_by(tax.delete), [("tax_classes", tax_id, "delete")])
        root = self.catalog["root"]
        self.assertEqual(self.marked_by(lambda: root.save()), [("categories", root.id, "upsert")])
        belgium = store.country()
        self.assertEqual(self.marked_by(lambda: belgium.save()),
                         [("countries", belgium.id, "upsert")])

    def test_child_changes_mark_the_parent(self):
        shirt, person, order = self.shirt, self.person, self.order
        price = Price(product=shirt, price=Decimal("8"), quantity=Decimal("50"))
        self.assertEqual(self.marked_by(price.save), [("products", shirt.id, "upsert")])
        self.assertEqual(self.marked_by(price.delete), [("products", shirt.id, "upsert")])
        self.assertEqual(self.marked_by(lambda: shirt.category.remove(self.catalog["child"])),
                         [("products", shirt.id, "upsert")])
        variant = self.catalog["variant"]
        self.assertEqual(self.marked_by(lambda: self.catalog["option"].save()),
                         [("products", variant.id, "upsert")])
        address = AddressBook.objects.get(contact=person)
        address.city = u"Namur"
        # AddressBook.save also re-saves the contact's other addresses
        self.assertEqual(set(self.marked_by(address.save)), set([("contacts", person.id, "upsert")]))
        phone = PhoneNumber.objects.get(contact=person)
        self.assertEqual(self.marked_by(phone.delete), [("contacts", person.id, "upsert")])
        org = person.organization
        self.assertEqual(self.marked_by(lambda: org.save()),
                         [("organizations", org.id, "upsert")])
        for action in (lambda: order.add_status(u"In Process", u"Préparée"),
                       lambda: OrderTaxDetail.objects.create(order=order, method="x", tax=1),
                       lambda: OrderPayment.objects.create(order=order, payment="DUMMY",
                                                           amount=Decimal("1")),
                       lambda: order.orderitem_set.get().save(),
                       lambda: order.orderitem_set.get().orderitemdetail_set.get().save()):
            self.assertEqual(self.marked_by(action), [("orders", order.id, "upsert")])
        status = OrderStatus.objects.filter(order=order).latest()
        self.assertEqual(self.marked_by(status.delete), [("orders", order.id, "upsert")])

    def test_deleting_resource_objects_carries_deletes(self):
        order_id, person_id = self.order.id, self.person.id
        marked = self.marked_by(self.order.delete)
        # Django 1.3 deletes the children first (upserts of the order), the
        # order last: its delete is the latest word
        self.assertEqual(marked[-1], ("orders", order_id, "delete"))
        self.assertEqual(set(marked[:-1]) - set([("orders", order_id, "upsert")]), set())
        marked = self.marked_by(self.person.delete)
        self.assertEqual(marked[-1], ("contacts", person_id, "delete"))
        variant_id = self.catalog["variant"].id
        marked = self.marked_by(self.catalog["variant"].delete)
        self.assertEqual(marked[-1], ("products", variant_id, "delete"))

    def test_repeated_changes_in_one_transaction_collapse(self):
        @transaction.commit_on_success
        def touch_many_times():
            for n in range(5):
                self.shirt.save()
                Price.objects.create(product=self.shirt, price=Decimal(n + 1),
                                     quantity=Decimal(100 + n))
        self.assertEqual(self.marked_by(touch_many_times), [("products", self.shirt.id, "upsert")])

    def test_a_rolled_back_change_never_shows(self):
        @transaction.commit_manually
        def change_then_roll_back():
            TaxClass.objects.create(title="gone", description="gone")
            transaction.rollback()
        self.assertEqual(self.marked_by(change_then_roll_back), [])
        self.assertEqual(self.marked_by(lambda: self.shirt.save()),
                         [("products", self.shirt.id, "upsert")])


class BackfillAndPruneTest(FeedMixin, TransactionTestCase):
    def setUp(self):
        self.catalog = store.catalog()
        self.person = store.contact(store.organization())
        self.order = store.order(self.person, self.catalog["shirt"])

    def test_backfill_marks_every_existing_object(self):
        Change.objects.all().delete()  # as if the data predated the app
        out = StringIO()
        call_command("satchmo_api_backfill", stdout=out)
        self.assertIn("orders: 1", out.getvalue())
        marked = set((c["resource"], c["id"], c["operation"]) for c in self.changes())
        from product.models import Category, Product
        from satchmo_store.contact.models import Contact, Organization
        from satchmo_store.shop.models import Order
        from l10n.models import Country
        for resource, model in (("tax_classes", TaxClass), ("products", Product),
                                ("categories", Category), ("countries", Country),
                                ("organizations", Organization), ("contacts", Contact),
                                ("orders", Order)):
            for pk in model.objects.values_list("pk", flat=True):
                self.assertIn((resource, pk, "upsert"), marked)

    def test_prune_moves_the_horizon_and_old_cursors_get_410(self):
        head = self.head()
        self.assertTrue(head > 0)
        out = StringIO()
        call_command("satchmo_api_prune", days=0, stdout=out)
        self.assertIn("horizon %d" % head, out.getvalue())
        body = self.get_json("/api/v1/changes/?after=0", status=410)
        self.assertEqual(body["error"], "cursor_pruned")
        self.assertEqual(body["horizon"], head)
        self.assertIn("resync", body["detail"])
        body = self.get_json("/api/v1/changes/?after=%d" % head)
        self.assertEqual((body["results"], body["horizon"]), ([], head))
        self.assertEqual(self.head(), head)
        self.person.save()
        self.assertEqual([(c["resource"], c["id"]) for c in self.changes(head)],
                         [("contacts", self.person.id)])

    def test_prune_keeps_recent_changes(self):
        before = len(self.changes())
        call_command("satchmo_api_prune", days=30, stdout=StringIO())
        self.assertEqual(len(self.changes()), before)
        self.assertEqual(self.get_json("/api/v1/changes/?after=0")["horizon"], 0)
