# -*- coding: utf-8 -*-
"""Categories (a tree) and products: simple and configurable, with prices.

Products are made through Satchmo's models so that its own bookkeeping runs
(Product.save and Price.save rebuild the ProductPriceLookup rows the store
front reads; ConfigurableProduct.create_all_variations makes one
ProductVariation product per combination of options, named and priced by
Satchmo from the parent's price plus the options' price changes).
"""
from decimal import Decimal

from django.contrib.sites.models import Site
from django.template.defaultfilters import slugify
from product.models import Category, Option, OptionGroup, Price, Product
from product.modules.configurable.models import ConfigurableProduct

from .names import (CATEGORY_CHILDREN, CATEGORY_ROOTS, DESCRIPTIONS, OPTION_GROUPS,
                    PRODUCT_ADJECTIVES, PRODUCT_NOUNS)

CONFIGURABLE_SHARE = 0.2
INACTIVE_SHARE = 0.1
TIERED_SHARE = 0.3


def _numbered(pool, index):
    """The index-th name of a pool, numbered once the pool runs out (names stay unique)."""
    name = pool[index % len(pool)]
    if index >= len(pool):
        name = u"%s %d" % (name, index // len(pool) + 1)
    return name


def create_categories(dice, count):
    """``count`` categories: about one in five a root, the others under an earlier one,
    at most three levels deep."""
    site = Site.objects.get_current()
    roots = max(1, min(len(CATEGORY_ROOTS), (count + 4) // 5)) if count else 0
    made = []
    depth = {}
    for index in range(count):
        if index < roots:
            name, parent = _numbered(CATEGORY_ROOTS, index), None
        else:
            name = _numbered(CATEGORY_CHILDREN, index - roots)
            parent = dice.choice([c for c in made if depth[c.id] < 2] or made[:roots])
        category = Category(site=site, name=name, parent=parent, ordering=index,
                            slug=u"g%d-%s" % (index + 1, slugify(name) or u"cat"),
                            description=dice.choice(DESCRIPTIONS),
                            is_active=not (index and dice.chance(0.05)))
        category.save()
        depth[category.id] = 0 if parent is None else depth[parent.id] + 1
        made.append(category)
    return made


def create_option_groups():
    """The option groups configurable products draw from."""
    site = Site.objects.get_current()
    groups = []
    for order, (name, options) in enumerate(OPTION_GROUPS):
        group = OptionGroup(site=site, name=name, description=name, sort_order=order + 10)
        group.save()
        for position, (label, value, change) in enumerate(options):
            Option(option_group=group, name=label, value=value, sort_order=position,
                   price_change=change and Decimal(change)).save()
        groups.append(group)
    return groups


class Catalog(object):
    """What the order generator needs to know about the products it may sell."""

    def __init__(self):
        self.products = []          # every product made (simple + configurable parents)
        self.variations = []        # ProductVariation products
        self.sellable = []          # active simple products and active variations

    def __len__(self):
        return len(self.products)


def _price_tiers(dice, price):
    """Quantity price tiers: 1 always; 10 and sometimes 25 for some products."""
    tiers = [(Decimal("1"), price)]
    if dice.chance(TIERED_SHARE):
        tiers.append((Decimal("10"), (price * Decimal("0.90")).quantize(Decimal("0.01"))))
        if dice.chance(0.5):
            tiers.append((Decimal("25"), (price * Decimal("0.80")).quantize(Decimal("0.01"))))
    return tiers


def create_products(dice, count, categories, tax_classes, option_groups):
    site = Site.objects.get_current()
    catalog = Catalog()
    for index in range(count):
        noun = PRODUCT_NOUNS[index % len(PRODUCT_NOUNS)]
        name = u"%s %s" % (dice.choice(PRODUCT_ADJECTIVES), noun)
        if index >= len(PRODUCT_NOUNS):
            name = u"%s n°%d" % (name, index + 1)
        taxable = dice.chance(0.9)
        product = Product(
            site=site, name=name, slug=u"gen-%04d" % (index + 1), sku=u"GEN-%05d" % (index + 1),
            short_description=dice.choice(DESCRIPTIONS), description=dice.choice(DESCRIPTIONS),
            active=index == 0 or not dice.chance(INACTIVE_SHARE), featured=dice.chance(0.15),
            weight=Decimal(dice.randint(5, 400)) / 100, weight_units=u"kg",
            items_in_stock=Decimal(dice.randint(0, 250)), ordering=index,
            taxable=taxable,
            taxClass=taxable and tax_classes[dice.weighted([("Default", 3), ("Reduced", 1)])]
            or None)
        product.save()
        if categories:
            for category in dice.some(categories, 1, 3):
                product.category.add(category)
        for quantity, price in _price_tiers(dice, dice.money(2, 120)):
            Price(product=product, price=price, quantity=quantity).save()
        catalog.products.append(product)
        configurable = index > 0 and option_groups and dice.chance(CONFIGURABLE_SHARE)
        if configurable:
            _make_configurable(dice, product, option_groups, catalog)
        elif product.active:
            catalog.sellable.append(product)
    return catalog


def _make_configurable(dice, product, option_groups, catalog):
    """Give a product one or two option groups and all their variations."""
    configurable = ConfigurableProduct(product=product)
    configurable.save()
    for group in dice.some(option_groups, 1, 2):
        configurable.option_group.add(group)
    configurable.create_all_variations()
    for variation in configurable.productvariation_set.select_related("product").order_by("pk"):
        variant = variation.product
        variant.weight, variant.weight_units = product.weight, product.weight_units
        variant.taxable, variant.taxClass = product.taxable, product.taxClass
        variant.items_in_stock = Decimal(dice.randint(0, 40))
        variant.active = product.active
        variant.save()
        catalog.variations.append(variant)
        if variant.active:
            catalog.sellable.append(variant)
