"""The first sync of the 10,000-order store, for as long as it is given (issue 13).

    python3 -m tests.bench.big_store_sync      # after generator_bench (its store)
    BIG_SYNC_SECONDS=1200 (default): how long the run is watched before it is stopped

A whole first sync of 10,000 orders takes hours at today's cost per order,
so this one is watched for a fixed time and then stopped, which the
pipeline is built to survive (the next run goes on from what was
committed). On the store tests/bench/generator_bench.py built, a real
company's OpenERP database (as every bench run) starts a full listing in
the background, as the shop form's button does; every SAMPLE_SECONDS the
run's live progress (what it committed per resource), OpenERP's resident
memory (the server and any workers) and its CPU seconds are sampled.

From the samples: how long the catalogue and the customers took, the
orders' rate once they began (orders/s and OpenERP CPU s per order), the
memory at each sample (flat if pages are let go whatever the store's size),
and the whole first sync's time estimated from those rates. Writes
var/bench/big_store_sync.json.
"""
import os
import sys
import time

from . import generator_bench
from . import stage as staging
from .cpu import cpu_seconds
from .memory import resident_mb
from .standalone import run_alone

ERP_DB = "bench_big_first_sync"
SAMPLE_SECONDS = 30


def committed(rpc, run_id):
    """Objects committed so far per resource (created, updated or unchanged)."""
    run = rpc("satchmo.sync.run", "read", [run_id], ["state", "count_ids"])[0]
    done = {}
    if run["count_ids"]:
        for row in rpc("satchmo.sync.run.count", "read", run["count_ids"],
                       ["resource", "created", "updated", "unchanged", "failed"]):
            done[row["resource"]] = row["created"] + row["updated"] + row["unchanged"]
            done[row["resource"] + "_failed"] = row["failed"]
    return run["state"], done


def watch(rpc, run_id, pid, seconds):
    """Samples of (elapsed s, committed per resource, RSS MB, CPU s) until the run ends or
    ``seconds`` have passed."""
    started, cpu0 = time.monotonic(), cpu_seconds(pid)
    samples = []
    while True:
        time.sleep(SAMPLE_SECONDS)
        state, done = committed(rpc, run_id)
        samples.append({"t": round(time.monotonic() - started, 1), "done": done,
                        "rss_mb": round(resident_mb(pid), 1),
                        "cpu_s": round(cpu_seconds(pid) - cpu0, 1),
                        "load": round(os.getloadavg()[0], 2)})
        if state != "running" or samples[-1]["t"] >= seconds:
            return state, samples


ORDER_RESOURCES = ("orders", "payments")


def first_reached(samples, resource):
    """(elapsed s, count) at the first sample of each count a resource showed: counts are
    written per committed page, so a count's first sample is closest to its commit."""
    points = []
    for sample in samples:
        count = sample["done"].get(resource, 0)
        if count and (not points or count != points[-1][1]):
            points.append((sample["t"], count, sample["cpu_s"]))
    return points


def summarize(samples, store_orders):
    """When the catalogue and customers were done, the orders' rate, the estimated whole."""
    out = {"samples": samples, "rss_mb": [s["rss_mb"] for s in samples]}
    final = samples[-1]["done"]
    before_orders = [s["t"] for s in samples
                     if all(s["done"].get(k) == v for k, v in final.items()
                            if k not in ORDER_RESOURCES and not k.endswith("_failed"))]
    out["catalogue_and_customers_s"] = before_orders[0] if before_orders else None
    points = first_reached(samples, "orders")
    if len(points) < 2:
        return out
    (t0, n0, cpu0), (t1, n1, cpu1) = points[0], points[-1]
    out.update(orders_committed=n1, orders_per_s=round((n1 - n0) / (t1 - t0), 3),
               erp_cpu_s_per_order=round((cpu1 - cpu0) / (n1 - n0), 3))
    if out["catalogue_and_customers_s"]:
        out["estimated_first_sync_s"] = round(
            out["catalogue_and_customers_s"] + store_orders / out["orders_per_s"])
    return out


def measure(stage, shop_db, seconds):
    if not generator_bench.recorded():
        raise SystemExit("run python3 -m tests.bench.generator_bench first (its store)")
    stage.tokens[shop_db] = stage.shop.api_token(shop_db)
    stage.serve_store(shop_db)
    stage.erp_template(shop_db)
    stage.serve_store(shop_db)
    rpc = stage.fresh_erp_db(ERP_DB)
    backend = staging.make_backend(rpc, stage.instance.shop_url, stage.tokens[shop_db])
    action = rpc("satchmo.backend", "action_start_full_resync", [backend])
    state, samples = watch(rpc, action["res_id"], stage.erp_pid(), seconds)
    store_orders = generator_bench.recorded()["orders"]  # the store it built
    out = summarize(samples, store_orders)
    out.update(state_when_stopped=state, watched_s=seconds, store_orders=store_orders,
               date=time.strftime("%Y-%m-%d %H:%M"))
    return out


def main():
    seconds = int(os.environ.get("BIG_SYNC_SECONDS", "1200"))
    return run_alone("big_store_sync.json",
                     lambda stage: measure(stage, generator_bench.DB, seconds))


if __name__ == "__main__":
    sys.exit(main())
