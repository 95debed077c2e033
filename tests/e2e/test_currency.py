"""A shop selling in EUR on the USD company: orders, invoices, payments, exchange differences.

The same generated store runs with Satchmo's own currency setting set to EUR
(tests/shop/settings.py, SHOP_CURRENCY); in OpenERP an accountant sets up
what README's accounting section lists: EUR rates typed on the currency's
form at dated points, a EUR pricelist, a EUR bank account and journal for the
shop's payment module (tests/harness/currencies.py). One order the shop
shows partly paid is paid in full in the shop today, at today's rate, so its
final payment closes an invoice booked at an older rate: an exchange
difference. Everything is read back as an accountant would (invoices,
journal items, reconciliations) and the connector's voucher is compared with
the voucher OpenERP's own onchange and "Validate" make on a twin invoice.
"""
import datetime
import xmlrpc.client
from decimal import Decimal

import pytest

from tests.e2e.test_sync_orders import make_backend, money, rows, sync
from tests.harness import company, currencies

SHOP_CURRENCY = "EUR"


@pytest.fixture
def eur_shop(stack):
    """The store in EUR after its first sync (once per session), servers back in USD after."""
    def first_sync():
        # the books start on the day of the shop's latest partly paid order: the orders
        # before are not imported (README's history policy), which keeps this test short
        order, _ = max(partly_paid(stack.api_all("orders")), key=lambda o: o[0]["time_stamp"])
        setup = {"start": order["time_stamp"][:10], "order": order["id"]}
        backend_id = make_backend(stack, accounting_start_date=setup["start"],
                                  history_policy="skip")
        setup.update(currencies.foreign_shop(stack.rpc, backend_id, SHOP_CURRENCY))
        return backend_id, setup, sync(stack, backend_id)

    stack.servers.shop.currency = SHOP_CURRENCY
    try:
        yield stack.once("eur_shop_first_sync", first_sync)
    finally:
        stack.servers.shop.currency = None
        stack.start()  # the shop back in its own currency for the tests after


def move_lines(stack, move_id):
    return stack.erp_read_all("account.move.line", [("move_id", "=", move_id)], [
        "account_id", "debit", "credit", "amount_currency", "currency_id", "reconcile_id",
        "partner_id"])


def assert_balanced(stack, move_id):
    lines = move_lines(stack, move_id)
    assert money(sum(l["debit"] for l in lines)) == money(sum(l["credit"] for l in lines)), lines


def partly_paid(orders):
    """The shop's orders paid in part (money received, something still owed)."""
    found = []
    for order in orders:
        paid = sum(Decimal(p["amount"]) for p in order["payments"] if p["kind"] == "payment")
        if order["status"] not in ("Cancelled", "Temp") and Decimal(0) < paid < Decimal(
                order["total"]):
            found.append((order, Decimal(order["total"]) - paid))
    return found


def shop_totals(order):
    """The shop's tax and total of an order, and its untaxed amount (the total less tax)."""
    total, tax = Decimal(order["total"]), Decimal(order["tax"])
    return {"untaxed": money(total - tax), "tax": money(tax), "total": money(total)}


def erp_totals(record):
    return {"untaxed": money(record["amount_untaxed"]), "tax": money(record["amount_tax"]),
            "total": money(record["amount_total"])}


TOTALS = ["currency_id", "amount_untaxed", "amount_tax", "amount_total"]


