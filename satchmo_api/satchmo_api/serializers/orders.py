"""Orders with items (and their details), status history, tax details and
payments.

Nine queries a page whatever its size: orders, items (with their
products, for the sku and name), item details, items deleted with their
product, statuses, tax details, and one per payment table. Payments come from three tables, so a payment's
``key`` is "<kind>-<id>". Card data (CreditCardDetail) is never read.
"""
from product.models import Product
from satchmo_store.shop.models import (Order, OrderAuthorization, OrderItem, OrderItemDetail,
                                       OrderPayment, OrderPendingPayment, OrderStatus,
                                       OrderTaxDetail)

from satchmo_api.deleted_items import DeletedOrderItem
from satchmo_api.serializers import formats
from satchmo_api.serializers.base import ResourceSerializer, group_by, ids_of
from satchmo_api.serializers.payment_modules import module_keys

PAYMENT_TABLES = (("payment", OrderPayment), ("authorization", OrderAuthorization),
                  ("pending", OrderPendingPayment))
ADDRESS_FIELDS = ("addressee", "street1", "street2", "city", "state", "postal_code", "country")


def snapshot_address(order, prefix):
    address = dict((name, getattr(order, prefix + name)) for name in ADDRESS_FIELDS)
    address["country"] = address["country"] or None
    return address


class OrderSerializer(ResourceSerializer):
    name = "orders"
    model = Order

    def children(self, rows):
        ids = ids_of(rows)
        # not select_related("product"): its INNER JOIN silently dropped a line whose product
        # row is gone, and the order then arrived with fewer lines than it has
        items = list(OrderItem.objects.filter(order__in=ids).order_by("id"))
        products = Product.objects.in_bulk(set(i.product_id for i in items))
        details = OrderItemDetail.objects.filter(item__order__in=ids).order_by("sort_order", "id")
        statuses = OrderStatus.objects.filter(order__in=ids).order_by("time_stamp", "id")
        taxes = OrderTaxDetail.objects.filter(order__in=ids).order_by("id")
        payments = []
        for kind, model in PAYMENT_TABLES:
            payments.extend((kind, p) for p in model.objects.filter(order__in=ids).order_by("id"))
        deleted = DeletedOrderItem.objects.filter(order_id__in=ids).order_by("item_id")
        return {
            "items": group_by(items, lambda i: i.order_id),
            "deleted_items": group_by(deleted, lambda d: d.order_id),
            "details": group_by(details, lambda d: d.item_id),
            "statuses": group_by(statuses, lambda s: s.order_id),
            "taxes": group_by(taxes, lambda t: t.order_id),
            "payments": group_by(payments, lambda pair: pair[1].order_id),
            "module_keys": module_keys(),
            "products": products,
        }

    def item(self, item, children):
        product = children["products"].get(item.product_id)  # None: missing in the shop
        return {
            "id": item.id,
            "product_id": item.product_id,
            "sku": product.sku if product else None,
            "name": product.name if product else None,
            "quantity": formats.quantity(item.quantity),
            "unit_price": formats.unit_price(item.unit_price),
            "unit_tax": formats.unit_price(item.unit_tax),
            "line_item_price": formats.amount(item.line_item_price),
            "tax": formats.amount(item.tax),
            "discount": formats.amount(item.discount),
            "details": [{"name": d.name, "value": d.value,
                         "price_change": formats.unit_price(d.price_change)}
                        for d in children["details"].get(item.id, [])],
        }

    def payment(self, kind, payment, module_keys):
        return {
            "key": "%s-%s" % (kind, payment.id),
            "id": payment.id,
            "kind": kind,
            # an unknown (uninstalled) module keeps the key Satchmo stored
            "payment": module_keys.get(payment.payment, payment.payment or None),
            "amount": formats.amount(payment.amount),
            "transaction_id": payment.transaction_id,
            "time_stamp": formats.timestamp(payment.time_stamp),
            "reason_code": payment.reason_code,
        }

    def represent(self, order, children):
        return {
            "id": order.id,
            "contact_id": order.contact_id,
            "status": order.status or None,
            "method": order.method,
            "time_stamp": formats.timestamp(order.time_stamp),
            "bill_address": snapshot_address(order, "bill_"),
            "ship_address": snapshot_address(order, "ship_"),
            "sub_total": formats.amount(order.sub_total),
            "discount": formats.amount(order.discount),
            "discount_code": order.discount_code,
            "shipping_cost": formats.amount(order.shipping_cost),
            "shipping_discount": formats.amount(order.shipping_discount),
            "shipping_method": order.shipping_method,
            "shipping_description": order.shipping_description,
            "shipping_model": order.shipping_model,
            "tax": formats.amount(order.tax),
            "total": formats.amount(order.total),
            "notes": order.notes,
            "items": [self.item(i, children) for i in children["items"].get(order.id, [])],
            # items Django deleted with their product (deleted_items.py), as they were served
            "deleted_items": [d.item() for d in children["deleted_items"].get(order.id, [])],
            "status_history": [{"id": s.id, "status": s.status, "notes": s.notes,
                                "time_stamp": formats.timestamp(s.time_stamp)}
                               for s in children["statuses"].get(order.id, [])],
            "tax_details": [{"id": t.id, "method": t.method, "description": t.description,
                             "tax": formats.amount(t.tax)}
                            for t in children["taxes"].get(order.id, [])],
            # payments, then authorizations, then pending payments, each by id
            "payments": [self.payment(kind, p, children["module_keys"])
                         for kind, p in children["payments"].get(order.id, [])],
        }
