# -*- coding: utf-8 -*-
"""Mapping rows: one per shop object, a failure history, a growing retry interval."""
from datetime import datetime

from openerp.tools import DEFAULT_SERVER_DATETIME_FORMAT as DATETIME

from .common import ConnectorCase


class TestBinder(ConnectorCase):

    def test_bind_then_rebind_keeps_one_row(self):
        binder = self.env().binder
        partner_id = self.ref('base.res_partner_1')
        binder.bind('organizations', 5, 'res.partner', partner_id, 'abc')
        binder.bind('organizations', 5, 'res.partner', partner_id, 'def')
        row = self.binding('organizations', 5)
        self.assertEqual((row.state, row.digest, row.res_id), ('synced', 'def', partner_id))
        self.assertEqual(binder.to_openerp('organizations', '5'), partner_id)
        self.assertEqual(len(self.bindings.search(self.cr, self.uid, [
            ('backend_id', '=', self.backend_id)])), 1)

    def test_failures_wait_longer_each_time_then_wait_for_a_person(self):
        binder = self.env().binder  # retry_limit 3
        self.assertTrue(binder.fail('products', 30, 'name is empty'))
        first = self.binding('products', 30)
        self.assertEqual((first.state, first.attempts, first.error),
                         ('failed', 1, 'name is empty'))
        wait1 = datetime.strptime(first.next_retry, DATETIME) - datetime.strptime(
            first.last_attempt, DATETIME)
        self.assertFalse(binder.fail('products', 30, 'still empty'))  # not a new failure
        second = self.binding('products', 30)
        wait2 = datetime.strptime(second.next_retry, DATETIME) - datetime.strptime(
            second.last_attempt, DATETIME)
        self.assertEqual(wait2, 2 * wait1)
        binder.fail('products', 30, 'still empty')
        third = self.binding('products', 30)
        self.assertEqual((third.state, third.attempts, third.next_retry),
                         ('exception', 3, False))

    def test_due_rows_are_failed_and_due_or_dirty(self):
        binder = self.env().binder
        binder.fail('products', 1, 'x')
        binder.fail('products', 2, 'x')
        binder.bind('products', 3, 'product.product', self.ref('product.product_product_4'), 'd')
        self.bindings.write(self.cr, self.uid, [self.binding('products', 1).id],
                            {'next_retry': '2000-01-01 00:00:00'})
        self.bindings.action_mark_dirty(self.cr, self.uid, [self.binding('products', 3).id])
        due = sorted(self.bindings.browse(self.cr, self.uid, binder.due_for_retry()),
                     key=lambda r: r.shop_id)
        self.assertEqual([r.shop_id for r in due], ['1', '3'])

    def test_unique_per_shop_resource_and_id(self):
        self.cr.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                        "WHERE conname = 'satchmo_binding_shop_object_unique'")
        self.assertEqual(self.cr.fetchone()[0], 'UNIQUE (backend_id, resource, shop_id)')
