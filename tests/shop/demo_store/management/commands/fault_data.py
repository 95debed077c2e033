# -*- coding: utf-8 -*-
"""``manage.py fault_data ACTION ARGS``: the bad records and changes of the fault tests.

Edits go through Satchmo's models (the Django ORM), so the API's change feed
sees them as it would see edits made in the shop's admin. Each action prints
the id of the object it made or changed, on the last line.

  set MODEL ID FIELD=VALUE...        MODEL: product, category, contact, organization,
                                     address, order, item, payment
  price PRODUCT_ID PRICE             the quantity-1 price tier
  add_category PRODUCT_ID CATEGORY_ID
  move ADDRESS_ID STREET CITY POSTAL_CODE
  delete MODEL ID
  new_order CONTACT_ID PRODUCT_ID:QTY[,PRODUCT_ID:QTY...]   a New order, totals by Satchmo
  pay ORDER_ID AMOUNT                a completed payment of the dummy module
  cancel ORDER_ID                    a Cancelled status
  touch MODEL ID                     save unchanged (the feed says "changed")
"""
from decimal import Decimal

from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from product.models import Category, Price, Product
from satchmo_store.contact.models import AddressBook, Contact, Organization
from satchmo_store.shop.models import Order, OrderItem, OrderPayment, OrderStatus

MODELS = {"product": Product, "category": Category, "contact": Contact,
          "organization": Organization, "address": AddressBook, "order": Order,
          "item": OrderItem, "payment": OrderPayment}


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]
    args = "ACTION ARGS..."

    @transaction.commit_on_success
    def handle(self, *args, **options):
        if not args or args[0] not in ACTIONS:
            raise CommandError("an action is needed: %s" % ", ".join(sorted(ACTIONS)))
        self.stdout.write("%s\n" % ACTIONS[args[0]](*args[1:]))


def _get(model, object_id):
    if model not in MODELS:
        raise CommandError("unknown model %r" % model)
    return MODELS[model].objects.get(pk=int(object_id))


def set_fields(model, object_id, *assignments):
    obj = _get(model, object_id)
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        field = obj._meta.get_field(name)
        kind = field.get_internal_type()
        if value == "" and field.null:
            value = None
        elif kind == "BooleanField":
            value = value.lower() in ("1", "true", "yes")
        elif kind == "DecimalField":
            value = Decimal(value)
        elif kind == "ForeignKey":
            value = int(value) if value else None
        elif isinstance(value, str):
            value = value.decode("utf-8")
        setattr(obj, field.attname, value)
    obj.save()
    return obj.pk


def price(product_id, amount):
    product = _get("product", product_id)
    tiers = Price.objects.filter(product=product, quantity=1).order_by("id")
    tier = tiers[0] if tiers else Price(product=product, quantity=1)
    tier.price = Decimal(amount)
    tier.save()
    return product.pk


def add_category(product_id, category_id):
    product = _get("product", product_id)
    product.category.add(_get("category", category_id))
    product.save()
    return product.pk


def move(address_id, street, city, postal_code):
    address = _get("address", address_id)
    address.street1, address.city, address.postal_code = (
        street.decode("utf-8"), city.decode("utf-8"), postal_code)
    address.save()
    return address.pk


def delete(model, object_id):
    obj = _get(model, object_id)
    pk = obj.pk
    obj.delete()
    return pk


def touch(model, object_id):
    obj = _get(model, object_id)
    obj.save()
    return obj.pk


def new_order(contact_id, lines):
    order = Order(site=Site.objects.get_current(), contact=_get("contact", contact_id),
                  sub_total=Decimal("0"), total=Decimal("0"), tax=Decimal("0"),
                  method="Online", shipping_cost=Decimal("0"), shipping_discount=Decimal("0"),
                  discount=Decimal("0"))
    order.save()  # copies the contact's current addresses
    for line in lines.split(","):
        product_id, _, quantity = line.partition(":")
        product = _get("product", product_id)
        quantity = Decimal(quantity or "1")
        unit_price = product.get_qty_price(quantity)
        OrderItem(order=order, product=product, quantity=quantity, unit_price=unit_price,
                  line_item_price=unit_price * quantity).save()
    order.recalculate_total(save=True)
    OrderStatus(order=order, status="New", notes=u"Fault test order").save()
    return order.pk


def pay(order_id, amount):
    order = _get("order", order_id)
    payment = OrderPayment(order=order, payment="DUMMY", amount=Decimal(amount),
                           transaction_id=u"FAULT-%d" % order.pk, reason_code=u"0",
                           details=u"Fault test payment")
    payment.save()
    order.save()
    return payment.pk


def cancel(order_id):
    order = _get("order", order_id)
    order.add_status(status="Cancelled", notes=u"Cancelled by the fault tests")
    return order.pk


ACTIONS = {"set": set_fields, "price": price, "add_category": add_category, "move": move,
           "delete": delete, "touch": touch, "new_order": new_order, "pay": pay,
           "cancel": cancel}
