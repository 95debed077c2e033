"""``make demo``: the real shop with generated data, the real OpenERP, a sync, a summary.

Re-running it restarts the demo from scratch: its servers are stopped, both
databases are rebuilt, the servers start again. PostgreSQL is reused.
OpenERP's database is a real company's, made as the tests' is
(tests/harness/company.py): no demo data, so it shows only what the shop brought.
"""
import json
import time

from . import company, reconcile_report, sync_report
from .clients import ErpRpc, ShopApi
from .erp import ADMIN_LOGIN
from .servers import Servers, stop_instance

SHOP_DB = "shop"
ERP_DB = "satchmo"
# the scheduled pull at OpenERP 7's smallest interval, so that a newcomer sees an order placed
# in the shop arrive (the cron threads poll about once a minute: within two minutes at worst)
SCHEDULE_MINUTES = 1
DEMO_SIZES = {"seed": 7, "categories": 12, "products": 40, "organizations": 6,
              "contacts": 30, "orders": 60}


def run_demo(instance):
    started = time.monotonic()
    stop_instance_servers(instance)
    servers = Servers(instance)
    print("building the shop database %r..." % SHOP_DB, flush=True)
    servers.shop.build(SHOP_DB, generate=DEMO_SIZES)
    token = servers.shop.api_token(SHOP_DB)
    print("building the OpenERP database %r (a company without demo data)..." % ERP_DB,
          flush=True)
    # the schedule is switched on after the first sync, so that it cannot take that run's turn
    backend = company.company_with_shop(servers, ERP_DB, SHOP_DB, token, sync_report.SHOP_NAME,
                                        scheduled=False)

    print("synchronizing the shop into OpenERP...", flush=True)
    rpc = ErpRpc(instance.erp_url, ERP_DB, *ADMIN_LOGIN)
    api = ShopApi(instance.shop_url + "/api/v1/", token)
    sync_started = time.monotonic()
    run = sync_report.synchronize(rpc, backend)
    sync_seconds = time.monotonic() - sync_started
    counts = sync_report.count_sides(rpc, api, backend, run)
    # as README tells a user: the Settings page ticks "Synchronize automatically", every minute
    company.schedule(rpc, on=True, interval_minutes=SCHEDULE_MINUTES)
    reconciled = reconcile_report.reconcile(rpc, backend, instance.erp_url)

    summary = {
        "shop": {"url": instance.shop_url + "/", "admin_url": instance.shop_url + "/admin/",
                 "api_url": instance.shop_url + "/api/v1/", "api_token": token,
                 "db": SHOP_DB, "currency": api.get("shop/")["currency"]},
        "erp": {"url": instance.erp_url + "/", "xmlrpc_url": instance.erp_url + "/xmlrpc/",
                "db": ERP_DB, "login": ADMIN_LOGIN[0], "password": ADMIN_LOGIN[1]},
        "postgresql": {"host": "127.0.0.1", "port": instance.pg_port},
        "sizes": DEMO_SIZES,
        "sync": {"seconds": round(sync_seconds, 1), "state": run and run.get("state"),
                 "reason": run and run.get("reason"), "every_minutes": SCHEDULE_MINUTES},
        "counts": counts,
        "failures": sync_report.failures(rpc, backend),
        "reconciliation": reconciled,
        "seconds": round(time.monotonic() - started, 1),
    }
    path = instance.dir.parent / "demo-summary.json"
    path.write_text(json.dumps(summary, indent=2))
    print_summary(summary, path, instance)
    return 0


def stop_instance_servers(instance):
    """Stop a running demo's shop and OpenERP (PostgreSQL keeps running)."""
    for name in ("shop", "erp"):
        pidfile = instance.run_dir / ("%s.pid" % name)
        if pidfile.exists():
            from .process import Daemon
            Daemon(name, instance.run_dir, instance.log_dir / "unused.log").stop()


def print_summary(summary, path, instance):
    shop, erp = summary["shop"], summary["erp"]
    print()
    print("The demo is up (%.0fs). Stop it with `make stop`." % summary["seconds"])
    print("  shop      %s  (admin: %s), selling in %s" % (shop["url"], shop["admin_url"],
                                                     shop["currency"]))
    print("  shop API  %s  (header  Authorization: Token %s)" % (shop["api_url"],
                                                                  shop["api_token"]))
    print("  OpenERP   %s  database %s, login %s / %s" % (erp["url"], erp["db"], erp["login"],
                                                          erp["password"]))
    print("  logs      %s" % instance.log_dir)
    print("  summary   %s" % path)
    print()
    print("First sync: %s in %ss" % (summary["sync"]["state"], summary["sync"]["seconds"]))
    if summary["sync"]["reason"]:
        print("  reason: %s" % summary["sync"]["reason"])
    print(sync_report.format_table(summary["counts"]))
    for failure in summary["failures"]:
        print("  %s %s %s: %s" % (failure["state"], failure["resource"], failure["shop_id"],
                                  (failure["error"] or "").splitlines()[0][:100]))
    print_scheduled_pull(summary)
    print("\n".join(reconcile_report.lines(summary["reconciliation"])))


def print_scheduled_pull(summary):
    """How to see the scheduled pull work: an order placed in the shop, in OpenERP."""
    shop, erp = summary["shop"], summary["erp"]
    print()
    print("Scheduled pull: every %d minute(s); an order placed in the shop appears in OpenERP"
          " within about a minute." % summary["sync"]["every_minutes"])
    print("  try it: buy something at %s (checkout with the dummy payment, card 4111111111111111),"
          % shop["url"])
    print("  then watch Sales > Quotations / Sales Orders at %s, or Satchmo > Synchronization"
          " > Sync runs" % erp["url"])


__all__ = ["run_demo", "stop_instance"]
