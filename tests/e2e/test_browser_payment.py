"""A reviewer retries a failed PAYMENT row in a real browser (issue 10's browser test).

An accountant holds the payment journals' sequences (as in
test_payment_failures.py) while the sync registers a shop payment: the
payment's row fails with the lock in its reason, its order stays synced. The
accountant commits; a reviewer (group Satchmo Connector / User, a login of its
own, no accounting rights) opens the Failures list, sees the payment row
with its reason, opens it and presses Retry: the row shows Up to date and
OpenERP holds exactly one posted voucher for that payment, the order's
invoice paid. DOM asserts; screenshots in
var/<instance>/artifacts/browser-payment-*.png.
"""
from tests.e2e.erp_web import log_in_to_openerp, open_failures, wait_until_up_to_date
from tests.e2e.shopcheck import assert_run, simple_products, synced_shop
from tests.e2e.test_browser_failures import browser, buttons, css, wait  # noqa: F401 fixture
from tests.e2e.test_payment_failures import payment_journals_locked
from tests.e2e.test_reviewer import PASSWORD, reviewer


def test_browser_a_reviewer_retries_a_payment_that_a_journal_lock_failed(stack, browser):
    shop = synced_shop(stack)
    contact = stack.api_all("contacts")[0]
    order_id = stack.shop_edit("new_order", contact["id"],
                               "%s:1" % simple_products(stack)[0]["id"])
    total = [o for o in stack.api_all("orders") if o["id"] == order_id][0]["total"]
    key = "payment-%d" % stack.shop_edit("pay", order_id, total)
    with payment_journals_locked(stack):
        assert_run(shop.sync(), "done")
    row = shop.binding("payments", key)
    assert row["state"] == "failed" and "lock" in row["error"], row
    reviewer(stack, shop, login="payment-reviewer")
    driver = browser.driver
    shot = lambda name: browser.screenshot("payment-%s" % name)  # noqa: E731

    log_in_to_openerp(browser, stack, "payment-reviewer", PASSWORD, shot="payment-1-login")
    open_failures(browser, stack)

    def the_payment_row(d):
        # the list is grouped by resource: open the payments' group if it is folded
        if not css(d, ".oe_list_content tbody tr[data-id='%d']" % row["id"]):
            for header in css(d, ".oe_group_header"):
                if "payments" in header.text:
                    header.click()
        return css(d, ".oe_list_content tbody tr[data-id='%d']" % row["id"])

    found = wait(driver, the_payment_row, what="the payment's row in Failures")[0]
    shot("2-failures")
    assert "lock" in found.text, found.text
    found.click()
    retry = wait(driver, lambda d: buttons(d, "Retry"), what="the payment's form")[0]
    assert any("lock" in form.text for form in css(driver, ".oe_form")), "the reason shown"
    shot("3-form")
    retry.click()

    wait_until_up_to_date(driver, "the payment's row turning Up to date")
    shot("4-synced")
    assert shop.binding("payments", key)["state"] == "synced"
    vouchers = stack.erp("account.voucher", "search", [("satchmo_payment_key", "=", key)])
    assert len(vouchers) == 1, vouchers
    [voucher] = stack.erp("account.voucher", "read", vouchers, ["state"])
    assert voucher["state"] == "posted", voucher
    # OpenERP's own word that the order's invoice is paid
    assert shop.record("orders", order_id, ["invoiced"])["invoiced"] is True
