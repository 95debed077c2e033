# -*- coding: utf-8 -*-
"""One shop over several workers (sync/partitions.py): who imports what, which cursor says
what is committed, and the lock that keeps two partitions from importing one product twice."""
import copy
from collections import Counter

import psycopg2

from openerp import sql_db
from openerp.tools import mute_logger

from openerp.addons.openerp_addon.sync import dependency_lock, partitions, pipeline
from openerp.addons.openerp_addon.sync.cursors import SharedCursors
from openerp.addons.openerp_addon.sync.transactions import is_transient

from .test_order_mapping import OrderCase

# payloads/orders.json: contact 7 has orders 101 and 104, contact 8 the others (105 is a
# Temp order, skipped by either kind of run)
ORDERS_OF = {7: [101, 104], 8: [102, 103, 106]}


class TestPartitionArithmetic(OrderCase):

    def test_a_customer_always_lands_in_the_same_partition(self):
        for count in (2, 3, 4):
            seen = [partitions.partition_of(contact, count) for contact in range(1, 2001)]
            self.assertEqual(seen, [partitions.partition_of(str(contact), count)
                                    for contact in range(1, 2001)])
            self.assertEqual(set(seen), set(range(count)))
            spread = Counter(seen)
            self.assertLess(max(spread.values()) - min(spread.values()), 2000 / count * 0.15)
        self.assertEqual(partitions.partition_of(7, 1), 0)

    def test_the_shop_cursor_is_where_every_part_has_committed(self):
        self.assertEqual(partitions.shop_cursor(900, [850, 1200, 900]), 850)
        self.assertEqual(partitions.shop_cursor(700, [850, 1200]), 700)
        self.assertEqual(partitions.shop_cursor(700, []), 700)
        self.assertEqual(partitions.shop_cursor(700, [None, 800]), 0)  # one never ran

    def test_each_part_takes_its_resources_and_its_customers(self):
        shop, first, second = (partitions.Part(None, 2), partitions.Part(0, 2),
                               partitions.Part(1, 2))
        whole = partitions.Part()
        self.assertEqual([p.takes('products') for p in (whole, shop, first, second)],
                         [True, True, False, False])
        self.assertEqual([p.takes('orders') for p in (whole, shop, first, second)],
                         [True, False, True, True])
        order = {'id': 101, 'contact_id': 7}
        self.assertEqual([p.owns('orders', order) for p in (whole, first, second)],
                         [True, True, False])
        # an order the shop deleted (no payload): partition 0 archives it
        self.assertEqual([p.owns('orders', None) for p in (whole, first, second)],
                         [True, True, False])
        self.assertEqual([p.run_number for p in (whole, shop, first, second)], [0, 0, 1, 2])


