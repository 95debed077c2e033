# -*- coding: utf-8 -*-
"""The fast way to place the planned orders: the same rows, a few statements per chunk.

``FastOrderMaker`` draws from the same dice in the same order as
orders.OrderMaker and runs the same Satchmo functions on each order
(Order.copy_addresses, OrderItem.update_tax, shipping.utils.update_shipping
with the PerItem shipper, Order.force_recalculate_total, Order.balance), but
on instances held in memory (in_memory.py) instead of saving each one a few
times: the slow path saves an order three to six times, each line twice,
and sends a signal per status. The rows of a chunk are then written with
one multi-row INSERT per table (rows.py), just before the chunk commits,
so the change feed's triggers see them in the same transaction as before
and the feed ends with the same objects.

The slow path stays the reference: tests/shop/tests/test_generator_bulk.py
builds a small store both ways from one seed and compares every table.
"""
from django.db.models import Q
from satchmo_store.shop.models import (Order, OrderItem, OrderItemDetail, OrderPayment,
                                       OrderStatus, OrderTaxDetail)

from .in_memory import hold, orders_in_memory
from .orders import OrderMaker, ship
from .rows import Rows


class FastOrderMaker(OrderMaker):

    def __init__(self, *args, **kwargs):
        OrderMaker.__init__(self, *args, **kwargs)
        # parents before children, as the slow path writes them
        self.tables = [(model, Rows(model)) for model in
                       (Order, OrderItem, OrderItemDetail, OrderTaxDetail, OrderStatus,
                        OrderPayment)]
        self.rows = dict(self.tables)
        self._addresses = {}                # contact id -> (shipping, billing) address

    def run(self, plans, moves, checkpoint, every=200):
        def write_then_checkpoint(made):
            self.write()
            checkpoint(made)
        with orders_in_memory():
            OrderMaker.run(self, plans, moves, write_then_checkpoint, every)
        self.write()

    def write(self):
        for _, rows in self.tables:
            rows.write()

    # -- the hooks of OrderMaker --------------------------------------------------------------

    def _move(self, contact):
        OrderMaker._move(self, contact)
        self._addresses.pop(contact.pk, None)

    def _open(self, order):
        contact = order.contact
        if contact.pk not in self._addresses:
            # Contact.shipping_address and .billing_address, in one query with their countries
            book = list(contact.addressbook_set.select_related("country").filter(
                Q(is_default_shipping=True) | Q(is_default_billing=True)))
            self._addresses[contact.pk] = (
                _only([entry for entry in book if entry.is_default_shipping]),
                _only([entry for entry in book if entry.is_default_billing]))
        shipping, billing = self._addresses[contact.pk]
        _AddressCopy(order, shipping, billing).copy()
        self.rows[Order].add(order)
        hold(order, adopt=self.rows[OrderTaxDetail].add, orderitem_set=[], taxes=[],
             payments=[], authorizations=[])

    def _save_line(self, item):
        hold(item, orderitemdetail_set=[])
        item.update_tax()                   # what OrderItem.save does first
        self.rows[OrderItem].add(item)
        item.order.orderitem_set.rows.append(item)

    def _save_detail(self, detail):
        self.rows[OrderItemDetail].add(detail)
        detail.item.orderitemdetail_set.rows.append(detail)

    def _price(self, order, contact):
        ship(order, contact)
        order.recalculate_total(save=False)
        for item in order.orderitem_set.all():
            item.update_tax()               # recalculate_total(save=True) saves each line

    def _save_status(self, status):
        self.rows[OrderStatus].add(status)
        status.order.status = status.status  # what OrderStatus.save -> Order.update_status does

    def _save_payment(self, payment, moment):
        payment.time_stamp = moment
        self.rows[OrderPayment].add(payment)
        payment.order.payments.rows.append(payment)


def _only(entries):
    """What Satchmo's ``addressbook_set.get(...)`` returns: the one entry, None for none."""
    if len(entries) > 1:
        raise ValueError("a contact with %d default addresses of one kind" % len(entries))
    return entries[0] if entries else None


class _AddressCopy(object):
    """Order.copy_addresses, run on the addresses remembered for the contact
    (the contact's address book changes only when they move)."""

    class _Book(object):
        def __init__(self, shipping, billing):
            self.shipping_address, self.billing_address = shipping, billing

    def __init__(self, order, shipping, billing):
        self.order = order
        self.contact = self._Book(shipping, billing)

    def copy(self):
        Order.copy_addresses.__func__(self)
        for side in ("ship", "bill"):
            for name in ("addressee", "street1", "street2", "city", "state", "postal_code",
                         "country"):
                field = "%s_%s" % (side, name)
                setattr(self.order, field, getattr(self, field))
