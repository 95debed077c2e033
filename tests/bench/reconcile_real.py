"""Issue 12's reconciliation on a real store's ledger (10,000 orders by default).

    python3 -m tests.bench.reconcile_real     # after generator_bench (its store)

On the store tests/bench/generator_bench.py built (SCALE=50: 10,000 orders),
served by the shop: reads the whole order ledger and the id listings the
reconciliation reads, in pages of 5,000 (the API's maximum), counting
requests and the SQL queries of one page inside the shop
(py2/ledger_queries.py); then runs the ERP side's comparison
(sync/reconcile.py, through py2/reconcile_compare.py) on those real rows
against what OpenERP would hold once synced, one order in a hundred made to
differ. The OpenERP side reads its own records with a handful of queries
whatever their number (reconcile_read.py), so what grows is the shop's
ledger: this measures that part. Writes var/bench/reconcile_real.json.
"""
import json
import sys
import time

from tests.harness import config
from tests.harness.process import run

from . import generator_bench, reconcile_bench
from .standalone import run_alone

PAGE = 5000
ID_LISTINGS = ("categories", "contacts", "countries", "organizations", "products", "tax_classes")


def read_all(api, path):
    """Every row of a keyset-paged listing: (rows, requests). A page says ``next`` only when
    more rows follow, so n rows take ceil(n / PAGE) requests (one for none)."""
    rows = api.all(path, page_size=PAGE)
    return rows, max(1, -(-len(rows) // PAGE))


def measure(stage, db):
    stage.tokens[db] = stage.shop.api_token(db)
    stage.serve_store(db)
    api = stage.shop_api(db)
    started = time.monotonic()
    ledger, requests = read_all(api, "ledger/orders")
    ledger_s = time.monotonic() - started
    ids = {}
    for resource in ID_LISTINGS:
        begun = time.monotonic()
        rows, pages = read_all(api, "ledger/ids/%s" % resource)
        ids[resource] = {"rows": len(rows), "requests": pages,
                         "seconds": round(time.monotonic() - begun, 2)}
    path = config.VAR / "bench" / "ledger.json"
    path.write_text(json.dumps(ledger))
    out = run([str(stage.erp.venv.python), str(reconcile_bench.SCRIPT), str(config.ADDONS), "0",
               str(path)], capture=True, timeout=900, env={"PYTHONDONTWRITEBYTECODE": "1"})
    compare = json.loads(out.strip().splitlines()[-1])
    env = dict(stage.shop.env(db), SHOP_DEBUG="1")
    queries = json.loads(run(
        [str(stage.shop.venv.python), str(config.REPO / "tests" / "bench" / "py2" /
                                          "ledger_queries.py"), stage.tokens[db]],
        capture=True, env=env, cwd=str(config.SHOP_PROJECT), timeout=600).strip().splitlines()[-1])
    orders = len(ledger)
    all_requests = requests + sum(row["requests"] for row in ids.values())
    return {"orders": orders, "ledger_s": round(ledger_s, 2), "ledger_requests": requests,
            "ids": ids, "requests_per_1000_orders": round(all_requests * 1000.0 / orders, 2),
            "compare": compare, "queries_per_page": queries,
            "wall_s": round(ledger_s + sum(r["seconds"] for r in ids.values())
                            + compare["seconds"], 1)}


def main():
    return run_alone("reconcile_real.json", lambda stage: measure(stage, generator_bench.DB))


if __name__ == "__main__":
    sys.exit(main())
