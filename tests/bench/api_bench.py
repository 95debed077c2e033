"""The shop API on its own (issue 3): rows/second per resource and for the change feed.

Reads every object of each resource over HTTP in pages of 500 (the API's
maximum) and the whole change feed in pages of 5000, from a generated store,
and counts the SQL queries of one page at two page sizes inside the shop
(py2/api_queries.py), which must be equal: the API batches child rows per
page. Standalone on a large store of its own:

    python3 -m tests.bench.api_bench            # API_BENCH_ORDERS=10000 by default

``make bench`` runs it on the benchmark's store instead (figures for that size).
"""
import json
import os
import sys
import time

from tests.harness import config
from tests.harness.process import run

from . import sizes

RESOURCES = ("countries", "categories", "products", "organizations", "contacts", "orders")
SCRIPT = config.REPO / "tests" / "bench" / "py2" / "api_queries.py"


def rows_per_second(api):
    out = {}
    for resource in RESOURCES:
        started = time.monotonic()
        rows = len(api.all(resource, page_size=500))
        seconds = time.monotonic() - started
        out[resource] = {"rows": rows, "seconds": round(seconds, 2),
                         "rows_per_s": round(rows / seconds, 1) if seconds else None}
    started, rows, after = time.monotonic(), 0, 0
    while True:
        page = api.get("changes/", after=after, limit=5000)
        rows += len(page["results"])
        after = page["last_seq"]
        if not page.get("has_more") or not page["results"]:
            break
    seconds = time.monotonic() - started
    out["changes"] = {"rows": rows, "seconds": round(seconds, 2),
                      "rows_per_s": round(rows / seconds, 1) if seconds else None}
    return out


def queries_per_page(stage, db):
    env = dict(stage.shop.env(db), SHOP_DEBUG="1")
    out = run([str(stage.shop.venv.python), str(SCRIPT), stage.tokens[db]], capture=True,
              env=env, cwd=str(config.SHOP_PROJECT), timeout=600)
    return json.loads(out.strip().splitlines()[-1])


def measure(stage, db):
    stage.serve_store(db)
    return {"rows": rows_per_second(stage.shop_api(db)), "queries": queries_per_page(stage, db)}


def main():
    from .stage import Stage
    orders = int(os.environ.get("API_BENCH_ORDERS", "10000"))
    store = dict(sizes.DEFAULT, products=200, contacts=max(100, orders // 10),
                 organizations=20, orders=orders)
    stage = Stage(config.bench_instance())
    try:
        print("building a store with %d orders..." % orders, flush=True)
        built = stage.build_store("bench_api", sizes.generator_options(store))
        result = dict(measure(stage, "bench_api"), sizes=store, build_s=round(built, 1))
    finally:
        stage.stop()
    path = config.VAR / "bench" / "api.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2))
    from .report import api_table
    print(api_table(result))
    print("written to %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
