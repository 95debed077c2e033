"""A reviewer's walk through a failed ORDER in a real browser, from the number to Synced.

The order's addresses name a country that does not exist (``ZZ``), so its
import fails. A reviewer (group Satchmo Connector / User, a login of its own)
finds it by typing the order number in the Failures search, opens it, reads
what the shop sent (its own tab, indented JSON), follows the row's link to the
shop, where Django's admin opens that order's page; they correct both
countries there and save, come back and press Retry: the row shows Up to
date and OpenERP holds the order with the shop's total. DOM asserts;
screenshots in var/<instance>/artifacts/browser-order-*.png.
"""
from decimal import Decimal

from tests.e2e.erp_web import (log_in_to_django_admin, log_in_to_openerp, open_failures,
                                 wait_until_up_to_date)
from tests.e2e.shopcheck import assert_in_step, assert_run, simple_products, synced_shop
from tests.e2e.test_browser_failures import browser, buttons, css, wait  # noqa: F401 fixture
from tests.e2e.test_reviewer import PASSWORD, reviewer

SHOP_STAFF = ("orderfixer", "fix-Pw-1")


def test_browser_a_reviewer_finds_a_failed_order_by_number_fixes_it_in_the_shop_and_retries(
        stack, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    shop = synced_shop(stack)
    contact = stack.api_all("contacts")[0]
    order_id = stack.shop_edit("new_order", contact["id"],
                               "%s:2" % simple_products(stack)[0]["id"])
    stack.shop_edit("set", "order", order_id, "bill_country=ZZ", "ship_country=ZZ")
    assert_run(shop.sync(), "done")
    row = shop.binding("orders", order_id)
    assert row["state"] == "failed", row
    reviewer(stack, shop, login="order-reviewer")
    stack.shop_edit("staff", *SHOP_STAFF)
    driver = browser.driver
    shot = lambda name: browser.screenshot("order-%s" % name)  # noqa: E731

    log_in_to_openerp(browser, stack, "order-reviewer", PASSWORD, shot="order-1-login")

    # Satchmo > Failures, the order number typed in the search box
    open_failures(browser, stack)
    search = wait(driver, lambda d: css(d, ".oe_searchview_input"), what="the search box")[0]
    wait(driver, lambda d: css(d, ".oe_group_header"), what="the grouped Failures list")
    search.send_keys(str(order_id))
    wait(driver, lambda d: [item for item in css(d, ".oe-autocomplete li, .ui-autocomplete li")
                            if "Name or number" in item.text], what="the search proposals")
    search.send_keys(Keys.ENTER)

    def only_the_order(d):
        headers = css(d, ".oe_group_header")
        if len(headers) != 1 or "orders" not in headers[0].text:
            return None
        if not css(d, ".oe_list_content tbody tr[data-id='%d']" % row["id"]):
            headers[0].click()
        return css(d, ".oe_list_content tbody tr[data-id='%d']" % row["id"])

    found = wait(driver, only_the_order, what="the order alone in the Failures list")[0]
    shot("2-found-by-number")
    assert "Order %d" % order_id in found.text and "ZZ" in found.text, found.text

    # its form: the reason, and what the shop sent on a tab of its own, indented JSON
    found.click()
    wait(driver, lambda d: buttons(d, "Retry"), what="the order's form")
    tab = [a for a in css(driver, ".oe_notebook a") if a.text.strip() == "What the shop sent"]
    assert tab, [a.text for a in css(driver, ".oe_notebook a")]
    tab[0].click()
    # the text as the page holds it (the web client's CSS, absent here, shows it pre-wrapped)
    payload = wait(driver, lambda d: [e.get_attribute("textContent")
                                      for e in css(d, ".oe_form_field_text")
                                      if '"bill_address"' in e.text], what="the payload")[0]
    shot("3-payload")
    assert '\n  "bill_address": {\n' in payload and '\n    "country": "ZZ"' in payload, payload
    assert stack.api_token not in payload

    # the shop link opens the order's page of the shop's admin; corrected and saved there
    [link] = [a.get_attribute("href") for a in css(driver, ".oe_form a[href]")
              if (a.get_attribute("href") or "").endswith("/admin/shop/order/%d/" % order_id)]
    erp_form = driver.current_url
    driver.get(link)
    log_in_to_django_admin(driver, *SHOP_STAFF)
    wait(driver, lambda d: d.find_elements(By.ID, "id_bill_country"), what="the order's admin")
    assert driver.current_url.endswith("/admin/shop/order/%d/" % order_id), driver.current_url
    shot("4-shop-admin")
    for field in ("id_bill_country", "id_ship_country"):
        driver.execute_script(  # the address fieldsets are collapsed: open them as "Show" does
            "var f = arguments[0].closest('fieldset'); if (f) f.classList.remove('collapsed');",
            driver.find_element(By.ID, field))
        box = driver.find_element(By.ID, field)
        box.clear()
        box.send_keys("US")
    driver.find_element(By.NAME, "_save").click()
    wait(driver, lambda d: "/admin/shop/order/%d/" % order_id not in d.current_url,
         what="the shop's admin saving the order")
    shot("5-shop-saved")
    saved = [o for o in stack.api_all("orders") if o["id"] == order_id][0]
    assert saved["bill_address"]["country"] == saved["ship_address"]["country"] == "US", saved

    # back in OpenERP: Retry, and the row is Up to date
    driver.get(erp_form)
    retry = wait(driver, lambda d: buttons(d, "Retry"), what="the Retry button")[0]
    retry.click()

    wait_until_up_to_date(driver, "the order's row turning Up to date")
    shot("6-synced")
    order = [o for o in stack.api_all("orders") if o["id"] == order_id][0]
    sale = shop.record("orders", order_id, ["amount_total"])
    assert Decimal("%.2f" % sale["amount_total"]) == Decimal(order["total"])
    assert_in_step(shop)
