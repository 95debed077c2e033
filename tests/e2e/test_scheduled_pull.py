"""The scheduled pull, the connector's central promise, through OpenERP's real scheduler.

The owner ticks "Synchronize automatically" on the Settings page at OpenERP 7's
smallest interval (one minute), a customer checks out in the shop, and the order
appears in OpenERP without anyone pressing *Synchronize now*: the e2e server runs
OpenERP's cron threads (threaded mode, two of them, polling about once a minute),
and nothing here calls the sync. The scheduled action's next call moving on is the
scheduler's own record of having run it.

Cost: the restored server's cron threads first poll about 60 s after it starts,
so the test takes a little over a minute; it waits at most two polls and a run.
"""
import time
import uuid
from decimal import Decimal

from tests.e2e.checkout import place_order
from tests.e2e.shopcheck import synced_shop
from tests.harness import company

SMALLEST_INTERVAL_MINUTES = 1  # ir.cron counts whole units; "minutes" is its smallest
CRON_XMLID = ("openerp_addon", "ir_cron_satchmo_sync")
WAIT_SECONDS = 150  # two polls of the cron threads and a run, on a loaded machine


def scheduled_action(stack):
    cron_id = stack.erp("ir.model.data", "get_object_reference", *CRON_XMLID)[1]
    return stack.erp("ir.cron", "read", [cron_id], ["active", "interval_number",
                                                    "interval_type", "nextcall"])[0]


def test_an_order_placed_in_the_shop_reaches_openerp_through_the_scheduled_action(stack):
    shop = synced_shop(stack)  # both servers restarted on copies: the scheduler starts now
    started = time.monotonic()
    company.schedule(stack.rpc, on=True, interval_minutes=SMALLEST_INTERVAL_MINUTES)
    before = scheduled_action(stack)
    assert before["active"] and before["interval_number"] == SMALLEST_INTERVAL_MINUTES \
        and before["interval_type"] == "minutes", before
    runs_before = {run["id"] for run in shop.runs()}

    email = "scheduled-%s@example.com" % uuid.uuid4().hex[:10]
    order_id = place_order(stack, email, 1, last_name=u"Scheduled")

    def imported():
        rows = [r for r in shop.bindings("orders") if r["shop_id"] == str(order_id)]
        return rows and rows[0]["state"] == "synced" and rows[0]

    deadline = time.monotonic() + WAIT_SECONDS
    row = imported()
    while not row and time.monotonic() < deadline:
        time.sleep(2)
        row = imported()
    waited = time.monotonic() - started
    assert row, "order %s not in OpenERP %.0fs after the schedule was switched on (runs: %s)" \
        % (order_id, waited, [r for r in shop.runs() if r["id"] not in runs_before])
    print("order %s reached OpenERP through the scheduled action after %.0fs"
          % (order_id, waited))

    # the scheduler ran it: a new incremental run, and the action's next call moved on.
    # ir.cron writes nextcall on its own cursor only after the job returns, and the
    # sync commits each order before that: the order is seen first, so wait for it.
    new_runs = [r for r in shop.runs() if r["id"] not in runs_before]
    assert new_runs and not any(r["full"] for r in new_runs), new_runs
    nextcall = scheduled_action(stack)["nextcall"]
    while nextcall <= before["nextcall"] and time.monotonic() < deadline + WAIT_SECONDS:
        time.sleep(2)
        nextcall = scheduled_action(stack)["nextcall"]
    assert nextcall > before["nextcall"], (nextcall, before["nextcall"])
    # the accountant's view: the sale order holds the shop's total
    sale = stack.erp(row["model"], "read", [row["res_id"]], ["amount_total", "partner_id"])[0]
    [served] = stack.api("orders/", ids=order_id)["results"]
    assert Decimal("%.2f" % sale["amount_total"]) == Decimal(served["total"])
    partner = stack.erp("res.partner", "read", [sale["partner_id"][0]], ["email"])[0]
    assert partner["email"] == email
