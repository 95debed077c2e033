"""Compare the shop with OpenERP, the way the fault tests state what must hold.

A test configures a shop in OpenERP (``Connected``), runs syncs the way the
"Synchronize now" button does, and then asserts with ``assert_in_step``:

- same objects per resource: every shop object (through the API) has a
  mapping row, and every row is either synced or failed with a readable reason;
- no duplicates: no two shop objects on one OpenERP record, every partner the
  sync made is bound (or is an address under one that is), no two identical
  active partners, no duplicated country;
- once orders are imported: same order totals, one voucher per shop payment.

Everything is read through the shop API and OpenERP's XML-RPC.
"""
import re
import time
from decimal import Decimal
from pathlib import Path

CATALOGUE = ("countries", "categories", "products", "organizations", "contacts")
PARTNER_FIELDS = ["parent_id", "is_company", "name", "email", "street", "street2", "city",
                  "zip", "country_id", "type", "active"]
FAILED = ("failed", "exception")
SYNC_CODE = Path(__file__).resolve().parents[2] / "openerp_addon" / "sync"
NO_STATUS = "(no order has this status)"
NOT_READABLE = ("Traceback", "File \"", "psycopg2", "<html", "Unexpected error")


class Connected:
    """One shop backend in OpenERP, and what existed before its first run."""

    def __init__(self, stack, url=None, orders=True, **values):
        """``orders=False``: the shop's orders are left out (a status no order has), for
        tests about the transport that need not pay the orders' import time."""
        self.stack = stack
        self.orders = orders and orders_imported()
        settings = {"name": "Fault test shop", "url": url or stack.shop_url,
                    "api_token": stack.api_token, "page_size": 50, "timeout": 10}
        if orders_imported() and not orders:
            settings["import_statuses"] = NO_STATUS
        settings.update(values)
        self.backend_id = stack.connect(**settings)
        self.partners_before = set(stack.erp("res.partner", "search", [],
                                             0, 0, False, {"active_test": False}))
        self.vouchers_before = set(stack.erp("account.voucher", "search", []))

    @classmethod
    def attach(cls, stack, backend_id, orders, partners_before, vouchers_before):
        """The Connected of a backend that already exists (a copied database)."""
        shop = cls.__new__(cls)
        shop.stack, shop.backend_id, shop.orders = stack, backend_id, orders
        shop.partners_before, shop.vouchers_before = set(partners_before), set(vouchers_before)
        return shop

    # -- acting ------------------------------------------------------------------------------
    def set(self, **values):
        self.stack.erp("satchmo.backend", "write", [self.backend_id], values)

    def sync(self, full=False):
        """One run through the backend's button; the run record with counts per resource."""
        method = "action_full_resync" if full else "action_sync_now"
        started = time.monotonic()
        action = self.stack.erp("satchmo.backend", method, [self.backend_id])
        run = self.run(action["res_id"])
        run["seconds"] = time.monotonic() - started
        return run

    def run(self, run_id):
        run = self.stack.erp("satchmo.sync.run", "read", [run_id],
                             ["state", "reason", "count_ids", "full"])[0]
        run["counts"] = {}
        if run["count_ids"]:
            for row in self.stack.erp("satchmo.sync.run.count", "read", run["count_ids"],
                                      ["resource", "created", "updated", "unchanged",
                                       "failed", "skipped"]):
                run["counts"][row["resource"]] = row
        return run

    def runs(self):
        ids = self.stack.erp("satchmo.sync.run", "search",
                             [("backend_id", "=", self.backend_id)], 0, 0, "id")
        return [self.run(i) for i in ids]

    def cursor(self):
        return self.stack.erp("satchmo.backend", "read", [self.backend_id], ["cursor"])[0][
            "cursor"]

    # -- reading -----------------------------------------------------------------------------
    def bindings(self, resource=None, states=None):
        domain = [("backend_id", "=", self.backend_id)]
        if resource:
            domain.append(("resource", "=", resource))
        if states:
            domain.append(("state", "in", list(states)))
        return self.stack.erp_read_all("satchmo.binding", domain,
                                       ["resource", "shop_id", "model", "res_id", "state",
                                        "error", "attempts", "digest"])

    def binding(self, resource, shop_id):
        rows = [r for r in self.bindings(resource) if r["shop_id"] == str(shop_id)]
        assert rows, "%s %s has no mapping row" % (resource, shop_id)
        return rows[0]

    def record(self, resource, shop_id, fields):
        """The OpenERP record of a shop object (archived ones too), with its mapping row."""
        row = self.binding(resource, shop_id)
        found = self.stack.erp(row["model"], "read", [row["res_id"]], fields,
                               {"active_test": False})
        return dict(found[0], binding=row)

    def failures(self):
        return self.bindings(states=FAILED)

    def resources(self):
        """The shop resources this connector imports (orders once part 2 landed)."""
        return CATALOGUE + (("orders",) if self.orders else ())

    def imported_statuses(self):
        text = self.stack.erp("satchmo.backend", "read", [self.backend_id],
                              ["import_statuses"])[0]["import_statuses"] or ""
        return set(part.strip().lower() for part in text.split(",") if part.strip())


