"""The running shop and OpenERP, as the end-to-end tests see them.

Tests talk to each process only through its public interfaces: the shop's
HTTP pages and API, OpenERP's XML-RPC, and (to arrange shop data the API
cannot write) the shop's own database and manage.py commands.
"""
from tests.harness import company
from tests.harness.clients import ErpRpc, ShopApi
from tests.harness.erp import ADMIN_LOGIN

SHOP_TEMPLATE = "shop_e2e_template"
ERP_TEMPLATE = "erp_e2e_template"
SHOP_DB = "shop_e2e"
ERP_DB = "erp_e2e"
SHOP_NAME = "E2E shop"
E2E_SIZES = {"seed": 11, "categories": 8, "products": 20, "organizations": 3,
             "contacts": 12, "orders": 25}


class Stack:
    """Both servers of the test instance, on databases copied from templates."""

    def __init__(self, servers):
        self.servers = servers
        self.instance = servers.instance
        self.shop_url = self.instance.shop_url
        self.api_url = self.instance.shop_url + "/api/v1/"
        self.erp_url = self.instance.erp_url
        self.shop_db = SHOP_DB
        self.erp_db = ERP_DB
        self.erp_login, self.erp_password = ADMIN_LOGIN
        self.api_token = None
        self.backend_id = None
        self._rpc = None
        self.snapshots = set()
        self._built = {}

    # -- set-up ---------------------------------------------------------------------------
    def build_templates(self):
        """Build the shop and OpenERP template databases once per test session.

        OpenERP's is a real company's (tests/harness/company.py: no demo data,
        its own chart and fiscal years) with the shop configured as README tells
        a user; "Synchronize automatically" is unticked so that no scheduled run
        meets a test's own runs.
        """
        shop = self.servers.shop
        shop.build(SHOP_TEMPLATE, generate=E2E_SIZES)
        self.api_token = shop.api_token(SHOP_TEMPLATE)
        self.backend_id = company.company_with_shop(self.servers, ERP_TEMPLATE, SHOP_TEMPLATE,
                                                    self.api_token, SHOP_NAME, scheduled=False)
        self.stop()

    def connect(self, **values):
        """The shop backend configured in the template, with ``values`` written on its form
        (a test's own settings: URL, page size, automation switches...); its id."""
        self.erp("satchmo.backend", "write", [self.backend_id], values)
        return self.backend_id

    def reset(self, shop_template=SHOP_TEMPLATE, erp_template=ERP_TEMPLATE):
        """Fresh copies of both databases and restarted servers: a test's clean slate."""
        self.stop()
        pg = self.servers.pg
        pg.create(SHOP_DB, owner="shop", template=shop_template)
        pg.create(ERP_DB, owner="openerp", template=erp_template)
        self.start()

    def snapshot(self, name):
        """Keep both databases as they are now, to restore in later tests.

        A state that costs a minute to reach (say, after a first full sync)
        is reached once per session; each test then starts from a copy.
        """
        self.stop()
        pg = self.servers.pg
        pg.create("snap_%s_shop" % name, owner="shop", template=SHOP_DB)
        pg.create("snap_%s_erp" % name, owner="openerp", template=ERP_DB)
        self.snapshots.add(name)
        self.start()

    def restore(self, name):
        """Both databases as they were at ``snapshot(name)``, servers restarted."""
        self.reset("snap_%s_shop" % name, "snap_%s_erp" % name)

    def once(self, name, build):
        """``build()`` on fresh databases, once per session, kept as snapshot ``name``.

        The first call runs it and returns its result; later calls restore the
        databases as ``build()`` left them and return the same result.
        """
        if name in self.snapshots:
            self.restore(name)
        else:
            self.reset()
            self._built[name] = build()
            self.snapshot(name)
        return self._built[name]

    def start(self):
        self.servers.shop.start(SHOP_DB)
        self.servers.erp.start(ERP_DB)
        self._rpc = None

    def stop(self):
        self.servers.stop()

    # -- the shop ----------------------------------------------------------------------------
    @property
    def shop_api(self):
        return ShopApi(self.api_url, self.api_token)

    def api(self, path, **params):
        """GET a path of the shop API (relative to /api/v1/) with the token; JSON back."""
        return self.shop_api.get(path, **params)

    def api_all(self, resource, page_size=200):
        """Every object of a resource, following the keyset pages."""
        return self.shop_api.all(resource, page_size)

    def shop_sql(self, query, params=()):
        """Run SQL on the shop's database (to arrange data); rows as tuples."""
        import psycopg2  # noqa: imported here so the module loads without it
        dsn = self.servers.pg.dsn("shop")
        with psycopg2.connect(dbname=SHOP_DB, **dsn) as conn, conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall() if cur.description else []

    def shop_manage(self, *args):
        """Run a manage.py command of the shop on its database; its stdout back."""
        return self.servers.shop.manage(SHOP_DB, *args, capture=True)

    def shop_edit(self, action, *args):
        """Change the shop through its models, so the change feed sees it (the demo
        store's ``shop_edit`` command, actions in tests/shop/demo_store/edits.py);
        the id of what was made or changed."""
        out = self.shop_manage("shop_edit", action, *[str(a) for a in args])
        return int(out.strip().splitlines()[-1])

    # -- OpenERP ------------------------------------------------------------------------------
    @property
    def rpc(self):
        if self._rpc is None:
            self._rpc = ErpRpc(self.erp_url, self.erp_db, self.erp_login, self.erp_password)
        return self._rpc

    @property
    def uid(self):
        return self.rpc.uid

    def erp(self, model, method, *args, **kwargs):
        """Call a model method over XML-RPC as the admin user."""
        return self.rpc(model, method, *args, **kwargs)

    def erp_read_all(self, model, domain, fields):
        """search then read: OpenERP 7 has no search_read over XML-RPC."""
        return self.rpc.read_all(model, domain, fields)

    def erp_sql(self, query, params=()):
        """Read OpenERP's database directly (what a test cannot ask over XML-RPC, such as
        the row count of every table or the state of PostgreSQL sequences); rows as tuples."""
        import psycopg2  # noqa: imported here so the module loads without it
        dsn = self.servers.pg.dsn("openerp")
        with psycopg2.connect(dbname=ERP_DB, **dsn) as conn, conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall() if cur.description else []
