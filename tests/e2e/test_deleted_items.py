"""A product deleted in Satchmo's admin before its orders' first import.

Django's cascade takes the order's items along; the shop API still serves
them as ``deleted_items`` (kept just before the deletion), and the order is
imported whole: the item's own sku, name and price, on the product imported
for it (archived) as for any gone product, its total equal to the shop's.
"""
from decimal import Decimal

from tests.e2e.shopcheck import assert_run, simple_products, synced_shop
from tests.e2e.test_discontinued import admin_delete_product, lines


def test_an_order_imports_whole_when_its_product_went_before_its_first_import(stack):
    shop = synced_shop(stack)
    contact = stack.api_all("contacts")[0]
    kept, deleted = simple_products(stack)[3:5]
    order_id = stack.shop_edit("new_order", contact["id"],
                               "%s:1,%s:2" % (kept["id"], deleted["id"]))
    [sold] = [i for i in stack.api("orders/", ids=order_id)["results"][0]["items"]
              if i["product_id"] == deleted["id"]]
    admin_delete_product(stack, deleted["id"])
    [served] = stack.api("orders/", ids=order_id)["results"]
    assert [i["product_id"] for i in served["items"]] == [kept["id"]]  # the cascade
    assert served["deleted_items"] == [sold]
    assert_run(shop.sync(), "done")

    row = shop.binding("orders", order_id)
    assert row["state"] == "synced", row
    sale, sale_lines = lines(stack, row["res_id"])
    [line] = [l for l in sale_lines if "deleted in the shop" in l["name"]]
    assert "[%s] %s" % (sold["sku"], sold["name"]) in line["name"], line
    assert Decimal(str(line["price_unit"])) == Decimal(sold["unit_price"]).quantize(
        Decimal("0.01"))
    # the product was imported before it went: its archived record carries the line
    assert line["product_id"][0] == shop.binding("products", deleted["id"])["res_id"]
    product = stack.erp("product.product", "read", [line["product_id"][0]],
                        ["active"], {"active_test": False})[0]
    assert not product["active"]
    assert Decimal(str(sale["amount_total"])).quantize(Decimal("0.01")) == Decimal(
        served["total"])
