"""Changes made by paths that send no Django signal reach OpenERP with the next run.

After a first sync, the shop changes the ways its people really change it:
a bulk action in Satchmo's admin (a ``QuerySet.update()``), the inventory
import view (a raw deserialized save), a raw SQL ``UPDATE`` from a shell,
and an option's price change that moves what its variations charge. One
run later OpenERP holds each change; prices are compared with what the
shop API says Satchmo charges. And a checkout through Satchmo's views while
the feed refuses rows: the order and its feed row exist together or not at
all.
"""
import datetime
import json
import re
import uuid

import pytest
import requests

from tests.e2e.shopcheck import assert_run, orders_imported, simple_products, synced_shop
from tests.e2e.test_checkout import a_taxable_simple_product
from tests.e2e.test_checkout import post as checkout_post


def admin_session(stack):
    """A requests session logged into Satchmo's admin as a new superuser."""
    stack.shop_edit("staff", "capture-boss", "capture-pw")
    session = requests.Session()
    session.get(stack.shop_url + "/admin/", timeout=60)
    response = session.post(stack.shop_url + "/admin/", data={
        "username": "capture-boss", "password": "capture-pw", "this_is_the_login_form": "1",
        "next": "/admin/", "csrfmiddlewaretoken": session.cookies.get("csrftoken")},
        timeout=60)
    assert response.status_code == 200 and "Log out" in response.text, response.text[:300]
    return session


def post(session, url, data=None, files=None):
    data = dict(data or {}, csrfmiddlewaretoken=session.cookies.get("csrftoken"))
    response = session.post(url, data=data, files=files, timeout=60)
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return response


def variation_with_an_option_price(stack):
    """A variation charging its parent's price plus an option's change, and that option."""
    rows = stack.shop_sql(
        "SELECT v.product_id, link.option_id FROM configurable_productvariation v"
        " JOIN configurable_productvariation_options link ON link.productvariation_id ="
        " v.product_id JOIN product_product p ON p.id = v.product_id"
        " WHERE p.active AND NOT EXISTS (SELECT 1 FROM product_price pr"
        "                                WHERE pr.product_id = v.product_id)"
        " ORDER BY v.product_id LIMIT 1")
    assert rows, "the generated store has a variation priced from its parent"
    return rows[0]


@pytest.mark.skipif(not orders_imported(), reason="the connector does not import orders yet")
def test_admin_action_inventory_import_raw_sql_and_an_option_price_reach_openerp(stack):
    shop = synced_shop(stack)
    products = simple_products(stack)
    retired, imported, renamed = products[0], products[1], products[2]
    variant_id, option_id = variation_with_an_option_price(stack)

    session = admin_session(stack)
    post(session, stack.shop_url + "/admin/product/product/", {
        "action": "make_inactive", "index": "0", "select_across": "0",
        "_selected_action": [str(retired["id"])]})
    export = post(session, stack.shop_url + "/inventory/export/", {
        "format": "json", "export__%s" % imported["slug"]: "on"})
    objects = json.loads(export.text)
    for obj in objects:
        if obj["model"] == "product.product":
            obj["fields"]["name"] = u"Importée par l'inventaire"
    result = post(session, stack.shop_url + "/inventory/import/",
                  files={"upload": ("products.json", json.dumps(objects), "text/json")})
    assert not re.search(r'class="error', result.text), result.text[:500]
    stack.shop_sql("UPDATE product_product SET name = 'Renamed by SQL' WHERE id = %s",
                   (renamed["id"],))
    stack.shop_sql("UPDATE product_option SET price_change = COALESCE(price_change, 0) + 3.5"
                   " WHERE id = %s", (option_id,))

    run = shop.sync()
    assert_run(run, "done")
    assert shop.record("products", retired["id"], ["active"])["active"] is False
    assert shop.record("products", imported["id"], ["name"])["name"] == \
        u"Importée par l'inventaire"
    assert shop.record("products", renamed["id"], ["name"])["name"] == "Renamed by SQL"
    [served] = stack.api("products/", ids=variant_id)["results"]
    erp_variant = shop.record("products", variant_id, ["lst_price"])
    assert erp_variant["lst_price"] == pytest.approx(float(served["unit_price"]))


def test_a_checkout_whose_feed_insert_fails_leaves_no_order_the_feed_misses(stack):
    """The feed's insert fails (a constraint refuses order rows) while a customer
    checks out through Satchmo's real views: the order's save fails with it, so
    no order exists that the feed does not name; once the feed accepts rows
    again the same checkout completes, and the order is in the feed."""
    shop = stack.shop_url
    slug, _ = a_taxable_simple_product(stack)
    email = "fault-%s@example.com" % uuid.uuid4().hex[:10]
    session = requests.Session()
    session.get("%s/product/%s/" % (shop, slug), timeout=60)
    checkout_post(session, shop + "/cart/add/", {"productname": slug, "quantity": 1}, "/cart/")
    us = stack.shop_sql("SELECT id FROM l10n_country WHERE iso2_code = 'US'")[0][0]
    checkout_post(session, shop + "/checkout/", {
        "email": email, "first_name": u"Zoë", "last_name": u"Fault", "phone": "615-555-0100",
        "street1": "1 Broadway", "city": "Nashville", "state": "TN", "postal_code": "37201",
        "country": us, "ship_country": us, "copy_address": "True",
        "paymentmethod": "DUMMY"}, "/checkout/dummy/")
    card = {"credit_type": "Visa", "credit_number": "4111111111111111", "month_expires": "12",
            "year_expires": str(datetime.date.today().year + 2), "ccv": "123",
            "shipping": "PerItem", "csrfmiddlewaretoken": session.cookies.get("csrftoken")}
    stack.shop_sql("ALTER TABLE satchmo_api_change ADD CONSTRAINT e2e_refuse_orders"
                   " CHECK (resource <> 'orders') NOT VALID")  # new rows only
    try:
        failed = session.post(shop + "/checkout/dummy/", data=card, allow_redirects=False,
                              timeout=60)
        assert failed.status_code == 500, failed.status_code
    finally:
        stack.shop_sql("ALTER TABLE satchmo_api_change DROP CONSTRAINT e2e_refuse_orders")
    unnamed = stack.shop_sql(
        "SELECT o.id FROM shop_order o WHERE NOT EXISTS (SELECT 1 FROM satchmo_api_change c"
        " WHERE c.resource = 'orders' AND c.object_id = o.id)")
    assert unnamed == [], "orders the feed never names: %s" % unnamed

    checkout_post(session, shop + "/checkout/dummy/", card, "/checkout/dummy/confirm/")
    checkout_post(session, shop + "/checkout/dummy/confirm/", {"process": "True"}, "/success/")
    [(order_id,)] = stack.shop_sql(
        "SELECT o.id FROM shop_order o JOIN contact_contact c ON c.id = o.contact_id"
        " WHERE c.email = %s", (email,))
    head = stack.api("changes/head/")["last_seq"]
    named = [c for c in stack.api("changes/", after=max(0, head - 50), limit=100)["results"]
             if c["resource"] == "orders" and c["id"] == order_id]
    assert named, "the completed order is in the feed"
