# -*- coding: utf-8 -*-
"""The demo data generator: a deterministic store history on top of Satchmo's sample store.

``generate(seed, sizes)`` is what the ``generate_demo_data`` command runs.
Each concern has its own module (store set-up, catalog, customers, orders)
and its own random stream (dice.Dice), so the same seed and sizes give the
same data, and one size does not change what another concern makes.

Large sizes are a benchmark: the work is committed in chunks (one
transaction per ``CHUNK`` orders) rather than one commit per row, and
nothing in it grows faster than the number of rows it makes. A run that
fails half-way keeps the chunks it committed: rebuild the database then.
"""
import datetime
import time

from django.db import transaction
from product.models import Discount, Product
from satchmo_store.shop import notification, signals
from satchmo_store.shop.models import Order

from . import catalog, customers, lookups, orders, store
from .bulk import FastOrderMaker
from .customers_bulk import BulkWriter
from .dice import Dice, Timeline

# The history ends on a fixed day, not "today": same seed, same time stamps.
DEFAULT_UNTIL = datetime.date(2026, 11, 1)
CHUNK = 200
SIZES = ("categories", "products", "organizations", "contacts", "orders", "returning_guests")


class AlreadyGenerated(Exception):
    pass


def generate(seed, sizes, until=DEFAULT_UNTIL, progress=None, fast=False):
    """Create the data; returns counts of what was made.

    ``sizes`` maps each of SIZES to a count; ``progress`` (optional) is
    called with a line of text now and then on long runs. ``fast`` writes
    the customers and the orders many rows per statement (customers_bulk.py,
    bulk.py): the same rows, for the benchmark's big stores; the default saves
    each through Satchmo's models.
    """
    if Product.objects.filter(sku__startswith="GEN-").exists():
        raise AlreadyGenerated("this store already has generated data (products GEN-*)")
    started = time.time()
    timeline = Timeline(until)
    with transaction.commit_manually():
        try:
            say = progress or (lambda line: None)
            counts = _generate(seed, sizes, timeline,
                               lambda line: say("%6.1fs %s" % (time.time() - started, line)),
                               FastOrderMaker if fast else orders.OrderMaker,
                               BulkWriter if fast else customers.SavedOneByOne)
            transaction.commit()
        except:
            transaction.rollback()
            raise
    counts["seconds"] = round(time.time() - started, 1)
    return counts


def _generate(seed, sizes, timeline, progress, order_maker, customer_writer):
    admin = store.ensure_admin()
    tax_classes = store.set_up_store()
    discounts = store.create_discounts(timeline)

    dice = Dice(seed, "catalog")
    categories = catalog.create_categories(dice, sizes["categories"])
    groups = catalog.create_option_groups()
    products = catalog.create_products(dice, sizes["products"], categories, tax_classes, groups)
    Product.objects.filter(sku__startswith="GEN-").update(date_added=timeline.start.date())
    transaction.commit()
    progress("catalog done")

    dice = Dice(seed, "customers")
    organizations = customers.create_organizations(dice, sizes["organizations"], timeline,
                                                   customer_writer())
    people = customers.create_contacts(dice, sizes["contacts"], organizations, timeline,
                                       customer_writer())
    transaction.commit()
    progress("customers done")

    dice = Dice(seed, "orders")
    plans, moves = orders.plan_orders(dice, sizes["orders"], people.contacts, timeline)
    maker = order_maker(dice, products, people, discounts, timeline)

    def checkpoint(made):
        transaction.commit()
        progress("%d/%d orders" % (made, len(plans)))

    # No "your order has shipped" mail for orders shipped in the past.
    signals.satchmo_order_status_changed.disconnect(notification.notify_on_ship_listener)
    try:
        with lookups.memoized():
            maker.run(plans, moves, checkpoint, every=CHUNK)
    finally:
        signals.satchmo_order_status_changed.connect(notification.notify_on_ship_listener)
    for discount in discounts:
        Discount.objects.filter(pk=discount.pk).update(
            numUses=Order.objects.filter(discount_code=discount.code).count())

    dice = Dice(seed, "returning_guests")
    returning = customers.create_returning_guests(dice, sizes.get("returning_guests", 0), people)
    transaction.commit()

    return {"admin": admin.username, "categories": len(categories),
            "products": len(products), "variations": len(products.variations),
            "organizations": len(organizations), "contacts": len(people),
            "returning_guests": len(returning),
            "orders": maker.made, "address_moves": len(moves)}
