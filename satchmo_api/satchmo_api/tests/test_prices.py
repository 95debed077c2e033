# -*- coding: utf-8 -*-
"""Prices and main categories as Satchmo itself computes them on the same
rows: product.prices.get_product_quantity_price, Product.get_qty_price,
ProductVariation.price_delta, Product.main_category. The expected values
come from Satchmo's functions, never from a copy of the rule."""
import datetime
from decimal import Decimal

from django.test import TestCase
from product.models import Category, Price, Product
from product.prices import get_product_quantity_price

from satchmo_api.serializers import formats
from satchmo_api.tests import store
from satchmo_api.tests.base import ApiClientMixin

TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)


class PriceTest(ApiClientMixin, TestCase):
    def setUp(self):
        self.catalog = store.catalog()

    def row(self, product):
        [row] = self.results("/api/v1/products/?ids=%d" % product.id)
        return row

    def assert_charges_as_satchmo(self, product):
        # a fresh instance: Satchmo caches a product's subtype and options on it
        satchmo = Product.objects.get(pk=product.pk).get_qty_price(Decimal(1))
        self.assertEqual(self.row(product)["unit_price"], formats.unit_price(satchmo),
                         (product.name, self.row(product)))
        return satchmo

    def test_a_simple_product_charges_its_lowest_live_tier(self):
        shirt = self.catalog["shirt"]
        self.assertEqual(self.assert_charges_as_satchmo(shirt),
                         get_product_quantity_price(shirt, Decimal(1)))
        # cheaper but expired yesterday: ignored, as by Satchmo
        Price.objects.create(product=shirt, price=Decimal("1.00"), quantity=Decimal(1),
                             expires=YESTERDAY)
        # cheaper, no expiry: wins over an earlier-expiring dearer one
        tier = Price.objects.get(product=shirt, quantity=Decimal(1), expires=None)
        tier.price = Decimal("7.25")
        tier.save()
        self.assertEqual(self.assert_charges_as_satchmo(shirt), Decimal("7.25"))

    def test_a_variation_without_prices_charges_its_parent_plus_its_options(self):
        base, variant = self.catalog["base"], self.catalog["variant"]
        Price.objects.filter(product=variant).delete()
        Price.objects.create(product=base, price=Decimal("30"), quantity=Decimal(1))
        Price.objects.create(product=base, price=Decimal("27"), quantity=Decimal(5))
        option = self.catalog["option"]
        option.price_change = Decimal("2.50")
        option.save()
        charged = self.assert_charges_as_satchmo(variant)
        self.assertEqual(charged, Decimal("32.50"))
        variation = Product.objects.get(pk=variant.pk).productvariation
        delta = variation.price_delta()
        self.assertEqual(self.row(variant)["prices"],
                         [{"price": formats.unit_price(tier.price + delta),
                           "quantity": formats.quantity(tier.quantity), "expires": None}
                          for tier in Price.objects.filter(product=base).order_by("id")])
        self.assertEqual(self.row(variant)["unit_price"],
                         formats.unit_price(variation.get_qty_price(Decimal(1))))

    def test_a_variation_with_its_own_price_ignores_the_options(self):
        variant = self.catalog["variant"]
        option = self.catalog["option"]
        option.price_change = Decimal("5")
        option.save()
        self.assertEqual(self.assert_charges_as_satchmo(variant), Decimal("40"))

    def test_main_category_is_satchmos(self):
        shirt = self.catalog["shirt"]
        self.assertEqual(self.row(shirt)["main_category_id"], shirt.main_category.id)
        late = Category.objects.create(site=store.site(), name=u"Aaa première", slug="aaa",
                                       parent=self.catalog["root"], ordering=-5)
        shirt.category.add(late)
        row = self.row(shirt)
        self.assertEqual(row["main_category_id"], shirt.main_category.id)
        self.assertEqual(row["main_category_id"], late.id)
        self.assertEqual(row["category_ids"][-1], late.id)  # links stay in the order added