def test_eur_shop_on_a_usd_company_lands_to_the_cent_and_reconciled(stack, eur_shop):
    backend_id, setup, first = eur_shop
    assert stack.api("shop/")["currency"] == SHOP_CURRENCY
    company_id = company.user_company(stack.rpc)
    accounts = stack.erp("res.company", "read", [company_id], [
        "currency_id", "income_currency_exchange_account_id",
        "expense_currency_exchange_account_id"])[0]
    usd = accounts["currency_id"][0]
    exchange = {accounts["income_currency_exchange_account_id"][0],
                accounts["expense_currency_exchange_account_id"][0]}
    # the customer pays the rest today, at today's rate
    ((order, rest),) = [o for o in partly_paid(stack.api_all("orders"))
                        if o[0]["id"] == setup["order"]]
    stack.shop_edit("pay", order["id"], rest)
    sync(stack, backend_id)

    orders = [o for o in stack.api_all("orders") if o["status"] != "Temp"
              and o["time_stamp"][:10] >= setup["start"]]
    assert orders
    for shop_order, invoice, paid in booked_orders(stack, backend_id, orders,
                                                   setup["currency"]):
        # company currency: each line converted by OpenERP's own function at the invoice's
        # date (the receivable is their sum, so it may differ by a cent from the converted
        # total), not at today's rate
        receivable = receivable_line(stack, invoice)
        assert money(receivable["amount_currency"]) == money(invoice["amount_total"])
        for item in move_lines(stack, invoice["move_id"][0]):
            if item["id"] != receivable["id"] and item["amount_currency"]:
                assert money(item["debit"] + item["credit"]) == money(stack.erp(
                    "res.currency", "compute", setup["currency"], usd,
                    abs(item["amount_currency"]), context={"date": invoice["date_invoice"]}))
        if paid >= Decimal(shop_order["total"]):
            assert invoice["state"] == "paid", shop_order["id"]
            assert_reconciled_to_zero(stack, receivable)
    vouchers = stack.erp_read_all("account.voucher", [("satchmo_backend_id", "=", backend_id)],
                                  ["state", "currency_id", "move_id", "date", "amount",
                                   "partner_id", "journal_id", "line_cr_ids", "period_id"])
    assert vouchers and all(v["state"] == "posted" for v in vouchers)
    assert all(v["currency_id"][0] == setup["currency"] for v in vouchers)
    for voucher in vouchers:
        assert_balanced(stack, voucher["move_id"][0])
    # the order paid today: its last voucher booked the exchange difference
    row = rows(stack, backend_id, "orders")[str(order["id"])]
    (invoice_id,) = stack.erp("sale.order", "read", [row["res_id"]],
                              ["invoice_ids"])[0]["invoice_ids"]
    own = sorted((v for v in vouchers if invoice_of(stack, v) == invoice_id),
                 key=lambda v: (v["date"], v["id"]))
    assert len(own) >= 2 and own[-1]["date"] == datetime.date.today().isoformat()
    last_lines = move_lines(stack, own[-1]["move_id"][0])
    assert [l for l in last_lines if l["account_id"][0] in exchange], last_lines
    # what OpenERP's own "Register Payment" makes on a twin invoice, paid the same days
    twin = twin_invoice(stack, invoice_id)
    for voucher in own:
        hand = hand_voucher(stack, twin, voucher)
        assert entries(stack, hand) == entries(stack, voucher), (voucher, hand)
    assert stack.erp("account.invoice", "read", [twin], ["state"])[0]["state"] == "paid"
    print("EUR shop on the USD company: %d orders, %d vouchers, first sync %.1fs"
          % (len(orders), len(vouchers), first["seconds"]))


def booked_orders(stack, backend_id, orders, currency):
    """(shop order, its invoice, what its synced payments paid) of each order not cancelled,
    each checked by ``booked_invoice``."""
    order_rows = rows(stack, backend_id, "orders")
    payment_rows = rows(stack, backend_id, "payments")
    for shop_order in orders:
        invoice = booked_invoice(stack, order_rows[str(shop_order["id"])], shop_order, currency)
        if invoice is not None:
            yield shop_order, invoice, sum(
                Decimal(p["amount"]) for p in shop_order["payments"]
                if p["kind"] == "payment" and payment_rows[p["key"]]["state"] == "synced")


def booked_invoice(stack, row, shop_order, currency):
    """The order synced, its sale order and invoice in ``currency`` with the shop's totals,
    the invoice's entry balanced; the invoice (None for a cancelled order)."""
    assert row["state"] == "synced", (shop_order["id"], row["error"])
    record = stack.erp("sale.order", "read", [row["res_id"]], TOTALS + ["invoice_ids"])[0]
    assert record["currency_id"][0] == currency
    assert erp_totals(record) == shop_totals(shop_order), shop_order["id"]
    if shop_order["status"] == "Cancelled":
        return None
    (invoice,) = stack.erp("account.invoice", "read", record["invoice_ids"], TOTALS + [
        "state", "residual", "move_id", "date_invoice", "account_id"])
    assert invoice["currency_id"][0] == currency
    assert erp_totals(invoice) == shop_totals(shop_order), shop_order["id"]
    assert_balanced(stack, invoice["move_id"][0])
    return invoice


