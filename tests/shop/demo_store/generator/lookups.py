# -*- coding: utf-8 -*-
"""Memoized reference-data lookups while orders are placed.

Placing one order runs Satchmo's own code (OrderItem.update_tax,
Order.recalculate_total, the PerItem shipper), which looks the same things
up again and again: the tax rate of a class in a country or state (five
queries per line, twice per line), and the subtypes of each product (a
query per product module, for every fresh Product instance). Profiled at
demo size, these were a third of the queries.

While the orders are placed nothing they depend on changes: products,
tax classes, tax rates and countries were made before. So, for that phase
only, ``memoized()`` remembers the answers of
  - tax.modules.area's Processor._get_location (by the order's addresses)
    and Processor.get_rate (by tax class, area and country), and
  - Product.get_subtypes (by product id).
Satchmo still computes every figure; it just does not ask the database the
same question twice. Everything is restored on exit.
"""
from contextlib import contextmanager

from product.models import Product, TaxClass
from tax.modules.area.processor import Processor


def _key_of(value):
    return value.pk if hasattr(value, "pk") else value


@contextmanager
def memoized():
    get_location, get_rate = Processor._get_location, Processor.get_rate
    get_subtypes = Product.get_subtypes
    locations, rates, subtypes = {}, {}, {}

    def memo_get_location(self):
        order = self.order
        if order is None:
            return get_location(self)
        key = (order.ship_country, order.ship_state, order.bill_country, order.bill_state)
        if key not in locations:
            locations[key] = get_location(self)
        return locations[key]

    def memo_get_rate(self, taxclass=None, area=None, country=None, get_object=False, **kwargs):
        if not (area or country):
            area, country = self._get_location()
        if isinstance(taxclass, TaxClass):
            name = taxclass.pk
        else:
            name = (taxclass or u"Default").lower()
        key = (name, _key_of(area), _key_of(country), get_object)
        if key not in rates:
            rates[key] = get_rate(self, taxclass, area, country, get_object, **kwargs)
        return rates[key]

    def memo_get_subtypes(self):
        if self.pk not in subtypes:
            subtypes[self.pk] = get_subtypes(self)
        self._sub_types = subtypes[self.pk]
        return self._sub_types

    Processor._get_location, Processor.get_rate = memo_get_location, memo_get_rate
    Product.get_subtypes = memo_get_subtypes
    try:
        yield
    finally:
        Processor._get_location, Processor.get_rate = get_location, get_rate
        Product.get_subtypes = get_subtypes
