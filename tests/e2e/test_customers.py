"""Customers as people: guest checkouts with one e-mail are one OpenERP customer.

Driven as the shop's people do: guests order through Satchmo's checkout
views, a customer registers through its registration page; the shop owner
sets the matching rule on the backend; the accountant reads partners and
orders, and deletes a partner by hand.
"""
import uuid

import requests

from tests.e2e.checkout import place_order, post
from tests.e2e.shopcheck import assert_in_step, assert_run, synced_shop
from tests.harness import sync_report


def place_guest_order(stack, email, street1=u"100 Broadway"):
    """A guest checkout (no shop account), in a session of its own."""
    return place_order(stack, email, 1, street1=street1)


def register(stack, email, first_name=u"Regina", last_name=u"Registered"):
    """A customer signs up through Satchmo's registration form (a user and a contact)."""
    session = requests.Session()
    page = session.get(stack.shop_url + "/accounts/register/", timeout=60)
    assert page.status_code == 200
    password = "Pw-%s" % uuid.uuid4().hex[:8]
    post(session, stack.shop_url + "/accounts/register/", {
        "email": email, "first_name": first_name, "last_name": last_name,
        "password1": password, "password2": password}, "/accounts/register/complete/")


def contacts_with(stack, email):
    """Shop contact ids whose e-mail is this one, case and spaces ignored, oldest first."""
    return [row[0] for row in stack.shop_sql(
        "SELECT id FROM contact_contact WHERE lower(trim(email)) = lower(%s) ORDER BY id",
        (email,))]


def partner_of(shop, contact_id):
    return shop.binding("contacts", contact_id)["res_id"]


def test_guests_with_one_email_are_one_customer_as_the_owner_chooses(stack):
    shop = synced_shop(stack)
    tag = uuid.uuid4().hex[:8]
    gail = "gail-%s@example.com" % tag
    place_guest_order(stack, gail, street1="1 First Street")
    place_guest_order(stack, gail.upper(), street1="2 Second Avenue")
    register(stack, gail.capitalize())
    assert_run(shop.sync(), "done")

    first, second, registered = contacts_with(stack, gail)
    assert partner_of(shop, first) == partner_of(shop, second)  # one person, two checkouts
    assert partner_of(shop, registered) != partner_of(shop, first)  # an account: its own
    customer = partner_of(shop, first)
    sales = stack.erp_read_all("sale.order", [("partner_id", "=", customer)],
                               ["partner_shipping_id", "partner_invoice_id"])
    assert len(sales) == 2, sales
    streets = sorted(stack.erp("res.partner", "read", [s["partner_shipping_id"][0]],
                               ["street"])[0]["street"] for s in sales)
    assert streets == ["1 First Street", "2 Second Avenue"]  # each order its own address

    # the owner merges by e-mail: a registered customer joins the guests' customer
    shop.set(customer_matching="email")
    hugo = "hugo-%s@example.com" % tag
    place_guest_order(stack, hugo)
    register(stack, hugo, first_name=u"Hugo")
    # and matches customers typed in OpenERP before (an accountant's partner)
    ines = "ines-%s@example.com" % tag
    typed_in = stack.erp("res.partner", "create", {"name": "Ines (typed in)",
                                                   "email": ines.title(), "customer": True})
    shop.set(match_existing_customers=True)
    place_guest_order(stack, ines)
    assert_run(shop.sync(), "done")
    guest, account = contacts_with(stack, hugo)
    assert partner_of(shop, guest) == partner_of(shop, account)
    [ines_contact] = contacts_with(stack, ines)
    assert partner_of(shop, ines_contact) == typed_in
    assert_in_step(shop)
    # the demo's summary line: contacts -> customers, and why fewer
    people = sync_report.count_people(stack.rpc, stack.shop_api, shop.backend_id)
    assert (people["merged_guests"], people["merged_accounts"]) == (1, 1), people
    assert people["customers"] == people["contacts"] - 2, people
    assert sync_report.format_people(people).endswith(
        "(1 guest merged by e-mail, 1 with a shop account merged by e-mail)")

    # a partner deleted by hand is made again at the contact's next change
    shop.set(customer_matching="guests")
    alone = partner_of(shop, registered)
    stack.erp("res.partner", "unlink", [alone])
    stack.shop_edit("set", "contact", registered, "first_name=Reggie")
    assert_run(shop.sync(), "done")
    again = shop.record("contacts", registered, ["name", "email"])
    assert again["id"] != alone and again["name"].startswith("Reggie"), again
    assert again["binding"]["state"] == "synced"
