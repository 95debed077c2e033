"""The failure list in a real browser: see why a record failed, fix it in the shop, Retry.

Debian's headless Chromium, driven by Selenium through Debian's chromedriver
(tests/harness/browser.py; nothing is downloaded), logs in to the OpenERP 7
web client, opens the connector's Failures list by its action, and finds the
failed organization with its reason. After the name is fixed in the shop
(behind the change feed's back, so only a person's Retry can bring it in),
the row is opened and Retry pressed: the form shows it Synced, and OpenERP
has the fixed name. The web client ships without CSS here, so everything is
asserted on the DOM; screenshots go to var/<instance>/artifacts/.
"""
import pytest

from tests.e2e.shopcheck import assert_in_step, assert_run, synced_shop
from tests.harness.browser import wait


def css(driver, selector):
    """Elements the web client shows. Without its CSS nothing is hidden by style, so what
    the client hides (class oe_form_invisible, on the element or an ancestor) is left out."""
    from selenium.webdriver.common.by import By
    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector)
            if not driver.execute_script(
                "return arguments[0].closest('.oe_form_invisible') !== null", e)]


def buttons(driver, label):
    return [b for b in css(driver, ".oe_form button") if b.text.strip() == label]


@pytest.fixture
def browser(stack):
    from tests.harness.browser import Browser
    artifacts = stack.instance.dir / "artifacts"
    with Browser(artifacts, log=stack.instance.log_dir / "browser.log") as running:
        yield running


def test_browser_failure_list_shows_the_reason_and_retry_turns_it_synced(stack, browser):
    shop = synced_shop(stack)  # copies of the databases right after a first sync
    organization = stack.api_all("organizations")[0]
    stack.shop_edit("set", "organization", organization["id"], "name=")
    assert_run(shop.sync(), "done")
    row = shop.binding("organizations", organization["id"])
    assert row["state"] == "failed"
    action_id = stack.erp("ir.model.data", "get_object_reference", "openerp_addon",
                          "action_satchmo_binding_failures")[1]
    driver = browser.driver

    from tests.e2e.erp_web import log_in_to_openerp, wait_until_up_to_date
    log_in_to_openerp(browser, stack)

    # the Failures list: the row and its reason
    driver.get(stack.erp_url + "/#action=%d" % action_id)
    driver.refresh()

    def failure_row(d):
        for group in css(d, ".oe_group_header"):
            if "organizations" in group.text and not css(d, ".oe_list_content tbody "
                                                            "tr[data-id='%d']" % row["id"]):
                group.click()
        return css(d, ".oe_list_content tbody tr[data-id='%d']" % row["id"])

    found = wait(driver, failure_row, what="the failed row in the Failures list")[0]
    browser.screenshot("2-failures")
    assert "required but the shop sent it empty" in found.text, found.text
    assert "Failed" in found.text

    # fixed in the shop behind the feed's back: only Retry brings it in
    stack.shop_sql("UPDATE contact_organization SET name = %s WHERE id = %s",
                   ("Fixed in the browser test", organization["id"]))
    found.click()
    retry = wait(driver, lambda d: buttons(d, "Retry"), what="the Retry button")[0]
    status = css(driver, ".oe_form_field_status .oe_active")
    assert status and "Failed" in status[0].text
    from selenium.webdriver.common.by import By
    form_text = driver.find_element(By.CSS_SELECTOR, ".oe_application").text
    assert "required but the shop sent it empty" in form_text
    assert "organizations" in form_text
    # the object's name, and a link to it in the shop's admin, where it is fixed
    assert organization["name"] in form_text or "organizations %s" % organization["id"] \
        in form_text
    links = [a.get_attribute("href") for a in css(driver, ".oe_form a[href]")]
    admin = "/admin/contact/organization/%s/" % organization["id"]
    assert [href for href in links if href and href.endswith(admin)], links
    browser.screenshot("3-form-failed")
    retry.click()

    wait_until_up_to_date(driver, "the row turning Up to date")
    browser.screenshot("4-form-synced")
    assert shop.record("organizations", organization["id"], ["name"])["name"] == \
        "Fixed in the browser test"
    assert_in_step(shop)
