"""An accountant works in the sales journal while the sync imports orders; nobody fails.

Invoice validation and voucher posting take their journal's no-gap number
sequence and hold it until their transaction commits. The connector imports
each order (build, confirm, invoice, validate, pay) in a transaction of its
own (openerp_addon/sync/transactions.py), so the sequence is held for a
fraction of a second per order, and an order that meets the sequence taken
is tried again in a fresh transaction.

One test, two things on one first sync of the e2e store (~25 orders):
1. The server is killed while an order's transaction has created its invoice
   but cannot validate it (the test holds the sales journal's sequence as a
   person's open transaction would): after the restart nothing of that order
   is left half done, and the resumed sync books every order once, with
   numbers that have no gap.
2. That resumed sync runs while an accountant (their own XML-RPC login, in the
   Accountant group) validates invoices by hand in the same sales journal and
   registers a payment: every one of their invoices keeps the number it was
   given, every shop order is invoiced and paid as the shop says, the run's
   counts are right, and pg_locks sampled meanwhile tells how long any
   transaction held a number sequence.
"""
import datetime
import statistics
import threading
import time
import xmlrpc.client

import psycopg2

from tests.e2e.shopcheck import Connected, assert_in_step, assert_run
from tests.e2e.test_faults_crash import wait_for
from tests.harness.clients import ErpRpc

# A transaction of another connection that created an invoice and has not ended: with the
# sales journal's sequence held by the test, it cannot have validated it.
INVOICE_BEING_MADE = """
    SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
    WHERE c.relname = 'account_invoice' AND l.mode = 'RowExclusiveLock' AND l.granted
      AND l.pid <> pg_backend_pid()"""
# Who holds a number sequence row now (SELECT ... FOR UPDATE, then UPDATE: table locks of
# these modes on ir_sequence last until the transaction ends), one row per transaction.
SEQUENCE_HOLDERS = """
    SELECT DISTINCT l.virtualtransaction FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
    WHERE c.relname = 'ir_sequence' AND l.mode IN ('RowShareLock', 'RowExclusiveLock')
      AND l.granted AND l.pid <> pg_backend_pid()"""
HAND_INVOICES = 5


