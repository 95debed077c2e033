"""A first sync of a shop with history: the setup checklist, the history policy, the tax return.

The company is set up as an accountant would for it (README, "Configure a
shop"): one sale tax per shop rate, with its tax and base codes, on the
chart's output-tax account; the shop's currency typed in "Shop currency"
(the shop's API does not tell it yet). The e2e store's orders run from
2024-11 to 2026-10 and this database's books hold 2026 only, so the
accounting start date is 2026-01-01: older orders are history (or skipped).
Two first syncs (one per history choice), each once per session (Stack.once).
"""
from collections import defaultdict
from decimal import Decimal

import pytest

from tests.e2e.shopcheck import Connected

CENT = Decimal("0.01")
START = "2026-01-01"


def money(value):
    return Decimal(repr(value) if isinstance(value, float) else str(value)).quantize(CENT)


def company_taxes(stack):
    """One company sale tax per rate the shop uses, as the chart has them: codes, account."""
    rates = [Decimal(r) for (r,) in stack.shop_sql("SELECT DISTINCT percentage FROM area_taxrate")]
    account = stack.erp("ir.model.data", "get_object_reference", "account", "ova")[1]
    company = stack.erp("ir.model.data", "get_object_reference", "base", "main_company")[1]
    made = {}
    for rate in rates:
        label = "Sales tax %s%%" % format(rate * 100, "f").rstrip("0").rstrip(".")
        made[rate] = stack.erp("account.tax", "create", {
            "name": label, "amount": float(rate), "type": "percent", "type_tax_use": "sale",
            "price_include": False, "company_id": company,
            "account_collected_id": account, "account_paid_id": account,
            "tax_code_id": stack.erp("account.tax.code", "create", {"name": label + " tax"}),
            "base_code_id": stack.erp("account.tax.code", "create", {"name": label + " base"}),
        })
    return account, made


def set_up(stack, **values):
    stack.erp("res.company", "write", [stack.erp("ir.model.data", "get_object_reference",
                                                 "base", "main_company")[1]],
              {"tax_calculation_rounding_method": "round_globally"})
    account, taxes = company_taxes(stack)
    shop = Connected(stack, shop_currency="EUR", accounting_start_date=START, **values)
    return shop, account, taxes


def first_sync(stack, policy):
    shop, account, taxes = set_up(stack, history_policy=policy)
    run = shop.sync()
    assert run["state"] == "done", run["reason"]
    return shop.backend_id, run, account, sorted(taxes.values())


@pytest.fixture(params=["history", "skip"])
def synced(stack, request):
    backend_id, run, account, taxes = stack.once("first_sync_" + request.param,
                                                 lambda: first_sync(stack, request.param))
    return request.param, Connected.attach(stack, backend_id, True, (), ()), run, account, taxes


def per_group_rounding(row):
    """An order held because its draft invoice rounds tax per tax code, a cent off the shop.

    With a tax code per rate (as charts have them), OpenERP 7 rounds an invoice's tax
    per code; correcting that cent is issue 11's rounding part, not this test's.
    """
    error = row["error"] or ""
    return (row["state"] == "exception" and "the invoice differs from the shop" in error
            and ("difference 0.01" in error or "difference -0.01" in error))


def check_lines(stack, backend_id, press=True):
    """The checklist after Test connection (``press``) or, when the shop refuses the token
    (Test connection then says so in a dialog), after the checklist alone."""
    if press:
        stack.erp("satchmo.backend", "action_test_connection", [backend_id])
    else:
        stack.erp("satchmo.backend", "run_checklist", backend_id)
    ids = stack.erp("satchmo.backend", "read", [backend_id], ["check_line_ids"])[0][
        "check_line_ids"]
    return dict((l["name"], l) for l in stack.erp("satchmo.check.line", "read", ids,
                                                  ["name", "state", "message", "blocking"]))


def test_checklist_lines_turn_red_by_a_fault_and_green_by_its_fix(fresh_stack):
    stack = fresh_stack
    shop, _, _ = set_up(stack)
    company = stack.erp("ir.model.data", "get_object_reference", "base", "main_company")[1]
    stack.erp("res.company", "write", [company],
              {"tax_calculation_rounding_method": "round_per_line"})
    shop.set(shop_currency=False, accounting_start_date="2025-01-01")
    lines = check_lines(stack, shop.backend_id)
    assert lines["Shop reachable, token valid"]["state"] == "ok"
    assert lines["Currency"]["state"] == "todo" and "Shop currency" in lines["Currency"]["message"]
    assert lines["Tax rounding"]["state"] == "todo"
    assert "fiscal year of 2025" in lines["Accounting periods"]["message"]
    run = shop.sync()  # the first sync does not start: nothing imported
    assert run["state"] == "failed" and "did not start" in run["reason"], run["reason"]
    assert not shop.bindings()
    shop.set(shop_currency="USD")
    assert "sells in USD" in check_lines(stack, shop.backend_id)["Currency"]["message"]
    stack.erp("satchmo.backend", "action_set_round_globally", [shop.backend_id])
    shop.set(shop_currency="EUR", accounting_start_date=START)
    lines = check_lines(stack, shop.backend_id)
    assert [n for n, l in lines.items() if l["state"] == "todo"] == [], lines
    shop.set(api_token="wrong")
    lines = check_lines(stack, shop.backend_id, press=False)
    assert lines["Shop reachable, token valid"]["state"] == "todo"


