"""The catalogue and the customers, from the real shop into the real OpenERP.

Each test starts from fresh copies of both databases, configures a shop in
OpenERP over XML-RPC and runs the connector's sync the way the "Synchronize
now" button does. Shop data is changed through the demo store's
``shop_edit`` command (Django ORM, so the API's change feed sees it) or,
to change data behind the feed's back, with SQL.
"""
import time

import pytest

CATALOGUE = ("countries", "categories", "products", "organizations", "contacts")
SYNCED = ("synced",)


def make_backend(stack):
    return stack.connect(page_size=50)


def sync(stack, backend_id, full=False):
    """One run through the backend's button; the run and its counts per resource."""
    method = "action_full_resync" if full else "action_sync_now"
    started = time.monotonic()
    action = stack.erp("satchmo.backend", method, [backend_id])
    seconds = time.monotonic() - started
    run = stack.erp("satchmo.sync.run", "read", [action["res_id"]], ["state", "reason",
                                                                     "count_ids"])[0]
    counts = {}
    if run["count_ids"]:
        for row in stack.erp("satchmo.sync.run.count", "read", run["count_ids"],
                             ["resource", "created", "updated", "unchanged", "failed"]):
            counts[row["resource"]] = row
    run["counts"], run["seconds"] = counts, seconds
    return run


def bindings(stack, backend_id, resource, states=None):
    domain = [("backend_id", "=", backend_id), ("resource", "=", resource)]
    if states:
        domain.append(("state", "in", list(states)))
    return stack.erp_read_all("satchmo.binding", domain,
                              ["shop_id", "model", "res_id", "state", "error", "attempts"])


def record(stack, backend_id, resource, shop_id, fields):
    rows = [b for b in bindings(stack, backend_id, resource) if b["shop_id"] == str(shop_id)]
    assert rows, "%s %s was never imported" % (resource, shop_id)
    row = rows[0]
    found = stack.erp(row["model"], "read", [row["res_id"]], fields,
                      {"active_test": False})
    return dict(found[0], binding=row)


@pytest.fixture
def shop(stack):
    """A shop after its first sync: run once per session, copied for each test."""
    def first_sync():
        backend_id = make_backend(stack)
        return backend_id, sync(stack, backend_id)

    backend_id, first = stack.once("catalogue_first_sync", first_sync)
    assert first["state"] == "done", first["reason"]
    return stack, backend_id, dict(first)


def test_first_sync_imports_the_catalogue_and_customers(shop):
    stack, backend_id, run = shop
    print("first sync: %.1fs, %s" % (run["seconds"], {r: (c["created"], c["failed"])
                                                       for r, c in run["counts"].items()}))
    for resource in CATALOGUE:
        in_shop = stack.api_all(resource)
        rows = bindings(stack, backend_id, resource)
        assert sorted(str(o["id"]) for o in in_shop) == sorted(r["shop_id"] for r in rows), \
            resource
        failed = [r for r in rows if r["state"] != "synced"]
        assert not failed, failed
        assert run["counts"][resource]["failed"] == 0
    # every product is where its binding says, with its SKU and price
    for product in stack.api_all("products"):
        if product["kind"] == "configurable":
            continue
        found = record(stack, backend_id, "products", product["id"],
                       ["default_code", "active", "categ_ids"])
        assert found["default_code"] == (product["sku"] or False)
        assert found["active"] == product["active"]
        # product_m2mcategories always lists the main category (OpenERP's default if none)
        assert len(found["categ_ids"]) == max(1, len(set(product["category_ids"])))
    # countries matched, never duplicated
    codes = [c["code"] for c in stack.erp_read_all("res.country", [], ["code"])]
    assert len(codes) == len(set(codes))


