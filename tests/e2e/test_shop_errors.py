"""A shop object the shop's own API cannot send fails alone; the feed and a resync go on.

The broken object is a legacy contact whose birth date the shop's database
holds but its Python cannot read (a date before year 1, set with SQL as an
old import could have left it): the real API answers HTTP 500 for any page
that includes it. What must hold: the run is done, that contact's row is
failed with what the shop answered (no token), the other changes are
imported and the cursor moves on; a full resync notes the listing it could
not finish and still imports the resources after it; once the contact is
fixed in the shop, Retry and the next resync bring everything in step.
"""
import requests

from tests.e2e.shopcheck import (assert_in_step, assert_readable, assert_run, simple_products,
                                 synced_shop)

UNREADABLE_DOB = "0001-01-01 BC"


def head(stack):
    return stack.api("changes/head/")["last_seq"]


def test_a_contact_the_shop_cannot_serialize_fails_alone(stack):
    shop = synced_shop(stack)
    contacts = stack.api_all("contacts")
    broken, fine = contacts[0], contacts[1]
    stack.shop_edit("set", "contact", fine["id"], "last_name=Fine")
    stack.shop_edit("touch", "contact", broken["id"])
    stack.shop_sql("UPDATE contact_contact SET dob = %s WHERE id = %s",
                   (UNREADABLE_DOB, broken["id"]))
    answer = requests.get(stack.api_url + "contacts/", params={"ids": broken["id"]},
                          headers={"Authorization": "Token %s" % stack.api_token}, timeout=30)
    assert answer.status_code == 500  # the shop's own API cannot send it

    run = shop.sync()
    assert_run(run, "done")
    assert run["counts"]["contacts"]["failed"] == 1, run["counts"]
    row = shop.binding("contacts", broken["id"])
    assert row["state"] == "failed" and "HTTP 500" in row["error"], row
    assert_readable(row["error"], stack.api_token)
    assert shop.record("contacts", fine["id"], ["name"])["name"].endswith("Fine")
    assert shop.cursor() == head(stack)

    # a full resync (as after a prune) notes the listing it could not finish, goes on with
    # the orders after the contacts, archives nothing and keeps the cursor for the next one
    product = simple_products(stack)[0]
    order_id = stack.shop_edit("new_order", fine["id"], "%s:1" % product["id"])
    run = shop.sync(full=True)
    assert_run(run, "done")
    assert "Listing contacts" in run["reason"], run["reason"]
    assert shop.binding("orders", order_id)["state"] == "synced"
    assert shop.binding("contacts", fine["id"])["digest"] != "deleted"

    stack.shop_sql("UPDATE contact_contact SET dob = NULL WHERE id = %s", (broken["id"],))
    stack.erp("satchmo.binding", "action_retry", [row["id"]])
    assert shop.binding("contacts", broken["id"])["state"] == "synced"
    run = shop.sync(full=True)
    assert_run(run, "done")
    assert shop.cursor() == head(stack)
    assert_in_step(shop)
