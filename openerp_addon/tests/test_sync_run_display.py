# -*- coding: utf-8 -*-
"""Sync runs for people: no Create, time in words, failures coloured, a graph per day."""
from .common import ConnectorCase


class TestSyncRunDisplay(ConnectorCase):

    def test_timings_read_as_sentences(self):
        run = self.sync()
        self.assertTrue(run.timings_text.startswith(u'Time per kind of object:'),
                        run.timings_text)
        self.assertIn(u'  products: ', run.timings_text)
        self.assertNotIn(u'{', run.timings_text)
        self.assertEqual(run.started_day, run.started_at[:10])

    def test_order_steps_slowest_first(self):
        from openerp.addons.openerp_addon.models.sync_run_display import readable_timings
        text = readable_timings('{"resources": {"orders": 3.31}, "steps": {'
                                '"invoice": {"seconds": 1.0, "calls": 2}, '
                                '"voucher": {"seconds": 2.0, "calls": 2}}}')
        self.assertEqual(text, u'Time per kind of object:\n  orders: 3.3 s\n'
                               u'Time per order step:\n  voucher: 2.0 s (2 times)\n'
                               u'  invoice: 1.0 s (2 times)')

    def test_views_offer_no_create_and_colour_runs_with_failures(self):
        tree = self.runs.fields_view_get(self.cr, self.uid, view_type='tree')['arch']
        self.assertIn('create="false"', tree)
        self.assertIn("darkorange:state == 'done' and total_failed", tree)
        form = self.runs.fields_view_get(self.cr, self.uid, view_type='form')['arch']
        self.assertIn('create="false"', form)
        graph = self.runs.fields_view_get(self.cr, self.uid, view_type='graph')['arch']
        self.assertIn('started_day', graph)

    def test_the_graph_groups_runs_by_day(self):
        self.sync()
        self.sync()
        groups = self.runs.read_group(
            self.cr, self.uid, [('backend_id', '=', self.backend_id)],
            ['started_day', 'total_created', 'duration'], ['started_day'])
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]['started_day_count'], 2)
