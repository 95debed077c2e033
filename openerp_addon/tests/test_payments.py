# -*- coding: utf-8 -*-
"""Shop payments -> vouchers: reconciled with the order's own invoice, never twice."""
import psycopg2

from openerp.tools import mute_logger

from openerp.addons.openerp_addon.sync import pipeline

from .test_order_mapping import OrderCase


class TestPayments(OrderCase):

    def test_completed_payments_pay_their_invoice(self):
        run = self.sync()
        paid = self.order(101).invoice_ids[0]
        self.assertEqual(paid.state, 'paid')
        partly = self.order(102).invoice_ids[0]
        self.assertEqual((partly.state, self.money(partly.residual)),
                         ('open', self.money(35.74)))
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-1'))[0]
        self.assertEqual((voucher.state, voucher.amount, voucher.journal_id.type),
                         ('posted', 73.02, 'bank'))
        self.assertEqual([l.move_line_id.invoice.id for l in voucher.line_cr_ids], [paid.id])
        self.assertEqual(self.binding('payments', 'payment-1').res_id, voucher.id)
        # the authorization is not money received
        self.assertIsNone(self.binding('payments', 'authorization-1'))
        counts = dict((c.resource, c) for c in run.count_ids)
        # 101, 102 and 106 (a cent above its invoice, left as a credit)
        self.assertEqual((counts['payments'].created, counts['payments'].skipped), (3, 1))

    def test_a_cent_above_the_invoice_is_posted_and_left_as_a_credit(self):
        """Satchmo charged the balance rounded up: 23.61 on a 23.60 invoice is money received."""
        self.sync()
        invoice = self.order(106).invoice_ids[0]
        self.assertEqual((invoice.state, self.money(invoice.residual)), ('paid', self.money(0)))
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-4'))[0]
        self.assertEqual((voucher.state, voucher.amount, voucher.payment_option),
                         ('posted', 23.61, 'without_writeoff'))
        self.assertEqual([l.amount for l in voucher.line_cr_ids], [23.6])
        row = self.binding('payments', 'payment-4')
        self.assertEqual((row.state, row.error, row.erp_amount), ('synced', False, '23.61'))
        self.assertIn("0.01 is left as a credit on the customer's account", row.note)
        # the cent is an open credit of the customer, on the receivable account
        credit = [l for l in voucher.move_ids if l.account_id == invoice.account_id
                  and not l.reconcile_id]
        self.assertEqual([(l.credit, l.partner_id) for l in credit],
                         [(0.01, invoice.partner_id.commercial_partner_id)])

    def test_two_payments_in_one_run_see_what_the_first_left_owing(self):
        """The second payment is measured against the residual after the first, not before."""
        order = self.shop.objects['orders'][102]
        rest = dict(order['payments'][0], key='payment-9', id=9, amount='35.75')
        self.shop.change('orders', 102, payments=order['payments'] + [rest])
        self.sync()
        invoice = self.order(102).invoice_ids[0]
        self.assertEqual(invoice.state, 'paid')
        voucher = self.vouchers.browse(self.cr, self.uid, self.vouchers_of('payment-9'))[0]
        self.assertEqual([(l.amount, l.reconcile) for l in voucher.line_cr_ids],
                         [(35.74, True)])
        self.assertIn('0.01 is left as a credit', self.binding('payments', 'payment-9').note)

    def test_more_than_a_cent_above_what_the_invoice_owes_is_not_posted(self):
        order = self.shop.objects['orders'][102]
        rest = dict(order['payments'][0], key='payment-9', id=9, amount='35.76')
        self.shop.change('orders', 102, payments=order['payments'] + [rest])
        self.sync()
        row = self.binding('payments', 'payment-9')
        self.assertEqual(row.state, 'exception')
        self.assertIn('35.76 is more than invoice', row.error)
        self.assertIn('still owes (35.74 of 65.74)', row.error)
        self.assertFalse(row.note)
        self.assertFalse(self.vouchers_of('payment-9'))
        self.assertEqual(self.order(102).invoice_ids[0].state, 'open')
        self.assertEqual(len(self.vouchers_of('payment-2')), 1)

    def test_rerun_and_retry_never_pay_twice(self):
        self.sync()
        rows = [self.binding('orders', i).id for i in (101, 102)]
        self.bindings.action_mark_dirty(self.cr, self.uid, rows)
        self.sync()
        self.sync(full=True)
        # retrying a payment row retries its order (against the fake shop, as the
        # button would against the real one), which finds the voucher
        payment_row = self.binding('payments', 'payment-1')
        owners = self.bindings._owners(self.cr, self.uid, [payment_row.id])
        self.assertEqual(owners, [self.binding('orders', 101).id])
        pipeline.retry(self.cr, self.uid, owners, client_factory=self.shop.factory)
        self.assertEqual(len(self.vouchers_of('payment-1')), 1)
        self.assertEqual(len(self.vouchers_of('payment-2')), 1)

    @mute_logger('openerp.sql_db')
    def test_the_database_refuses_a_second_voucher_for_a_payment(self):
        self.sync()
        voucher = self.vouchers_of('payment-1')[0]
        self.cr.execute('SAVEPOINT twice')
        with self.assertRaises(psycopg2.IntegrityError):
            self.cr.execute(
                'UPDATE account_voucher SET satchmo_backend_id = %s, satchmo_payment_key = %s '
                'WHERE id = (SELECT min(id) FROM account_voucher WHERE id != %s)',
                (self.backend_id, 'payment-1', voucher))
        self.cr.execute('ROLLBACK TO SAVEPOINT twice')

    def test_a_later_payment_is_registered_then(self):
        self.sync()
        order = self.shop.objects['orders'][102]
        later = dict(order['payments'][0], key='payment-9', id=9, amount='35.74')
        self.shop.change('orders', 102, payments=order['payments'] + [later])
        self.sync()
        self.assertEqual(len(self.vouchers_of('payment-9')), 1)
        self.assertEqual(len(self.vouchers_of('payment-2')), 1)
        self.assertEqual(self.order(102).invoice_ids[0].state, 'paid')

    def test_resumes_at_the_missing_step(self):
        """Payments off: invoices validated, nothing paid; on again, only payments are added."""
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        backend.write({'register_payments': False})
        self.sync()
        invoice = self.order(101).invoice_ids[0]
        self.assertEqual(invoice.state, 'open')
        self.assertFalse(self.vouchers_of('payment-1'))
        backend.write({'register_payments': True})
        self.bindings.action_mark_dirty(self.cr, self.uid, [self.binding('orders', 101).id])
        self.sync()
        order = self.order(101)
        self.assertEqual([i.id for i in order.invoice_ids], [invoice.id])
        self.assertEqual(order.invoice_ids[0].state, 'paid')
        self.assertEqual(len(self.vouchers_of('payment-1')), 1)