def test_accountant_and_sync_share_the_sales_journal(fresh_stack):
    stack = fresh_stack
    shop = Connected(stack, page_size=10)
    assert shop.orders, "orders are not imported yet"
    pg = psycopg2.connect(dbname=stack.erp_db, **stack.servers.pg.dsn("openerp"))
    pg.autocommit = True

    # 1. killed between an order's creation and its invoice's validation
    person = psycopg2.connect(dbname=stack.erp_db, **stack.servers.pg.dsn("openerp"))
    with person.cursor() as cur:  # as a person's transaction validating an invoice holds it
        cur.execute("SELECT id FROM ir_sequence WHERE id IN %s FOR UPDATE",
                    (tuple(_journal_sequences(stack)),))
    killed = threading.Thread(target=lambda: _quietly(shop.sync), daemon=True)
    killed.start()
    assert wait_for(lambda: _rows(pg, INVOICE_BEING_MADE), 240, step=0.01), \
        "no order reached its invoice"
    stack.servers.erp.daemon.kill()
    person.rollback()
    person.close()
    killed.join(timeout=60)
    stack.servers.erp.start(stack.erp_db)
    stack.rpc.reset_login()
    assert not stack.erp("account.invoice", "search", [("state", "in", ["open", "paid"])])
    bound = set(r["res_id"] for r in shop.bindings("orders") if r["res_id"])
    orphans = set(stack.erp("sale.order", "search", [])) - bound
    assert not orphans, "sale orders of the killed transaction are left: %s" % sorted(orphans)
    for invoice in stack.erp_read_all("account.invoice", [], ["origin"]):  # drafts kept on hold
        assert stack.erp("sale.order", "search", [("name", "=", invoice["origin"]),
                                                  ("id", "in", list(bound))]), invoice

    # 2. the resumed sync, while the accountant validates and pays by hand
    accountant = _accountant(stack)
    bound_before = len(bound)
    drafts = [_draft_invoice(stack, accountant, n) for n in range(HAND_INVOICES)]
    shop.partners_before |= set(  # the people the test made: the accountant, the customers
        [stack.erp("res.users", "read", [accountant.uid], ["partner_id"])[0]["partner_id"][0]]
        + [i["partner_id"][0] for i in stack.erp("account.invoice", "read", drafts,
                                                 ["partner_id"])])
    numbered, holds, outcome = {}, {}, {}
    syncing = threading.Thread(target=lambda: outcome.update(run=shop.sync()), daemon=True)
    sampler = threading.Thread(target=_sample, args=(pg, holds, syncing), daemon=True)
    syncing.start()
    sampler.start()
    assert wait_for(lambda: stack.erp("account.invoice", "search_count", [
        ("state", "in", ["open", "paid"])]) >= 3, 240), "no order was booked"
    for invoice_id in drafts:
        _workflow(accountant, "account.invoice", "invoice_open", invoice_id)
        numbered[invoice_id] = accountant("account.invoice", "read", [invoice_id],
                                          ["number"])[0]["number"]
        time.sleep(0.5)
    shop.vouchers_before.add(_pay(stack, accountant, drafts[0]))  # the accountant's own
    syncing.join(timeout=600)
    sampler.join(timeout=30)
    run = outcome["run"]
    seconds = sorted(holds.values())
    assert seconds, "pg_locks never showed a number sequence held"
    print("\nnumber sequence held per transaction (pg_locks, %d transactions): median %.3f s, "
          "max %.3f s; run %.1f s" % (len(seconds), statistics.median(seconds), seconds[-1],
                                     run["seconds"]))
    assert_run(run, "done")

    # the accountant's side: every invoice kept its number, the paid one is paid
    after = dict((i["id"], i) for i in stack.erp("account.invoice", "read", drafts,
                                                 ["number", "state"]))
    assert all(after[i]["number"] == numbered[i] for i in drafts), (numbered, after)
    assert after[drafts[0]]["state"] == "paid"
    assert all(after[i]["state"] == "open" for i in drafts[1:]), after
    # the shop's side: every order booked as the shop says, one voucher per payment
    assert not shop.failures(), shop.failures()
    assert_in_step(shop)
    orders = [r for r in shop.bindings("orders") if r["res_id"]]
    for order in stack.erp("sale.order", "read", [r["res_id"] for r in orders],
                           ["invoice_ids", "state", "name"]):
        live = [i for i in stack.erp("account.invoice", "read", order["invoice_ids"], ["state"])
                if i["state"] != "cancel"]
        assert len(live) <= 1, order  # never invoiced twice
    assert run["counts"]["orders"]["created"] == len(orders) - bound_before, run["counts"]
    assert run["counts"]["orders"]["failed"] == 0, run["counts"]
    vouchers = stack.erp("account.voucher", "search", [("satchmo_payment_key", "!=", False),
                                                        ("state", "=", "posted")])
    assert run["counts"]["payments"]["created"] == len(vouchers) > 0, run["counts"]
    _assert_numbers_without_gap(stack, drafts)

    assert seconds[-1] < 30, "a transaction held a number sequence %.1f s" % (
        seconds[-1])
    pg.close()


def _quietly(call):
    try:
        call()
    except Exception:  # the server dies under the call
        pass


def _rows(pg, query):
    with pg.cursor() as cur:
        cur.execute(query)
        return cur.fetchall()


def _sample(pg, holds, running):
    """How long each transaction holds a number sequence: pg_locks every 10 ms."""
    first, last = {}, {}
    while running.is_alive():
        now = time.monotonic()
        for (transaction,) in _rows(pg, SEQUENCE_HOLDERS):
            first.setdefault(transaction, now)
            last[transaction] = now
        time.sleep(0.01)
    holds.update((t, last[t] - first[t]) for t in first)


def _accountant(stack):
    """A person of the company in OpenERP's Accountant group, with a login of their own
    (and Contact Creation: reconciling a payment writes on the customer)."""
    groups = [stack.erp("ir.model.data", "get_object_reference", module, name)[1]
              for module, name in (("base", "group_user"), ("base", "group_partner_manager"),
                                   ("account", "group_account_user"))]
    company = stack.erp("res.users", "read", [stack.uid], ["company_id"])[0]["company_id"][0]
    stack.erp("res.users", "create", {
        "name": "Accountant", "login": "accountant", "password": "accountant",
        "company_id": company, "company_ids": [(6, 0, [company])],
        "groups_id": [(6, 0, groups)]})
    return ErpRpc(stack.erp_url, stack.erp_db, "accountant", "accountant")


