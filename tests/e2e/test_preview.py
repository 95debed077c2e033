"""The preview of the next sync says what it would do and leaves no trace (issue 12, part 2).

From the copies ``synced_shop`` keeps right after a first sync: the shop
changes a product, gains a product and an order; the preview (the shop
form's button, over XML-RPC) must name each, and afterwards every table of
OpenERP's database holds as many rows as before, the cursor has not moved and
no sequence number a document takes (ir_sequence's no-gap counters and the
PostgreSQL sequences behind the standard ones) was consumed. A real sync
then still imports all of it.
"""
from .shopcheck import assert_in_step, simple_products, synced_shop

PREVIEW_TABLES = ("satchmo_preview", "satchmo_preview_count", "satchmo_preview_line")


def footprint(stack, backend_id):
    """Row counts of every table, ir_sequence counters, their PostgreSQL sequences, cursor."""
    tables = [name for (name,) in stack.erp_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
    counts = dict(stack.erp_sql(" UNION ALL ".join(
        "SELECT '%s', count(*) FROM \"%s\"" % (table, table) for table in tables)))
    numbers = dict(((name, implementation), number) for name, implementation, number in
                   stack.erp_sql("SELECT id || ' ' || name, implementation, number_next "
                                 "FROM ir_sequence"))
    behind = dict(stack.erp_sql(
        "SELECT sequencename, last_value FROM pg_sequences WHERE sequencename ~ "
        "'^ir_sequence_[0-9]+$'"))
    cursor = stack.erp_sql("SELECT cursor FROM satchmo_backend WHERE id = %s", (backend_id,))
    return {"rows": counts, "no_gap": numbers, "standard": behind, "cursor": cursor}


def test_the_preview_names_what_would_change_and_leaves_no_trace(stack):
    shop = synced_shop(stack)
    product = simple_products(stack)[0]
    stack.shop_edit("set", "product", product["id"], "name=Previewed shirt")
    category = stack.api_all("categories")[0]["id"]
    new_product = stack.shop_edit("new_product", "Preview mug", "PRV-MUG", "9.50", category)
    contact = stack.api_all("contacts")[0]["id"]
    order = stack.shop_edit("new_order", contact, "%d:2" % product["id"])
    before = footprint(stack, shop.backend_id)

    action = stack.erp("satchmo.backend", "action_preview", [shop.backend_id])
    assert action["res_model"] == "satchmo.preview"
    preview = stack.erp("satchmo.preview", "read", [action["res_id"]],
                        ["state", "mode", "position", "line_ids", "count_ids", "bounds"])[0]
    after = footprint(stack, shop.backend_id)

    lines = dict(((line["resource"], line["shop_id"]), line) for line in stack.erp(
        "satchmo.preview.line", "read", preview["line_ids"],
        ["resource", "shop_id", "outcome", "reason", "changes", "name"]))
    assert (preview["state"], preview["mode"]) == ("done", "feed")
    assert [preview["position"]] == [row[0] for row in before["cursor"]]
    renamed = lines[("products", str(product["id"]))]
    assert renamed["outcome"] == "update"
    assert "%s -> Previewed shirt" % product["name"] in renamed["changes"]
    assert lines[("products", str(new_product))]["outcome"] == "create"
    ordered = lines[("orders", str(order))]
    assert ordered["outcome"] == "create", ordered
    assert "Would then confirm the order" in (ordered["reason"] or "")

    for table in PREVIEW_TABLES:  # the one thing a preview keeps: itself
        assert after["rows"].pop(table) > before["rows"].pop(table)
    changed = dict((table, (n, after["rows"][table])) for table, n in before["rows"].items()
                   if after["rows"][table] != n)
    assert not changed, "the preview left rows behind: %s" % changed
    assert after["no_gap"] == before["no_gap"]
    assert after["standard"] == before["standard"]
    assert after["cursor"] == before["cursor"]

    run = shop.sync()  # the real run still finds all of it
    assert run["state"] == "done", run["reason"]
    assert shop.record("products", product["id"], ["name"])["name"] == "Previewed shirt"
    assert shop.binding("orders", order)["state"] == "synced"
    assert_in_step(shop)
