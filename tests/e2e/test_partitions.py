"""One shop over two partitions (openerp_addon/sync/partitions.py), against the real servers.

A shop synced once is split into two partitions; new orders are placed in the
shop through its models (so the change feed sees them, as the demo store's
``shop_edit`` does) and both partitions run at the same time, each in its own
XML-RPC request (its own OpenERP thread and transactions), as two cron
workers would run them:

- two partitions importing orders of the same new product at once: one
  product in OpenERP, one mapping row;
- OpenERP killed while both partitions import: after a restart and one more
  run of each part, every shop order is in OpenERP once, with the shop's
  totals, and a further run changes nothing.

Cost: one copy of the session's synced databases per test and about ten
orders each (~40 s per test on a quiet machine).
"""
import threading
import uuid
import zlib

from tests.e2e.shopcheck import assert_in_step, assert_orders_match, assert_run, synced_shop
from tests.e2e.test_faults_crash import wait_for

PARTITIONS = 2


def partition_of(contact_id):
    """Only to choose customers that land in both partitions; the test then checks with the
    partitions' own runs which one imported what."""
    return (zlib.crc32(str(contact_id).encode()) & 0xffffffff) % PARTITIONS


def customers_of_each_partition(stack, per_partition):
    found = {index: [] for index in range(PARTITIONS)}
    for contact in stack.api_all("contacts"):
        index = partition_of(contact["id"])
        if len(found[index]) < per_partition:
            found[index].append(contact["id"])
    assert all(len(ids) == per_partition for ids in found.values()), found
    return found


def new_orders(stack, customers, product_id):
    """One order of ``product_id`` per customer, paid in full; their shop ids."""
    orders = []
    for contact_id in customers:
        order_id = stack.shop_edit("new_order", contact_id, "%s:2" % product_id)
        [served] = stack.api("orders/", ids=order_id)["results"]
        stack.shop_edit("pay", order_id, served["total"])
        orders.append(order_id)
    return orders


def run_partitions_at_once(stack, shop):
    """Both partitions' "run now" at the same moment; {index: run or the error it met}."""
    results = {}

    def one(index):
        try:
            action = stack.erp("satchmo.backend", "action_sync_partition", [shop.backend_id],
                               index)
            results[index] = shop.run(action["res_id"])
        except Exception as error:  # the server killed under the call
            results[index] = error

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(PARTITIONS)]
    for thread in threads:
        thread.start()
    return threads, results


def test_two_partitions_needing_one_new_product_make_one_product(stack):
    shop = synced_shop(stack)
    shop.set(partitions=PARTITIONS)
    category = stack.api_all("categories")[0]["id"]
    sku = "PART-%s" % uuid.uuid4().hex[:8]
    product_id = stack.shop_edit("new_product", "Partition widget", sku, "12.50", category)
    customers = customers_of_each_partition(stack, 2)
    orders = new_orders(stack, customers[0] + customers[1], product_id)

    threads, runs = run_partitions_at_once(stack, shop)
    for thread in threads:
        thread.join(timeout=300)
    for index in range(PARTITIONS):
        assert_run(runs[index], "done")
        # each partition imported its own customers' orders, none of the other's
        assert runs[index]["counts"]["orders"]["created"] == 2, runs[index]["counts"]
    rows = [r for r in shop.bindings("products") if r["shop_id"] == str(product_id)]
    assert len(rows) == 1 and rows[0]["state"] == "synced", rows
    made = stack.erp("product.product", "search", [("default_code", "=", sku)], 0, 0, False,
                     {"active_test": False})
    assert made == [rows[0]["res_id"]], made
    for order_id in orders:
        assert shop.binding("orders", order_id)["state"] == "synced"
    assert_orders_match(shop)


def test_a_partition_killed_mid_run_loses_and_doubles_nothing(stack):
    shop = synced_shop(stack)
    shop.set(partitions=PARTITIONS)
    product_id = stack.api_all("products")[0]["id"]
    customers = customers_of_each_partition(stack, 4)
    orders = new_orders(stack, customers[0] + customers[1], product_id)
    bound_before = len(shop.bindings("orders"))

    threads, runs = run_partitions_at_once(stack, shop)
    started = wait_for(lambda: len(shop.bindings("orders")) >= bound_before + 2, 150)
    assert started, "the partitions never imported an order"
    assert len(runs) < PARTITIONS, "both partitions finished before they could be killed"
    stack.servers.erp.daemon.kill()
    for thread in threads:
        thread.join(timeout=60)
    stack.servers.erp.start(stack.erp_db)
    stack.rpc.reset_login()

    assert_run(shop.sync(), "done")
    threads, again = run_partitions_at_once(stack, shop)
    for thread in threads:
        thread.join(timeout=300)
    for index in range(PARTITIONS):
        assert_run(again[index], "done")
    interrupted = [r for r in shop.runs() if r["state"] == "failed"]
    assert interrupted and all("nterrupted" in r["reason"] for r in interrupted), interrupted
    for order_id in orders:
        assert shop.binding("orders", order_id)["state"] == "synced"
    assert_in_step(shop)
    # every part has committed the whole feed: the shop-wide cursor is at its head
    assert_run(shop.sync(), "done")
    head = stack.api("changes/head/")["last_seq"]
    cursors = [p["cursor"] for p in stack.erp_read_all(
        "satchmo.partition", [("backend_id", "=", shop.backend_id)], ["cursor"])]
    assert cursors == [head] * PARTITIONS and shop.cursor() == head, (cursors, head)