def _journal_sequences(stack):
    """The number sequences of the shop's sales journal: its own and its fiscal years'."""
    journal = stack.erp("account.journal", "read", [_sales_journal(stack)], ["sequence_id"])[0]
    main = journal["sequence_id"][0]
    per_year = stack.erp_read_all("account.sequence.fiscalyear", [("sequence_main_id", "=", main)],
                                  ["sequence_id"])
    return [main] + [row["sequence_id"][0] for row in per_year]


def _sales_journal(stack):
    backend = stack.erp("satchmo.backend", "read", [stack.backend_id], ["sale_journal_id"])[0]
    return backend["sale_journal_id"][0]


def _draft_invoice(stack, accountant, n):
    """A customer invoice typed by hand in the shop's sales journal (not from an order)."""
    journal = stack.erp("account.journal", "read", [_sales_journal(stack)],
                        ["default_credit_account_id"])[0]
    partner = stack.erp("res.partner", "create", {"name": "Walk-in customer %d" % n,
                                                  "customer": True})
    receivable = accountant("res.partner", "read", [partner],
                            ["property_account_receivable"])[0]["property_account_receivable"]
    return accountant("account.invoice", "create", {
        "type": "out_invoice", "partner_id": partner, "account_id": receivable[0],
        "journal_id": _sales_journal(stack),
        "date_invoice": datetime.date.today().isoformat(),
        "invoice_line": [(0, 0, {"name": "Counter sale %d" % n, "quantity": 1,
                                 "price_unit": 10 + n,
                                 "account_id": journal["default_credit_account_id"][0]})]})


def _workflow(rpc, model, signal, res_id):
    proxy = xmlrpc.client.ServerProxy(rpc.erp_url + "/xmlrpc/object", allow_none=True)
    return proxy.exec_workflow(rpc.db, rpc.uid, rpc.password, model, signal, res_id)


def _pay(stack, accountant, invoice_id):
    """The accountant registers the customer's payment of an invoice, in the bank journal."""
    invoice = accountant("account.invoice", "read", [invoice_id],
                         ["partner_id", "amount_total", "move_id", "account_id", "number"])[0]
    lines = accountant("account.move.line", "read", accountant(
        "account.move.line", "search", [("move_id", "=", invoice["move_id"][0]),
                                        ("account_id", "=", invoice["account_id"][0])]),
        ["debit"])
    bank = stack.erp("satchmo.backend", "read", [stack.backend_id],
                     ["payment_journal_id"])[0]["payment_journal_id"][0]
    account = stack.erp("account.journal", "read", [bank],
                        ["default_debit_account_id"])[0]["default_debit_account_id"][0]
    voucher = accountant("account.voucher", "create", {
        "type": "receipt", "partner_id": invoice["partner_id"][0], "journal_id": bank,
        "account_id": account, "amount": invoice["amount_total"],
        "date": datetime.date.today().isoformat(), "reference": "counter",
        "line_cr_ids": [(0, 0, {"name": invoice["number"], "type": "cr",
                                "move_line_id": lines[0]["id"],
                                "account_id": invoice["account_id"][0],
                                "amount": invoice["amount_total"], "reconcile": True})]},
        {"type": "receipt"})
    _workflow(accountant, "account.voucher", "proforma_voucher", voucher)
    return voucher


def _assert_numbers_without_gap(stack, hand_made):
    """OpenERP's own numbers of the sales journal: each once, and as many invoices as
    numbers its sequences gave out (a number taken by a transaction that did not book
    its invoice would be a gap)."""
    invoices = stack.erp_read_all("account.invoice", [("journal_id", "=", _sales_journal(stack)),
                                                      ("state", "in", ["open", "paid"])],
                                  ["number"])
    assert set(hand_made) <= set(i["id"] for i in invoices)
    numbers = [i["number"] for i in invoices]
    assert len(set(numbers)) == len(numbers), sorted(numbers)
    given = sum(s["number_next"] - 1 for s in stack.erp(
        "ir.sequence", "read", _journal_sequences(stack), ["number_next", "implementation"])
        if s["implementation"] == "no_gap")
    assert given == len(numbers) > 0, (given, sorted(numbers))
