"""The first hour of a real user, over XML-RPC: the buttons do not hold the request,
and nobody (whatever their group) deletes a mapping row by hand.

Both tests start from the copies ``synced_shop`` keeps right after a first
sync (shared with the browser and fault tests: no extra first sync).
"""
import time
import xmlrpc.client

from tests.harness.clients import ErpRpc

from .shopcheck import assert_in_step, synced_shop

# The run of a button must not keep the browser waiting: it returns once the run exists.
QUICK = 10.0


def wait_for_end(stack, run_id, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = stack.erp("satchmo.sync.run", "read", [run_id], ["state", "reason", "ended_at"])[0]
        if run["state"] != "running":
            return run
        time.sleep(0.5)
    raise AssertionError("run %s still running after %ss" % (run_id, timeout))


def test_full_resync_button_returns_while_the_run_proceeds(stack):
    shop = synced_shop(stack)
    started = time.monotonic()
    action = stack.erp("satchmo.backend", "action_start_full_resync", [shop.backend_id])
    seconds = time.monotonic() - started
    assert action["res_model"] == "satchmo.sync.run" and action["view_mode"] == "form"
    # the run record exists and is still going on when the button has returned
    first = stack.erp("satchmo.sync.run", "read", [action["res_id"]], ["state", "full"])[0]
    run = wait_for_end(stack, action["res_id"])
    print("the button returned in %.2fs, the run took %.1fs"
          % (seconds, time.monotonic() - started))
    assert seconds < QUICK
    assert (first["state"], first["full"]) == ("running", True)
    assert run["state"] == "done", run["reason"]
    assert_in_step(shop)


def user_in(stack, login, group_xmlid):
    group_id = stack.erp("ir.model.data", "get_object_reference", "openerp_addon",
                         group_xmlid)[1]
    stack.erp("res.users", "create", {"name": login, "login": login, "password": login,
                                      "groups_id": [(6, 0, [group_id])]})
    return ErpRpc(stack.erp_url, stack.erp_db, login, login)


def test_nobody_deletes_a_mapping_row_by_hand(stack):
    shop = synced_shop(stack)
    row_ids = stack.erp("satchmo.binding", "search",
                        [("backend_id", "=", shop.backend_id), ("resource", "=", "products")])
    for login, group in (("reviewer", "group_satchmo_user"),
                         ("manager", "group_satchmo_manager")):
        rpc = user_in(stack, login, group)
        assert rpc("satchmo.binding", "search", [("id", "=", row_ids[0])]) == [row_ids[0]]
        try:
            rpc("satchmo.binding", "unlink", [row_ids[0]])
        except xmlrpc.client.Fault as refused:  # OpenERP 7 puts its message in faultCode
            assert "duplicate" in str(refused.faultCode), refused
        else:
            raise AssertionError("%s deleted a mapping row" % login)
    assert stack.erp("satchmo.binding", "search", [("id", "in", row_ids)]) == row_ids
