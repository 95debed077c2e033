# -*- coding: utf-8 -*-
"""Store-wide set-up the generated data relies on: countries, tax, discounts, admin.

Tax: the sample store uses ``tax.modules.no`` (tax is always zero). The
generator switches it to ``tax.modules.area``, Satchmo's tax by country or
state, because it gives the mix a real shop has: rates per tax class and
destination, taxed shipping in some countries, and zero tax for others
(China, most US states, non-taxable products). ``tax.modules.percent`` would
tax every order at one rate, which hides bugs in how tax details are read.
The rates below are the countries' VAT / sales-tax rates, rounded.

The store is opened to the customers' countries (Config.in_country_only is
switched off and the countries become shipping countries) so that Satchmo's
own checkout forms accept the addresses the generator writes.
"""
import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from l10n.models import AdminArea, Country
from livesettings import config_get
from product.models import Discount, TaxClass
from satchmo_store.shop.models import Config
from tax.modules.area.models import TaxRate

from .names import LOCALES

TAX_CLASSES = [(u"Default", u"Standard rate"), (u"Reduced", u"Reduced rate (food, books)"),
               (u"Shipping", u"Shipping")]

# (country, state or None, {tax class: rate}); rates are fractions.
TAX_RATES = [
    ("BE", None, {"Default": "0.21", "Reduced": "0.06", "Shipping": "0.21"}),
    ("FR", None, {"Default": "0.20", "Reduced": "0.055", "Shipping": "0.20"}),
    ("DE", None, {"Default": "0.19", "Reduced": "0.07", "Shipping": "0.19"}),
    ("ES", None, {"Default": "0.21", "Reduced": "0.10", "Shipping": "0.21"}),
    ("JP", None, {"Default": "0.10", "Reduced": "0.08", "Shipping": "0.10"}),
    ("CA", "QC", {"Default": "0.14975", "Reduced": "0.05"}),
    ("US", "TN", {"Default": "0.07"}),
    ("US", "NY", {"Default": "0.04"}),
    ("US", "CA", {"Default": "0.0725", "Reduced": "0.0725"}),
    ("US", "TX", {"Default": "0.0625"}),
]

# Discount codes: (code, description, percentage, amount, shipping).
DISCOUNTS = [
    (u"BIENVENUE10", u"Bienvenue : 10 % sur tout", Decimal("10"), None, u"NONE"),
    (u"FUENF", u"5 € geschenkt", None, Decimal("5.00"), u"NONE"),
    (u"FREESHIP", u"Livraison offerte", None, None, u"FREE"),
    (u"SOLDES25", u"Soldes d'été — 25 %", Decimal("25"), None, u"NONE"),
]

ADMIN_LOGIN = ("admin", "admin")


def set_up_store():
    """Countries, tax classes, tax rates and the tax module. Returns the tax classes by title."""
    site = Site.objects.get_current()
    config = Config.objects.get(site=site)
    countries = Country.objects.filter(iso2_code__in=[locale["country"] for locale in LOCALES])
    config.in_country_only = False
    if not config.store_email:
        # Satchmo mails customers from this address (and fails without one)
        config.store_email = "shop@example.com"
    config.save()
    for country in countries:
        config.shipping_countries.add(country)

    classes = {}
    for title, description in TAX_CLASSES:
        classes[title], _ = TaxClass.objects.get_or_create(title=title,
                                                           defaults={"description": description})
    by_code = dict((country.iso2_code, country) for country in countries)
    for code, state, rates in TAX_RATES:
        where = {"taxCountry": by_code[code]}
        if state:
            where = {"taxZone": AdminArea.objects.get(country=by_code[code], abbrev=state)}
        for title, rate in sorted(rates.items()):
            TaxRate.objects.get_or_create(taxClass=classes[title], percentage=Decimal(rate),
                                          **where)

    config_get("TAX", "MODULE").update("tax.modules.area")
    config_get("TAX", "TAX_SHIPPING").update(True)
    config_get("TAX", "TAX_CLASS").update("Shipping")
    config_get("TAX", "TAX_AREA_ADDRESS").update("ship")
    return classes


def create_discounts(timeline):
    """The discount codes orders may carry, valid over the whole history and beyond
    (so that Satchmo's checkout accepts them too)."""
    site = Site.objects.get_current()
    made = []
    for code, description, percentage, amount, shipping in DISCOUNTS:
        discount = Discount(site=site, code=code, description=description, active=True,
                            percentage=percentage, amount=amount, shipping=shipping,
                            allValid=True, automatic=False, numUses=0, allowedUses=None,
                            startDate=timeline.start.date(),
                            endDate=timeline.end.date() + datetime.timedelta(days=3650))
        discount.save()
        made.append(discount)
    return made


def ensure_admin():
    """The demo's admin login (admin/admin): a superuser, whatever was there before."""
    username, password = ADMIN_LOGIN
    user, _ = User.objects.get_or_create(username=username,
                                         defaults={"email": "admin@example.com"})
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    return user
