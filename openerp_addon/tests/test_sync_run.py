# -*- coding: utf-8 -*-
"""Sync runs: stored totals over the per-resource counts, and the duration."""
from openerp.tests import common


class TestSyncRun(common.TransactionCase):

    def setUp(self):
        super(TestSyncRun, self).setUp()
        cr, uid = self.cr, self.uid
        self.run_obj = self.registry('satchmo.sync.run')
        self.count_obj = self.registry('satchmo.sync.run.count')
        self.backend_id = self.registry('satchmo.backend').create(cr, uid, {
            'name': 'Test shop', 'url': 'http://127.0.0.1:1'})
        self.run_id = self.run_obj.create(cr, uid, {
            'backend_id': self.backend_id,
            'started_at': '2026-11-28 06:00:00'})

    def totals(self):
        return self.run_obj.read(self.cr, self.uid, self.run_id, [
            'total_created', 'total_updated', 'total_unchanged',
            'total_failed', 'total_skipped'])

    def test_starts_running_with_nothing_counted(self):
        run = self.run_obj.browse(self.cr, self.uid, self.run_id)
        self.assertEqual(run.state, 'running')
        self.assertEqual(run.duration, 0.0)
        self.assertEqual(self.totals()['total_created'], 0)

    def test_totals_follow_the_counts(self):
        cr, uid = self.cr, self.uid
        self.count_obj.create(cr, uid, {
            'run_id': self.run_id, 'resource': 'products', 'created': 3,
            'updated': 1, 'failed': 2, 'skipped': 1})
        count_id = self.count_obj.create(cr, uid, {
            'run_id': self.run_id, 'resource': 'contacts', 'created': 4,
            'unchanged': 5})
        totals = self.totals()
        self.assertEqual((totals['total_created'], totals['total_updated'],
                          totals['total_unchanged'], totals['total_failed'],
                          totals['total_skipped']), (7, 1, 5, 2, 1))
        self.count_obj.write(cr, uid, [count_id], {'failed': 3})
        self.assertEqual(self.totals()['total_failed'], 5)
        # stored: the list view can filter and sum on them
        self.assertIn(self.run_id, self.run_obj.search(
            cr, uid, [('total_failed', '>', 4)]))

    def test_duration_from_start_and_end(self):
        self.run_obj.write(self.cr, self.uid, [self.run_id], {
            'ended_at': '2026-11-28 06:01:30', 'state': 'done'})
        run = self.run_obj.browse(self.cr, self.uid, self.run_id)
        self.assertEqual(run.duration, 90.0)

    def test_company_follows_the_shop(self):
        run = self.run_obj.browse(self.cr, self.uid, self.run_id)
        self.assertEqual(run.company_id, run.backend_id.company_id)

    def test_name_says_shop_and_time(self):
        name = self.run_obj.name_get(self.cr, self.uid, [self.run_id])[0][1]
        self.assertEqual(name, u'Test shop 2026-11-28 06:00:00')
