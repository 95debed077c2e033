"""Two shops in two currencies on one company in a third: every order, payment and ledger.

The generated store runs in EUR (the instance's shop) and a second store,
generated with another seed into its own database, runs in GBP on its own
port (the harness's second shop, servers.py); both are shops of the one USD
company, each set up as README's accounting section says (its currency's
rates, a pricelist, a bank account and journal in its currency,
tests/harness/currencies.py). The second shop's backend is a copy of the
first's form (journals, tax mapping), pointed at its own URL and token.
Both are synced in the same OpenERP database one after the other; then the
customer of the GBP shop's latest partly paid order pays the rest today, at
today's rate. Each backend imports only the orders from its latest partly
paid one on (the history policy), which keeps the test short.

Read back as an accountant: every order of both shops synced, each order
and invoice in its shop's currency with the shop's totals; every fully paid
invoice paid and reconciled, a partly paid one open for what the shop says
is owed; an exchange difference where the rate changed between invoice and
payment; and the company-currency ledger balanced: debits equal credits over
every posted entry, and each customer's receivable equals what OpenERP says
their open invoices still owe in company currency (their receivable items'
residual amounts).
"""
import datetime
from decimal import Decimal

import pytest

from tests.e2e.test_currency import (
    assert_reconciled_to_zero, booked_orders, invoice_of, move_lines, partly_paid,
    receivable_line)
from tests.e2e.test_sync_orders import make_backend, money, rows, sync
from tests.e2e.stack import E2E_SIZES
from tests.harness import company, currencies
from tests.harness.clients import ShopApi

CURRENCIES = ("EUR", "GBP")  # the first shop's and the second's; the company is in USD
OTHER_SHOP_DB = "shop2_e2e"
OTHER_SEED = E2E_SIZES["seed"] + 1


class OtherShop:
    """The second shop server, its database and API, as a test reaches them."""

    def __init__(self, stack):
        self.server = stack.servers.other_shop
        self.server.currency = CURRENCIES[1]
        self.build_seconds = self.server.build(OTHER_SHOP_DB,
                                               generate=dict(E2E_SIZES, seed=OTHER_SEED))
        self.token = self.server.api_token(OTHER_SHOP_DB)
        self.server.start(OTHER_SHOP_DB)
        self.api = ShopApi(self.server.url + "/api/v1/", self.token)

    def pay(self, order_id, amount):
        self.server.manage(OTHER_SHOP_DB, "shop_edit", "pay", str(order_id), str(amount),
                           capture=True)

    def stop(self):
        self.server.stop()
        self.server.currency = None


def books_start(orders):
    """The day of the shop's latest partly paid order: the books start there."""
    order, _ = max(partly_paid(orders), key=lambda o: o[0]["time_stamp"])
    return order


@pytest.fixture
def two_shops(stack):
    stack.servers.shop.currency = CURRENCIES[0]
    stack.reset()
    other = OtherShop(stack)
    try:
        yield other
    finally:
        other.stop()
        stack.servers.shop.currency = None
        stack.start()  # the first shop back in its own currency for the tests after


def test_two_shops_in_two_currencies_on_a_usd_company_balance(stack, two_shops):
    other = two_shops
    apis = [stack.shop_api, other.api]
    assert [api.get("shop/")["currency"] for api in apis] == list(CURRENCIES)
    latest = [books_start(api.all("orders", 200)) for api in apis]
    first = make_backend(stack, accounting_start_date=latest[0]["time_stamp"][:10],
                         history_policy="skip")
    second = stack.erp("satchmo.backend", "copy", first, {
        "name": "E2E shop (%s)" % CURRENCIES[1], "url": other.server.url,
        "accounting_start_date": latest[1]["time_stamp"][:10]})
    stack.erp("satchmo.backend", "write", [second], {"api_token": other.token})
    backends = [first, second]
    setups = [currencies.foreign_shop(stack.rpc, backend, code)
              for backend, code in zip(backends, CURRENCIES)]
    runs = [sync(stack, backend) for backend in backends]  # one after the other
    # the GBP customer pays the rest today, at today's rate
    ((order, rest),) = [o for o in partly_paid(other.api.all("orders", 200))
                        if o[0]["id"] == latest[1]["id"]]
    other.pay(order["id"], rest)
    sync(stack, second)

    for api, backend, setup, start in zip(apis, backends, setups, latest):
        check_shop(stack, api, backend, setup, start["time_stamp"][:10])
    check_exchange_difference(stack, backends[1], order["id"])
    check_ledger(stack)
    print("two shops (EUR, GBP) on the USD company: second store built in %.0fs, "
          "first syncs %.1fs and %.1fs" % (other.build_seconds, runs[0]["seconds"],
                                           runs[1]["seconds"]))


