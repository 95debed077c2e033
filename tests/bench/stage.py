"""The benchmark's servers and databases, on the "bench" instance only.

Every measurement starts from the same point: a fresh OpenERP database copied
from one template (a real company's, made as the tests' and the demo's are:
tests/harness/company.py, the connector installed and configured) and one
generated store. Copying a template takes a second; installing modules takes
a minute, so it is done once per run.
"""
import re
import time

from tests.harness import company
from tests.harness.clients import ErpRpc, ShopApi
from tests.harness.erp import ADMIN_LOGIN
from tests.harness.servers import Servers

ERP_TEMPLATE = "bench_erp_template"
BACKEND_NAME = "Bench shop"
# a run of the whole store in one XML-RPC call: longer than any worker's default limit
NO_LIMIT = ("--limit-time-real=100000", "--limit-time-cpu=100000")


class Stage:
    def __init__(self, instance):
        self.instance = instance
        self.servers = Servers(instance)
        self.pg, self.shop, self.erp = self.servers.pg, self.servers.shop, self.servers.erp
        self.tokens = {}
        self.shop_db = None

    # -- the shop ----------------------------------------------------------------------------
    def build_store(self, db, generate):
        seconds = self.shop.build(db, generate=generate)
        self.tokens[db] = self.shop.api_token(db)
        return seconds

    def serve_store(self, db):
        if self.shop_db != db:
            self.shop.start(db)
            self.shop_db = db

    def shop_api(self, db=None):
        return ShopApi(self.instance.shop_url + "/api/v1/", self.tokens[db or self.shop_db])

    def shop_manage(self, *args):
        return self.shop.manage(self.shop_db, *args, capture=True)

    # -- OpenERP -----------------------------------------------------------------------------
    def erp_template(self, shop_db):
        """A real company's database (tests/harness/company.py, as the tests' and the demo's)
        with the shop of ``shop_db`` configured, its schedule off: every run is the bench's."""
        company.company_with_shop(self.servers, ERP_TEMPLATE, shop_db, self.tokens[shop_db],
                                  BACKEND_NAME, scheduled=False)
        self.erp.stop()
        self.shop.stop()
        self.shop_db = None
        return ERP_TEMPLATE

    def fresh_erp_db(self, db, start=True, workers=0, also=()):
        """A copy of the template; with ``start``, OpenERP serving it (and ``also``)."""
        self.erp.stop()
        self.pg.create(db, owner="openerp", template=ERP_TEMPLATE)
        for other in also:
            self.pg.create(other, owner="openerp", template=ERP_TEMPLATE)
        if start:
            self.start_erp([db] + list(also), workers)
        return self.rpc(db)

    def start_erp(self, dbs, workers=0):
        self.erp.stop()
        names = "|".join(re.escape(db) for db in dbs)
        args = ["-d", dbs[0], "--db-filter=^(%s)$" % names, "--log-level=info"] + list(NO_LIMIT)
        if workers:
            args.append("--workers=%d" % workers)
        self.erp.daemon.start(self.erp.argv(*args), env={"PYTHONDONTWRITEBYTECODE": "1"})
        self.erp.daemon.wait_http(self.instance.erp_url + "/xmlrpc/common", timeout=120)

    def erp_pid(self):
        return self.erp.daemon.pid()

    def rpc(self, db):
        return ErpRpc(self.instance.erp_url, db, *ADMIN_LOGIN)

    def stop(self):
        """Stop this instance's shop, OpenERP and PostgreSQL (by pid; data stays in var/)."""
        from tests.harness.servers import stop_instance
        self.shop.stop()
        self.erp.stop()
        stop_instance(self.instance)


def make_backend(rpc, shop_url, token, page_size=100):
    """The shop backend of the template (configured as a user does, orders taken to a paid
    invoice), pointed at ``shop_url`` with ``token``; its id."""
    backend = rpc("satchmo.backend", "search", [("name", "=", BACKEND_NAME)], 0, 1)[0]
    rpc("satchmo.backend", "write", [backend], {"url": shop_url, "api_token": token,
                                                "page_size": page_size})
    return backend


def point_backend(rpc, backend_id, url):
    """Send the backend's requests elsewhere (a proxy) from now on."""
    rpc("satchmo.backend", "write", [backend_id], {"url": url})


def sync(rpc, backend_id):
    """One "Synchronize now": wall time seen by the caller, the run, its counts and timings."""
    import json
    started = time.monotonic()
    action = rpc("satchmo.backend", "action_sync_now", [backend_id])
    seconds = time.monotonic() - started
    run = rpc("satchmo.sync.run", "read", [action["res_id"]],
              ["state", "reason", "count_ids", "timings"])[0]
    counts = {}
    if run["count_ids"]:
        for row in rpc("satchmo.sync.run.count", "read", run["count_ids"],
                       ["resource", "created", "updated", "unchanged", "failed", "skipped",
                        "seconds"]):
            counts[row["resource"]] = row
    return {"seconds": seconds, "state": run["state"], "reason": run["reason"],
            "counts": counts, "timings": json.loads(run["timings"] or "{}")}
