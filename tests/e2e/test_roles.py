"""README's "Who can do what", per group, over XML-RPC with logins of their own.

A connector manager who is not in OpenERP's *Access Rights* group (so
OpenERP shows them no *Settings* menu), with the invoicing group README asks
for (the shop form picks journals and taxes), configures a shop through *Satchmo >
Configuration > Shops* and runs it; a reviewer (*Satchmo Connector / User*)
queues a row for the next run, and can neither configure a shop nor see its
configuration menu. Deleting mapping rows and retrying are proven in
test_first_hour.py and test_reviewer.py.

What each login sees is asked of OpenERP itself: ``ir.ui.menu`` search
leaves out the menus of groups the user is not in, as the web client's menu
does.
"""
import xmlrpc.client

import pytest

from tests.e2e.shopcheck import NO_STATUS, assert_run, synced_shop
from tests.e2e.test_first_hour import wait_for_end
from tests.harness.clients import ErpRpc

PASSWORD = "roles-Pw-1"
SATCHMO_CONFIGURATION = ("openerp_addon", "menu_satchmo_config")
SATCHMO_SHOPS = ("openerp_addon", "menu_satchmo_backend")
SETTINGS_ROOT = ("base", "menu_administration")
SETTINGS_SHORTCUT = ("openerp_addon", "menu_satchmo_config_settings_shortcut")
FAILURES = ("openerp_addon", "menu_satchmo_binding_failures")
ACCESS_RIGHTS = ("base", "group_erp_manager")
# README: the shop form picks journals and taxes, which OpenERP shows to invoicing people
INVOICING = ("account", "group_account_invoice")


def ref(stack, xmlid):
    return stack.erp("ir.model.data", "get_object_reference", *xmlid)[1]


def login_in(stack, login, group_xmlid, *more_groups):
    """A user of the admin's company in one connector group (and ``more_groups``, xmlids),
    never in Access Rights; their XML-RPC client."""
    company = stack.erp("res.users", "read", [stack.uid], ["company_id"])[0]["company_id"][0]
    user = stack.erp("res.users", "create", {
        "name": login.title(), "login": login, "password": PASSWORD, "company_id": company,
        "company_ids": [(6, 0, [company])],
        "groups_id": [(6, 0, [ref(stack, ("openerp_addon", group_xmlid))]
                       + [ref(stack, xmlid) for xmlid in more_groups])]})
    groups = stack.erp("res.users", "read", [user], ["groups_id"])[0]["groups_id"]
    assert ref(stack, ACCESS_RIGHTS) not in groups, "%s is an Access Rights admin" % login
    return ErpRpc(stack.erp_url, stack.erp_db, login, PASSWORD)


def visible_menus(stack, rpc, *xmlids):
    wanted = dict((ref(stack, xmlid), xmlid) for xmlid in xmlids)
    return set(wanted[i] for i in rpc("ir.ui.menu", "search", [("id", "in", list(wanted))]))


def test_a_manager_without_access_rights_configures_a_shop_through_satchmo_configuration(
        fresh_stack):
    stack = fresh_stack
    manager = login_in(stack, "shopmanager", "group_satchmo_manager", INVOICING)
    assert visible_menus(stack, manager, SATCHMO_CONFIGURATION, SATCHMO_SHOPS, SETTINGS_ROOT,
                         SETTINGS_SHORTCUT) == {SATCHMO_CONFIGURATION, SATCHMO_SHOPS}
    # the Settings page is OpenERP's res.config: only Access Rights admins may Apply it,
    # which is why its shortcut under Satchmo > Configuration is not offered to this manager
    page = manager("satchmo.config.settings", "create", {"shop_name": "Not applied"})
    with pytest.raises(xmlrpc.client.Fault):
        manager("satchmo.config.settings", "execute", [page])

    # Satchmo > Configuration > Shops: a new shop, saved, then removed again (one shop
    # of this store per company: a second one would import the same objects twice)
    created = manager("satchmo.backend", "create", {
        "name": "Second shop", "url": stack.shop_url, "api_token": stack.api_token})
    manager("satchmo.backend", "unlink", [created])
    # the shop of the template, configured on its form by the manager: URL, token, orders
    backend = stack.backend_id
    manager("satchmo.backend", "write", [backend], {
        "name": "Configured by the manager", "url": stack.shop_url,
        "api_token": stack.api_token, "import_statuses": NO_STATUS, "page_size": 50})
    assert manager("satchmo.backend", "read", [backend], ["api_token"])[0]["api_token"] == \
        stack.api_token  # managers keep the token
    manager("satchmo.backend", "action_test_connection", [backend])
    lines = manager("satchmo.check.line", "read",
                    manager("satchmo.check.line", "search", [("backend_id", "=", backend)]),
                    ["name", "state", "message"])
    reachable = [line for line in lines if "reachable" in line["name"].lower()]
    assert reachable and reachable[0]["state"] == "ok", lines

    action = manager("satchmo.backend", "action_start_sync", [backend])  # Synchronize now
    run = wait_for_end(stack, action["res_id"])
    assert run["state"] == "done", run["reason"]
    products = stack.api_all("products")
    rows = stack.erp("satchmo.binding", "search", [("backend_id", "=", backend),
                                                   ("resource", "=", "products"),
                                                   ("state", "=", "synced")])
    assert len(rows) == len(products)


def test_a_reviewer_queues_a_row_for_the_next_run_and_cannot_configure(stack):
    shop = synced_shop(stack)
    reviewer = login_in(stack, "queuer", "group_satchmo_user")
    assert visible_menus(stack, reviewer, FAILURES, SATCHMO_CONFIGURATION, SETTINGS_ROOT) == \
        {FAILURES}
    with pytest.raises(xmlrpc.client.Fault):
        reviewer("satchmo.backend", "write", [shop.backend_id], {"url": "http://elsewhere/"})
    with pytest.raises(xmlrpc.client.Fault):
        reviewer("satchmo.backend", "create", {"name": "Not mine", "url": stack.shop_url})

    organization = stack.api_all("organizations")[0]
    stack.shop_sql("UPDATE contact_organization SET name = 'Queued by review' WHERE id = %s",
                   (organization["id"],))  # behind the feed's back: only a person brings it
    row = shop.binding("organizations", organization["id"])
    reviewer("satchmo.binding", "action_mark_dirty", [row["id"]])
    assert shop.binding("organizations", organization["id"])["state"] == "dirty"
    assert_run(shop.sync(), "done")
    assert shop.record("organizations", organization["id"], ["name"])["name"] == \
        "Queued by review"
    assert shop.binding("organizations", organization["id"])["state"] == "synced"
