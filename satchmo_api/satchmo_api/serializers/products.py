"""Products with their categories, price tiers, kind and variation options.

Six queries a page: products, category links, prices, configurable ids,
variations, variation options.
"""
import datetime

from product.models import Price, Product
from product.modules.configurable.models import ConfigurableProduct, ProductVariation

from satchmo_api.serializers import formats
from satchmo_api.serializers.base import ResourceSerializer, group_by, ids_of

ONE = 1


def current_unit_price(prices, today):
    """Satchmo's rule for quantity 1: unexpired tiers with quantity <= 1,
    the earliest expiry first, then the highest quantity (Price.Meta)."""
    live = [p for p in prices if p.quantity <= ONE and (p.expires is None or p.expires >= today)]
    if not live:
        return None
    # Satchmo orders by expires ascending with NULLs last (PostgreSQL), then -quantity
    live.sort(key=lambda p: (p.expires is None, p.expires, -p.quantity))
    return live[0].price


class ProductSerializer(ResourceSerializer):
    name = "products"
    model = Product

    def children(self, rows):
        ids = ids_of(rows)
        links = (Product.category.through.objects.filter(product__in=ids)
                 .order_by("id").values_list("product_id", "category_id"))
        prices = Price.objects.filter(product__in=ids).order_by("id")
        configurable = set(ConfigurableProduct.objects.filter(product__in=ids)
                           .values_list("product_id", flat=True))
        variations = dict(ProductVariation.objects.filter(product__in=ids)
                          .values_list("product_id", "parent_id"))
        options = (ProductVariation.options.through.objects
                   .filter(productvariation__in=ids).select_related("option__option_group")
                   .order_by("option__option_group__sort_order", "option__sort_order", "id"))
        return {
            "categories": group_by(links, lambda link: link[0]),
            "prices": group_by(prices, lambda price: price.product_id),
            "configurable": configurable,
            "variations": variations,
            "options": group_by(options, lambda link: link.productvariation_id),
            "today": datetime.date.today(),
        }

    def kind(self, product, children):
        if product.id in children["variations"]:
            return "variation"
        if product.id in children["configurable"]:
            return "configurable"
        return "simple"

    def represent(self, product, children):
        category_ids = [category for _, category in children["categories"].get(product.id, [])]
        prices = children["prices"].get(product.id, [])
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
            "main_category_id": category_ids[0] if category_ids else None,
            "unit_price": formats.unit_price(current_unit_price(prices, children["today"])),
            "prices": [{"price": formats.unit_price(p.price),
                        "quantity": formats.quantity(p.quantity),
                        "expires": formats.day(p.expires)} for p in prices],
            "kind": self.kind(product, children),
            "parent_id": children["variations"].get(product.id),
            "options": [{"group": link.option.option_group.name, "name": link.option.name,
                         "value": link.option.value}
                        for link in children["options"].get(product.id, [])],
        }
