# -*- coding: utf-8 -*-
"""``manage.py demo_order_change ACTION ORDER_ID ARGS``: edits of orders, as the shop makes them.

The orders' counterpart of ``demo_change``: the end-to-end tests change
orders through Satchmo's own models (Django ORM), so that satchmo_api's
signals put the change in the feed, as a payment taken or a status set in
the shop's admin would. Prints the id of what it made or changed.

  pay ORDER_ID AMOUNT [MODULE]   a completed payment (OrderPayment), e.g. the rest due
  status ORDER_ID STATUS         a new status (OrderStatus, as Order.add_status does)
  total ORDER_ID TOTAL           overwrite the stored total (a shop whose figures broke)
"""
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from satchmo_store.shop.models import Order, OrderPayment, OrderStatus


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]
    args = "ACTION ORDER_ID ARGS..."

    @transaction.commit_on_success
    def handle(self, *args, **options):
        if len(args) < 3 or args[0] not in ACTIONS:
            raise CommandError("usage: %s" % ", ".join(sorted(ACTIONS)))
        try:
            order = Order.objects.get(pk=int(args[1]))
        except Order.DoesNotExist:
            raise CommandError("no order %s" % args[1])
        self.stdout.write("%s\n" % ACTIONS[args[0]](order, *args[2:]))


def pay(order, amount, module="DUMMY"):
    payment = OrderPayment(order=order, payment=module, amount=Decimal(amount),
                           transaction_id=u"E2E-%s" % order.pk, reason_code=u"0",
                           details=u"Paid later")
    payment.save()
    return payment.pk


def status(order, name):
    OrderStatus(order=order, status=name, notes=u"Set by the end-to-end tests").save()
    return order.pk


def total(order, amount):
    Order.objects.filter(pk=order.pk).update(total=Decimal(amount))
    # .update() sends no signal: save once more so the change feed sees it
    Order.objects.get(pk=order.pk).save()
    return order.pk


ACTIONS = {"pay": pay, "status": status, "total": total}