def test_first_sync_books_each_order_in_its_own_period_or_keeps_it_as_history(synced):
    policy, shop, run, account, taxes = synced
    stack = shop.stack
    orders = [o for o in stack.api_all("orders") if o["status"] != "Temp"]
    old = [o for o in orders if o["time_stamp"][:10] < START]
    new = [o for o in orders if o["time_stamp"][:10] >= START]
    assert old and new
    rows = dict((r["shop_id"], r) for r in shop.bindings("orders"))
    if policy == "skip":
        assert not [o for o in old if str(o["id"]) in rows]
        assert run["counts"]["orders"]["skipped"] >= len(old)
    else:
        for order in old:
            record = stack.erp("sale.order", "read", [rows[str(order["id"])]["res_id"]],
                               ["state", "invoice_ids", "date_order"])[0]
            assert record["state"] == ("cancel" if order["status"] == "Cancelled" else "done")
            assert not record["invoice_ids"] and record["date_order"] == order["time_stamp"][:10]
    per_period = defaultdict(int)
    periods = dict((p["id"], p) for p in stack.erp_read_all(
        "account.period", [], ["date_start", "date_stop"]))
    for order in new:
        row = rows[str(order["id"])]
        assert row["state"] == "synced" or per_group_rounding(row), row["error"]
        if order["status"] == "Cancelled":
            continue
        for invoice in order_invoices(stack, row):
            day = order["time_stamp"][:10]
            assert invoice["date_invoice"] == day
            period = periods[invoice["period_id"][0]]
            assert period["date_start"] <= day <= period["date_stop"]
            per_period[invoice["period_id"][1]] += 1
    assert sum(per_period.values()) == len([o for o in new if o["status"] != "Cancelled"])
    # every entry of the shop's invoices and payments lies in its own period, none before
    moves = stack.erp_read_all("account.move", [("journal_id.type", "in",
                                                 ("sale", "bank", "cash"))],
                               ["date", "period_id"])
    assert moves and all(m["date"] >= START for m in moves)
    assert all(periods[m["period_id"][0]]["date_start"] <= m["date"]
               <= periods[m["period_id"][0]]["date_stop"] for m in moves)


def order_invoices(stack, row):
    record = stack.erp("sale.order", "read", [row["res_id"]], ["invoice_ids"])[0]
    return stack.erp("account.invoice", "read", record["invoice_ids"],
                     ["date_invoice", "period_id", "move_id", "state"])


def test_the_tax_return_equals_the_shop_tax_on_sale_tax_accounts_only(synced):
    policy, shop, run, account, taxes = synced
    stack = shop.stack
    rows = dict((r["shop_id"], r) for r in shop.bindings("orders"))
    shop_tax, moves = Decimal(0), []
    for order in stack.api_all("orders"):
        row = rows.get(str(order["id"]))
        if not row or order["status"] == "Cancelled":
            continue
        posted = [i for i in order_invoices(stack, row) if i["state"] in ("open", "paid")]
        if posted:
            shop_tax += Decimal(order["tax"])
            moves += [i["move_id"][0] for i in posted]
    assert moves and shop_tax
    codes = stack.erp("account.tax", "read", taxes, ["tax_code_id", "base_code_id"])
    tax_codes = [c["tax_code_id"][0] for c in codes]
    items = stack.erp_read_all("account.move.line", [("tax_code_id", "in", tax_codes),
                                                     ("move_id", "in", moves)],
                               ["account_id", "tax_amount", "credit", "debit"])
    assert sum(money(i["tax_amount"]) for i in items) == shop_tax
    assert set(i["account_id"][0] for i in items) == {account}
    on_account = stack.erp_read_all("account.move.line", [("account_id", "=", account),
                                                          ("move_id", "in", moves)],
                                    ["credit", "debit"])
    assert sum(money(i["credit"]) - money(i["debit"]) for i in on_account) == shop_tax
    purchase_tax = stack.erp("ir.model.data", "get_object_reference", "account", "iva")[1]
    assert not stack.erp("account.move.line", "search", [("account_id", "=", purchase_tax)])
    assert not stack.erp("account.tax", "search", [("name", "like", "Satchmo%")])
