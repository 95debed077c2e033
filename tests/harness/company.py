"""A real company's OpenERP database, made the way an owner makes one.

No shop owner has OpenERP's demo data (its demo chart, journals, fiscal year,
partners and orders), so the end-to-end tests, the demo and the benchmark all
run on a database made as a new company makes its own, through one code path:

1. ``company_template``: a database created without demo data
   (``--without-demo=all``) with sale and account_voucher, then accounting
   configured with OpenERP's own wizards over XML-RPC, as the web client's
   "Apply" runs them (``action_next``): the company is a US company keeping
   its books in USD (the demo shop sells in USD), ``account.installer``
   opens the first fiscal year with monthly periods, the Fiscal Years form's
   "Create Monthly Periods" (``create_period``) opens the following ones up to
   the shop's last year, and ``wizard.multi.charts.accounts`` installs
   account's configurable chart template (its accounts and tax codes, its
   sales journal, a bank and a cash journal, its taxes with the proposed
   15% sale tax). The company rounds tax
   globally, written on the company as its form does (Satchmo rounds tax once
   per order). Built once and kept as a PostgreSQL template, keyed by what it
   was built from.
2. ``configure_shop``: on a copy with the connector installed, the shop's
   tax rates as an accountant sets them up (one sale tax per rate of the
   shop, on the output tax account of the chart's sale taxes, with a tax
   code and a base code under the chart's tax-code tree), then the connector
   configured through its Settings page (URL, token, interval), then the
   order settings on the shop form as README tells a user: the sales
   journal, a payment journal per payment module of the shop, and the tax
   mapping (every Satchmo tax class and rate to its tax).
"""
import datetime
import hashlib
import time
from decimal import Decimal

from . import config
from .clients import ErpRpc, ShopApi
from .erp import ADMIN_LOGIN

# The generator's orders run from 2024-11 to 2026-10; checkouts in tests are dated today.
FIRST_FISCAL_YEAR = 2024
LAST_FISCAL_YEAR = 2026
COMPANY_COUNTRY, COMPANY_CURRENCY = "US", "USD"
CHART_TEMPLATE = ("account", "configurable_chart_template")
CODE_DIGITS = 6
INTERVAL_MINUTES = 15
# what the web client sends with every call (some wizards read it without a default)
WEB_CONTEXT = {"lang": "en_US", "tz": False}


def fiscal_years():
    """The years the company's books are open for: the shop's history, and this year."""
    return list(range(FIRST_FISCAL_YEAR, max(LAST_FISCAL_YEAR, datetime.date.today().year) + 1))


def company_with_shop(servers, erp_db, shop_db, token, name, scheduled=True,
                      company_db="erp_company"):
    """``erp_db``: the company (from its template) with the connector configured for the shop
    of ``shop_db``; the backend's id. Both servers are left running on these databases.

    ``scheduled=False`` unticks "Synchronize automatically" on the Settings
    page, for runs that must not meet the scheduled action (tests, benchmark).
    """
    instance = servers.instance
    rates = shop_tax_rates(servers.pg, shop_db)
    template = company_template(servers.erp, lambda db: erp_rpc(instance, db), company_db)
    servers.erp.create_db(erp_db, template=template, demo=False)
    servers.shop.start(shop_db)
    servers.erp.start(erp_db)
    return configure_shop(erp_rpc(instance, erp_db), instance.shop_url, token,
                          ShopApi(instance.shop_url + "/api/v1/", token), rates, name,
                          scheduled)


def erp_rpc(instance, db):
    return ErpRpc(instance.erp_url, db, *ADMIN_LOGIN)


