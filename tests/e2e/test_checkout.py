"""An order placed through Satchmo's real checkout views, over HTTP.

This is the proof that the shop under test is the real thing: the same pages
a customer uses (product page, cart, checkout form, the dummy payment
module's card form and confirmation), Satchmo's own totals, its tax module
(tax.modules.area, set up by the demo data generator) and its PerItem
shipper. The test then finds the order in the shop's database and, when the
API serves it, through the API.
"""
import uuid
from decimal import Decimal

import requests

from tests.e2e.checkout import a_taxable_simple_product, place_order
from tests.e2e.checkout import post  # noqa: F401 (test_capture's checkout posts use it)

CENT = Decimal("0.01")
QUANTITY = 2


def money(value):
    return Decimal(value).quantize(CENT)


def test_an_order_placed_through_the_checkout_views(stack):
    slug, name = a_taxable_simple_product(stack)
    email = "checkout-%s@example.com" % uuid.uuid4().hex[:10]
    place_order(stack, email, QUANTITY, product=(slug, name))

    rows = stack.shop_sql(
        "SELECT o.id, o.sub_total, o.discount, o.shipping_cost, o.shipping_discount, o.tax,"
        "       o.total, o.shipping_model, o.ship_city, o.status"
        "  FROM shop_order o JOIN contact_contact c ON c.id = o.contact_id"
        " WHERE c.email = %s", (email,))
    assert len(rows) == 1, rows
    (order_id, sub_total, discount, shipping, shipping_discount, tax, total, shipping_model,
     ship_city, status) = rows[0]
    price = stack.shop_sql(
        "SELECT pr.price FROM product_price pr JOIN product_product p ON p.id = pr.product_id"
        " WHERE p.slug = %s AND pr.quantity <= %s ORDER BY pr.price LIMIT 1", (slug, QUANTITY))
    assert money(sub_total) == money(price[0][0] * QUANTITY)
    assert shipping_model == "PerItem" and shipping > 0
    assert ship_city == "Nashville" and status in ("New", "Billed")
    tax_lines = stack.shop_sql("SELECT description, tax FROM shop_ordertaxdetail"
                               " WHERE order_id = %s", (order_id,))
    assert money(tax) == money(sum(line[1] for line in tax_lines))
    assert abs(total - (sub_total - discount + shipping + tax)) < CENT
    paid = stack.shop_sql("SELECT COALESCE(SUM(amount), 0) FROM shop_orderpayment"
                          " WHERE order_id = %s", (order_id,))[0][0]
    assert money(paid) == money(total), "the dummy module took the whole amount"

    answer = requests.get(stack.api_url + "orders/", params={"ids": order_id},
                          headers={"Authorization": "Token %s" % stack.api_token}, timeout=60)
    if answer.status_code != 404:      # 404: no orders resource (yet); the database says enough
        assert answer.status_code == 200, answer.text[:300]
        [served] = answer.json()["results"]
        assert served["id"] == order_id
        assert Decimal(served["total"]) == money(total)
        assert Decimal(served["items"][0]["quantity"]) == QUANTITY
