"""``make bench`` = ``python3 -m tests.bench``: every measurement of the benchmark, in order.

The order matters: the incremental run changes the store, so it comes last;
each sync gets a fresh copy of the same OpenERP template. Only the "bench"
instance's servers are started, and all of them are stopped at the end.
"""
import os
import platform
import sys
import time

from tests.harness import config

from . import (api_bench, load_baseline, push_baseline, reconcile_bench, report, sizes,
               sync_runs, workers)
from . import partitions
from . import generator_bench
from .stage import Stage

RTT_DELAY = 0.025  # seconds each way: a 50 ms round trip
BIG, SMALL, BASE = "bench_shop", "bench_shop_small", "bench_shop_base"
# The partitions' three more first syncs (1, 2, 4) take longer than the rest of the
# default run, and on 2 cores they gain little (README): only on BENCH_PARTITIONS=1.
# Past this many orders (SCALE=50: 10,000) the comparisons that import the store again
# (through the 50 ms proxy, the push baseline, two workers against one) run on a store of
# the default size instead: at about 1 s an order each would add hours and tell nothing new
# (their ratios do not depend on the store's size). The first syncs, load(), the idle poll,
# memory, the API and the incremental run stay on the big store.
COMPARISONS_MAX_ORDERS = 1000


def step(name):
    print("%s %s..." % (time.strftime("%H:%M:%S"), name), flush=True)


def main():
    started = time.monotonic()
    big_sizes = sizes.store_sizes()
    small_sizes = sizes.small_sizes(big_sizes)
    out = {"sizes": big_sizes, "small_sizes": small_sizes, "rtt_ms": int(RTT_DELAY * 2000),
           "machine": machine()}
    stage = Stage(config.bench_instance())
    try:
        step("building the stores %s and %s" % (big_sizes, small_sizes))
        out["store_build_s"] = round(stage.build_store(BIG, sizes.generator_options(big_sizes)), 1)
        stage.build_store(SMALL, sizes.generator_options(small_sizes))
        compared = BIG
        if big_sizes["orders"] > COMPARISONS_MAX_ORDERS:
            compared = BASE
            out["comparisons_store"] = dict(sizes.DEFAULT)
            stage.build_store(BASE, sizes.generator_options(sizes.DEFAULT))
        stage.erp_template(BIG)
        records = {size: report.store_records(stage, db) for size, db in
                   (("big", BIG), ("small", SMALL))}

        step("first sync of the small store")
        small, ctx = sync_runs.first_sync(stage, "bench_small", SMALL)
        idle = [sync_runs.idle_poll(stage, ctx, records["small"])]
        sync_runs.stop_proxy(ctx)

        step("first sync of the store (loopback)")
        full, ctx_big = sync_runs.first_sync(stage, "bench_full", BIG)
        idle.append(sync_runs.idle_poll(stage, ctx_big, records["big"]))
        sync_runs.stop_proxy(ctx_big)

        if compared != BIG:
            step("first sync of the comparisons' store (loopback)")
            loopback, ctx = sync_runs.first_sync(stage, "bench_base", compared)
            sync_runs.stop_proxy(ctx)

        step("first sync through the 50 ms proxy")
        rtt, ctx = sync_runs.first_sync(stage, "bench_rtt", compared, delay=RTT_DELAY)
        sync_runs.stop_proxy(ctx)

        step("OpenERP's load() of the same records")
        api = stage.shop_api(BIG)
        load = load_baseline.measure(stage, api)

        step("the push baseline through the 50 ms proxy")
        push = measure_push(stage, stage.shop_api(compared))

        step("one worker against two")
        scaling = workers.measure(stage, compared)

        partitioned = None
        if os.environ.get("BENCH_PARTITIONS"):
            step("one shop's first sync over 1, 2 and 4 partitions")
            partitioned = partitions.measure(stage, compared)

        step("the shop API: rows/second, queries per page")
        api_figures = api_bench.measure(stage, BIG)

        step("reconciliation: the comparison of a generated 10,000-order ledger")
        out["reconciliation"] = reconcile_bench.measure(stage)

        step("an incremental run after 1% changed")
        incremental = incremental_run(stage)
    finally:
        stage.stop()
    out.update(report.assemble(full, small, rtt, load, push, scaling, idle, incremental,
                               api_figures))
    if partitioned is not None:
        out["partitions"] = partitioned
    # the 10,000-order store's generator time, as generator_bench last measured it
    generator = generator_bench.recorded()
    out["generator_s"] = generator and generator["generator_s"]
    out["generator"] = generator
    if compared != BIG:
        # the 50 ms run is of the comparisons' store: its loopback run is the one to compare
        out["comparisons_loopback_s"] = round(loopback["seconds"], 1)
        out["ratio_rtt_vs_loopback"] = report.ratio(rtt["seconds"], loopback["seconds"])
    out["bench_seconds"] = round(time.monotonic() - started, 1)
    path = report.write(out)
    print(report.table(out))
    print("written to %s and %s" % (path, path.with_suffix(".png")))
    return 0


def measure_push(stage, api):
    from tests.harness.proxy import FaultProxy
    rpc = stage.fresh_erp_db("bench_push")
    with FaultProxy(stage.instance.erp_url) as proxy:
        proxy.delay = RTT_DELAY
        result = push_baseline.run_push(proxy.url, rpc.db, load_baseline.shop_records(api))
        result["requests"] = proxy.requests
    return result


def incremental_run(stage):
    """On the loopback sync's database, synced and idle: 1% of the store changes."""
    from tests.harness.proxy import FaultProxy
    stage.serve_store(BIG)
    stage.start_erp(["bench_full"])
    rpc = stage.rpc("bench_full")
    backend = rpc("satchmo.backend", "search", [])[0]
    ctx = {"rpc": rpc, "backend": backend, "proxy": FaultProxy(stage.instance.shop_url).start()}
    try:
        return sync_runs.incremental(stage, ctx)
    finally:
        sync_runs.stop_proxy(ctx)


def machine():
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "load_at_start": [round(x, 2) for x in load],
            "mem_total_mb": _meminfo("MemTotal"), "date": time.strftime("%Y-%m-%d %H:%M")}


def _meminfo(key):
    try:
        for line in open("/proc/meminfo"):
            if line.startswith(key):
                return int(line.split()[1]) // 1024
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
