"""A reviewer (group Satchmo Connector / User, an XML-RPC login of its own) at work.

The reviewer may not create partners, yet their Retry of a failed
organization imports it (with the connector's rights, after the record-rule
check), and their Retry of an address row re-imports the address through its
contact. Through every ORM call they can make, the API token stays out of
their reach: a search domain on it, a read, an export, a group-by, or the
model that stores it.
"""
import xmlrpc.client

import pytest

from tests.e2e.shopcheck import assert_in_step, assert_run, synced_shop
from tests.harness.clients import ErpRpc

PASSWORD = "review-Pw-1"


def reviewer(stack, shop, login="reviewer"):
    """A Satchmo Connector / User of the shop's company, logged in over XML-RPC.

    Its partner is OpenERP's, not the sync's: the shop's checks leave it out."""
    group = stack.erp("ir.model.data", "get_object_reference", "openerp_addon",
                      "group_satchmo_user")[1]
    company = stack.erp("res.users", "read", [stack.uid], ["company_id"])[0]["company_id"][0]
    user = stack.erp("res.users", "create", {
        "name": "Reviewer", "login": login, "password": PASSWORD, "company_id": company,
        "company_ids": [(6, 0, [company])], "groups_id": [(6, 0, [group])]})
    shop.partners_before.add(stack.erp("res.users", "read", [user],
                                       ["partner_id"])[0]["partner_id"][0])
    return ErpRpc(stack.erp_url, stack.erp_db, login, PASSWORD)


def test_a_reviewer_retries_any_row_and_never_reaches_the_token(stack):
    shop = synced_shop(stack)
    rpc = reviewer(stack, shop)
    assert not rpc("res.partner", "check_access_rights", "create", False)

    organization = stack.api_all("organizations")[0]
    stack.shop_edit("set", "organization", organization["id"], "name=")
    assert_run(shop.sync(), "done")
    row = shop.binding("organizations", organization["id"])
    assert row["state"] == "failed", row
    stack.shop_sql("UPDATE contact_organization SET name = 'Fixed by review' WHERE id = %s",
                   (organization["id"],))
    rpc("satchmo.binding", "action_retry", [row["id"]])
    retried = shop.binding("organizations", organization["id"])
    assert (retried["state"], retried["attempts"]) == ("synced", 0), retried
    assert shop.record("organizations", organization["id"],
                       ["name"])["name"] == "Fixed by review"

    contact = [c for c in stack.api_all("contacts") if c["addresses"]][0]
    address = contact["addresses"][0]
    stack.shop_sql("UPDATE contact_addressbook SET street1 = 'Reviewed street 1' WHERE id = %s",
                   (address["id"],))  # behind the feed's back
    rpc("satchmo.binding", "action_retry", [shop.binding("addresses", address["id"])["id"]])
    assert shop.record("addresses", address["id"], ["street"])["street"] == "Reviewed street 1"
    assert_in_step(shop)

    token, backend = stack.api_token, [shop.backend_id]
    attempts = [
        ("satchmo.backend", "search", [("api_token", "=like", token[0] + "%")]),
        ("satchmo.backend", "search", [("api_token", "!=", False)]),
        ("satchmo.backend", "read", backend, ["api_token"]),
        ("satchmo.backend", "read_group", [], ["api_token"], ["api_token"]),
        ("satchmo.backend.secret", "search", []),
        ("satchmo.backend.secret", "read", [1], ["api_token"]),
    ]
    for call in attempts:
        with pytest.raises(xmlrpc.client.Fault):
            rpc(*call)
    try:  # an export that names the token is refused, or answers without it
        exported = rpc("satchmo.backend", "export_data", backend, ["name", "api_token"])
    except xmlrpc.client.Fault as refused:
        exported = refused.faultString
    assert token not in repr(exported)
    assert stack.erp("satchmo.backend", "read", backend, ["api_token"])[0]["api_token"] == token