# -- 1. the company --------------------------------------------------------------------------
def company_template(erp, rpc_for, name):
    """A database of a company with its own chart and fiscal years, no demo data; its name.

    ``rpc_for(db)`` gives an XML-RPC client of OpenERP serving ``db`` (the
    server is started here on the instance's port and stopped afterwards).
    """
    source = (config.REPO / "tests" / "harness" / "company.py").read_bytes()
    key = "%s company=%s years=%s" % (
        (config.VENVS / "erp" / ".requirements-digest").read_text()[:16],
        hashlib.sha1(source).hexdigest()[:12], fiscal_years()[-1])
    if erp.pg.exists(name) and erp.pg.comment(name) == key:
        return name
    started = time.monotonic()
    base = erp.base_template("erp_base_nodemo", demo=False)
    erp.pg.create(name, owner="openerp", template=base)
    erp.start(name)
    try:
        configure_accounting(rpc_for(name))
    finally:
        erp.stop()
    erp.pg.set_comment(name, key)
    print("  OpenERP company database %s built in %.0fs" % (name, time.monotonic() - started),
          flush=True)
    return name


def configure_accounting(rpc):
    """What a new company's accountant does first, in the order OpenERP proposes it."""
    company_id = user_company(rpc)
    country = rpc("res.country", "search", [("code", "=", COMPANY_COUNTRY)])[0]
    currency = rpc("res.currency", "search", [("name", "=", COMPANY_CURRENCY)], 0, 1, False,
                   {"active_test": False})[0]
    company_currency_rate(rpc, currency)
    # the company form: its country (OpenERP proposes the country's currency from it)
    rpc("res.company", "write", [company_id], {"country_id": country})
    open_fiscal_years(rpc, company_id)
    install_chart(rpc, company_id, currency)
    rpc("res.company", "write", [company_id], {"tax_calculation_rounding_method":
                                               "round_globally"})
    exchange_rate_accounts(rpc, company_id)


def company_currency_rate(rpc, currency):
    """The Currencies form of the company's currency: active, at rate 1 since the first year.

    OpenERP ships each currency with one rate dated this year's first day; a
    payment of an earlier day would find no rate, and the company's own
    currency is 1 by definition.
    """
    rpc("res.currency", "write", [currency], {"active": True})
    rates = rpc("res.currency.rate", "search", [("currency_id", "=", currency)])
    if rates:
        rpc("res.currency.rate", "write", rates, {"rate": 1.0})
    rpc("res.currency.rate", "create", {"currency_id": currency, "rate": 1.0,
                                        "name": "%d-01-01 00:00:00" % FIRST_FISCAL_YEAR})


# (field of the company, the chart's account to put the new one beside, code, name)
EXCHANGE_ACCOUNTS = [
    ("income_currency_exchange_account_id", "Product Sales", "209000", "Foreign exchange gain"),
    ("expense_currency_exchange_account_id", "Expenses", "229000", "Foreign exchange loss"),
]


def exchange_rate_accounts(rpc, company_id):
    """The gain and loss exchange rate accounts, as an accountant adds them to the chart.

    The configurable chart has none, and OpenERP's account_voucher books the
    exchange difference of a foreign-currency payment on them (it refuses the
    payment without). Each is a new account beside the chart's revenue or
    expense account (same parent, same type), then chosen on Settings >
    Configuration > Accounting ("Gain/Loss Exchange Rate Account": fields of
    the company, written here as that page writes them).
    """
    chosen = {}
    for field, beside, code, name in EXCHANGE_ACCOUNTS:
        sibling = rpc("account.account", "search", [("company_id", "=", company_id),
                                                    ("name", "=", beside),
                                                    ("type", "=", "other")], 0, 1)
        like = rpc("account.account", "read", sibling, ["parent_id", "user_type"])[0]
        chosen[field] = rpc("account.account", "create", {
            "code": code, "name": name, "type": "other", "user_type": like["user_type"][0],
            "parent_id": like["parent_id"][0], "company_id": company_id})
    rpc("res.company", "write", [company_id], chosen)


def user_company(rpc):
    return rpc("res.users", "read", [rpc.uid], ["company_id"])[0]["company_id"][0]


