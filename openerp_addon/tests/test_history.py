# -*- coding: utf-8 -*-
"""The history policy: orders before the accounting start date, and periods of the others.

The demo company's books hold one fiscal year, the current one (2026), in
monthly periods; the payloads' orders are moved in time by the shop's feed.
"""
from .test_order_mapping import OrderCase

PAID = 101  # Complete, paid in the shop on its own day


class HistoryCase(OrderCase):

    def setUp(self):
        super(HistoryCase, self).setUp()
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'accounting_start_date': '2026-06-01'})

    def move(self, shop_id, day):
        order = self.shop.objects['orders'][shop_id]
        self.shop.change('orders', shop_id, time_stamp=day + 'T10:00:00+01:00',
                         payments=[dict(p, time_stamp=day + 'T10:05:00+01:00')
                                   for p in order.get('payments') or []])

    def period(self, day):
        ids = self.registry('account.period').search(self.cr, self.uid, [
            ('date_start', '<=', day), ('date_stop', '>=', day)], order='special')
        return self.registry('account.period').browse(self.cr, self.uid, ids[0])

    def counts_of(self, run, resource):
        return dict((c.resource, c) for c in run.count_ids)[resource]


class TestHistoryPolicy(HistoryCase):

    def test_default_start_is_the_earliest_open_period(self):
        backend_id = self.backends.create(self.cr, self.uid, {'name': 'New', 'url': 'http://x'})
        backend = self.backends.browse(self.cr, self.uid, backend_id)
        self.assertEqual(backend.accounting_start_date, self.period('2026-01-15').date_start)
        self.assertEqual(backend.history_policy, 'history')

    def test_orders_before_the_start_are_history_only(self):
        self.move(PAID, '2026-03-10')
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        order = self.order(PAID)
        self.assertEqual((order.state, order.date_order), ('done', '2026-03-10'))
        self.assertFalse(order.invoice_ids)
        self.assertFalse(self.vouchers_of('payment-1'))
        self.assertEqual(self.binding('orders', PAID).state, 'synced')
        self.assertTrue(self.counts_of(run, 'payments').skipped >= 1)
        # no journal entry dated before the start
        self.assertFalse(self.registry('account.move.line').search(self.cr, self.uid, [
            ('date', '<', '2026-06-01'), ('journal_id.type', 'in', ('sale', 'bank', 'cash'))]))

    def test_or_not_imported_at_all(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'history_policy': 'skip'})
        self.move(PAID, '2026-03-10')
        run = self.sync()
        self.assertIsNone(self.binding('orders', PAID))
        self.assertFalse(self.registry('sale.order').search(
            self.cr, self.uid, [('client_order_ref', '=', str(PAID))]))
        self.assertEqual(self.counts_of(run, 'orders').skipped, 2)  # and the Temp order

    def test_orders_from_the_start_are_booked_on_their_own_days(self):
        self.move(PAID, '2026-07-14')
        self.sync()
        invoice = self.order(PAID).invoice_ids[0]
        self.assertEqual((invoice.state, invoice.date_invoice), ('paid', '2026-07-14'))
        self.assertEqual(invoice.period_id, self.period('2026-07-14'))
        self.assertEqual(invoice.move_id.period_id, self.period('2026-07-14'))
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-1')[0])
        self.assertEqual((voucher.date, voucher.period_id.id),
                         ('2026-07-14', self.period('2026-07-14').id))

    def test_a_payment_keeps_its_own_day(self):
        self.move(PAID, '2026-07-14')
        order = self.shop.objects['orders'][PAID]
        for payment in order['payments']:
            payment['time_stamp'] = '2026-08-02T09:00:00+01:00'
        self.sync()
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-1')[0])
        self.assertEqual(voucher.date, '2026-08-02')
        self.assertEqual(voucher.move_id.period_id, self.period('2026-08-02'))

    def test_a_closed_period_fails_the_order_alone_saying_which(self):
        period = self.period('2026-07-14')
        period.write({'state': 'done'})
        self.move(PAID, '2026-07-14')
        run = self.sync(force=True)  # the checklist names the closed period too
        self.assertIn(period.name, run.reason)
        self.assertEqual(run.state, 'done', run.reason)
        row = self.binding('orders', PAID)
        self.assertEqual(row.state, 'failed')
        self.assertIn(period.name, row.error)
        self.assertIn('closed: reopen it', row.error)
        self.assertFalse(row.res_id)
        self.assertEqual(self.binding('orders', 102).state, 'synced')  # the rest goes on

    def test_a_missing_period_after_the_start_names_the_year(self):
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'accounting_start_date': '2025-01-01'})
        self.move(PAID, '2025-03-10')
        self.sync(force=True)  # the checklist says the same about 2025, see test_checklist
        row = self.binding('orders', PAID)
        self.assertEqual(row.state, 'failed')
        self.assertIn('2025-03-10 has no accounting period', row.error)
        self.assertIn('create the fiscal year of 2025', row.error)
        # nothing booked today instead
        self.assertFalse(self.registry('account.invoice').search(
            self.cr, self.uid, [('origin', 'like', 'SHOP-%d' % PAID)]))
