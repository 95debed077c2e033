"""OpenERP's own bulk import, ``load()``, of the same records as the sync.

load() is what OpenERP offers for importing many records (the web client's
import dialog uses it): in-process, no HTTP, one transaction per model. It
is the practical limit of this stack, because the ORM's per-record work
(defaults, properties, mail thread, stored functions) is the same whichever
way a record arrives. The records are those the shop API answers; the Python
2 side (py2/load_import.py) runs in the OpenERP virtualenv on a fresh copy of
the same database template, with no server on it.
"""
import json

from tests.harness import config
from tests.harness.process import run

RESOURCES = ("categories", "products", "organizations", "contacts", "orders")
SCRIPT = config.REPO / "tests" / "bench" / "py2" / "load_import.py"


def shop_records(api):
    return {resource: api.all(resource) for resource in RESOURCES}


def measure(stage, api, db="bench_load", workdir=None):
    workdir = workdir or config.VAR / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "records.json"
    path.write_text(json.dumps(shop_records(api)))
    stage.fresh_erp_db(db, start=False)
    out = run([str(stage.erp.venv.python), str(SCRIPT), str(stage.erp.conf), db, str(path)],
              capture=True, timeout=7200, env={"PYTHONDONTWRITEBYTECODE": "1"})
    results = json.loads(out.strip().splitlines()[-1])
    results["total_s"] = round(sum(r["seconds"] for r in results.values()), 2)
    return results
