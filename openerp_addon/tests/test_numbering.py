# -*- coding: utf-8 -*-
"""A partitioned order's numbering (sync/numbering.py): the journals' lock, its keys and
order, and a numbering transaction that begins only after the lock is held."""
from contextlib import contextmanager

from openerp import sql_db
from openerp.tools import mute_logger

from openerp.addons.openerp_addon.sync import numbering, pipeline
from openerp.addons.openerp_addon.sync.cursors import SharedCursors

from .test_order_mapping import OrderCase
from .test_partitions import ORDERS_OF


class LockConnection(object):
    """A real second connection to the test's database that records what is done on it
    (the lock's connection of numbering.journals_locked: it commits nothing but the lock)."""

    def __init__(self, dbname):
        self.real = sql_db.db_connect(dbname).cursor()
        self.done = []

    def execute(self, query, params=None):
        self.done.append(query.split('(')[0].replace('SELECT ', '') + repr(tuple(params or ())))
        return self.real.execute(query, params)

    def fetchone(self):
        return self.real.fetchone()

    def commit(self):
        self.done.append('commit')
        self.real.commit()

    def rollback(self):
        self.done.append('rollback')
        self.real.rollback()

    def close(self):
        self.done.append('close')
        self.real.close()


class OneConnection(object):
    """numbering.journals_locked's ``cursors``: hands out one LockConnection."""

    def __init__(self, connection):
        self.connection = connection

    def cursor(self):
        return self.connection


class WatchedCursors(SharedCursors):
    """The tests' shared cursor, noting when a session begins and when an order's
    numbering asks for the journals' lock, with what the order's rows say at that moment."""

    def __init__(self, cr, case):
        super(WatchedCursors, self).__init__(cr)
        self.case = case
        self.events = []

    def session(self):
        self.events.append('session')
        return super(WatchedCursors, self).session()

    @contextmanager
    def watching(self):
        real = numbering.journals_locked

        def watched(cursors, journal_ids):
            self.events.append(('lock', self.case.order_states()))
            return real(cursors, journal_ids)

        numbering.journals_locked = watched
        try:
            yield self
        finally:
            numbering.journals_locked = real


class TestJournalLock(OrderCase):

    def held_elsewhere(self, journal_id):
        """Is the journal's lock held by another session (tried from the test's cursor)?"""
        self.cr.execute('SELECT pg_try_advisory_lock(%s, %s)',
                        (numbering.JOURNAL_NAMESPACE, journal_id))
        free = self.cr.fetchone()[0]
        if free:
            self.cr.execute('SELECT pg_advisory_unlock(%s, %s)',
                            (numbering.JOURNAL_NAMESPACE, journal_id))
        return not free

    def test_the_lock_is_committed_on_its_own_connection_in_journal_order(self):
        connection = LockConnection(self.cr.dbname)
        with numbering.journals_locked(OneConnection(connection), [41, 7, 41]) as waited:
            self.assertGreaterEqual(waited, 0)
            # committed: another session sees both journals taken
            self.assertEqual([self.held_elsewhere(7), self.held_elsewhere(41)], [True, True])
            self.assertEqual(connection.done, ['pg_advisory_lock(%d, 7)' % 0x5A70,
                                               'pg_advisory_lock(%d, 41)' % 0x5A70, 'commit'])
        self.assertEqual(connection.done[3:], [
            'rollback', 'pg_advisory_unlock(%d, 41)' % 0x5A70,
            'pg_advisory_unlock(%d, 7)' % 0x5A70, 'commit', 'close'])
        self.assertEqual([self.held_elsewhere(7), self.held_elsewhere(41)], [False, False])

    def test_the_lock_is_released_when_the_numbering_fails(self):
        connection = LockConnection(self.cr.dbname)
        with self.assertRaises(ValueError):
            with numbering.journals_locked(OneConnection(connection), [7]):
                raise ValueError('the numbering failed')
        self.assertEqual(connection.done[-3:], ['pg_advisory_unlock(%d, 7)' % 0x5A70,
                                                'commit', 'close'])
        self.assertFalse(self.held_elsewhere(7))

    def test_the_keys_are_the_sales_journal_and_the_payment_journals(self):
        backend = self.backends.browse(self.cr, self.uid, self.backend_id)
        env = self.env()
        invoice = type('Invoice', (), {'journal_id': backend.sale_journal_id})()
        paid = {'payments': [{'kind': 'payment', 'payment': 'PAYMENT_DUMMY'}]}
        self.assertEqual(numbering.journals_of(env, invoice, paid), sorted(
            [backend.sale_journal_id.id, backend.payment_journal_id.id]))
        self.assertEqual(numbering.journals_of(env, invoice, {'payments': []}),
                         [backend.sale_journal_id.id])


