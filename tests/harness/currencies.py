"""A shop in another currency than its company's, set up in OpenERP as an accountant does.

README's accounting section lists what a shop selling in another currency
needs; this enters it over XML-RPC through the forms' own models:

- the currency's rates (Accounting > Configuration > Currencies: its form's
  rate lines, each dated, the first on the company's first day of books);
- a pricelist in that currency (Sales > Configuration > Pricelists), on the
  products' public price;
- a bank account in that currency (the chart's bank account's sibling, its
  "Secondary Currency" set) and a bank journal in it (Accounting >
  Configuration > Journals, its "Currency"), chosen for each of the shop's
  payment modules on the shop form, with the pricelist.

The company's gain and loss exchange rate accounts come with the company
itself (company.py). The rates move every quarter, and once more on this
month's first day, so a payment made today closes an invoice of an older
rate: the exchange difference OpenERP books.
"""
import datetime
from decimal import Decimal

from .company import FIRST_FISCAL_YEAR, company_journal, user_company

# units of the shop's currency for one unit of the company's, at the first quarter
FIRST_RATES = {"EUR": Decimal("0.9000"), "GBP": Decimal("0.7800")}
QUARTER_STEP = Decimal("0.0070")


def rate_points(code, today=None):
    """[(day, rate)] an accountant typed: each quarter's first day, and this month's."""
    today = today or datetime.date.today()
    points, rate = [], FIRST_RATES[code]
    for year in range(FIRST_FISCAL_YEAR, today.year + 1):
        for month in (1, 4, 7, 10):
            day = datetime.date(year, month, 1)
            if day > today:
                break
            points.append((day, rate))
            rate += QUARTER_STEP if (year + month) % 3 else -QUARTER_STEP / 2
    this_month = today.replace(day=1)
    if this_month not in [day for day, _ in points]:
        points.append((this_month, rate + QUARTER_STEP))
    return points


def enter_rates(rpc, code):
    """The currency active, its rate lines replaced by ours; its id."""
    currency = rpc("res.currency", "search", [("name", "=", code)], 0, 1, False,
                   {"active_test": False})[0]
    old = rpc("res.currency.rate", "search", [("currency_id", "=", currency)])
    lines = [(2, rate_id) for rate_id in old]
    lines += [(0, 0, {"name": "%s 00:00:00" % day.isoformat(), "rate": float(rate)})
              for day, rate in rate_points(code)]
    rpc("res.currency", "write", [currency], {"active": True, "rate_ids": lines})
    return currency


def pricelist(rpc, code, currency):
    price_type = rpc("product.price.type", "search", [("field", "=", "list_price")], 0, 1)[0]
    return rpc("product.pricelist", "create", {
        "name": "Shop prices (%s)" % code, "type": "sale", "currency_id": currency,
        "version_id": [(0, 0, {"name": "Shop prices (%s)" % code, "items_id": [
            (0, 0, {"name": "All products", "base": price_type})]})]})


def bank_journal(rpc, company_id, code, currency, bank_journal_id):
    """A bank account and journal in the shop's currency, beside the company's bank's."""
    bank = rpc("account.journal", "read", [bank_journal_id], ["default_debit_account_id"])[0]
    like = rpc("account.account", "read", [bank["default_debit_account_id"][0]],
               ["code", "parent_id", "user_type"])[0]
    account = rpc("account.account", "create", {
        # one account per currency: 90 for EUR, 91 for GBP (two foreign shops, one company)
        "code": like["code"][:-2] + "9%d" % sorted(FIRST_RATES).index(code),
        "name": "Bank %s" % code, "type": "liquidity",
        "user_type": like["user_type"][0], "parent_id": like["parent_id"][0],
        "currency_id": currency, "company_id": company_id})
    return rpc("account.journal", "create", {
        "name": "Bank %s" % code, "code": "B%s" % code, "type": "bank", "currency": currency,
        "default_debit_account_id": account, "default_credit_account_id": account,
        "company_id": company_id})


def foreign_shop(rpc, backend_id, code):
    """Set the shop ``backend_id`` up for selling in ``code``; {currency, pricelist, journal}."""
    company_id = user_company(rpc)
    currency = enter_rates(rpc, code)
    prices = pricelist(rpc, code, currency)
    journal = bank_journal(rpc, company_id, code, currency,
                           company_journal(rpc, company_id, "bank"))
    backend = rpc("satchmo.backend", "read", [backend_id], ["payment_journal_ids"])[0]
    rpc("satchmo.backend", "write", [backend_id], {
        "pricelist_id": prices, "payment_journal_id": journal,
        "payment_journal_ids": [(1, line, {"journal_id": journal})
                                for line in backend["payment_journal_ids"]]})
    return {"currency": currency, "pricelist": prices, "journal": journal}
