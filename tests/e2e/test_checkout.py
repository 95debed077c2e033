"""An order placed through Satchmo's real checkout views, over HTTP.

This is the proof that the shop under test is the real thing: the same pages
a customer uses (product page, cart, checkout form, the dummy payment
module's card form and confirmation), Satchmo's own totals, its tax module
(tax.modules.area, set up by the demo data generator) and its PerItem
shipper. The test then finds the order in the shop's database and, when the
API serves it, through the API.
"""
import datetime
import re
import uuid
from decimal import Decimal

import requests

CENT = Decimal("0.01")
QUANTITY = 2


def money(value):
    return Decimal(value).quantize(CENT)


def a_taxable_simple_product(stack):
    """A generated, active, taxable product that is neither configurable nor a variation."""
    rows = stack.shop_sql(
        "SELECT p.slug, p.name FROM product_product p"
        " WHERE p.sku LIKE 'GEN-%%' AND p.active AND p.taxable"
        " AND NOT EXISTS (SELECT 1 FROM configurable_configurableproduct c"
        "                 WHERE c.product_id = p.id)"
        " AND NOT EXISTS (SELECT 1 FROM configurable_productvariation v"
        "                 WHERE v.product_id = p.id)"
        " ORDER BY p.id LIMIT 1")
    assert rows, "the generated store has a taxable simple product"
    return rows[0]


def post(session, url, data, expect_redirect_to):
    """POST a form with the CSRF token; the view must answer with a redirect."""
    data = dict(data, csrfmiddlewaretoken=session.cookies.get("csrftoken"))
    response = session.post(url, data=data, allow_redirects=False, timeout=60)
    assert response.status_code == 302, (url, response.status_code, form_errors(response))
    assert expect_redirect_to in response.headers["Location"], response.headers["Location"]
    return response


def form_errors(response):
    """The error list items of a re-displayed form, to make a failure readable."""
    return re.findall(r'<ul class="errorlist"><li>(.*?)</li>', response.text)[:5]


def test_an_order_placed_through_the_checkout_views(stack):
    shop = stack.shop_url
    slug, name = a_taxable_simple_product(stack)
    email = "checkout-%s@example.com" % uuid.uuid4().hex[:10]
    session = requests.Session()

    page = session.get("%s/product/%s/" % (shop, slug), timeout=60)
    assert page.status_code == 200
    assert session.cookies.get("csrftoken"), "the product page sets the CSRF cookie"

    post(session, shop + "/cart/add/", {"productname": slug, "quantity": QUANTITY}, "/cart/")
    cart = session.get(shop + "/cart/", timeout=60)
    assert name in cart.text

    us = stack.shop_sql("SELECT id FROM l10n_country WHERE iso2_code = 'US'")[0][0]
    post(session, shop + "/checkout/", {
        "email": email, "first_name": u"Zoë", "last_name": u"Checkout-Tëst",
        "phone": "615-555-0100", "street1": "100 Broadway", "city": "Nashville",
        "state": "TN", "postal_code": "37201", "country": us, "ship_country": us,
        "copy_address": "True", "paymentmethod": "DUMMY"}, "/checkout/dummy/")

    card_year = datetime.date.today().year + 2
    post(session, shop + "/checkout/dummy/", {
        "credit_type": "Visa", "credit_number": "4111111111111111", "month_expires": "12",
        "year_expires": str(card_year), "ccv": "123", "shipping": "PerItem"},
        "/checkout/dummy/confirm/")
    confirm = session.get(shop + "/checkout/dummy/confirm/", timeout=60)
    assert confirm.status_code == 200
    post(session, shop + "/checkout/dummy/confirm/", {"process": "True"}, "/success/")

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