def test_changes_of_every_kind_then_a_rerun_that_changes_nothing(shop):
    stack, backend_id, _ = shop
    products = [p for p in stack.api_all("products") if p["kind"] == "simple"]
    renamed, repriced, deactivated = products[0], products[1], products[2]
    category = stack.api_all("categories")[0]
    contact = [c for c in stack.api_all("contacts") if c["organization_id"]][0]
    organization = stack.api_all("organizations")[0]

    stack.shop_edit("set", "product", renamed["id"], "name=Renamed by e2e")
    stack.shop_edit("price", repriced["id"], "123.45")
    stack.shop_edit("set", "product", deactivated["id"], "active=false")
    new_category = stack.shop_edit("new_category", "E2E category", category["id"])
    new_product = stack.shop_edit("new_product", "E2E product", "E2E-1", "9.99", new_category)
    doomed = stack.shop_edit("new_product", "Doomed product", "E2E-2", "1.00", new_category)
    stack.shop_edit("set", "category", category["id"], "name=Renamed category")
    stack.shop_edit("set", "contact", contact["id"], "email=e2e@example.com", "first_name=Zoé")
    address = stack.shop_edit("add_address", contact["id"], "Rue E2E 1", "Gent", "9000", "BE")
    stack.shop_edit("set", "organization", organization["id"], "name=Renamed org")

    run = sync(stack, backend_id)
    assert run["state"] == "done", run["reason"]
    assert run["counts"]["categories"]["created"] == 1
    assert run["counts"]["products"]["created"] == 2
    assert not any(c["failed"] for c in run["counts"].values()), run["counts"]

    assert record(stack, backend_id, "products", renamed["id"], ["name"])["name"] == \
        "Renamed by e2e"
    assert record(stack, backend_id, "products", repriced["id"],
                  ["list_price"])["list_price"] == pytest.approx(123.45)
    assert record(stack, backend_id, "products", deactivated["id"], ["active"])["active"] \
        is False
    made = record(stack, backend_id, "products", new_product, ["default_code", "categ_id"])
    assert made["default_code"] == "E2E-1"
    assert made["categ_id"][1].endswith("E2E category")
    assert record(stack, backend_id, "categories", category["id"], ["name"])["name"] == \
        "Renamed category"
    person = record(stack, backend_id, "contacts", contact["id"],
                    ["name", "email", "parent_id", "child_ids"])
    assert person["email"] == "e2e@example.com" and person["name"].startswith("Zoé")
    extra = record(stack, backend_id, "addresses", address, ["street", "parent_id", "country_id"])
    assert extra["street"] == "Rue E2E 1" and extra["parent_id"][0] == person["id"]
    assert record(stack, backend_id, "organizations", organization["id"],
                  ["name"])["name"] == "Renamed org"

    # a delete: the product is archived in OpenERP
    stack.shop_edit("delete", "product", doomed)
    run = sync(stack, backend_id)
    assert run["state"] == "done", run["reason"]
    assert record(stack, backend_id, "products", doomed, ["active"])["active"] is False

    # nothing changed since: a run that imports nothing, twice (feed, then full listing)
    run = sync(stack, backend_id)
    assert run["state"] == "done"
    assert all(c["created"] == c["updated"] == c["failed"] == 0
               for c in run["counts"].values()), run["counts"]
    full = sync(stack, backend_id, full=True)
    assert full["state"] == "done", full["reason"]
    assert all(c["created"] == c["updated"] == c["failed"] == 0
               for c in full["counts"].values()), full["counts"]
    print("full resync with nothing to do: %.1fs" % full["seconds"])


def test_a_product_whose_category_arrives_later(shop):
    stack, backend_id, _ = shop
    product = [p for p in stack.api_all("products") if p["kind"] == "simple"][0]
    category = stack.shop_edit("new_category", "Arrives later")
    # the category's own change is not in the feed yet: only the product's is
    stack.shop_sql("DELETE FROM satchmo_api_change WHERE resource = 'categories' "
                   "AND object_id = %s", (category,))
    stack.shop_edit("categories", product["id"], category)
    run = sync(stack, backend_id)
    assert run["state"] == "done", run["reason"]
    assert run["counts"]["products"]["failed"] == 0
    found = record(stack, backend_id, "products", product["id"], ["categ_id"])
    assert found["categ_id"][1].endswith("Arrives later")
    assert bindings(stack, backend_id, "categories", SYNCED) and \
        record(stack, backend_id, "categories", category, ["name"])["name"] == "Arrives later"


def test_a_record_that_fails_is_retried_once_the_shop_is_fixed(shop):
    stack, backend_id, _ = shop
    first, second = [p for p in stack.api_all("products") if p["kind"] == "simple"][:2]
    stack.shop_edit("set", "product", first["id"], "name= ")
    stack.shop_edit("set", "product", second["id"], "name= ")
    run = sync(stack, backend_id)
    assert run["state"] == "done", run["reason"]
    assert run["counts"]["products"]["failed"] == 2
    rows = {r["shop_id"]: r for r in bindings(stack, backend_id, "products", ("failed",))}
    assert set(rows) == {str(first["id"]), str(second["id"])}
    assert "required" in rows[str(first["id"])]["error"]
    assert rows[str(first["id"])]["attempts"] == 1
    messages = stack.erp_read_all("mail.message", [("model", "=", "satchmo.backend"),
                                                   ("res_id", "=", backend_id)], ["body"])
    assert any("failed" in (m["body"] or "") for m in messages)

    # fixed through the shop's admin: the feed brings it back
    stack.shop_edit("set", "product", first["id"], "name=Fixed through the feed")
    # fixed behind the feed's back: a person presses "Retry" on that row only
    stack.shop_sql("UPDATE product_product SET name = 'Fixed by hand' WHERE id = %s",
                   (second["id"],))
    stack.erp("satchmo.binding", "action_retry", [rows[str(second["id"])]["id"]])
    assert record(stack, backend_id, "products", second["id"], ["name"])["name"] == \
        "Fixed by hand"
    assert record(stack, backend_id, "products", first["id"],
                  ["name"])["binding"]["state"] == "failed"  # retry touched nothing else
    run = sync(stack, backend_id)
    assert run["counts"]["products"]["failed"] == 0
    found = record(stack, backend_id, "products", first["id"], ["name"])
    assert (found["name"], found["binding"]["state"]) == ("Fixed through the feed", "synced")
