"""A payment that cannot be registered is a failed row of its own, counted, told and retried.

An accountant posting in the payment journal holds its no-gap sequence until
they commit; the connector's voucher cannot take a number meanwhile
("could not obtain lock on row in relation ir_sequence"). Here that lock is
held on OpenERP's database by a connection of its own, as a person's long
transaction would. The payment's row fails (its order stays synced), the
run counts it, the managers' message names payments; once the lock is gone,
the run that finds the row due registers the payment, once.
"""
from contextlib import contextmanager

import psycopg2

from tests.e2e.shopcheck import assert_run, simple_products, synced_shop

# What an accountant posting a payment holds until they commit: the number sequences of the
# bank and cash journals (and their per-fiscal-year sequences, which OpenERP takes first).
PAYMENT_SEQUENCES_FOR_UPDATE = """
    SELECT id FROM ir_sequence WHERE id IN (
        SELECT sequence_id FROM account_journal WHERE type IN ('bank', 'cash')
        UNION SELECT f.sequence_id FROM account_sequence_fiscalyear f
        JOIN account_journal j ON j.sequence_id = f.sequence_main_id
        WHERE j.type IN ('bank', 'cash'))
    FOR UPDATE"""


@contextmanager
def payment_journals_locked(stack):
    """The bank and cash journals' sequences held, as by an accountant posting a payment."""
    accountant = psycopg2.connect(dbname=stack.erp_db, **stack.servers.pg.dsn("openerp"))
    try:
        with accountant.cursor() as cur:
            cur.execute(PAYMENT_SEQUENCES_FOR_UPDATE)
        yield
    finally:
        accountant.rollback()
        accountant.close()


def test_a_payment_blocked_by_a_journal_lock_fails_alone_and_is_retried(stack):
    shop = synced_shop(stack)
    contact = stack.api_all("contacts")[0]
    product = simple_products(stack)[0]
    order_id = stack.shop_edit("new_order", contact["id"], "%s:1" % product["id"])
    total = [o for o in stack.api_all("orders") if o["id"] == order_id][0]["total"]
    payment = stack.shop_edit("pay", order_id, total)
    key = "payment-%d" % payment
    told_before = set(stack.erp("mail.message", "search", [("model", "=", "satchmo.backend")]))
    with payment_journals_locked(stack):
        run = shop.sync()
    assert_run(run, "done")
    assert run["counts"]["payments"]["failed"] == 1, run["counts"]
    row = shop.binding("payments", key)
    assert row["state"] == "failed" and "lock" in row["error"], row
    assert shop.binding("orders", order_id)["state"] == "synced"
    told = [m for m in stack.erp_read_all("mail.message", [("model", "=", "satchmo.backend"),
                                                           ("res_id", "=", shop.backend_id)],
                                          ["body"]) if m["id"] not in told_before]
    assert len(told) == 1 and "payments" in told[0]["body"], told

    stack.erp("satchmo.binding", "write", [row["id"]], {"next_retry": "2000-01-01 00:00:00"})
    assert_run(shop.sync(), "done")
    assert shop.binding("payments", key)["state"] == "synced"
    assert len(stack.erp("account.voucher", "search", [("satchmo_payment_key", "=", key)])) == 1
