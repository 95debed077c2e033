"""Status rules against the real shop: Blocked orders stay drafts, a cancelled invoice refunded.

A Blocked order (Satchmo's status for a suspected fraud, set through its own
``add_status``) is a draft sale order without invoice. An order the shop
cancels after OpenERP invoiced it is an exception offering **Refund**; one
click refunds the invoice (OpenERP's refund wizard) and the row says which
refund. With *Refund invoices of cancelled orders* on, the run refunds itself.
"""
from tests.e2e.shopcheck import assert_run, simple_products, synced_shop


def invoiced_orders(stack, shop):
    """Shop ids of orders whose OpenERP invoice is validated, with that invoice."""
    found = []
    for row in shop.bindings("orders", states=["synced"]):
        sale = stack.erp("sale.order", "read", [row["res_id"]], ["invoice_ids"])[0]
        for invoice in stack.erp("account.invoice", "read", sale["invoice_ids"],
                                 ["state", "amount_total"]):
            if invoice["state"] in ("open", "paid"):
                found.append((row["shop_id"], invoice))
    return found


def test_blocked_stays_a_draft_and_a_cancelled_invoiced_order_is_refunded(stack):
    shop = synced_shop(stack)
    contact = stack.api_all("contacts")[0]
    product = simple_products(stack)[0]
    blocked = stack.shop_edit("new_order", contact["id"], "%s:1" % product["id"])
    stack.shop_edit("status", blocked, "Blocked")
    (by_click, invoice), (by_switch, _) = invoiced_orders(stack, shop)[:2]
    stack.shop_edit("cancel", by_click)

    assert_run(shop.sync(), "done")
    row = shop.binding("orders", blocked)
    assert row["state"] == "synced", row
    sale = stack.erp("sale.order", "read", [row["res_id"]], ["state", "invoice_ids"])[0]
    assert (sale["state"], sale["invoice_ids"]) == ("draft", [])

    row = shop.binding("orders", by_click)
    assert row["state"] == "exception" and "press Refund" in row["error"], row
    stack.erp("satchmo.binding", "action_refund", [row["id"]])
    row = stack.erp("satchmo.binding", "read", [row["id"]], ["state", "refund_id", "note"])[0]
    assert row["state"] == "synced" and row["refund_id"] and "refund" in row["note"], row
    refund = stack.erp("account.invoice", "read", [row["refund_id"][0]],
                       ["type", "amount_total"])[0]
    assert (refund["type"], refund["amount_total"]) == ("out_refund", invoice["amount_total"])

    shop.set(refund_cancelled=True)
    stack.shop_edit("cancel", by_switch)
    assert_run(shop.sync(), "done")
    row = stack.erp("satchmo.binding", "read", [shop.binding("orders", by_switch)["id"]],
                    ["state", "refund_id", "note", "error"])[0]
    assert row["state"] == "synced" and row["refund_id"], row
    assert "refund" in row["note"]
