"""The OpenERP database every e2e test starts from is a real company's, not OpenERP's demo.

tests/harness/company.py makes it as a new company does (no demo data,
OpenERP's own accounting wizards, the connector's Settings page); this reads
it back as an accountant would, through XML-RPC, on a fresh copy.
"""
from decimal import Decimal

from tests.harness import company

CHART = ("account", "configurable_chart_template")


def test_real_company_has_no_demo_data(fresh_stack):
    stack = fresh_stack
    modules = stack.erp_read_all("ir.module.module", [("state", "=", "installed")],
                                 ["name", "demo"])
    assert modules and not [m["name"] for m in modules if m["demo"]]
    companies = stack.erp_read_all("res.company", [], ["partner_id"])
    users = stack.erp("res.users", "read", stack.erp("res.users", "search", [], 0, 0, False,
                                                     {"active_test": False}), ["partner_id"])
    own = set(c["partner_id"][0] for c in companies) | set(u["partner_id"][0] for u in users)
    partners = set(stack.erp("res.partner", "search", [], 0, 0, False, {"active_test": False}))
    assert partners == own, "partners that are neither the company nor a user: %s" % sorted(
        partners - own)
    assert stack.erp("sale.order", "search_count", []) == 0
    assert stack.erp("account.invoice", "search_count", []) == 0


def test_real_company_books_from_the_chart_wizard(fresh_stack):
    stack = fresh_stack
    company_id = company.user_company(stack.rpc)
    row = stack.erp("res.company", "read", [company_id],
                    ["currency_id", "tax_calculation_rounding_method"])[0]
    assert row["currency_id"][1] == "USD"
    assert row["tax_calculation_rounding_method"] == "round_globally"
    # every account of the configurable chart template exists in the company's chart
    template = stack.erp("ir.model.data", "get_object_reference", *CHART)[1]
    root = stack.erp("account.chart.template", "read", [template],
                     ["account_root_id"])[0]["account_root_id"][0]
    names = set(a["name"] for a in stack.erp_read_all(
        "account.account.template", [("id", "child_of", root), ("id", "!=", root)], ["name"]))
    accounts = set(a["name"] for a in stack.erp_read_all(
        "account.account", [("company_id", "=", company_id)], ["name"]))
    assert names and names <= accounts, sorted(names - accounts)
    # the shop's years are open, each with its twelve monthly periods
    years = stack.erp_read_all("account.fiscalyear", [("company_id", "=", company_id)],
                               ["code", "state", "period_ids"])
    assert {y["code"] for y in years if y["state"] == "draft"} >= {"2024", "2025", "2026"}
    for year in years:
        periods = stack.erp("account.period", "read", year["period_ids"], ["special", "state"])
        assert len([p for p in periods if not p["special"] and p["state"] == "draft"]) == 12


def test_real_company_maps_every_shop_rate_to_a_sale_tax_with_tax_codes(fresh_stack):
    stack = fresh_stack
    company_id = company.user_company(stack.rpc)
    backend = stack.erp("satchmo.backend", "read", [stack.backend_id],
                        ["tax_map_ids", "sale_journal_id", "payment_journal_ids"])[0]
    lines = stack.erp("satchmo.tax.map", "read", backend["tax_map_ids"],
                      ["tax_class", "rate", "tax_id"])
    mapped = dict(((l["tax_class"], Decimal(repr(l["rate"])).normalize()), l["tax_id"][0])
                  for l in lines)
    shop_rates = set(company.shop_tax_rates(stack.servers.pg, stack.shop_db))
    assert set(mapped) == shop_rates
    # the output tax account: the one the chart template gives its sale taxes, never a
    # purchase tax's
    sale_template = stack.erp_read_all("account.tax.template", [
        ("chart_template_id", "=", stack.erp("ir.model.data", "get_object_reference",
                                             *CHART)[1]),
        ("type_tax_use", "=", "sale")], ["account_collected_id"])[0]
    output_name = sale_template["account_collected_id"][1].split(" ", 1)[-1]
    purchase_accounts = set(t["account_collected_id"][0] for t in stack.erp_read_all(
        "account.tax", [("company_id", "=", company_id), ("type_tax_use", "=", "purchase")],
        ["account_collected_id"]))
    code_root = stack.erp("account.tax.code", "search", [("company_id", "=", company_id),
                                                         ("parent_id", "=", False)])
    in_tree = set(stack.erp("account.tax.code", "search", [("id", "child_of", code_root)]))
    for (title, rate), tax_id in sorted(mapped.items()):
        tax = stack.erp("account.tax", "read", [tax_id], [
            "type_tax_use", "price_include", "amount", "company_id", "account_collected_id",
            "account_paid_id", "tax_code_id", "base_code_id"])[0]
        where = (title, rate, tax)
        assert tax["type_tax_use"] == "sale" and not tax["price_include"], where
        assert tax["company_id"][0] == company_id, where
        assert Decimal(repr(tax["amount"])).normalize() == rate, where
        account = tax["account_collected_id"]
        assert account and account[1].split(" ", 1)[-1] == output_name, where
        assert account[0] not in purchase_accounts, where
        assert tax["tax_code_id"] and tax["tax_code_id"][0] in in_tree, where
        assert tax["base_code_id"] and tax["base_code_id"][0] in in_tree, where
    # journals: the wizard's sales journal, a bank journal for each payment module
    assert stack.erp("account.journal", "read", [backend["sale_journal_id"][0]],
                     ["type"])[0]["type"] == "sale"
    modules = [m["key"] for m in stack.api("payment_modules/")["results"]]
    journals = stack.erp("satchmo.payment.journal", "read", backend["payment_journal_ids"],
                         ["module_key", "journal_id"])
    assert sorted(j["module_key"] for j in journals) == sorted(modules)
    for line in journals:
        assert stack.erp("account.journal", "read", [line["journal_id"][0]],
                         ["type"])[0]["type"] in ("bank", "cash")