def orders_imported(stack=None):
    """Does the connector import orders yet (issue 5)? Its resources.load() registers them."""
    text = (SYNC_CODE / "resources.py").read_text()
    loaded = re.findall(r"from \. import ([\w, ]+)", text)
    return any("order" in [name.strip() for name in names.split(",")] for names in loaded)


# -- the assertions ----------------------------------------------------------------------------
def readable(reason):
    """A reason for people: one or a few lines of text, no traceback, no token, no HTML."""
    return bool(reason) and len(reason) < 2000 and not any(
        marker in reason for marker in NOT_READABLE)


def assert_readable(reason, token=None):
    assert readable(reason), "not a readable reason: %r" % (reason,)
    if token:
        assert token not in reason, "the API token leaked into a reason"


def assert_run(run, state, *words):
    assert run["state"] == state, (run["state"], run["reason"])
    if state != "done":
        assert_readable(run["reason"])
        text = run["reason"].lower()
        assert all(word.lower() in text for word in words), (words, run["reason"])


def assert_nothing_changed(run, known_failures=0):
    """A run that touched nothing: every count is unchanged (or skipped).

    ``known_failures``: rows already waiting for a person that a full listing
    looks at again (and fails again, changing nothing).
    """
    assert run["state"] == "done", run["reason"]
    touched = dict((r, (c["created"], c["updated"])) for r, c in run["counts"].items()
                   if c["created"] or c["updated"])
    assert not touched, "a run without changes created/updated %s" % touched
    failed = sum(c["failed"] for c in run["counts"].values())
    assert failed <= known_failures, "a run without changes failed %d records" % failed


def assert_in_step(shop, expect_failed=(), resources=None):
    """The shop and OpenERP agree; the only failures are ``expect_failed`` (resource, id).

    Returns the failing mapping rows by (resource, shop id).
    """
    stack = shop.stack
    expected = set((resource, str(shop_id)) for resource, shop_id in expect_failed)
    failing = {}
    for resource in resources or shop.resources():
        objects = stack.api_all(resource)
        if resource == "orders":  # orders in a status the shop's settings leave out: skipped
            statuses = shop.imported_statuses()
            objects = [o for o in objects if (o["status"] or "").lower() in statuses]
        in_shop = set(str(o["id"]) for o in objects)
        rows = shop.bindings(resource)
        by_id = dict((r["shop_id"], r) for r in rows)
        missing = in_shop - set(by_id)
        assert not missing, "%s in the shop but never imported: %s" % (resource, sorted(missing))
        for shop_id in in_shop:
            row = by_id[shop_id]
            if (resource, shop_id) in expected:
                assert row["state"] in FAILED, "%s %s should have failed: %s" % (
                    resource, shop_id, row)
                assert_readable(row["error"], stack.api_token)
                failing[(resource, shop_id)] = row
            else:
                assert row["state"] == "synced", "%s %s: %s %s" % (
                    resource, shop_id, row["state"], row["error"])
        # one shop object, one OpenERP record (addresses may share a partner on purpose,
        # contacts with one e-mail may be one customer: assert_people_are_people)
        synced = [(r["model"], r["res_id"]) for r in rows if r["state"] == "synced"
                  and r["shop_id"] in in_shop and r["res_id"]]
        if resource == "contacts":
            assert_people_are_people(objects, rows)
        else:
            assert len(synced) == len(set(synced)), "%s: two shop objects on one record" % (
                resource)
    assert_no_duplicate_partners(shop)
    assert_no_duplicate_countries(stack)
    if "orders" in (resources or shop.resources()):
        assert_orders_match(shop, skip=set(i for r, i in expected if r == "orders"))
    return failing


def assert_no_duplicate_partners(shop):
    stack = shop.stack
    partners = stack.erp("res.partner", "read",
                         stack.erp("res.partner", "search", [], 0, 0, False,
                                   {"active_test": False}),
                         PARTNER_FIELDS, {"active_test": False})
    new = dict((p["id"], p) for p in partners if p["id"] not in shop.partners_before)
    bound = set(r["res_id"] for r in shop.bindings() if r["model"] == "res.partner")
    for partner in new.values():
        parent = partner["parent_id"] and partner["parent_id"][0]
        assert partner["id"] in bound or parent in bound or parent in new, \
            "partner %s (%s) was made by the sync but belongs to no shop object" % (
                partner["id"], partner["name"])
    seen = {}
    for partner in new.values():
        if not partner["active"]:
            continue
        key = tuple(_plain(partner[f]) for f in PARTNER_FIELDS if f != "active")
        assert key not in seen, "duplicate partners %s and %s: %s" % (
            seen[key], partner["id"], partner["name"])
        seen[key] = partner["id"]
    companies = [r["res_id"] for r in shop.bindings("organizations")]
    contacts = set(r["res_id"] for r in shop.bindings("contacts"))
    assert not contacts & set(companies), "a contact and an organization on one partner"
    assert len(companies) == len(set(companies)), "two organizations on one partner"


