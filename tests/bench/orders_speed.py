"""Orders per second end to end, CPU per order, and orders against load(): one store only.

    BENCH_ORDERS=40 BENCH_CONTACTS=40 BENCH_PRODUCTS=30 python3 -m tests.bench.orders_speed

The part of ``make bench`` that issue 13 is about, without the rest: one
store, one first sync through the "Synchronize now" button (sync_runs.py),
then OpenERP's load() of the same drafts (load_baseline.py). The CPU seconds
of the OpenERP process during the sync come from /proc/<pid>/stat, so that a
machine shared with other work still gives a figure per order.
Writes var/bench/orders_speed.json.
"""
import json

from tests.harness import config

from . import load_baseline, sizes, sync_runs
from .cpu import cpu_seconds
from .stage import Stage

SHOP_DB = "bench_orders_shop"


def figures(run, load, cpu_s):
    """orders_per_s (whole: create to voucher), per step, CPU per order, ratio to load()."""
    orders = run["counts"].get("orders") or {}
    done = sum(orders.get(k, 0) for k in ("created", "updated", "unchanged"))
    seconds = orders.get("seconds") or 0.0
    create = (run["rates"].get("orders.create") or {}).get("seconds")
    load_orders = (load.get("orders") or {}).get("seconds")
    return {
        "orders": done,
        "orders_seconds": round(seconds, 2),
        "orders_per_s": round(done / seconds, 2) if seconds else None,
        "steps": dict((k, v) for k, v in run["rates"].items() if k.startswith("orders.")),
        "erp_cpu_s": round(cpu_s, 2),
        "erp_cpu_s_per_order": round(cpu_s / done, 3) if done else None,
        "sync_s": round(run["seconds"], 1),
        "load_orders_s": load_orders,
        "ratio_vs_load_orders": round(create / load_orders, 2) if create and load_orders
        else None,
    }


def main():
    store = sizes.store_sizes()
    stage = Stage(config.bench_instance())
    try:
        stage.build_store(SHOP_DB, sizes.generator_options(store))
        stage.erp_template(SHOP_DB)
        stage.serve_store(SHOP_DB)
        rpc = stage.fresh_erp_db("bench_orders")
        backend = sync_runs.staging.make_backend(rpc, stage.instance.shop_url,
                                                 stage.tokens[SHOP_DB])
        before = cpu_seconds(stage.erp_pid())
        run = sync_runs.staging.sync(rpc, backend)
        cpu_s = cpu_seconds(stage.erp_pid()) - before
        run["rates"] = sync_runs.rates(run)
        load = load_baseline.measure(stage, stage.shop_api(SHOP_DB), db="bench_orders_load")
    finally:
        stage.stop()
    out = dict(figures(run, load, cpu_s), sizes=store, state=run["state"])
    path = config.VAR / "bench" / "orders_speed.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
