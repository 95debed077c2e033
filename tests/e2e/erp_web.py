"""Steps in OpenERP 7's web client and Django's admin that several browser tests take.

Everything is found through the DOM (the web client ships without CSS here);
the element helpers are test_browser_failures.py's.
"""
from tests.e2e.test_browser_failures import buttons, css, wait


def log_in_to_openerp(browser, stack, login=None, password=None, shot="1-login"):
    """The web client's login form, filled as a person does; back once the menu shows."""
    driver = browser.driver
    driver.get(stack.erp_url + "/")
    field = wait(driver, lambda d: css(d, "input[name=login]"), what="the login form")[0]
    field.clear()
    field.send_keys(login or stack.erp_login)
    secret = css(driver, "input[name=password]")[0]
    secret.clear()
    secret.send_keys(password or stack.erp_password)
    databases = css(driver, "select[name=db]")
    if databases:
        from selenium.webdriver.support.ui import Select
        Select(databases[0]).select_by_value(stack.erp_db)
    browser.screenshot(shot)
    secret.submit()
    # the top menu appears once the session is established: navigating away before that
    # (on a loaded machine) lost the login
    wait(driver, lambda d: css(d, ".oe_topbar .oe_menu li"), what="the web client's menu")


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
