# -*- coding: utf-8 -*-
"""``manage.py demo_change ACTION ARGS``: named edits through Satchmo's own models.

The end-to-end tests change the shop with this command rather than with SQL,
because only edits made through the Django ORM pass Satchmo's (and
satchmo_api's) signals, and so reach the API's change feed - as edits made in
the shop's admin would. Each action prints the id of what it made or changed.

  set MODEL ID FIELD=VALUE...       MODEL: product, category, contact, organization
  price PRODUCT_ID PRICE            the quantity-1 price
  categories PRODUCT_ID ID,ID...    replace a product's categories
  new_category NAME [PARENT_ID]
  new_product NAME SKU PRICE CATEGORY_ID
  add_address CONTACT_ID STREET CITY POSTAL_CODE COUNTRY_ISO2
  delete MODEL ID
"""
from decimal import Decimal

from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from l10n.models import Country
from product.models import Category, Price, Product
from satchmo_store.contact.models import AddressBook, Contact, Organization

MODELS = {"product": Product, "category": Category, "contact": Contact,
          "organization": Organization}


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]
    args = "ACTION ARGS..."

    @transaction.commit_on_success
    def handle(self, *args, **options):
        if not args:
            raise CommandError("an action is needed: %s" % ", ".join(sorted(ACTIONS)))
        action = ACTIONS.get(args[0])
        if action is None:
            raise CommandError("unknown action %r" % args[0])
        result = action(*args[1:])
        self.stdout.write("%s\n" % result)


def _get(model, object_id):
    try:
        return MODELS[model].objects.get(pk=int(object_id))
    except KeyError:
        raise CommandError("unknown model %r" % model)


def set_fields(model, object_id, *assignments):
    obj = _get(model, object_id)
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        field = obj._meta.get_field(name)
        if value == "" and field.null:
            value = None
        elif field.get_internal_type() == "BooleanField":
            value = value.lower() in ("1", "true", "yes")
        setattr(obj, field.attname, value)
    obj.save()
    return obj.pk


def price(product_id, amount):
    product = _get("product", product_id)
    tier = Price.objects.filter(product=product, quantity=1).order_by("id")
    if tier:
        tier = tier[0]
        tier.price = Decimal(amount)
    else:
        tier = Price(product=product, quantity=1, price=Decimal(amount))
    tier.save()
    return product.pk


def categories(product_id, ids):
    product = _get("product", product_id)
    product.category = [_get("category", i) for i in ids.split(",") if i]
    product.save()
    return product.pk


def new_category(name, parent_id=None):
    category = Category(site=Site.objects.get_current(), name=name,
                        parent=parent_id and _get("category", parent_id) or None)
    category.save()
    return category.pk


def new_product(name, sku, amount, category_id):
    product = Product(site=Site.objects.get_current(), name=name, sku=sku, active=True,
                      items_in_stock=Decimal(5))
    product.save()
    product.category.add(_get("category", category_id))
    Price(product=product, quantity=1, price=Decimal(amount)).save()
    return product.pk


def add_address(contact_id, street, city, postal_code, country):
    address = AddressBook(contact=_get("contact", contact_id), description="Extra",
                          addressee="Extra address", street1=street, city=city,
                          postal_code=postal_code, country=Country.objects.get(iso2_code=country))
    address.save()
    return address.pk


def delete(model, object_id):
    obj = _get(model, object_id)
    pk = obj.pk
    obj.delete()
    return pk


ACTIONS = {"set": set_fields, "price": price, "categories": categories,
           "new_category": new_category, "new_product": new_product,
           "add_address": add_address, "delete": delete}