def open_fiscal_years(rpc, company_id):
    """The first year through account.installer, the next ones in the Fiscal Years form."""
    first, *later = fiscal_years()
    installer = rpc("account.installer", "create", {
        "charts": "configurable", "company_id": company_id, "period": "month",
        "date_start": "%d-01-01" % first, "date_stop": "%d-12-31" % first},
        context=WEB_CONTEXT)
    rpc("account.installer", "action_next", [installer], context=WEB_CONTEXT)
    for year in later:
        fiscal_year = rpc("account.fiscalyear", "create", {
            "name": str(year), "code": str(year), "company_id": company_id,
            "date_start": "%d-01-01" % year, "date_stop": "%d-12-31" % year})
        rpc("account.fiscalyear", "create_period", [fiscal_year])  # "Create Monthly Periods"


def install_chart(rpc, company_id, currency_id):
    """wizard.multi.charts.accounts with the configurable chart, as its form proposes it
    (its "Sales Tax(%)" and "Purchase Tax(%)" kept at the proposed 15)."""
    model = "wizard.multi.charts.accounts"
    template = rpc("ir.model.data", "get_object_reference", *CHART_TEMPLATE)[1]
    fields = list(rpc(model, "fields_get", []))
    values = rpc(model, "default_get", fields, context=WEB_CONTEXT)
    values.update(rpc(model, "onchange_chart_template_id", [], template,
                      context=WEB_CONTEXT)["value"])
    values.update(company_id=company_id, chart_template_id=template, currency_id=currency_id,
                  code_digits=CODE_DIGITS,
                  bank_accounts_id=[(0, 0, line) for line in values.get("bank_accounts_id", [])])
    wizard = rpc(model, "create", values, context=WEB_CONTEXT)
    rpc(model, "action_next", [wizard], context=WEB_CONTEXT)


# -- 2. the shop's taxes and the connector ---------------------------------------------------
def shop_tax_rates(pg, shop_db):
    """[(Satchmo tax class title, rate as a Decimal fraction)] of the shop's tax module.

    Read from the shop's own tables (its admin's *Tax rates* page lists the
    same): the shop API serves tax classes but not their rates by area.
    """
    out = pg.sql('SELECT c.title, r.percentage FROM area_taxrate r '
                 'JOIN product_taxclass c ON c.id = r."taxClass_id" ORDER BY 1, 2', db=shop_db)
    rates = []
    for line in (out or "").splitlines():
        title, _, rate = line.partition("|")
        rates.append((title, Decimal(rate).normalize()))
    return rates


def configure_shop(rpc, shop_url, token, shop_api, rates, name="Shop", scheduled=True):
    """The shop's taxes, the Settings page, then the shop form's order settings; its backend."""
    company_id = user_company(rpc)
    taxes = shop_taxes(rpc, company_id, rates)
    settings = rpc("satchmo.config.settings", "create", {
        "shop_name": name, "shop_url": shop_url, "shop_api_token": token,
        "sync_scheduled": scheduled, "sync_interval_number": INTERVAL_MINUTES,
        "sync_interval_type": "minutes"})
    rpc("satchmo.config.settings", "execute", [settings])
    backend = rpc("satchmo.backend", "search", [("company_id", "=", company_id)], 0, 1)[0]
    rpc("satchmo.backend", "write", [backend], order_settings(rpc, company_id, shop_api, taxes))
    return backend


def schedule(rpc, on=True, interval_minutes=None):
    """Tick (or untick) "Synchronize automatically" on the Settings page and Apply;
    ``interval_minutes``: also set "Every ... Minutes" (OpenERP 7's smallest is 1)."""
    values = {"sync_scheduled": on}
    if interval_minutes:
        values.update(sync_interval_number=interval_minutes, sync_interval_type="minutes")
    settings = rpc("satchmo.config.settings", "create", values)
    rpc("satchmo.config.settings", "execute", [settings])


