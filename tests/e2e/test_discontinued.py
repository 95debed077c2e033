"""Orders whose products are gone from the shop: never failed, never shrunk in the books.

Two ways a product goes, as a shop has them: deleted in Satchmo's admin
(over HTTP, as its staff does: Django cascades to the items of past orders,
whose totals stay), after its orders were imported; and a product row
removed with SQL, which leaves its items with sku and name null (docs/api.rst).
"""
import requests

from tests.e2e.shopcheck import assert_run, simple_products, synced_shop
from tests.e2e.test_bad_records import drop_fk


def admin_delete_product(stack, product_id):
    """Delete a product through Satchmo's admin, logged in as its admin user."""
    session = requests.Session()
    session.get(stack.shop_url + "/admin/", timeout=30)
    session.post(stack.shop_url + "/admin/", timeout=30, data={
        "username": "admin", "password": "admin", "this_is_the_login_form": "1",
        "next": "/admin/", "csrfmiddlewaretoken": session.cookies.get("csrftoken")})
    url = stack.shop_url + "/admin/product/product/%d/delete/" % product_id
    page = session.get(url, timeout=30)
    assert page.status_code == 200 and "Are you sure" in page.text, page.status_code
    done = session.post(url, timeout=60, allow_redirects=False, data={
        "post": "yes", "csrfmiddlewaretoken": session.cookies.get("csrftoken")})
    assert done.status_code == 302, done.status_code


def lines(stack, sale_id):
    sale = stack.erp("sale.order", "read", [sale_id], ["order_line", "amount_total"])[0]
    return sale, stack.erp("sale.order.line", "read", sale["order_line"],
                           ["name", "price_unit", "product_id"])



def test_orders_keep_the_items_of_products_gone_from_the_shop(stack):
    shop = synced_shop(stack)
    contact = stack.api_all("contacts")[0]
    kept, deleted, removed = simple_products(stack)[:3]
    order_id = stack.shop_edit("new_order", contact["id"],
                               "%s:1,%s:2" % (kept["id"], deleted["id"]))
    assert_run(shop.sync(), "done")
    row = shop.binding("orders", order_id)
    assert row["state"] == "synced", row
    sale_before, lines_before = lines(stack, row["res_id"])

    admin_delete_product(stack, deleted["id"])  # after the order's first import
    shown = [o for o in stack.api_all("orders") if o["id"] == order_id][0]
    assert len(shown["items"]) == 1  # the shop lost the item
    sql_order = stack.shop_edit("new_order", contact["id"],
                                "%s:1,%s:1" % (kept["id"], removed["id"]))
    drop_fk(stack, "shop_orderitem", "product_id")  # the product row removed by SQL
    stack.shop_sql("UPDATE shop_orderitem SET product_id = 999999 WHERE order_id = %s "
                   "AND product_id = %s", (sql_order, removed["id"]))
    stack.shop_edit("touch", "order", sql_order)
    assert_run(shop.sync(), "done")

    row = stack.erp("satchmo.binding", "read", [shop.binding("orders", order_id)["id"]],
                    ["state", "note", "error"])[0]
    assert row["state"] == "synced" and "shows 1 of the 2 items" in row["note"], row
    sale_after, lines_after = lines(stack, shop.binding("orders", order_id)["res_id"])
    assert lines_after == lines_before
    assert sale_after["amount_total"] == sale_before["amount_total"]
    row = shop.binding("orders", sql_order)
    assert row["state"] == "synced", row  # imported, not failed
    gone = [l for l in lines(stack, row["res_id"])[1] if "deleted in the shop" in l["name"]]
    assert len(gone) == 1 and "999999" in gone[0]["name"], gone
    product = stack.erp("product.product", "read", [gone[0]["product_id"][0]],
                        ["name", "active"], {"active_test": False})[0]
    assert "Discontinued shop product" in product["name"] and not product["active"]
