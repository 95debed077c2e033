# -*- coding: utf-8 -*-
"""``manage.py bench_change --percent 1``: change a share of the store, as its staff would.

The benchmark's incremental run needs a realistic trickle of edits that the
change feed sees, so every edit goes through Satchmo's models (Django ORM,
signals fire) like an edit in the shop's admin: a new price for products,
a note on contacts and organizations, a new status on orders. Every n-th
object of each resource is changed (deterministic); prints what was changed
as JSON: {"products": n, "contacts": n, "organizations": n, "orders": n}.
"""
import json
from decimal import Decimal
from optparse import make_option

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from product.models import Price, Product
from satchmo_store.contact.models import Contact, Organization
from satchmo_store.shop.models import Order, OrderStatus


def every_nth(queryset, percent):
    objects = list(queryset.order_by("pk"))
    if not objects:
        return []
    count = max(1, int(round(len(objects) * percent / 100.0)))
    step = max(1, len(objects) // count)
    return objects[::step][:count]


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]
    option_list = BaseCommand.option_list + (
        make_option("--percent", type="float", default=1.0,
                    help="share of each resource to change (default 1)"),
    )

    @transaction.commit_on_success
    def handle(self, *args, **options):
        percent = options["percent"]
        if not 0 < percent <= 100:
            raise CommandError("--percent must be in (0, 100]")
        changed = {}
        products = every_nth(Product.objects.filter(active=True), percent)
        for product in products:
            tier = Price.objects.filter(product=product, quantity=1).order_by("id")
            if tier:
                tier[0].price = tier[0].price + Decimal("1.00")
                tier[0].save()
            else:
                Price(product=product, quantity=1, price=Decimal("10.00")).save()
        changed["products"] = len(products)
        for name, model in (("contacts", Contact), ("organizations", Organization)):
            objects = every_nth(model.objects.all(), percent)
            for obj in objects:
                obj.notes = (obj.notes or u"") + u"\nChanged for the benchmark."
                obj.save()
            changed[name] = len(objects)
        orders = every_nth(Order.objects.exclude(status__in=(u"Cancelled", u"Temp")), percent)
        for order in orders:
            OrderStatus(order=order, status=u"Shipped", notes=u"Benchmark change").save()
        changed["orders"] = len(orders)
        self.stdout.write(json.dumps(changed) + "\n")
