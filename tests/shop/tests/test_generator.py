# -*- coding: utf-8 -*-
"""The demo data generator (demo_store.generator, manage.py generate_demo_data).

The store is generated once for the class, in a transaction it rolls back
(generated_store.py).
"""
from decimal import Decimal
from StringIO import StringIO

from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from demo_store.generator import AlreadyGenerated, generate
from product.models import Category, Product
from product.modules.configurable.models import ProductVariation
from satchmo_store.contact.models import AddressBook, Contact, Organization
from satchmo_store.shop.models import Order, OrderStatus
from satchmo_utils.numbers import trunc_decimal

from . import generated_store

SIZES = {"categories": 6, "products": 12, "organizations": 3, "contacts": 10, "orders": 24}
CENT = Decimal("0.01")


def money(value):
    return Decimal(value).quantize(CENT)


def fingerprint():
    """The generated data without database ids (sequences are not rolled back)."""
    orders = []
    for order in Order.objects.order_by("time_stamp", "id").select_related("contact"):
        orders.append((
            order.time_stamp, order.contact.email, order.ship_street1, order.bill_city,
            order.status, money(order.total), money(order.tax), order.discount_code,
            tuple((i.product.sku, i.quantity, money(i.line_item_price))
                  for i in order.orderitem_set.all()),
            tuple((s.status, s.time_stamp) for s in order.orderstatus_set.all()),
            tuple((p.amount, p.time_stamp) for p in order.payments.order_by("time_stamp", "id"))))
    products = list(Product.objects.filter(sku__startswith="GEN-").order_by("sku").values_list(
        "sku", "name", "active", "weight", "taxable", "taxClass__title"))
    contacts = list(Contact.objects.order_by("email").values_list(
        "email", "first_name", "last_name", "organization__name", "create_date"))
    addresses = list(AddressBook.objects.order_by("contact__email", "street1", "city").values_list(
        "contact__email", "street1", "city", "is_default_billing", "is_default_shipping"))
    categories = list(Category.objects.order_by("slug").values_list("slug", "name", "parent__slug"))
    return orders, products, contacts, addresses, categories


