"""Reconciliation against the real shop and OpenERP: a clean first sync agrees, then each
kind of difference is made the way a person makes it, found with its kind, and Import
again repairs those that can be repaired while the others say what to do.

One synced snapshot (test_sync_orders' first sync), several differences at once.
"""
import xmlrpc.client
from decimal import Decimal

from tests.e2e.test_sync_orders import money, rows, shop  # noqa: F401 (shop: the fixture)


def reconcile(stack, backend_id):
    """Press Reconcile on the shop form; the reconciliation record with its lines."""
    action = stack.erp("satchmo.backend", "action_reconcile", [backend_id])
    run = stack.erp("satchmo.reconciliation", "read", [action["res_id"]],
                    ["state", "order_count", "difference_count", "month_ids", "line_ids",
                     "seconds", "requests", "queries"])[0]
    run["lines"] = stack.erp("satchmo.reconciliation.line", "read", run["line_ids"],
                             ["resource", "shop_id", "kind", "repair", "advice", "detail",
                              "binding_id", "model", "res_id"])
    run["months"] = stack.erp("satchmo.reconciliation.month", "read", run["month_ids"],
                              ["month", "clean", "shop_total", "erp_total", "shop_count",
                               "erp_count"])
    return run


def workflow(stack, model, signal, record_id):
    """A workflow button as OpenERP's client presses it (XML-RPC exec_workflow)."""
    proxy = xmlrpc.client.ServerProxy(stack.erp_url + "/xmlrpc/object", allow_none=True)
    proxy.exec_workflow(stack.erp_db, stack.uid, stack.erp_password, model, signal, record_id)


def order_lines(run):
    return {l["shop_id"]: l for l in run["lines"] if l["resource"] == "orders"}


def known_exceptions(stack, backend_id):
    """Orders the first sync already put on the Failures list (their own or a payment's row)."""
    failing = stack.erp_read_all("satchmo.binding", [("backend_id", "=", backend_id),
                                                     ("state", "in", ["failed", "exception"])],
                                 ["resource", "shop_id", "order_binding_id"])
    by_id = {r["id"]: r["shop_id"] for r in rows(stack, backend_id, "orders").values()}
    return ({r["shop_id"] for r in failing if r["resource"] == "orders"}
            | {by_id[r["order_binding_id"][0]] for r in failing
               if r["resource"] == "payments" and r["order_binding_id"]})


def columns(stack, table, *left_out):
    found = stack.shop_sql("SELECT column_name FROM information_schema.columns WHERE "
                           "table_name = %s ORDER BY ordinal_position", (table,))
    return [c for (c,) in found if c not in ("id",) + left_out]


def insert_behind_the_feed(stack, source_id):
    """A copy of a shop order with its items and taxes (status New, no payment), written
    with SQL and taken out of the change log in the same transaction: the feed never
    tells OpenERP about it."""
    order = columns(stack, "shop_order", "status")
    item = columns(stack, "shop_orderitem", "order_id")
    tax = columns(stack, "shop_ordertaxdetail", "order_id")
    (new_id,) = stack.shop_sql(
        "WITH o AS (INSERT INTO shop_order (%s, status) SELECT %s, 'New' FROM shop_order"
        " WHERE id = %%(id)s RETURNING id),"
        " i AS (INSERT INTO shop_orderitem (order_id, %s) SELECT o.id, %s"
        " FROM shop_orderitem, o WHERE order_id = %%(id)s),"
        " t AS (INSERT INTO shop_ordertaxdetail (order_id, %s) SELECT o.id, %s"
        " FROM shop_ordertaxdetail, o WHERE order_id = %%(id)s)"
        " SELECT id FROM o" % (", ".join(order), ", ".join(order), ", ".join(item),
                               ", ".join("shop_orderitem." + c for c in item),
                               ", ".join(tax), ", ".join("shop_ordertaxdetail." + c
                                                         for c in tax)),
        {"id": int(source_id)})[0]
    stack.shop_sql("DELETE FROM satchmo_api_change WHERE seq IS NULL AND resource = 'orders'"
                   " AND object_id = %s", (new_id,))
    return str(new_id)