def order_settings(rpc, company_id, shop_api, taxes):
    """The Orders and Accounting pages of the shop form: journals and the tax mapping."""
    sales = company_journal(rpc, company_id, "sale")
    bank = company_journal(rpc, company_id, "bank")
    modules = [m["key"] for m in shop_api.get("payment_modules/")["results"]]
    return {
        "sale_journal_id": sales, "payment_journal_id": bank,
        "payment_journal_ids": [(0, 0, {"module_key": key, "journal_id": bank})
                                for key in modules],
        "tax_map_ids": [(0, 0, {"tax_class": title, "rate": float(rate), "tax_id": tax})
                        for (title, rate), tax in sorted(taxes.items())],
    }


def company_journal(rpc, company_id, kind):
    found = rpc("account.journal", "search", [("type", "=", kind),
                                              ("company_id", "=", company_id)], 0, 1, "id")
    if not found:
        raise RuntimeError("the company has no %s journal: was its chart installed?" % kind)
    return found[0]


def shop_taxes(rpc, company_id, rates):
    """{(class, rate): account.tax id}: one sale tax of the company per rate of the shop.

    Each is entered as an accountant fills the Taxes form, modelled on the
    chart's sale tax: the same output tax account ("Tax Received"), not
    included in the price, with a tax code and a base code under the chart's
    tax-code tree. All the shop's taxes share one tax code and one base code
    ("Shop sales tax", "Shop taxable sales"): OpenERP groups an invoice's tax
    lines by code and account and rounds each group, while Satchmo rounds the
    tax once per order, so taxes on codes of their own would differ from the
    shop by a cent on orders that mix rates (seen on the e2e store; the chart's
    own 15% and 5% sale taxes are left unused for the same reason).
    """
    model = company_sale_tax(rpc, company_id)
    codes = shop_tax_codes(rpc, company_id, model)
    by_rate, taxes = {}, {}
    for title, rate in rates:
        if rate not in by_rate:
            by_rate[rate] = create_sale_tax(rpc, company_id, model, codes, rate)
        taxes[(title, rate)] = by_rate[rate]
    return taxes


def company_sale_tax(rpc, company_id):
    """The chart's first sale tax (OpenERP's order: sequence, id), to model the shop's on."""
    ids = rpc("account.tax", "search", [
        ("company_id", "=", company_id), ("type_tax_use", "=", "sale"),
        ("price_include", "=", False), ("parent_id", "=", False)], 0, 1)
    if not ids:
        raise RuntimeError("the company has no sale tax: was its chart installed?")
    return rpc("account.tax", "read", ids, [
        "account_collected_id", "account_paid_id", "tax_code_id", "base_code_id",
        "base_sign", "tax_sign", "ref_base_sign", "ref_tax_sign"])[0]


def shop_tax_codes(rpc, company_id, model):
    """The shop's tax code and base code, beside the chart sale tax's own."""
    codes = {}
    for field, name in (("tax_code_id", "Shop sales tax"), ("base_code_id", "Shop taxable sales")):
        like = rpc("account.tax.code", "read", [model[field][0]], ["parent_id", "sign"])[0]
        codes[field] = rpc("account.tax.code", "create", {
            "name": name, "parent_id": like["parent_id"][0], "sign": like["sign"],
            "company_id": company_id})
    return codes


def create_sale_tax(rpc, company_id, model, codes, rate):
    percent = "{:f}%".format((rate * 100).normalize())
    return rpc("account.tax", "create", {
        "name": "Sales tax %s" % percent, "description": "ST %s" % percent,
        "type": "percent", "amount": float(rate), "type_tax_use": "sale",
        "price_include": False, "company_id": company_id,
        "account_collected_id": model["account_collected_id"][0],
        "account_paid_id": model["account_paid_id"][0],
        "tax_code_id": codes["tax_code_id"], "base_code_id": codes["base_code_id"],
        "ref_tax_code_id": codes["tax_code_id"], "ref_base_code_id": codes["base_code_id"],
        "base_sign": model["base_sign"], "tax_sign": model["tax_sign"],
        "ref_base_sign": model["ref_base_sign"], "ref_tax_sign": model["ref_tax_sign"]})