class GeneratorTest(generated_store.GeneratedStoreTestCase):

    @classmethod
    def build_store(cls):
        cls.before = {"products": Product.objects.count(),
                      "categories": Category.objects.count(),
                      "contacts": Contact.objects.count(),
                      "organizations": Organization.objects.count()}
        # seed 7, then seed 8, then the command with seed 7: its data stays for the tests
        runs = []
        for seed in (7, 8):
            point = transaction.savepoint()
            cache.clear()
            generate(seed, SIZES)
            runs.append(fingerprint())
            transaction.savepoint_rollback(point)
        cache.clear()
        out = StringIO()
        call_command("generate_demo_data", seed=7, stdout=out, **SIZES)
        cls.summary = out.getvalue()
        runs.append(fingerprint())
        cls.runs = runs

    def test_same_seed_gives_the_same_data(self):
        first, other, last = self.runs
        self.assertEqual(first, last)
        self.assertNotEqual(first[0], other[0])

    def test_sizes_are_honoured(self):
        self.assertEqual(Product.objects.count() - self.before["products"],
                         SIZES["products"] + ProductVariation.objects.filter(
                             product__slug__startswith="gen-").count())
        self.assertEqual(Product.objects.filter(sku__startswith="GEN-").count(), SIZES["products"])
        self.assertTrue(ProductVariation.objects.filter(product__slug__startswith="gen-").exists())
        for name in ("categories", "contacts", "organizations"):
            model = {"categories": Category, "contacts": Contact,
                     "organizations": Organization}[name]
            self.assertEqual(model.objects.count() - self.before[name], SIZES[name])
        self.assertEqual(Order.objects.count(), SIZES["orders"])
        self.assertTrue(Category.objects.filter(slug__startswith="g", parent__isnull=False)
                        .exists(), "categories form a tree")

    def test_totals_are_the_ones_satchmo_computes(self):
        for order in Order.objects.all():
            items = list(order.orderitem_set.all())
            self.assertTrue(items)
            self.assertEqual(money(order.sub_total), money(sum(i.line_item_price for i in items)))
            self.assertEqual(money(order.discount),
                             money(sum(i.discount or 0 for i in items) + order.shipping_discount))
            self.assertEqual(money(order.tax), money(sum(t.tax for t in order.taxes.all())))
            self.assertEqual(money(order.total), money(
                order.sub_total - order.item_discount + order.shipping_cost
                - order.shipping_discount + order.tax))
            stored = (order.total, order.tax, order.sub_total, order.discount)
            order.force_recalculate_total(save=False)
            self.assertEqual([money(v) for v in stored],
                             [money(order.total), money(order.tax), money(order.sub_total),
                              money(order.discount)], "order %d" % order.pk)

    def test_payment_mix(self):
        outcomes = set()
        for order in Order.objects.all():
            paid = sum((p.amount for p in order.payments.all()), Decimal("0"))
            statuses = [s.status for s in order.orderstatus_set.all()]
            self.assertEqual(statuses[0], "New")
            self.assertEqual(order.status, statuses[-1])
            if order.status == "Cancelled":
                outcomes.add("cancelled")
                self.assertEqual(paid, 0)
            elif paid == 0:
                outcomes.add("unpaid")
            elif order.paid_in_full:
                outcomes.add("paid")
                self.assertEqual(paid, trunc_decimal(order.total, 2))
            else:
                outcomes.add("partial")
                self.assertTrue(0 < paid < order.total)
        self.assertEqual(outcomes, set(["paid", "partial", "unpaid", "cancelled"]))

    def test_orders_have_shipping_tax_details_discounts_and_item_details(self):
        orders = Order.objects.all()
        self.assertTrue(all(o.shipping_model == "PerItem" and o.shipping_cost > 0 for o in orders))
        self.assertTrue(any(o.tax > 0 for o in orders))
        self.assertTrue(any(o.discount_code for o in orders))
        self.assertTrue(OrderStatus.objects.exclude(status="New").exists())
        self.assertTrue(Order.objects.filter(orderitem__orderitemdetail__isnull=False).exists())

    def test_dates_are_in_the_past_and_spread(self):
        stamps = sorted(Order.objects.values_list("time_stamp", flat=True))
        self.assertTrue(stamps[-1].date().isoformat() < "2026-11-01")
        self.assertTrue((stamps[-1] - stamps[0]).days > 180)

    def test_non_ascii_text(self):
        texts = list(Contact.objects.values_list("last_name", flat=True))
        texts += list(Product.objects.values_list("name", flat=True))
        texts += list(Order.objects.values_list("ship_city", flat=True))
        self.assertTrue(any(ord(c) > 0x2e80 for text in texts for c in text), "CJK")
        self.assertTrue(any(0x80 <= ord(c) < 0x250 for text in texts for c in text), "accents")

    def test_repeat_customers_keep_their_old_address_on_old_orders(self):
        moved = 0
        for contact in Contact.objects.filter(addressbook__description=u"Nouvelle adresse"):
            orders = list(contact.order_set.order_by("time_stamp"))
            current = contact.shipping_address
            self.assertEqual(current.description, u"Nouvelle adresse")
            book = set((a.street1, a.city) for a in contact.addressbook_set.all())
            for order in orders:
                self.assertTrue((order.ship_street1, order.ship_city) in book)
            if any(o.ship_street1 != current.street1 for o in orders):
                moved += 1
        self.assertTrue(moved >= 1, "a repeat customer's old order shows the old address")

    def test_admin_can_log_in(self):
        admin = User.objects.get(username="admin")
        self.assertTrue(admin.is_superuser and admin.is_staff and admin.check_password("admin"))

    def test_generating_twice_is_refused(self):
        self.assertRaises(AlreadyGenerated, generate, 7, SIZES)

    def test_the_command_prints_one_summary_line(self):
        lines = self.summary.splitlines()
        self.assertEqual(len(lines), 1)
        self.assertTrue(lines[0].startswith("generated (seed 7): 6 categories, 12 products"))
        self.assertTrue("24 orders" in lines[0])
