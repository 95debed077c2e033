# -*- coding: utf-8 -*-
"""Status rules: Blocked stays a draft; a cancelled invoiced order is refunded once."""
from .test_order_mapping import OrderCase


class TestOrderStatus(OrderCase):

    def refunds_of(self, order):
        invoices = self.registry('account.invoice')
        return invoices.search(self.cr, self.uid, [
            ('type', '=', 'out_refund'), ('partner_id', '=', order.invoice_ids[0].partner_id.id)])

    def test_blocked_and_owner_marked_statuses_stay_drafts(self):
        self.backends.write(self.cr, self.uid, [self.backend_id],
                            {'draft_statuses': 'Blocked, In Process'})
        self.shop.objects['orders'][101]['status'] = 'Blocked'
        self.sync()
        for shop_id in (101, 102):  # 102 is In Process
            order = self.order(shop_id)
            self.assertEqual((order.state, list(order.invoice_ids)), ('draft', []))
            self.assertEqual(self.binding('orders', shop_id).state, 'synced')
        self.assertNotEqual(self.order(106).state, 'draft')  # Complete goes on as before

    def test_blocked_is_a_draft_status_by_default(self):
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual(backend.draft_statuses, 'Blocked')
        self.assertFalse(backend.refund_cancelled)

    def test_cancelled_after_invoicing_offers_a_refund_in_one_click(self):
        self.sync()
        self.shop.change('orders', 102, status='Cancelled')
        self.sync()
        row = self.binding('orders', 102)
        self.assertEqual(row.state, 'exception')
        self.assertIn('press Refund', row.error)
        self.bindings.action_refund(self.cr, self.uid, [row.id])
        row = self.binding('orders', 102)
        self.assertEqual(row.state, 'synced')
        self.assertTrue(row.refund_id)
        self.assertIn('refund', row.note)
        self.assertEqual(row.refund_id.amount_total, self.order(102).invoice_ids[0].amount_total)
        self.bindings.action_refund(self.cr, self.uid, [row.id])  # never twice
        self.assertEqual(self.refunds_of(self.order(102)), [row.refund_id.id])

    def test_with_the_switch_on_the_refund_is_made_by_the_run(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'refund_cancelled': True})
        self.sync()
        self.shop.change('orders', 101, status='Cancelled')
        self.sync()
        row = self.binding('orders', 101)
        self.assertEqual(row.state, 'synced', row.error)
        self.assertTrue(row.refund_id)
        self.assertIn('refund', row.note)
        self.shop.change('orders', 101, notes='touched again')
        self.sync()
        refund = self.binding('orders', 101).refund_id
        self.assertEqual(self.refunds_of(self.order(101)), [refund.id])