def check_shop(stack, api, backend_id, setup, start):
    """Every order of the shop since the books started: its totals, its invoice, its payments."""
    orders = [o for o in api.all("orders", 200)
              if o["status"] != "Temp" and o["time_stamp"][:10] >= start]
    assert orders
    for shop_order, invoice, paid in booked_orders(stack, backend_id, orders,
                                                   setup["currency"]):
        if paid >= Decimal(shop_order["total"]):
            assert invoice["state"] == "paid", shop_order["id"]
            assert_reconciled_to_zero(stack, receivable_line(stack, invoice))
        else:
            assert invoice["state"] == "open", shop_order["id"]
            assert money(invoice["residual"]) == money(Decimal(shop_order["total"]) - paid)


def check_exchange_difference(stack, backend_id, order_id):
    """The order paid today at another rate than its invoice's: its last voucher books it."""
    company_id = company.user_company(stack.rpc)
    accounts = stack.erp("res.company", "read", [company_id], [
        "income_currency_exchange_account_id", "expense_currency_exchange_account_id"])[0]
    exchange = {accounts["income_currency_exchange_account_id"][0],
                accounts["expense_currency_exchange_account_id"][0]}
    row = rows(stack, backend_id, "orders")[str(order_id)]
    (invoice_id,) = stack.erp("sale.order", "read", [row["res_id"]],
                              ["invoice_ids"])[0]["invoice_ids"]
    vouchers = stack.erp_read_all("account.voucher", [("satchmo_backend_id", "=", backend_id)],
                                  ["date", "move_id", "line_cr_ids", "state"])
    own = sorted((v for v in vouchers if invoice_of(stack, v) == invoice_id),
                 key=lambda v: (v["date"], v["id"]))
    assert own and all(v["state"] == "posted" for v in own)
    assert own[-1]["date"] == datetime.date.today().isoformat()
    invoice = stack.erp("account.invoice", "read", [invoice_id],
                        ["date_invoice", "currency_id"])[0]
    usd = stack.erp("res.company", "read", [company_id], ["currency_id"])[0]["currency_id"][0]

    def rate_on(day):
        return stack.erp("res.currency", "compute", invoice["currency_id"][0], usd, 1000.0,
                         context={"date": day})

    if rate_on(invoice["date_invoice"]) != rate_on(own[-1]["date"]):
        last = move_lines(stack, own[-1]["move_id"][0])
        assert [l for l in last if l["account_id"][0] in exchange], last


def check_ledger(stack):
    """Company currency: debits equal credits; each customer's receivable is their open items.

    Every entry counts, posted or not: a voucher's entry stays draft when its
    journal does not skip the draft state (OpenERP's own choice, as for a
    payment registered by hand), and the partner ledger shows it. A customer's
    receivable balance is what their open items still owe: the open invoices'
    residuals plus any payment not matched to an invoice (a shop payment of a
    cent more than an order's total, which Satchmo rounds once, leaves the
    customer that cent in credit, as it should).
    """
    ((debit, credit),) = stack.erp_sql(
        "SELECT COALESCE(SUM(debit), 0), COALESCE(SUM(credit), 0) FROM account_move_line")
    assert money(debit) == money(credit) and debit > 0, (debit, credit)
    balances = dict(stack.erp_sql(
        "SELECT l.partner_id, SUM(l.debit - l.credit) FROM account_move_line l "
        "JOIN account_account a ON a.id = l.account_id "
        "WHERE a.type = 'receivable' GROUP BY l.partner_id"))
    invoices = stack.erp_read_all("account.invoice", [("type", "=", "out_invoice"),
                                                      ("state", "in", ["open", "paid"])],
                                  ["move_id", "account_id", "state"])
    assert {i["state"] for i in invoices} == {"open", "paid"}  # partial payments are there
    invoice_lines = set(receivable_line(stack, i)["id"] for i in invoices)
    open_items = stack.erp_read_all("account.move.line", [
        ("account_id.type", "=", "receivable"), ("reconcile_id", "=", False)],
        ["partner_id", "amount_residual", "debit", "credit", "reconcile_partial_id"])
    owed, unmatched = {}, []
    for item in open_items:
        partner = item["partner_id"][0]
        if item["id"] in invoice_lines:
            amount = money(item["amount_residual"])
        elif item["reconcile_partial_id"]:
            continue  # a part payment: the invoice's residual already counts it
        else:  # a payment line not matched to an invoice: what it leaves is all of it
            amount = money(item["debit"]) - money(item["credit"])
            unmatched.append((partner, amount))
        owed[partner] = owed.get(partner, Decimal(0)) + amount
    for partner, balance in balances.items():
        assert money(balance) == owed.get(partner, Decimal(0)), (partner, balance, owed)
    print("open payment credits not matched to an invoice: %s" % unmatched)