class TestNumberingApart(OrderCase):

    def order_states(self):
        """(order row state, invoice state) of every order of customer 7 bound so far."""
        states = []
        for shop_id in ORDERS_OF[7]:
            row = self.binding('orders', shop_id)
            if row and row.res_id:
                invoice = self.order(shop_id).invoice_ids
                states.append((shop_id, row.state, invoice and invoice[0].state or None))
        return states

    def test_a_partitioned_order_is_numbered_after_its_draft_committed(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'partitions': 2})
        self.sync()
        cursors = WatchedCursors(self.cr, self)
        with cursors.watching():
            run_id = pipeline.run_sync(self.cr, self.uid, self.backend_id, partition=0,
                                       client_factory=self.shop.factory, cursors=cursors)
        run = self.runs.browse(self.cr, self.uid, run_id)
        self.assertEqual(run.state, 'done', run.reason)
        # order 101 (paid in full): its draft invoice committed with a row that is not
        # synced, then the lock, then the numbering's own session
        locks = [event for event in cursors.events if event != 'session']
        self.assertIn(('lock', [(101, 'dirty', 'draft')]), locks)
        after = cursors.events[cursors.events.index(('lock', [(101, 'dirty', 'draft')])) + 1]
        self.assertEqual(after, 'session')
        self.assertEqual(self.binding('orders', 101).state, 'synced')
        self.assertEqual(self.order(101).invoice_ids[0].state, 'paid')
        # each order counted once, not once per transaction
        self.assertEqual(self.counts(run)['orders'][:2], (len(ORDERS_OF[7]), 0))

    def test_one_partition_numbers_in_the_order_transaction(self):
        cursors = WatchedCursors(self.cr, self)
        with cursors.watching():
            run_id = pipeline.run_sync(self.cr, self.uid, self.backend_id,
                                       client_factory=self.shop.factory, cursors=cursors)
        self.assertEqual(self.runs.browse(self.cr, self.uid, run_id).state, 'done')
        self.assertEqual([event for event in cursors.events if event != 'session'], [])
        self.assertEqual(self.order(101).invoice_ids[0].state, 'paid')

    @mute_logger('openerp.addons.openerp_addon.sync.pipeline')
    def test_a_worker_stopped_between_the_two_transactions_is_resumed(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'partitions': 2})
        self.sync()
        real = numbering.journals_locked

        def stopped(cursors, journal_ids):
            raise RuntimeError('the worker stopped before the numbering')

        numbering.journals_locked = stopped
        try:
            crashed = self.sync_partition(0)
        finally:
            numbering.journals_locked = real
        self.assertEqual(crashed.state, 'failed')
        self.assertEqual(self.binding('orders', 101).state, 'dirty')  # never "synced"
        self.assertEqual([i.state for i in self.order(101).invoice_ids], ['draft'])

        resumed = self.sync_partition(0)
        self.assertEqual(resumed.state, 'done', resumed.reason)
        self.assertEqual(self.binding('orders', 101).state, 'synced')
        self.assertEqual([i.state for i in self.order(101).invoice_ids], ['paid'])
        for payment in self.shop.objects['orders'][101]['payments']:
            if payment.get('kind') == 'payment':
                self.assertEqual(len(self.vouchers_of(payment['key'])), 1)

    def sync_partition(self, index):
        run_id = pipeline.run_sync(self.cr, self.uid, self.backend_id, partition=index,
                                   client_factory=self.shop.factory,
                                   cursors=SharedCursors(self.cr))
        return self.runs.browse(self.cr, self.uid, run_id)
