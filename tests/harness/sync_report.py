"""Run a sync of a configured shop backend in OpenERP, and count both sides.

Used by the demo (its table of counts) through public interfaces only: the
shop's API and OpenERP's XML-RPC.
"""
from decimal import Decimal

RESOURCES = ("countries", "categories", "products", "organizations", "contacts", "orders")
CENT = Decimal("0.01")
SHOP_NAME = "Demo shop"


def synchronize(rpc, backend_id):
    """Run one sync now (what the "Synchronize now" button does); the run's record."""
    rpc("satchmo.backend", "action_sync_now", [backend_id])
    runs = rpc("satchmo.sync.run", "search", [("backend_id", "=", backend_id)], 0, 1,
               "id desc")
    return rpc("satchmo.sync.run", "read", runs, [])[0] if runs else None


def count_sides(rpc, api, backend_id, run=None):
    """Per resource: objects in the shop, synced in OpenERP, failed, skipped."""
    skipped = {}
    if run and run.get("count_ids"):
        for row in rpc("satchmo.sync.run.count", "read", run["count_ids"],
                       ["resource", "skipped"]):
            skipped[row["resource"]] = row["skipped"]
    counts = {}
    for resource in RESOURCES:
        try:
            shop = len(api.all(resource))
        except Exception:  # a resource the shop does not serve yet
            continue
        domain = [("backend_id", "=", backend_id), ("resource", "=", resource)]
        erp = rpc("satchmo.binding", "search_count", domain + [("state", "=", "synced")])
        failed = rpc("satchmo.binding", "search_count",
                     domain + [("state", "in", ["failed", "exception"])])
        counts[resource] = {"shop": shop, "erp": erp, "failed": failed,
                            "skipped": skipped.get(resource, 0)}
    if "orders" in counts:
        try:
            counts.update(count_money(rpc, api, backend_id, counts["orders"]))
        except Exception as error:  # an ERP without the orders part: the counts above stand
            print("  (invoices and payments not counted: %s)" % error)
    return counts


def count_money(rpc, api, backend_id, orders_row):
    """Invoices and payments on both sides; the sums of order totals go on the orders row.

    Shop: orders the connector imports (not Temp), those of them to invoice
    (not cancelled), their completed payments, and the sum of their API
    totals. OpenERP: the bound orders' invoices (not cancelled), the posted
    vouchers of the shop's payments, and the sum of the bound orders'
    amount_total.
    """
    orders = [o for o in api.all("orders") if o.get("status") != "Temp"]
    bound = rpc.read_all("satchmo.binding", [("backend_id", "=", backend_id),
                                            ("resource", "=", "orders")], ["res_id"])
    sales = rpc("sale.order", "read", [b["res_id"] for b in bound if b["res_id"]],
                ["amount_total", "invoice_ids"]) if bound else []
    invoice_ids = [i for sale in sales for i in sale["invoice_ids"]]
    invoices = rpc("account.invoice", "search_count",
                   [("id", "in", invoice_ids), ("state", "!=", "cancel")]) if invoice_ids else 0
    vouchers = rpc("account.voucher", "search_count", [("satchmo_backend_id", "=", backend_id),
                                                       ("state", "=", "posted")])
    refused = rpc("satchmo.binding", "search_count", [
        ("backend_id", "=", backend_id), ("resource", "=", "payments"),
        ("state", "in", ["failed", "exception"])])
    payments = [p for o in orders for p in o.get("payments") or [] if p.get("kind") == "payment"]
    orders_row["shop_total"] = str(sum((Decimal(o["total"]) for o in orders), Decimal("0.00")))
    orders_row["erp_total"] = str(sum((Decimal(repr(s["amount_total"])).quantize(CENT)
                                       for s in sales), Decimal("0.00")))
    skipped = len(api.all("orders")) - len(orders)
    return {
        "invoices": {"shop": len([o for o in orders if o.get("status") != "Cancelled"]),
                     "erp": invoices, "failed": 0, "skipped": skipped},
        "payments": {"shop": len(payments), "erp": vouchers, "failed": refused,
                     "skipped": sum(1 for o in orders for p in o.get("payments") or []
                                    if p.get("kind") != "payment")},
    }


def count_people(rpc, api, backend_id):
    """Shop contacts and the OpenERP customers they became, with why fewer (merged ones).

    A contact whose partner an older contact already has was merged into it
    (by e-mail, as the shop's Customers settings say); the shop's
    ``has_account`` tells guests from customers with an account.
    """
    contacts = dict((str(c["id"]), c) for c in api.all("contacts"))
    rows = rpc.read_all("satchmo.binding", [("backend_id", "=", backend_id),
                                           ("resource", "=", "contacts"),
                                           ("state", "=", "synced")], ["shop_id", "res_id"])
    seen, merged = set(), {"guests": 0, "accounts": 0}
    for row in sorted(rows, key=lambda r: int(r["shop_id"])):
        if row["res_id"] in seen and row["shop_id"] in contacts:
            account = contacts[row["shop_id"]].get("has_account")
            merged["accounts" if account else "guests"] += 1
        seen.add(row["res_id"])
    return {"contacts": len(contacts), "customers": len(seen),
            "merged_guests": merged["guests"], "merged_accounts": merged["accounts"]}


def format_people(people):
    """"33 contacts -> 30 customers (3 guests merged by e-mail)", "1 guest" when one."""
    why = ["%s merged by e-mail" % counted(people["merged_guests"], "guest")]
    if people["merged_accounts"]:
        why.append("%d with a shop account merged by e-mail" % people["merged_accounts"])
    return "  %s -> %s (%s)" % (counted(people["contacts"], "contact"),
                                counted(people["customers"], "customer"), ", ".join(why))


def counted(number, noun):
    """"1 guest", "0 guests", "3 guests": English plural of a regular noun."""
    return "%d %s%s" % (number, noun, "" if number == 1 else "s")


def failures(rpc, backend_id, limit=20):
    return rpc.read_all("satchmo.binding", [("backend_id", "=", backend_id),
                                           ("state", "in", ["failed", "exception"])],
                        ["resource", "shop_id", "state", "error"])[:limit]


def format_table(counts):
    lines = ["  %-14s %8s %8s %8s %8s" % ("resource", "shop", "openerp", "failed", "skipped")]
    for resource, row in counts.items():
        lines.append("  %-14s %8d %8d %8d %8d" % (resource, row["shop"], row["erp"],
                                                  row["failed"], row["skipped"]))
    orders = counts.get("orders") or {}
    if "shop_total" in orders:
        lines.append("  order totals: shop %s, openerp %s" % (orders["shop_total"],
                                                           orders["erp_total"]))
    return "\n".join(lines)
