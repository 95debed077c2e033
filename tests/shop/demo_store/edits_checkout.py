# -*- coding: utf-8 -*-
"""More ``shop_edit`` actions: tax rates as the admin enters them, orders as checkout places them.

  tax_rate CLASS COUNTRY_ISO2 RATE   a tax class (made if missing) and its rate in a
                                     country (the admin's Tax classes and Tax rates pages)
  placed_order CONTACT_ID PRODUCT_ID:QTY[,...] COUNTRY_ISO2 [DISCOUNT_CODE] [noship]
                                     a New order shipped to COUNTRY, placed as the
                                     checkout does (payment.utils' pay_ship_save): items at
                                     the product's price for the quantity, the PerItem
                                     shipper's cost (unless ``noship``), the discount
                                     code, then Order.recalculate_total (discounts, tax
                                     details and totals by Satchmo's own tax module)
"""
from decimal import Decimal

from django.contrib.sites.models import Site
from l10n.models import Country
from product.models import Product, TaxClass
from satchmo_store.contact.models import Contact
from satchmo_store.shop.models import Order, OrderCart, OrderItem, OrderStatus
from shipping.utils import update_shipping
from tax.modules.area.models import TaxRate

SHIPPER = "PerItem"


def tax_rate(title, country, rate):
    tax_class, _ = TaxClass.objects.get_or_create(title=title,
                                                  defaults={"description": title})
    TaxRate.objects.get_or_create(taxClass=tax_class,
                                  taxCountry=Country.objects.get(iso2_code=country),
                                  defaults={"percentage": Decimal(rate)})
    return tax_class.pk


def placed_order(contact_id, lines, country, discount_code="", shipping="ship"):
    contact = Contact.objects.get(pk=int(contact_id))
    order = Order(site=Site.objects.get_current(), contact=contact, sub_total=Decimal("0"),
                  total=Decimal("0"), tax=Decimal("0"), method="Online",
                  discount_code=discount_code)
    order.save()  # copies the contact's current addresses
    order.ship_country, order.ship_state = country, ""
    order.save()
    for line in lines.split(","):
        product_id, _, quantity = line.partition(":")
        product = Product.objects.get(pk=int(product_id))
        quantity = Decimal(quantity or "1")
        unit_price = product.get_qty_price(quantity)
        OrderItem(order=order, product=product, quantity=quantity, unit_price=unit_price,
                  line_item_price=unit_price * quantity).save()
    if shipping != "noship":
        update_shipping(order, SHIPPER, contact, OrderCart(order))
    order.recalculate_total(save=True)
    OrderStatus(order=order, status="New", notes=u"Placed by the tests").save()
    return order.pk


ACTIONS = {"tax_rate": tax_rate, "placed_order": placed_order}
