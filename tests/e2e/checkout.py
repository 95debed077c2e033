"""A customer's order through Satchmo's real checkout views, over HTTP.

The same pages a customer uses: product page, cart, checkout form, the dummy
payment module's card form and confirmation. Shared by the tests that need an
order placed the way the shop's people place one (tests/e2e/test_checkout.py
checks what the shop made of it; the scheduled-pull test waits for it in
OpenERP).
"""
import datetime
import re

import requests


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


def place_order(stack, email, quantity, product=None, last_name=u"Checkout-Tëst"):
    """Buy ``quantity`` of ``product`` (slug, name; a taxable simple product by default)
    as a new customer ``email`` paying by card with the dummy module; the order's id."""
    shop = stack.shop_url
    slug, name = product or a_taxable_simple_product(stack)
    session = requests.Session()

    page = session.get("%s/product/%s/" % (shop, slug), timeout=60)
    assert page.status_code == 200
    assert session.cookies.get("csrftoken"), "the product page sets the CSRF cookie"

    post(session, shop + "/cart/add/", {"productname": slug, "quantity": quantity}, "/cart/")
    cart = session.get(shop + "/cart/", timeout=60)
    assert name in cart.text

    us = stack.shop_sql("SELECT id FROM l10n_country WHERE iso2_code = 'US'")[0][0]
    post(session, shop + "/checkout/", {
        "email": email, "first_name": u"Zoë", "last_name": last_name,
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
    rows = stack.shop_sql("SELECT o.id FROM shop_order o JOIN contact_contact c"
                          " ON c.id = o.contact_id WHERE c.email = %s", (email,))
    assert len(rows) == 1, rows
    return rows[0][0]
