"""Two OpenERP workers against one: does the import scale with processes?

One shop's run holds that shop's lock, so a second worker only helps when
there are two units of work: here two shops (two databases with the same
store, as two cron workers serving two shops, or two partitions of one
feed). OpenERP runs in prefork mode (``--workers=2``) in both measurements,
so the only difference is how many workers are busy:

    one:  database w1 synced alone                     -> t1
    two:  databases w2a and w2b synced at the same time  -> t2
    speedup = 2 * t1 / t2   (2.0 = perfect, 1.0 = nothing gained)

The machine has two cores and also runs PostgreSQL and the shop: the shop
serves both runs and PostgreSQL does part of every record's work.
"""
import threading
import time

from . import stage as staging


def measure(stage, shop_db, prefix="bench_w"):
    stage.serve_store(shop_db)
    dbs = [prefix + "1", prefix + "2a", prefix + "2b"]
    stage.fresh_erp_db(dbs[0], workers=2, also=dbs[1:])
    rpcs = {db: stage.rpc(db) for db in dbs}
    backends = {db: staging.make_backend(rpcs[db], stage.instance.shop_url,
                                         stage.tokens[shop_db]) for db in dbs}
    alone = staging.sync(rpcs[dbs[0]], backends[dbs[0]])
    runs = {}

    def one(db):
        runs[db] = staging.sync(rpcs[db], backends[db])

    started = time.monotonic()
    threads = [threading.Thread(target=one, args=(db,)) for db in dbs[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    together = time.monotonic() - started
    orders_alone = _orders_seconds(alone)
    orders_together = max(_orders_seconds(runs[db]) for db in dbs[1:])
    return {
        "one_worker_s": round(alone["seconds"], 1),
        "two_workers_s": round(together, 1),
        "speedup": round(2 * alone["seconds"] / together, 2) if together else None,
        "orders_speedup": (round(2 * orders_alone / orders_together, 2)
                           if orders_together else None),
        "states": [alone["state"]] + [runs[db]["state"] for db in dbs[1:] if db in runs],
    }


def _orders_seconds(run):
    row = run["counts"].get("orders") or {}
    return row.get("seconds") or 0.0
