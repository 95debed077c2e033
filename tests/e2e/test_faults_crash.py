"""OpenERP killed with SIGKILL in the middle of a first sync, restarted: nothing lost, nothing doubled.

The pipeline commits its work in batches together with how far it got, so a
server that dies loses at most the batch it was in. What must hold after the
restart and the next run: that run completes, the killed run is recorded as
interrupted (failed, with a reason), every shop object is in OpenERP once,
nothing is duplicated, and a further run finds nothing to do.
"""
import threading
import time

from tests.e2e.shopcheck import Connected, assert_in_step, assert_nothing_changed, assert_run


def wait_for(condition, timeout, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def test_faults_openerp_killed_in_the_middle_of_a_first_sync(fresh_stack):
    """SIGKILL while orders are being imported (small pages: many committed batches), then
    restart: the next run is done, the killed run says it was interrupted, shop and OpenERP
    are in step with no duplicate, and one more run changes nothing."""
    stack = fresh_stack
    shop = Connected(stack, page_size=5)
    outcome = {}

    def first_sync():
        try:
            outcome["run"] = shop.sync()
        except Exception as error:  # the server dies under the call
            outcome["error"] = error

    worker = threading.Thread(target=first_sync, daemon=True)
    worker.start()
    # in the middle of the orders (invoices, vouchers) when they are imported
    resource, enough = ("orders", 6) if shop.orders else ("products", 3)
    started = wait_for(lambda: stack.erp("satchmo.binding", "search_count", [
        ("backend_id", "=", shop.backend_id), ("resource", "=", resource)]) >= enough, 150)
    assert started, "the first sync never reached the %s" % resource
    assert "run" not in outcome, "the first sync finished before it could be killed"
    stack.servers.erp.daemon.kill()
    worker.join(timeout=60)
    assert "error" in outcome, outcome

    stack.servers.erp.start(stack.erp_db)
    stack.rpc.reset_login()
    before = shop.bindings()
    assert before and not shop.failures(), "the killed run left failed rows"

    run = shop.sync()
    assert_run(run, "done")
    killed = [r for r in shop.runs() if r["id"] != run["id"]]
    assert len(killed) == 1
    assert_run(killed[0], "failed", "interrupted")
    assert sum(c["created"] for c in run["counts"].values()) > 0, "the rest was not imported"
    assert_in_step(shop)
    assert_nothing_changed(shop.sync())
