"""Order items that went with their product: kept, so the books can still be right.

Deleting a product in Satchmo's admin cascades (Django 1.3's default) to the
items of past orders: the orders keep their totals but lose those lines. An
order the ERP had not imported yet would then arrive with lines that do not
add up to its total. Just before Django deletes the items, this module keeps
each one as the API showed it (sku, name, prices, tax, details), and the
orders resource serves them as the order's ``deleted_items`` (docs/api.rst).
Nothing else changes in the shop: its pages show what Django left. No
trigger of its own: the items' deletion already marks the order in the feed,
in the same transaction.
"""
import json

from django.db import models
from django.db.models.signals import pre_delete
from product.models import Product
from satchmo_store.shop.models import OrderItem, OrderItemDetail


class DeletedOrderItem(models.Model):
    """One order item removed by the deletion of its product, as the API served it."""

    item_id = models.IntegerField(unique=True)
    order_id = models.IntegerField(db_index=True)
    product_id = models.IntegerField()
    snapshot = models.TextField()  # the item's JSON in the orders resource
    deleted = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "satchmo_api"
        ordering = ("item_id",)

    def item(self):
        return json.loads(self.snapshot)


def keep_items_of(sender, instance, **kwargs):
    """pre_delete of a product: its items still exist (Django deletes them next)."""
    # here, not at the top: the serializers import this module for DeletedOrderItem
    from satchmo_api.serializers.base import group_by
    from satchmo_api.serializers.orders import OrderSerializer
    items = list(OrderItem.objects.filter(product=instance).order_by("id"))
    if not items:
        return
    details = group_by(OrderItemDetail.objects.filter(item__in=items)
                       .order_by("sort_order", "id"), lambda d: d.item_id)
    children = {"products": {instance.id: instance}, "details": details}
    serializer = OrderSerializer()
    for item in items:
        DeletedOrderItem.objects.get_or_create(item_id=item.id, defaults={
            "order_id": item.order_id, "product_id": instance.id,
            "snapshot": json.dumps(serializer.item(item, children), sort_keys=True)})


pre_delete.connect(keep_items_of, sender=Product, dispatch_uid="satchmo_api.deleted_items")