def assert_people_are_people(contacts, rows):
    """Shop contacts on one partner are one person: they share their e-mail."""
    emails = dict((str(c["id"]), (c["email"] or "").strip().lower()) for c in contacts)
    by_partner = {}
    for row in rows:
        if row["state"] == "synced" and row["res_id"] and row["shop_id"] in emails:
            by_partner.setdefault(row["res_id"], set()).add(emails[row["shop_id"]])
    merged = dict((partner, found) for partner, found in by_partner.items()
                  if len(found) > 1 or ("" in found and
                                        sum(1 for r in rows if r["res_id"] == partner) > 1))
    assert not merged, "contacts of different people on one partner: %s" % merged


def assert_no_duplicate_countries(stack):
    codes = [c["code"] for c in stack.erp_read_all("res.country", [], ["code"])]
    assert len(codes) == len(set(codes)), "duplicated countries"


def assert_orders_match(shop, skip=()):
    """Same totals per order and in sum; one voucher per shop payment of a synced order."""
    stack = shop.stack
    rows = dict((r["shop_id"], r) for r in shop.bindings("orders"))
    shop_sum = erp_sum = Decimal("0")
    for order in stack.api_all("orders"):
        row = rows.get(str(order["id"]))
        if str(order["id"]) in skip or row is None or row["state"] != "synced" \
                or row["model"] != "sale.order":
            continue
        sale = stack.erp("sale.order", "read", [row["res_id"]],
                         ["amount_total", "amount_untaxed", "amount_tax"])[0]
        total = Decimal(order["total"])
        assert Decimal("%.2f" % sale["amount_total"]) == total, (order["id"], sale, total)
        shop_sum += total
        erp_sum += Decimal("%.2f" % sale["amount_total"])
    assert shop_sum == erp_sum
    payments = [(order, p) for order in stack.api_all("orders") for p in order["payments"]
                if p["kind"] == "payment" and str(order["id"]) not in skip]
    pay_rows = dict((r["shop_id"], r) for r in shop.bindings("payments"))
    vouchers = []
    for order, payment in payments:
        row = pay_rows.get(payment["key"]) or pay_rows.get(str(payment["id"]))
        if row is None or row["state"] != "synced" or row["model"] != "account.voucher":
            continue
        vouchers.append(row["res_id"])
        voucher = stack.erp("account.voucher", "read", [row["res_id"]], ["amount", "state"])[0]
        assert Decimal("%.2f" % voucher["amount"]) == Decimal(payment["amount"]), (payment,
                                                                                voucher)
    assert len(vouchers) == len(set(vouchers)), "two shop payments on one voucher"
    bound = set(r["res_id"] for r in shop.bindings() if r["model"] == "account.voucher")
    all_vouchers = set(stack.erp("account.voucher", "search", []))
    assert all_vouchers <= bound | shop.vouchers_before, \
        "vouchers the sync made for no shop payment: %s" % sorted(all_vouchers - bound)


def _plain(value):
    if isinstance(value, list):
        return value[0] if value else False
    return value


def simple_products(stack):
    return [p for p in stack.api_all("products") if p["kind"] == "simple" and p["active"]]


# -- one first sync per session, copied for each test that starts after it ----------------------
SYNCED_SHOP_DB, SYNCED_ERP_DB = "shop_e2e_synced", "erp_e2e_synced"
_synced = {}


def synced_shop(stack):
    """Fresh databases in which the shop was synced once, orders included; a Connected.

    The first sync (a minute with orders) runs once per session; each test gets
    copies of both databases as they were right after it, like ``fresh_stack``.
    """
    pg = stack.servers.pg
    if not _synced:
        stack.reset()
        shop = Connected(stack)
        run = shop.sync()
        assert_run(run, "done")
        assert_in_step(shop)
        stack.stop()
        pg.create(SYNCED_SHOP_DB, owner="shop", template=stack.shop_db)
        pg.create(SYNCED_ERP_DB, owner="openerp", template=stack.erp_db)
        _synced.update(backend_id=shop.backend_id, orders=shop.orders,
                       partners_before=shop.partners_before,
                       vouchers_before=shop.vouchers_before)
    stack.stop()
    pg.create(stack.shop_db, owner="shop", template=SYNCED_SHOP_DB)
    pg.create(stack.erp_db, owner="openerp", template=SYNCED_ERP_DB)
    stack.start()
    return Connected.attach(stack, **_synced)
