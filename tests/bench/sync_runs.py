"""The connector's own runs: a first full sync, an idle poll, an incremental run.

All of them go through the "Synchronize now" button's method over XML-RPC, as
a user or the cron would start them; what happened inside comes back in the
run record (counts, seconds per resource and per order workflow step).
Requests to the shop are counted at a FaultProxy between OpenERP and the shop.
"""
import json
import time

from tests.harness.proxy import FaultProxy

from . import stage as staging
from .memory import PeakMemory
from .cpu import cpu_seconds

STEPS = ("orders.create", "orders.confirm", "orders.invoice", "orders.validate",
         "orders.voucher")


def first_sync(stage, erp_db, shop_db, delay=None):
    """A fresh OpenERP database, a new backend, one full sync (through a proxy if ``delay``).

    Returns the run's figures plus the context later steps need (rpc,
    backend, proxy); OpenERP is restarted first so that its peak memory
    belongs to this sync alone.
    """
    stage.serve_store(shop_db)
    rpc = stage.fresh_erp_db(erp_db)
    proxy = None
    url = stage.instance.shop_url
    if delay is not None:
        proxy = FaultProxy(stage.instance.shop_url).start()
        proxy.delay = delay
        url = proxy.url
    backend = staging.make_backend(rpc, url, stage.tokens[shop_db])
    cpu = cpu_seconds(stage.erp_pid())
    with PeakMemory(stage.erp_pid()) as peak:
        run = staging.sync(rpc, backend)
    run["erp_cpu_s"] = round(cpu_seconds(stage.erp_pid()) - cpu, 2)
    orders = sum((run["counts"].get("orders") or {}).get(k, 0)
                 for k in ("created", "updated", "unchanged"))
    run["erp_cpu_s_per_order"] = round(run["erp_cpu_s"] / orders, 3) if orders else None
    run.update(peak_rss_mb=round(peak.rss_mb, 1), peak_hwm_mb=round(peak.hwm_mb, 1),
               requests=proxy.requests if proxy else None)
    run["rates"] = rates(run)
    return run, {"rpc": rpc, "backend": backend, "proxy": proxy}


def records(row):
    return sum(row[k] for k in ("created", "updated", "unchanged", "failed", "skipped"))


def rates(run):
    """Records per second per resource, and per order workflow step."""
    out = {}
    for resource, row in sorted(run["counts"].items()):
        seconds = row.get("seconds") or 0.0
        n = records(row)
        if not seconds:  # payments: timed as the orders.voucher step
            continue
        out[resource] = {"records": n, "seconds": round(seconds, 2),
                         "per_second": round(n / seconds, 2) if seconds else None}
    steps = (run.get("timings") or {}).get("steps") or {}
    for step in STEPS:
        if step in steps:
            seconds, calls = steps[step]["seconds"], steps[step]["calls"]
            out[step] = {"records": calls, "seconds": round(seconds, 2),
                         "per_second": round(calls / seconds, 2) if seconds else None}
    return out


def poll(stage, context, label):
    """One sync through a delay-free proxy: how many requests, how long, what it touched."""
    proxy = context["proxy"]
    if proxy is None:
        proxy = context["proxy"] = FaultProxy(stage.instance.shop_url).start()
    proxy.delay = 0.0
    staging.point_backend(context["rpc"], context["backend"], proxy.url)
    before = proxy.requests
    run = staging.sync(context["rpc"], context["backend"])
    touched = sum(row["created"] + row["updated"] + row["failed"]
                  for row in run["counts"].values())
    return {"label": label, "requests": proxy.requests - before,
            "ms": round(run["seconds"] * 1000.0, 1), "state": run["state"],
            "touched": touched, "counts": run["counts"]}


def idle_poll(stage, context, store_records):
    result = poll(stage, context, "idle")
    result["records"] = store_records
    return result


def incremental(stage, context, percent=1.0):
    """Change ``percent`` of the store through the shop's ORM, then one run."""
    started = time.monotonic()
    out = stage.shop_manage("bench_change", "--percent=%s" % percent)
    changed = json.loads(out.strip().splitlines()[-1])
    change_seconds = time.monotonic() - started
    result = poll(stage, context, "incremental")
    result.update(changed=changed, changed_total=sum(changed.values()), percent=percent,
                  change_seconds=round(change_seconds, 1))
    return result


def stop_proxy(context):
    if context.get("proxy"):
        context["proxy"].stop()
        context["proxy"] = None