def test_differences_found_by_kind_and_repaired(shop):  # noqa: F811
    stack, backend_id, _ = shop
    clean = reconcile(stack, backend_id)
    ledger = {str(o["id"]): o for o in stack.api("ledger/orders/")["results"]}
    assert clean["order_count"] == len(ledger)
    print("reconciliation of the e2e store: %.2fs, %d requests, %d queries, %d orders"
          % (clean["seconds"], clean["requests"], clean["queries"], clean["order_count"]))
    # after a clean first sync only what the Failures list already shows differs
    held = known_exceptions(stack, backend_id)
    assert set(order_lines(clean)) <= held, (order_lines(clean), held)
    assert not [l for l in clean["lines"] if l["resource"] != "orders"], clean["lines"]
    assert any(m["clean"] for m in clean["months"])
    differing = {ledger[k]["time_stamp"][:7] for k in order_lines(clean)}
    assert all(m["clean"] for m in clean["months"] if m["month"] not in differing)

    order_rows = {k: r for k, r in rows(stack, backend_id, "orders").items() if k not in held}
    orders = stack.erp("sale.order", "read", [r["res_id"] for r in order_rows.values()],
                       ["state", "invoice_ids", "client_order_ref"])
    by_shop = {o["client_order_ref"]: o for o in orders}
    invoices = {i["id"]: i for i in stack.erp(
        "account.invoice", "read", [i for o in orders for i in o["invoice_ids"]],
        ["state", "journal_id", "invoice_line"])}
    open_unpaid = [k for k, o in by_shop.items() if o["invoice_ids"] and all(
        invoices[i]["state"] == "open" for i in o["invoice_ids"])
        and Decimal(ledger[k]["paid"]) == 0]
    paid = [k for k, o in by_shop.items() if o["invoice_ids"] and all(
        invoices[i]["state"] == "paid" for i in o["invoice_ids"])]
    cancelled = [k for k, o in by_shop.items() if o["state"] == "cancel"]
    assert len(open_unpaid) >= 2 and paid and cancelled, (open_unpaid, paid, cancelled)

    # an accountant allows cancelling entries on the journals (a person's first step)
    journals = {invoices[i]["journal_id"][0] for i in invoices}
    journals |= {v["journal_id"][0] for v in stack.erp_read_all(
        "account.voucher", [("satchmo_backend_id", "=", backend_id)], ["journal_id"])}
    stack.erp("account.journal", "write", sorted(journals), {"update_posted": True})

    # 1. an invoice cancelled by hand through OpenERP's workflow
    cancelled_invoice = open_unpaid[0]
    workflow(stack, "account.invoice", "invoice_cancel", by_shop[cancelled_invoice]["invoice_ids"][0])
    # 2. a hand-edited price: cancel, back to draft, edit a line's price, validate again
    edited = open_unpaid[1]
    invoice_id = by_shop[edited]["invoice_ids"][0]
    workflow(stack, "account.invoice", "invoice_cancel", invoice_id)
    stack.erp("account.invoice", "action_cancel_draft", [invoice_id])
    line_id = stack.erp("account.invoice", "read", [invoice_id], ["invoice_line"])[0][
        "invoice_line"][0]
    price = stack.erp("account.invoice.line", "read", [line_id], ["price_unit"])[0]["price_unit"]
    stack.erp("account.invoice.line", "write", [line_id], {"price_unit": price + 1})
    stack.erp("account.invoice", "button_reset_taxes", [invoice_id])
    workflow(stack, "account.invoice", "invoice_open", invoice_id)
    # 3. a payment deleted: its voucher cancelled (unreconciled), then deleted
    unpaid = paid[0]
    voucher_id = sorted(voucher_ids_of(stack, backend_id, unpaid))[0]
    stack.erp("account.voucher", "cancel_voucher", [voucher_id])
    stack.erp("account.voucher", "unlink", [voucher_id])
    # 4. an order deleted in OpenERP (a cancelled one: OpenERP deletes only those)
    deleted = cancelled[0]
    stack.erp("sale.order", "unlink", [by_shop[deleted]["id"]])
    # 5. an order inserted in the shop behind the feed's back
    inserted = insert_behind_the_feed(stack, open_unpaid[-1])

    found = reconcile(stack, backend_id)
    assert found["state"] == "differences"
    lines = order_lines(found)
    expected = {cancelled_invoice: ("invoice_cancelled", "person"),
                edited: ("invoice_edited", "person"), unpaid: ("payment_missing", "import"),
                deleted: ("missing", "import"), inserted: ("missing", "import")}
    assert {k: (lines[k]["kind"], lines[k]["repair"]) for k in expected if k in lines} == \
        expected, lines
    assert set(lines) - set(expected) <= held
    assert "posted invoice is never overwritten" in lines[edited]["advice"]
    assert lines[edited]["model"] == "account.invoice" and lines[edited]["res_id"] == invoice_id
    assert lines[unpaid]["binding_id"] and lines[unpaid]["model"] == "sale.order"
    bad_months = {m["month"] for m in found["months"] if not m["clean"]}
    assert {ledger[k]["time_stamp"][:7] for k in (cancelled_invoice, edited, unpaid, deleted)} \
        <= bad_months
    messages = stack.erp_read_all("mail.message", [("model", "=", "satchmo.backend"),
                                                   ("res_id", "=", backend_id)], ["body"])
    assert any("differences" in (m["body"] or "") and "satchmo.reconciliation" in m["body"]
               for m in messages)

    # Import again on every line: the repairable ones are imported, the others left alone
    ids = [lines[k]["id"] for k in expected]
    stack.erp("satchmo.reconciliation.line", "action_import_again", ids)
    states = {l["shop_id"]: l["state"] for l in stack.erp(
        "satchmo.reconciliation.line", "read", ids, ["shop_id", "state"])}
    assert states == {cancelled_invoice: "open", edited: "open", unpaid: "imported",
                      deleted: "imported", inserted: "imported"}, states
    after = order_lines(reconcile(stack, backend_id))
    assert {k: after[k]["kind"] for k in expected if k in after} == {
        cancelled_invoice: "invoice_cancelled", edited: "invoice_edited"}, after
    recreated = rows(stack, backend_id, "orders")
    assert stack.erp("sale.order", "read", [recreated[deleted]["res_id"]], ["state"])[0][
        "state"] == "cancel"
    assert money(stack.erp("sale.order", "read", [recreated[inserted]["res_id"]],
                           ["amount_total"])[0]["amount_total"]) == \
        Decimal(ledger[open_unpaid[-1]]["total"])


def voucher_ids_of(stack, backend_id, shop_order_id):
    """The vouchers the connector registered for one shop order (its payment rows)."""
    order_row = rows(stack, backend_id, "orders")[shop_order_id]
    payment_rows = stack.erp_read_all("satchmo.binding", [
        ("backend_id", "=", backend_id), ("resource", "=", "payments"),
        ("order_binding_id", "=", order_row["id"])], ["res_id"])
    return {r["res_id"] for r in payment_rows}
