"""The shop API on the 10,000-order store (issue 13): rows/s, the ledger, the idle poll.

    python3 -m tests.bench.big_store_api      # after generator_bench (its store)

On the store tests/bench/generator_bench.py built (SCALE=50: 10,000 orders
of 2,000 customers), served by the shop: every resource read in pages of
500 and the change feed in pages of 5,000 (api_bench.rows_per_second), the
order ledger the reconciliation reads in pages of 5,000, and the idle poll:
the feed asked for what follows its last entry, which is what a scheduled
pull costs the shop when nothing changed (timed IDLE_REQUESTS times: the
median and the slowest). Writes var/bench/big_store_api.json.
"""
import statistics
import sys
import time

from . import api_bench, generator_bench, reconcile_real
from .standalone import run_alone

IDLE_REQUESTS = 5


def idle_poll(api):
    """Seconds of one feed request with nothing new after it (run after the whole feed
    was read, so everything is published)."""
    after = api.get("changes/head/")["last_seq"]
    times = []
    for _ in range(IDLE_REQUESTS):
        started = time.monotonic()
        page = api.get("changes/", after=after, limit=5000)
        times.append(time.monotonic() - started)
        if page["results"]:
            raise AssertionError("the feed is not idle: %d new entries" % len(page["results"]))
    return {"requests": IDLE_REQUESTS, "median_ms": round(statistics.median(times) * 1000, 1),
            "max_ms": round(max(times) * 1000, 1), "last_seq": after}


def measure(stage, db):
    stage.tokens[db] = stage.shop.api_token(db)
    stage.serve_store(db)
    api = stage.shop_api(db)
    rows = api_bench.rows_per_second(api)
    started = time.monotonic()
    ledger, requests = reconcile_real.read_all(api, "ledger/orders")
    seconds = time.monotonic() - started
    rows["ledger_orders"] = {"rows": len(ledger), "seconds": round(seconds, 2),
                             "requests": requests,
                             "rows_per_s": round(len(ledger) / seconds, 1) if seconds else None}
    return {"rows": rows, "idle_poll": idle_poll(api)}


def main():
    return run_alone("big_store_api.json", lambda stage: measure(stage, generator_bench.DB))


if __name__ == "__main__":
    sys.exit(main())
