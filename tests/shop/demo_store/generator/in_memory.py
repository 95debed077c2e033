# -*- coding: utf-8 -*-
"""Satchmo's order arithmetic on orders that are not in the database yet.

The fast generator (bulk.py) writes orders with a few multi-row INSERTs per
chunk instead of a dozen ORM saves per order, but every figure must still be
the one Satchmo computes. Satchmo's functions (Order.force_recalculate_total,
Discount.calc, the area tax Processor, the PerItem shipper, Order.balance)
read an order's lines, tax details, payments and authorizations through
its related managers (``order.orderitem_set.all()``, ``.filter(...)``,
``.count()``). ``orders_in_memory()`` makes those managers answer from
lists held on the instance, for instances marked by ``hold(order)``;
every other instance still reads the database. So Satchmo runs unchanged,
on rows that exist only in Python until the chunk is written.

While orders are placed nothing they are priced from changes (products,
prices, discounts were made before), so the quantity price adjustments of
a product, the discount of a code and tax classes by title are also looked
up once and reused:
Satchmo still computes each figure, from the same inputs.
"""
from contextlib import contextmanager

from product.models import Discount, TaxClass
from satchmo_store.shop import models as shop_models
from satchmo_store.shop.models import Order, OrderItem, OrderTaxDetail

HELD = "_held_rows"


class HeldRows(object):
    """What a related manager of an unsaved instance answers: a plain list,
    with the few QuerySet methods Satchmo's order code calls."""

    def __init__(self, rows=None):
        self.rows = rows if rows is not None else []

    def all(self):
        return self

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def count(self):
        return len(self.rows)

    def exists(self):
        return bool(self.rows)

    def filter(self, **lookups):
        return HeldRows([row for row in self.rows if _matches(row, lookups)])

    def exclude(self, **lookups):
        return HeldRows([row for row in self.rows if not _matches(row, lookups)])

    def values_list(self, *paths, **options):
        if options.get("flat"):
            return [_follow(row, paths[0]) for row in self.rows]
        return [tuple(_follow(row, path) for path in paths) for row in self.rows]


def _follow(row, path):
    for name in path.split("__"):
        row = getattr(row, name)
    return row


def _matches(row, lookups):
    """Exact-value lookups only (``product__taxable=True``); anything else is refused
    rather than answered wrongly."""
    for path, wanted in lookups.items():
        if path.rsplit("__", 1)[-1] in ("iexact", "in", "gt", "lt", "gte", "lte", "isnull",
                                         "contains", "startswith"):
            raise NotImplementedError("held rows answer exact lookups only, not %s" % path)
        if _follow(row, path) != wanted:
            return False
    return True


def hold(instance, adopt=None, **relations):
    """Mark ``instance``: its named related managers answer from these lists
    (which the caller keeps appending to). ``adopt`` receives the tax details
    Satchmo saves for a held order (force_recalculate_total saves them even
    with save=False); the caller writes them with the order."""
    held = dict((name, HeldRows(rows)) for name, rows in relations.items())
    held["adopt"] = adopt
    setattr(instance, HELD, held)
    return instance


def _held_tax_detail_save(original):
    def save(detail, *args, **kwargs):
        held = getattr(detail.order, HELD, None)
        if not held:
            return original(detail, *args, **kwargs)
        held["adopt"](detail)
        held["taxes"].rows.append(detail)
    return save


class _HeldDescriptor(object):
    """Replaces a related-objects descriptor while orders are placed."""

    def __init__(self, name, original):
        self.name, self.original = name, original

    def __get__(self, instance, owner):
        held = instance is not None and getattr(instance, HELD, None)
        if held and self.name in held:
            return held[self.name]
        return self.original.__get__(instance, owner)


def _memo(function, key):
    answers = {}

    def remembered(*args, **kwargs):
        at = key(*args, **kwargs)
        if at not in answers:
            answers[at] = function(*args, **kwargs)
        return answers[at]
    return remembered


RELATIONS = ((Order, ("orderitem_set", "taxes", "payments", "authorizations")),
             (OrderItem, ("orderitemdetail_set",)))


@contextmanager
def orders_in_memory():
    """Held instances' related managers answer from their lists; quantity
    adjustments and discounts by code are looked up once each."""
    saved = []
    for model, names in RELATIONS:
        for name in names:
            original = model.__dict__[name]
            saved.append((model, name, original))
            setattr(model, name, _HeldDescriptor(name, original))
    adjustments = shop_models.get_product_quantity_adjustments
    by_code = Discount.objects.by_code
    assert "save" not in OrderTaxDetail.__dict__
    tax_detail_save = OrderTaxDetail.save
    OrderTaxDetail.save = _held_tax_detail_save(tax_detail_save)
    shop_models.get_product_quantity_adjustments = _memo(
        adjustments, lambda product, qty=1, parent=None: (product.pk, qty, parent))
    Discount.objects.by_code = _memo(by_code, lambda code, raises=False: (code, raises))
    # the area tax Processor looks the shipping tax class up by title for every order
    TaxClass.objects.get = _memo(TaxClass.objects.get,
                                 lambda *args, **kwargs: (args, tuple(sorted(kwargs.items()))))
    try:
        yield
    finally:
        for model, name, original in saved:
            setattr(model, name, original)
        shop_models.get_product_quantity_adjustments = adjustments
        del OrderTaxDetail.save            # Model.save again (OrderTaxDetail has none of its own)
        del Discount.objects.by_code
        del TaxClass.objects.get
