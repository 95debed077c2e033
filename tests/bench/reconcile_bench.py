"""Reconciliation: the comparison over a generated 10,000-order ledger (``make bench``).

The comparison's other costs are fixed per shop or per page and are read from a
real run instead (the e2e test prints them, the reconciliation record keeps
them): a handful of SQL queries on the OpenERP side whatever the size, and one
ledger request per 5,000 orders plus one per 5,000 objects of each id listing.
"""
import json

from tests.harness import config
from tests.harness.process import run

SCRIPT = config.REPO / "tests" / "bench" / "py2" / "reconcile_compare.py"
LEDGER_PAGE = 5000


def measure(stage, orders=10000):
    """Seconds of the comparison of ``orders`` orders, and the requests they take."""
    out = run([str(stage.erp.venv.python), str(SCRIPT), str(config.ADDONS), str(orders)],
              capture=True, timeout=600, env={"PYTHONDONTWRITEBYTECODE": "1"})
    figures = json.loads(out.strip().splitlines()[-1])
    figures["ledger_requests"] = -(-orders // LEDGER_PAGE)
    figures["ledger_requests_per_1000"] = round(figures["ledger_requests"] * 1000.0 / orders, 2)
    return figures
