# -*- coding: utf-8 -*-
"""A run's progress: written per committed batch, of how much, kept by a run that dies."""
from openerp.addons.openerp_addon.sync import pipeline
from openerp.addons.openerp_addon.sync.cursors import SharedCursors
from openerp.addons.openerp_addon.sync.importer import Counts
from openerp.addons.openerp_addon.sync.progress import Progress

from .common import ConnectorCase


class Killed(BaseException):
    """The server process dying mid-run: nothing in the pipeline catches it."""


class TestProgress(ConnectorCase):

    def progress_of(self, run_id):
        return self.runs.read(self.cr, self.uid, [run_id], [
            'progress', 'progress_unit', 'progress_done', 'progress_total', 'progress_text',
            'state'])[0]

    def test_a_first_sync_knows_its_totals_and_ends_at_one_hundred_percent(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'page_size': 2})
        run = self.sync()
        self.assertEqual(run.state, 'done', run.reason)
        listed = sum(len(objects) for objects in self.shop.objects.values())
        progress = self.progress_of(run.id)
        self.assertEqual((progress['progress_unit'], progress['progress_done'],
                          progress['progress_total'], progress['progress']),
                         ('objects', listed, listed, 100.0))
        self.assertIn(u'%d of %d objects listed' % (listed, listed), progress['progress_text'])
        by_resource = dict((c.resource, c.listed_total) for c in run.count_ids)
        self.assertEqual(by_resource['products'], len(self.shop.objects['products']))

    def test_the_feed_says_how_many_changes_remain(self):
        self.sync()
        self.shop.change('categories', 1, name='Shirts and more')
        self.shop.change('products', 10, name='Python rocks!')
        run = self.sync()
        progress = self.progress_of(run.id)
        self.assertEqual((progress['progress_unit'], progress['progress_done'],
                          progress['progress_total'], progress['progress']),
                         ('changes', 2, 2, 100.0))
        self.assertEqual(self.counts(run)['products'], (0, 1, 0, 0))

    def test_each_batch_writes_what_is_committed_so_far(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'page_size': 2})
        seen = []
        original = Progress.committed

        def spy(progress, counts, advanced):
            original(progress, counts, advanced)
            seen.append(self.progress_of(progress.run_id)['progress_done'])
        Progress.committed = spy
        try:
            self.sync()
        finally:
            Progress.committed = original
        listed = [n for n in seen if n]
        self.assertTrue(len(set(listed)) > 3, seen)
        self.assertEqual(listed, sorted(listed))

    def test_a_run_killed_mid_way_keeps_the_counts_it_committed(self):
        self.backends.write(self.cr, self.uid, [self.backend_id], {'page_size': 1})
        listing = self.shop.list_all

        def dies_at_the_products(resource, limit=100):
            if resource == 'products':
                raise Killed()
            return listing(resource, limit)
        self.shop.list_all = dies_at_the_products
        with self.assertRaises(Killed):
            pipeline.run_sync(self.cr, self.uid, self.backend_id,
                              client_factory=self.shop.factory, cursors=SharedCursors(self.cr))
        run_id = self.runs.search(self.cr, self.uid, [('backend_id', '=', self.backend_id)])[0]
        run = self.runs.browse(self.cr, self.uid, run_id)
        self.assertEqual(run.state, 'running')  # the next run marks it interrupted
        before_products = (len(self.shop.objects['countries'])
                           + len(self.shop.objects['categories']))
        self.assertEqual(self.progress_of(run_id)['progress_done'], before_products)
        self.assertEqual(self.counts(run)['categories'][0], len(self.shop.objects['categories']))

    def test_rate_and_estimated_end_follow_the_clock(self):
        clock = [100.0]
        progress = Progress(SharedCursors(self.cr), self.uid, self.runs.create(
            self.cr, self.uid, {'backend_id': self.backend_id}), self.backend_id,
            clock=lambda: clock[0])
        progress.feed_page({'results': [{}] * 10, 'remaining': 30})
        clock[0] += 5.0
        progress.committed(Counts(), 10)
        figures = progress.figures()
        self.assertEqual((figures['progress_done'], figures['progress_total'],
                          figures['progress_rate'], figures['progress']), (10, 40, 2.0, 25.0))
        self.assertTrue(figures['progress_eta'])
