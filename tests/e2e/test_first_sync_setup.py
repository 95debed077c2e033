"""A first sync of a shop with history: the setup checklist, the history policy, the tax return.

On the real company's database of the suite (tests/harness/company.py: books
2024-2026, the shop's taxes on the chart's output tax account with their
codes, mapped on the shop form). The accounting start date is moved to
2026-01-01 so that the store's older orders (from 2024-11) are history, or
skipped. Two first syncs (one per history choice), each once per session.
"""
from collections import defaultdict
from decimal import Decimal

import pytest

from tests.e2e.shopcheck import Connected

CENT = Decimal("0.01")
START = "2026-01-01"


def money(value):
    return Decimal(repr(value) if isinstance(value, float) else str(value)).quantize(CENT)


def mapped_taxes(stack, backend_id):
    """The shop's taxes as the accountant mapped them, and their output tax accounts."""
    lines = stack.erp("satchmo.backend", "read", [backend_id], ["tax_map_ids"])[0]["tax_map_ids"]
    taxes = sorted(set(m["tax_id"][0] for m in stack.erp("satchmo.tax.map", "read", lines,
                                                          ["tax_id"])))
    accounts = set(t["account_collected_id"][0] for t in stack.erp(
        "account.tax", "read", taxes, ["account_collected_id"]))
    return accounts, taxes


def set_up(stack, **values):
    backend_id = stack.connect(page_size=50, **values)
    accounts, taxes = mapped_taxes(stack, backend_id)
    return Connected.attach(stack, backend_id, True, (), ()), accounts, taxes


def first_sync(stack, policy):
    shop, accounts, taxes = set_up(stack, history_policy=policy, accounting_start_date=START)
    run = shop.sync()
    assert run["state"] == "done", run["reason"]
    return shop.backend_id, run, sorted(accounts), taxes


@pytest.fixture(params=["history", "skip"])
def synced(stack, request):
    backend_id, run, account, taxes = stack.once("first_sync_" + request.param,
                                                 lambda: first_sync(stack, request.param))
    return request.param, Connected.attach(stack, backend_id, True, (), ()), run, account, taxes


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
    company = stack.erp("satchmo.backend", "read", [shop.backend_id],
                        ["company_id"])[0]["company_id"][0]
    lines = check_lines(stack, shop.backend_id)
    assert [n for n, l in lines.items() if l["state"] == "todo"] == [], lines
    assert "USD (the shop says)" in lines["Currency"]["message"]
    stack.erp("res.company", "write", [company],
              {"tax_calculation_rounding_method": "round_per_line"})
    shop.set(accounting_start_date="2023-01-01")
    euro = stack.erp("res.currency", "search", [("name", "=", "EUR")], 0, 1, False,
                     {"active_test": False})[0]
    usd_pricelist = stack.erp("satchmo.backend", "read", [shop.backend_id],
                              ["pricelist_id"])[0]["pricelist_id"][0]
    shop.set(pricelist_id=stack.erp("product.pricelist", "create", {
        "name": "Euro prices", "type": "sale", "currency_id": euro}))
    lines = check_lines(stack, shop.backend_id)
    assert lines["Shop reachable, token valid"]["state"] == "ok"
    assert "pricelist Euro prices is in EUR" in lines["Currency"]["message"]
    assert lines["Tax rounding"]["state"] == "todo"
    assert "fiscal year of 2023" in lines["Accounting periods"]["message"]
    run = shop.sync()  # the first sync does not start: nothing imported
    assert run["state"] == "failed" and "did not start" in run["reason"], run["reason"]
    assert not shop.bindings()
    stack.erp("satchmo.backend", "action_set_round_globally", [shop.backend_id])
    shop.set(pricelist_id=usd_pricelist, accounting_start_date="2024-01-01")
    lines = check_lines(stack, shop.backend_id)
    assert [n for n, l in lines.items() if l["state"] == "todo"] == [], lines
    shop.set(api_token="wrong")
    lines = check_lines(stack, shop.backend_id, press=False)
    assert lines["Shop reachable, token valid"]["state"] == "todo"


def test_first_sync_books_each_order_in_its_own_period_or_keeps_it_as_history(synced):
    policy, shop, run, accounts, taxes = synced
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
        assert row["state"] == "synced", row["error"]
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
    policy, shop, run, accounts, taxes = synced
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
    assert set(i["account_id"][0] for i in items) == set(accounts)
    on_account = stack.erp_read_all("account.move.line", [("account_id", "in", accounts),
                                                          ("move_id", "in", moves)],
                                    ["credit", "debit"])
    assert sum(money(i["credit"]) - money(i["debit"]) for i in on_account) == shop_tax
    purchase = set(t["account_collected_id"][0] for t in stack.erp_read_all(
        "account.tax", [("type_tax_use", "=", "purchase")], ["account_collected_id"])
        if t["account_collected_id"])
    assert purchase and not purchase & set(accounts)
    assert not stack.erp("account.move.line", "search", [("account_id", "in", list(purchase))])
    assert not stack.erp("account.tax", "search", [("name", "like", "Satchmo%")])
