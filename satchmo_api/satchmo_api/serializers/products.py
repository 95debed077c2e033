"""Products with their categories, price tiers, kind and variation options.

Six queries a page: products, category links, variations, prices (of the
page and of its variations' parents), configurable ids, variation options.

Prices are what Satchmo charges (product.prices.get_product_quantity_price
and ProductVariation.get_qty_price): of the live tiers (no ``expires``, or
not before today) for quantity 1 or less, the lowest price wins, then the
highest quantity, then the earliest expiry. A variation without a live tier
of its own charges its configurable parent's price plus its options'
``price_change``; its tiers are its parent's, each plus that change.
Satchmo's ``satchmo_price_query`` discount adjustments are not applied
(the demo and the stock modules register none).
"""
import datetime
from decimal import Decimal

from product.models import Price, Product
from product.modules.configurable.models import ConfigurableProduct, ProductVariation

from satchmo_api.serializers import formats
from satchmo_api.serializers.base import ResourceSerializer, group_by, ids_of

ONE = Decimal(1)
# Category's own Meta.ordering, as Product.main_category (category.all()[0])
# sees it; the link id breaks the ties Satchmo leaves to the database.
MAIN_CATEGORY_ORDER = ("category__site", "category__parent__id", "category__ordering",
                       "category__name", "id")


def live_tiers(prices, today, quantity=ONE):
    """Satchmo's candidates for ``quantity``, best first."""
    live = [p for p in prices if p.quantity <= quantity and
            (p.expires is None or p.expires >= today)]
    # order_by('price', '-quantity', 'expires'): PostgreSQL puts NULL expiries last
    live.sort(key=lambda p: (p.price, -p.quantity, p.expires is None, p.expires))
    return live


def option_delta(option_links):
    """ProductVariation.price_delta(): the options' price changes added up."""
    return sum((Decimal(link.option.price_change) for link in option_links
                if link.option.price_change), Decimal("0.00"))


class ProductSerializer(ResourceSerializer):
    name = "products"
    model = Product

    def children(self, rows):
        ids = ids_of(rows)
        links = (Product.category.through.objects.filter(product__in=ids)
                 .order_by(*MAIN_CATEGORY_ORDER).values_list("id", "product_id", "category_id"))
        variations = dict(ProductVariation.objects.filter(product__in=ids)
                          .values_list("product_id", "parent_id"))
        prices = (Price.objects.filter(product__in=set(ids) | set(variations.values()))
                  .order_by("id"))
        configurable = set(ConfigurableProduct.objects.filter(product__in=ids)
                           .values_list("product_id", flat=True))
        options = (ProductVariation.options.through.objects
                   .filter(productvariation__in=ids).select_related("option__option_group")
                   .order_by("option__option_group__sort_order", "option__sort_order", "id"))
        return {
            "categories": group_by(links, lambda link: link[1]),
            "prices": group_by(prices, lambda price: price.product_id),
            "configurable": configurable,
            "variations": variations,
            "options": group_by(options, lambda link: link.productvariation_id),
            "today": datetime.date.today(),
        }

    def priced_tiers(self, product, children):
        """(tiers, delta): the rows whose prices this product charges, and what
        its options add to each."""
        own = children["prices"].get(product.id, [])
        parent = children["variations"].get(product.id)
        if parent is None or live_tiers(own, children["today"]):
            return own, Decimal(0)
        return (children["prices"].get(parent, []),
                option_delta(children["options"].get(product.id, [])))

    def kind(self, product, children):
        if product.id in children["variations"]:
            return "variation"
        if product.id in children["configurable"]:
            return "configurable"
        return "simple"

    def represent(self, product, children):
        links = children["categories"].get(product.id, [])
        category_ids = [category for _, _, category in sorted(links)]
        tiers, delta = self.priced_tiers(product, children)
        best = live_tiers(tiers, children["today"])
        return {
            "id": product.id,
            "name": product.name,
            "slug": product.slug,
            "sku": product.sku,
            "short_description": product.short_description,
            "description": product.description,
            "active": product.active,
            "featured": product.featured,
            "taxable": product.taxable,
            "tax_class_id": product.taxClass_id,
            "weight": formats.quantity(product.weight),
            "weight_units": product.weight_units,
            "items_in_stock": formats.quantity(product.items_in_stock),
            "category_ids": category_ids,
            "main_category_id": links[0][2] if links else None,
            "unit_price": formats.unit_price(best[0].price + delta) if best else None,
            "prices": [{"price": formats.unit_price(p.price + delta),
                        "quantity": formats.quantity(p.quantity),
                        "expires": formats.day(p.expires)} for p in tiers],
            "kind": self.kind(product, children),
            "parent_id": children["variations"].get(product.id),
            "options": [{"group": link.option.option_group.name, "name": link.option.name,
                         "value": link.option.value}
                        for link in children["options"].get(product.id, [])],
        }