def assert_reconciled_to_zero(stack, receivable):
    """The invoice's receivable line is fully reconciled, and its reconciliation is zero."""
    assert receivable["reconcile_id"], receivable
    lines = stack.erp_read_all("account.move.line", [
        ("reconcile_id", "=", receivable["reconcile_id"][0])], ["debit", "credit"])
    assert money(sum(l["debit"] - l["credit"] for l in lines)) == 0, lines


def receivable_line(stack, invoice):
    """The invoice's own receivable journal item (on its account, the debit)."""
    (line,) = [l for l in move_lines(stack, invoice["move_id"][0])
               if l["account_id"][0] == invoice["account_id"][0] and l["debit"]]
    return line


def invoice_of(stack, voucher):
    lines = stack.erp("account.voucher.line", "read", voucher["line_cr_ids"], ["move_line_id"])
    moves = stack.erp("account.move.line", "read",
                      [l["move_line_id"][0] for l in lines if l["move_line_id"]], ["invoice"])
    invoices = {m["invoice"][0] for m in moves if m["invoice"]}
    return invoices.pop() if len(invoices) == 1 else None


def twin_invoice(stack, invoice_id):
    """A copy of the invoice, same day, validated with its own button."""
    day = stack.erp("account.invoice", "read", [invoice_id], ["date_invoice"])[0]
    twin = stack.erp("account.invoice", "copy", invoice_id,
                     {"date_invoice": day["date_invoice"]})
    stack.erp("account.invoice", "button_reset_taxes", [twin])
    # the invoice's "Validate" button: its workflow's signal
    proxy = xmlrpc.client.ServerProxy(stack.erp_url + "/xmlrpc/object", allow_none=True)
    proxy.exec_workflow(stack.erp_db, stack.uid, stack.erp_password, "account.invoice",
                        "invoice_open", twin)
    return twin


def hand_voucher(stack, twin, voucher):
    """The voucher the twin's "Register Payment" proposes for the same amount and day."""
    invoice = stack.erp("account.invoice", "read", [twin], [
        "move_id", "partner_id", "company_id", "currency_id", "account_id"])[0]
    line = receivable_line(stack, invoice)
    partner = stack.erp("res.partner", "read", [invoice["partner_id"][0]],
                        ["commercial_partner_id"])[0]["commercial_partner_id"][0]
    context = {"invoice_id": twin, "move_line_ids": [line["id"]], "type": "receipt",
               "payment_expected_currency": invoice["currency_id"][0]}
    journal = voucher["journal_id"][0]
    values = stack.erp("account.voucher", "onchange_journal", [], journal, [], False, partner,
                       voucher["date"], voucher["amount"], "receipt",
                       invoice["company_id"][0], context)["value"]
    period = voucher["period_id"][0]
    values = dict((k, v) for k, v in values.items() if k in (
        "account_id", "payment_rate", "payment_rate_currency_id", "line_cr_ids",
        "currency_id", "pre_line"))
    values.update(partner_id=partner, journal_id=journal, amount=voucher["amount"],
                  date=voucher["date"], period_id=period, type="receipt",
                  line_cr_ids=[(0, 0, l) for l in values.get("line_cr_ids") or []
                               if isinstance(l, dict)], line_dr_ids=[])
    values.pop("currency_id", None)
    hand = stack.erp("account.voucher", "create", values, context)
    stack.erp("account.voucher", "button_proforma_voucher", [hand], context)
    return stack.erp("account.voucher", "read", [hand], ["move_id", "state"])[0]


def entries(stack, voucher):
    """A voucher's journal items as an accountant compares them: account, debit, credit,
    amount in the invoice's currency."""
    lines = move_lines(stack, voucher["move_id"][0])
    return sorted((l["account_id"][0], money(l["debit"]), money(l["credit"]),
                   money(l["amount_currency"])) for l in lines)
