"""One shop's first sync over 1, 2 and 4 partitions (openerp_addon/sync/partitions.py).

Each measurement starts from a fresh copy of the same template and the same
store. OpenERP runs in prefork mode with one worker per part (the shop's run
and each partition): the parts run at once in separate processes, each in
its own request - exactly the code the partitions' scheduled actions run in
cron workers, without the scheduler's up-to-a-minute polling delay:

    n = 1:  "Synchronize now" (one run imports everything)        -> wall_1
    n > 1:  "Synchronize now" (catalogue and customers), then the n partitions
            at once ("run now" of each)                              -> wall_n
    speedup = wall_1 / wall_n

CPU seconds are what the OpenERP processes and PostgreSQL spent meanwhile
(utime + stime from /proc, children that exited included through the
parents' cutime/cstime), per order imported. Lock waits and retries: the
transient errors the runs met (OpenERP's log), PostgreSQL's deadlock
count, and the seconds the partitions' orders waited for the journals' lock
(``lock_wait_s``: sync/numbering.py, the runs' ``orders.journal_lock`` step).

``python3 -m tests.bench.partitions`` runs this measurement alone (its own
store, sizes as ``make bench``: SCALE, BENCH_ORDERS...); ``make bench`` calls
``measure`` on its store.
"""
import json
import os
import sys
import threading
import time
from pathlib import Path

from tests.harness import config

from . import sizes, stage as staging
from .memory import children

COUNTS = (1, 2, 4)
CLOCK = os.sysconf("SC_CLK_TCK")
RETRY_LINES = ("met a transient database error", "was being imported by another partition")


def cpu_seconds(pid):
    """utime + stime of a process and of its children, living or waited for."""
    total = 0.0
    for one in [pid] + children(pid):
        try:
            fields = Path("/proc/%d/stat" % one).read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        # fields[0] is the state (stat field 3): utime, stime, cutime, cstime are 14..17
        total += sum(int(value) for value in fields[11:15]) / float(CLOCK)
    return total


def postmaster_pid(stage):
    return int((stage.pg.data / "postmaster.pid").read_text().split()[0])


def log_count(path, offset):
    with open(path, errors="replace") as handle:
        handle.seek(offset)
        text = handle.read()
    return sum(text.count(line) for line in RETRY_LINES)


def deadlocks(stage, db):
    out = stage.pg.sql("SELECT deadlocks FROM pg_stat_database WHERE datname = '%s'" % db,
                       db=db)
    try:
        return int(str(out).split()[-1])
    except (ValueError, IndexError):
        return None


def one_count(stage, shop_db, n):
    db = "bench_part%d" % n
    stage.erp.stop()
    stage.pg.create(db, owner="openerp", template=staging.ERP_TEMPLATE)
    stage.start_erp([db], workers=n + 1)
    rpc = stage.rpc(db)
    backend = staging.make_backend(rpc, stage.instance.shop_url, stage.tokens[shop_db])
    if n > 1:
        rpc("satchmo.backend", "write", [backend], {"partitions": n})
    log = stage.erp.daemon.log
    offset = log.stat().st_size
    erp_pid, pg_pid = stage.erp_pid(), postmaster_pid(stage)
    cpu_before = cpu_seconds(erp_pid) + cpu_seconds(pg_pid)
    started = time.monotonic()
    runs = [staging.sync(rpc, backend)]
    if n > 1:
        runs += run_partitions(rpc, backend, n)
    wall = time.monotonic() - started
    cpu = cpu_seconds(erp_pid) + cpu_seconds(pg_pid) - cpu_before
    orders = sum(sum(run["counts"].get("orders", {}).get(key, 0)
                     for key in ("created", "updated", "failed")) for run in runs)
    return {"n": n, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "orders": orders,
            "cpu_s_per_order": round(cpu / orders, 3) if orders else None,
            "shop_run_s": round(runs[0]["seconds"], 1),
            "retries": log_count(log, offset), "deadlocks": deadlocks(stage, db),
            "lock_wait_s": round(sum(step_seconds(run, "orders.journal_lock") for run in runs), 1),
            "states": [run["state"] for run in runs]}


def step_seconds(run, step):
    """The seconds a run spent in one named step (its timings; 0 if it had none): the
    journals' lock wait of partitioned orders (sync/numbering.py)."""
    return ((run.get("timings") or {}).get("steps") or {}).get(step, {}).get("seconds", 0.0)


def run_partitions(rpc, backend, n):
    runs = [None] * n

    def one(index):
        started = time.monotonic()
        action = rpc("satchmo.backend", "action_sync_partition", [backend], index)
        run = rpc("satchmo.sync.run", "read", [action["res_id"]],
                  ["state", "count_ids", "timings"])[0]
        counts = {}
        for row in rpc("satchmo.sync.run.count", "read", run["count_ids"] or [],
                       ["resource", "created", "updated", "failed"]):
            counts[row["resource"]] = row
        runs[index] = {"state": run["state"], "counts": counts,
                       "seconds": time.monotonic() - started,
                       "timings": json.loads(run["timings"] or "{}")}

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return runs


def measure(stage, shop_db):
    """[{n, wall_s, cpu_s_per_order, speedup, ...}] for 1, 2 and 4 partitions."""
    stage.serve_store(shop_db)
    rows = [one_count(stage, shop_db, n) for n in COUNTS]
    for row in rows:
        row["speedup"] = round(rows[0]["wall_s"] / row["wall_s"], 2) if row["wall_s"] else None
    return rows


def main():
    store = "bench_shop_partitions"
    stage = staging.Stage(config.bench_instance())
    try:
        stage.build_store(store, sizes.generator_options(sizes.store_sizes()))
        stage.erp_template(store)
        rows = measure(stage, store)
    finally:
        stage.stop()
    print(json.dumps({"sizes": sizes.store_sizes(), "cpus": os.cpu_count(),
                      "partitions": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
