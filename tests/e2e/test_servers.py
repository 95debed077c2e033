"""Both servers are the real thing and answer on their public interfaces."""
import requests


def test_shop_serves_its_home_page_and_admin(stack):
    assert requests.get(stack.shop_url + "/", timeout=30).status_code == 200
    assert requests.get(stack.shop_url + "/admin/", timeout=30).status_code == 200


def test_shop_api_needs_a_token(fresh_stack):
    """On a fresh shop database: another test may have rotated the token."""
    stack = fresh_stack
    assert requests.get(stack.api_url, timeout=30).status_code == 401
    assert requests.get(stack.api_url, timeout=30,
                        headers={"Authorization": "Token %s" % stack.api_token}).ok


def test_openerp_has_the_connector_installed(stack):
    modules = stack.erp_read_all("ir.module.module",
                                 [("name", "in", ["openerp_addon", "product_m2mcategories",
                                                  "sale", "account_voucher"])],
                                 ["name", "state"])
    assert {m["name"]: m["state"] for m in modules} == {
        "openerp_addon": "installed", "product_m2mcategories": "installed",
        "sale": "installed", "account_voucher": "installed"}


def test_openerp_web_client_answers(stack):
    assert requests.get(stack.erp_url + "/", timeout=60).status_code == 200
