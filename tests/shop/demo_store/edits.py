# -*- coding: utf-8 -*-
"""Named edits of the shop through Satchmo's own models, for ``manage.py shop_edit``.

The end-to-end tests change the shop this way, as edits made in the shop's
admin would, so that Satchmo's own model code runs (its saves rebuild
price lookups, copy addresses, recalculate totals). The change feed sees
every write anyway (satchmo_api's triggers). Each action returns the id of
what it made or changed.

  set MODEL ID FIELD=VALUE...        MODEL: product, category, contact, organization,
                                     address, order, item, payment
  price PRODUCT_ID PRICE             the quantity-1 price tier
  categories PRODUCT_ID ID,ID...     replace a product's categories
  add_category PRODUCT_ID CATEGORY_ID
  new_category NAME [PARENT_ID]
  new_product NAME SKU PRICE CATEGORY_ID
  add_address CONTACT_ID STREET CITY POSTAL_CODE COUNTRY_ISO2
  move ADDRESS_ID STREET CITY POSTAL_CODE
  delete MODEL ID
  touch MODEL ID                     save unchanged (the feed says "changed")
  new_order CONTACT_ID PRODUCT_ID:QTY[,PRODUCT_ID:QTY...]   a New order, totals by Satchmo
  pay ORDER_ID AMOUNT [MODULE]       a completed payment (OrderPayment)
  status ORDER_ID STATUS             a new status, as Order.add_status does
  cancel ORDER_ID                    a Cancelled status
  total ORDER_ID TOTAL               overwrite the stored total (a shop whose figures broke)
  staff USERNAME PASSWORD            a superuser, to drive the admin over HTTP
  (and those of edits_checkout.py: tax_rate, placed_order)
"""
from decimal import Decimal

from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.core.management.base import CommandError

from l10n.models import Country
from product.models import Category, Price, Product
from satchmo_store.contact.models import AddressBook, Contact, Organization
from satchmo_store.shop.models import Order, OrderItem, OrderPayment, OrderStatus

from . import edits_checkout

MODELS = {"product": Product, "category": Category, "contact": Contact,
          "organization": Organization, "address": AddressBook, "order": Order,
          "item": OrderItem, "payment": OrderPayment}


def _get(model, object_id):
    if model not in MODELS:
        raise CommandError("unknown model %r" % model)
    return MODELS[model].objects.get(pk=int(object_id))


def _text(value):
    return value.decode("utf-8") if isinstance(value, str) else value


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
        else:
            value = _text(value)
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


def categories(product_id, ids):
    product = _get("product", product_id)
    product.category = [_get("category", i) for i in ids.split(",") if i]
    product.save()
    return product.pk


def add_category(product_id, category_id):
    product = _get("product", product_id)
    product.category.add(_get("category", category_id))
    product.save()
    return product.pk


def new_category(name, parent_id=None):
    category = Category(site=Site.objects.get_current(), name=_text(name),
                        parent=parent_id and _get("category", parent_id) or None)
    category.save()
    return category.pk


def new_product(name, sku, amount, category_id):
    product = Product(site=Site.objects.get_current(), name=_text(name), sku=sku, active=True,
                      items_in_stock=Decimal(5))
    product.save()
    product.category.add(_get("category", category_id))
    Price(product=product, quantity=1, price=Decimal(amount)).save()
    return product.pk


def add_address(contact_id, street, city, postal_code, country):
    address = AddressBook(contact=_get("contact", contact_id), description="Extra",
                          addressee="Extra address", street1=_text(street), city=_text(city),
                          postal_code=postal_code, country=Country.objects.get(iso2_code=country))
    address.save()
    return address.pk


def move(address_id, street, city, postal_code):
    address = _get("address", address_id)
    address.street1, address.city, address.postal_code = _text(street), _text(city), postal_code
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
    OrderStatus(order=order, status="New", notes=u"Test order").save()
    return order.pk


def pay(order_id, amount, module="DUMMY"):
    order = _get("order", order_id)
    payment = OrderPayment(order=order, payment=module, amount=Decimal(amount),
                           transaction_id=u"TEST-%d" % order.pk, reason_code=u"0",
                           details=u"Test payment")
    payment.save()
    order.save()
    return payment.pk


def status(order_id, name):
    order = _get("order", order_id)
    order.add_status(status=_text(name), notes=u"Set by the tests")
    return order.pk


def cancel(order_id):
    return status(order_id, "Cancelled")


def total(order_id, amount):
    Order.objects.filter(pk=int(order_id)).update(total=Decimal(amount))
    return int(order_id)


def staff(username, password):
    return User.objects.create_superuser(username, "%s@example.com" % username, password).pk


ACTIONS = {"set": set_fields, "price": price, "categories": categories,
           "add_category": add_category, "new_category": new_category,
           "new_product": new_product, "add_address": add_address, "move": move,
           "delete": delete, "touch": touch, "new_order": new_order, "pay": pay,
           "status": status, "cancel": cancel, "total": total, "staff": staff}
ACTIONS.update(edits_checkout.ACTIONS)
