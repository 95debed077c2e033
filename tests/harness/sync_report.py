"""Configure a shop backend in OpenERP, run a sync, and count both sides.

Used by the demo (its table of counts) through public interfaces only: the
shop's API and OpenERP's XML-RPC.
"""
RESOURCES = ("countries", "categories", "products", "organizations", "contacts", "orders")
SHOP_NAME = "Demo shop"


def configure_backend(rpc, shop_url, token, name=SHOP_NAME):
    """Create (or update) the shop backend for ``shop_url``; its id."""
    company = rpc("res.users", "read", [rpc.uid], ["company_id"])[0]["company_id"][0]
    values = {"name": name, "url": shop_url, "api_token": token, "company_id": company}
    found = rpc("satchmo.backend", "search", [("url", "=", shop_url)])
    if found:
        rpc("satchmo.backend", "write", found, values)
        return found[0]
    return rpc("satchmo.backend", "create", values)


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
    return counts


def failures(rpc, backend_id, limit=20):
    return rpc.read_all("satchmo.binding", [("backend_id", "=", backend_id),
                                           ("state", "in", ["failed", "exception"])],
                        ["resource", "shop_id", "state", "error"])[:limit]


def format_table(counts):
    lines = ["  %-14s %8s %8s %8s %8s" % ("resource", "shop", "openerp", "failed", "skipped")]
    for resource, row in counts.items():
        lines.append("  %-14s %8d %8d %8d %8d" % (resource, row["shop"], row["erp"],
                                                  row["failed"], row["skipped"]))
    return "\n".join(lines)
