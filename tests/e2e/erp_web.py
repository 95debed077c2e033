"""Steps in OpenERP 7's web client and Django's admin that several browser tests take.

Everything is found through the DOM (the web client ships without CSS here);
the element helpers are test_browser_failures.py's.
"""
from tests.e2e.test_browser_failures import buttons, css, wait


def log_in_to_openerp(browser, stack, login=None, password=None, shot="1-login"):
    """The stack's web client, logged in as ``login`` (the stack's administrator by
    default) through Browser.login."""
    browser.login(stack.erp_url, stack.erp_db, login or stack.erp_login,
                  password or stack.erp_password, shot=shot)


def log_in_to_django_admin(driver, username, password):
    """Django's admin login page (where any admin address leads a stranger)."""
    from selenium.webdriver.common.by import By
    wait(driver, lambda d: d.find_elements(By.ID, "id_username"), what="the admin login")
    driver.find_element(By.ID, "id_username").send_keys(username)
    secret = driver.find_element(By.ID, "id_password")
    secret.send_keys(password)
    secret.submit()


def open_failures(browser, stack):
    """Satchmo > Failures, opened by its action as its menu does."""
    action_id = stack.erp("ir.model.data", "get_object_reference", "openerp_addon",
                          "action_satchmo_binding_failures")[1]
    browser.driver.get(stack.erp_url + "/#action=%d" % action_id)
    browser.driver.refresh()


def wait_until_up_to_date(driver, what):
    """Until the open row's form shows the state Up to date and no Retry button."""
    def up_to_date(d):
        active = css(d, ".oe_form_field_status .oe_active")
        return active and "Up to date" in active[0].text and not buttons(d, "Retry")
    wait(driver, up_to_date, what=what)
