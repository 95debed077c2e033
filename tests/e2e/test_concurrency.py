"""Two sync runs of one shop started at the same time: one imports, the other yields.

Two triggers press "Synchronize now" at once (two XML-RPC calls in two
threads), on OpenERP's threaded server and on its prefork server with two
workers (two processes, as two cron workers would be). What must hold: exactly
one run is done and the other is recorded as "yielded" with a reason saying
another run was in progress, and the shop and OpenERP are in step with nothing
duplicated. A "Retry" pressed during a run is refused with a readable message.
"""
import threading
import time
import xmlrpc.client

import pytest

from tests.e2e.shopcheck import Connected, assert_in_step, assert_readable, assert_run
from tests.harness.clients import ErpRpc
from tests.harness.proxy import FaultProxy


@pytest.mark.parametrize("workers", [0, 2], ids=["threaded", "two_workers"])
def test_concurrency_two_runs_at_once_one_yields(fresh_stack, workers):
    stack = fresh_stack
    if workers:
        stack.servers.erp.start(stack.erp_db, workers=workers)
    proxy = FaultProxy(upstream=stack.shop_url).start()
    proxy.delay = 0.02  # the first run lasts a few seconds: the second surely overlaps it
    try:
        # orders on the threaded server (no voucher twice), the catalogue on two workers
        shop = Connected(stack, url=proxy.url, page_size=20, orders=not workers)
        barrier = threading.Barrier(2)
        results = []

        def press():
            rpc = ErpRpc(stack.erp_url, stack.erp_db, stack.erp_login, stack.erp_password)
            rpc.uid
            barrier.wait()
            try:
                results.append(rpc("satchmo.backend", "action_sync_now",
                                   [shop.backend_id])["res_id"])
            except Exception as error:
                results.append(error)

        threads = [threading.Thread(target=press, daemon=True) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert all(isinstance(r, int) for r in results), results
        runs = sorted((shop.run(i) for i in results), key=lambda r: r["state"])
        assert [r["state"] for r in runs] == ["done", "yielded"], runs
        assert_run(runs[1], "yielded", "another run")
        assert runs[1]["counts"] == {}
        assert_in_step(shop)
    finally:
        proxy.clear()
        proxy.stop()


def test_concurrency_retry_during_a_run_is_refused(fresh_stack):
    """While a run holds the shop's lock, "Retry" on a mapping row says a synchronization is
    running (it does not import beside it); after the run, the same retry works."""
    stack = fresh_stack
    shop = Connected(stack, page_size=20, orders=False)
    assert_run(shop.sync(), "done")
    row = shop.bindings("products")[0]
    proxy = FaultProxy(upstream=stack.shop_url).start()
    try:
        shop.set(url=proxy.url, page_size=1)
        proxy.delay = 0.3
        running = threading.Thread(target=lambda: shop.sync(full=True), daemon=True)
        running.start()
        while proxy.requests < 3:
            time.sleep(0.01)
        with pytest.raises(xmlrpc.client.Fault) as refused:
            stack.erp("satchmo.binding", "action_retry", [row["id"]])
        # OpenERP 7 puts an except_orm's title and message in the fault code
        message = "%s %s" % (refused.value.faultCode, refused.value.faultString)
        assert "A synchronization of this shop is running" in message, message
        assert_readable(message)
        proxy.delay = 0
        running.join(timeout=300)
    finally:
        proxy.clear()
        proxy.stop()
    shop.set(url=stack.shop_url)
    assert stack.erp("satchmo.binding", "action_retry", [row["id"]]) is True
    assert shop.binding("products", row["shop_id"])["state"] == "synced"
