# -*- coding: utf-8 -*-
"""Test data built through Satchmo's own model API, with non-ASCII text."""
import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from l10n.models import AdminArea, Country
from product.models import Category, Option, OptionGroup, Price, Product, TaxClass
from product.modules.configurable.models import ConfigurableProduct, ProductVariation
from rest_framework.authtoken.models import Token
from satchmo_store.contact.models import (AddressBook, Contact, ContactOrganization,
                                          ContactOrganizationRole, ContactRole, Organization,
                                          PhoneNumber)
from satchmo_api.permissions import read_api_permission
from satchmo_store.shop.models import (Order, OrderAuthorization, OrderItem, OrderItemDetail,
                                       OrderPayment, OrderTaxDetail)


def api_client_headers(username="erp-sync", may_read=True):
    """The Authorization header of ``username``'s token; that user holds
    read_api unless ``may_read`` is false (a customer's or staff's token)."""
    user, _ = User.objects.get_or_create(username=username)
    if may_read:
        user.user_permissions.add(read_api_permission())
    token, _ = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": "Token %s" % token.key}


def country(iso2=u"BE", iso3=u"BEL", name=u"BELGIQUE", printable=u"België"):
    found = Country.objects.filter(iso2_code=iso2)
    if found:
        return found[0]
    return Country.objects.create(iso2_code=iso2, iso3_code=iso3, name=name,
                                  printable_name=printable, continent="EU", active=True)


def site():
    return Site.objects.get_current()


import itertools

_serial = itertools.count()


def catalog():
    """A tax class, a category tree, a simple product and a configurable one
    with a variation (slugs made unique so that it can be called again)."""
    n = next(_serial)
    tax = TaxClass.objects.create(title=u"Standard é", description=u"Taux normal 21 %")
    root = Category.objects.create(site=site(), name=u"Vêtements", slug="vetements-%d" % n,
                                   description=u"Tout ce qui s'enfile", ordering=2)
    child = Category.objects.create(site=site(), name=u"Chaussures ß", slug="chaussures-%d" % n,
                                    parent=root, is_active=False)
    shirt = Product.objects.create(site=site(), name=u"Chemise à carreaux", slug="chemise-%d" % n,
                                   sku=u"CH-%03d" % n, short_description=u"Coton égyptien",
                                   description=u"<p>Très douce</p>", items_in_stock=Decimal("12"),
                                   weight=Decimal("0.35"), weight_units="kg", taxable=True,
                                   taxClass=tax, featured=True)
    shirt.category.add(root)
    shirt.category.add(child)
    Price.objects.create(product=shirt, price=Decimal("12.5"), quantity=Decimal("1"))
    Price.objects.create(product=shirt, price=Decimal("10"), quantity=Decimal("10"))
    Price.objects.create(product=shirt, price=Decimal("9.99"), quantity=Decimal("1"),
                         expires=datetime.date.today() + datetime.timedelta(days=30))
    group = OptionGroup.objects.create(site=site(), name=u"Taille", description=u"Größe")
    large = Option.objects.create(option_group=group, name=u"Grand", value="L")
    base = Product.objects.create(site=site(), name=u"Pull", slug="pull-%d" % n, sku="PULL-%d" % n)
    configurable = ConfigurableProduct.objects.create(product=base)
    configurable.option_group.add(group)
    variant = Product.objects.create(site=site(), name=u"Pull (Grand)", slug="pull-l-%d" % n,
                                     sku="PULL-L-%d" % n)
    variation = ProductVariation.objects.create(product=variant, parent=configurable)
    variation.options.add(large)
    Price.objects.create(product=variant, price=Decimal("40"), quantity=Decimal("1"))
    return {"tax": tax, "root": root, "child": child, "shirt": shirt, "base": base,
            "variant": variant, "option": large, "group": group}


def organization():
    kind, _ = ContactOrganization.objects.get_or_create(key="company",
                                                        defaults={"name": u"Société"})
    role, _ = ContactOrganizationRole.objects.get_or_create(key="customer",
                                                            defaults={"name": u"Client"})
    return Organization.objects.create(name=u"Brasserie Ünique", type=kind, role=role,
                                       create_date=datetime.date.today(), notes=u"Notés")


def contact(org=None, first=u"Zoë", last=u"Façade"):
    role, _ = ContactRole.objects.get_or_create(key="Customer", defaults={"name": u"Customer"})
    person = Contact.objects.create(title=u"Mme", first_name=first, last_name=last,
                                    email="zoe@example.com", role=role, organization=org,
                                    notes=u"Préfère le matin", dob=datetime.date(1980, 2, 29),
                                    create_date=datetime.date.today())
    AddressBook.objects.create(contact=person, description=u"Maison", addressee=u"Zoë Façade",
                               street1=u"Rue de l'Église 1", street2=u"Boîte 3",
                               city=u"Liège", state=u"Liège", postal_code="4000",
                               country=country(), is_default_billing=True,
                               is_default_shipping=True)
    PhoneNumber.objects.create(contact=person, type="Home", phone=u"+32 4 123 45 67",
                               primary=True)
    return person


def order(person, product, quantity=Decimal("2"), status=u"New"):
    """An order placed the way Satchmo's checkout does it, minus the HTTP."""
    placed = Order(site=site(), contact=person, shipping_cost=Decimal("5"),
                   shipping_method=u"Per item", shipping_description=u"Livraison à domicile",
                   shipping_model="PerItem", method="Online", notes=u"Sonnez deux fois ♪")
    placed.copy_addresses()
    placed.save()
    item = OrderItem.objects.create(order=placed, product=product, quantity=quantity,
                                    unit_price=Decimal("12.5"),
                                    line_item_price=Decimal("12.5") * quantity)
    OrderItemDetail.objects.create(item=item, name=u"Couleur", value=u"Bleu clair",
                                   price_change=Decimal("0"), sort_order=0)
    placed.recalculate_total()
    OrderTaxDetail.objects.create(order=placed, method="percent", description=u"TVA 21 %",
                                  tax=Decimal("5.25"))
    payment = OrderPayment.objects.create(order=placed, payment="DUMMY",
                                          amount=placed.total, transaction_id=u"TX-1")
    OrderAuthorization.objects.create(order=placed, payment="DUMMY", amount=Decimal("1"),
                                      capture=payment, transaction_id=u"AUTH-1")
    placed.add_status(status=status, notes=u"Reçue")
    return Order.objects.get(pk=placed.pk)
