# -*- coding: utf-8 -*-
"""Journal sequences held per order, and transient database errors retried (transactions.py).

The locks here are real: a second cursor of the database holds the sales
journal's number sequence ``FOR UPDATE`` as an accountant validating an
invoice does, so the sync's ``FOR UPDATE NOWAIT`` fails as it does in
production ("could not obtain lock on row in relation ir_sequence"). The demo
database's sales journal numbers with a *standard* sequence, which takes no
row lock, so validation here first runs the statement that a no-gap sequence
runs (ir.sequence ``_next``); the e2e suite shows it on a real company's
no-gap journals (tests/e2e/test_journal_concurrency.py).
"""
from openerp.tools import mute_logger

from openerp.addons.openerp_addon.sync import transactions, workflow
from openerp.addons.openerp_addon.sync.product import ProductImporter

from .test_order_mapping import OrderCase

# What an accountant validating a customer invoice holds until they commit: the sales
# journals' sequences and their per-fiscal-year sequences (OpenERP takes those first).
SALE_SEQUENCES = """
    SELECT id FROM ir_sequence WHERE id IN (
        SELECT sequence_id FROM account_journal WHERE type = 'sale'
        UNION SELECT f.sequence_id FROM account_sequence_fiscalyear f
        JOIN account_journal j ON j.sequence_id = f.sequence_main_id WHERE j.type = 'sale')
    FOR UPDATE"""
NO_GAP = SALE_SEQUENCES + ' NOWAIT'  # what ir.sequence runs for a no-gap sequence


class TestTransactions(OrderCase):

    def setUp(self):
        super(TestTransactions, self).setUp()
        self.waits = []
        self.accountant = None
        self.release_after = None  # release the accountant's lock after this many waits
        self._sleep, self._validate = transactions.sleep, workflow.validate
        transactions.sleep = self.wait

        def validate_numbering_without_gap(cr, uid, invoice):
            if invoice.state == 'draft':
                cr.execute(NO_GAP)
            return self._validate(cr, uid, invoice)
        workflow.validate = validate_numbering_without_gap

    def tearDown(self):
        transactions.sleep, workflow.validate = self._sleep, self._validate
        self.release()
        super(TestTransactions, self).tearDown()

    def wait(self, seconds):
        """The backoff, without sleeping: it counts, and may let the accountant commit."""
        self.waits.append(seconds)
        if self.release_after is not None and len(self.waits) >= self.release_after:
            self.release()

    def hold_sales_journal(self):
        self.accountant = self.cursor()
        self.accountant.execute(SALE_SEQUENCES)
        self.assertTrue(self.accountant.fetchall(), "no sales journal sequence to hold")

    def release(self):
        if self.accountant is not None:
            self.accountant.rollback()
            self.accountant.close()
            self.accountant = None

    def invoice_state(self, shop_id):
        invoices = [i for i in self.order(shop_id).invoice_ids if i.state != 'cancel']
        return invoices and invoices[0].state or None

    def test_errors_that_are_not_transient_are_never_retried(self):
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.binding('products', 30).state, 'failed')  # it has no name
        self.assertEqual(self.waits, [])
        self.assertEqual(self.invoice_state(101), 'paid')

    @mute_logger('openerp.sql_db')
    def test_an_order_meeting_a_held_journal_is_retried_in_a_fresh_transaction(self):
        self.hold_sales_journal()
        self.release_after = 1  # the accountant commits during the first backoff
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.waits, [transactions.BACKOFF_SECONDS[0]])
        self.assertEqual(self.binding('orders', 101).state, 'synced')
        self.assertEqual(self.invoice_state(101), 'paid')
        self.assertEqual(len(self.vouchers_of('payment-1')), 1)
        failing = self.bindings.browse(self.cr, self.uid, self.bindings.search(
            self.cr, self.uid, [('backend_id', '=', self.backend_id),
                                ('state', 'in', ('failed', 'exception'))]))
        self.assertFalse([r.error for r in failing if 'lock' in (r.error or '')])

    @mute_logger('openerp.sql_db')
    def test_an_order_whose_journal_stays_held_fails_alone_with_the_reason(self):
        self.hold_sales_journal()
        run = self.sync()
        self.release()
        self.assertEqual(run.state, 'done', run.reason)
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'failed')
        self.assertIn('could not obtain lock', row.error)
        self.assertIn('busy on every attempt', row.error)
        self.assertNotIn('Traceback', row.error)
        # every order that reaches validation had its attempts, then failed alone
        locked = [r for r in self.bindings.browse(self.cr, self.uid, self.bindings.search(
            self.cr, self.uid, [('backend_id', '=', self.backend_id), ('resource', '=', 'orders'),
                                ('state', '=', 'failed')])) if 'could not obtain lock' in r.error]
        self.assertEqual(len(self.waits), len(locked) * (transactions.ATTEMPTS - 1))
        self.assertEqual(self.binding('contacts', 7).state, 'synced')
        # rolled back whole: no order, no draft invoice, no voucher left behind
        self.assertFalse(self.registry('sale.order').search(self.cr, self.uid, [
            ('client_order_ref', '=', '101')]))
        self.assertFalse(self.vouchers_of('payment-1'))

    @mute_logger('openerp.sql_db')
    def test_a_batch_sets_a_busy_record_aside_and_retries_it_after_committing(self):
        real = ProductImporter.apply

        def takes_the_sales_journal(importer, payload, values, res_id):
            if payload['id'] == 10:  # as if saving this product needed the journal
                importer.cr.execute(NO_GAP)
            return real(importer, payload, values, res_id)

        self.hold_sales_journal()
        self.release_after = 1
        ProductImporter.apply = takes_the_sales_journal
        try:
            run = self.sync()
        finally:
            ProductImporter.apply = real
        self.assertEqual(run.state, 'done', run.reason)
        self.assertEqual(self.waits, [transactions.BACKOFF_SECONDS[0]])
        self.assertEqual(self.binding('products', 10).state, 'synced')
        self.assertEqual(self.counts(run)['products'], (4, 0, 0, 1))  # 10 counted once
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.cursor, len(self.shop.feed))