class TestPartitionedRuns(OrderCase):

    def partitioned(self, count):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'partitions': count})
        return self.backends.browse(self.cr, self.uid, self.backend_id)

    def sync_partition(self, index):
        run_id = pipeline.run_sync(self.cr, self.uid, self.backend_id, partition=index,
                                   client_factory=self.shop.factory,
                                   cursors=SharedCursors(self.cr))
        return self.runs.browse(self.cr, self.uid, run_id)

    def bound_orders(self):
        ids = self.bindings.search(self.cr, self.uid, [('backend_id', '=', self.backend_id),
                                                       ('resource', '=', 'orders')])
        return sorted(int(row.shop_id) for row in self.bindings.browse(self.cr, self.uid, ids)
                      if row.res_id)

    def test_setting_partitions_gives_each_a_scheduled_action_and_a_cursor(self):
        backend = self.partitioned(3)
        rows = backend.partition_ids
        self.assertEqual([(r.index, r.cursor) for r in rows], [(0, 0), (1, 0), (2, 0)])
        self.assertEqual([(r.cron_id.function, r.cron_id.args, r.cron_id.numbercall)
                          for r in rows],
                         [('_cron_sync_partition', repr((int(self.backend_id), i)), -1)
                          for i in range(3)])
        crons = [r.cron_id.id for r in rows]
        backend = self.partitioned(1)
        self.assertEqual(backend.partition_ids, [])
        self.assertEqual(self.registry('ir.cron').search(
            self.cr, self.uid, [('id', 'in', crons)], context={'active_test': False}), [])

    def test_the_orders_of_a_partitioned_shop_are_each_imported_once(self):
        self.partitioned(2)
        shop_run = self.sync()
        self.assertEqual(shop_run.state, 'done', shop_run.reason)
        self.assertNotIn('orders', self.counts(shop_run))  # the catalogue and customers only
        self.assertTrue(self.binding('products', 10).res_id)
        self.assertEqual(self.bound_orders(), [])
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        head = len(self.shop.feed)
        self.assertEqual((backend.dependencies_cursor, backend.cursor), (head, 0))

        first = self.sync_partition(0)
        self.assertEqual((first.state, first.partition), ('done', 1), first.reason)
        self.assertEqual(self.bound_orders(), ORDERS_OF[7])
        second = self.sync_partition(1)
        self.assertEqual((second.state, second.partition), ('done', 2), second.reason)
        self.assertEqual(self.bound_orders(), sorted(ORDERS_OF[7] + ORDERS_OF[8]))
        self.assertEqual(self.order(101).invoice_ids[0].state, 'paid')  # as with one run

        # the shop-wide cursor moves once every partition has committed
        self.sync()
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual([r.cursor for r in backend.partition_ids], [head, head])
        self.assertEqual(backend.cursor, head)
        again = [self.sync_partition(i) for i in (0, 1)]
        self.assertEqual([self.counts(run).get('orders', (0, 0, 0, 0))[:2] for run in again],
                         [(0, 0), (0, 0)])

    def test_partitions_wait_for_the_first_sync_of_the_catalogue(self):
        self.partitioned(2)
        waiting = self.sync_partition(0)
        self.assertEqual(waiting.state, 'done', waiting.reason)
        self.assertIn("has not imported the catalogue and the customers yet", waiting.reason)
        self.assertEqual(self.bound_orders(), [])
        self.assertFalse(self.binding('products', 10))

    def test_a_partition_ahead_of_the_shop_run_imports_a_new_product_once(self):
        self.partitioned(2)
        self.sync()
        self.sync_partition(0)
        self.sync_partition(1)
        self.sync()
        head = len(self.shop.feed)
        # a new product and an order of customer 7 (partition 0) with it
        self.shop.add('products', dict(self.shop.objects['products'][10], id=11,
                                       sku='PY-NEW', slug='python-new', name='New shirt'))
        order = copy.deepcopy(self.shop.objects['orders'][101])
        order.update(id=107, payments=[],
                     status_history=[dict(h, id=107) for h in order['status_history']])
        for number, item in enumerate(order['items']):
            item['id'] = 700 + number
        order['items'][0]['product_id'] = 11
        self.shop.add('orders', order)
        later = [self.sync_partition(i) for i in (0, 1)]  # before the shop's run
        self.assertEqual([self.counts(run).get('orders', (0,))[0] for run in later], [1, 0])
        self.assertEqual(self.counts(later[0])['products'], (1, 0, 0, 0))  # on demand
        shop_run = self.sync()
        self.assertEqual(self.counts(shop_run)['products'], (0, 0, 1, 0))  # found unchanged
        products = self.registry('product.product')
        made = products.search(self.cr, self.uid, [('default_code', '=', 'PY-NEW')],
                               context={'active_test': False})
        self.assertEqual(made, [self.binding('products', 11).res_id])
        self.assertIn(made[0], [line.product_id.id for line in self.order(107).order_line])
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        self.assertEqual([r.cursor for r in backend.partition_ids], [head + 2, head + 2])
        self.assertEqual((backend.dependencies_cursor, backend.cursor), (head + 2, head + 2))


class TestDependencyLock(OrderCase):

    def test_one_transaction_at_a_time_imports_a_shop_object(self):
        dependency_lock.hold(self.cr, self.backend_id, 'products', 10)
        other = sql_db.db_connect(self.cr.dbname).cursor()
        try:
            key = (dependency_lock.DEPENDENCY_NAMESPACE,
                   dependency_lock.lock_key(self.backend_id, 'products', 10))
            other.execute('SELECT pg_try_advisory_xact_lock(%s, %s)', key)
            self.assertFalse(other.fetchone()[0])
            other.execute('SELECT pg_try_advisory_xact_lock(%s, %s)', (
                key[0], dependency_lock.lock_key(self.backend_id, 'products', 11)))
            self.assertTrue(other.fetchone()[0])
        finally:
            other.rollback()
            other.close()

    @mute_logger('openerp.sql_db')
    def test_a_second_mapping_row_of_one_object_is_a_race_tried_again(self):
        values = {'backend_id': self.backend_id, 'resource': 'products', 'shop_id': '10'}
        self.bindings.create(self.cr, self.uid, values)
        self.cr.execute('SAVEPOINT second_row')
        with self.assertRaises(psycopg2.IntegrityError) as raised:
            self.bindings.create(self.cr, self.uid, values)
        self.cr.execute('ROLLBACK TO SAVEPOINT second_row')
        self.assertTrue(is_transient(raised.exception))
