# -*- coding: utf-8 -*-
"""A payment that cannot be registered is a failure of its own row: counted, told, retried."""
from datetime import datetime, timedelta

import psycopg2

from openerp.tools import DEFAULT_SERVER_DATETIME_FORMAT as DATETIME

from openerp.addons.openerp_addon.sync.payment import Payments

from .test_order_mapping import OrderCase

BUSY = 'could not obtain lock on row in relation "ir_sequence"'


class TestPaymentFailures(OrderCase):

    def test_a_crashed_payment_fails_its_row_and_a_later_run_registers_it(self):
        real = Payments._create

        def busy(payments, payment, *args):
            if payment['key'] == 'payment-1':
                raise psycopg2.OperationalError(BUSY)
            return real(payments, payment, *args)

        Payments._create = busy
        try:
            run = self.sync()
        finally:
            Payments._create = real
        row = self.binding('payments', 'payment-1')
        self.assertEqual((row.state, row.attempts), ('failed', 1))
        self.assertIn(BUSY, row.error)
        self.assertTrue(row.next_retry)
        self.assertEqual(row.order_binding_id, self.binding('orders', 101))
        self.assertEqual(self.binding('orders', 101).state, 'synced')
        counts = dict((c.resource, c) for c in run.count_ids)
        self.assertGreaterEqual(counts['payments'].failed, 1)
        self.assertFalse(self.vouchers_of('payment-1'))

        past = (datetime.utcnow() - timedelta(minutes=1)).strftime(DATETIME)
        self.bindings.write(self.cr, self.uid, [row.id], {'next_retry': past})
        self.sync()  # the feed has nothing new: the due payment row retries its order
        self.assertEqual(self.binding('payments', 'payment-1').state, 'synced')
        self.assertEqual(len(self.vouchers_of('payment-1')), 1)

    def test_refused_payments_count_as_new_failures(self):
        order = self.shop.objects['orders'][102]
        rest = dict(order['payments'][0], key='payment-9', id=9, amount='35.76')
        self.shop.objects['orders'][102]['payments'] = order['payments'] + [rest]
        self.sync()
        env = self.env()
        payments = Payments(env, env.backend, self.binding('orders', 102).id)
        payments._row(rest, 'exception', u'refused again')
        self.assertEqual(env.counts.new_failures, 0)  # was already refused: not new
